/**
 * Proving the card is the citizen's (issue 14 §5): by the method they chose and consented to — the live face
 * or a finger, compared by the platform — or by a person (人工核验): staff on duty are alerted and the citizen
 * gets a priority ticket to be checked at the counter; with nobody on duty the kiosk says when staff are back.
 * `card` needs nothing more. Which methods are offered follows the devices and the platform.
 */
import type { DeviceStatus } from '../../../common/device';
import type { FaceStepView, FingerStepView, StaffCheckView, VerificationMethod, VerificationMethods } from '../../../common/identity';
import type { PlatformCardFields } from '../../../common/platform-api';
import type { FingerprintReader } from '../../../drivers/devices/fingerprint-types';
import type { QueueCalendar, WeeklyHours } from '../config/config-types';
import { verifyFace, type FaceVerifierDeps } from './face-verification';
import { verifyFinger } from './finger-verification';
import { staffOnDuty } from './staff-roster';
import type { VerificationOutcome } from './verification-outcome';

export interface VerificationDeps extends FaceVerifierDeps {
  fingerprint: () => FingerprintReader | undefined;
  staffHours: WeeklyHours;
  calendar: QueueCalendar;
  /** Tells staff a citizen at this kiosk asks for 人工核验 (one alert event per session). */
  callStaff: (sessionId: string) => void;
}

export type VerificationStep = { face: FaceStepView } | { finger: FingerStepView } | 'verifying';

export type VerificationResult = VerificationOutcome | { ok: false; staff: StaffCheckView };

/** A device that can serve now (the same words as availability-service.ts: online or busy). */
const serving = (status: DeviceStatus | undefined): boolean => status?.device === 'online' || status?.device === 'busy';

export class IdentityVerification {
  constructor(private readonly deps: VerificationDeps) {}

  methods(): VerificationMethods {
    const platform = this.deps.platform() !== null;
    return {
      face: platform && serving(this.deps.camera()?.status),
      fingerprint: platform && serving(this.deps.fingerprint()?.status),
      staff: true,
    };
  }

  offers(method: VerificationMethod): boolean {
    return method === 'card' || this.methods()[method];
  }

  run(method: VerificationMethod, card: PlatformCardFields, sessionId: string, onStep: (step: VerificationStep) => void, signal: AbortSignal): Promise<VerificationResult> {
    switch (method) {
      case 'card':
        return Promise.resolve({ ok: true, transactionId: 'card-only' });
      case 'face':
        return verifyFace(this.deps, card, (v) => onStep(v === 'verifying' ? v : { face: v }), signal);
      case 'fingerprint':
        return verifyFinger({ reader: this.deps.fingerprint, platform: this.deps.platform }, card, (v) => onStep(v === 'verifying' ? v : { finger: v }), signal);
      case 'staff': {
        const duty = staffOnDuty(this.deps.staffHours, this.deps.calendar, this.deps.timeZone, this.deps.clock.now());
        if (!duty.onDuty) return Promise.resolve({ ok: false, staff: duty });
        this.deps.callStaff(sessionId);
        return Promise.resolve({ ok: true, transactionId: 'staff' });
      }
    }
  }
}

