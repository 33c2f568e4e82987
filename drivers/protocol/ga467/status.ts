/**
 * The SW3 status table of protocols.md §1.3 [V], mapped to the common error codes (common/errors.ts) and so
 * to who must act. `ok`: the command did what was asked. `negative`: a normal "no" the driver reads in
 * context (no card on the antenna while polling; no latest address on the card); `code` is what to report
 * when the answer ends a command that needed a "yes". `error`: the command failed.
 */
import { ERROR_ACTOR, type Actor, type ErrorCode } from '../../../common/errors';
import { SW3 } from './constants';

export type Ga467Outcome = 'ok' | 'negative' | 'error';

export interface Ga467Status {
  sw3: number;
  /** Technician-facing meaning, from §1.3. */
  meaning: string;
  outcome: Ga467Outcome;
  /** Absent for `ok`. */
  code?: ErrorCode;
  actor?: Actor;
  /** False for a status §1.3 does not list (including the host-DLL-only codes, which "never appear on the wire"). */
  known: boolean;
}

type Entry = [meaning: string, outcome: Ga467Outcome, code?: ErrorCode];

/**
 * Why each code: the reader's complaints about our frame (10, 11) mean a corrupting link: garbledReply, which
 * the driver retries before it raises it. 21 means the reader lacks the command (e.g. `30 10` on a reader
 * without fingerprints): unsupported. The card-side failures (31–47, 81) are mostly a card moved, tilted or
 * shared with another card on the antenna, so the citizen places it again: cardUnreadable. SAM-side
 * refusals (23, 24, 60, 66) need a technician: samError.
 */
const TABLE: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  [SW3.SUCCESS, ['success (操作成功)', 'ok']],
  [SW3.CARD_FOUND, ['card found (寻找证/卡成功), find only', 'ok']],
  [SW3.NO_CONTENT, ['the card holds no content for this item (证/卡中此项无内容)', 'negative', 'cardNotSupported']],
  [SW3.FIND_FAILED, ['find card failed: no card, or card not re-presented', 'negative', 'cardRemoved']],
  [SW3.CHECKSUM_ERROR, ['the reader received a frame with a bad checksum', 'error', 'garbledReply']],
  [SW3.LENGTH_ERROR, ['the reader received a frame with a bad length', 'error', 'garbledReply']],
  [SW3.COMMAND_ERROR, ['command error: a bad value or a bad combination (unknown CMD/PARA)', 'error', 'unsupported']],
  [SW3.NOT_PERMITTED, ['operation not permitted (越权操作)', 'error', 'samError']],
  [SW3.UNRECOGNISED_ERROR, ['unrecognised error', 'error', 'samError']],
  [SW3.CARD_REJECTED_SAM, ['the card failed to authenticate the SAM', 'error', 'cardUnreadable']],
  [SW3.SAM_REJECTED_CARD, ['the SAM failed to authenticate the card', 'error', 'cardUnreadable']],
  [SW3.VERIFICATION_FAILED, ['information verification failed', 'error', 'cardUnreadable']],
  [SW3.FINGERPRINT_VERIFICATION_ERROR, ['fingerprint information verification error', 'error', 'cardUnreadable']],
  [SW3.INFORMATION_LENGTH_ERROR, ['information length error', 'error', 'cardUnreadable']],
  [SW3.UNKNOWN_CARD_TYPE, ['unrecognised card type', 'error', 'cardNotSupported']],
  [SW3.READ_FAILED, ['read card failed (读证/卡操作失败): card removed during the read', 'error', 'cardRemoved']],
  [SW3.RANDOM_NUMBER_FAILED, ['failed to get a random number', 'error', 'cardUnreadable']],
  [SW3.SAM_SELF_TEST_FAILED, ['SAM self-test failed; cannot accept commands', 'error', 'samError']],
  [SW3.SAM_NOT_AUTHORISED, ['SAM not authorised', 'error', 'samError']],
  [SW3.SELECT_FAILED, ['select card failed', 'error', 'cardUnreadable']],
]);

/** The SW3 values §1.3 lists, in table order. */
export const KNOWN_SW3: readonly number[] = [...TABLE.keys()];

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** What a response's SW3 means. An unlisted SW3 is a SAM answer nobody can act on: samError. */
export function interpretStatus(sw3: number): Ga467Status {
  const entry = TABLE.get(sw3);
  if (entry === undefined) {
    return { sw3, meaning: `unknown status ${hex2(sw3)}`, outcome: 'error', code: 'samError', actor: ERROR_ACTOR.samError, known: false };
  }
  const [meaning, outcome, code] = entry;
  if (code === undefined) return { sw3, meaning, outcome, known: true };
  return { sw3, meaning, outcome, code, actor: ERROR_ACTOR[code], known: true };
}
