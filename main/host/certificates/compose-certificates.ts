/**
 * Issue 17 §2, §5, §8 composed: the encrypted outbox (records that must reach the platform once), the
 * certificate issuance journal, issuer and desk, the PDF worker and its preview, and 好差评. At start the
 * journal's open rows are followed up with the printer by job name (issuance-follow-up.ts) and the outbox sends
 * what waits, neither holding up the kiosk's start; the PDF worker starts when a citizen first lists
 * certificates.
 */
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { EvaluationRequest } from '../../../common/platform-api';
import type { UncertainCertificateView } from '../../../common/staff-desk';
import type { DocumentPrinter } from '../../../drivers/devices/document-printer-types';
import type { AlertBus } from '../alerts/alert-bus';
import type { AuditTrail } from '../audit/audit-trail';
import type { KioskConfig } from '../config/config-types';
import { EvaluationDesk } from '../evaluation/evaluation-desk';
import { openOutbox } from '../outbox/open-outbox';
import { defaultOutboxKeyFile } from '../outbox/outbox-key';
import type { OutboxAlert, SendOutcome } from '../outbox/outbox-types';
import type { PlatformClient, PlatformReply } from '../platform/platform-client';
import type { QueueDb } from '../queue/queue-db';
import { CertificateDesk } from './certificate-desk';
import { CertificateIssuer } from './certificate-issuer';
import { recoverIssuances } from './issuance-follow-up';
import { IssuanceJournal, type Issuance } from './issuance-journal';
import { platformCertificates, type CertificateOutcomeReport } from './platform-certificates';
import { renderPreviewPng } from './render/certificate-preview';
import { createCertificateRenderer } from './render/certificate-renderer';

/** Records that name no citizen (an evaluation, an outcome report) carry this in the outbox's HMAC field. */
const NO_CITIZEN = '0'.repeat(64);
/** The preview shows at most this many pages (a long payment history prints whole). */
const PREVIEW_PAGES = 6;

export interface CertificatesDeps {
  config: KioskConfig;
  configPath: string | undefined;
  dataDir: string;
  db: QueueDb;
  clock: Clock;
  log: Logger;
  alerts: AlertBus;
  audit: () => AuditTrail;
  session: { current(): string; onEnded(listener: (sessionId: string) => void): () => void };
  identity: { platformVerification(sessionId: string): { verificationId: string; idHmac: string } | null };
  platform: () => PlatformClient | null;
  printer: () => DocumentPrinter | undefined;
  printerId: () => string;
}

/** A platform answer as an outbox outcome: a refusal of the content is final, anything else is tried again. */
function sent<T extends { outcome: string }>(reply: PlatformReply<T>, refused: (value: T) => boolean): SendOutcome {
  if (!reply.ok) return { outcome: 'retry', error: reply.error.code };
  return refused(reply.value) ? { outcome: 'rejected', error: reply.value.outcome } : { outcome: 'acknowledged', reply: reply.value };
}

