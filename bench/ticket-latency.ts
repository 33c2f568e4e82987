/**
 * Host-side latency from the take-ticket request to the confirmed print, on the simulated printer at zero
 * line time (issue 9 §13): the full host path (API validation → queue reservation in SQLite → render →
 * DLE EOT pre-check → bytes over the memory pair → simulator prints → process-ID confirmation → settle).
 * Baseline in the same run: the driver alone printing the same ticket (no host, no database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SILENT_LOGGER } from '../common/logger';
import type { TicketPrinter } from '../drivers/devices/printer-types';
import { composeKiosk } from '../main/composition';
import { AdjustableClock } from '../main/host/clock/adjustable-clock';
import { loadConfig } from '../main/host/config/load-config';
import type { KioskConfig } from '../main/host/config/config-types';
import { buildTicketDocument } from '../main/host/queue/ticket-document';
import { summarize } from './stats';

const ALWAYS = ['00:00-24:00'];
const HOURS = { mon: ALWAYS, tue: ALWAYS, wed: ALWAYS, thu: ALWAYS, fri: ALWAYS, sat: ALWAYS, sun: ALWAYS };

export function benchConfig(): KioskConfig {
  const base = loadConfig({ env: {} });
  const business = (id: string, prefix: string) => ({ ...base.queue.businesses[0]!, id, prefix, dailyCap: 999, hours: HOURS, stopIssuingMinutesBeforeClose: 0, openOnHolidays: true });
  // The hall's own businesses stay (the service-guide catalogue names them, issue 16 §1); two always-open ones join.
  return { ...base, queue: { ...base.queue, ticketsPerMinute: 1_000_000, businesses: [...base.queue.businesses, business('bench-a', 'X'), business('bench-b', 'Y')], calendar: { holidays: [], workdays: [] } } };
}

export async function ticketLatency(count: number): Promise<{ host: number[]; driver: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-bench-'));
  const clock = new AdjustableClock();
  const config = benchConfig();
  const kiosk = composeKiosk({ config, dataDir, clock, log: SILENT_LOGGER, simLineTimeMs: 0 });
  await kiosk.start();
  try {
    const host: number[] = [];
    for (let i = 0; i < count; i++) {
      const businessId = i % 2 === 0 ? 'bench-a' : 'bench-b';
      const t0 = performance.now();
      const reply = await kiosk.api.handle({ kind: 'request', id: i, channel: 'queue:take-ticket', request: { businessId, requestId: `bench-${i}` } }, { via: 'ipc', clientId: 'bench' });
      host.push(performance.now() - t0);
      if (!reply.ok || (reply.result as { outcome: string }).outcome !== 'issued') throw new Error(`ticket ${i} not issued: ${JSON.stringify(reply)}`);
      kiosk.session.end('done');
    }
    const printer = kiosk.devices.forRole<TicketPrinter>('ticketPrinter')!;
    const business = config.queue.businesses[0]!;
    const driver: number[] = [];
    for (let i = 0; i < count; i++) {
      const document = buildTicketDocument({
        ticket: { number: `A${String((i % 999) + 1).padStart(3, '0')}`, day: '2026-11-23', peopleAhead: 3, estimatedWaitMinutes: 12 },
        business,
        hall: config.hall,
        issuedAtMs: clock.now(),
        jobId: `drv-${i}`,
      });
      const t0 = performance.now();
      const result = await printer.print(document);
      driver.push(performance.now() - t0);
      if (result.outcome !== 'confirmed') throw new Error(`driver print ${i}: ${JSON.stringify(result)}`);
    }
    return { host, driver };
  } finally {
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export { summarize };
