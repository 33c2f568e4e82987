/**
 * Card dates (protocols.md §1.5: `YYYYMMDD`, or `长期` for valid-until), card validity on a hall-local day and
 * age in whole years. Pure calendar arithmetic on `YYYY-MM-DD` strings: the caller passes "today" in hall time
 * (ARCHITECTURE.md §8.4), so no clock or time zone is read here.
 */
import type { ErrorCode } from '../../../common/errors';
import { type CardText, type IsoDate, LONG_TERM } from './card-text';

/**
 * Years a card date may carry. Wider than any living holder or any card's validity, narrow enough to refuse
 * bytes that only look like a date (`00010101`).
 */
export const CARD_YEAR_MIN = 1850;
export const CARD_YEAR_MAX = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDay(year: number, month: number, day: number): boolean {
  return year >= CARD_YEAR_MIN && year <= CARD_YEAR_MAX && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export type CardDateResult = { ok: true; date: IsoDate } | { ok: false; reason: 'invalidFormat' | 'invalidDate' };

/** `YYYYMMDD` (8 ASCII digits, a real day) → `YYYY-MM-DD`. */
export function parseCardDate(text: string): CardDateResult {
  if (!/^[0-9]{8}$/.test(text)) return { ok: false, reason: 'invalidFormat' };
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))];
  if (!realDay(y, m, d)) return { ok: false, reason: 'invalidDate' };
  return { ok: true, date: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` };
}

function splitIsoDate(date: IsoDate, what: string): [number, number, number] {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  const parts = match ? ([Number(match[1]), Number(match[2]), Number(match[3])] as const) : undefined;
  // A malformed date here is the caller's bug (the parser only produces valid ones): fail loudly.
  if (!parts || !realDay(...parts)) throw new RangeError(`${what} must be a real day written YYYY-MM-DD`);
  return [...parts];
}

export type CardValidity = 'valid' | 'expired' | 'notYetValid';

/**
 * Whether the card is valid on the hall-local day `todayLocal` (YYYY-MM-DD). Both ends are inclusive: a card
 * "valid until 2030-01-01" is still valid on that day and expired from 2030-01-02. `长期` never expires.
 * Throws a RangeError if `todayLocal` (or a hand-built card's date) is not a real YYYY-MM-DD day.
 */
export function cardValidity(card: Pick<CardText, 'validFrom' | 'validUntil'>, todayLocal: IsoDate): CardValidity {
  splitIsoDate(todayLocal, 'todayLocal');
  splitIsoDate(card.validFrom, 'validFrom');
  if (card.validUntil !== LONG_TERM) splitIsoDate(card.validUntil, 'validUntil');
  // Same fixed-width form on both sides, so string order is date order.
  if (todayLocal < card.validFrom) return 'notYetValid';
  if (card.validUntil !== LONG_TERM && todayLocal > card.validUntil) return 'expired';
  return 'valid';
}

/**
 * The error code a card refused for its dates carries (common/errors.ts; the UI translates it, §8.12): the
 * citizen acts (another card, or a staffed window). Null for a valid card.
 */
export function cardValidityError(validity: CardValidity): Extract<ErrorCode, 'cardExpired' | 'cardNotYetValid'> | null {
  return validity === 'expired' ? 'cardExpired' : validity === 'notYetValid' ? 'cardNotYetValid' : null;
}

export interface AgeOptions {
  /**
   * When a holder born on 29 February has a birthday in a common year. `feb28` (default): the month-end rule of
   * the Civil Code art. 202 (a period with no corresponding day ends on the month's last day); `mar1`: the day
   * after, as some jurisdictions count it.
   */
  leapDayBirthday?: 'feb28' | 'mar1';
}

/**
 * Age in whole years on `todayLocal` (周岁): it goes up on the birthday itself. Negative when today is before the
 * birth date (a clock far behind); callers treat that as "age unknown". Throws a RangeError on a malformed date.
 */
export function ageOn(birth: IsoDate, todayLocal: IsoDate, options: AgeOptions = {}): number {
  const [by, bm, bd] = splitIsoDate(birth, 'birth');
  const [ty, tm, td] = splitIsoDate(todayLocal, 'todayLocal');
  let [month, day] = [bm, bd];
  if (bm === 2 && bd === 29 && !isLeapYear(ty)) [month, day] = options.leapDayBirthday === 'mar1' ? [3, 1] : [2, 28];
  const hadBirthday = tm > month || (tm === month && td >= day);
  return ty - by - (hadBirthday ? 0 : 1);
}
