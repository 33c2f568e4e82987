/**
 * The idempotency key of one take-ticket tap (common/queue.ts TakeTicketRequest): fresh per tap, shaped to the
 * id pattern the host validates (common/api-validate.ts, validateTakeTicketRequest).
 */
const ID_ALLOWED = /[^A-Za-z0-9_-]/g;
const ID_MAX_LENGTH = 64;

export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

export function newRequestId(source: RandomSource = globalThis.crypto): string {
  let raw: string;
  if (typeof source.randomUUID === 'function') {
    raw = source.randomUUID();
  } else {
    const bytes = source.getRandomValues(new Uint8Array(16));
    raw = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  const id = raw.replace(ID_ALLOWED, '').slice(0, ID_MAX_LENGTH);
  if (id.length === 0) throw new Error('random source produced no usable request id');
  return id;
}
