/**
 * The command line of `npm run tickets` (tickets-cli.ts): options written `--name value` or `--name=value`,
 * flags, and the words of a sub-command (`settle A003 issued`), in any order.
 */

/** Options that take a value; everything else starting with `--` is a flag. */
const VALUE_OPTIONS = new Set(['--data', '--day', '--note', '--by', '--config']);

export interface TicketsArgs {
  /** Words that are not options: the sub-command and its arguments. */
  words: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export function parseTicketsArgs(argv: readonly string[]): TicketsArgs {
  const args: TicketsArgs = { words: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      args.words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.has(name)) {
      if (eq >= 0) throw new Error(`${name} takes no value`);
      args.flags.add(name);
      continue;
    }
    if (eq >= 0) {
      args.options.set(name, arg.slice(eq + 1));
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} must be followed by a value`);
    args.options.set(name, value);
    i++;
  }
  return args;
}
