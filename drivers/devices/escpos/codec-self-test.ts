/**
 * The internal health check's self-test (ARCHITECTURE.md §3 "internal"): nothing is sent to the printer.
 * The test page is rendered for this model and read back by the shared command parser (the same one the
 * simulator prints from), so a broken model row or encoder is found before a citizen's ticket is: every
 * text line must come back whole in the model's character set (with □ for what the set cannot hold), the
 * job must end with a cut and the model's completion request (protocols.md §2.7), and nothing may be
 * unreadable.
 */
import type { PrintDocument } from '../../../common/print-document';
import { REPLACEMENT_CHARACTER, encodeForCharset } from '../../protocol/escpos/charsets';
import { EscPosCommandParser } from '../../protocol/escpos/command-parser';
import type { EscPosModel } from '../../protocol/escpos/models';
import { renderDocument } from './render-document';

const SELF_TEST_TAG = '0000';

/** What is wrong with `bytes` as the rendering of `doc` for a model completing by `completion`; [] = sound. */
export function roundTripProblems(doc: PrintDocument, bytes: Uint8Array, model: Pick<EscPosModel, 'completion' | 'charset'>): string[] {
  const { completion, charset } = model;
  const parser = new EscPosCommandParser({ charset });
  const commands = [...parser.push(bytes), ...parser.flush()];
  const problems: string[] = [];
  const unreadable = commands.filter((c) => c.type === 'unknown').length;
  if (unreadable > 0) problems.push(`${unreadable} unreadable command(s)`);
  const text = commands.map((c) => (c.type === 'text' ? c.text : '\n')).join('');
  for (const block of doc.blocks) {
    if (block.kind !== 'text') continue;
    let expected = block.text;
    for (const ch of encodeForCharset(block.text, charset).replaced) expected = expected.replace(ch, REPLACEMENT_CHARACTER);
    if (!text.includes(expected)) problems.push(`text "${block.text}" does not read back`);
  }
  // A presenter's FS P cuts as it presents (§2.6).
  if (!commands.some((c) => c.type === 'cut' || c.type === 'present')) problems.push('no cut');
  const last = commands.at(-1);
  const completes = completion === 'processId' ? last?.type === 'processId' : last?.type === 'transmitStatus';
  if (!completes) problems.push(`the job does not end with its completion request (${completion})`);
  return problems;
}

export function codecSelfTest(doc: PrintDocument, model: EscPosModel): string[] {
  return roundTripProblems(doc, renderDocument(doc, model, SELF_TEST_TAG).bytes, model);
}
