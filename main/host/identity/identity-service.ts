/**
 * The citizen's identity at the kiosk, owned by the host (issue 14 §5, §9–10; ARCHITECTURE.md §8.6–8.7). It
 * asks the `idCardReader` for a card when the citizen reaches the card step, accepts or refuses the card
 * (card-acceptance.ts), then proves the card is theirs by the method they consented to (identity-verification.ts:
 * face, finger or a person), holds what was read for the session only and wipes it when the session ends,
 * however it ends. A ticket is bound to the identity only once it is verified. Card removal is seen only on readers whose model row says so (reader-models.ts `removalProbe`):
 * there, lifting the card ends an identified session when nothing is being printed, and a card still lying
 * there after its session raises `cardLeft` for staff; elsewhere every such session ends with
 * 请取走您的身份证 and no "card left" alert is claimed.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { errorInfo, isErrorCode, type KioskErrorInfo } from '../../../common/errors';
import { IDLE_IDENTITY, type IdentityPurpose, type IdentityView, type VerificationMethod } from '../../../common/identity';
import { localDateKey } from '../../../common/local-time';
import type { PlatformCardFields } from '../../../common/platform-api';
import type { Logger } from '../../../common/logger';
import type { SessionEndReason } from '../../../common/session';
import type { CardRead, IdCardReader } from '../../../drivers/devices/id-card-types';
import type { IdentityConfig } from '../config/config-types';
import { acceptCard } from './card-acceptance';
import { HeldIdentity, type BoundIdentity } from './held-identity';
import type { IdentityVerification, VerificationStep } from './identity-verification';
import type { KioskKey } from './kiosk-key';
import { TakeCardReminders, type CardLeftAlerts } from './take-card-reminder';

export interface IdentitySession {
  current(): string;
  state(): { sessionId: string | null };
  /** Something is being done for the citizen (a print): lifting the card must not end the session then. */
  readonly busy: boolean;
  end(reason: SessionEndReason): unknown;
  onEnded(listener: (sessionId: string, reason: SessionEndReason) => void): () => void;
}

export type IdentityAlerts = CardLeftAlerts;

export interface IdentityServiceDeps {
  clock: Clock;
  log: Logger;
  config: IdentityConfig;
  timeZone: string;
  reader: () => IdCardReader | undefined;
  session: IdentitySession;
  key: KioskKey;
  alerts: IdentityAlerts;
  verification: Pick<IdentityVerification, 'methods' | 'offers' | 'run'>;
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
  /** The face, finger or staff step in progress. */
  private verifying: AbortController | null = null;
  /** The session whose card was read (the reminder to take it follows its end). */
  private cardSession: string | null = null;
  private readonly reminders: TakeCardReminders;
  private readonly changed = new Set<(view: IdentityView) => void>();
  private readonly unsubscribe: Array<() => void> = [];
  private subscribedReader: IdCardReader | undefined;

  constructor(private readonly deps: IdentityServiceDeps) {
    this.reminders = new TakeCardReminders(deps.clock, deps.config, deps.alerts, (takeCard) => this.publish({ ...this.view, takeCard }));
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
    return { ...this.view, methods: this.deps.verification.methods() };
  }

