import { describe, expect, it } from 'vitest';
import { ippEndpoint } from './ipp-url';

describe('ippEndpoint', () => {
  it.each([
    ['ipp://printer.hall.local/ipp/print', 'http://printer.hall.local:631/ipp/print', 'ipp://printer.hall.local:631/ipp/print'],
    ['ipp://10.0.0.5', 'http://10.0.0.5:631/ipp/print', 'ipp://10.0.0.5:631/ipp/print'],
    ['ipp://cups.local:631/printers/certificates', 'http://cups.local:631/printers/certificates', 'ipp://cups.local:631/printers/certificates'],
    ['ipps://printer:8631/ipp/print', 'https://printer:8631/ipp/print', 'ipps://printer:8631/ipp/print'],
    ['http://127.0.0.1:40123/ipp/print', 'http://127.0.0.1:40123/ipp/print', 'ipp://127.0.0.1:40123/ipp/print'],
    ['ipp://[fe80::1]/ipp/print', 'http://[fe80::1]:631/ipp/print', 'ipp://[fe80::1]:631/ipp/print'],
  ])('%s', (url, http, printerUri) => {
    const e = ippEndpoint(url);
    expect(e.httpUrl.href).toBe(http);
    expect(e.printerUri).toBe(printerUri);
  });

  it('refuses what is not an IPP address', () => {
    expect(() => ippEndpoint('printer')).toThrow(/not a URL/);
    expect(() => ippEndpoint('lpd://printer/queue')).toThrow(/not ipp:/);
  });
});
