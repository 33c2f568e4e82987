/**
 * Why a page could not be read (issue 17 "Bad input and faults"): the message is bilingual, for the citizen
 * screen and the journal, and never carries page content.
 */
import { bilingual } from '../diagnostics/diagnostics-error';

export type OcrErrorCode =
  /** Not PNG or JPEG bytes, or an image Tesseract could not decode. */
  | 'invalidImage'
  /** The page took longer than the per-page limit; its worker was stopped and is replaced. */
  | 'timeout'
  /** The caller aborted. */
  | 'canceled'
  /** The worker could not start (language data missing or unreadable) or died while reading. */
  | 'engineFailed'
  /** close() was called. */
  | 'closed';

const MESSAGES: Readonly<Record<OcrErrorCode, string>> = {
  invalidImage: bilingual('无法识别该图像，请重新拍摄', 'The image could not be read; please capture the page again'),
  timeout: bilingual('文字识别超时，请重试或到窗口办理', 'Text recognition took too long; please retry or go to a service window'),
  canceled: bilingual('文字识别已取消', 'Text recognition was cancelled'),
  engineFailed: bilingual('文字识别暂不可用，请重试或到窗口办理', 'Text recognition is unavailable; please retry or go to a service window'),
  closed: bilingual('文字识别已关闭', 'Text recognition has been shut down'),
};

export class OcrError extends Error {
  override readonly name = 'OcrError';

  constructor(
    readonly code: OcrErrorCode,
    /** For the technician's log: what failed underneath (no page content). */
    readonly detail?: string,
  ) {
    super(MESSAGES[code]);
  }
}