  onChanged(listener: (view: IdentityView) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  /** What a ticket of `sessionId` carries of the citizen: their HMAC and priority, or null without a verified identity. */
  bound(sessionId: string): BoundIdentity | null {
    return this.held && this.held.sessionId === sessionId && this.held.verifiedBy !== null ? this.held.bound : null;
  }

  /** The card as the platform is sent it (held-identity.ts), for the session that holds it; null otherwise. */
  platformCard(sessionId: string): PlatformCardFields | null {
    return this.held && this.held.sessionId === sessionId ? this.held.platformCard : null;
  }

  /** The platform's matched verification of `sessionId`'s citizen (face or fingerprint), or null (issue 17 §2). */
  platformVerification(sessionId: string): { verificationId: string; idHmac: string } | null {
    const held = this.held && this.held.sessionId === sessionId ? this.held : null;
    const verificationId = held?.platformVerificationId ?? null;
    return held && verificationId !== null ? { verificationId, idHmac: held.bound.idHmac } : null;
  }

  /**
   * The card step (issue 14 §10) for `purpose`, then `method`'s verification: uses a card laid early, or
   * waits for one, bounded by `readCardTimeoutMs`. A card already accepted in this session is not read again:
   * a verification that failed may be tried again, or by another method.
   */
  begin(purpose: IdentityPurpose, method: VerificationMethod): IdentityView {
    const sessionId = this.deps.session.current();
    const base = { purpose, method, takeCard: this.view.takeCard };
    if (!this.deps.verification.offers(method) || (purpose !== 'appointment' && method === 'card')) {
      return this.publish({ ...base, step: 'refused', error: errorInfo('serviceUnavailable', `${method} verification is not offered now`) });
    }
    const held = this.held?.sessionId === sessionId ? this.held : null;
    if (held?.verifiedBy) return this.publish({ ...this.view, purpose, step: 'identified', error: undefined });
    this.cancelRead();
    this.cancelVerification();
    if (held) return this.verify(held, method, purpose);
    const reader = this.deps.reader();
    if (!reader) return this.publish({ ...base, step: 'refused', error: errorInfo('noDevice', 'no idCardReader in the device registry') });
    this.attachReader();
    const early = this.takeEarlyCard(sessionId);
    if (early) return this.decide(early, sessionId, purpose, method);
    const abort = (this.inFlight = new AbortController());
    this.publish({ ...base, step: 'placeCard' });
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
          this.decide(read, sessionId, purpose, method);
        },
        (err: unknown) => {
          if (this.inFlight !== abort) return;
          this.inFlight = null;
          this.publish({ ...base, step: 'refused', error: readError(err), takeCard: this.view.takeCard });
        },
      );
    return this.view;
  }

  /** Stops waiting for a card or a verification; an identity already verified stays for the session. */
  cancel(): IdentityView {
    if (!this.inFlight && !this.verifying) return this.view;
    this.cancelRead();
    this.cancelVerification();
    return this.publish(this.held?.verifiedBy ? { ...this.view, step: 'identified' } : { ...IDLE_IDENTITY, takeCard: this.view.takeCard });
  }

  /**
   * The citizen left the service the identity was for: everything read and verified in this session is wiped
   * now, as at the session's end, and the citizen is reminded to take the card (the session itself goes on).
   */
  end(): IdentityView {
    const sessionId = this.deps.session.state().sessionId;
    if (sessionId === null || (!this.held && !this.early && !this.inFlight && !this.verifying)) return this.view;
    this.sessionEnded(sessionId, 'citizen');
    return this.view;
  }

  dispose(): void {
    this.cancelRead();
    this.cancelVerification();
    this.wipeAll();
    this.reminders.dispose();
    for (const u of this.unsubscribe.splice(0)) u();
    this.changed.clear();
  }

  private decide(read: CardRead, sessionId: string, purpose: IdentityPurpose, method: VerificationMethod): IdentityView {
    const today = localDateKey(this.deps.clock.now(), this.deps.timeZone);
    const verdict = acceptCard(read, today, this.deps.config.priorityAge);
    this.cardSession = sessionId;
    this.reminders.clear();
    if (!verdict.ok) {
      read.wipe();
      this.deps.log.info('ID card refused', { code: verdict.error.code, detail: verdict.error.detail });
      return this.publish({ step: 'refused', purpose, method, error: verdict.error, takeCard: null });
    }
    const text = verdict.text;
    const bound: BoundIdentity = { idHmac: this.deps.key.idHmac(text.idNumber), priority: verdict.view.priority };
    const platformCard: PlatformCardFields = { type: text.kind, idNumber: text.idNumber, name: verdict.view.name, validFrom: text.validFrom, validUntil: text.validUntil };
    const held = (this.held = new HeldIdentity(sessionId, read, verdict.view, bound, platformCard));
    this.deps.log.info('ID card accepted', { kind: text.kind, priority: bound.priority, method });
    return this.verify(held, method, purpose);
  }

  /** Runs `method`'s verification for the held card; its steps are published as they come. */
  private verify(held: HeldIdentity, method: VerificationMethod, purpose: IdentityPurpose): IdentityView {
    const card = held.platformCard;
    if (!card) return this.view;
    const base = { purpose, method, takeCard: null, citizen: held.view ?? undefined };
    if (method === 'card') {
      held.verified('card'); // the card alone is enough for this purpose (an appointment check-in)
      return this.publish({ ...base, step: 'identified', verifiedBy: 'card' });
    }
    const abort = (this.verifying = new AbortController());
    const onStep = (step: VerificationStep): void => {
      if (this.verifying !== abort) return;
      if (step === 'verifying') this.publish({ ...base, step: 'verifying' });
      else if ('face' in step) this.publish({ ...base, step: 'face', face: step.face });
      else this.publish({ ...base, step: 'finger', finger: step.finger });
    };
    // The first prompt at once; the steps that follow come from the verification as it goes.
    if (method === 'face') this.publish({ ...base, step: 'face', face: { prompt: 'noFace' } });
    else if (method === 'fingerprint') this.publish({ ...base, step: 'finger', finger: { prompt: 'place' } });
    else this.publish({ ...base, step: 'verifying' });
    void this.deps.verification.run(method, card, held.sessionId, onStep, abort.signal).then(
      (result) => {
        if (this.verifying !== abort || held.wiped) return;
        this.verifying = null;
        if (result.ok) {
          held.verified(method, result.transactionId);
          this.deps.log.info('identity verified', { method, transaction: result.transactionId });
          this.publish({ ...base, step: 'identified', verifiedBy: method, ...(method === 'staff' && { staff: { onDuty: true } }) });
        } else if ('staff' in result) this.publish({ ...base, step: 'staffCheck', staff: result.staff });
        else {
          this.deps.log.info('identity not verified', { method, code: result.error.code, detail: result.error.detail });
          this.publish({ ...base, step: 'refused', error: result.error });
        }
      },
      (err: unknown) => {
        if (this.verifying !== abort) return;
        this.verifying = null;
        this.deps.log.error('verification failed', { method, error: err });
        this.publish({ ...base, step: 'refused', error: errorInfo('internal', 'the verification could not complete') });
      },
    );
    return this.view;
  }

  /** A card read while nobody waits for one: the citizen laid it before the card step. */
  private unsolicitedRead(read: CardRead): void {
    if (this.inFlight) return; // readCard gets the same read (card-events.ts)
    const holdMs = this.deps.config.earlyCardHoldMs;
    if (holdMs === 0 || this.held) return read.wipe();
    this.discardEarlyCard();
    this.reminders.clear();
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
    if (reader) this.reminders.lifted(reader);
    this.discardEarlyCard();
    const sessionId = this.deps.session.state().sessionId;
    if (this.held && this.held.sessionId === sessionId && !this.deps.session.busy) {
      this.deps.log.info('ID card lifted: the session ends');
      this.deps.session.end('cardRemoved');
    }
  }

  private sessionEnded(sessionId: string, reason: SessionEndReason): void {
    this.cancelRead();
    this.cancelVerification();
    this.wipeAll();
    const usedCard = this.cardSession === sessionId;
    if (usedCard) this.cardSession = null;
    this.publish({ ...IDLE_IDENTITY, takeCard: this.view.takeCard });
    const reader = this.deps.reader();
    if (usedCard && reason !== 'cardRemoved' && reader) this.reminders.start(reader);
  }

  private cancelVerification(): void {
    const abort = this.verifying;
    this.verifying = null;
    abort?.abort();
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

  private publish(view: Omit<IdentityView, 'methods'> & { methods?: unknown }): IdentityView {
    const clean: IdentityView = { step: view.step, purpose: view.purpose, method: view.method, methods: this.deps.verification.methods(), takeCard: view.takeCard };
    if (view.citizen) clean.citizen = view.citizen;
    if (view.face) clean.face = view.face;
    if (view.finger) clean.finger = view.finger;
    if (view.staff) clean.staff = view.staff;
    if (view.verifiedBy) clean.verifiedBy = view.verifiedBy;
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
