/**
 * 预约签到, owned by the host (issue 14 items 6–7; ARCHITECTURE.md §8.6: the host decides, the renderer shows).
 * While the citizen is on the check-in screen (`begin` … `cancel`), a label from the QR scanner or a
 * keyboard-wedge burst the renderer hands over is looked up at the platform; with the ID card (IdentityService,
 * purpose `appointment`) the card holder's appointments of today are. Each is judged in hall time
 * (appointment-standing.ts) and, once the citizen confirms, checked in with its ticket (appointment-check-in.ts).
 *
 * Bad input gets a clear answer without going anywhere it should not: text that is not an appointment code
 * (another QR: a health code or a payment code may carry personal data) is `appointmentUnknown` and never
 * sent to the platform; scanner garbage is `scanUnreadable`; a forged or replayed code is the platform's
 * `appointmentForged` / `appointmentUsed`.
 *
 * Session-only (§8.7): the scanned text, the codes and the appointments live here until the session ends,
 * however it ends (session.onEnded), and are never logged; the card's number goes to the platform only,
 * asked of IdentityService for the call and not kept.
 */
import { IDLE_APPOINTMENT, type AppointmentCheckInRequest, type AppointmentCheckInResult, type AppointmentChoice, type AppointmentInputs, type AppointmentView } from '../../../common/appointment';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import { APPOINTMENT_CODE_PREFIX, type Appointment, type PlatformCardFields } from '../../../common/platform-api';
import type { SessionEndReason } from '../../../common/session';
import type { BarcodeScanner, Scan } from '../../../drivers/devices/scanner-types';
import { lookupRefusalError } from '../platform/platform-refusals';
import { checkInAndTakeTicket, isOwnUnticketedCheckIn, type CheckInDeps } from './appointment-check-in';
import { appointmentChoice, mostUseful, standingError, type ChoiceBusiness } from './appointment-standing';

export interface AppointmentSession {
  current(): string;
  state(): { sessionId: string | null };
  hold<T>(work: Promise<T>): Promise<T>;
  onEnded(listener: (sessionId: string, reason: SessionEndReason) => void): () => void;
}

export interface AppointmentServiceDeps extends CheckInDeps {
  scanner(): BarcodeScanner | undefined;
  /** Which of the scanner and the card reader can read now (availability-service.ts blockingReason). */
  inputs(): AppointmentInputs;
  session: AppointmentSession;
  identity: { platformCard(sessionId: string): PlatformCardFields | null };
  /** The hall's business of an appointment; undefined when this hall does not have it. */
  business(businessId: string): ChoiceBusiness | undefined;
}

