/**
 * One IPP request and its response over HTTP (protocols.md §4.1: POST, Content-Type application/ipp; RFC
 * 8010 §4): bounded by a time-out on the injected clock and by an AbortSignal (ARCHITECTURE.md §3), a fresh
 * connection each time (no keep-alive to go half-open behind a switch). What can go wrong, as the closed
 * error set says it: nothing listens (connection refused, host unknown or unreachable) → noDevice; no answer
 * in time → timeout; an HTTP error or a body that is not IPP → garbledReply.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '../../../common/clock';
import { IPP_MIME_TYPE } from '../../protocol/ipp/constants';
import { decodeIppMessage, IppDecodeError } from '../../protocol/ipp/ipp-decoder';
import { encodeIppMessage } from '../../protocol/ipp/ipp-encoder';
import type { IppMessage } from '../../protocol/ipp/ipp-message';
import { DeviceError } from '../device-error';
import type { IppEndpoint } from './ipp-url';
import { bilingual } from './ipp-messages';

/** Larger responses are refused: a Get-Jobs of a busy CUPS server stays far below [C]. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE']);

export interface ExchangeOptions {
  clock: Clock;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function exchangeIpp(endpoint: IppEndpoint, message: IppMessage, { clock, timeoutMs, signal }: ExchangeOptions): Promise<IppMessage> {
  const body = encodeIppMessage(message);
  const where = endpoint.description;
  return new Promise<IppMessage>((resolve, reject) => {
    let done = false;
    let req: ClientRequest | undefined;
    const finish = (err: DeviceError | null, value?: IppMessage): void => {
      if (done) return;
      done = true;
      timer.cancel();
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        req?.destroy();
        reject(err);
      } else resolve(value!);
    };
    const onAbort = (): void => finish(new DeviceError('canceled', `IPP request to ${where} canceled`));
    const timer = clock.setTimer(timeoutMs, () => finish(new DeviceError('timeout', bilingual(`打印机 ${where} 在 ${timeoutMs} 毫秒内没有应答`, `the printer at ${where} did not answer within ${timeoutMs} ms`))));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const send = endpoint.httpUrl.protocol === 'https:' ? httpsRequest : httpRequest;
    req = send(endpoint.httpUrl, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': IPP_MIME_TYPE, 'Content-Length': String(body.length), Accept: IPP_MIME_TYPE, Connection: 'close' },
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (UNREACHABLE.has(code)) finish(new DeviceError('noDevice', bilingual(`打印机 ${where} 无法连接（${code}）`, `nothing answers at ${where} (${code})`)));
      else finish(new DeviceError('noDevice', bilingual(`与打印机 ${where} 的连接出错`, `the connection to ${where} failed: ${err.message}`)));
    });
    req.on('response', (res: IncomingMessage) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      res.on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) finish(new DeviceError('garbledReply', `the IPP response from ${where} exceeds ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', () => finish(new DeviceError('noDevice', bilingual(`打印机 ${where} 中断了应答`, `${where} broke off its answer`))));
      res.on('end', () => {
        if (res.statusCode !== 200) return finish(new DeviceError('garbledReply', bilingual(`打印机 ${where} 返回 HTTP ${res.statusCode}`, `${where} answered HTTP ${res.statusCode} instead of an IPP response`)));
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        try {
          finish(null, decodeIppMessage(all));
        } catch (err) {
          if (!(err instanceof IppDecodeError)) throw err;
          finish(new DeviceError('garbledReply', bilingual(`打印机 ${where} 的应答无法解读`, `the answer of ${where} is not a valid IPP message: ${err.message}`)));
        }
      });
    });
    req.end(body);
  });
}
