/**
 * The fingerprint step (issue 14 §4): after its own consent, the module captures one finger's template, which
 * goes with the card to the platform: the module cannot read the card's fingerprint data (protocols.md §1.7),
 * so the match is the platform's. The template is zeroed once sent.
 */
import { errorInfo } from '../../../common/errors';
import type { FingerStepView } from '../../../common/identity';
import type { PlatformCardFields } from '../../../common/platform-api';
import { DeviceError } from '../../../drivers/devices/device-error';
import type { FingerprintReader } from '../../../drivers/devices/fingerprint-types';
import type { PlatformClient } from '../platform/platform-client';
import { identityRefusalError } from '../platform/platform-refusals';
import type { VerificationOutcome } from './verification-outcome';

/** How long the citizen has to lay a finger (a prompt on screen says what to do). */
const FINGER_TIMEOUT_MS = 30_000;

export interface FingerVerifierDeps {
  reader: () => FingerprintReader | undefined;
  platform: () => PlatformClient | null;
}

export async function verifyFinger(deps: FingerVerifierDeps, card: PlatformCardFields, onStep: (view: FingerStepView | 'verifying') => void, signal: AbortSignal): Promise<VerificationOutcome> {
  const reader = deps.reader();
  const platform = deps.platform();
  if (!reader) return { ok: false, error: errorInfo('noDevice', 'no fingerprintReader in the device registry') };
  if (!platform) return { ok: false, error: errorInfo('platformUnavailable', 'no platform configured to compare fingerprints') };
  let templateBase64: string;
  try {
    const capture = await reader.captureTemplate({
      signal,
      timeoutMs: FINGER_TIMEOUT_MS,
      events: { onPlaceFinger: () => onStep({ prompt: 'place' }), onFingerDetected: () => onStep({ prompt: 'hold' }), onLiftFinger: () => onStep({ prompt: 'lift' }) },
    });
    templateBase64 = Buffer.from(capture.template).toString('base64');
    capture.wipe();
  } catch (err) {
    const e = DeviceError.from(err);
    return { ok: false, error: e.code === 'timeout' ? errorInfo('fingerNotPresented') : e.info() };
  }
  onStep('verifying');
  const reply = await platform.verifyIdentity({ card, fingerprint: { templateBase64, format: 'zfm-char' } }, { signal });
  if (!reply.ok) return { ok: false, error: reply.error };
  const refusal = identityRefusalError(reply.value);
  return refusal ? { ok: false, error: refusal } : { ok: true, transactionId: reply.value.transactionId };
}
