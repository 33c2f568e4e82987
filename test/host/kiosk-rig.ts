/**
 * A composed host for tests (issue 9 §9): the real queue on SQLite in a temporary folder, the real driver and
 * the simulated printer, on an AdjustableClock set to a weekday morning, called the way both shells call it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import type { ApiChannel, ApiRequestOf, ApiResultOf } from '../../common/kiosk-api';
import type { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { composeKiosk, type Kiosk } from '../../main/composition';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import type { KioskConfig } from '../../main/host/config/config-types';
import { validateConfig } from '../../main/host/config/config-validate';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { loadConfig } from '../../main/host/config/load-config';

function editedDefault(edit: (config: Record<string, any>) => void): KioskConfig {
  const raw = JSON.parse(DEFAULT_CONFIG_JSON) as Record<string, any>;
  edit(raw);
  const checked = validateConfig(raw);
  if (!checked.ok) throw new Error(`test configuration invalid: ${JSON.stringify(checked.problems)}`);
  return checked.config;
}

// Monday 2026-11-23 10:00 in Shanghai: A (社保医保) is open.
export const MONDAY_10AM = Date.UTC(2026, 10, 23, 2, 0);

const kiosks: Array<{ kiosk: Kiosk; dir: string }> = [];
afterEach(async () => {
  for (const k of kiosks.splice(0)) {
    await k.kiosk.stop().catch(() => undefined);
    rmSync(k.dir, { recursive: true, force: true });
  }
});

/** `edit` changes the default configuration file's JSON before it is validated (a model, a driver option). */
export async function startHost(dir = mkdtempSync(join(tmpdir(), 'hallkiosk-host-')), lineMs = 2, edit?: (config: Record<string, any>) => void) {
  const clock = new AdjustableClock();
  clock.set(MONDAY_10AM);
  const config = edit ? editedDefault(edit) : loadConfig({ env: {} });
  const kiosk = composeKiosk({ config, dataDir: dir, clock, log: SILENT_LOGGER, simLineTimeMs: lineMs });
  await kiosk.start();
  const entry = { kiosk, dir };
  kiosks.push(entry);
  let id = 0;
  const call = async <C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> => {
    const reply = await kiosk.api.handle({ kind: 'request', id: ++id, channel, request }, { via: 'ipc', clientId: 'test' });
    if (!reply.ok) throw Object.assign(new Error(reply.error.code), { info: reply.error });
    return reply.result as ApiResultOf<C>;
  };
  const sim = kiosk.sims!.get('ticket-printer')!;
  const printer = kiosk.devices.forRole<EscPosPrinter>('ticketPrinter')!;
  /** Stops this host and keeps its data folder (a restart test starts a second host on it). */
  const stopKeepingData = async (): Promise<void> => {
    kiosks.splice(kiosks.indexOf(entry), 1);
    await kiosk.stop();
  };
  return { kiosk, call, sim, printer, clock, dir, stopKeepingData };
}

/**
 * Runs `action` once the next print job's bytes have been written to the printer: the driver's onSending
 * (which marks the ticket printing) fires just before the job's write, so the first write after it is the
 * job. No timers: the fault lands after the bytes went out, every run.
 */
export function afterJobBytesSent(host: Awaited<ReturnType<typeof startHost>>, action: () => void): void {
  const { kiosk, printer } = host;
  let jobStarting = false;
  const markSent = kiosk.queue.markSent.bind(kiosk.queue);
  kiosk.queue.markSent = (ticketId) => {
    jobStarting = true;
    return markSent(ticketId);
  };
  const send = printer.send.bind(printer);
  printer.send = async (...args: Parameters<typeof send>) => {
    await send(...args);
    if (!jobStarting) return;
    jobStarting = false;
    action();
  };
}
