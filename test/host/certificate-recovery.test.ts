/**
 * Exactly once across a crash (issue 17 §2, §9): a composed host prints a certificate to an IPP printer that
 * outlives it (a SimIppPrinter of the test's own, reached by the `ipp` transport), the host dies at a chosen
 * point — after the intent, during the job, after the job completed but before the journal's last write —
 * and a second host starts on the same data folder. Its start-up recovery asks the printer for the job by its
 * name and settles the journal from the answer: never a second job, and a job the printer no longer knows is
 * uncertain, for staff. The crash is made by failing the journal's next write, which is where a kill would
 * leave it (synchronous FULL: what was committed is on disk, nothing after).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { samplePdf } from '../../devices-sim/ipp/sample-pdf';
import { SimIppPrinter } from '../../devices-sim/ipp/sim-ipp-printer';
import { isPrintedTicket } from '../../devices-sim/sim-device';
import type { CertificateIssuer } from '../../main/host/certificates/certificate-issuer';
import { newIssuanceId, type IssuanceJournal } from '../../main/host/certificates/issuance-journal';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { startHost } from './kiosk-rig';

const printers: SimIppPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop();
});

async function printerOutlivingTheHost(pageMs: number): Promise<SimIppPrinter> {
  const sim = new SimIppPrinter({ id: 'document-printer', clock: new AdjustableClock(), pageMs });
  await sim.start();
  printers.push(sim);
  return sim;
}

const onPrinter = (sim: SimIppPrinter) => (config: Record<string, any>) => {
  config.devices['document-printer'].transport = { kind: 'ipp', url: sim.url };
  config.devices['document-printer'].options = { pollIntervalMs: 200, jobPollMs: 50, requestTimeoutMs: 2_000 };
};

const CRASH = new Error('the host died here');

/** The host's journal write `method` fails once: the process "dies" at that instant. */
function dieAt(journal: IssuanceJournal, method: 'markSending' | 'markAccepted' | 'settle'): void {
  (journal as unknown as Record<string, unknown>)[method] = () => {
    throw CRASH;
  };
}

async function prepared(pages: number) {
  const pdf = await samplePdf(Array.from({ length: pages }, (_, i) => [`个人社会保险缴费历史 第 ${i + 1} 页`]));
  return { issuanceId: newIssuanceId(), kind: 'socialInsurancePayments' as const, certificateId: 'C20261123000001', idHmac: 'a'.repeat(64), pdf, pages };
}

const issue = (issuer: CertificateIssuer, p: Awaited<ReturnType<typeof prepared>>) => issuer.issue({ requestId: `S1:${p.issuanceId}`, sessionId: 'S1', prepared: p });

async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A second host on the same data folder; resolves once its recovery settled every open issuance. */
async function restart(dir: string, sim: SimIppPrinter) {
  const host = await startHost(dir, 2, onPrinter(sim));
  const journal = host.kiosk.certificates.journal;
  await until(() => journal.unfinished().length === 0, 'recovery');
  return { host, journal };
}

const jobs = (sim: SimIppPrinter) => sim.printed().filter((p) => !isPrintedTicket(p));

