import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CERTIFICATE_KINDS } from '../../../common/certificate-document';
import { ManualClock } from '../../../common/manual-clock';
import { isAcceptanceNumber, isS10TrackingNumber, type EvaluationRequest } from '../../../common/platform-api';
import { gb11643CheckDigit } from '../../../drivers/protocol/ga467/id-number';
import type { FixtureName } from '../../../devices-sim/ga467/fixture-citizens';
import { startPlatformSim, type PlatformSim } from '../../../devices-sim/platform/platform-sim';
import { TEST_ADDRESS, faceVerifyRequest, registrationSubmission, withdrawalSubmission } from '../../../devices-sim/platform/test-requests';
import { certificateDocument } from './platform-certificate';
import { PlatformClient, type PlatformClientOptions, type PlatformReply } from './platform-client';
import { applicationRefusalError, certificateOutcomeRefusalError, certificateRefusalError, evaluationRefusalError, postBookingRefusalError, progressRefusalError } from './platform-refusals';

/** 2026-11-23 09:00 in Shanghai. */
const START = Date.UTC(2026, 10, 23, 1, 0, 0);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function rig(options: Partial<PlatformClientOptions> = {}): Promise<{ sim: PlatformSim; client: PlatformClient; clock: ManualClock }> {
  const clock = new ManualClock(START);
  const sim = await startPlatformSim({ clock, latencyMs: 0 });
  closers.push(() => sim.stop());
  const client = new PlatformClient({ baseUrl: sim.url, kioskId: 'kiosk-01', clock, timeoutMs: 5_000, submitTimeoutMs: 20_000, ...options });
  return { sim, client, clock };
}

