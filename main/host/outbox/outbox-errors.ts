/**
 * What the outbox refuses (issue 17 §5; ARCHITECTURE.md §8.7), said for the technician or the host that must
 * act: zh-CN first, English after ` / `, never a byte of personal data.
 */
import { bilingual } from '../diagnostics/diagnostics-error';

/** The key file is misplaced, unreadable or not a key: refused at start, never replaced silently. */
export class OutboxKeyError extends Error {
  override readonly name = 'OutboxKeyError';
}

/** The outbox cannot seal: its key is missing or wrong (records kept). The host offers a window instead. */
export class OutboxUnavailableError extends Error {
  override readonly name = 'OutboxUnavailableError';
  constructor(readonly problem: 'keyMissing' | 'keyMismatch') {
    super(
      problem === 'keyMissing'
        ? bilingual('离线暂存不可用：密钥文件缺失，请联系技术人员', 'offline outbox unavailable: its key file is missing; call a technician')
        : bilingual('离线暂存不可用：密钥与已存记录不符，请联系技术人员', 'offline outbox unavailable: its key is not the one the records were sealed with; call a technician'),
    );
  }
}

/** For the alert raised at start when the key is missing or wrong: what is kept and who must act. */
export function keyProblemMessage(problem: 'keyMissing' | 'keyMismatch', records: number): string {
  return problem === 'keyMissing'
    ? bilingual(`离线暂存密钥文件缺失：${records} 条记录无法打开（已保留，未发送），请技术人员从备份恢复密钥`, `the outbox key file is missing: ${records} records cannot be opened (kept, not sent); a technician must restore the key from its backup`)
    : bilingual(`离线暂存密钥与记录不符：${records} 条记录无法打开（已保留，未发送），请技术人员恢复原密钥`, `the outbox key is not the one its ${records} records were sealed with (kept, not sent); a technician must restore the original key`);
}

/** A sealed record fails to open: altered, damaged, or sealed under another key. */
export class OutboxSealError extends Error {
  override readonly name = 'OutboxSealError';
}

/** `put` was given something the outbox must not store (a bad kind, key or HMAC; a payload too large). */
export class OutboxInputError extends RangeError {
  override readonly name = 'OutboxInputError';
}

export { bilingual };