describe('certificate issuance across a crash (issue 17 §2)', () => {
  it('dies after the intent: nothing reached the printer, the issuance is voided, nothing prints', async () => {
    const sim = await printerOutlivingTheHost(0);
    const first = await startHost(undefined, 2, onPrinter(sim));
    const p = await prepared(1);
    dieAt(first.kiosk.certificates.journal, 'markSending');
    await expect(issue(first.kiosk.certificates.issuer, p)).rejects.toBe(CRASH);
    expect(first.kiosk.certificates.journal.get(p.issuanceId)?.status).toBe('intent');
    await first.stopKeepingData();

    const { journal } = await restart(first.dir, sim);
    expect(journal.get(p.issuanceId)).toMatchObject({ status: 'voided', errorCode: 'notSent' });
    expect(jobs(sim)).toEqual([]);
  });

  it('dies during the job: the new host follows the printer’s job to completed and issues it, with no second job', async () => {
    const sim = await printerOutlivingTheHost(1_500);
    const first = await startHost(undefined, 2, onPrinter(sim));
    const p = await prepared(3);
    const journal1 = first.kiosk.certificates.journal;
    const printing = issue(first.kiosk.certificates.issuer, p).catch((err: unknown) => err);
    await until(() => journal1.get(p.issuanceId)?.status === 'accepted', 'the printer accepted the job');
    dieAt(journal1, 'settle');
    await first.stopKeepingData();
    await printing;
    // The printer went on with the job after the host died (4.5 s of pages): it was not cancelled by the stop.
    expect(jobs(sim).map((j) => j.jobState)).not.toContain('canceled');

    const { journal } = await restart(first.dir, sim);
    expect(journal.get(p.issuanceId)).toMatchObject({ status: 'issued', settledBy: 'kiosk' });
    expect(jobs(sim).map((j) => [j.jobName, j.pages, j.jobState])).toEqual([[p.issuanceId, 3, 'completed']]);
  });

  it('dies after the job completed, before the journal’s last write: issued on restart, printed once', async () => {
    const sim = await printerOutlivingTheHost(0);
    const first = await startHost(undefined, 2, onPrinter(sim));
    const p = await prepared(2);
    dieAt(first.kiosk.certificates.journal, 'settle');
    await expect(issue(first.kiosk.certificates.issuer, p)).rejects.toBe(CRASH);
    expect(jobs(sim).map((j) => j.jobState)).toEqual(['completed']);
    expect(first.kiosk.certificates.journal.get(p.issuanceId)?.status).toBe('accepted');
    await first.stopKeepingData();

    const { host, journal } = await restart(first.dir, sim);
    expect(journal.get(p.issuanceId)).toMatchObject({ status: 'issued' });
    // The same request again (a renderer retrying after the crash) gets the first outcome, not a new job.
    expect(await issue(host.kiosk.certificates.issuer, p)).toMatchObject({ outcome: 'issued' });
    expect(jobs(sim)).toHaveLength(1);
  });

  it('a job the printer no longer knows (it was power-cycled) is uncertain, listed for staff, and never printed again', async () => {
    const sim = await printerOutlivingTheHost(0);
    const first = await startHost(undefined, 2, onPrinter(sim));
    const p = await prepared(1);
    dieAt(first.kiosk.certificates.journal, 'settle');
    await expect(issue(first.kiosk.certificates.issuer, p)).rejects.toBe(CRASH);
    await first.stopKeepingData();
    sim.actions()['forget-jobs']!.start!({});

    const { host, journal } = await restart(first.dir, sim);
    expect(journal.get(p.issuanceId)).toMatchObject({ status: 'uncertain', errorCode: 'jobUnknownToPrinter' });
    expect(journal.uncertain().map((i) => i.id)).toEqual([p.issuanceId]);
    expect(host.kiosk.alerts.recentEvents().filter((a) => a.ref === p.issuanceId).map((a) => [a.deviceId, a.code, a.active])).toEqual([['document-printer', 'printUncertain', true]]);
    expect(host.kiosk.staff.desk.overview().uncertainCertificates.map((c) => [c.issuanceId, c.kind, c.pages])).toEqual([[p.issuanceId, 'socialInsurancePayments', 1]]);
    // Staff look in the tray and settle it: audited under their name, the alert resolved, a report for the platform queued.
    const left = host.kiosk.staff.desk.settleCertificate({ issuanceId: p.issuanceId, outcome: 'issued' }, { accountId: 'wang-dating', name: '王大厅', role: 'staff' });
    expect(left).toEqual([]);
    expect(journal.get(p.issuanceId)).toMatchObject({ status: 'issued', settledBy: 'wang-dating' });
    expect(host.kiosk.alerts.recentEvents().filter((a) => a.ref === p.issuanceId).map((a) => a.active)).toEqual([false]);
    expect(host.kiosk.certificates.outbox.records().map((r) => r.kind)).toContain('certificateReport');
    expect(jobs(sim)).toHaveLength(1);
  });
});
