/**
 * A few ready-made raw commands per driver for the console (issue 15 §3): safe questions a device answers
 * without printing or changing anything, written out from protocols.md (ESC/POS DLE EOT §2.4 and GS r §2.7;
 * GA 467 frames with their XOR check byte §1.2; ZFM packets with their sum §3.2). The renderer may not read
 * the drivers' tables (ARCHITECTURE.md §2), so they are spelled here; the host describes whatever comes back.
 */
import type { StaffMessageId } from '../i18n/staff-text';

export interface RawPreset {
  label: StaffMessageId;
  hex: string;
}

export const RAW_PRESETS: Readonly<Record<string, readonly RawPreset[]>> = {
  escpos: [
    { label: 'tech.preset.escposPrinter', hex: '10 04 01' },
    { label: 'tech.preset.escposOffline', hex: '10 04 02' },
    { label: 'tech.preset.escposError', hex: '10 04 03' },
    { label: 'tech.preset.escposPaper', hex: '10 04 04' },
  ],
  ga467: [
    { label: 'tech.preset.ga467Sam', hex: 'AA AA AA 96 69 00 03 11 FF ED' },
    { label: 'tech.preset.ga467SamId', hex: 'AA AA AA 96 69 00 03 12 FF EE' },
    { label: 'tech.preset.ga467Find', hex: 'AA AA AA 96 69 00 03 20 01 22' },
  ],
  zfm: [
    { label: 'tech.preset.zfmGenImg', hex: 'EF 01 FF FF FF FF 01 00 03 01 00 05' },
    { label: 'tech.preset.zfmSysPara', hex: 'EF 01 FF FF FF FF 01 00 03 0F 00 13' },
    { label: 'tech.preset.zfmTemplates', hex: 'EF 01 FF FF FF FF 01 00 03 1D 00 21' },
  ],
};

/** How long the console listens for the reply: the host allows 50 ms – 10 s. */
export const WAIT_CHOICES_MS: readonly number[] = [2_000, 5_000, 10_000];

/** Characters of hex the keys may type (200 bytes): enough for every preset and any command typed by hand. */
export const RAW_HEX_MAX_CHARS = 600;
