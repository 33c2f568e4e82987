/**
 * 办件查询 through the composed host and its KioskApi (issue 17 §6): a 受理编号 the platform simulator holds is
 * found, typed with spaces; one with a wrong check digit is refused before the platform is asked; a query by
 * card without an identified citizen asks for the card. The desk itself is tested in progress-desk.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { startHost } from './kiosk-rig';

describe('progress query over the KioskApi', () => {
  it('finds a seeded application by its number, refuses a mistyped one, and asks for the card by card', async () => {
    const { kiosk, call } = await startHost();
    kiosk.platformSim!.setFaults({ latencyMs: 0 });
    await call('session:activity', {});
    const seeded = kiosk.platformSim!.applications()[0]!;
    const typed = seeded.acceptanceNumber.replace(/^(.{6})(.{4})/u, '$1 $2 ');
    const found = await call('progress:query', { by: 'number', acceptanceNumber: typed, source: 'typed' });
    expect(found).toMatchObject({ outcome: 'found', waiting: [], lockerParcels: [] });
    expect(found.outcome === 'found' && found.applications.map((a) => [a.acceptanceNumber, a.status])).toEqual([[seeded.acceptanceNumber, seeded.status]]);
    const last = Number(seeded.acceptanceNumber.at(-1));
    const mistyped = seeded.acceptanceNumber.slice(0, -1) + String((last + 1) % 10);
    expect(await call('progress:query', { by: 'number', acceptanceNumber: mistyped, source: 'scanned' })).toEqual({ outcome: 'invalidNumber' });
    expect(await call('progress:query', { by: 'card' })).toEqual({ outcome: 'identify' });
  });
});
