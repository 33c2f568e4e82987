import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import type { PlatformReply } from '../platform/platform-client';
import { PlatformClient } from '../platform/platform-client';
import { startPlatformSim } from '../../../devices-sim/platform/platform-sim';
import { faceVerifyRequest, registrationSubmission } from '../../../devices-sim/platform/test-requests';
import { ProgressDesk, normaliseAcceptanceNumber, type ProgressDeskDeps } from './progress-desk';

/** 2026-11-23 09:00 in Shanghai. */
const START = Date.UTC(2026, 10, 23, 1, 0, 0);
const HMAC = 'a'.repeat(64);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function value<T>(reply: PlatformReply<T>): T {
  if (!reply.ok) throw new Error(reply.error.code);
  return reply.value;
}

/** The platform simulator with one accepted 个人参保登记 of `adult`, and a desk whose session is identified. */
async function rig(deps: Partial<ProgressDeskDeps> = {}) {
  const clock = new ManualClock(START);
  const sim = await startPlatformSim({ clock, latencyMs: 0 });
  closers.push(() => sim.stop());
  const client = new PlatformClient({ baseUrl: sim.url, kioskId: 'kiosk-01', clock, timeoutMs: 2_000, submitTimeoutMs: 5_000 });
  const verificationId = value(await client.verifyIdentity(faceVerifyRequest('adult'))).transactionId;
  const accepted = value(await client.submitApplication(registrationSubmission('adult', verificationId, 'kiosk01-app-0001')));
  if (accepted.outcome !== 'accepted') throw new Error('not accepted');
  let verification: { verificationId: string; idHmac: string } | null = { verificationId, idHmac: HMAC };
  const desk = new ProgressDesk({
    session: { current: () => 's1' },
    identity: { platformVerification: () => verification },
    platform: () => client,
    log: SILENT_LOGGER,
    ...deps,
  });
  return { desk, sim, acceptanceNumber: accepted.acceptanceNumber, forget: () => (verification = null) };
}

describe('ProgressDesk (办件查询, issue 17 §6)', () => {
  it('finds the new application first by the ID card of the session, and by its 受理编号 typed with spaces or lower case', async () => {
    const { desk, acceptanceNumber } = await rig();
    const byCard = await desk.query({ by: 'card' });
    expect(byCard).toMatchObject({ outcome: 'found', waiting: [], lockerParcels: [] });
    // The simulator's records of this citizen hold two older applications; theirs, newest first.
    expect(byCard.outcome === 'found' && byCard.applications.map((a) => a.acceptanceNumber)[0]).toBe(acceptanceNumber);
    const typed = `${acceptanceNumber.slice(0, 6).toLowerCase()} ${acceptanceNumber.slice(6)}`;
    const byNumber = await desk.query({ by: 'number', acceptanceNumber: typed, source: 'typed' });
    expect(byNumber.outcome === 'found' && byNumber.applications[0]).toMatchObject({ acceptanceNumber, status: 'accepted', serviceCode: 'SI-PERSONAL-REGISTRATION' });
  });

  it('refuses a number whose check digit is wrong without asking the platform', async () => {
    const { desk, sim, acceptanceNumber } = await rig();
    const wrongDigit = acceptanceNumber.slice(0, 16) + String((Number(acceptanceNumber[16]) + 1) % 10);
    sim.setFaults({ unreachable: true });
    expect(await desk.query({ by: 'number', acceptanceNumber: wrongDigit, source: 'scanned' })).toEqual({ outcome: 'invalidNumber' });
    expect(normaliseAcceptanceNumber(' sl2026 1123 ')).toBe('SL20261123');
  });

  it('asks for identification by card when the session has no verification', async () => {
    const { desk, forget } = await rig();
    forget();
    expect(await desk.query({ by: 'card' })).toEqual({ outcome: 'identify' });
  });

  it('with the platform away: by number says so; by card shows what the kiosk holds, marked as partial', async () => {
    const waiting = [{ reference: 'K01-20261123-0001', serviceName: '个人参保登记', submittedAt: '2026-11-23T09:00:00+08:00' }];
    const { desk, sim, acceptanceNumber } = await rig({ waiting: (h) => (h === HMAC ? waiting : []) });
    sim.setFaults({ unreachable: true });
    expect(await desk.query({ by: 'number', acceptanceNumber, source: 'typed' })).toMatchObject({ outcome: 'unavailable' });
    const byCard = await desk.query({ by: 'card' });
    expect(byCard).toMatchObject({ outcome: 'found', applications: [], waiting, lockerParcels: [] });
    expect(byCard.outcome === 'found' && byCard.platformError).toBeTruthy();
  });

  it('with no platform configured and nothing held, says the platform is unavailable', async () => {
    const { desk } = await rig({ platform: () => null });
    expect(await desk.query({ by: 'card' })).toEqual({ outcome: 'unavailable', code: 'platformUnavailable' });
  });
});
