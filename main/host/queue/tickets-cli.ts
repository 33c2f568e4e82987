/**
 * `npm run tickets` (docs/operations.md): lists, for hall staff and technicians, the tickets whose printing
 * is uncertain — and with `--voided` the day's voided ones — from the data folder's database, read-only,
 * while the kiosk runs.
 *
 *   npm run tickets -- [--data <folder>] [--day YYYY-MM-DD] [--voided] [--json] [--config <file>]
 *
 * The data folder is `--data`, else KIOSK_DATA_DIR, else ./.data (as `npm start`). The configuration
 * (`--config` / KIOSK_CONFIG, else the default) gives the hall time zone that decides "today".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatLocalDateTime, localDateKey } from '../../../common/local-time';
import { AdjustableClock } from '../clock/adjustable-clock';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { QUEUE_DB_FILES } from './queue-db';
import { formatStaffTickets, listStaffTickets, openQueueDbReadOnly } from './staff-ticket-list';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (arg === name) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${name} must be followed by a value`);
      return value;
    }
  }
  return undefined;
}

function main(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const config = loadConfig({ env, argv: [...argv], requireSecrets: false });
  const timeZone = config.hall.timeZone;
  const day = option(argv, '--day');
  if (day !== undefined && !DAY.test(day)) throw new Error(`--day must be YYYY-MM-DD (got ${JSON.stringify(day)})`);
  const dataDir = resolve(option(argv, '--data') ?? env.KIOSK_DATA_DIR ?? join(process.cwd(), '.data'));
  const today = localDateKey(new AdjustableClock().now(), timeZone);
  // The mode's own file: a training kiosk's practice tickets are not the hall's (issue 13 §3).
  const file = join(dataDir, QUEUE_DB_FILES[config.mode]);
  if (!existsSync(file)) throw new Error(`no kiosk database at ${file} (give the data folder with --data or KIOSK_DATA_DIR)`);
  const db = openQueueDbReadOnly(file);
  try {
    const list = listStaffTickets(db, { day, voidedDay: argv.includes('--voided') ? day ?? today : undefined });
    process.stdout.write(argv.includes('--json') ? `${JSON.stringify(list, null, 2)}\n` : formatStaffTickets(list, (ms) => formatLocalDateTime(ms, timeZone)));
  } finally {
    db.close();
  }
}

try {
  main(process.argv.slice(2), process.env);
} catch (err) {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`tickets: ${message}\n`);
  process.exit(1);
}
