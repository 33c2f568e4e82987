/**
 * The raw command console of issue 15 §3: a technician sends bytes typed as hex to one device and sees what it
 * answers within a bounded time (default 2 s, at most 10 s), every answer framed and masked by the frame log's
 * describer for the device's driver (frame-describers.ts). Only in maintenance mode: `assertMaintenance` is
 * called first and refuses otherwise (maintenance.ts holds the device so no citizen flow shares the link).
 * Every command sent is audited (`device.rawCommand`): the command's hex as the describer masks it (a fingerprint
 * module's password, a printer's text) and the reply's length only, since a reply may carry personal data (a
 * card read). A device that does not answer ends in "no reply in
 * N ms", a write that does not complete (a hung printer, flow control held) in its own message: never a hang.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { maskedHex } from '../../../common/hex-dump';
import type { ReportTransport } from '../../../drivers/transport/report-transport';
import type { Transport } from '../../../drivers/transport/transport';
import { DiagnosticsError, bilingual } from './diagnostics-error';
import { MASKED, type DescribedFrame, type FrameDescriber } from './frame-describer';
import { describerFor } from './frame-describers';
import { MAX_RAW_COMMAND_BYTES, parseHexStrict } from './hex-input';

export const DEFAULT_REPLY_WAIT_MS = 2000;
export const MAX_REPLY_WAIT_MS = 10_000;
export const MIN_REPLY_WAIT_MS = 50;
/** The reply is over once the device has been quiet this long after its last byte. */
export const DEFAULT_QUIET_MS = 300;

/** What the console records; the same shape as audit-log.ts AuditEntry, so the wiring passes it straight on. */
export interface RawCommandAudit {
  actor: string;
  action: 'device.rawCommand';
  subject: string;
  detail: { hex: string; bytes: number; replyBytes: number; outcome: RawCommandOutcome; waitMs: number };
}

export type RawCommandOutcome = 'replied' | 'noReply' | 'writeHung' | 'writeFailed';

export interface RawConsoleOptions {
  deviceId: string;
  /** The registry's driver and model: they choose the describer of the replies. */
  driver: string;
  model: string;
  /** The device's link (the frame log's tapped one, so the log shows the exchange too). */
  transport: Transport | ReportTransport;
  clock: Clock;
  /** Throws unless the device is held in maintenance mode by this technician (maintenance.ts `assertHeldBy`). */
  assertMaintenance(): void;
  audit(entry: RawCommandAudit): void | Promise<void>;
  /** A fresh describer per command; default frame-describers.ts for `driver` and `model`. */
  describer?: () => FrameDescriber | undefined;
}

export interface RawCommandRequest {
  /** Who sends it (the signed-in technician's id), for the audit. */
  actor: string;
  hex: string;
  /** How long to collect the reply, MIN_REPLY_WAIT_MS … MAX_REPLY_WAIT_MS; default 2000. */
  waitMs?: number;
  quietMs?: number;
}

export interface RawCommandResult {
  outcome: 'replied' | 'noReply';
  /** The command as the describer reads it. */
  sent: DescribedFrame[];
  /** The reply, frame by frame, masked; bytes that formed no whole frame are counted in one last entry. */
  replies: DescribedFrame[];
  replyBytes: number;
  /** How long the console listened, on the clock's monotonic line. */
  listenedMs: number;
  message: string;
}

const isReportLink = (t: Transport | ReportTransport): t is ReportTransport => 'writeReport' in t;

export class RawConsole {
  private busy = false;

  constructor(private readonly options: RawConsoleOptions) {}

  async send(request: RawCommandRequest): Promise<RawCommandResult> {
    this.options.assertMaintenance();
    const waitMs = request.waitMs ?? DEFAULT_REPLY_WAIT_MS;
    if (!Number.isInteger(waitMs) || waitMs < MIN_REPLY_WAIT_MS || waitMs > MAX_REPLY_WAIT_MS) {
      throw new DiagnosticsError('badWaitTime', bilingual(`等待时间须为 ${MIN_REPLY_WAIT_MS}–${MAX_REPLY_WAIT_MS} ms 的整数`, `the wait must be a whole number of ${MIN_REPLY_WAIT_MS}–${MAX_REPLY_WAIT_MS} ms`));
    }
    const bytes = parseHexStrict(request.hex, MAX_RAW_COMMAND_BYTES);
    const { transport, deviceId } = this.options;
    if (!transport.isOpen) {
      throw new DiagnosticsError('notOpen', bilingual(`${deviceId} 的链路未打开(设备未连接或已拔出),无法发送`, `the link of ${deviceId} is not open (device absent or unplugged): nothing was sent`));
    }
    if (this.busy) throw new DiagnosticsError('consoleBusy', bilingual('上一条命令尚未结束', 'the previous command has not finished'));
    this.busy = true;
    try {
      return await this.exchange(request, bytes, waitMs);
    } finally {
      this.busy = false;
    }
  }

