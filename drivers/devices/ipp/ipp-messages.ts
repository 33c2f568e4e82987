/**
 * The bilingual words of the IPP printer's errors (`中文 / English`, as main/host/diagnostics/
 * diagnostics-error.ts writes them), kept in one place so the citizen, staff and technician read the same.
 */
import { errorInfo, type ErrorCode, type KioskErrorInfo } from '../../../common/errors';

export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** Why print() refused a job before the printer took it (printer-reasons.ts printBlocker). */
const BLOCKER_WORDS: Partial<Record<ErrorCode, [string, string]>> = {
  paperOut: ['打印机缺纸', 'the printer is out of paper'],
  paperJam: ['打印机卡纸', 'the printer has a paper jam'],
  coverOpen: ['打印机盖板打开', 'a printer cover or door is open'],
  offline: ['打印机离线', 'the printer is offline'],
  userError: ['打印机墨粉用尽', 'the printer is out of toner'],
  deviceNotReady: ['打印机暂不接受打印任务', 'the printer is not accepting jobs'],
};

export function blockerInfo(code: ErrorCode, where: string, reasons: readonly string[]): KioskErrorInfo {
  const [zh, en] = BLOCKER_WORDS[code] ?? ['打印机未就绪', 'the printer is not ready'];
  return errorInfo(code, bilingual(`${zh}，未打印`, `${en} (${where}; printer-state-reasons ${reasons.join(',') || 'none'}): nothing was printed`));
}
