/**
 * The body of `POST /sim/devices/:id/scan` (issue 14 item 6): `{ "data": "…", "symbology"?: "qr" | … }`, a
 * citizen holding a code to the scanner. `data` is the label's text, 1 to MAX_SCAN_CHARS characters that
 * encode to at most MAX_LABEL_BYTES bytes (the largest QR code, version 40 in byte mode, holds 2953 bytes);
 * `symbology` defaults to "qr". Refusals name the field and the rule and never echo the value (a code may
 * be personal data, ARCHITECTURE.md §8.7).
 */
import { SYMBOLOGIES, isSymbology, type Symbology } from '../../drivers/protocol/hidpos/symbology';
import { SimActionError } from '../sim-device';

export const MAX_SCAN_CHARS = 2000;
export const MAX_LABEL_BYTES = 2953;

export interface ScanRequest {
  data: string;
  symbology: Symbology;
}

const FIELDS = ['data', 'symbology'] as const;
const refuse = (message: string): never => {
  throw new SimActionError(message, true);
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The scan a POST body describes; throws SimActionError (400) naming what is wrong. */
export function parseScanRequest(body: unknown): ScanRequest {
  if (!isPlainObject(body)) return refuse('the body must be a JSON object: {"data": "<the code>", "symbology"?: "qr"}');
  for (const key of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(key)) refuse(`a scan has no field "${key}"; it takes ${FIELDS.join(', ')}`);
  }
  const { data, symbology = 'qr' } = body;
  if (data === undefined) refuse('scan field "data" is missing: the text of the code held to the scanner');
  if (typeof data !== 'string') refuse('scan field "data" must be a string');
  const text = data as string;
  if (text.length === 0) refuse('scan field "data" is empty: a label has at least one character');
  if (text.length > MAX_SCAN_CHARS) refuse(`scan field "data" is longer than ${MAX_SCAN_CHARS} characters`);
  if (new TextEncoder().encode(text).length > MAX_LABEL_BYTES) refuse(`scan field "data" is more than ${MAX_LABEL_BYTES} bytes in UTF-8, more than a QR code holds`);
  if (!isSymbology(symbology)) refuse(`scan field "symbology" must be one of ${SYMBOLOGIES.join(', ')}`);
  return { data: text, symbology: symbology as Symbology };
}
