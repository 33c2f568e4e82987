/**
 * Which real device a hardware contract suite runs on (ARCHITECTURE.md §5): `KIOSK_HW_<ROLE>` names the
 * transport, `KIOSK_HW_<ROLE>_MODEL` the models.ts row (README "Hardware contract suites"):
 *
 *   KIOSK_HW_TICKETPRINTER=usblp:/dev/usb/lp0
 *   KIOSK_HW_TICKETPRINTER=serial:/dev/ttyUSB0@9600        (optionally /rtscts, /dtrdsr or /xonxoff)
 *   KIOSK_HW_TICKETPRINTER=tcp:10.0.0.5:9100
 *   KIOSK_HW_TICKETPRINTER_MODEL=epson-tm-t88               (default generic-escpos-80)
 */
import type { DeviceRole, TransportConfig } from '../../common/device';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { TcpTransport } from '../../drivers/transport/tcp-transport';
import type { Transport } from '../../drivers/transport/transport';
import { UsblpTransport } from '../../drivers/transport/usblp-transport';

export type HwTransportConfig = Extract<TransportConfig, { kind: 'usblp' | 'serial' | 'tcp' }>;

export interface HwTarget {
  role: DeviceRole;
  transport: HwTransportConfig;
  model: string;
}

/** KIOSK_HW_TICKETPRINTER for ticketPrinter. */
export const hwVariable = (role: DeviceRole): string => `KIOSK_HW_${role.toUpperCase()}`;

const FLOW = ['none', 'rtscts', 'dtrdsr', 'xonxoff'] as const;

/** Reads one `KIOSK_HW_<ROLE>` value; throws with the accepted forms when it is none of them. */
export function parseHwTransport(spec: string): HwTransportConfig {
  const usblp = /^usblp:(\/\S+)$/u.exec(spec);
  if (usblp) return { kind: 'usblp', path: usblp[1]! };
  const serial = /^serial:(\/\S+?)@(\d+)(?:\/(\w+))?$/u.exec(spec);
  if (serial) {
    const flow = serial[3] ?? 'none';
    if (!(FLOW as readonly string[]).includes(flow)) throw new Error(`flow control "${flow}" is none of ${FLOW.join(', ')}`);
    return { kind: 'serial', path: serial[1]!, baudRate: Number(serial[2]), flowControl: flow as (typeof FLOW)[number] };
  }
  const tcp = /^tcp:([^\s:]+):(\d{1,5})$/u.exec(spec);
  if (tcp && Number(tcp[2]) >= 1 && Number(tcp[2]) <= 65535) return { kind: 'tcp', host: tcp[1]!, port: Number(tcp[2]) };
  throw new Error(`"${spec}" names no device; write usblp:/dev/usb/lp0, serial:/dev/ttyUSB0@9600[/rtscts|/dtrdsr|/xonxoff] or tcp:10.0.0.5:9100`);
}

/** The target the environment names for `role`, or null when the variable is not set. */
export function hwTarget(role: DeviceRole, env: Record<string, string | undefined> = process.env): HwTarget | null {
  const spec = env[hwVariable(role)];
  if (spec === undefined || spec === '') return null;
  return { role, transport: parseHwTransport(spec), model: env[`${hwVariable(role)}_MODEL`] || 'generic-escpos-80' };
}

export function transportFor(config: HwTransportConfig): Transport {
  switch (config.kind) {
    case 'usblp':
      return new UsblpTransport({ path: config.path });
    case 'serial':
      return new SerialTransport({ path: config.path, baudRate: config.baudRate, flowControl: config.flowControl });
    case 'tcp':
      return new TcpTransport({ host: config.host, port: config.port });
  }
}
