/**
 * `npm run bench`: the issue 9 benchmarks as one table, each against a baseline measured in the same run.
 * Sizes: BENCH_TICKETS (default 1000), BENCH_ENCODE (default 20000), BENCH_COLD_RUNS (default 5).
 */
import { coldStart } from './cold-start';
import { encodeThroughput } from './encode-throughput';
import { ms, printTable, summarize, type Row } from './stats';
import { ticketLatency } from './ticket-latency';

const tickets = Number(process.env.BENCH_TICKETS ?? 1000);
const encodes = Number(process.env.BENCH_ENCODE ?? 20000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 5);

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
rows.push({ benchmark: `ticket encoding (${encodes} tickets, same ticket)`, measure: 'tickets/s', result: `${Math.round(enc.ours)} (${enc.oursBytes} B)`, baseline: `@node-escpos/core ${Math.round(enc.published)} (${enc.publishedBytes} B)`, target: '', verdict: `${(enc.ours / enc.published).toFixed(2)}×` });

const cold = await coldStart(coldRuns);
const c = summarize(cold.start);
const bare = summarize(cold.bareNode);
rows.push({ benchmark: `cold start npm start -- --headless (${coldRuns} runs)`, measure: 'median / max', result: `${ms(c.p50)} / ${ms(c.max)}`, baseline: `bare node ${ms(bare.p50)}`, target: 'max < 3000 ms', verdict: c.max < 3000 ? 'met' : 'MISSED' });

printTable(rows);
clearInterval(keepAlive);
