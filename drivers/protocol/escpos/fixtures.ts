/**
 * Golden ESC/POS byte fixtures taken from protocols.md §2 (and the P5 Cashino KP-628E manual it cites).
 * Shared by the encoder, decoder and parser tests so the driver and the simulator are held to the same
 * bytes (ARCHITECTURE.md §4); the simulator's tests may use them too.
 */

/** "1D 28 6B" → bytes. */
export function hex(text: string): Uint8Array {
  const parts = text.trim().split(/\s+/u).filter((p) => p.length > 0);
  return Uint8Array.from(parts, (p) => {
    if (!/^[0-9a-fA-F]{2}$/u.test(p)) throw new Error(`bad hex byte "${p}"`);
    return Number.parseInt(p, 16);
  });
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Host → printer commands. */
export const COMMANDS = {
  init: hex('1B 40'), // §2.1
  chineseOn: hex('1C 26'), // §2.1, P5
  chineseOff: hex('1C 2E'), // §2.1, P5
  alignCenter: hex('1B 61 01'), // §2.1
  boldOn: hex('1B 45 01'), // §2.1
  sizeDoubleBoth: hex('1D 21 11'), // §2.1: "11 = double both"
  feed3Lines: hex('1B 64 03'), // §2.1
  cutFull: hex('1D 56 00'), // §2.1
  cutPartial: hex('1D 56 01'), // §2.1
  // QR, model 2, 6 dots, level M, storing "A001" (§2.2; the store line is the section's worked example)
  qrModel2: hex('1D 28 6B 04 00 31 41 32 00'),
  qrModuleSize6: hex('1D 28 6B 03 00 31 43 06'),
  qrEcM: hex('1D 28 6B 03 00 31 45 31'),
  qrStoreA001: hex('1D 28 6B 07 00 31 50 30 41 30 30 31'),
  qrPrint: hex('1D 28 6B 03 00 31 51 30'),
  // CODE128 "A001": GS h 80, GS w 2, GS H 2 (below), GS k 73 n "{B" data (§2.1, form B)
  code128A001: hex('1D 68 50 1D 77 02 1D 48 02 1D 6B 49 06 7B 42 41 30 30 31'),
  // GS v 0, mode 0, 1 byte × 2 dots: FF then 81 (§2.3)
  raster8x2: hex('1D 76 30 00 01 00 02 00 FF 81'),
  asbEnableAll: hex('1D 61 FF'), // §2.5: what ESC-POS-.NET sends
  processIdT001: hex('1D 28 48 06 00 30 30 54 30 30 31'), // §2.7
  transmitPaperStatus: hex('1D 72 01'), // §2.1, §2.7
  dleEot1: hex('10 04 01'), // §2.4
  dleEot2: hex('10 04 02'),
  dleEot3: hex('10 04 03'),
  dleEot4: hex('10 04 04'),
  dleEnqClear: hex('10 05 02'), // §2.1: recover after clearing the buffers
} as const;

/** 爱上自己 in GB2312/GBK/GB18030, from the P5 manual's FS & example. */
export const GB_AI_SHANG_ZI_JI = hex('B0 AE C9 CF D7 D4 BC BA');

/** Whole host streams quoted in the P5 manual (Cashino KP-628E) §7.2 examples. */
export const P5_STREAMS = {
  chineseMode: hex('1B 40 1C 26 B0 AE C9 CF D7 D4 BC BA 0D 0A 1C 2E B0 AE C9 CF D7 D4 BC BA 0D 0A'),
  qr: hex('1B 40 1D 28 6B 03 00 31 43 03 1D 28 6B 03 00 31 45 30 1D 28 6B 06 00 31 50 30 41 42 43 1B 61 01 1D 28 6B 03 00 31 52 30 1D 28 6B 03 00 31 51 30'),
  barcodes: hex('1B 40 1D 48 02 1D 6B 41 0C 31 32 33 34 35 36 37 38 39 30 31 32 1D 6B 49 08 41 30 32 33 34 35 36 41'),
  cuts: hex('1B 40 30 30 30 0D 0A 1D 56 00 30 30 30 0D 0A 1D 56 01 30 30 30 0D 0A 1D 56 42 00'),
} as const;

/** Printer → host replies. */
export const REPLIES = {
  // DLE EOT (§2.4): python-escpos masks for n = 4, escpos-rs tests for n = 1 and n = 2
  healthy: 0x12,
  rollNearEnd: 0x1e,
  rollEnd: 0x72,
  n1Offline: 0x1a,
  n2CoverOpenFeedError: 0x5e,
  n1TicketNotTaken: 0x92, // P5: DLE EOT 1 bit 7 on the Cashino KP-628E
  // ASB (§2.5): the first byte has (b & 93) == 10
  asbHealthy: hex('10 00 00 00'),
  asbOfflineCoverOpenPaperEnd: hex('38 00 0C 00'),
  processIdT001: hex('37 22 54 30 30 31 00'), // §2.7
} as const;

/** The stream whole, cut in two at every offset, and byte by byte: chunkings a decoder must treat alike. */
export function chunkings(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[bytes]];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  out.push(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
  return out;
}
