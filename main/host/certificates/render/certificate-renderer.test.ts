import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../common/manual-clock';
import { tsWorkerSpec } from '../../face/worker-spec';
import { DEFAULT_CERTIFICATE_FONTS } from './certificate-fonts';
import { createCertificateRenderer, type CertificateRenderer, type CertificateRendererOptions, type RenderResult } from './certificate-renderer';
import { createInlineCertificateRenderer } from './inline-certificate-renderer';
import { pdfText } from './test-support/poppler';
import { SAMPLE_HOLDER, socialInsurancePayments, socialInsuranceRecord } from './test-support/sample-certificates';

const silent = tsWorkerSpec(new URL('./test-support/silent-render-worker.ts', import.meta.url));

let renderer: CertificateRenderer | null = null;
const workers: Worker[] = [];
afterEach(async () => {
  await renderer?.dispose();
  renderer = null;
  workers.length = 0;
});

function make(options: Partial<CertificateRendererOptions> = {}): CertificateRenderer {
  renderer = createCertificateRenderer({ clock: new ManualClock(), warmUp: false, onWorkerStarted: (w) => workers.push(w), ...options });
  return renderer;
}

const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

function pdfOf(result: RenderResult): Uint8Array {
  if (!result.ok) throw new Error(`render failed: ${result.message}`);
  return result.pdf;
}

// Each test starts real workers (tsx compiles the worker's sources in each); a loaded machine takes tens of seconds.
describe('certificate renderer (one worker)', { timeout: 120_000 }, () => {
  it('renders three certificates in turn with fonts read once, in the worker, after a warm-up', async () => {
    const r = make({ warmUp: true });
    const results = await Promise.all([r.render(socialInsuranceRecord()), r.render(socialInsurancePayments()), r.render(socialInsuranceRecord())]);
    expect(results.map((x) => (x.ok ? x.pages : x.message))).toEqual([1, 3, 1]);
    expect(await pdfText(pdfOf(results[1] as RenderResult), 3)).toContain('第 3 页 / 共 3 页');
    expect(await pdfText(pdfOf(results[0] as RenderResult))).toContain(SAMPLE_HOLDER.idNumber);
    expect(r.stats()).toMatchObject({ rendered: 3, failed: 0, workerStarts: 1, restarts: 0, fontLoads: 1, queued: 0, inFlight: false });
    expect(r.stats().warmUpMs).toBeGreaterThan(0);
  });

  it('refuses an invalid document at once, naming the field, without troubling the worker', async () => {
    const r = make();
    const doc = socialInsuranceRecord();
    doc.verification.url = 'ftp://verify.example.gov.cn/v';
    expect(await r.render(doc)).toMatchObject({ ok: false, code: 'invalidDocument', field: 'verification.url', message: expect.stringMatching(/^证明内容有误（verification\.url）：.+ \/ invalid certificate/) });
    expect(r.stats().workerStarts).toBe(0);
  });

  it('answers a render that fails in the worker with its message, and the next render works on the same worker', async () => {
    const r = make();
    const rare = socialInsuranceRecord();
    rare.holder.name = '王\u{2A6D6}';
    expect(await r.render(rare)).toMatchObject({ ok: false, code: 'invalidDocument', field: 'holder.name', message: expect.stringContaining('U+2A6D6') });
    expect((await r.render(socialInsuranceRecord())).ok).toBe(true);
    expect(r.stats()).toMatchObject({ rendered: 1, failed: 1, workerStarts: 1, fontLoads: 1 });
  });

  it('replaces a worker killed during a render: that render fails as crashed, the next works with fonts read once by the new worker', async () => {
    const r = make();
    await r.start();
    const first = workers[0] as Worker;
    const pending = r.render(socialInsurancePayments()); // posted at once: the worker is ready and idle
    expect(r.stats().inFlight).toBe(true);
    await first.terminate();
    expect(await pending).toMatchObject({ ok: false, code: 'crashed', message: expect.stringContaining('证明生成程序意外退出 / the render worker exited') });
    const next = await r.render(socialInsuranceRecord());
    expect(next).toMatchObject({ ok: true, pages: 1 });
    expect(workers).toHaveLength(2);
    expect(r.stats()).toMatchObject({ workerStarts: 2, restarts: 1, fontLoads: 1, rendered: 1, failed: 1 });
  });

  it('replaces a worker killed while idle', async () => {
    const r = make();
    expect((await r.render(socialInsuranceRecord())).ok).toBe(true);
    await (workers[0] as Worker).terminate();
    await until(() => workers.length === 2);
    expect((await r.render(socialInsuranceRecord())).ok).toBe(true);
    expect(r.stats()).toMatchObject({ workerStarts: 2, restarts: 1, rendered: 2 });
  });

  it('answers fontMissing, in both languages, when the font file is not there, and keeps answering', async () => {
    const r = make({ fonts: { ...DEFAULT_CERTIFICATE_FONTS, regular: { path: '/nonexistent/font.ttc', postscriptName: 'NotoSansCJKsc-Regular' } } });
    for (let i = 0; i < 2; i++) {
      expect(await r.render(socialInsuranceRecord())).toMatchObject({ ok: false, code: 'fontMissing', message: expect.stringMatching(/^证明字体无法读取：\/nonexistent\/font\.ttc.* \/ the certificate font cannot be read/) });
    }
    expect(r.stats()).toMatchObject({ workerStarts: 1, fontLoads: 0 });
  });

  it('bounds each render by timeoutMs on the clock: a hung worker is ended and replaced, and the queue goes on', async () => {
    const clock = new ManualClock();
    const r = make({ clock, worker: silent, timeoutMs: 5000, maxRestarts: 1 });
    const a = r.render(socialInsuranceRecord());
    const b = r.render(socialInsuranceRecord());
    const c = r.render(socialInsuranceRecord());
    await until(() => r.stats().inFlight);
    expect(r.stats().queued).toBe(2);
    clock.advance(4999);
    expect(r.stats().inFlight).toBe(true);
    clock.advance(1);
    expect(await a).toMatchObject({ ok: false, code: 'timeout', message: '证明生成超时（5000 毫秒） / the certificate was not rendered within 5000 ms' });
    await until(() => r.stats().inFlight); // b on the second worker
    expect(workers).toHaveLength(2);
    clock.advance(5000);
    expect(await b).toMatchObject({ ok: false, code: 'timeout' });
    // Two faults in a row with maxRestarts 1: what is queued fails at once rather than waiting on a third worker.
    expect(await c).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringContaining(' / the certificate renderer is unavailable') });
    // A later request tries a fresh worker.
    const d = r.render(socialInsuranceRecord());
    await until(() => r.stats().inFlight);
    expect(workers).toHaveLength(3);
    await r.dispose();
    expect(await d).toMatchObject({ ok: false, code: 'disposed' });
  });
});

describe('inline certificate renderer', { timeout: 120_000 }, () => {
  it('renders on the calling thread with the same core, fonts read once', async () => {
    const inline = createInlineCertificateRenderer();
    const [a, b] = [await inline.render(socialInsuranceRecord()), await inline.render(socialInsurancePayments())];
    expect([a.ok && a.pages, b.ok && b.pages]).toEqual([1, 3]);
    expect(inline.fontLoads()).toBe(1);
  });
});
