/** Command-line arguments of cli/serial-sim.ts. */
import { parseArgs } from 'node:util';
import type { PaperSupply } from '../escpos/printer-faults';

export interface SerialSimArgs {
  path: string;
  model: string;
  id: string;
  lineMs: number | undefined;
  controlPort: number;
  baudRate: number;
  paper: PaperSupply;
}

/** `--name` as a whole number from 0 to `max`, or `fallback` when absent. */
export function wholeNumber(name: string, text: string | undefined, fallback: number | undefined, max: number): number | undefined {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/u.test(text) || n > max) throw new Error(`--${name} must be a whole number from 0 to ${max}, got "${text}"`);
  return n;
}

export function parseSerialSimArgs(argv: readonly string[]): SerialSimArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      path: { type: 'string' },
      model: { type: 'string', default: 'generic-escpos-80' },
      id: { type: 'string', default: 'ticket-printer' },
      'line-ms': { type: 'string' },
      'control-port': { type: 'string' },
      baud: { type: 'string' },
      paper: { type: 'string', default: 'full' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.path) throw new Error('--path /dev/pts/N is required');
  if (!['full', 'low', 'out', 'jammed'].includes(values.paper)) throw new Error(`--paper must be full, low, out or jammed, got "${values.paper}"`);
  return {
    path: values.path,
    model: values.model,
    id: values.id,
    lineMs: wholeNumber('line-ms', values['line-ms'], undefined, 60_000),
    controlPort: wholeNumber('control-port', values['control-port'], 0, 65_535)!,
    baudRate: wholeNumber('baud', values.baud, 115_200, 4_000_000)!,
    paper: values.paper as PaperSupply,
  };
}

