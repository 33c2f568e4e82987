/**
 * `npm run tickets` (docs/operations.md): lists, for hall staff and technicians, the tickets whose printing
 * is uncertain — and with `--voided` the day's voided ones — from the data folder's database, read-only,
 * while the kiosk runs. Two sub-commands change things, carried out by the running host when there is one
 * (tickets-cli-staff.ts), each written as an audit record:
 *
 *   npm run tickets -- [--data <folder>] [--day YYYY-MM-DD] [--voided] [--json] [--config <file>]
 *   npm run tickets -- settle <number> issued|voided [--day YYYY-MM-DD] [--note TEXT] [--by NAME]
 *   npm run tickets -- confirm-clock [--note TEXT] [--by NAME]
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
import { parseTicketsArgs } from './tickets-cli-args';
import { formatStaffResult, runStaffCommand, staffRequest } from './tickets-cli-staff';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FLAGS = new Set(['--voided', '--json']);
const STAFF_COMMANDS = new Set(['settle', 'confirm-clock']);

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = parseTicketsArgs(argv);
  const unknownFlag = [...args.flags].find((f) => !FLAGS.has(f));
  if (unknownFlag !== undefined) throw new Error(`unknown option ${unknownFlag}`);
  const config = loadConfig({ env, argv: [...argv], requireSecrets: false });
  const timeZone = config.hall.timeZone;
  const dataDir = resolve(args.options.get('--data') ?? env.KIOSK_DATA_DIR ?? join(process.cwd(), '.data'));
  const command = args.words[0];
  if (command !== undefined) {
    if (!STAFF_COMMANDS.has(command)) throw new Error(`unknown command ${JSON.stringify(command)} (settle, confirm-clock, or none to list)`);
    const reply = await runStaffCommand(staffRequest(args), dataDir, config);
    if (args.flags.has('--json')) process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    if (!reply.ok) throw new Error(reply.message);
    if (!args.flags.has('--json')) process.stdout.write(formatStaffResult(reply.result, timeZone));
    return;
  }
  const day = args.options.get('--day');
  if (day !== undefined && !DAY.test(day)) throw new Error(`--day must be YYYY-MM-DD (got ${JSON.stringify(day)})`);
  const today = localDateKey(new AdjustableClock().now(), timeZone);
  // The mode's own file: a training kiosk's practice tickets are not the hall's (issue 13 §3).
  const file = join(dataDir, QUEUE_DB_FILES[config.mode]);
  if (!existsSync(file)) throw new Error(`no kiosk database at ${file} (give the data folder with --data or KIOSK_DATA_DIR)`);
  const db = openQueueDbReadOnly(file);
  try {
    const list = listStaffTickets(db, { day, retractedDay: day ?? today, voidedDay: args.flags.has('--voided') ? day ?? today : undefined });
    process.stdout.write(args.flags.has('--json') ? `${JSON.stringify(list, null, 2)}\n` : formatStaffTickets(list, (ms) => formatLocalDateTime(ms, timeZone)));
  } finally {
    db.close();
  }
}

main(process.argv.slice(2), process.env).catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`tickets: ${message}\n`);
  process.exit(1);
});
