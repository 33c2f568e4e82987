/**
 * Opening the outbox at host start (issue 17 §5; ARCHITECTURE.md §8.7): the key path is checked to lie
 * outside the data folder, the database is opened, then the key is read, or made, but only when no record is
 * waiting for an older one. A missing key while sealed records exist, or a key that is not the one they were
 * sealed with (the database remembers the key's id), is reported and alerted, the records are kept, nothing
 * is sent and `put` is refused, rather than a new key being made that would strand them for good.
 */
import { join } from 'node:path';
import { SILENT_LOGGER } from '../../../common/logger';
import { Outbox, type OutboxOptions } from './outbox';
import { checkKeyPlacement, createOutboxKey, deriveOutboxKeys, readOutboxKey, type OutboxKeys } from './outbox-key';
import { OUTBOX_DB_FILES, OutboxStore } from './outbox-store';
import type { OutboxProblem } from './outbox-types';

const KEY_ID = 'keyId';

export interface OpenOutboxOptions extends Omit<OutboxOptions, 'store' | 'keys' | 'problem'> {
  dataDir: string;
  /** Outside the data folder (outbox.keyFile in the configuration; outbox-key.ts defaultOutboxKeyFile). */
  keyFile: string;
  mode: keyof typeof OUTBOX_DB_FILES;
  /** The key file was readable by others and has been tightened to 0600: treat the key as exposed. */
  onLoosePermissions?: (mode: number) => void;
}

/** Throws OutboxKeyError for a key placed inside the data folder or a file that is not a key. */
export function openOutbox(options: OpenOutboxOptions): Outbox {
  const log = options.log ?? SILENT_LOGGER;
  checkKeyPlacement(options.keyFile, options.dataDir);
  const store = OutboxStore.open(join(options.dataDir, OUTBOX_DB_FILES[options.mode]));
  try {
    const { keys, problem } = settleKey(store, options, log);
    return new Outbox({ ...options, store, keys, problem });
  } catch (err) {
    store.close();
    throw err;
  }
}

function settleKey(store: OutboxStore, options: OpenOutboxOptions, log: typeof SILENT_LOGGER): { keys: OutboxKeys | null; problem: OutboxProblem | null } {
  const recorded = store.meta(KEY_ID);
  const records = store.recordCount();
  let raw = readOutboxKey(options.keyFile, options.onLoosePermissions);
  if (raw === null) {
    if (records > 0) return { keys: null, problem: 'keyMissing' };
    raw = createOutboxKey(options.keyFile);
    log.info('outbox key made for this kiosk', { file: options.keyFile, replacedEmpty: recorded !== undefined });
  }
  const keys = deriveOutboxKeys(raw);
  raw.fill(0);
  if (recorded !== undefined && recorded !== keys.keyId) {
    if (records > 0) return { keys: null, problem: 'keyMismatch' };
    log.warn('outbox key changed while the outbox was empty', { file: options.keyFile });
  }
  if (recorded !== keys.keyId) store.setMeta(KEY_ID, keys.keyId);
  return { keys, problem: null };
}
