/**
 * The error every device command rejects with: a code from the closed set and the actor who must act
 * (ARCHITECTURE.md §3).
 */
import { ERROR_ACTOR, type Actor, type ErrorCode, type KioskErrorInfo } from '../../common/errors';

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
    return new DeviceError(fallback, err instanceof Error ? err.message : String(err));
  }
}
