/**
 * Wire-level checks shared by the two API bridges (ARCHITECTURE.md §8.10): the browser shell's WebSocket
 * and the supervisor's IPC relay. A message is accepted only when its envelope passes `parseApiRequest` and
 * its body passes the channel's validator (so e.g. a `priority` field is refused before it reaches a
 * service); anything else becomes a `badRequest` reply carrying the id when one could be read.
 */
import { parseApiRequest, validateRequest } from '../../common/kiosk-api-channels';
import { errorInfo, type ErrorCode } from '../../common/errors';
import type { ApiReply, ApiRequest } from '../../common/kiosk-api';

/** The id used in a reply to a message whose own id could not be read. */
export const UNKNOWN_REQUEST_ID = -1;

export type WireCheck = { ok: true; request: ApiRequest } | { ok: false; reply: ApiReply };

export function errorReply(id: number, code: ErrorCode, detail?: string): ApiReply {
  return { kind: 'reply', id, ok: false, error: errorInfo(code, detail) };
}

/** The request id of a message, if it has a usable one. */
export function readRequestId(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return UNKNOWN_REQUEST_ID;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : UNKNOWN_REQUEST_ID;
}

/** Checks an already-decoded message; the accepted request carries the validator's clean copy of the body. */
export function checkWireRequest(raw: unknown): WireCheck {
  const envelope = parseApiRequest(raw);
  if (!envelope.ok) return { ok: false, reply: errorReply(readRequestId(raw), 'badRequest', envelope.detail) };
  const request = envelope.value;
  const body = validateRequest(request.channel, request.request);
  if (!body.ok) return { ok: false, reply: errorReply(request.id, 'badRequest', `${request.channel}: ${body.detail}`) };
  return { ok: true, request: { ...request, request: body.value } };
}

/** Decodes one text frame and checks it. */
export function decodeWireRequest(text: string): WireCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reply: errorReply(UNKNOWN_REQUEST_ID, 'badRequest', 'message is not JSON') };
  }
  return checkWireRequest(raw);
}
