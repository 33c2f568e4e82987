/**
 * The three health-check levels of an IPP printer (ARCHITECTURE.md §3; docs/ipp-printing.md "Health checks"):
 * internal: the printer's attributes read (Get-Printer-Attributes) and judged — it answers, takes PDF, and
 * nothing stops a job; external: Validate-Job (protocols.md §4.2), the printer's own word that it would take
 * a certificate job now, no paper used; interactive: a one-page test page (test-page.ts) the technician
 * watches come out, followed to job-state completed like any job.
 */
import { errorInfo } from '../../../common/errors';
import { PDF_MIME_TYPE } from '../../protocol/ipp/constants';
import { validateJobRequest } from '../../protocol/ipp/ipp-requests';
import { responseStatus } from '../../protocol/ipp/ipp-responses';
import { printBlocker } from '../../protocol/ipp/printer-reasons';
import { DeviceError } from '../device-error';
import type { CommandOptions, HealthLevel, HealthReport } from '../device-types';
import type { IppDocumentPrinter } from './ipp-document-printer';
import { blockerInfo } from './ipp-messages';
import { testPagePdf } from './test-page';

export async function ippHealthCheck(p: IppDocumentPrinter, level: HealthLevel, options: CommandOptions): Promise<HealthReport> {
  const findings = [`printer ${p.where}`, `lifecycle ${p.lifecycle}`];
  try {
    if (level === 'internal') {
      const attrs = await p.refreshPrinter(options);
      findings.push(`make and model ${attrs.makeAndModel ?? 'not given'}`, `printer-state ${attrs.state}`, `printer-state-reasons ${attrs.reasons.join(',') || 'none'}`, `accepting jobs ${attrs.acceptingJobs}`);
      const pdf = attrs.documentFormats.length === 0 || attrs.documentFormats.includes(PDF_MIME_TYPE);
      findings.push(pdf ? 'takes application/pdf' : `does not list application/pdf (${attrs.documentFormats.join(', ')})`);
      if (!pdf) return { level, ok: false, findings, error: errorInfo('unsupported', 'the printer does not take PDF') };
      const blocker = printBlocker(attrs);
      return blocker ? { level, ok: false, findings, error: blockerInfo(blocker, p.where, attrs.reasons) } : { level, ok: true, findings };
    }
    if (level === 'external') {
      const answer = await p.ask('validate-job', (b) => validateJobRequest(b, { jobName: 'hallkiosk-validate' }), options);
      const status = responseStatus(answer);
      findings.push(`Validate-Job ${status.name}${status.message ? ` (${status.message})` : ''}`);
      return status.ok ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('hardwareError', `Validate-Job answered ${status.name}`) };
    }
    const stamp = new Date(p.clock.now()).toISOString();
    const pdf = testPagePdf(['hallkiosk IPP test page', `device ${p.id}`, `printer ${p.where}`, stamp]);
    const result = await p.print({ jobName: `hallkiosk-test-${p.clock.now()}`, pdf, pages: 1 }, { signal: options.signal, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
    findings.push(`test page ${result.outcome}`);
    return result.outcome === 'completed' ? { level, ok: true, findings } : { level, ok: false, findings, error: result.error };
  } catch (err) {
    return { level, ok: false, findings, error: DeviceError.from(err).info() };
  }
}
