/**
 * Where the renderer reports a problem of its own (a render crash, a dropped push). The KioskApi has no
 * channel for renderer diagnostics (common/kiosk-api.ts), so reports go to the page's standard error
 * reporting (`reportError`: the shell's devtools and console capture). Everything is masked first (§8.7):
 * an error thrown while a citizen's data was on screen may carry it in its message or stack.
 */
import { maskForLog, maskIdNumbersInText } from '../../../common/mask';

export type ReportProblem = (msg: string, fields?: Record<string, unknown>) => void;

export const reportProblem: ReportProblem = (msg, fields) => {
  const detail = fields === undefined ? '' : ` ${JSON.stringify(maskForLog(fields))}`;
  const error = new Error(maskIdNumbersInText(msg) + detail);
  error.name = 'KioskRendererProblem';
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
};
