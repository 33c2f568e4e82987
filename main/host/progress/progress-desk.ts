/**
 * 办件查询 on the host (issue 17 §6; common/progress-api.ts): by ID card, the session's platform verification
 * asks for all of the citizen's applications, and the kiosk adds what it holds for them itself (an application
 * still waiting in the outbox, a parcel in the hall locker), found by the HMAC of their ID number; by 受理编号,
 * a number whose check digit is wrong never reaches the platform. Answers are the citizen's data: returned to
 * their screen, never logged (the log has the outcome and the count only).
 */
import type { ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import { isAcceptanceNumber, type ProgressQuery, type ProgressResult } from '../../../common/platform-api';
import type { LockerParcelView, ProgressQueryRequest, ProgressQueryResult, WaitingApplication } from '../../../common/progress-api';
import type { PlatformReply } from '../platform/platform-client';

export interface ProgressPlatform {
  queryProgress(query: ProgressQuery): Promise<PlatformReply<ProgressResult>>;
}

export interface ProgressDeskDeps {
  session: { current(): string };
  identity: { platformVerification(sessionId: string): { verificationId: string; idHmac: string } | null };
  platform: () => ProgressPlatform | null;
  /** The citizen's applications waiting in the outbox, by the HMAC of their ID number. */
  waiting?: (idHmac: string) => WaitingApplication[];
  /** Their parcels in the hall locker, by the same HMAC. */
  lockerParcels?: (idHmac: string) => LockerParcelView[];
  log: Logger;
}

/** Typed on the keyboard: spaces and lower case forgiven (`sl 2026 …`). */
export function normaliseAcceptanceNumber(text: string): string {
  return text.replace(/\s+/gu, '').toUpperCase();
}

export class ProgressDesk {
  constructor(private readonly deps: ProgressDeskDeps) {}

  async query(request: ProgressQueryRequest): Promise<ProgressQueryResult> {
    const platform = this.deps.platform();
    if (request.by === 'number') {
      const acceptanceNumber = normaliseAcceptanceNumber(request.acceptanceNumber);
      if (!isAcceptanceNumber(acceptanceNumber)) {
        this.deps.log.info('progress query refused: acceptance number check digit wrong', { source: request.source });
        return { outcome: 'invalidNumber' };
      }
      if (!platform) return { outcome: 'unavailable', code: 'platformUnavailable' };
      return this.answer(await platform.queryProgress({ acceptanceNumber }), null, request.source);
    }
    const verified = this.deps.identity.platformVerification(this.deps.session.current());
    if (!verified) return { outcome: 'identify' };
    if (!platform) return this.localOnly(verified.idHmac, 'platformUnavailable');
    return this.answer(await platform.queryProgress({ verificationId: verified.verificationId }), verified.idHmac, 'card');
  }

  private answer(reply: PlatformReply<ProgressResult>, idHmac: string | null, source: string): ProgressQueryResult {
    if (!reply.ok) {
      this.deps.log.warn('progress query: platform did not answer', { source, code: reply.error.code });
      // By card, what the kiosk holds itself is still worth showing; by number there is nothing to show.
      return idHmac === null ? { outcome: 'unavailable', code: reply.error.code } : this.localOnly(idHmac, reply.error.code);
    }
    if (reply.value.outcome === 'verificationInvalid') return { outcome: 'identify' };
    const applications = reply.value.applications;
    const waiting = idHmac === null ? [] : (this.deps.waiting?.(idHmac) ?? []);
    const lockerParcels = idHmac === null ? [] : (this.deps.lockerParcels?.(idHmac) ?? []);
    this.deps.log.info('progress query answered', { source, applications: applications.length, waiting: waiting.length, lockerParcels: lockerParcels.length });
    return { outcome: 'found', applications, waiting, lockerParcels };
  }

  /** The platform is away: what the kiosk holds, if anything; otherwise the honest `unavailable`. */
  private localOnly(idHmac: string, code: ErrorCode): ProgressQueryResult {
    const waiting = this.deps.waiting?.(idHmac) ?? [];
    const lockerParcels = this.deps.lockerParcels?.(idHmac) ?? [];
    return waiting.length + lockerParcels.length > 0 ? { outcome: 'found', applications: [], waiting, lockerParcels, platformError: code } : { outcome: 'unavailable', code };
  }
}
