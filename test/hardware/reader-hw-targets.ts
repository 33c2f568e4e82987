/**
 * Which real ID-card reader or fingerprint module a hardware contract suite runs on (ARCHITECTURE.md §5):
 *
 *   KIOSK_HW_IDCARDREADER=/dev/ttyUSB0[@115200]     (or serial:/dev/ttyUSB0@115200; §1.8 UART, 115200 by default)
 *   KIOSK_HW_IDCARDREADER=usb:0400:c35a             (USB vendor-bulk, §1.8; the model must have an endpoint plan)
 *   KIOSK_HW_IDCARDREADER_MODEL=openidr200-usb      (a reader-models.ts id; default generic-ga467, openidr200-usb for usb:)
 *   KIOSK_HW_FINGERPRINTREADER=/dev/ttyUSB1[@57600] (§3.1: 57600 by default)
 *   KIOSK_HW_FINGERPRINTREADER_MODEL=r503           (a module-models.ts id; default generic-zfm)
 */
import type { TransportConfig } from '../../common/device';
import { hwVariable } from './hw-target';

export const ID_CARD_READER_VARIABLE = hwVariable('idCardReader');
export const FINGERPRINT_VARIABLE = hwVariable('fingerprintReader');

export type ReaderLink = Extract<TransportConfig, { kind: 'serial' | 'usb' }>;

export interface ReaderHwTarget {
  link: ReaderLink;
  model: string;
}

function parseSerial(spec: string, defaultBaud: number): ReaderLink | null {
  const m = /^(?:serial:)?(\/dev\/[^\s@]+)(?:@(\d+))?$/u.exec(spec);
  if (!m) return null;
  return { kind: 'serial', path: m[1]!, baudRate: m[2] === undefined ? defaultBaud : Number(m[2]), flowControl: 'none' };
}

/** Reads one KIOSK_HW_IDCARDREADER value; throws with the accepted forms when it is none of them. */
export function parseIdCardReaderLink(spec: string): ReaderLink {
  const serial = parseSerial(spec, 115200);
  if (serial) return serial;
  const usb = /^usb:([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/u.exec(spec);
  if (usb) return { kind: 'usb', vendorId: parseInt(usb[1]!, 16), productId: parseInt(usb[2]!, 16) };
  throw new Error(`"${spec}" names no ID-card reader; write /dev/ttyUSB0[@115200] (or serial:/dev/ttyUSB0@115200) or usb:0400:c35a`);
}

/** Reads one KIOSK_HW_FINGERPRINTREADER value. */
export function parseFingerprintLink(spec: string): ReaderLink {
  const serial = parseSerial(spec, 57600);
  if (serial) return serial;
  throw new Error(`"${spec}" names no fingerprint module; write /dev/ttyUSB1[@57600] (or serial:/dev/ttyUSB1@57600)`);
}

type Env = Record<string, string | undefined>;

export function idCardReaderHwTarget(env: Env = process.env): ReaderHwTarget | null {
  const spec = env[ID_CARD_READER_VARIABLE];
  if (spec === undefined || spec === '') return null;
  const link = parseIdCardReaderLink(spec);
  return { link, model: env[`${ID_CARD_READER_VARIABLE}_MODEL`] || (link.kind === 'usb' ? 'openidr200-usb' : 'generic-ga467') };
}

export function fingerprintHwTarget(env: Env = process.env): ReaderHwTarget | null {
  const spec = env[FINGERPRINT_VARIABLE];
  if (spec === undefined || spec === '') return null;
  return { link: parseFingerprintLink(spec), model: env[`${FINGERPRINT_VARIABLE}_MODEL`] || 'generic-zfm' };
}
