/** Command-line arguments of cli/tcp-sim.ts. */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { PaperSupply } from '../escpos/printer-faults';
import { wholeNumber } from './serial-sim-args';

export interface TcpSimArgs {
  host: string;
  port: number;
  model: string;
  id: string;
  lineMs: number | undefined;
  controlPort: number;
  paper: PaperSupply;
}

export function parseTcpSimArgs(argv: readonly string[]): TcpSimArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      model: { type: 'string', default: 'generic-escpos-80' },
      id: { type: 'string', default: 'ticket-printer' },
      'line-ms': { type: 'string' },
      'control-port': { type: 'string' },
      paper: { type: 'string', default: 'full' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (isIP(values.host) === 0) throw new Error(`--host must be an IP address to listen on, got "${values.host}"`);
  if (!['full', 'low', 'out', 'jammed'].includes(values.paper)) throw new Error(`--paper must be full, low, out or jammed, got "${values.paper}"`);
  return {
    host: values.host,
    port: wholeNumber('port', values.port, 9100, 65_535)!,
    model: values.model,
    id: values.id,
    lineMs: wholeNumber('line-ms', values['line-ms'], undefined, 60_000),
    controlPort: wholeNumber('control-port', values['control-port'], 0, 65_535)!,
    paper: values.paper as PaperSupply,
  };
}
