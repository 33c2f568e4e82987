/**
 * Certificate chosen → PDF rendered → job `completed` on the simulated A4 printer (issue 17 §4 "Benchmark
 * rows"), through the composed host's own pieces: the PDF worker, the issuance journal (intent, sending,
 * accepted, issued on SQLite with synchronous FULL) and the IPP driver talking to the IPP simulator over
 * loopback at 0 ms a page. Baseline in the same run: the worker's render alone, so the row says what printing
 * exactly once adds. Not a `npm test` assertion (ARCHITECTURE.md §5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SILENT_LOGGER } from '../../common/logger';
import { composeKiosk } from '../../main/composition';
import { newIssuanceId } from '../../main/host/certificates/issuance-journal';
import { socialInsuranceRecord } from '../../main/host/certificates/render/test-support/sample-certificates';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { ms, summarize, type Row } from '../stats';
import { benchConfig } from '../ticket-latency';

export async function certificateIssueRows(count = Number(process.env.BENCH_CERT_ISSUES ?? 20)): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-bench-cert-'));
  const kiosk = composeKiosk({ config: benchConfig(), dataDir, clock: new AdjustableClock(), log: SILENT_LOGGER, simLineTimeMs: 0 });
  await kiosk.start();
  try {
    const { renderer, issuer } = kiosk.certificates;
    await renderer.start();
    const whole: number[] = [];
    const renderOnly: number[] = [];
    for (let i = 0; i < count; i++) {
      const issuanceId = newIssuanceId();
      const t0 = performance.now();
      const rendered = await renderer.render({ ...socialInsuranceRecord(), issuanceId });
      const t1 = performance.now();
      if (!rendered.ok) throw new Error(rendered.message);
      const outcome = await issuer.issue({
        requestId: `bench-${i}`,
        sessionId: 'bench',
        prepared: { issuanceId, kind: 'socialInsuranceRecord', certificateId: `C20261202${String(i).padStart(6, '0')}`, idHmac: 'b'.repeat(64), pdf: rendered.pdf, pages: rendered.pages },
      });
      whole.push(performance.now() - t0);
      renderOnly.push(t1 - t0);
      if (outcome.outcome !== 'issued') throw new Error(`certificate ${i} not issued: ${outcome.outcome}`);
    }
    const w = summarize(whole);
    const r = summarize(renderOnly);
    return [
      { benchmark: `certificate chosen → PDF → job completed (${count}, sim IPP 0 ms/page)`, measure: 'p50', result: ms(w.p50), baseline: `render alone ${ms(r.p50)}`, target: '', verdict: `${(w.p50 / r.p50).toFixed(2)}× render alone` },
      { benchmark: '', measure: 'p95', result: ms(w.p95), baseline: `render alone ${ms(r.p95)}`, target: '', verdict: `${(w.p95 / r.p95).toFixed(2)}× render alone` },
    ];
  } finally {
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
