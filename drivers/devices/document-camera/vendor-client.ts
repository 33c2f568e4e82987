/**
 * JSON over HTTP to the vendor's local service (docs/document-camera.md §2; protocols.md §6), on loopback.
 * One request per call, ended by the caller's signal (the device's command queue bounds it on the injected
 * clock). Failures in the closed set (ARCHITECTURE.md §3): nothing listening → `noDevice` (the service is not
 * running), aborted → the queue's own `timeout`/`canceled`, an HTTP error status → `hardwareError`, a body that
 * is not JSON → `garbledReply`. Replies carry scans: nothing of a body is ever logged.
 */
import { DeviceError } from '../device-error';

export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`;

export interface VendorClientOptions {
  /** Asked at every request, so a simulator's port (known once it listens) or a changed address is followed. */
  endpoint: () => string;
  /** For tests: the fetch to use; default the global one (Node 20). */
  fetch?: typeof fetch;
}

export class VendorClient {
  constructor(private readonly options: VendorClientOptions) {}

  get baseUrl(): string {
    return this.options.endpoint().replace(/\/+$/u, '');
  }

  async get(path: string, signal: AbortSignal): Promise<unknown> {
    return this.send('GET', path, undefined, signal);
  }

  async post(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.send('POST', path, body, signal);
  }

  private async send(method: string, path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(url, {
        method,
        signal,
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (err) {
      if (signal.aborted) throw new DeviceError('canceled', `${method} ${path}: aborted`);
      throw new DeviceError('noDevice', bilingual('高拍仪服务未运行或无法连接', `the document camera's local service does not answer at ${this.baseUrl} (${causeOf(err)})`));
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new DeviceError(signal.aborted ? 'canceled' : 'noDevice', `${method} ${path}: the reply broke off`);
    }
    if (!res.ok) throw new DeviceError('hardwareError', bilingual('高拍仪服务报错', `${method} ${path}: HTTP ${res.status}`));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DeviceError('garbledReply', bilingual('高拍仪服务回复无法解析', `${method} ${path}: the reply is not JSON`));
    }
  }
}

function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return code || (cause instanceof Error ? cause.message : String(cause));
}
