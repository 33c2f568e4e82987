/**
 * `npm run bench`: the benchmarks of issues 9, 13, 14 (item 12) and 16 (§3) as one table, each against a baseline
 * measured in the same run. Sizes: BENCH_TICKETS (default 1000), BENCH_ENCODE (default 20000), BENCH_COLD_RUNS
 * (default 5), BENCH_HEAP_TICKETS (default 10000), BENCH_IDENTITY (default 200 card reads), BENCH_HEAP_SESSIONS
 * (default 1000 identity sessions), BENCH_FACE_SECONDS (default 10), BENCH_FACE_FRAMES (no cap by default) and
 * BENCH_GUIDES_SIZES (default 20000,160000 synthetic guide items; guides-search.ts).
 */
import { certificateIssueRows } from './certificates/issue-latency';
import { certificateRenderRows } from './certificates/render-certificates';
import { coldStart } from './cold-start';
import { ocrRows } from './ocr/ocr-benchmark';
import { heapGrowth, idleMemory } from './memory';
import { encodeThroughput } from './encode-throughput';
import { faceThroughput } from './face-throughput';
import { guideSearchRows } from './guides-search';
import { identityLatency, POLL_INTERVAL_MS } from './identity-latency';
import { identityHeapGrowth } from './identity-memory';
import { ms, printTable, summarize, type Row } from './stats';
import { ticketLatency } from './ticket-latency';

const tickets = Number(process.env.BENCH_TICKETS ?? 1000);
const encodes = Number(process.env.BENCH_ENCODE ?? 20000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 5);
const heapTickets = Number(process.env.BENCH_HEAP_TICKETS ?? 10_000);
const identityReads = Number(process.env.BENCH_IDENTITY ?? 200);
const heapSessions = Number(process.env.BENCH_HEAP_SESSIONS ?? 1000);
const faceSeconds = Number(process.env.BENCH_FACE_SECONDS ?? 10);
const faceFrames = Number(process.env.BENCH_FACE_FRAMES ?? Infinity);
const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(2)} MiB`;
/** Heap growth the simulator's kept tickets (≤ 500, about 1 MiB) and V8's warm-up explain. */
const HEAP_NOISE_BYTES = 2 * 1_048_576;
/** Identity sessions keep nothing (issue 14 §7): what is left is V8's warm-up after only 10 sessions. */
const IDENTITY_HEAP_NOISE_BYTES = 1_048_576;

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

// Issue 14 item 12, row 1: card laid → identified at 115200 Bd (simulated), timed from the find that saw the
// card: the reader's poll wait (model row 1000 ms) is its cadence, not host work (identity-latency.ts).
const id = await identityLatency(identityReads);
const fromFind = summarize(id.fromFind);
const sim = summarize(id.simulated);
const over = summarize(id.overhead);
const late = summarize(id.timerLateness);
const laid = summarize(id.fromLaid);
const w = id.wait;
rows.push({ benchmark: `card laid → identified (${identityReads} reads, sim 115200 Bd, default timing)`, measure: 'find → identified p50', result: ms(fromFind.p50), baseline: `sim waits ${ms(sim.p50)}: reply wire ${w.replyBytes} B ${ms(w.replyWireMs)} + processing ${ms(w.processingMs)}`, target: '', verdict: `${(fromFind.p50 / sim.p50).toFixed(3)}× the sim waits` });
rows.push({ benchmark: `  ${id.commands.join(' → ')}; poll wait excluded`, measure: 'p95', result: ms(fromFind.p95), baseline: `requests ${w.requestBytes} B ${ms(w.requestWireMs)} on a real line (not simulated)`, target: '', verdict: `${(fromFind.p95 / sim.p95).toFixed(3)}× the sim waits` });
rows.push({ benchmark: '', measure: 'host overhead p50 / p95', result: `${ms(over.p50)} / ${ms(over.p95)}`, baseline: `timer rounding alone ${ms(late.p50)} / ${ms(late.p95)} (${id.timerLateness.length} chains)`, target: 'p95 < 30 ms', verdict: over.p95 < 30 ? 'met' : 'MISSED' });
rows.push({ benchmark: '', measure: 'card laid → identified p50 / p95', result: `${ms(laid.p50)} / ${ms(laid.p95)}`, baseline: `with a ${POLL_INTERVAL_MS} ms poll here; the model's 1000 ms adds 0–1000 ms`, target: '', verdict: '' });

// Issue 14 item 12, row 3: heap after BENCH_HEAP_SESSIONS identity sessions beside after 10 (identity-memory.ts).
const idHeap = await identityHeapGrowth(heapSessions, 10);
const idGrown = idHeap.lateBytes - idHeap.earlyBytes;
rows.push({ benchmark: `host heap after ${heapSessions} identity sessions (after a full GC)`, measure: 'heapUsed', result: `${mib(idHeap.lateBytes)} (${idGrown >= 0 ? '+' : ''}${mib(idGrown)})`, baseline: `after 10 sessions ${mib(idHeap.earlyBytes)}`, target: `growth < ${mib(IDENTITY_HEAP_NOISE_BYTES)}`, verdict: idGrown < IDENTITY_HEAP_NOISE_BYTES ? 'met' : 'MISSED' });

// Issue 14 item 12, row 2: face detection + liveness frames per second in the worker (face-throughput.ts).
const face = await faceThroughput(faceSeconds, faceFrames);
const workerAlone = 1000 / face.workerMs;
rows.push({ benchmark: `face detection + liveness in the worker (sim live scene, ${face.seconds.toFixed(1)} s, ${face.backend ?? '?'})`, measure: 'frames/s', result: `${face.perSecond.toFixed(1)} (${face.frames} frames, ${face.passed} passed, ${face.failed} failed)`, baseline: `worker alone ${workerAlone.toFixed(1)}/s (${ms(face.workerMs)}/frame; render ${ms(face.renderMs)})`, target: '≥ 5/s', verdict: `${(face.perSecond / workerAlone).toFixed(2)}× the baseline, ${face.perSecond >= 5 ? 'met' : 'MISSED'}` });

// Issue 16 §3: guide search quality, latency, build time and memory beside MiniSearch and FlexSearch.
rows.push(...(await guideSearchRows()));

// Issue 17 §2, §4: certificate rendering (worker, cold and warm), chosen → printed, and offline OCR beside the native CLI.
rows.push(...(await certificateRenderRows()));
rows.push(...(await certificateIssueRows()));
rows.push(...(await ocrRows()));

const cold = await coldStart(coldRuns);
const c = summarize(cold.start);
const bare = summarize(cold.bareNode);
rows.push({ benchmark: `cold start npm start -- --headless (${coldRuns} runs)`, measure: 'median / max', result: `${ms(c.p50)} / ${ms(c.max)}`, baseline: `bare node ${ms(bare.p50)}`, target: 'max < 3000 ms', verdict: c.max < 3000 ? 'met' : 'MISSED' });

printTable(rows);
clearInterval(keepAlive);
