/**
 * The citizen's application channels (issue 17 §5, §7): after identification the host lists the services the
 * kiosk can apply for with what it already knows of the citizen (the card), the citizen scans the papers a
 * service needs on the document camera (the host reads them with OCR and hands back fields with their
 * confidence), fills and corrects the form, chooses how the result reaches them, signs, confirms a summary and
 * submits. The host checks every field again (application-form-rules.ts), sends the submission to the platform
 * through the encrypted outbox (records that outlive the session, ARCHITECTURE.md §8.7) and prints the receipt.
 *
 * Scans live in host memory for the session only, by `scanId`; the renderer gets a small preview and the words
 * read. The card's ID number never reaches the renderer again: the prefill shows it masked.
 */
import type { ErrorCode } from './errors';
import type {
  ApplicationServiceCode,
  AttachmentKind,
  HousingFundWithdrawalForm,
  PostalAddress,
  SocialInsuranceRegistrationForm,
  SubmittedItem,
} from './platform-api';

export type DeliveryMethod = 'window' | 'post' | 'locker';

/** A paper a service asks for: scanned on the document camera, one or more pages. */
export interface RequiredPaper {
  kind: AttachmentKind;
  /** 户口簿登记页, 营业执照 … in the three languages, keyed by language. */
  name: Readonly<Record<'zh-CN' | 'zh-TW' | 'en', string>>;
  /** `employeeOnly`: 个人参保登记's employer licence is needed only for employmentType `employee`. */
  when: 'always' | 'employeeOnly' | { reason: HousingFundWithdrawalForm['reason'] };
  maxPages: number;
  /** What OCR reads from it to prefill the form, if anything. */
  reads: 'householdRegister' | 'businessLicence' | null;
}

export interface ApplicationServiceView {
  serviceCode: ApplicationServiceCode;
  name: Readonly<Record<'zh-CN' | 'zh-TW' | 'en', string>>;
  papers: RequiredPaper[];
  /** The ways the result can reach the citizen; empty for a service without a paper result (公积金提取). */
  delivery: DeliveryMethod[];
  /** The catalogue's item id of this service's guide (办事指南), when there is one. */
  guideItemId?: string;
}

/** What the kiosk knows of the identified citizen, for the form (the ID number masked: 5201**********1234). */
export interface ApplicantPrefill {
  name: string;
  maskedIdNumber: string;
  /** 住址 as printed on the card: the EMS address form starts from it. */
  cardAddress: string;
}

export type ApplicationListResult =
  | { outcome: 'listed'; services: ApplicationServiceView[]; prefill: ApplicantPrefill; documentCamera: boolean }
  /** Not identified, or the platform's verification ran out: identify again. */
  | { outcome: 'identify' }
  | { outcome: 'unavailable'; code: ErrorCode };

/** A field read by OCR, as the renderer shows it: low confidence or a failed check asks the citizen. */
export interface ScannedField {
  /** The form field it fills: `employerName`, `employerCreditCode`, `name`, `idNumber` … */
  field: string;
  value: string;
  /** 0–1 */
  confidence: number;
  needsConfirmation: boolean;
  /** `failed`: the check character (统一社会信用代码, ID number) does not match: the citizen must correct it. */
  check: 'passed' | 'failed' | 'none';
}

export interface ScanRequest {
  /** The renderer's id for this capture: a repeat gets the same answer. */
  requestId: string;
  serviceCode: ApplicationServiceCode;
  paper: AttachmentKind;
}

/** A page taken by the renderer's own camera (UVC through getUserMedia), sent to the host to read and keep. */
export interface ScanUploadRequest extends ScanRequest {
  /** JPEG bytes, base64, at most MAX_SCAN_UPLOAD_BYTES decoded. */
  jpegBase64: string;
}
export const MAX_SCAN_UPLOAD_BYTES = 6 * 1024 * 1024;

