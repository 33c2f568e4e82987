/**
 * `npm run audit -- verify` (issue 15 §1): checks the audit chain of the data folder's database, read-only,
 * while the kiosk runs, and reports the first broken link; exit 0 intact, 3 broken.
 *
 *   npm run audit -- verify [--data <folder>] [--config <file>] [--json]
 *
 * The data folder is `--data`, else KIOSK_DATA_DIR, else ./.data (as `npm start`); the configuration's mode
 * picks the database (a training kiosk keeps its own).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { QUEUE_DB_FILES } from '../queue/queue-db';
import { openQueueDbReadOnly } from '../queue/staff-ticket-list';
import { parseTicketsArgs } from '../queue/tickets-cli-args';
import { auditHeadPath, readAuditHead } from './audit-head';
import { formatAuditVerdict, verifyAudit } from './audit-verify';

const USAGE = 'usage: npm run audit -- verify [--data <folder>] [--config <file>] [--json]';

function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const args = parseTicketsArgs(argv);
  if (args.words[0] !== 'verify' || args.words.length !== 1) throw new Error(USAGE);
  const unknown = [...args.flags].find((f) => f !== '--json');
  if (unknown !== undefined) throw new Error(`unknown option ${unknown}\n${USAGE}`);
  const config = loadConfig({ env, argv: [...argv], requireSecrets: false });
  const dataDir = resolve(args.options.get('--data') ?? env.KIOSK_DATA_DIR ?? join(process.cwd(), '.data'));
  const file = join(dataDir, QUEUE_DB_FILES[config.mode]);
  if (!existsSync(file)) throw new Error(`no kiosk database at ${file} (give the data folder with --data or KIOSK_DATA_DIR)`);
  const db = openQueueDbReadOnly(file);
  try {
    const verdict = verifyAudit(db, readAuditHead(auditHeadPath(dataDir, config.mode)));
    process.stdout.write(args.flags.has('--json') ? `${JSON.stringify(verdict, null, 2)}\n` : formatAuditVerdict(verdict));
    return verdict.ok ? 0 : 3;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2), process.env);
} catch (err) {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`audit: ${message}\n`);
  process.exitCode = 1;
}
