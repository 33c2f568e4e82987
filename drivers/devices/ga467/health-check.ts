/**
 * The three health-check levels of a GA 467 reader (ARCHITECTURE.md §3): internal (the link, the queue and
 * the model row, nothing sent), external (a SAM status check `11 FF` and the SAM's id `12 FF`, protocols.md §1.2) and interactive (a
 * test read of a card the technician places; only the card kind is reported and the read is wiped, §8.7).
 */
import { errorInfo } from '../../../common/errors';
import type { Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import type { Transport } from '../../transport/transport';
import { DeviceError } from '../device-error';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { CardRead, ReadCardOptions } from '../id-card-types';

export interface ReaderHealthTarget {
  model: Ga467ReaderModel;
  transport: Pick<Transport, 'description' | 'isOpen'>;
  lifecycle: Lifecycle;
  queueLength: number;
  checkSam(options: CommandOptions): Promise<void>;
  readSamId(options: CommandOptions): Promise<string | null>;
  readCard(options: ReadCardOptions): Promise<CardRead>;
}

export async function ga467HealthCheck(level: HealthLevel, options: CommandOptions, t: ReaderHealthTarget): Promise<HealthReport> {
  const findings = [
    `model ${t.model.displayName}`,
    `transport ${t.transport.description} ${t.transport.isOpen ? 'open' : 'closed'}`,
    `lifecycle ${t.lifecycle}`,
    `removal after a read: ${t.model.removalProbe === 'none' ? 'not visible on the wire' : `seen by ${t.model.removalProbe}`}`,
  ];
  if (level === 'internal') {
    findings.push(`queue length ${t.queueLength}`);
    return t.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('noDevice') };
  }
  try {
    if (level === 'external') {
      await t.checkSam(options);
      findings.push('SAM status 90 (§1.3)');
      // The SAM's number, where the module answers 12 FF (§1.4); a module that does not is still healthy.
      const samId = await t.readSamId(options).catch(() => null);
      findings.push(samId === null ? 'SAM id: not answered (12 FF)' : `SAM id ${samId}`);
      return { level, ok: true, findings };
    }
    const card = await t.readCard({ signal: options.signal, timeoutMs: options.timeoutMs });
    findings.push(card.text.kind === 'problem' ? `test read: text block refused (${card.text.message})` : `test read: ${card.text.kind} card`);
    card.wipe();
    return { level, ok: true, findings };
  } catch (err) {
    return { level, ok: false, findings, error: DeviceError.from(err).info() };
  }
}