export type ScanResult =
  | {
      outcome: 'scanned';
      scanId: string;
      paper: AttachmentKind;
      /** A small JPEG of the page as kept, `data:image/jpeg;base64,…`, for the citizen to check. */
      previewImage: string;
      /** Fields read (empty for a paper that prefills nothing, or when OCR read nothing: see `message`). */
      fields: ScannedField[];
      /** OCR read nothing or found no fields: the citizen may scan again or type the form by hand. */
      message?: string;
    }
  | { outcome: 'identify' }
  /** No page found in time, the camera unplugged, OCR failed: `code` says which; retry or go to a window. */
  | { outcome: 'failed'; code: ErrorCode; message: string };

/** Progress of a scan (push `applications:scanProgress`): the camera's stages, then OCR 0–1. */
export interface ScanProgress {
  requestId: string;
  stage: 'waitingForDocument' | 'waitingForStillness' | 'capturing' | 'reading';
  /** OCR's progress 0–1 while `reading`. */
  progress?: number;
}

export interface DiscardScanRequest {
  scanId: string;
}

/** How the result reaches the citizen, as chosen on the kiosk. */
export type DeliveryChoice = { method: 'window' } | { method: 'locker' } | { method: 'post'; address: PostalAddress } | { method: 'none' };

/** The whole application as the citizen confirmed it on the summary screen. */
export type ApplicationDraft = {
  /** A mainland mobile number, 11 digits. */
  phone: string;
  /** The scans to attach, in order: each a `scanId` from `applications:scan`. */
  scans: string[];
  /** The signature as drawn on the touch canvas: a PNG, base64 (black on white). */
  signaturePngBase64: string;
  delivery: DeliveryChoice;
} & ({ serviceCode: 'SI-PERSONAL-REGISTRATION'; form: SocialInsuranceRegistrationForm } | { serviceCode: 'HF-WITHDRAWAL'; form: HousingFundWithdrawalForm });

/** One thing wrong with a draft: the renderer says it beside the field, in the citizen's language. */
export interface FieldProblem {
  /** A form field (`employerCreditCode`), or `phone`, `scans`, `signature`, `delivery`, `address.postcode` … */
  field: string;
  code: FieldProblemCode;
}
export const FIELD_PROBLEM_CODES = [
  /** Nothing entered. */
  'required',
  /** Not of the field's shape (a phone number of 10 digits, letters in an amount). */
  'format',
  /** The check character does not match (统一社会信用代码, bank card Luhn): a misread or a typo. */
  'checkCharacter',
  /** A value out of its range (start month more than 12 months ago, an amount of 0). */
  'outOfRange',
  /** A choice the service does not offer (flexible employment with 工伤保险). */
  'notAllowed',
  /** A paper the service needs was not scanned. */
  'missingPaper',
  /** The signature is empty. */
  'emptySignature',
  /** Too long for the platform. */
  'tooLong',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

export interface ApplicationSubmitRequest {
  /** The renderer's id for this submission: a repeat (a double tap, a resend) submits nothing twice. */
  requestId: string;
  draft: ApplicationDraft;
}

/** The receipt on the receipt printer: printed, or not (the citizen is told to note the number on screen). */
export type ReceiptOutcome = { printed: true } | { printed: false; code: ErrorCode };

export type ApplicationSubmitResult =
  /** The platform accepted it: 受理编号 on screen and on the receipt. */
  | {
      outcome: 'accepted';
      acceptanceNumber: string;
      /** ISO time with offset, as the platform gave it. */
      acceptedAt: string;
      serviceName: string;
      items: SubmittedItem[];
      /** EMS tracking number, for delivery `post`. */
      trackingNumber?: string;
      receipt: ReceiptOutcome;
    }
  /**
   * The platform could not be reached: the application waits, encrypted, in the kiosk's outbox and is sent when
   * the platform is back (the citizen follows it by ID card in 办件查询). `reference` is the kiosk's own number
   * printed on the receipt; no 受理编号 yet, and the screen says so honestly.
   */
  | { outcome: 'queued'; reference: string; items: SubmittedItem[]; receipt: ReceiptOutcome }
  /** A field is wrong (the host's check, or the platform's refusal): nothing was sent; correct and submit again. */
  | { outcome: 'invalid'; problems: FieldProblem[] }
  | { outcome: 'identify' }
  | { outcome: 'failed'; code: ErrorCode; message: string };
