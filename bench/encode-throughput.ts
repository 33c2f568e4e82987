/**
 * Ticket encoding throughput: the kiosk's real queue ticket (buildTicketDocument, the default hall's first
 * business) rendered by our encoder (PrintDocument → ESC/POS, GB18030 via FS &) against the published
 * `@node-escpos/core` (the maintained successor of the `escpos` package) building the same ticket in the same
 * run: the same text in GB18030, alignment, bold, sizes, QR code, rules, feeds and cut. Before timing, both
 * outputs are checked to carry every text line's GB18030 bytes and the QR payload, so the two really encode
 * the same ticket. Differences the table cannot hide: @node-escpos/core writes the QR with the older
 * `ESC Z` command (ours: `GS ( k`, protocols.md §2.2) and sends no completion request (ours: GS ( H, §2.7).
 */
import { Printer } from '@node-escpos/core';
import { performance } from 'node:perf_hooks';
import type { PrintDocument } from '../common/print-document';
import { renderDocument } from '../drivers/devices/escpos/render-document';
import { encodeGb18030 } from '../drivers/protocol/escpos/gb18030';
import { escPosModel } from '../drivers/protocol/escpos/models';
import { loadConfig } from '../main/host/config/load-config';
import { buildTicketDocument } from '../main/host/queue/ticket-document';

const MODEL = escPosModel('generic-escpos-80');
const ALIGN = { left: 'lt', center: 'ct', right: 'rt' } as const;
const NULL_ADAPTER = { open: () => NULL_ADAPTER, write: () => NULL_ADAPTER, close: () => NULL_ADAPTER, read: () => undefined };

/** The ticket a citizen gets: the same function and layout the host prints. */
export function sampleTicket(): PrintDocument {
  const config = loadConfig({ env: {} }); // the documented default hall
  const business = config.queue.businesses[0]!;
  return buildTicketDocument({
    ticket: { number: `${business.prefix}023`, day: '2026-11-23', peopleAhead: 12, estimatedWaitMinutes: 25 },
    business,
    hall: config.hall,
    issuedAtMs: Date.UTC(2026, 10, 23, 1, 41),
    jobId: 'bench',
  });
}

function encodeWithPublished(doc: PrintDocument): Uint8Array {
  const p = new Printer(NULL_ADAPTER as unknown as ConstructorParameters<typeof Printer>[0], { encoding: 'GB18030' });
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      p.align(ALIGN[b.align ?? 'left']).style(b.bold ? 'B' : 'NORMAL').size(b.scale ?? 1, b.scale ?? 1);
      p.text(b.text);
    } else if (b.kind === 'qr') p.align(ALIGN[b.align ?? 'left']).qrcode(b.data, 3, 'm', b.moduleSize ?? 6);
    else if (b.kind === 'rule') p.align('lt').size(1, 1).text('-'.repeat(MODEL.charsPerLine));
    else if (b.kind === 'feed') p.feed(b.lines);
  }
  p.cut(false, 4);
  return new Uint8Array(p.buffer.flush());
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(Buffer.from(needle));
}

/** Throws unless both outputs carry every text line and QR payload of the document. */
export function assertSameTicket(doc: PrintDocument, ...outputs: Uint8Array[]): void {
  for (const b of doc.blocks) {
    const content = b.kind === 'text' ? b.text : b.kind === 'qr' ? b.data : null;
    if (content === null) continue;
    const needle = b.kind === 'text' ? encodeGb18030(content) : new TextEncoder().encode(content);
    outputs.forEach((out, i) => {
      if (!contains(out, needle)) throw new Error(`encoder ${i} lost "${content}"`);
    });
  }
}

export function encodeThroughput(iterations: number): { ours: number; published: number; oursBytes: number; publishedBytes: number } {
  const doc = sampleTicket();
  const ourEncode = (): Uint8Array => renderDocument(doc, MODEL, '0001').bytes;
  const publishedEncode = (): Uint8Array => encodeWithPublished(doc);
  assertSameTicket(doc, ourEncode(), publishedEncode());
  // Interleaved rounds, so neither side gets the warmer JIT or the quieter moment of the machine.
  const elapsed = { ours: 0, published: 0 };
  const rounds = 10;
  for (let i = 0; i < 200; i++) (ourEncode(), publishedEncode());
  for (let r = 0; r < rounds; r++) {
    for (const [side, fn] of [['ours', ourEncode], ['published', publishedEncode]] as const) {
      const t0 = performance.now();
      for (let i = 0; i < iterations / rounds; i++) fn();
      elapsed[side] += performance.now() - t0;
    }
  }
  return {
    ours: iterations / (elapsed.ours / 1000),
    published: iterations / (elapsed.published / 1000),
    oursBytes: ourEncode().length,
    publishedBytes: publishedEncode().length,
  };
}
