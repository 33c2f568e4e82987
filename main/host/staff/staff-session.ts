/**
 * The staff session, held by the host (issue 15 §1; ARCHITECTURE.md §8.6): the PIN pad the hidden entry
 * opens, sign-in against the accounts of the configuration (per person, scrypt hashes), the pad's lock after
 * too many wrong PINs (kept in the database, so a restart does not lift it, with an alert for staff), and the
 * automatic sign-out after a time without a touch. A citizen session in progress is ended and wiped before
 * the staff session begins. Every sign-in, sign-out and failure goes to the audit chain.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { StaffPadView, StaffRole, StaffSessionView, StaffSignInResult, StaffSignOutReason, StaffView } from '../../../common/staff';
import type { AuditEntry } from '../audit/audit-log';
import type { StaffAccountConfig, StaffConfig } from '../config/config-types';
import type { PadLock } from './pad-lock-store';

/** A pad nobody signs in at closes by itself after this long. */
export const PAD_OPEN_MS = 60_000;
/** The device id alerts about the pad carry: it is no device of the registry, but says where to look. */
export const STAFF_PAD_ALERT_ID = 'staff-pad';

export interface StaffActor {
  accountId: string;
  name: string;
  role: StaffRole;
}

export interface StaffSessionDeps {
  clock: Clock;
  log: Logger;
  config: StaffConfig;
  lock: { load(): PadLock; save(lock: PadLock): void };
  audit(entry: AuditEntry): void;
  /** The pad locked: staff are told (someone may be guessing PINs). */
  alertLocked(lockedUntil: number): void;
  /** Ends and wipes the citizen session in progress, before a staff screen opens. */
  endCitizenSession(): void;
  verifyPin(pin: string, hash: string): Promise<boolean>;
  padOpenMs?: number;
}

export class StaffSessionService {
  private padClosesAt: number | null = null;
  private padTimer: TimerHandle | null = null;
  private session: (StaffActor & { signedInAt: number; signOutAt: number }) | null = null;
  private signOutTimer: TimerHandle | null = null;
  /** Sign-ins are checked one at a time: a double tap cannot spend two guesses at once or race the lock. */
  private checking: Promise<unknown> = Promise.resolve();
  private readonly changed = new Set<(view: StaffView) => void>();
  private readonly signedOut = new Set<(actor: StaffActor, reason: StaffSignOutReason) => void>();

  constructor(private readonly deps: StaffSessionDeps) {}

  view(): StaffView {
    return { pad: this.padView(), session: this.sessionView() };
  }

  /** Who is signed in, or null. */
  actor(): StaffActor | null {
    if (!this.session) return null;
    const { accountId, name, role } = this.session;
    return { accountId, name, role };
  }

  /** The hidden entry was held: the pad opens (again) for PAD_OPEN_MS. */
  openPad(): StaffPadView {
    if (this.session) return this.padView();
    const ms = this.deps.padOpenMs ?? PAD_OPEN_MS;
    this.padTimer?.cancel();
    this.padClosesAt = this.deps.clock.now() + ms;
    this.padTimer = this.deps.clock.setTimer(ms, () => this.padLeftOpen());
    this.deps.log.info('staff pad opened');
    this.publish();
    return this.padView();
  }

  closePad(): StaffPadView {
    if (this.padClosesAt !== null) {
      this.stopPad();
      this.publish();
    }
    return this.padView();
  }

  signIn(accountId: string, pin: string): Promise<StaffSignInResult> {
    const run = this.checking.then(() => this.check(accountId, pin));
    this.checking = run.catch(() => undefined);
    return run;
  }

  /** A touch on a staff screen (or any staff call): the automatic sign-out starts again. */
  touch(): StaffSessionView | null {
    if (!this.session) return null;
    this.session.signOutAt = this.deps.clock.now() + this.deps.config.signOutAfterMs;
    this.armSignOut();
    this.publish();
    return this.sessionView();
  }

  signOut(reason: StaffSignOutReason): StaffView {
    const s = this.session;
    if (!s) return this.view();
    this.session = null;
    this.signOutTimer?.cancel();
    this.signOutTimer = null;
    this.deps.audit({ actor: s.accountId, action: 'staff.signOut', subject: 'staff', detail: { reason, minutes: Math.round((this.deps.clock.now() - s.signedInAt) / 60_000) } });
    this.deps.log.info('staff signed out', { accountId: s.accountId, reason });
    for (const l of [...this.signedOut]) l({ accountId: s.accountId, name: s.name, role: s.role }, reason);
    this.publish();
    return this.view();
  }

