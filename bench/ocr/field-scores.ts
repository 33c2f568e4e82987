/**
 * How well the key fields of a test page were read (issue 17 §4 benchmark): each key field right or not, and for
 * the numbers with a check character (统一社会信用代码, 公民身份号码) whether a misread was caught: its check failed
 * (so the citizen is asked to confirm it) rather than passing with wrong characters.
 */
import type { DocumentReading } from '../../main/host/ocr/read-document';
import type { DocumentField } from '../../main/host/ocr/document-fields';
import type { DocumentTruth } from '../../test/support/ocr-pages/made-up-documents';

export interface FieldScore {
  field: string;
  right: boolean;
  /** For the checked numbers only. */
  number?: 'right' | 'missing' | 'misreadCaught' | 'misreadPassed';
  flagged: boolean;
}

export function keyFieldsOf(truth: DocumentTruth): Record<string, string> {
  return truth.kind === 'businessLicence'
    ? { creditCode: truth.creditCode, name: truth.name, legalRepresentative: truth.legalRepresentative }
    : { name: truth.name, idNumber: truth.idNumber };
}

export function scoreFields(reading: DocumentReading, truth: DocumentTruth): FieldScore[] {
  const fields = reading.fields as Record<string, DocumentField | undefined>;
  return Object.entries(keyFieldsOf(truth)).map(([field, expected]) => {
    const got = fields[field];
    const right = got?.value === expected;
    const score: FieldScore = { field, right, flagged: got?.needsConfirmation ?? true };
    if (field === 'creditCode' || field === 'idNumber') {
      score.number = !got ? 'missing' : right ? 'right' : got.checked === 'valid' ? 'misreadPassed' : 'misreadCaught';
    }
    return score;
  });
}
