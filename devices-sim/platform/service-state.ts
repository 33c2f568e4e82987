/**
 * Everything the simulated platform keeps for issue 17 (§2, §5–§8): the matched verifications, the
 * certificates, the applications, the EMS bookings and the evaluations; cleared and seeded by reset. The
 * seeded applications (for the fixture card `adult` 张示例, so 办件查询 by ID card has something to show):
 * a 个人参保登记 accepted 20 days ago and 办结 15 days ago, a 住房公积金提取 accepted 2 days ago and 审核中.
 */
import type { PostBookingResult } from '../../common/platform-api';
import type { SeededRandom } from '../seeded-random';
import { IdempotencyConflict } from './appointment-book';
import { ApplicationStore, bodyHash } from './application-store';
import { CertificateSigner } from './certificate-signing';
import { CertificateStore } from './certificate-store';
import { EvaluationStore } from './evaluation-store';
import { fixturePerson } from './seed-appointments';
import { VerificationRegistry } from './verification-registry';

export interface ServiceStateOptions {
  signingKey: Uint8Array;
  rng: SeededRandom;
  timeZone: string;
  /** The platform's public address, which verification URLs start with (the simulator's own loopback URL). */
  baseUrl: () => string;
}

const DAY_MS = 24 * 3600_000;
const SEED_KIOSK = 'platform-seed';

export class ServiceState {
  readonly verifications = new VerificationRegistry();
  readonly certificates: CertificateStore;
  readonly applications: ApplicationStore;
  readonly evaluations: EvaluationStore;
  private readonly posts = new Map<string, { hash: string; result: PostBookingResult }>();

  constructor(options: ServiceStateOptions) {
    this.certificates = new CertificateStore(new CertificateSigner(options.signingKey), options.rng, options.baseUrl);
    this.applications = new ApplicationStore(options.timeZone);
    this.evaluations = new EvaluationStore(options.timeZone);
  }

  /** The booking made under this kiosk's key before; IdempotencyConflict for another body under it. */
  replayPost(kioskId: string, key: string, body: unknown): PostBookingResult | undefined {
    const remembered = this.posts.get(`${kioskId} ${key}`);
    if (!remembered) return undefined;
    if (remembered.hash !== bodyHash(body)) throw new IdempotencyConflict();
    return remembered.result;
  }

  rememberPost(kioskId: string, key: string, body: unknown, result: PostBookingResult): void {
    this.posts.set(`${kioskId} ${key}`, { hash: bodyHash(body), result });
  }

  counts(): { verifications: number; certificates: number; applications: number; evaluations: number; posts: number } {
    return { verifications: this.verifications.size(), certificates: this.certificates.size(), applications: this.applications.size(), evaluations: this.evaluations.size(), posts: this.posts.size };
  }

  clear(): void {
    this.verifications.clear();
    this.certificates.clear();
    this.applications.clear();
    this.evaluations.clear();
    this.posts.clear();
  }

  seed(nowMs: number): void {
    const adult = fixturePerson('adult');
    const base = { idNumber: adult.idNumber, name: adult.name, verificationId: 'SIMV-SEED' };
    const meta = { kioskId: SEED_KIOSK, bodyHash: 'seed', identity: 'verified' as const, fixture: 'adult' };
    const registered = this.applications.accept(
      { ...base, serviceCode: 'SI-PERSONAL-REGISTRATION', items: [{ name: '申请表', count: 1 }, { name: '户口簿首页及本人页', count: 2 }, { name: '手写签名', count: 1 }], delivery: 'window' },
      { ...meta, idempotencyKey: 'seed-0001', nowMs: nowMs - 20 * DAY_MS },
    );
    if (registered.outcome === 'accepted') {
      this.applications.advance(registered.acceptanceNumber, 'reviewing', nowMs - 19 * DAY_MS);
      this.applications.advance(registered.acceptanceNumber, 'completed', nowMs - 15 * DAY_MS, '已办结：参保登记完成，请到窗口领取参保凭证');
    }
    const withdrawal = this.applications.accept(
      { ...base, serviceCode: 'HF-WITHDRAWAL', items: [{ name: '申请表', count: 1 }, { name: '房屋租赁合同', count: 3 }, { name: '手写签名', count: 1 }], delivery: 'none' },
      { ...meta, idempotencyKey: 'seed-0002', nowMs: nowMs - 2 * DAY_MS },
    );
    if (withdrawal.outcome === 'accepted') this.applications.advance(withdrawal.acceptanceNumber, 'reviewing', nowMs - 1 * DAY_MS);
  }
}
