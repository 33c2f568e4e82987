/**
 * One accepted API WebSocket of the browser shell (ARCHITECTURE.md §8.10): every text frame is one JSON
 * request, checked before it reaches the ApiHandler; a bad frame is answered with `badRequest` and the
 * connection stays up. A client may have at most `maxPending` requests in flight; beyond that it is told
 * `busy` (the renderer asks one thing at a time, so only a runaway or hostile page hits the limit).
 */
import { WebSocket, type RawData } from 'ws';
import type { ApiReply } from '../../common/kiosk-api';
import type { ApiHandler } from '../host/api/api-handler';
import { decodeWireRequest, errorReply, UNKNOWN_REQUEST_ID } from './api-wire';

export type WebLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: object) => void;

export interface ApiConnectionOptions {
  api: ApiHandler;
  clientId: string;
  maxPending: number;
  log: WebLog;
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

export function sendJson(ws: WebSocket, message: unknown): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

export function serveApiConnection(ws: WebSocket, options: ApiConnectionOptions): void {
  const { api, clientId, maxPending, log } = options;
  let pending = 0;

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      sendJson(ws, errorReply(UNKNOWN_REQUEST_ID, 'badRequest', 'binary frames are not accepted'));
      return;
    }
    const checked = decodeWireRequest(frameText(data));
    if (!checked.ok) {
      // The detail names the field, never its value (the frame may carry personal data).
      log('warn', 'web api: bad request refused', { clientId, detail: checked.reply.ok ? undefined : checked.reply.error.detail });
      sendJson(ws, checked.reply);
      return;
    }
    const request = checked.request;
    if (pending >= maxPending) {
      log('warn', 'web api: too many requests in flight', { clientId, pending });
      sendJson(ws, errorReply(request.id, 'busy', `at most ${maxPending} requests may be in flight`));
      return;
    }
    pending += 1;
    let settled: Promise<ApiReply>;
    try {
      settled = api.handle(request, { via: 'web', clientId });
    } catch (err) {
      settled = Promise.reject(err);
    }
    settled
      .then(
        (reply) => ({ ...reply, id: request.id }),
        (err: unknown) => {
          log('error', 'web api: handler failed', { clientId, channel: request.channel, error: err instanceof Error ? err.message : String(err) });
          return errorReply(request.id, 'internal', 'the host failed to handle the request');
        },
      )
      .then((reply) => {
        pending -= 1;
        sendJson(ws, reply);
      });
  });

  ws.on('error', (err) => log('warn', 'web api: socket error', { clientId, error: err.message }));
}
