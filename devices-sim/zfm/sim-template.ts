/**
 * The simulated module's character files (protocols.md §3.4: 512 bytes, F1 says 256 [!]). Real templates are
 * a vendor's minutiae format nothing public describes, so these are opaque: deterministic noise per finger,
 * behind a 6-byte tag ("SIMFP" and the finger) that lets the simulators recognise their own templates.
 * Two fingers exist: the card holder's (the platform will say it matches the card) and someone else's.
 * The module cannot decode the card's fingerprint data (§1.7); the platform simulator asks
 * `simTemplateMatchesCard` what the platform would answer for a template the kiosk sends it.
 */
import { TEMPLATE_BYTES } from '../../drivers/protocol/zfm/constants';
import { SeededRandom } from '../seeded-random';

export type SimFingerId = 'cardHolder' | 'other';

const TAG = [0x53, 0x49, 0x4d, 0x46, 0x50] as const; // "SIMFP"
const FINGER_CODE: Readonly<Record<SimFingerId, number>> = { cardHolder: 0x01, other: 0x02 };
const SEED: Readonly<Record<SimFingerId, number>> = { cardHolder: 0xf1_0001, other: 0xf1_0002 };

/** The template of `finger`, `bytes` long. Same finger, same bytes: every press of it extracts the same features. */
export function simTemplate(finger: SimFingerId, bytes: number = TEMPLATE_BYTES): Uint8Array {
  const random = new SeededRandom(SEED[finger]);
  const t = Uint8Array.from({ length: bytes }, () => random.int(0, 255));
  t.set(TAG, 0);
  t[TAG.length] = FINGER_CODE[finger];
  return t;
}

/** Which simulated finger a template is (the whole template must be that finger's); undefined for any other bytes. */
export function simTemplateFinger(template: Uint8Array): SimFingerId | undefined {
  for (const finger of Object.keys(FINGER_CODE) as SimFingerId[]) {
    if (template[TAG.length] !== FINGER_CODE[finger]) continue;
    const expected = simTemplate(finger, template.length);
    if (template.length > TAG.length && expected.every((b, i) => template[i] === b)) return finger;
  }
  return undefined;
}

/**
 * What the platform simulator answers for a template the kiosk sends it: true for the card holder's finger,
 * false for another finger, undefined for bytes no simulated module made (the platform cannot read them).
 */
export function simTemplateMatchesCard(template: Uint8Array): boolean | undefined {
  const finger = simTemplateFinger(template);
  return finger === undefined ? undefined : finger === 'cardHolder';
}
