/**
 * Confirmation codes, the first payload byte of every ack packet (protocols.md §3.3 [V: F1, F2]), with the
 * common error code (common/errors.ts) each one becomes. The meanings are §3.3's words, for technicians.
 * The table is by code alone: §3.3 gives one meaning per code whatever the instruction.
 */
import type { ErrorCode } from '../../../common/errors';

export const CC_OK = 0x00;

export interface ConfirmationCodeInfo {
  meaning: string;
  /** What the code means to the rest of the kiosk; undefined for OK. */
  error: ErrorCode | undefined;
}

export const CONFIRMATION_CODES: ReadonlyMap<number, ConfirmationCodeInfo> = new Map<number, ConfirmationCodeInfo>([
  [CC_OK, { meaning: 'OK', error: undefined }],
  // The module could not read the host's packet: the line (cable, baud) is at fault, as garbledReply says.
  [0x01, { meaning: 'Error receiving the packet', error: 'garbledReply' }],
  [0x02, { meaning: 'No finger on the sensor', error: 'fingerNotPresented' }],
  // F2 "Could not read image", F1 IMAGEFAIL: a smudged or moved finger as often as a fault; the citizen retries.
  [0x03, { meaning: 'Failed to capture the image', error: 'fingerPoorQuality' }],
  [0x06, { meaning: 'Image too messy to extract features', error: 'fingerPoorQuality' }],
  [0x07, { meaning: 'Too few feature points', error: 'fingerPoorQuality' }],
  [0x08, { meaning: 'No match (Match)', error: 'fingerMismatch' }],
  [0x09, { meaning: 'No matching template found (Search)', error: 'fingerMismatch' }],
  // The two captures would not merge into one template: press the same finger again.
  [0x0a, { meaning: 'Failed to merge the buffers (RegModel)', error: 'fingerPoorQuality' }],
  [0x0b, { meaning: 'PageID out of range', error: 'invalidData' }],
  // "or invalid template": a template the host sent (DownChar) that the module refuses.
  [0x0c, { meaning: 'Error reading the template, or invalid template', error: 'invalidData' }],
  [0x0d, { meaning: 'Error uploading the template', error: 'hardwareError' }],
  // DownChar refused before any data: the module is not ready; the driver may retry.
  [0x0e, { meaning: 'Module cannot receive the following data packets', error: 'deviceNotReady' }],
  [0x0f, { meaning: 'Error uploading the image', error: 'hardwareError' }],
  [0x10, { meaning: 'Failed to delete', error: 'hardwareError' }],
  [0x11, { meaning: 'Failed to clear the library', error: 'hardwareError' }],
  // The module holds a password the kiosk is not configured with: a technician must set one of the two.
  [0x13, { meaning: 'Wrong password', error: 'hardwareError' }],
  // No image in the buffer (Img2Tz/UpImage before a good GenImg): capture again.
  [0x15, { meaning: 'No valid primary image', error: 'deviceNotReady' }],
  [0x18, { meaning: 'Flash write error', error: 'hardwareError' }],
  [0x1a, { meaning: 'Invalid register number', error: 'invalidData' }],
  [0x1d, { meaning: 'Communication port error', error: 'garbledReply' }],
  // §3.3 says only "Address code"; F2 raises "The address is wrong" for it after VfyPwd.
  [0x20, { meaning: 'Address code', error: 'hardwareError' }],
  // Send VfyPwd, then the command again.
  [0x21, { meaning: 'Password must be verified', error: 'deviceNotReady' }],
]);

/** A code §3.3 does not list: the module is not the one this codec knows, or it is failing. */
export const UNKNOWN_CODE_ERROR: ErrorCode = 'hardwareError';

export interface ConfirmationCode extends ConfirmationCodeInfo {
  code: number;
  known: boolean;
}

export function describeConfirmationCode(code: number): ConfirmationCode {
  const info = CONFIRMATION_CODES.get(code);
  if (info !== undefined) return { code, known: true, ...info };
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  return { code, known: false, meaning: `Unknown confirmation code ${hex}`, error: UNKNOWN_CODE_ERROR };
}
