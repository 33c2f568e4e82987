/**
 * Requests for the platform's tests (the simulator's and the host client's): a fixture citizen's card as the
 * kiosk would send it, with a stand-in live face. Test support only; the face is a JPEG header, not a photo.
 */
import type { IdentityVerifyRequest, PlatformCardFields } from '../../common/platform-api';
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { displayName, isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { fixtureCard, type FixtureName } from '../ga467/fixture-citizens';

/** SOI, an APP0 JFIF header and EOI: enough for the platform's "is it a JPEG" check. */
export const STAND_IN_JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]).toString('base64');

export function fixtureCardFields(fixture: FixtureName): PlatformCardFields {
  const card = parseTextBlock(fixtureCard(fixture).text);
  if (isTextBlockProblem(card)) throw new Error(card.message);
  return { type: card.kind, idNumber: card.idNumber, name: displayName(card), validFrom: card.validFrom, validUntil: card.validUntil };
}

export function faceVerifyRequest(fixture: FixtureName, live = true): IdentityVerifyRequest {
  return {
    card: fixtureCardFields(fixture),
    face: { jpegBase64: STAND_IN_JPEG_BASE64, capturedAt: '2026-11-23T09:00:00+08:00', liveness: { live, score: live ? 0.97 : 0.12 } },
  };
}
