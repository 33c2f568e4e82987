/**
 * The applications the simulated platform accepted (issue 17 §5, §6): one per Idempotency-Key (a resend
 * after a lost answer gets the first answer and stores nothing twice; the same key with another body is a
 * conflict), numbered 受理编号 `SL` + day + sequence + Luhn digit (common/platform-api.ts), each with its
 * steps 受理 → 审核中 → 办结 | 退回, advanced by the control API. In memory only.
 */
import { createHash } from 'node:crypto';
import { localDateKey, isoWithOffset } from '../../common/local-time';
import { maskIdNumber, maskName } from '../../common/mask';
import { luhnCheckDigit, type ApplicationProgress, type ApplicationStatus, type ApplicationSubmitResult } from '../../common/platform-api';
import { IdempotencyConflict } from './appointment-book';
import type { CheckedApplication } from './application-rules';
import { SERVICE_NAMES } from './application-rules';

interface StoredApplication extends CheckedApplication {
  acceptanceNumber: string;
  kioskId: string;
  idempotencyKey: string;
  bodyHash: string;
  acceptedAtMs: number;
  steps: { status: ApplicationStatus; atMs: number; note?: string }[];
  trackingNumber?: string;
  identity: 'verified' | 'unverified';
  fixture?: string;
}

/** The control API's view: the applicant masked. */
export interface ApplicationListing extends ApplicationProgress {
  applicantMaskedIdNumber: string;
  items: CheckedApplication['items'];
  delivery: CheckedApplication['delivery'];
  identity: 'verified' | 'unverified';
  fixture?: string;
}

export class StatusChangeRefused extends Error {}

/** A hash of the body as sent: a resend of the same submission has the same one. */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export class ApplicationStore {
  private readonly byNumber = new Map<string, StoredApplication>();
  private readonly byKey = new Map<string, StoredApplication>();
  private seq = 0;

  constructor(private readonly timeZone: string) {}

  /** The first answer under this kiosk's key, or undefined; IdempotencyConflict for another body under it. */
  replay(kioskId: string, key: string, hash: string): ApplicationSubmitResult | undefined {
    const stored = this.byKey.get(`${kioskId} ${key}`);
    if (!stored) return undefined;
    if (stored.bodyHash !== hash) throw new IdempotencyConflict();
    return this.acceptance(stored);
  }

  accept(input: CheckedApplication, meta: { kioskId: string; idempotencyKey: string; bodyHash: string; nowMs: number; identity: 'verified' | 'unverified'; trackingNumber?: string; fixture?: string }): ApplicationSubmitResult {
    const digits = `${localDateKey(meta.nowMs, this.timeZone).replaceAll('-', '')}${String(++this.seq).padStart(6, '0')}`;
    const stored: StoredApplication = {
      ...input,
      acceptanceNumber: `SL${digits}${luhnCheckDigit(digits)}`,
      kioskId: meta.kioskId,
      idempotencyKey: meta.idempotencyKey,
      bodyHash: meta.bodyHash,
      acceptedAtMs: meta.nowMs,
      steps: [{ status: 'accepted', atMs: meta.nowMs }],
      identity: meta.identity,
    };
    if (meta.trackingNumber !== undefined) stored.trackingNumber = meta.trackingNumber;
    if (meta.fixture !== undefined) stored.fixture = meta.fixture;
    this.byNumber.set(stored.acceptanceNumber, stored);
    this.byKey.set(`${meta.kioskId} ${meta.idempotencyKey}`, stored);
    return this.acceptance(stored);
  }

  has(acceptanceNumber: string): boolean {
    return this.byNumber.has(acceptanceNumber);
  }

  setTracking(acceptanceNumber: string, trackingNumber: string): void {
    const stored = this.byNumber.get(acceptanceNumber);
    if (stored) stored.trackingNumber = trackingNumber;
  }

  progressByNumber(acceptanceNumber: string): ApplicationProgress[] {
    const stored = this.byNumber.get(acceptanceNumber);
    return stored ? [this.progress(stored)] : [];
  }

  /** The citizen's applications, newest first. */
  progressOf(idNumber: string): ApplicationProgress[] {
    return [...this.byNumber.values()].filter((a) => a.idNumber === idNumber).sort((a, b) => b.acceptedAtMs - a.acceptedAtMs).map((a) => this.progress(a));
  }

  /** Moves an application on; 办结 and 退回 are final, and nothing goes back to 受理. */
  advance(acceptanceNumber: string, status: ApplicationStatus, nowMs: number, note?: string): ApplicationListing | undefined {
    const stored = this.byNumber.get(acceptanceNumber);
    if (!stored) return undefined;
    const current = stored.steps[stored.steps.length - 1]!.status;
    if (current === 'completed' || current === 'returned') throw new StatusChangeRefused(`the application is ${current} already: a final status`);
    if (status === 'accepted') throw new StatusChangeRefused('an application cannot go back to accepted');
    stored.steps.push(note === undefined ? { status, atMs: Math.max(nowMs, stored.steps[stored.steps.length - 1]!.atMs) } : { status, atMs: nowMs, note });
    return this.listing(stored);
  }

  list(): ApplicationListing[] {
    return [...this.byNumber.values()].map((a) => this.listing(a));
  }

  size(): number {
    return this.byNumber.size;
  }

  clear(): void {
    this.byNumber.clear();
    this.byKey.clear();
    this.seq = 0;
  }

  private acceptance(a: StoredApplication): ApplicationSubmitResult {
    const result: ApplicationSubmitResult = { outcome: 'accepted', acceptanceNumber: a.acceptanceNumber, acceptedAt: isoWithOffset(a.acceptedAtMs, this.timeZone), serviceName: SERVICE_NAMES[a.serviceCode], items: a.items.map((i) => ({ ...i })) };
    if (a.trackingNumber !== undefined) result.trackingNumber = a.trackingNumber;
    return result;
  }

  private progress(a: StoredApplication): ApplicationProgress {
    const p: ApplicationProgress = {
      acceptanceNumber: a.acceptanceNumber,
      serviceCode: a.serviceCode,
      serviceName: SERVICE_NAMES[a.serviceCode],
      applicantMaskedName: maskName(a.name),
      status: a.steps[a.steps.length - 1]!.status,
      acceptedAt: isoWithOffset(a.acceptedAtMs, this.timeZone),
      steps: a.steps.map((s) => (s.note === undefined ? { status: s.status, at: isoWithOffset(s.atMs, this.timeZone) } : { status: s.status, at: isoWithOffset(s.atMs, this.timeZone), note: s.note })),
    };
    if (a.trackingNumber !== undefined) p.trackingNumber = a.trackingNumber;
    return p;
  }

  private listing(a: StoredApplication): ApplicationListing {
    const l: ApplicationListing = { ...this.progress(a), applicantMaskedIdNumber: maskIdNumber(a.idNumber), items: a.items, delivery: a.delivery, identity: a.identity };
    if (a.fixture !== undefined) l.fixture = a.fixture;
    return l;
  }
}
