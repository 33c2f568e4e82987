/**
 * The appointments the simulated platform starts with (issue 14 item 7), one per answer the kiosk must
 * handle, for the fixture citizens whose cards the ID-card reader simulator places
 * (devices-sim/ga467/fixture-citizens.ts). Windows are set from the clock's now, on the half hour, in the
 * hall's time zone, so they make sense at whatever time the trainer starts (or resets) the simulator:
 *
 * - adult (张示例): social insurance, open now (from half an hour ago for two hours) → checkedIn
 * - foreign2023 (示例玛丽): social insurance, starting on the half hour, open now → checkedIn
 * - over70 (王示例): housing fund, three hours from now → early
 * - withFingerprints (刘示例): real estate, ended two hours ago → late
 * - rareCharacter (李…示): social insurance, open now but already checked in → alreadyUsed (a replay)
 * - permitJ (陈示例): housing fund, tomorrow at this time → early, and not among today's by ID card
 */
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { displayName, isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { fixtureCard, type FixtureName } from '../ga467/fixture-citizens';
import type { AppointmentBook, NewAppointment } from './appointment-book';

const HALF_HOUR_MS = 30 * 60_000;
const HOUR_MS = 2 * HALF_HOUR_MS;

/** The default configuration's businesses (main/host/config/default-config.ts). */
export const DEFAULT_SEED_BUSINESS_IDS = ['social-insurance', 'housing-fund', 'real-estate'] as const;

interface Seed {
  fixture: FixtureName;
  business: 0 | 1 | 2;
  /** From the current half hour. */
  startMs: number;
  durationMs: number;
  used?: boolean;
}

const SEEDS: readonly Seed[] = [
  { fixture: 'adult', business: 0, startMs: -HALF_HOUR_MS, durationMs: 2 * HOUR_MS },
  { fixture: 'foreign2023', business: 0, startMs: 0, durationMs: 2 * HOUR_MS },
  { fixture: 'over70', business: 1, startMs: 3 * HOUR_MS, durationMs: HOUR_MS },
  { fixture: 'withFingerprints', business: 2, startMs: -3 * HOUR_MS, durationMs: HOUR_MS },
  { fixture: 'rareCharacter', business: 0, startMs: -HALF_HOUR_MS, durationMs: 2 * HOUR_MS, used: true },
  { fixture: 'permitJ', business: 1, startMs: 24 * HOUR_MS, durationMs: HOUR_MS },
];

/** The card holder's number, name and card type, read back from the fixture card's own text block. */
export function fixturePerson(fixture: FixtureName): Pick<NewAppointment, 'idNumber' | 'name' | 'cardType'> {
  const card = parseTextBlock(fixtureCard(fixture).text);
  if (isTextBlockProblem(card)) throw new Error(`fixture card ${fixture} does not parse: ${card.message}`);
  return { idNumber: card.idNumber, name: displayName(card), cardType: card.kind };
}

/**
 * Adds the seeded appointments to `book`. Half hours are counted from the epoch, which is the hall's half
 * hour too in every zone whose offset is a whole number of half hours (Asia/Shanghai: +08:00).
 */
export function seedAppointments(book: AppointmentBook, nowMs: number, businessIds: readonly string[] = DEFAULT_SEED_BUSINESS_IDS): void {
  const slot = Math.floor(nowMs / HALF_HOUR_MS) * HALF_HOUR_MS;
  for (const seed of SEEDS) {
    const businessId = businessIds[seed.business % businessIds.length];
    if (businessId === undefined) return;
    const start = slot + seed.startMs;
    book.create({ ...fixturePerson(seed.fixture), businessId, windowStartMs: start, windowEndMs: start + seed.durationMs, status: seed.used ? 'checkedIn' : 'booked', fixture: seed.fixture });
  }
}
