/**
 * 好差评, the citizen's rating of a transaction (issue 17 §8; GB/T 39735-2020 政务服务评价工作指南): five
 * levels, the two low ones asking for reasons (choices and free text), one evaluation per transaction,
 * stored durably on the kiosk and forwarded to the platform (through the outbox while it is unreachable),
 * skippable without nagging.
 */

/** GB/T 39735 levels, best first: 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意. */
export const EVALUATION_LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** The levels that ask why (GB/T 39735: 差评 needs its reasons, so it can be followed up and rectified). */
export const LOW_EVALUATION_LEVELS: readonly EvaluationLevel[] = ['dissatisfied', 'veryDissatisfied'];

/** The reasons offered for a low level: the platform's 差评 categories (common/platform-api.ts); free text adds to them. */
export const EVALUATION_REASONS = [
  'slow', // 办理时间长
  'unclearGuidance', // 指引不清楚
  'tooManyMaterials', // 材料要求多
  'deviceProblem', // 设备故障或难用
  'notResolved', // 问题未解决
  'other', // 其他
] as const;
export type EvaluationReason = (typeof EVALUATION_REASONS)[number];

export const MAX_EVALUATION_COMMENT_LENGTH = 200;

/** What can be rated: every transaction the kiosk completed for a citizen. */
export type EvaluatedKind = 'ticket' | 'certificate' | 'application' | 'progressQuery' | 'checklist';

/** The host offers the rating once a transaction ended (snapshot `evaluation`); the citizen may skip it. */
export interface EvaluationOffer {
  /** The host's id for the transaction (ticket ref, issuance id, acceptance number …). */
  transactionId: string;
  kind: EvaluatedKind;
  /** The service's name as the citizen saw it, zh-CN / zh-TW / en. */
  service: { 'zh-CN': string; 'zh-TW'?: string; en?: string };
}

export interface EvaluationSubmitRequest {
  transactionId: string;
  level: EvaluationLevel;
  /** Required (at least one) for the low levels; ignored otherwise. */
  reasons?: EvaluationReason[];
  comment?: string;
  /** The renderer's id for this submit: a retry after a lost reply is the same evaluation. */
  requestId: string;
}

export type EvaluationSubmitResult =
  /** Stored; `forwarded` false while the platform is unreachable (it goes from the outbox later). */
  | { outcome: 'recorded'; forwarded: boolean }
  /** This transaction was rated already (one evaluation per transaction). */
  | { outcome: 'alreadyRated' };

export interface EvaluationSkipRequest {
  transactionId: string;
}
