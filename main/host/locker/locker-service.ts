/**
 * The hall locker as a service (issue 17 §7; docs/locker-protocol.md §4): staff load a result document —
 * the service picks a free, empty, working compartment, opens it, waits for the door to be closed with
 * something inside, and only then issues a six-digit pick-up code — and the citizen collects it with the code
 * or their ID card: the door opens, and the parcel counts as collected only when the door is closed again and
 * the compartment is empty (ARCHITECTURE.md §8.3). A door left open or a document not taken is reported and
 * audited. One operation at a time. Parcels and wrong-code attempts live in the store (locker-store.ts);
 * every load, open and collection goes to the audit callback (the hash-chained audit log's append).
 */
import type { Clock } from '../../../common/clock';
import type { ErrorCode } from '../../../common/errors';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { DeviceError } from '../../../drivers/devices/device-error';
import type { Locker } from '../../../drivers/devices/locker/locker-types';
import type { AuditEntry, AuditValue } from '../audit/audit-log';
import { MESSAGES, type LoadResult, type PickUpResult } from './locker-results';
import type { LockerStore, Parcel } from './locker-store';
import { PickupAttempts } from './pickup-attempts';
import { PICKUP_CODE, freshPickupCode, randomPickupCode } from './pickup-code';

export interface LockerServiceOptions {
  locker: Locker;
  store: LockerStore;
  clock: Clock;
  /** HMAC of a pick-up code under the kiosk's key (e.g. `(c) => kioskKey.idHmac(\`locker-code:${c}\`)`). */
  codeHmac(code: string): string;
  /** The audit log's append (AuditTrail.record). */
  audit(entry: AuditEntry): unknown;
  /**
   * A staff or technician alert about one parcel (`ref`): a door left open (`userError`, staff) or a door that
   * did not open (the device's code, e.g. `hardwareError`). The host passes the alert bus's `event`.
   */
  alert?(code: ErrorCode, ref: string, message: string): void;
  log?: Logger;
  /** Staff's time to put the document in and close the door. Default 120 s. */
  loadTimeoutMs?: number;
  /** The citizen's time to take it and close the door. Default 60 s. */
  pickUpTimeoutMs?: number;
  /** How long a code stays valid. Default 30 days. */
  holdMs?: number;
  /** Wrong codes per hour before the keypad locks (pickup-attempts.ts). Default 5. */
  maxWrongCodesPerHour?: number;
  /** Compartments tried when doors fail to open. Default 3. */
  loadAttempts?: number;
  /** For tests: where codes come from. */
  drawCode?: () => string;
}

export interface LoadRequest {
  documentRef: string;
  citizenHmac: string;
  staffId: string;
}

const HMAC = /^[0-9a-f]{64}$/u;
const REF = /^[\x21-\x7e]{1,64}$/u;

export class LockerServiceError extends Error {
  override readonly name = 'LockerServiceError';
}