function value<T>(reply: PlatformReply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.detail ?? ''}`);
  return reply.value;
}

async function identified(client: PlatformClient, fixture: FixtureName = 'adult'): Promise<string> {
  return value(await client.verifyIdentity(faceVerifyRequest(fixture))).transactionId;
}

/** A server that answers every request with `body` as JSON (a platform sending something unexpected). */
async function oddServer(body: unknown): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('PlatformClient: certificates (issue 17 §2)', () => {
  it('lists, fetches under the issuance id (twice: the same certificate), and reports the outcome', async () => {
    const { sim, client } = await rig();
    const verificationId = await identified(client);
    const listed = value(await client.listCertificates(verificationId));
    expect(listed.outcome === 'listed' && listed.offers.map((o) => o.kind)).toContain('businessLicenceCopy');
    const first = value(await client.issueCertificate({ verificationId, kind: 'socialInsuranceRecord' }, { idempotencyKey: 'issuance-kiosk01-0001' }));
    const again = value(await client.issueCertificate({ verificationId, kind: 'socialInsuranceRecord' }, { idempotencyKey: 'issuance-kiosk01-0001' }));
    if (first.outcome !== 'issued' || again.outcome !== 'issued') throw new Error('not issued');
    expect(again.certificate.verification).toEqual(first.certificate.verification);
    const document = certificateDocument(first.certificate, 'issuance-kiosk01-0001');
    expect(document).toMatchObject({ issuanceId: 'issuance-kiosk01-0001', kind: 'socialInsuranceRecord', title: '个人参保证明', holder: { name: '张示例' } });
    expect(document).not.toHaveProperty('certificateId');
    const report = { certificateId: first.certificate.certificateId, issuanceId: 'issuance-kiosk01-0001' };
    const recorded = value(await client.reportCertificateOutcome({ ...report, outcome: 'issued' }));
    expect(recorded).toMatchObject({ outcome: 'recorded', status: 'issued' });
    expect(value(await client.reportCertificateOutcome({ ...report, outcome: 'issued' }))).toEqual(recorded);
    expect(certificateOutcomeRefusalError(recorded)).toBeNull();
    expect(sim.certificates()).toEqual([expect.objectContaining({ status: 'issued', issuanceId: 'issuance-kiosk01-0001' })]);
  });

  it('every certificate the simulator issues, to every fixture citizen and to one it never heard of, reads as well-formed', async () => {
    const { client } = await rig();
    const stranger = faceVerifyRequest('adult');
    const body = '52011519770704123';
    stranger.card = { ...stranger.card, idNumber: body + gb11643CheckDigit(body)!, name: '欧阳霁翎' };
    const requests = [...(['adult', 'over70', 'rareCharacter', 'permitJ', 'foreign2017', 'foreign2023', 'withFingerprints'] as const).map((f) => faceVerifyRequest(f)), stranger];
    let issued = 0;
    for (const [i, request] of requests.entries()) {
      const verificationId = value(await client.verifyIdentity(request)).transactionId;
      const listed = value(await client.listCertificates(verificationId));
      if (listed.outcome !== 'listed') throw new Error(listed.outcome);
      expect(listed.offers.length, `citizen ${i}`).toBeGreaterThanOrEqual(2);
      for (const kind of CERTIFICATE_KINDS) {
        const reply = value(await client.issueCertificate({ verificationId, kind }, { idempotencyKey: `issuance-all-${i}-${kind}` }));
        expect(reply.outcome, `citizen ${i} ${kind}`).toBe(listed.offers.some((o) => o.kind === kind) ? 'issued' : 'notAvailable');
        if (reply.outcome !== 'issued') continue;
        issued++;
        expect(reply.certificate.holder).toEqual({ name: request.card.name, idNumber: request.card.idNumber });
        if (kind === 'socialInsurancePayments') expect(reply.certificate.tables[0]!.rows.length).toBeGreaterThanOrEqual(24);
      }
    }
    expect(issued).toBe(5 + 3 + 2 + 3 + 2 + 3 + 3 + 2);
  });

  it('the signed verification URL verifies at the platform; a tampered one is invalid', async () => {
    const { client } = await rig();
    const issued = value(await client.issueCertificate({ verificationId: await identified(client), kind: 'housingFundDeposit' }, { idempotencyKey: 'issuance-kiosk01-0002' }));
    if (issued.outcome !== 'issued') throw new Error(issued.outcome);
    const url = issued.certificate.verification.url;
    const valid = await fetch(url);
    expect(valid.status).toBe(200);
    expect(await valid.text()).toContain('data-result="valid"');
    const tampered = new URL(url);
    tampered.pathname = tampered.pathname.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const invalid = await fetch(tampered);
    expect(invalid.status).toBe(404);
    expect(await invalid.text()).toContain('data-result="invalid"');
  });

  it('an unknown verification, and a kind the citizen has no record for, are refusals the citizen screen words', async () => {
    const { client } = await rig();
    const stale = value(await client.listCertificates('SIMV-20261123-424242'));
    expect(certificateRefusalError(stale)).toMatchObject({ code: 'identityNotVerified', actor: 'citizen' });
    const none = value(await client.issueCertificate({ verificationId: await identified(client, 'rareCharacter'), kind: 'businessLicenceCopy' }, { idempotencyKey: 'issuance-kiosk01-0003' }));
    expect(certificateRefusalError(none)).toMatchObject({ code: 'serviceUnavailable' });
  });

  it('a certificate reply whose table rows do not fit its columns is malformed; a key of the wrong shape is a bug', async () => {
    const { client, clock } = await rig();
    const broken = {
      outcome: 'issued',
      certificate: {
        certificateId: 'C20261123000001', kind: 'socialInsurancePayments', title: 't', issuer: 'i', issuedOn: '2026-11-23', holder: { name: 'n', idNumber: 'x' },
        fields: [], tables: [{ columns: ['a', 'b'], rows: [['1']] }], notes: [], verification: { code: 'AAAA-BBBB-CCCC', url: 'https://p.example/verify/C20261123000001?c=AAAA-BBBB-CCCC&s=x' },
      },
    };
    const odd = new PlatformClient({ baseUrl: await oddServer(broken), kioskId: 'kiosk-01', clock });
    expect(await odd.issueCertificate({ verificationId: 'v', kind: 'socialInsurancePayments' }, { idempotencyKey: 'issuance-kiosk01-0004' })).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('certificate.tables[0].rows[0]') } });
    expect(() => client.issueCertificate({ verificationId: 'v', kind: 'socialInsuranceRecord' }, { idempotencyKey: 'short' })).toThrow(RangeError);
  });
});

describe('PlatformClient: applications (issue 17 §5)', () => {
  it('a send whose answer was lost (timeout after accepting), sent again under its key: one application, the same number', async () => {
    const { sim, client, clock } = await rig();
    const verificationId = await identified(client);
    const submission = registrationSubmission('adult', verificationId, 'kiosk01-app-0001');
    const before = sim.applications().length;
    sim.setFaults({ timeout: true, endpoints: ['submitApplication'] });
    const lost = client.submitApplication(submission);
    await sim.whenHeld(1);
    clock.advance(20_000);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'platformTimeout' } });
    expect(sim.applications()).toHaveLength(before + 1);
    const stored = sim.applications().find((a) => a.acceptedAt === '2026-11-23T09:00:00+08:00')!;
    sim.clearFaults();
    const resent = value(await client.submitApplication(submission));
    expect(resent).toMatchObject({ outcome: 'accepted', acceptanceNumber: stored.acceptanceNumber, trackingNumber: stored.trackingNumber });
    expect(sim.applications()).toHaveLength(before + 1);
    expect(applicationRefusalError(resent)).toBeNull();
  });

  it('accept then drop the connection: platformUnavailable, and the resend gets the acceptance', async () => {
    const { sim, client } = await rig();
    const submission = withdrawalSubmission('adult', await identified(client), 'kiosk01-app-0002');
    sim.setFaults({ dropAfterWork: true });
    expect(await client.submitApplication(submission)).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
    sim.clearFaults();
    const resent = value(await client.submitApplication(submission));
    if (resent.outcome !== 'accepted') throw new Error('refused');
    expect(isAcceptanceNumber(resent.acceptanceNumber)).toBe(true);
    expect(sim.applications().filter((a) => a.acceptanceNumber === resent.acceptanceNumber)).toHaveLength(1);
    expect(sim.applications().filter((a) => a.serviceCode === 'HF-WITHDRAWAL')).toHaveLength(2); // the seeded one and this
  });

  it('a timeout before any work, and a connection dropped on arrival: nothing stored', async () => {
    const { sim, client, clock } = await rig();
    const submission = registrationSubmission('adult', await identified(client), 'kiosk01-app-0006');
    const before = sim.applications().length;
    sim.setFaults({ timeoutBeforeWork: true });
    const lost = client.submitApplication(submission);
    await sim.whenHeld(1);
    clock.advance(20_000);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'platformTimeout' } });
    sim.setFaults({ timeoutBeforeWork: false, unreachable: true });
    expect(await client.submitApplication(submission)).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
    expect(sim.applications()).toHaveLength(before);
    sim.clearFaults();
    expect(value(await client.submitApplication(submission)).outcome).toBe('accepted');
    expect(sim.applications()).toHaveLength(before + 1);
  });

  it('a 5xx, a platform not listening, and a refusal with its field paths', async () => {
    const { sim, client, clock } = await rig();
    const submission = registrationSubmission('adult', await identified(client), 'kiosk01-app-0003');
    sim.setFaults({ serverError: 502 });
    expect(await client.submitApplication(submission)).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('HTTP 502') } });
    sim.clearFaults();
    const port = sim.port;
    const closed = new PlatformClient({ baseUrl: `http://127.0.0.1:${port}`, kioskId: 'kiosk-01', clock });
    await sim.stop();
    expect(await closed.submitApplication(submission)).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('no connection') } });
    await sim.start();
    const again = new PlatformClient({ baseUrl: sim.url, kioskId: 'kiosk-01', clock });
    const refused = value(await again.submitApplication({ ...submission, signature: { pngBase64: '' } }));
    expect(refused).toMatchObject({ outcome: 'refused', problems: [{ field: 'signature.pngBase64' }] });
    expect(applicationRefusalError(refused)).toMatchObject({ code: 'invalidData', detail: 'refused: signature.pngBase64' });
  });
});

