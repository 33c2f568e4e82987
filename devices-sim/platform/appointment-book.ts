/**
 * The simulated platform's appointments (issue 14 item 7): made online (here: seeded, or through
 * `POST /sim/platform/appointments`), looked up by code or ID number, checked in once within the window.
 * In memory only. Check-in is idempotent per `Idempotency-Key` (ARCHITECTURE.md §8.3): the same key again
 * gets the first answer, so a kiosk retrying after a lost reply sees `checkedIn`, while the same code under
 * a new key (a replay) is `alreadyUsed`.
 */
import type { Clock } from '../../common/clock';
import { localDateKey } from '../../common/local-time';
import { maskIdNumber, maskName } from '../../common/mask';
import type { Appointment, AppointmentLookupResult, AppointmentStatus, CheckInResult, PlatformCardType } from '../../common/platform-api';
import type { SeededRandom } from '../seeded-random';
import { checkAppointmentCode, signAppointmentCode } from './appointment-code';
import { isoWithOffset } from './iso-offset';

export interface NewAppointment {
  businessId: string;
  idNumber: string;
  cardType: PlatformCardType;
  name: string;
  windowStartMs: number;
  windowEndMs: number;
  /** `checkedIn` makes one already used (a seeded replay case). */
  status?: AppointmentStatus;
  /** The fixture citizen it was seeded for, shown in the control listing. */
  fixture?: string;
}

interface StoredAppointment extends Required<Omit<NewAppointment, 'fixture'>> {
  id: string;
  code: string;
  fixture?: string;
  checkedInAtMs?: number;
}

/** The control API's view: the person masked, never the number (ARCHITECTURE.md §8.7). */
export interface AppointmentListing extends Appointment {
  personMaskedIdNumber: string;
  fixture?: string;
}

export class IdempotencyConflict extends Error {
  constructor() {
    super('this Idempotency-Key was used for another appointment code');
    this.name = 'IdempotencyConflict';
  }
}

export interface AppointmentBookOptions {
  clock: Clock;
  timeZone: string;
  signingKey: Uint8Array;
  rng: SeededRandom;
  checkInOpensBeforeMs: number;
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Answers remembered per Idempotency-Key; the oldest go first. */
const MAX_REMEMBERED_KEYS = 1000;

export class AppointmentBook {
  private readonly byCode = new Map<string, StoredAppointment>();
  private readonly answers = new Map<string, { code: string; result: CheckInResult }>();

  constructor(private readonly options: AppointmentBookOptions) {}

  create(input: NewAppointment): AppointmentListing {
    const id = Array.from({ length: 10 }, () => ID_ALPHABET[this.options.rng.int(0, ID_ALPHABET.length - 1)]).join('');
    const code = signAppointmentCode(this.options.signingKey, { id, businessId: input.businessId, windowStartMs: input.windowStartMs, windowEndMs: input.windowEndMs });
    const stored: StoredAppointment = { ...input, status: input.status ?? 'booked', id, code };
    if (stored.status === 'checkedIn') stored.checkedInAtMs = Math.min(this.options.clock.now(), input.windowEndMs);
    this.byCode.set(code, stored);
    return this.listing(stored);
  }

  clear(): void {
    this.byCode.clear();
    this.answers.clear();
  }

  size(): number {
    return this.byCode.size;
  }

  list(): AppointmentListing[] {
    return [...this.byCode.values()].sort((a, b) => a.windowStartMs - b.windowStartMs).map((a) => this.listing(a));
  }

  lookup(code: string): AppointmentLookupResult {
    const found = this.find(code);
    return 'appointment' in found ? { status: 'found', appointment: this.view(found.appointment) } : { status: found.status };
  }

  /** The person's appointments starting on the hall day of now, earliest first. */
  search(idNumber: string): Appointment[] {
    const today = localDateKey(this.options.clock.now(), this.options.timeZone);
    return [...this.byCode.values()]
      .filter((a) => a.idNumber === idNumber && a.status !== 'cancelled' && localDateKey(a.windowStartMs, this.options.timeZone) === today)
      .sort((a, b) => a.windowStartMs - b.windowStartMs)
      .map((a) => this.view(a));
  }

  /** Throws IdempotencyConflict when `idempotencyKey` was used with another code. */
  checkIn(code: string, idempotencyKey: string): CheckInResult {
    const remembered = this.answers.get(idempotencyKey);
    if (remembered) {
      if (remembered.code !== code) throw new IdempotencyConflict();
      return remembered.result;
    }
    const result = this.decideCheckIn(code);
    this.answers.set(idempotencyKey, { code, result });
    if (this.answers.size > MAX_REMEMBERED_KEYS) this.answers.delete(this.answers.keys().next().value!);
    return result;
  }

  private decideCheckIn(code: string): CheckInResult {
    const found = this.find(code);
    if (!('appointment' in found)) return { outcome: found.status };
    const a = found.appointment;
    const now = this.options.clock.now();
    if (a.status === 'checkedIn') return { outcome: 'alreadyUsed', appointment: this.view(a) };
    const opensAt = a.windowStartMs - this.options.checkInOpensBeforeMs;
    if (now < opensAt) return { outcome: 'early', appointment: this.view(a), checkInOpensAt: this.iso(opensAt) };
    if (now > a.windowEndMs) return { outcome: 'late', appointment: this.view(a) };
    a.status = 'checkedIn';
    a.checkedInAtMs = now;
    return { outcome: 'checkedIn', appointment: this.view(a) };
  }

  private find(code: string): { appointment: StoredAppointment } | { status: 'unknown' | 'forged' } {
    const check = checkAppointmentCode(this.options.signingKey, code);
    if (check.kind === 'notACode') return { status: 'unknown' };
    if (check.kind === 'forged') return { status: 'forged' };
    const appointment = this.byCode.get(code);
    // A cancelled appointment is no longer one: the same answer as a code the platform never issued.
    return appointment && appointment.status !== 'cancelled' ? { appointment } : { status: 'unknown' };
  }

  private iso(ms: number): string {
    return isoWithOffset(ms, this.options.timeZone);
  }

  private view(a: StoredAppointment): Appointment {
    const v: Appointment = { code: a.code, businessId: a.businessId, windowStart: this.iso(a.windowStartMs), windowEnd: this.iso(a.windowEndMs), personMaskedName: maskName(a.name), status: a.status };
    if (a.checkedInAtMs !== undefined) v.checkedInAt = this.iso(a.checkedInAtMs);
    return v;
  }

  private listing(a: StoredAppointment): AppointmentListing {
    const l: AppointmentListing = { ...this.view(a), personMaskedIdNumber: maskIdNumber(a.idNumber) };
    if (a.fixture !== undefined) l.fixture = a.fixture;
    return l;
  }
}
