/**
 * Requests for the platform's tests (the simulator's and the host client's): a fixture citizen's card as the
 * kiosk would send it, with a stand-in live face, and complete applications (issue 17 §5). Test support only;
 * the face and the scans are a JPEG header, the signature a PNG header, not images.
 */
import type { ApplicationSubmission, IdentityVerifyRequest, PlatformCardFields, PostalAddress } from '../../common/platform-api';
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

/** An 8-byte PNG signature, an IHDR chunk's start and padding: enough for the platform's "is it a PNG" check. */
export const STAND_IN_PNG_BASE64 = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(80, 7)]).toString('base64');

/** The address the kiosk prefills from the adult fixture's card (issue 17 §7). */
export const TEST_ADDRESS: PostalAddress = { recipientName: '张示例', phone: '13800000000', province: '贵州省', city: '贵阳市', district: '观山湖区', detail: '示例大道100号', postcode: '550081' };

/** A complete 个人参保登记 (employed at the seeded company, its licence and the household register attached). */
export function registrationSubmission(fixture: FixtureName, verificationId: string, idempotencyKey: string): ApplicationSubmission {
  const card = fixtureCardFields(fixture);
  return {
    idempotencyKey,
    serviceCode: 'SI-PERSONAL-REGISTRATION',
    applicant: { verificationId, cardType: card.type, idNumber: card.idNumber, name: card.name, phone: '13800000000' },
    form: { employmentType: 'employee', employerName: '贵阳示例商贸有限公司', employerCreditCode: '91350100M000100Y43', insuranceTypes: ['pension', 'medical'], startMonth: '2026-11', householdType: 'urban', address: '贵州省贵阳市观山湖区示例大道100号' },
    attachments: [
      { kind: 'householdRegister', mediaType: 'image/jpeg', base64: STAND_IN_JPEG_BASE64 },
      { kind: 'householdRegister', mediaType: 'image/jpeg', base64: STAND_IN_JPEG_BASE64 },
      { kind: 'businessLicence', mediaType: 'image/jpeg', base64: STAND_IN_JPEG_BASE64 },
    ],
    signature: { pngBase64: STAND_IN_PNG_BASE64 },
    delivery: { method: 'post', address: TEST_ADDRESS },
  };
}

/** A complete 住房公积金提取 for rent (the rental contract attached), within the adult fixture's balance. */
export function withdrawalSubmission(fixture: FixtureName, verificationId: string, idempotencyKey: string): ApplicationSubmission {
  const card = fixtureCardFields(fixture);
  return {
    idempotencyKey,
    serviceCode: 'HF-WITHDRAWAL',
    applicant: { verificationId, cardType: card.type, idNumber: card.idNumber, name: card.name, phone: '13800000000' },
    form: { reason: 'rent', amountYuan: '12000.00', bankName: '示例银行贵阳分行', bankAccount: '6222020200000000006' },
    attachments: [{ kind: 'rentalContract', mediaType: 'image/jpeg', base64: STAND_IN_JPEG_BASE64 }],
    signature: { pngBase64: STAND_IN_PNG_BASE64 },
    delivery: { method: 'none' },
  };
}
