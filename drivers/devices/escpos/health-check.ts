/**
 * The three health-check levels of an ESC/POS printer (ARCHITECTURE.md §3): internal (the link, the queue
 * and a codec self-test of this model's test page, nothing sent: codec-self-test.ts), external (a DLE EOT round, protocols.md §2.4) and interactive (a test page the
 * technician watches come out, confirmed like any job, §2.7).
 */
import { errorInfo } from '../../../common/errors';
import type { PrintDocument } from '../../../common/print-document';
import type { Transport } from '../../transport/transport';
import type { EscPosStatusBits } from '../../protocol/escpos/status-bits';
import { DeviceError } from '../device-error';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { EscPosModel } from '../../protocol/escpos/models';
import type { PrintResult } from '../printer-types';
import { codecSelfTest } from './codec-self-test';
import { printBlocker } from './printer-status';

export interface HealthCheckTarget {
  model: EscPosModel;
  transport: Pick<Transport, 'description' | 'isOpen'>;
  lifecycle: Lifecycle;
  queueLength: number;
  status(): unknown;
  refreshStatus(options: CommandOptions): Promise<EscPosStatusBits>;
  print(document: PrintDocument, options: CommandOptions): Promise<PrintResult>;
  testPage(): PrintDocument;
}

export async function escPosHealthCheck(level: HealthLevel, options: CommandOptions, t: HealthCheckTarget): Promise<HealthReport> {
  const findings = [`model ${t.model.displayName}`, `transport ${t.transport.description} ${t.transport.isOpen ? 'open' : 'closed'}`, `lifecycle ${t.lifecycle}`];
  if (level === 'internal') {
    findings.push(`queue length ${t.queueLength}`);
    const problems = codecSelfTest(t.testPage(), t.model);
    findings.push(problems.length === 0 ? 'codec self-test passed' : `codec self-test: ${problems.join('; ')}`);
    if (problems.length > 0) return { level, ok: false, findings, error: errorInfo('internal', 'the printer codec failed its self-test') };
    return t.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('noDevice') };
  }
  if (level === 'external') {
    try {
      const blocker = printBlocker(await t.refreshStatus(options));
      findings.push(`status ${JSON.stringify(t.status())}`);
      return blocker ? { level, ok: false, findings, error: errorInfo(blocker) } : { level, ok: true, findings };
    } catch (err) {
      return { level, ok: false, findings, error: DeviceError.from(err).info() };
    }
  }
  const result = await t.print(t.testPage(), { signal: options.signal, timeoutMs: options.timeoutMs });
  findings.push(`test print ${result.outcome}`);
  return result.outcome === 'confirmed' ? { level, ok: true, findings } : { level, ok: false, findings, error: result.error };
}