export class LockerService {
  private readonly log: Logger;
  private readonly attempts: PickupAttempts;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: LockerServiceOptions) {
    this.log = o.log ?? SILENT_LOGGER;
    this.attempts = new PickupAttempts(o.store, o.maxWrongCodesPerHour ?? 5);
  }

  load(request: LoadRequest): Promise<LoadResult> {
    if (!REF.test(request.documentRef)) throw new LockerServiceError('documentRef: 1 to 64 printable ASCII characters');
    if (!HMAC.test(request.citizenHmac)) throw new LockerServiceError('citizenHmac: the HMAC-SHA256 of the ID number, 64 lower-case hex digits');
    if (request.staffId.trim().length === 0) throw new LockerServiceError('staffId is required');
    return this.serial(() => this.loadNow(request));
  }

  pickUpByCode(code: string): Promise<PickUpResult> {
    return this.serial(async () => {
      const now = this.o.clock.now();
      const gate = this.attempts.gate(now);
      if (!gate.open) return { outcome: 'locked', retryAt: gate.retryAt, message: MESSAGES.locked() };
      const parcel = PICKUP_CODE.test(code) ? this.o.store.byCode(this.o.codeHmac(code)) : undefined;
      if (!parcel) {
        const after = this.attempts.wrong(now);
        this.audit('citizen', 'locker.wrongCode', 'locker', { lockerId: this.o.store.lockerId });
        return after.open ? { outcome: 'wrongCode', triesLeft: after.triesLeft, message: MESSAGES.wrongCode(after.triesLeft) } : { outcome: 'locked', retryAt: after.retryAt, message: MESSAGES.locked() };
      }
      if (parcel.expiresAt !== null && parcel.expiresAt <= now) return { outcome: 'expired', message: MESSAGES.expired() };
      return this.collect(parcel, 'code');
    });
  }

  pickUpByCitizen(citizenHmac: string): Promise<PickUpResult> {
    if (!HMAC.test(citizenHmac)) throw new LockerServiceError('citizenHmac: 64 lower-case hex digits');
    return this.serial(async () => {
      const now = this.o.clock.now();
      const parcel = this.o.store.byCitizen(citizenHmac).find((p) => p.expiresAt === null || p.expiresAt > now);
      if (!parcel) return { outcome: 'nothingWaiting', message: MESSAGES.nothingWaiting() };
      return this.collect(parcel, 'idCard');
    });
  }

  /** Parcels staff must look at: a door left open, a load or collection cut short by a restart. */
  needsAttention(): Parcel[] {
    return this.o.store.inState('attention');
  }

  /**
   * After a restart: a load that never got its code, or a collection whose end was not seen, cannot be decided
   * by software — both go to staff (`attention`). Returns how many.
   */
  recover(): number {
    const cut = this.o.store.inState('loading', 'opened');
    for (const p of cut) {
      this.o.store.setState(p.id, 'attention', this.o.clock.now(), p.state === 'loading' ? 'loadInterrupted' : 'collectionInterrupted');
      this.audit('kiosk', 'locker.interrupted', this.subject(p), { compartment: p.compartment, was: p.state });
    }
    return cut.length;
  }

  /** Staff settle a parcel needing attention: it was collected (or taken out), or it is back in and waiting. */
  settle(parcelId: number, staffId: string, outcome: 'collected' | 'waiting'): void {
    const p = this.o.store.get(parcelId);
    if (!p || p.state !== 'attention') throw new LockerServiceError(`parcel ${parcelId} does not need attention`);
    if (outcome === 'waiting' && p.loadedAt === null) throw new LockerServiceError(`parcel ${parcelId} never got a code: load it again`);
    this.o.store.setState(p.id, outcome, this.o.clock.now());
    this.audit(staffId, 'locker.settle', this.subject(p), { compartment: p.compartment, outcome });
  }

  private async loadNow(r: LoadRequest): Promise<LoadResult> {
    const tried = new Set<number>();
    let last: LoadResult = { outcome: 'noFreeCompartment', message: MESSAGES.noFreeCompartment() };
    for (let i = 0; i < (this.o.loadAttempts ?? 3); i++) {
      const compartment = this.freeCompartment(tried);
      if (compartment === undefined) return last;
      tried.add(compartment);
      const parcel = this.o.store.begin({ compartment, documentRef: r.documentRef, citizenHmac: r.citizenHmac, staffId: r.staffId, at: this.o.clock.now() });
      this.audit(r.staffId, 'locker.open', this.subject(parcel), { compartment, for: 'load', documentRef: r.documentRef });
      const opened = await this.openDoor(parcel);
      if (opened !== true) {
        this.o.store.setState(parcel.id, 'loadFailed', this.o.clock.now(), 'doorFailed');
        last = { outcome: 'doorFailed', compartment, error: opened.info(), message: MESSAGES.doorFailed(compartment) };
        continue;
      }
      return this.finishLoad(parcel, r);
    }
    return last;
  }

  private async finishLoad(parcel: Parcel, r: LoadRequest): Promise<LoadResult> {
    const { compartment } = parcel;
    const closed = await this.o.locker.waitForClosed(compartment, { timeoutMs: this.o.loadTimeoutMs ?? 120_000 });
    await this.light(compartment, 'off');
    const now = this.o.clock.now();
    if (!closed.closed) {
      this.o.store.setState(parcel.id, 'attention', now, 'doorLeftOpen');
      this.audit(r.staffId, 'locker.doorLeftOpen', this.subject(parcel), { compartment, during: 'load' });
      this.alert('userError', parcel, MESSAGES.doorLeftOpen(compartment));
      return { outcome: 'doorLeftOpen', parcelId: parcel.id, compartment, message: MESSAGES.doorLeftOpen(compartment) };
    }
    if (!closed.occupied) {
      this.o.store.setState(parcel.id, 'loadFailed', now, 'nothingInside');
      this.audit(r.staffId, 'locker.loadFailed', this.subject(parcel), { compartment, reason: 'nothingInside' });
      return { outcome: 'nothingInside', parcelId: parcel.id, compartment, message: MESSAGES.nothingInside(compartment) };
    }
    const { code, hmac } = freshPickupCode(this.o.codeHmac, (h) => this.o.store.codeInUse(h), this.o.drawCode ?? randomPickupCode);
    const expiresAt = now + (this.o.holdMs ?? 30 * 86_400_000);
    this.o.store.loaded(parcel.id, hmac, now, expiresAt);
    this.audit(r.staffId, 'locker.load', this.subject(parcel), { compartment, documentRef: r.documentRef, expiresAt });
    this.log.info('locker loaded', { compartment, parcelId: parcel.id });
    return { outcome: 'loaded', parcelId: parcel.id, compartment, code, expiresAt, message: MESSAGES.loaded(compartment) };
  }

  private async collect(parcel: Parcel, by: 'code' | 'idCard'): Promise<PickUpResult> {
    const { compartment } = parcel;
    this.o.store.setState(parcel.id, 'opened', this.o.clock.now());
    this.audit('citizen', 'locker.open', this.subject(parcel), { compartment, for: 'collect', by });
    const opened = await this.openDoor(parcel);
    if (opened !== true) {
      this.o.store.setState(parcel.id, 'waiting', this.o.clock.now());
      return { outcome: 'doorFailed', parcelId: parcel.id, compartment, error: opened.info(), message: MESSAGES.doorFailed(compartment) };
    }
    const closed = await this.o.locker.waitForClosed(compartment, { timeoutMs: this.o.pickUpTimeoutMs ?? 60_000 });
    await this.light(compartment, 'off');
    const now = this.o.clock.now();
    if (!closed.closed) {
      this.o.store.setState(parcel.id, 'attention', now, 'doorLeftOpen');
      this.audit('citizen', 'locker.doorLeftOpen', this.subject(parcel), { compartment, during: 'collect' });
      this.alert('userError', parcel, MESSAGES.doorLeftOpen(compartment));
      return { outcome: 'doorLeftOpen', parcelId: parcel.id, compartment, message: MESSAGES.doorLeftOpen(compartment) };
    }
    if (closed.occupied) {
      this.o.store.setState(parcel.id, 'waiting', now);
      this.audit('citizen', 'locker.notTaken', this.subject(parcel), { compartment });
      return { outcome: 'notTaken', parcelId: parcel.id, compartment, message: MESSAGES.notTaken(compartment) };
    }
    this.o.store.setState(parcel.id, 'collected', now);
    this.audit('citizen', 'locker.collect', this.subject(parcel), { compartment, documentRef: parcel.documentRef, by });
    const remaining = this.o.store.byCitizen(parcel.citizenHmac).length;
    return { outcome: 'collected', parcelId: parcel.id, compartment, documentRef: parcel.documentRef, remaining, message: MESSAGES.collected(compartment) };
  }

  /** True once the board confirmed the door open; the device's error otherwise (audited). */
  private async openDoor(parcel: Parcel): Promise<true | DeviceError> {
    try {
      await this.o.locker.openDoor(parcel.compartment);
      await this.light(parcel.compartment, 'blink');
      return true;
    } catch (err) {
      const e = DeviceError.from(err);
      this.audit('kiosk', 'locker.doorFailed', this.subject(parcel), { compartment: parcel.compartment, code: e.code });
      this.log.error('locker door did not open', { compartment: parcel.compartment, code: e.code });
      this.alert(e.code, parcel, MESSAGES.doorFailed(parcel.compartment));
      return e;
    }
  }

  /** The lowest-worn compartment that no parcel holds and that reads closed, empty, working and reachable. */
  private freeCompartment(skip: ReadonlySet<number>): number | undefined {
    const d = this.o.locker.doors();
    const held = this.o.store.heldCompartments();
    const out = new Set([...d.doorsOpen, ...d.occupied, ...d.faulty, ...d.unavailable, ...held, ...skip]);
    const stats = this.o.locker.statistics();
    const free = Array.from({ length: d.compartments }, (_, i) => i + 1).filter((c) => !out.has(c));
    free.sort((a, b) => (stats[`opens.${a}`] ?? 0) - (stats[`opens.${b}`] ?? 0) || a - b);
    return free[0];
  }

  private async light(compartment: number, mode: 'blink' | 'off'): Promise<void> {
    await this.o.locker.setLight(compartment, mode).catch((err: unknown) => this.log.debug('locker light not set', { compartment, detail: DeviceError.from(err).message }));
  }

  private alert(code: ErrorCode, p: Parcel, message: string): void {
    try {
      this.o.alert?.(code, this.subject(p), message);
    } catch (err) {
      this.log.error('locker alert not raised', { code, error: err });
    }
  }

  private subject(p: Parcel): string {
    return `locker ${this.o.store.lockerId} parcel ${p.id}`;
  }

  private audit(actor: string, action: string, subject: string, detail: { [key: string]: AuditValue }): void {
    try {
      this.o.audit({ actor, action, subject, detail });
    } catch (err) {
      this.log.error('locker audit record not written', { action, error: err });
    }
  }

  private serial<T>(body: () => Promise<T>): Promise<T> {
    const run = this.turn.then(body, body);
    this.turn = run.catch(() => undefined);
    return run;
  }
}