describe('PlatformClient: progress, post, 好差评 (issue 17 §6–§8)', () => {
  it('progress by number and by the identified citizen, after the control API moved it on', async () => {
    const { sim, client } = await rig();
    const verificationId = await identified(client);
    const accepted = value(await client.submitApplication(withdrawalSubmission('adult', verificationId, 'kiosk01-app-0004')));
    if (accepted.outcome !== 'accepted') throw new Error('refused');
    sim.setApplicationStatus(accepted.acceptanceNumber, 'reviewing');
    sim.setApplicationStatus(accepted.acceptanceNumber, 'completed', '已办结，款项已转入银行卡');
    const byNumber = value(await client.queryProgress({ acceptanceNumber: accepted.acceptanceNumber }));
    expect(byNumber).toMatchObject({ outcome: 'found', applications: [{ status: 'completed', steps: [{ status: 'accepted' }, { status: 'reviewing' }, { status: 'completed', note: '已办结，款项已转入银行卡' }] }] });
    const mine = value(await client.queryProgress({ verificationId }));
    expect(mine.outcome === 'found' && mine.applications.map((a) => a.acceptanceNumber)[0]).toBe(accepted.acceptanceNumber);
    expect(progressRefusalError(value(await client.queryProgress({ verificationId: 'SIMV-20261123-777777' })))).toMatchObject({ code: 'identityNotVerified' });
  });

  it('books EMS with an S10 tracking number; the same key books once; a bad address is refused by field', async () => {
    const { client } = await rig();
    const accepted = value(await client.submitApplication(withdrawalSubmission('adult', await identified(client), 'kiosk01-app-0005')));
    if (accepted.outcome !== 'accepted') throw new Error('refused');
    const request = { acceptanceNumber: accepted.acceptanceNumber, address: TEST_ADDRESS };
    const booked = value(await client.bookPost(request, { idempotencyKey: 'kiosk01-post-0001' }));
    expect(booked.outcome === 'booked' && isS10TrackingNumber(booked.trackingNumber)).toBe(true);
    expect(value(await client.bookPost(request, { idempotencyKey: 'kiosk01-post-0001' }))).toEqual(booked);
    const refused = value(await client.bookPost({ ...request, address: { ...TEST_ADDRESS, detail: '号' } }, { idempotencyKey: 'kiosk01-post-0002' }));
    expect(postBookingRefusalError(refused)).toMatchObject({ code: 'invalidData', detail: 'refused: address.detail' });
  });

  it('one evaluation per transaction: recorded, the same answer under its key, a second one refused clearly', async () => {
    const { sim, client } = await rig();
    const rating: EvaluationRequest = { idempotencyKey: 'kiosk01-eval-0001', transactionId: 'C20261123000001', serviceCode: 'socialInsuranceRecord', level: 4, reasons: ['deviceProblem'], comment: '打印机卡纸', channel: 'kiosk' };
    const recorded = value(await client.submitEvaluation(rating));
    expect(recorded).toMatchObject({ outcome: 'recorded' });
    expect(value(await client.submitEvaluation(rating))).toEqual(recorded);
    const second = value(await client.submitEvaluation({ ...rating, idempotencyKey: 'kiosk01-eval-0002', level: 1, reasons: [] }));
    expect(second).toMatchObject({ outcome: 'alreadyEvaluated' });
    expect(evaluationRefusalError(second)).toMatchObject({ code: 'badRequest', detail: expect.stringContaining('one evaluation per transaction') });
    const noReason = value(await client.submitEvaluation({ ...rating, idempotencyKey: 'kiosk01-eval-0003', transactionId: 'SL202611230000010', level: 5, reasons: [] }));
    expect(evaluationRefusalError(noReason)).toMatchObject({ code: 'invalidData', detail: 'refused: reasons' });
    expect(sim.evaluations()).toHaveLength(1);
  });
});
