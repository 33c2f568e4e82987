/**
 * Turns whatever a failed KioskApi call rejected with into the contract's error shape (common/errors.ts).
 * Class identity does not survive Electron's contextBridge, so a KioskApiError is recognised by its shape
 * (`info.code`) or by its message ("code: detail"), not only by `instanceof`.
 */
import { errorInfo, isErrorCode, type KioskErrorInfo } from '../../../common/errors';
import { KioskApiError } from '../../../common/kiosk-api';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A KioskErrorInfo from the wire, or null when the value is not one. */
export function parseErrorInfo(value: unknown): KioskErrorInfo | null {
  if (!isRecord(value) || !isErrorCode(value.code)) return null;
  return errorInfo(value.code, typeof value.detail === 'string' ? value.detail : undefined);
}

export function toErrorInfo(error: unknown): KioskErrorInfo {
  if (error instanceof KioskApiError) return error.info;
  if (isRecord(error)) {
    const info = parseErrorInfo(error.info);
    if (info) return info;
    if (typeof error.message === 'string') {
      const match = /^(?:Error invoking remote method '[^']*': )?(?:\w*Error: )?(\w+)(?::\s*([\s\S]*))?$/.exec(error.message);
      if (match && isErrorCode(match[1])) return errorInfo(match[1], match[2]);
      return errorInfo('internal', error.message);
    }
  }
  return errorInfo('internal', String(error));
}