export class AppointmentService {
  private view: AppointmentView = IDLE_APPOINTMENT;
  private sessionId: string | null = null;
  /** Bumped by every new look-up and by leaving: a late answer of an earlier one is dropped. */
  private generation = 0;
  private scannerSubscription: Array<() => void> = [];
  private scans: Scan[] = [];
  private readonly attempts = new Map<string, Promise<AppointmentCheckInResult>>();
  private readonly changed = new Set<(view: AppointmentView) => void>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly deps: AppointmentServiceDeps) {
    this.unsubscribe.push(deps.session.onEnded((sessionId) => this.sessionEnded(sessionId)));
  }

  state(): AppointmentView {
    return this.view;
  }

  onChanged(listener: (view: AppointmentView) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  /** The check-in screen opened (or 重新扫码): read the scanner for it. */
  begin(): AppointmentView {
    this.enterSession();
    this.generation++;
    this.listenToScanner();
    return this.publish({ step: 'scanning', inputs: this.deps.inputs() });
  }

  /** A keyboard-wedge burst from the renderer (issue 14 item 6): handled like a label from the scanner. */
  submitCode(text: string): AppointmentView {
    if (!this.onScreen()) return this.view;
    this.codeRead(text);
    return this.view;
  }

  /** After the card step identified the citizen: their appointments of the hall day. */
  findByCard(): AppointmentView {
    if (!this.onScreen() || this.view.step === 'looking') return this.view;
    const sessionId = this.sessionId!;
    const card = this.deps.identity.platformCard(sessionId);
    if (!card) return this.refuse(errorInfo('cardNotPresented', 'no identity established in this session'), 'card');
    const platform = this.deps.platform();
    if (!platform) return this.refuse(errorInfo('platformUnavailable', 'no platform configured'), 'card');
    const generation = ++this.generation;
    this.publish({ step: 'looking', inputs: this.deps.inputs(), source: 'card' });
    void this.deps.session.hold(
      platform.findAppointments({ idNumber: card.idNumber, cardType: card.type }).then(async (reply) => {
        if (!this.current(generation)) return;
        if (!reply.ok) return void this.refuse(reply.error, 'card');
        await this.showAppointments(reply.value, generation, 'card');
      }),
    );
    return this.view;
  }

  /** 确认签到: the same requestId again answers with the first result (no second check-in, no second ticket). */
  checkIn(request: AppointmentCheckInRequest): Promise<AppointmentCheckInResult> {
    const pending = this.attempts.get(request.requestId);
    if (pending) return pending;
    const sessionId = this.deps.session.current();
    const choice = this.sessionId === sessionId ? this.view.appointments?.find((c) => c.code === request.code) : undefined;
    if (!choice) return Promise.resolve({ checkedIn: false, error: errorInfo('appointmentUnknown', 'not an appointment shown in this session') });
    if (choice.standing !== 'open') {
      return Promise.resolve({ checkedIn: false, error: standingError(choice.standing), ...(choice.opensAtLocal && { opensAtLocal: choice.opensAtLocal }) });
    }
    const stillCurrent = (): boolean => this.deps.session.state().sessionId === sessionId;
    const work = this.deps.session.hold(checkInAndTakeTicket(this.deps, choice, sessionId, stillCurrent)).then((result) => {
      if (this.sessionId === sessionId && result.checkedIn) this.stopListening(); // done here: the ticket screen follows
      return result;
    });
    this.attempts.set(request.requestId, work);
    return work;
  }

  /** The citizen left the check-in screen. An established identity and a check-in under way are not touched. */
  cancel(): AppointmentView {
    if (this.view.step === 'idle') return this.view;
    this.generation++;
    this.stopListening();
    return this.publish(IDLE_APPOINTMENT);
  }

  /** Device status changed: the screen says which ways of presenting work now. */
  refreshInputs(): void {
    if (this.view.step === 'idle') return;
    const inputs = this.deps.inputs();
    if (inputs.scanner !== this.view.inputs.scanner || inputs.card !== this.view.inputs.card) this.publish({ ...this.view, inputs });
  }

  dispose(): void {
    this.stopListening();
    for (const u of this.unsubscribe.splice(0)) u();
    this.changed.clear();
  }

  private enterSession(): void {
    const sessionId = this.deps.session.current();
    if (this.sessionId !== sessionId) {
      this.wipe();
      this.sessionId = sessionId;
    }
  }

  /** The check-in screen is open for the session in progress. */
  private onScreen(): boolean {
    return this.view.step !== 'idle' && this.sessionId !== null && this.deps.session.state().sessionId === this.sessionId;
  }

  private current(generation: number): boolean {
    return generation === this.generation && this.onScreen();
  }

  private listenToScanner(): void {
    if (this.scannerSubscription.length > 0) return;
    const scanner = this.deps.scanner();
    if (!scanner) return;
    this.scannerSubscription.push(
      scanner.onScan((scan) => {
        if (!this.onScreen()) return scan.wipe();
        this.scans.push(scan); // wiped at the session's end with the rest (scanner-types.ts)
        this.codeRead(scan.data);
      }),
      scanner.onScanFailed(() => {
        // An appointment found stays on screen: a stray read does not take it away.
        if (this.onScreen() && (this.view.step === 'scanning' || this.view.step === 'refused')) this.refuse(errorInfo('scanUnreadable'), 'code');
      }),
    );
  }

  private stopListening(): void {
    for (const u of this.scannerSubscription.splice(0)) u();
  }

  private codeRead(text: string): void {
    if (this.view.step === 'looking') return; // one look-up at a time; the citizen sees it running
    if (!text.startsWith(`${APPOINTMENT_CODE_PREFIX}.`)) {
      this.deps.log.info('scanned text is not an appointment code: not sent to the platform', { length: text.length });
      return void this.refuse(errorInfo('appointmentUnknown', 'not an appointment code'), 'code');
    }
    const platform = this.deps.platform();
    if (!platform) return void this.refuse(errorInfo('platformUnavailable', 'no platform configured'), 'code');
    const generation = ++this.generation;
    this.publish({ step: 'looking', inputs: this.deps.inputs(), source: 'code' });
    void this.deps.session.hold(
      platform.lookupAppointment(text).then(async (reply) => {
        if (!this.current(generation)) return;
        if (!reply.ok) return void this.refuse(reply.error, 'code');
        const refusal = lookupRefusalError(reply.value);
        if (refusal || reply.value.status !== 'found') return void this.refuse(refusal ?? errorInfo('appointmentUnknown'), 'code');
        await this.showAppointments([reply.value.appointment], generation, 'code');
      }),
    );
  }

  /** Judges each appointment and shows them: those open to choose from, else the most useful refusal. */
  private async showAppointments(appointments: Appointment[], generation: number, source: 'code' | 'card'): Promise<void> {
    if (appointments.length === 0) return void this.refuse(errorInfo('appointmentUnknown', 'no appointment today'), source);
    const choices: AppointmentChoice[] = [];
    for (const appointment of appointments) {
      const business = this.deps.business(appointment.businessId);
      if (!business) continue; // another hall's business: not checked in here
      const choice = appointmentChoice(appointment, business, this.deps.clock.now(), this.deps.timeZone);
      if (choice.standing === 'used') {
        const own = await isOwnUnticketedCheckIn(this.deps, this.deps.platform()!, appointment.code);
        if (!this.current(generation)) return;
        if (!own.ok) return void this.refuse(own.error, source);
        if (own.value) choice.standing = 'open';
      }
      choices.push(choice);
    }
    if (choices.length === 0) return void this.refuse(errorInfo('businessUnknown', 'the appointment is for a business this hall does not have'), source);
    if (choices.some((c) => c.standing === 'open')) {
      return void this.publish({ step: 'found', inputs: this.deps.inputs(), source, appointments: choices });
    }
    const shown = mostUseful(choices)!;
    this.refuse(standingError(shown.standing as Exclude<typeof shown.standing, 'open'>), source, choices, shown.opensAtLocal);
  }

  private refuse(error: KioskErrorInfo, source: 'code' | 'card', appointments?: AppointmentChoice[], opensAtLocal?: string): AppointmentView {
    const view: AppointmentView = { step: 'refused', inputs: this.deps.inputs(), source, error };
    if (appointments) view.appointments = appointments;
    if (opensAtLocal) view.opensAtLocal = opensAtLocal;
    return this.publish(view);
  }

  private sessionEnded(sessionId: string): void {
    if (sessionId !== this.sessionId) return;
    this.generation++;
    this.stopListening();
    this.wipe();
    this.sessionId = null;
    if (this.view.step !== 'idle') this.publish(IDLE_APPOINTMENT);
  }

  /** Everything of the session's citizen: the scans, the answers remembered for retries (§8.7). */
  private wipe(): void {
    for (const scan of this.scans.splice(0)) scan.wipe();
    this.attempts.clear();
    if (this.view.step !== 'idle') this.view = IDLE_APPOINTMENT;
  }

  private publish(view: AppointmentView): AppointmentView {
    this.view = view;
    for (const l of [...this.changed]) l(view);
    return view;
  }
}
