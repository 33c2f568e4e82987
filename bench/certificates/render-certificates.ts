/**
 * Certificate rendering time and size (issue 17 §2; not a `npm test` assertion, ARCHITECTURE.md §5): the real
 * worker pool (certificate-renderer.ts) on the host's clock, the built worker (`dist/main/certificate-render-
 * worker.mjs`) when it is there, else the TypeScript source through tsx (said in the row).
 * - cold: a fresh worker without warm-up: its start (font files read and parsed) and its first 1-page render;
 * - warm-up: a fresh worker with the default warm-up: its start, and the first citizen's render after it;
 * - warm: BENCH_CERT_RENDERS (default 10) renders each of the 1-page 个人参保证明 and 3-page 缴费历史, p50/p95,
 *   beside the same core on this thread (inline renderer) as the baseline; PDF sizes.
 * Run alone: `npx tsx bench/certificates/render-certificates.ts`.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CertificateDocument } from '../../common/certificate-document';
import { createCertificateRenderer, type CertificateRenderer, type RenderResult } from '../../main/host/certificates/render/certificate-renderer';
import { createInlineCertificateRenderer } from '../../main/host/certificates/render/inline-certificate-renderer';
import { certificateRenderWorkerSpec } from '../../main/host/certificates/render/render-worker-spec';
import { socialInsurancePayments, socialInsuranceRecord } from '../../main/host/certificates/render/test-support/sample-certificates';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { ms, printTable, summarize, type Row } from '../stats';

const HOST_MODULE = new URL('../../dist/main/host.mjs', import.meta.url);

function workerSpec(): { spec: ReturnType<typeof certificateRenderWorkerSpec>; built: boolean } {
  const built = existsSync(new URL('./certificate-render-worker.mjs', HOST_MODULE));
  return { spec: built ? certificateRenderWorkerSpec(HOST_MODULE.href) : certificateRenderWorkerSpec(), built };
}

async function timed(render: () => Promise<RenderResult>): Promise<{ ms: number; bytes: number; pages: number }> {
  const started = performance.now();
  const result = await render();
  if (!result.ok) throw new Error(result.message);
  return { ms: performance.now() - started, bytes: result.pdf.byteLength, pages: result.pages };
}

async function timedStart(r: CertificateRenderer): Promise<number> {
  const started = performance.now();
  await r.start();
  return performance.now() - started;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export async function certificateRenderRows(renders = Number(process.env.BENCH_CERT_RENDERS ?? 10)): Promise<Row[]> {
  const clock = new AdjustableClock();
  const { spec, built } = workerSpec();
  const where = built ? 'built worker' : 'worker from TS source (not built)';
  const docs: Array<[string, () => CertificateDocument]> = [['1-page 个人参保证明', socialInsuranceRecord], ['3-page 缴费历史', socialInsurancePayments]];

  const cold = createCertificateRenderer({ clock, worker: spec, warmUp: false });
  const coldStart = await timedStart(cold);
  const coldFirst = await timed(() => cold.render(socialInsuranceRecord()));
  await cold.dispose();

  const warmed = createCertificateRenderer({ clock, worker: spec });
  const warmStart = await timedStart(warmed);
  const afterWarmUp = await timed(() => warmed.render(socialInsuranceRecord()));

  const inline = createInlineCertificateRenderer();
  await inline.render(socialInsuranceRecord()); // fonts and JIT warm, as the worker's warm-up does

  const rows: Row[] = [
    { benchmark: `certificate render, cold (${where})`, measure: 'worker start / first render', result: `${ms(coldStart)} / ${ms(coldFirst.ms)}`, baseline: 'fonts read + parsed at start', target: '', verdict: '' },
    { benchmark: '  with the warm-up render at worker start (default)', measure: 'worker start / first render', result: `${ms(warmStart)} / ${ms(afterWarmUp.ms)}`, baseline: `cold first render ${ms(coldFirst.ms)}`, target: '', verdict: `${(coldFirst.ms / afterWarmUp.ms).toFixed(2)}× faster` },
  ];
  for (const [name, make] of docs) {
    const inWorker: number[] = [];
    const onThread: number[] = [];
    let last = { bytes: 0, pages: 0 };
    for (let i = 0; i < renders; i++) {
      const w = await timed(() => warmed.render(make()));
      inWorker.push(w.ms);
      last = w;
      onThread.push((await timed(() => inline.render(make()))).ms);
    }
    const w = summarize(inWorker);
    const t = summarize(onThread);
    rows.push({ benchmark: `certificate render, warm: ${name} (${renders} renders)`, measure: 'p50 / p95', result: `${ms(w.p50)} / ${ms(w.p95)}`, baseline: `same core on this thread ${ms(t.p50)} / ${ms(t.p95)}`, target: '', verdict: `${(w.p50 / t.p50).toFixed(2)}× the baseline` });
    rows.push({ benchmark: '', measure: 'PDF size / pages', result: `${kib(last.bytes)} / ${last.pages}`, baseline: 'font files 19.0 + 20.1 MB (subset embedded)', target: '', verdict: '' });
  }
  await warmed.dispose();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(await certificateRenderRows());
}
