/**
 * The citizen's identity at the kiosk, owned by the host (issue 14 §9–10; ARCHITECTURE.md §8.6–8.7). It asks
 * the `idCardReader` for a card when the citizen reaches the card step, accepts or refuses the card
 * (card-acceptance.ts), holds what was read for the session only and wipes it when the session ends, however
 * it ends. Card removal is seen only on readers whose model row says so (reader-models.ts `removalProbe`):
 * there, lifting the card ends an identified session when nothing is being printed, and a card still lying
 * there after its session raises `cardLeft` for staff; elsewhere every such session ends with
 * 请取走您的身份证 and no "card left" alert is claimed.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { errorInfo, isErrorCode, type KioskErrorInfo } from '../../../common/errors';
import { IDLE_IDENTITY, type IdentityPurpose, type IdentityView } from '../../../common/identity';
import { localDateKey } from '../../../common/local-time';
import type { PlatformCardFields } from '../../../common/platform-api';
import type { Logger } from '../../../common/logger';
import type { SessionEndReason } from '../../../common/session';
import type { CardRead, IdCardReader } from '../../../drivers/devices/id-card-types';
import type { IdentityConfig } from '../config/config-types';
import { acceptCard } from './card-acceptance';
import { HeldIdentity, type BoundIdentity } from './held-identity';
import type { KioskKey } from './kiosk-key';

export interface IdentitySession {
  current(): string;
  state(): { sessionId: string | null };
  /** Something is being done for the citizen (a print): lifting the card must not end the session then. */
  readonly busy: boolean;
  end(reason: SessionEndReason): unknown;
  onEnded(listener: (sessionId: string, reason: SessionEndReason) => void): () => void;
}

export interface IdentityAlerts {
  raise(deviceId: string, code: 'cardLeft', message: string): void;
  clear(deviceId: string, code: 'cardLeft'): void;
}

export interface IdentityServiceDeps {
  clock: Clock;
  log: Logger;
  config: IdentityConfig;
  timeZone: string;
  reader: () => IdCardReader | undefined;
  session: IdentitySession;
  key: KioskKey;
  alerts: IdentityAlerts;
}

/** A card read before the citizen reached the card step (configuration `identity.earlyCardHoldMs`). */
interface EarlyCard {
  read: CardRead;
  sessionId: string;
  expiry: TimerHandle;
}

export class IdentityService {
  private view: IdentityView = IDLE_IDENTITY;
  private held: HeldIdentity | null = null;
  private early: EarlyCard | null = null;
  private inFlight: AbortController | null = null;
  /** The session whose card was read (the reminder to take it follows its end). */
  private cardSession: string | null = null;
  private reminderTimer: TimerHandle | null = null;
  private readonly changed = new Set<(view: IdentityView) => void>();
  private readonly unsubscribe: Array<() => void> = [];
  private subscribedReader: IdCardReader | undefined;

  constructor(private readonly deps: IdentityServiceDeps) {
    this.unsubscribe.push(deps.session.onEnded((sessionId, reason) => this.sessionEnded(sessionId, reason)));
  }

  /** Subscribes to the reader's card events (called at start, and again should the registry give another). */
  attachReader(): void {
    const reader = this.deps.reader();
    if (!reader || reader === this.subscribedReader) return;
    this.subscribedReader = reader;
    this.unsubscribe.push(
      reader.onCardRead((read) => this.unsolicitedRead(read)),
      reader.onCardRemoved(() => this.cardRemoved()),
    );
  }

  state(): IdentityView {
    return this.view;
  }

