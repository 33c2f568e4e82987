/**
 * `npm run staff -- hash-pin` (issue 15 §1): reads a PIN — typed twice without echo on a terminal, or one line
 * on standard input — and prints the hash to put in the configuration's `staff.accounts[].pinHash`. The PIN is
 * never an argument (it would show in `ps` and the shell history) and never printed.
 */
import { createInterface } from 'node:readline';
import { hashPin, PIN_PATTERN, PinError } from './pin-hash';

const USAGE = 'usage: npm run staff -- hash-pin     (type the PIN twice, or pipe it on standard input)';

/** One line from a terminal with the typed characters hidden. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new PinError('cancelled'));
          return;
        }
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u007f') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function firstLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    let got: string | null = null;
    lines.once('line', (line) => {
      got = line;
      lines.close();
    });
    lines.once('close', () => resolve(got ?? ''));
  });
}

async function readPin(): Promise<string> {
  if (!process.stdin.isTTY) return (await firstLine()).trim();
  const first = await askHidden('PIN (4-12 digits): ');
  if (!PIN_PATTERN.test(first)) throw new PinError('a PIN is 4 to 12 digits');
  const again = await askHidden('the same PIN again: ');
  if (again !== first) throw new PinError('the two PINs differ');
  return first;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] !== 'hash-pin' || argv.length > 1) throw new PinError(USAGE);
  process.stdout.write(`${hashPin(await readPin())}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`staff: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
