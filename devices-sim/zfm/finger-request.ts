/**
 * The body of `POST /sim/devices/:id/finger` (issue 14 item 4): `{ "quality": "good" | "poor", "matches":
 * boolean }`, both optional (good, true). `quality: "poor"` makes Img2Tz refuse the image (§3.3 `07` / `06`),
 * `matches` picks the finger: the card holder's (the platform will match it to the card) or someone else's
 * (sim-template.ts). Refusals are 400s naming the field.
 */
import { SimActionError } from '../sim-device';

export type FingerQuality = 'good' | 'poor';

export interface SimFinger {
  quality: FingerQuality;
  matches: boolean;
}

export const DEFAULT_FINGER: Readonly<SimFinger> = Object.freeze({ quality: 'good', matches: true });

const FIELDS = ['quality', 'matches'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The finger a POST body describes (an empty or absent body: a good, matching finger); throws SimActionError (400). */
export function parseFingerRequest(body: unknown): SimFinger {
  if (body === undefined || body === null) return { ...DEFAULT_FINGER };
  if (!isPlainObject(body)) throw new SimActionError('the body must be a JSON object: {"quality": "good" | "poor", "matches": true | false}, both optional', true);
  const finger: SimFinger = { ...DEFAULT_FINGER };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'quality') {
      if (value !== 'good' && value !== 'poor') throw new SimActionError(`finger field "quality" must be "good" or "poor", got ${JSON.stringify(value)}`, true);
      finger.quality = value;
    } else if (key === 'matches') {
      if (typeof value !== 'boolean') throw new SimActionError(`finger field "matches" must be true or false, got ${JSON.stringify(value)}`, true);
      finger.matches = value;
    } else {
      throw new SimActionError(`a finger has no field "${key}"; it takes ${FIELDS.join(', ')}`, true);
    }
  }
  return finger;
}