  onChanged(listener: (view: IdentityView) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  /** What a ticket of `sessionId` carries of the citizen: their HMAC and priority, or null without an identity. */
  bound(sessionId: string): BoundIdentity | null {
    return this.held && this.held.sessionId === sessionId && !this.held.wiped ? this.held.bound : null;
  }

  /** The card as the platform is sent it (held-identity.ts), for the session that holds it; null otherwise. */
  platformCard(sessionId: string): PlatformCardFields | null {
    return this.held && this.held.sessionId === sessionId ? this.held.platformCard : null;
  }

  /** The card step (issue 14 §10): uses a card laid early, or waits for one, bounded by `readCardTimeoutMs`. */
  begin(purpose: IdentityPurpose): IdentityView {
    const sessionId = this.deps.session.current();
    if (this.held?.sessionId === sessionId) return this.publish({ ...this.view, step: 'identified', purpose, error: undefined });
    this.cancelRead();
    const reader = this.deps.reader();
    if (!reader) return this.publish({ step: 'refused', purpose, error: errorInfo('noDevice', 'no idCardReader in the device registry'), takeCard: this.view.takeCard });
    this.attachReader();
    const early = this.takeEarlyCard(sessionId);
    if (early) return this.decide(early, sessionId, purpose);
    const abort = (this.inFlight = new AbortController());
    this.publish({ step: 'placeCard', purpose, takeCard: this.view.takeCard });
    reader
      .readCard({
        signal: abort.signal,
        timeoutMs: this.deps.config.readCardTimeoutMs,
        events: { onCardPresented: () => this.inFlight === abort && void this.publish({ ...this.view, step: 'reading' }) },
      })
      .then(
        (read) => {
          if (this.inFlight !== abort || this.deps.session.state().sessionId !== sessionId) return read.wipe();
          this.inFlight = null;
          this.decide(read, sessionId, purpose);
        },
        (err: unknown) => {
          if (this.inFlight !== abort) return;
          this.inFlight = null;
          this.publish({ step: 'refused', purpose, error: readError(err), takeCard: this.view.takeCard });
        },
      );
    return this.view;
  }

  /** Stops waiting for a card; an identity already established stays for the session. */
  cancel(): IdentityView {
    if (!this.inFlight) return this.view;
    this.cancelRead();
    return this.publish(this.held ? { ...this.view, step: 'identified' } : { ...IDLE_IDENTITY, takeCard: this.view.takeCard });
  }

  dispose(): void {
    this.cancelRead();
    this.wipeAll();
    this.reminderTimer?.cancel();
    for (const u of this.unsubscribe.splice(0)) u();
    this.changed.clear();
  }

  private decide(read: CardRead, sessionId: string, purpose: IdentityPurpose): IdentityView {
    const today = localDateKey(this.deps.clock.now(), this.deps.timeZone);
    const verdict = acceptCard(read, today, this.deps.config.priorityAge);
    this.cardSession = sessionId;
    this.clearReminder();
    if (!verdict.ok) {
      read.wipe();
      this.deps.log.info('ID card refused', { code: verdict.error.code, detail: verdict.error.detail });
      return this.publish({ step: 'refused', purpose, error: verdict.error, takeCard: null });
    }
    const text = verdict.text;
    const bound: BoundIdentity = { idHmac: this.deps.key.idHmac(text.idNumber), priority: verdict.view.priority };
    const platformCard: PlatformCardFields = { type: text.kind, idNumber: text.idNumber, name: verdict.view.name, validFrom: text.validFrom, validUntil: text.validUntil };
    this.held = new HeldIdentity(sessionId, read, verdict.view, bound, platformCard);
    this.deps.log.info('identity established from the ID card', { kind: verdict.text.kind, priority: bound.priority });
    return this.publish({ step: 'identified', purpose, citizen: verdict.view, takeCard: null });
  }

  /** A card read while nobody waits for one: the citizen laid it before the card step. */
  private unsolicitedRead(read: CardRead): void {
    if (this.inFlight) return; // readCard gets the same read (card-events.ts)
    const holdMs = this.deps.config.earlyCardHoldMs;
    if (holdMs === 0 || this.held) return read.wipe();
    this.discardEarlyCard();
    this.clearReminder();
    const sessionId = this.deps.session.current(); // laying a card is a touch: the session begins
    this.early = { read, sessionId, expiry: this.deps.clock.setTimer(holdMs, () => this.discardEarlyCard()) };
    this.cardSession = sessionId;
  }

  private takeEarlyCard(sessionId: string): CardRead | null {
    const early = this.early;
    if (!early) return null;
    this.early = null;
    early.expiry.cancel();
    if (early.sessionId === sessionId && !early.read.wiped) return early.read;
    early.read.wipe();
    return null;
  }

  private discardEarlyCard(): void {
    const early = this.early;
    this.early = null;
    early?.expiry.cancel();
    early?.read.wipe();
  }

  private cardRemoved(): void {
    const reader = this.deps.reader();
    if (reader) this.deps.alerts.clear(reader.id, 'cardLeft');
    this.clearReminder();
    this.discardEarlyCard();
    const sessionId = this.deps.session.state().sessionId;
    if (this.held && this.held.sessionId === sessionId && !this.deps.session.busy) {
      this.deps.log.info('ID card lifted: the session ends');
      this.deps.session.end('cardRemoved');
    }
  }

  private sessionEnded(sessionId: string, reason: SessionEndReason): void {
    this.cancelRead();
    this.wipeAll();
    const usedCard = this.cardSession === sessionId;
    if (usedCard) this.cardSession = null;
    this.publish({ ...IDLE_IDENTITY, takeCard: this.view.takeCard });
    if (usedCard && reason !== 'cardRemoved') this.remindToTakeCard();
  }

  /** 请取走您的身份证 (issue 14 §9): until the card is lifted where that is seen, for a while where it is not. */
  private remindToTakeCard(): void {
    const reader = this.deps.reader();
    if (!reader) return;
    const { takeCardReminderMs, cardLeftAlertAfterMs } = this.deps.config;
    if (!reader.detectsRemoval) {
      this.publish({ ...this.view, takeCard: { left: false } });
      this.reminderTimer = this.deps.clock.setTimer(takeCardReminderMs, () => this.clearReminder());
      return;
    }
    if (reader.status.cardReader?.cardPresent !== true) return;
    this.publish({ ...this.view, takeCard: { left: false } });
    this.reminderTimer = this.deps.clock.setTimer(cardLeftAlertAfterMs, () => {
      this.reminderTimer = null;
      if (reader.status.cardReader?.cardPresent !== true) return this.clearReminder();
      this.deps.alerts.raise(reader.id, 'cardLeft', '身份证遗留在读卡器上，请代为保管并登记');
      this.publish({ ...this.view, takeCard: { left: true } });
    });
  }

  private clearReminder(): void {
    this.reminderTimer?.cancel();
    this.reminderTimer = null;
    if (this.view.takeCard) this.publish({ ...this.view, takeCard: null });
  }

  private cancelRead(): void {
    const abort = this.inFlight;
    this.inFlight = null;
    abort?.abort();
  }

  private wipeAll(): void {
    this.held?.wipe();
    this.held = null;
    this.discardEarlyCard();
  }

  private publish(view: IdentityView): IdentityView {
    const clean: IdentityView = { step: view.step, purpose: view.purpose, takeCard: view.takeCard };
    if (view.citizen) clean.citizen = view.citizen;
    if (view.error) clean.error = view.error;
    this.view = clean;
    for (const l of [...this.changed]) l(clean);
    return clean;
  }
}

/** A failed read as the citizen is told it; a timeout means no card came. */
function readError(err: unknown): KioskErrorInfo {
  const code = (err as { code?: unknown }).code;
  if (isErrorCode(code)) return errorInfo(code === 'timeout' ? 'cardNotPresented' : code);
  return errorInfo('cardUnreadable');
}