  private async exchange(request: RawCommandRequest, bytes: Uint8Array, waitMs: number): Promise<RawCommandResult> {
    const { clock, transport, deviceId } = this.options;
    const describer = (this.options.describer ?? (() => describerFor(this.options.driver, this.options.model)))();
    const sent = describer?.tx(bytes.slice()) ?? [];
    const incomplete = describer?.pendingTxBytes?.() ?? 0;
    // The audit keeps the command as the describer masks it (a ZFM password, ESC/POS text), when it framed it all.
    const framedHex = incomplete === 0 ? sent.map((f) => f.hex).filter((h) => h !== '').join(' ') : '';
    const auditHex = framedHex !== '' ? framedHex : maskedHex(bytes, [], MAX_RAW_COMMAND_BYTES);
    const replies: DescribedFrame[] = [];
    let replyBytes = 0;
    let windowOver: () => void = () => undefined;
    const windowEnded = new Promise<void>((resolve) => (windowOver = resolve));
    let quietOver: () => void = () => undefined;
    const finished = Promise.race([windowEnded, new Promise<void>((resolve) => (quietOver = resolve))]);
    let quiet: TimerHandle | null = null;
    const onChunk = (chunk: Uint8Array): void => {
      replyBytes += chunk.length;
      if (describer) replies.push(...describer.rx(chunk.slice()));
      quiet?.cancel();
      quiet = clock.setTimer(request.quietMs ?? DEFAULT_QUIET_MS, quietOver);
    };
    const unsubscribe = isReportLink(transport) ? transport.onReport(onChunk) : transport.onData(onChunk);
    const started = clock.elapsedMs();
    const window = clock.setTimer(waitMs, windowOver);
    const abort = new AbortController();
    const audit = (outcome: RawCommandOutcome): Promise<void> =>
      Promise.resolve(this.options.audit({ actor: request.actor, action: 'device.rawCommand', subject: deviceId, detail: { hex: auditHex, bytes: bytes.length, replyBytes, outcome, waitMs } }));
    try {
      const written = await this.write(transport, bytes, abort.signal, windowEnded);
      if (written !== 'written') {
        abort.abort();
        await audit(written === 'hung' ? 'writeHung' : 'writeFailed');
        throw written === 'hung'
          ? new DiagnosticsError('writeHung', bilingual(
              `命令在 ${waitMs} ms 内未能写出:设备可能已挂起(缓冲区满或流控停止)。请断电重启 ${deviceId},再退出维护模式`,
              `the command could not be written within ${waitMs} ms: the device may be hung (buffer full or flow control held). Power-cycle ${deviceId} before leaving maintenance mode`))
          : new DiagnosticsError('writeFailed', bilingual(`写入失败:${written.message}`, `the write failed: ${written.message}`));
      }
      await finished;
    } finally {
      window.cancel();
      (quiet as TimerHandle | null)?.cancel();
      unsubscribe();
    }
    const listenedMs = clock.elapsedMs() - started;
    await audit(replyBytes > 0 ? 'replied' : 'noReply');
    const framed = replies.length;
    if (replyBytes > 0 && framed === 0) replies.push({ hex: '', meaning: `未成完整帧的字节 / bytes that formed no whole frame: ${replyBytes} B ${MASKED}` });
    const hint = incomplete > 0
      ? ' ' + bilingual(`注意:命令不完整,设备可能仍在等待其余字节;如无响应请断电重启`, 'note: the command is incomplete and the device may still be waiting for the rest of it; power-cycle it if it stops answering')
      : '';
    if (replyBytes === 0) {
      return {
        outcome: 'noReply', sent, replies, replyBytes, listenedMs,
        message: bilingual(`${waitMs} ms 内无应答`, `no reply in ${waitMs} ms`) + hint,
      };
    }
    return { outcome: 'replied', sent, replies, replyBytes, listenedMs, message: bilingual(`收到应答 ${replyBytes} 字节`, `reply of ${replyBytes} bytes`) + hint };
  }

  /** The write, bounded by the reply window: 'hung' when the window ends first, the error when it fails. */
  private async write(transport: Transport | ReportTransport, bytes: Uint8Array, signal: AbortSignal, windowOver: Promise<void>): Promise<'written' | 'hung' | Error> {
    const writing = (isReportLink(transport) ? transport.writeReport(bytes) : transport.write(bytes, signal)).then(
      () => 'written' as const,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    return Promise.race([writing, windowOver.then(() => 'hung' as const)]);
  }
}
