/**
 * From an OCR'd page to the fields of the paper it shows (issue 17 §4): the rows of the page (page-rows.ts), the
 * fields of a business licence or a household register page, and the fields the citizen must confirm. A page
 * that read as nothing, or on which none of the paper's fields was found, gives no fields and a bilingual
 * message saying so (issue 17 "OCR that reads nothing"), not an error.
 */
import { bilingual } from '../diagnostics/diagnostics-error';
import { businessLicenceFields, type BusinessLicenceFields } from './business-licence-fields';
import { householdRegisterFields, type HouseholdRegisterFields } from './household-register-fields';
import type { DocumentField } from './document-fields';
import { pageRows } from './page-rows';
import type { OcrLine } from './ocr-types';

export type DocumentKind = 'businessLicence' | 'householdRegister';

export type DocumentReading =
  | { kind: 'businessLicence'; fields: BusinessLicenceFields; needsConfirmation: string[]; message?: string }
  | { kind: 'householdRegister'; fields: HouseholdRegisterFields; needsConfirmation: string[]; message?: string };

export const NOTHING_READ = bilingual('未能识别出文字，请将材料平放在拍摄区内重新拍摄，或手动填写', 'No text could be read; lay the paper flat in the capture area and try again, or fill in the form by hand');
export const NO_FIELDS_FOUND = {
  businessLicence: bilingual('未在图像中找到营业执照的内容，请确认材料后重新拍摄，或手动填写', 'No business licence fields were found; check the paper and capture it again, or fill in the form by hand'),
  householdRegister: bilingual('未在图像中找到户口簿登记页的内容，请确认材料后重新拍摄，或手动填写', 'No household register fields were found; check the page and capture it again, or fill in the form by hand'),
} as const;

/** Plain text (one row a line, confidence 1): for text from elsewhere, and the extraction's unit tests. */
export function linesFromText(text: string, confidence = 1): OcrLine[] {
  return text
    .split('\n')
    .filter((t) => t.trim() !== '')
    .map((t, i) => {
      const bbox = { x0: 0, y0: i * 40, x1: 20 * t.length, y1: i * 40 + 30 };
      const words = t
        .split(/(\s{2,})/)
        .reduce<Array<{ text: string; x0: number }>>((acc, part) => {
          const x0 = acc.length === 0 ? 0 : (acc[acc.length - 1] as { x0: number; text: string }).x0 + 20 * [...(acc[acc.length - 1] as { text: string }).text].length;
          return [...acc, { text: part, x0: part.trim() === '' ? x0 + 40 : x0 }];
        }, [])
        .filter((w) => w.text.trim() !== '')
        .map((w) => ({ text: w.text.trim(), confidence, bbox: { x0: w.x0, y0: bbox.y0, x1: w.x0 + 20 * [...w.text.trim()].length, y1: bbox.y1 } }));
      return { text: t, confidence, bbox, words };
    });
}

export function readDocument(kind: DocumentKind, lines: readonly OcrLine[]): DocumentReading {
  const rows = pageRows(lines);
  const fields = kind === 'businessLicence' ? businessLicenceFields(rows) : householdRegisterFields(rows);
  const entries = Object.entries(fields) as Array<[string, DocumentField]>;
  const needsConfirmation = entries.filter(([, f]) => f.needsConfirmation).map(([k]) => k);
  const message = rows.length === 0 ? NOTHING_READ : entries.length === 0 ? NO_FIELDS_FOUND[kind] : undefined;
  return { kind, fields, needsConfirmation, ...(message && { message }) } as DocumentReading;
}
