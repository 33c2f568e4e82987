/** Command-line arguments of cli/serial-sim.ts. */
import { parseArgs } from 'node:util';
import type { PaperSupply } from '../escpos/printer-faults';
import { FIXTURE_NAMES, isFixtureName, type FixtureName } from '../ga467/fixture-citizens';

/** The simulators cli/serial-sim.ts can run, by the registry's `driver` name (ARCHITECTURE.md §8.14). */
export const SERIAL_SIM_DRIVERS = ['escpos', 'ga467'] as const;
export type SerialSimDriver = (typeof SERIAL_SIM_DRIVERS)[number];

interface Defaults {
  id: string;
  model: string;
  baudRate: number;
}

/** Each driver's registry id and model in the default configuration, and its line speed (§2.1; protocols.md §1.8). */
const DEFAULTS: Readonly<Record<SerialSimDriver, Defaults>> = {
  escpos: { id: 'ticket-printer', model: 'generic-escpos-80', baudRate: 115_200 },
  ga467: { id: 'id-card-reader', model: 'generic-ga467', baudRate: 115_200 },
};

export interface SerialSimArgs {
  driver: SerialSimDriver;
  path: string;
  model: string;
  id: string;
  lineMs: number | undefined;
  controlPort: number;
  baudRate: number;
  /** escpos only. */
  paper: PaperSupply;
  /** ga467 only: a fixture card lying on the reader from the start. */
  card: FixtureName | undefined;
}

/** `--name` as a whole number from 0 to `max`, or `fallback` when absent. */
export function wholeNumber(name: string, text: string | undefined, fallback: number | undefined, max: number): number | undefined {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/u.test(text) || n > max) throw new Error(`--${name} must be a whole number from 0 to ${max}, got "${text}"`);
  return n;
}

const isDriver = (name: string): name is SerialSimDriver => (SERIAL_SIM_DRIVERS as readonly string[]).includes(name);

export function parseSerialSimArgs(argv: readonly string[]): SerialSimArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      driver: { type: 'string', default: 'escpos' },
      path: { type: 'string' },
      model: { type: 'string' },
      id: { type: 'string' },
      'line-ms': { type: 'string' },
      'control-port': { type: 'string' },
      baud: { type: 'string' },
      paper: { type: 'string' },
      card: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!isDriver(values.driver)) throw new Error(`--driver must be one of ${SERIAL_SIM_DRIVERS.join(', ')}, got "${values.driver}"`);
  const driver = values.driver;
  if (!values.path) throw new Error('--path /dev/pts/N is required');
  const only = (option: string, owner: SerialSimDriver, given: unknown): void => {
    if (given !== undefined && driver !== owner) throw new Error(`--${option} is for --driver ${owner} only`);
  };
  only('paper', 'escpos', values.paper);
  only('line-ms', 'escpos', values['line-ms']);
  only('card', 'ga467', values.card);
  const paper = values.paper ?? 'full';
  if (!['full', 'low', 'out', 'jammed'].includes(paper)) throw new Error(`--paper must be full, low, out or jammed, got "${paper}"`);
  if (values.card !== undefined && !isFixtureName(values.card)) throw new Error(`--card must be one of ${FIXTURE_NAMES.join(', ')}, got "${values.card}"`);
  const defaults = DEFAULTS[driver];
  return {
    driver,
    path: values.path,
    model: values.model ?? defaults.model,
    id: values.id ?? defaults.id,
    lineMs: wholeNumber('line-ms', values['line-ms'], undefined, 60_000),
    controlPort: wholeNumber('control-port', values['control-port'], 0, 65_535)!,
    baudRate: wholeNumber('baud', values.baud, defaults.baudRate, 4_000_000)!,
    paper: paper as PaperSupply,
    card: values.card as FixtureName | undefined,
  };
}
