/**
 * From the configuration's url (common/device.ts TransportConfig `ipp`; protocols.md §4.1) to where the HTTP
 * POST goes and what the printer-uri attribute says: ipp://host/ipp/print → http://host:631/ipp/print with
 * printer-uri ipp://host:631/ipp/print; ipps:// → https:// (port 631 too, RFC 7472); http(s):// is used as
 * given, its printer-uri spelt ipp(s)://. A CUPS queue is ipp://host:631/printers/<queue> (§4.4).
 */
import { DEFAULT_IPP_PORT } from '../../protocol/ipp/constants';
import { DeviceError } from '../device-error';

export interface IppEndpoint {
  /** Where the request is POSTed. */
  httpUrl: URL;
  /** The printer-uri operation attribute. */
  printerUri: string;
  /** For messages and logs: host:port/path, no credentials. */
  description: string;
}

const SCHEMES: Readonly<Record<string, { http: 'http:' | 'https:'; ipp: 'ipp:' | 'ipps:'; defaultPort: number }>> = {
  'ipp:': { http: 'http:', ipp: 'ipp:', defaultPort: DEFAULT_IPP_PORT },
  'ipps:': { http: 'https:', ipp: 'ipps:', defaultPort: DEFAULT_IPP_PORT },
  'http:': { http: 'http:', ipp: 'ipp:', defaultPort: 80 },
  'https:': { http: 'https:', ipp: 'ipps:', defaultPort: 443 },
};

export function ippEndpoint(url: string): IppEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeviceError('invalidData', `"${url}" is not a URL; an IPP printer is ipp://host[:631]/ipp/print or ipp://host:631/printers/<queue>`);
  }
  const scheme = SCHEMES[parsed.protocol];
  if (!scheme) throw new DeviceError('invalidData', `"${parsed.protocol}" is not ipp:, ipps:, http: or https:`);
  const port = parsed.port === '' ? scheme.defaultPort : Number(parsed.port);
  const path = parsed.pathname === '' || parsed.pathname === '/' ? '/ipp/print' : parsed.pathname;
  const httpUrl = new URL(`${scheme.http}//${parsed.hostname.includes(':') && !parsed.hostname.startsWith('[') ? `[${parsed.hostname}]` : parsed.hostname}:${port}${path}`);
  const printerUri = `${scheme.ipp}//${httpUrl.host}${path}`;
  return { httpUrl, printerUri, description: `${httpUrl.host}${path}` };
}
