import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { PLATFORM_API_PATHS, VERIFICATION_VALID_MS, isAcceptanceNumber, isS10TrackingNumber, type PlatformCertificate, type PlatformEndpoint } from '../../common/platform-api';
import type { FixtureName } from '../ga467/fixture-citizens';
import { startPlatformSim, type PlatformSim } from './platform-sim';
import { TEST_ADDRESS, faceVerifyRequest, registrationSubmission, withdrawalSubmission } from './test-requests';

/** 2026-11-23 09:00 in Shanghai. */
const START = Date.UTC(2026, 10, 23, 1, 0, 0);
const KIOSK = 'kiosk-01';

let sim: PlatformSim | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function started(): Promise<{ sim: PlatformSim; clock: ManualClock }> {
  const clock = new ManualClock(START);
  sim = await startPlatformSim({ clock, latencyMs: 0 });
  return { sim, clock };
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

async function call(endpoint: PlatformEndpoint, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${sim!.url}${PLATFORM_API_PATHS[endpoint]}`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Kiosk-Id': KIOSK, ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>, text };
}

async function control(path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${sim!.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

async function verified(fixture: FixtureName, kiosk = KIOSK): Promise<string> {
  const reply = await call('verifyIdentity', faceVerifyRequest(fixture), { 'X-Kiosk-Id': kiosk });
  expect(reply.body.decision).toBe('matched');
  return reply.body.transactionId as string;
}

const kindsOf = (reply: Reply): string[] => (reply.body.offers as { kind: string }[]).map((o) => o.kind);

async function issue(verificationId: string, kind: string, key: string): Promise<Reply> {
  return call('issueCertificate', { verificationId, kind }, { 'Idempotency-Key': key });
}

describe('the platform simulator: certificates (issue 17 §2)', () => {
  it('lists what each citizen can get: all five for 张示例, no fund or licence for 王示例, the social insurance two only for 李…示', async () => {
    await started();
    expect(kindsOf(await call('listCertificates', { verificationId: await verified('adult') }))).toEqual(['socialInsuranceRecord', 'socialInsurancePayments', 'housingFundDeposit', 'realEstateRecord', 'businessLicenceCopy']);
    expect(kindsOf(await call('listCertificates', { verificationId: await verified('over70') }))).toEqual(['socialInsuranceRecord', 'socialInsurancePayments', 'realEstateRecord']);
    expect(kindsOf(await call('listCertificates', { verificationId: await verified('rareCharacter') }))).toEqual(['socialInsuranceRecord', 'socialInsurancePayments']);
  });

  it('names the citizen only by a fresh, matched verification of this kiosk', async () => {
    const { clock } = await started();
    const id = await verified('adult');
    expect((await call('listCertificates', { verificationId: 'SIMV-20261123-999999' })).body).toEqual({ outcome: 'verificationInvalid' });
    expect((await call('listCertificates', { verificationId: id }, { 'X-Kiosk-Id': 'kiosk-02' })).body).toEqual({ outcome: 'verificationInvalid' });
    sim!.setFaults({ personNotMatched: true });
    const refused = (await call('verifyIdentity', faceVerifyRequest('over70'))).body.transactionId as string;
    sim!.clearFaults();
    expect((await call('listCertificates', { verificationId: refused })).body).toEqual({ outcome: 'verificationInvalid' });
    expect((await call('listCertificates', { idNumber: '520115199003150010' })).status).toBe(400);
    clock.advance(VERIFICATION_VALID_MS + 1);
    expect((await call('listCertificates', { verificationId: id })).body).toEqual({ outcome: 'verificationInvalid' });
  });

  it('issues one certificate per issuance id: the same again under it, another kind under it is a conflict', async () => {
    await started();
    const id = await verified('adult');
    const first = await issue(id, 'socialInsurancePayments', 'issuance-0001');
    expect(first.status).toBe(200);
    const cert = first.body.certificate as PlatformCertificate;
    expect(cert).toMatchObject({ kind: 'socialInsurancePayments', title: '个人社会保险缴费历史', issuedOn: '2026-11-23', holder: { name: '张示例' } });
    expect(cert.tables[0]!.rows).toHaveLength(36);
    expect(cert.tables[0]!.rows.at(-1)![0]).toBe('2026-10');
    expect(cert.verification.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(cert.verification.url.startsWith(`${sim!.url}/verify/${cert.certificateId}?c=`)).toBe(true);
    const again = await issue(id, 'socialInsurancePayments', 'issuance-0001');
    expect(again.body).toEqual(first.body);
    expect((await issue(id, 'housingFundDeposit', 'issuance-0001')).status).toBe(409);
    const other = (await issue(id, 'socialInsurancePayments', 'issuance-0002')).body.certificate as PlatformCertificate;
    expect(other.verification.code).not.toBe(cert.verification.code);
    expect((await call('issueCertificate', { verificationId: id, kind: 'socialInsuranceRecord' })).status).toBe(400);
    expect(sim!.certificates()).toHaveLength(2);
    expect(JSON.stringify(sim!.certificates())).not.toContain(cert.holder.idNumber);
  });

  it('answers notAvailable for a record the citizen does not have', async () => {
    await started();
    expect((await issue(await verified('rareCharacter'), 'realEstateRecord', 'issuance-0003')).body).toEqual({ outcome: 'notAvailable' });
  });

  it('the verification page: valid with the holder masked, invalid when the signature or the code is changed, void once voided', async () => {
    await started();
    const cert = (await issue(await verified('adult'), 'socialInsuranceRecord', 'issuance-0004')).body.certificate as PlatformCertificate;
    const page = await fetch(cert.verification.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-result="valid"');
    expect(html).toContain('个人参保证明');
    expect(html).toContain('张**');
    expect(html).not.toContain(cert.holder.idNumber);
    expect(html).toContain(`${cert.holder.idNumber.slice(0, 4)}`);
    const url = new URL(cert.verification.url);
    const sig = url.searchParams.get('s')!;
    url.searchParams.set('s', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
    const tampered = await fetch(url);
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toContain('data-result="invalid"');
    const code = new URL(cert.verification.url);
    code.searchParams.set('c', 'AAAA-BBBB-CCCC');
    expect((await fetch(code)).status).toBe(404);
    const report = { certificateId: cert.certificateId, issuanceId: 'issuance-0004' };
    expect((await call('reportCertificateOutcome', { ...report, outcome: 'issued' })).body).toMatchObject({ outcome: 'recorded', status: 'issued' });
    expect((await call('reportCertificateOutcome', { ...report, outcome: 'issued' })).body).toMatchObject({ outcome: 'recorded', status: 'issued' });
    expect((await call('reportCertificateOutcome', { ...report, outcome: 'voided' })).body).toMatchObject({ outcome: 'recorded', status: 'voided' });
    expect((await call('reportCertificateOutcome', { ...report, outcome: 'issued' })).body).toEqual({ outcome: 'alreadyVoided', certificateId: cert.certificateId });
    expect((await call('reportCertificateOutcome', { ...report, issuanceId: 'issuance-9999', outcome: 'voided' })).body).toEqual({ outcome: 'unknown' });
    expect(await (await fetch(cert.verification.url)).text()).toContain('data-result="void"');
  });
});

describe('the platform simulator: applications, progress, post (issue 17 §5–§7)', () => {
  it('accepts a 个人参保登记 once per key, with a checked acceptance number, the items and an EMS tracking number', async () => {
    await started();
    const id = await verified('adult');
    const submission = registrationSubmission('adult', id, 'submission-0001');
    const first = await call('submitApplication', submission, { 'Idempotency-Key': 'submission-0001' });
    expect(first.body).toMatchObject({ outcome: 'accepted', serviceName: '个人参保登记', acceptedAt: '2026-11-23T09:00:00+08:00' });
    expect(isAcceptanceNumber(first.body.acceptanceNumber as string)).toBe(true);
    expect(isS10TrackingNumber(first.body.trackingNumber as string)).toBe(true);
    expect(first.body.items).toEqual([{ name: '申请表', count: 1 }, { name: '户口簿首页及本人页', count: 2 }, { name: '单位营业执照', count: 1 }, { name: '手写签名', count: 1 }]);
    const before = sim!.applications().length;
    expect((await call('submitApplication', submission, { 'Idempotency-Key': 'submission-0001' })).body).toEqual(first.body);
    expect(sim!.applications()).toHaveLength(before);
    expect((await call('submitApplication', { ...submission, applicant: { ...submission.applicant, phone: '13900000000' } }, { 'Idempotency-Key': 'submission-0001' })).status).toBe(409);
    expect((await call('submitApplication', submission, { 'Idempotency-Key': 'submission-0002' })).status).toBe(400);
  });

  it('refuses what the citizen entered wrongly, every problem with its field path, and stores nothing', async () => {
    await started();
    const id = await verified('adult');
    const s = registrationSubmission('adult', id, 'submission-0003');
    const bad = { ...s, applicant: { ...s.applicant, phone: '12345' }, form: { ...s.form, employerCreditCode: '91350100M000100Y44', startMonth: '2020-01' }, attachments: s.attachments.slice(2), delivery: { method: 'post', address: { ...TEST_ADDRESS, postcode: '5500', province: '香港特别行政区' } } };
    const before = sim!.applications().length;
    const reply = await call('submitApplication', bad, { 'Idempotency-Key': 'submission-0003' });
    expect(reply.body.outcome).toBe('refused');
    const fields = (reply.body.problems as { field: string; message: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['applicant.phone', 'form.employerCreditCode', 'form.startMonth', 'attachments', 'delivery.address.postcode', 'delivery.address.province']));
    expect((reply.body.problems as { message: string }[])[0]!.message).toMatch(/ \/ /);
    expect(sim!.applications()).toHaveLength(before);
    expect((await call('submitApplication', s, { 'Idempotency-Key': 'submission-0003' })).body.outcome).toBe('accepted');
  });

  it('公积金提取: within the balance, only for a citizen with an account, a verification of the applicant', async () => {
    await started();
    const id = await verified('adult');
    expect((await call('submitApplication', withdrawalSubmission('adult', id, 'withdrawal-0001'), { 'Idempotency-Key': 'withdrawal-0001' })).body).toMatchObject({ outcome: 'accepted', serviceName: '住房公积金提取' });
    const tooMuch = withdrawalSubmission('adult', id, 'withdrawal-0002');
    tooMuch.form = { ...tooMuch.form, amountYuan: '99999.00' } as typeof tooMuch.form;
    expect((await call('submitApplication', tooMuch, { 'Idempotency-Key': 'withdrawal-0002' })).body).toMatchObject({ outcome: 'refused', problems: [{ field: 'form.amountYuan' }] });
    const noAccount = withdrawalSubmission('rareCharacter', await verified('rareCharacter'), 'withdrawal-0003');
    expect((await call('submitApplication', noAccount, { 'Idempotency-Key': 'withdrawal-0003' })).body).toMatchObject({ outcome: 'refused', problems: [{ field: 'applicant' }] });
    const someoneElse = withdrawalSubmission('permitJ', id, 'withdrawal-0004');
    expect((await call('submitApplication', someoneElse, { 'Idempotency-Key': 'withdrawal-0004' })).body).toMatchObject({ outcome: 'refused', problems: [{ field: 'applicant.verificationId' }] });
  });

  it('progress by number and by citizen; the control API moves an application on, 办结 is final', async () => {
    await started();
    const id = await verified('adult');
    const accepted = await call('submitApplication', registrationSubmission('adult', id, 'submission-0004'), { 'Idempotency-Key': 'submission-0004' });
    const no = accepted.body.acceptanceNumber as string;
    expect((await call('queryProgress', { acceptanceNumber: no })).body).toMatchObject({ outcome: 'found', applications: [{ acceptanceNumber: no, status: 'accepted', applicantMaskedName: '张**' }] });
    const mine = (await call('queryProgress', { verificationId: id })).body.applications as { acceptanceNumber: string; status: string }[];
    expect(mine.map((a) => a.status)).toEqual(['accepted', 'reviewing', 'completed']);
    expect((await control(`/sim/platform/applications/${no}/status`, { status: 'reviewing' })).body).toMatchObject({ status: 'reviewing' });
    expect((await control('/sim/platform/application-status', { acceptanceNumber: no, status: 'returned', note: '请补充劳动合同' })).status).toBe(200);
    const steps = ((await call('queryProgress', { acceptanceNumber: no })).body.applications as { steps: { status: string; note?: string }[] }[])[0]!.steps;
    expect(steps).toEqual([expect.objectContaining({ status: 'accepted' }), expect.objectContaining({ status: 'reviewing' }), expect.objectContaining({ status: 'returned', note: '请补充劳动合同' })]);
    expect((await control(`/sim/platform/applications/${no}/status`, { status: 'completed' })).status).toBe(409);
    expect((await control('/sim/platform/applications/SL202611230009995/status', { status: 'completed' })).status).toBe(404);
    expect((await call('queryProgress', { acceptanceNumber: 'SL202611230000017' })).status).toBe(400);
  });

  it('books EMS once per key for a known application, the address checked', async () => {
    await started();
    const withdrawal = await call('submitApplication', withdrawalSubmission('adult', await verified('adult'), 'withdrawal-0005'), { 'Idempotency-Key': 'withdrawal-0005' });
    const request = { acceptanceNumber: withdrawal.body.acceptanceNumber, address: TEST_ADDRESS };
    const booked = await call('bookPost', request, { 'Idempotency-Key': 'post-00001' });
    expect(booked.body).toMatchObject({ outcome: 'booked', carrier: 'EMS' });
    expect(isS10TrackingNumber(booked.body.trackingNumber as string)).toBe(true);
    expect((await call('bookPost', request, { 'Idempotency-Key': 'post-00001' })).body).toEqual(booked.body);
    expect((await call('bookPost', { ...request, address: { ...TEST_ADDRESS, phone: '1380000' } }, { 'Idempotency-Key': 'post-00002' })).body).toMatchObject({ outcome: 'refused', problems: [{ field: 'address.phone' }] });
    expect((await call('bookPost', { ...request, acceptanceNumber: 'SL202611230009995' }, { 'Idempotency-Key': 'post-00003' })).body).toEqual({ outcome: 'unknown' });
  });
});

describe('the platform simulator: 好差评 (issue 17 §8)', () => {
  const evaluation = (key: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({ idempotencyKey: key, transactionId: 'SL202611230000010', serviceCode: 'SI-PERSONAL-REGISTRATION', level: 2, channel: 'kiosk', ...over });

  it('one evaluation per transaction; the same key the same answer; a low level needs a reason', async () => {
    await started();
    const first = await call('submitEvaluation', evaluation('evaluation-1'), { 'Idempotency-Key': 'evaluation-1' });
    expect(first.body).toMatchObject({ outcome: 'recorded', evaluationId: 'PJ20261123000001' });
    expect((await call('submitEvaluation', evaluation('evaluation-1'), { 'Idempotency-Key': 'evaluation-1' })).body).toEqual(first.body);
    expect((await call('submitEvaluation', evaluation('evaluation-2', { level: 1 }), { 'Idempotency-Key': 'evaluation-2' })).body).toEqual({ outcome: 'alreadyEvaluated', evaluationId: 'PJ20261123000001' });
    expect((await call('submitEvaluation', evaluation('evaluation-1', { level: 1 }), { 'Idempotency-Key': 'evaluation-1' })).status).toBe(409);
    const low = evaluation('evaluation-3', { transactionId: 'C20261123000001', level: 4 });
    expect((await call('submitEvaluation', low, { 'Idempotency-Key': 'evaluation-3' })).body).toMatchObject({ outcome: 'refused', problems: [{ field: 'reasons' }] });
    expect((await call('submitEvaluation', { ...low, reasons: ['slow'], comment: '排队太久' }, { 'Idempotency-Key': 'evaluation-3' })).body).toMatchObject({ outcome: 'recorded' });
    expect(sim!.evaluations()).toEqual([expect.objectContaining({ level: 2 }), expect.objectContaining({ level: 4, reasons: ['slow'], comment: '排队太久' })]);
  });
});

describe('the platform simulator: faults for issue 17', () => {
  it('applies faults to the named endpoints only, and refuses an endpoint it does not know', async () => {
    await started();
    sim!.setFaults({ serverError: 503, endpoints: ['submitEvaluation'] });
    expect((await call('verifyIdentity', faceVerifyRequest('adult'))).status).toBe(200);
    expect((await call('submitEvaluation', { idempotencyKey: 'evaluation-9' }, { 'Idempotency-Key': 'evaluation-9' })).status).toBe(503);
    expect(() => sim!.setFaults({ endpoints: ['nope'] })).toThrow(/endpoints/);
  });

  it('dropAfterWork: the application is accepted and the connection dropped; unreachable: dropped before any work', async () => {
    await started();
    const id = await verified('adult');
    const before = sim!.applications().length;
    sim!.setFaults({ unreachable: true });
    await expect(call('submitApplication', registrationSubmission('adult', id, 'submission-0005'), { 'Idempotency-Key': 'submission-0005' })).rejects.toThrow();
    expect(sim!.applications()).toHaveLength(before);
    sim!.setFaults({ unreachable: false, dropAfterWork: true });
    await expect(call('submitApplication', registrationSubmission('adult', id, 'submission-0005'), { 'Idempotency-Key': 'submission-0005' })).rejects.toThrow();
    expect(sim!.applications()).toHaveLength(before + 1);
  });

  it('reset forgets certificates, applications, evaluations and verifications, and seeds afresh', async () => {
    await started();
    const id = await verified('adult');
    await issue(id, 'socialInsuranceRecord', 'issuance-0009');
    sim!.reset();
    expect(sim!.certificates()).toEqual([]);
    expect(sim!.applications()).toHaveLength(2);
    expect((await call('listCertificates', { verificationId: id })).body).toEqual({ outcome: 'verificationInvalid' });
    expect((await control('/sim/platform')).body).toMatchObject({ certificates: 0, applications: 2, evaluations: 0, verifications: 0 });
  });
});
