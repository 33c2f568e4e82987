/**
 * The simulated printer's receive stage (protocols.md §2.4, §2.7): the host's bytes become commands in
 * stream order, whatever the chunking. On models that act on real-time commands even inside another
 * command's data (models.ts `realtimeInData: "acts"`), a scanner on the raw stream finds `10 04|05|14 n`
 * wherever it stands; the bytes before each one are parsed first, and the parser's own copies of those
 * commands are dropped. On models that ignore them inside data, the parser alone decides.
 */
import { EscPosCommandParser, type EscPosCommand } from '../../drivers/protocol/escpos/command-parser';
import { DLE_ENQ, DLE_EOT } from '../../drivers/protocol/escpos/constants';
import type { EscPosModel } from '../../drivers/protocol/escpos/models';
import { RealtimeScanner, type RealtimeCommand } from '../../drivers/protocol/escpos/realtime-sequences';

const REALTIME_TYPES: ReadonlySet<EscPosCommand['type']> = new Set(['realtimeStatus', 'realtimeRecovery']);

/** The command's first bytes (at most 3), which name it without any of its data. */
const hexPrefix = (raw: Uint8Array): string => Array.from(raw.subarray(0, 3), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

export class ReceiveStage {
  private parser: EscPosCommandParser;
  private readonly scanner = new RealtimeScanner();
  private readonly reported = new Set<string>();

  constructor(
    private readonly spec: EscPosModel,
    private readonly take: (cmd: EscPosCommand) => void,
    private readonly onUnmodelled: (command: string) => void,
  ) {
    this.parser = this.newParser();
  }

  push(chunk: Uint8Array): void {
    if (this.spec.realtimeInData === 'ignored') {
      for (const cmd of this.parser.push(chunk)) this.take(cmd);
      return;
    }
    let from = 0;
    for (const rt of this.scanner.push(chunk)) {
      this.parse(chunk.subarray(from, rt.end));
      from = rt.end;
      this.takeRealtime(rt);
    }
    this.parse(chunk.subarray(from));
  }

  /** Power cycle or reset: half-received commands are forgotten. */
  reset(): void {
    this.parser = this.newParser();
    this.scanner.reset();
  }

  private newParser(): EscPosCommandParser {
    return new EscPosCommandParser({ legacyCut: this.spec.legacyCut, charset: this.spec.charset });
  }

  private parse(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    for (const cmd of this.parser.push(bytes)) {
      if (REALTIME_TYPES.has(cmd.type)) continue;
      // Skipped by its length rule where one is known; said once per kind, not once per ticket.
      if (cmd.type === 'unknown') this.reportOnce(`${cmd.reason} command ${hexPrefix(cmd.raw)}`);
      this.take(cmd);
    }
  }

  private takeRealtime({ kind, n }: RealtimeCommand): void {
    if (kind === 'status') this.take({ type: 'realtimeStatus', n, raw: Uint8Array.of(...DLE_EOT, n) });
    else if (kind === 'recovery') this.take({ type: 'realtimeRecovery', n, raw: Uint8Array.of(...DLE_ENQ, n) });
    else this.reportOnce(`real-time DLE DC4 fn ${n}`);
  }

  private reportOnce(command: string): void {
    if (this.reported.has(command)) return;
    this.reported.add(command);
    this.onUnmodelled(command);
  }
}