  onChanged(listener: (view: StaffView) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  /** A staff member's session ended: what they held (a printer in exchange, a device in maintenance) goes back. */
  onSignedOut(listener: (actor: StaffActor, reason: StaffSignOutReason) => void): () => void {
    this.signedOut.add(listener);
    return () => this.signedOut.delete(listener);
  }

  dispose(): void {
    this.padTimer?.cancel();
    this.signOutTimer?.cancel();
    this.changed.clear();
    this.signedOut.clear();
  }

  private async check(accountId: string, pin: string): Promise<StaffSignInResult> {
    if (this.padClosesAt === null || this.session) return { ok: false, reason: 'padClosed' };
    const lock = this.currentLock();
    if (lock.lockedUntil !== null) return { ok: false, reason: 'locked', lockedUntil: lock.lockedUntil };
    const account = this.deps.config.accounts.find((a) => a.id === accountId);
    // An unknown id costs the same scrypt as a known one, and counts as a wrong PIN: the pad tells nothing.
    const hash = account?.pinHash ?? this.deps.config.accounts[0]?.pinHash ?? '';
    const right = (await this.deps.verifyPin(pin, hash)) && account !== undefined;
    if (this.padClosesAt === null || this.session) return { ok: false, reason: 'padClosed' };
    return right ? this.begin(account) : this.failed(account);
  }

  private begin(account: StaffAccountConfig): StaffSignInResult {
    const now = this.deps.clock.now();
    this.deps.lock.save({ failures: 0, lockedUntil: null });
    this.stopPad();
    // Before any staff screen: the citizen's session (and everything of it) is ended and wiped.
    this.deps.endCitizenSession();
    this.session = { accountId: account.id, name: account.name, role: account.role, signedInAt: now, signOutAt: now + this.deps.config.signOutAfterMs };
    this.armSignOut();
    this.deps.audit({ actor: account.id, action: 'staff.signIn', subject: 'staff', detail: { name: account.name, role: account.role } });
    this.deps.log.info('staff signed in', { accountId: account.id, role: account.role });
    this.publish();
    return { ok: true, session: this.sessionView()! };
  }

  private failed(account: StaffAccountConfig | undefined): StaffSignInResult {
    const now = this.deps.clock.now();
    const { lockoutAfterFailures, lockoutMs } = this.deps.config;
    const failures = this.deps.lock.load().failures + 1;
    const locks = failures >= lockoutAfterFailures;
    const lockedUntil = locks ? now + lockoutMs : null;
    this.deps.lock.save({ failures: locks ? 0 : failures, lockedUntil });
    // The id is the pad's tile, never typed: an unknown one is somebody calling the API by hand.
    this.deps.audit({ actor: account ? account.id : 'unknown', action: 'staff.signInFailed', subject: 'staff', detail: { accountId: account ? account.id : '(unknown id)', failures } });
    this.deps.log.warn('staff PIN wrong', { accountId: account ? account.id : '(unknown id)', failures });
    if (lockedUntil !== null) {
      this.deps.audit({ actor: 'kiosk', action: 'staff.padLocked', subject: 'staff', detail: { failures, lockedUntil } });
      this.deps.alertLocked(lockedUntil);
      this.publish();
      return { ok: false, reason: 'locked', lockedUntil };
    }
    this.publish();
    return { ok: false, reason: 'wrongPin', failuresLeft: lockoutAfterFailures - failures };
  }

  /** The stored lock, with one that has run out lifted (and the count of wrong PINs started again). */
  private currentLock(): PadLock {
    const lock = this.deps.lock.load();
    if (lock.lockedUntil !== null && lock.lockedUntil <= this.deps.clock.now()) {
      const lifted = { failures: 0, lockedUntil: null };
      this.deps.lock.save(lifted);
      return lifted;
    }
    return lock;
  }

  private padLeftOpen(): void {
    this.stopPad();
    this.deps.audit({ actor: 'kiosk', action: 'staff.padLeftOpen', subject: 'staff', detail: { closedAfterMs: this.deps.padOpenMs ?? PAD_OPEN_MS } });
    this.deps.log.info('staff pad closed: nobody signed in');
    this.publish();
  }

  private stopPad(): void {
    this.padTimer?.cancel();
    this.padTimer = null;
    this.padClosesAt = null;
  }

  private armSignOut(): void {
    this.signOutTimer?.cancel();
    this.signOutTimer = this.deps.clock.setTimer(this.deps.config.signOutAfterMs, () => this.signOut('idle'));
  }

  private padView(): StaffPadView {
    const lock = this.currentLock();
    const open = this.padClosesAt !== null && this.session === null;
    return {
      open,
      closesAt: open ? this.padClosesAt : null,
      accounts: open ? this.deps.config.accounts.map((a) => ({ id: a.id, name: a.name, role: a.role })) : [],
      lockedUntil: lock.lockedUntil,
      failuresLeft: Math.max(0, this.deps.config.lockoutAfterFailures - lock.failures),
    };
  }

  private sessionView(): StaffSessionView | null {
    return this.session && { ...this.session };
  }

  private publish(): void {
    const view = this.view();
    for (const l of [...this.changed]) l(view);
  }
}
