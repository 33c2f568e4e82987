/**
 * The error every device command rejects with: a code from the closed set and the actor who must act
 * (ARCHITECTURE.md §3).
 */
import { ERROR_ACTOR, type Actor, type ErrorCode, type KioskErrorInfo } from '../../common/errors';
import { TransportError } from '../transport/transport';

/**
 * What a failed link means for the device: absent, closed or unplugged (an I/O error on a serial or TCP
 * link is almost always the cable or the adapter going away) → noDevice; a port held by another process
 * → busy.
 */
const TRANSPORT_ERROR_CODES: Readonly<Record<TransportError['kind'], ErrorCode>> = {
  notFound: 'noDevice',
  closed: 'noDevice',
  io: 'noDevice',
  busy: 'busy',
};

export class DeviceError extends Error {
  readonly actor: Actor;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
    this.actor = ERROR_ACTOR[code];
  }

  info(): KioskErrorInfo {
    return { code: this.code, actor: this.actor, detail: this.message };
  }

  static from(err: unknown, fallback: ErrorCode = 'hardwareError'): DeviceError {
    if (err instanceof DeviceError) return err;
    if (err instanceof TransportError) return new DeviceError(TRANSPORT_ERROR_CODES[err.kind], err.message);
    return new DeviceError(fallback, err instanceof Error ? err.message : String(err));
  }
}
