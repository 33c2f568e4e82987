/**
 * `npm run bench`: the benchmarks of issues 9 and 13 as one table, each against a baseline measured in the
 * same run. Sizes: BENCH_TICKETS (default 1000), BENCH_ENCODE (default 20000), BENCH_COLD_RUNS (default 5),
 * BENCH_HEAP_TICKETS (default 10000).
 */
import { coldStart } from './cold-start';
import { heapGrowth, idleMemory } from './memory';
import { encodeThroughput } from './encode-throughput';
import { ms, printTable, summarize, type Row } from './stats';
import { ticketLatency } from './ticket-latency';

const tickets = Number(process.env.BENCH_TICKETS ?? 1000);
const encodes = Number(process.env.BENCH_ENCODE ?? 20000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 5);
const heapTickets = Number(process.env.BENCH_HEAP_TICKETS ?? 10_000);
const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(2)} MiB`;
/** Heap growth the simulator's kept tickets (≤ 500, about 1 MiB) and V8's warm-up explain. */
const HEAP_NOISE_BYTES = 2 * 1_048_576;

// The host's clock unrefs its timers (a composed kiosk never holds a process open by itself); here nothing
// else does while a ticket waits on that clock, so hold the process open until the table is printed.
const keepAlive = setInterval(() => undefined, 60_000);
const rows: Row[] = [];
const latency = await ticketLatency(tickets);
const host = summarize(latency.host);
const driver = summarize(latency.driver);
rows.push({ benchmark: `take ticket → confirmed print (${tickets}, sim 0 ms/line)`, measure: 'p50', result: ms(host.p50), baseline: `driver alone ${ms(driver.p50)}`, target: '', verdict: '' });
rows.push({ benchmark: '', measure: 'p95', result: ms(host.p95), baseline: `driver alone ${ms(driver.p95)}`, target: '< 20 ms', verdict: host.p95 < 20 ? 'met' : 'MISSED' });
rows.push({ benchmark: '', measure: 'p99 / max', result: `${ms(host.p99)} / ${ms(host.max)}`, baseline: `driver alone ${ms(driver.p99)} / ${ms(driver.max)}`, target: '', verdict: '' });

const enc = encodeThroughput(encodes);
const encRatio = enc.ours / enc.published;
rows.push({ benchmark: `ticket encoding (${encodes} tickets, same ticket)`, measure: 'tickets/s', result: `${Math.round(enc.ours)} (${enc.oursBytes} B)`, baseline: `@node-escpos/core ${Math.round(enc.published)} (${enc.publishedBytes} B)`, target: '≥ 1× the baseline', verdict: `${encRatio.toFixed(2)}× ${encRatio >= 1 ? 'met' : 'MISSED'}` });

const idle = await idleMemory();
rows.push({ benchmark: 'host resident memory at idle (headless, 3 s after ready)', measure: 'VmRSS', result: mib(idle.hostKb * 1024), baseline: `empty Node HTTP server ${mib(idle.emptyServerKb * 1024)}`, target: '', verdict: `${(idle.hostKb / idle.emptyServerKb).toFixed(2)}×` });
const heap = await heapGrowth(heapTickets, 100);
const grown = heap.lateBytes - heap.earlyBytes;
rows.push({ benchmark: `host heap after ${heapTickets} tickets (after a full GC)`, measure: 'heapUsed', result: `${mib(heap.lateBytes)} (${grown >= 0 ? '+' : ''}${mib(grown)})`, baseline: `after 100 tickets ${mib(heap.earlyBytes)}`, target: `growth < ${mib(HEAP_NOISE_BYTES)}`, verdict: grown < HEAP_NOISE_BYTES ? 'met' : 'MISSED' });

const cold = await coldStart(coldRuns);
const c = summarize(cold.start);
const bare = summarize(cold.bareNode);
rows.push({ benchmark: `cold start npm start -- --headless (${coldRuns} runs)`, measure: 'median / max', result: `${ms(c.p50)} / ${ms(c.max)}`, baseline: `bare node ${ms(bare.p50)}`, target: 'max < 3000 ms', verdict: c.max < 3000 ? 'met' : 'MISSED' });

printTable(rows);
clearInterval(keepAlive);