export function composeCertificates(deps: CertificatesDeps) {
  const { config, clock, log, alerts } = deps;
  const outbox = openOutbox({
    dataDir: deps.dataDir,
    keyFile: config.outbox.keyFile ?? defaultOutboxKeyFile(deps.configPath, deps.dataDir),
    mode: config.mode,
    clock,
    log: log.child('outbox'),
    retry: { baseMs: config.outbox.retryBaseMs, maxMs: config.outbox.retryMaxMs, jitter: 0.5 },
    // A refused or damaged record is an event about that record; a missing or wrong key is a condition that
    // stays until a technician puts the right key back (docs/outbox.md). Both for the technician (`internal`).
    onAlert: (a: OutboxAlert) =>
      a.code === 'keyMissing' || a.code === 'keyMismatch' ? alerts.raise('outbox', 'internal', a.message) : alerts.event('outbox', 'internal', a.ref ?? a.code, a.message),
    onLoosePermissions: (mode) => log.warn('outbox key file was readable by others: tightened to 0600; treat the key as exposed', { mode: mode.toString(8) }),
  });
  const platform = (): PlatformClient | null => deps.platform();
  outbox.register('certificateReport', async (payload) => {
    const client = platform();
    if (!client) return { outcome: 'retry', error: 'platformUnavailable' };
    return sent(await client.reportCertificateOutcome(payload as CertificateOutcomeReport), (v) => v.outcome === 'unknown');
  });
  outbox.register('evaluation', async (payload) => {
    const client = platform();
    if (!client) return { outcome: 'retry', error: 'platformUnavailable' };
    return sent(await client.submitEvaluation(payload as EvaluationRequest), (v) => v.outcome === 'refused');
  });

  const journal = new IssuanceJournal(deps.db, () => clock.now());
  const syncAudit = (): void => deps.audit().sync();
  const report = (issuance: Issuance): void => {
    syncAudit();
    if (issuance.status !== 'issued' && issuance.status !== 'voided') return;
    const body: CertificateOutcomeReport = { certificateId: issuance.certificateId, issuanceId: issuance.id, outcome: issuance.status };
    try {
      outbox.put('certificateReport', `certificate-outcome-${issuance.id}-${issuance.status}`, NO_CITIZEN, body);
    } catch (err) {
      // The certificate is printed (or void) whatever the outbox can do: the journal holds the outcome, the
      // outbox's own alert says why nothing can be queued (a missing key), and the citizen is told the truth.
      log.error('certificate outcome not queued for the platform', { issuanceId: issuance.id, outcome: issuance.status, error: err });
    }
  };
  const onUnsettled = (kind: 'partial' | 'uncertain', issuance: Issuance): void => {
    const pages = issuance.pagesCompleted ?? '?';
    if (kind === 'partial') alerts.event(deps.printerId(), 'printIncomplete', issuance.id, `证明 ${issuance.id} 打印中断（已作废，已出 ${pages} 页），请收走出纸口的纸张并销毁`);
    else alerts.event(deps.printerId(), 'printUncertain', issuance.id, `证明 ${issuance.id} 打印结果不确定，请核实出纸口并在工作人员界面处理`);
  };
  const issuer = new CertificateIssuer({ journal, printer: deps.printer, clock, onUnsettled, onSettled: report });
  const renderer = createCertificateRenderer({ clock, log: log.child('certificate-pdf'), training: config.mode === 'training' });

  const evaluation = new EvaluationDesk({
    db: deps.db,
    now: () => clock.now(),
    forward: async (key, e) => {
      const request: EvaluationRequest = {
        idempotencyKey: key,
        transactionId: e.transactionId,
        serviceCode: e.serviceCode,
        level: e.level,
        ...(e.reasons.length > 0 && { reasons: e.reasons as EvaluationRequest['reasons'] }),
        ...(e.comment !== undefined && { comment: e.comment }),
        channel: 'kiosk',
      };
      const id = outbox.put('evaluation', key, NO_CITIZEN, request);
      const first = await outbox.nextAttemptOutcome(id);
      return first.outcome === 'acknowledged';
    },
  });
  outbox.onAcknowledged((a) => {
    if (a.kind === 'evaluation') evaluation.markForwarded(a.idempotencyKey.replace(/^evaluation-/u, ''));
  });

  const desk = new CertificateDesk({
    session: deps.session,
    identity: deps.identity,
    platform: platformCertificates(platform),
    render: async (doc) => {
      const r = await renderer.render(doc);
      return r.ok ? { ok: true, pdf: r.pdf, pages: r.pages } : { ok: false, message: r.message };
    },
    preview: async (pdf, pages) => {
      const images: string[] = [];
      for (let page = 1; page <= Math.min(pages, PREVIEW_PAGES); page++) {
        const png = await renderPreviewPng(pdf, { clock, page });
        if (!png.ok) throw new Error(png.message);
        images.push(`data:image/png;base64,${Buffer.from(png.png).toString('base64')}`);
      }
      return images;
    },
    issuer,
    // Like the face worker, the PDF worker starts when a citizen first needs it, not with the kiosk.
    warmUp: () => void renderer.start().catch((err: unknown) => log.error('certificate PDF worker did not start', { error: err })),
    onIssued: (issuanceId, title) => evaluation.offerFor(issuanceId, 'certificate', { 'zh-CN': title }, 'certificates'),
    log: log.child('certificates'),
  });
  // The session's end withdraws a rating nobody gave (skippable without nagging: it is not asked again).
  deps.session.onEnded(() => evaluation.withdraw());

  /** Staff's side (staff-desk.ts): the uncertain issuances, and their settlement after a look in the tray. */
  const staff = {
    uncertain: (): UncertainCertificateView[] =>
      journal.uncertain().map((i) => ({ issuanceId: i.id, kind: i.kind, pages: i.pages, pagesCompleted: i.pagesCompleted, createdAt: i.createdAt, errorCode: i.errorCode })),
    settle(issuanceId: string, outcome: 'issued' | 'voided', by: string): void {
      const settled = journal.settle(issuanceId, outcome === 'issued' ? { outcome } : { outcome, errorCode: 'staffVoided' }, by);
      report(settled);
      alerts.resolveEvent('printUncertain', issuanceId);
    },
  };

  return {
    journal,
    issuer,
    staff,
    desk,
    evaluation,
    outbox,
    renderer,
    async start(): Promise<void> {
      outbox.start();
      // Crash recovery (issue 17 §2): every row a crash left open, settled from what the printer says.
      void recoverIssuances({ journal, printer: deps.printer, clock, onUnsettled, onSettled: report }).then(
        (settled) => settled.length > 0 && log.info('certificate issuances recovered after a restart', { settled: settled.map((i) => `${i.id}:${i.status}`) }),
        (err: unknown) => log.error('certificate recovery failed', { error: err }),
      );
    },
    async stop(): Promise<void> {
      desk.dispose();
      await renderer.dispose();
      await outbox.stop();
      outbox.close();
    },
  };
}

export type Certificates = ReturnType<typeof composeCertificates>;
