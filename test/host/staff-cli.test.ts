/**
 * `npm run staff -- hash-pin` (issue 15 §1) as staff run it, from the built CLI: a PIN on standard input gives
 * a hash that verifies it and does not contain it; a PIN on the command line is refused (it would be seen in
 * `ps`), and so is a PIN that is not 4 to 12 digits.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../main/host/staff/pin-hash';

const run = (args: string[], input: string) => spawnSync(process.execPath, ['--import', 'tsx', 'main/host/staff/staff-cli.ts', ...args], { input, encoding: 'utf8', timeout: 30_000 });

describe('npm run staff -- hash-pin', () => {
  beforeAll(() => undefined);

  it('hashes the PIN piped on standard input, never echoing it', () => {
    const result = run(['hash-pin'], '735102\n');
    expect(result.status).toBe(0);
    const hash = result.stdout.trim();
    expect(verifyPin('735102', hash)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain('735102');
  });

  it('refuses a PIN given as an argument, and one that is not 4 to 12 digits', () => {
    expect(run(['hash-pin', '735102'], '').status).toBe(2);
    const short = run(['hash-pin'], '12\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('4 to 12 digits');
  });
});
