import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api';
import { FakeKioskApi } from '../test-support/fake-kiosk-api';
import { CLOSED_BUSINESS, makeSession, OPEN_BUSINESS, TAKE_TICKET_PAPER_OUT } from '../test-support/fixtures';
import { parseHostEvent, withCheckedPushes } from './push-validate';

const GOOD: KioskEvent[] = [
  { type: 'session:changed', session: makeSession({ phase: 'countdown', sessionId: 'S1', countdownEndsAt: 5 }) },
  { type: 'availability:changed', availability: [TAKE_TICKET_PAPER_OUT, { service: 'takeTicket', available: true }] },
  { type: 'queue:changed', businesses: [OPEN_BUSINESS, CLOSED_BUSINESS] },
  { type: 'clock:changed', nowMs: 1_767_225_600_000 },
  { type: 'ticket:delivery', requestId: 'r-1', number: 'A012', delivery: 'retracted' },
  { type: 'face:streaming', on: true },
  { type: 'face:streaming', on: false, deviceLabel: 'HD USB Camera' },
];

describe('parseHostEvent', () => {
  it('accepts every well-formed host event as it is', () => {
    for (const event of GOOD) expect(parseHostEvent(structuredClone(event))).toEqual({ ok: true, value: event });
  });

  it('keeps only the contract fields', () => {
    const raw = { type: 'clock:changed', nowMs: 1, extra: 'x' };
    expect(parseHostEvent(raw)).toEqual({ ok: true, value: { type: 'clock:changed', nowMs: 1 } });
  });

  it('refuses malformed events, naming the field but never its value', () => {
    const session = makeSession();
    const cases: [unknown, string][] = [
      [{ type: 'session:changed' }, 'session must be an object'],
      [{ type: 'face:streaming', on: 'yes' }, 'on must be a boolean'],
      [{ type: 'session:changed', session: { ...session, phase: '520102199001011234' } }, 'session.phase must be one of'],
      [{ type: 'session:changed', session: { ...session, sessionId: 7 } }, 'session.sessionId must be a string'],
      [{ type: 'session:changed', session: { ...session, idleTimeoutMs: -1 } }, 'session.idleTimeoutMs must not be negative'],
      [{ type: 'availability:changed', availability: {} }, 'availability must be an array'],
      [{ type: 'availability:changed', availability: [{ service: 'takeTicket', available: 'no' }] }, 'availability[0].available'],
      [{ type: 'availability:changed', availability: [{ ...TAKE_TICKET_PAPER_OUT, reason: 'melted' }] }, 'availability[0].reason'],
      [{ type: 'availability:changed', availability: [{ ...TAKE_TICKET_PAPER_OUT, alternative: {} }] }, 'availability[0].alternative.zh-CN'],
      [{ type: 'queue:changed', businesses: [{ ...OPEN_BUSINESS, name: null }] }, 'businesses[0].name must be an object'],
      [{ type: 'queue:changed', businesses: [{ ...OPEN_BUSINESS, waiting: 1.5 }] }, 'businesses[0].waiting must be a finite integer'],
      [{ type: 'queue:changed', businesses: [{ ...OPEN_BUSINESS, hoursToday: [9] }] }, 'businesses[0].hoursToday[0]'],
      [{ type: 'clock:changed', nowMs: Number.NaN }, 'nowMs must be a finite number'],
      [{ type: 'ticket:delivery', requestId: 'r', number: 'A012', delivery: 'presented' }, 'delivery must be one of'],
      [{ type: 'ticket:delivery', requestId: 'r', delivery: 'taken' }, 'number must be a string'],
      [[], 'event must be an object'],
    ];
    for (const [raw, detail] of cases) {
      const checked = parseHostEvent(raw);
      expect(checked.ok, JSON.stringify(raw)).toBe(false);
      if (!checked.ok) {
        expect(checked.detail).toContain(detail);
        expect(checked.detail).not.toContain('19900101');
      }
    }
  });

  it('marks unknown types (and a host-sent kiosk:resync) as unknown rather than malformed', () => {
    expect(parseHostEvent({ type: 'made:up' })).toMatchObject({ ok: false, unknown: true });
    expect(parseHostEvent({ type: 'kiosk:resync' })).toMatchObject({ ok: false, unknown: true });
  });
});

describe('withCheckedPushes (the Electron bridge path)', () => {
  it('passes checked events and the bridge resync, drops and reports malformed ones', () => {
    const fake = new FakeKioskApi();
    const reports: string[] = [];
    const api = withCheckedPushes(fake, (level, msg) => reports.push(`${level} ${msg}`));
    const seen: KioskEvent[] = [];
    api.onEvent((e) => seen.push(e));
    const raw = (event: unknown) => fake.push(event as KioskEvent);
    raw({ type: 'kiosk:resync' });
    raw({ type: 'queue:changed', businesses: 'many' });
    raw({ type: 'clock:changed', nowMs: 3 });
    expect(seen).toEqual([{ type: 'kiosk:resync' }, { type: 'clock:changed', nowMs: 3 }]);
    expect(reports).toEqual(['warn malformed api push dropped']);
  });
});
