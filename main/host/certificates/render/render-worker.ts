/**
 * The certificate render worker (worker_threads; ARCHITECTURE.md §8.9; issue 17 §2): reads and parses its font
 * files once when it starts, draws a warm-up certificate, then renders each document it is sent, one at a time,
 * with those same fonts. A font missing at start is reported with `ready` and tried again at each render (a
 * technician may install it meanwhile). Nothing is logged or written; the PDF bytes are moved to the host.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCertificateFonts, type CertificateFonts } from './certificate-fonts';
import { renderCertificatePdf } from './certificate-pdf';
import { renderFailure } from './certificate-render-error';
import type { FromRenderWorker, RenderWorkerData, ToRenderWorker } from './render-worker-protocol';
import { WARM_UP_DOCUMENT } from './warm-up-document';

const port = parentPort;
if (port === null) throw new Error('render-worker.ts runs as a worker thread');
const settings = workerData as RenderWorkerData;
const options = { training: settings.training };

let fonts: CertificateFonts | null = null;
let fontLoads = 0;

function ensureFonts(): CertificateFonts {
  if (fonts === null) {
    fonts = loadCertificateFonts(settings.fonts);
    fontLoads++;
  }
  return fonts;
}

const send = (message: FromRenderWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** The PDF's bytes in an ArrayBuffer of their own, to transfer. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}

let jobs: Promise<void> = Promise.resolve();

async function render(msg: ToRenderWorker): Promise<void> {
  const started = performance.now();
  try {
    const result = await renderCertificatePdf(msg.document, ensureFonts(), options);
    const pdf = ownBuffer(result.pdf);
    send({ type: 'rendered', id: msg.id, pdf, pages: result.pages, qr: result.qr, ms: performance.now() - started, fontLoads }, [pdf]);
  } catch (err) {
    const { code, message, field } = renderFailure(err);
    send(field === undefined ? { type: 'failed', id: msg.id, code, message, fontLoads } : { type: 'failed', id: msg.id, code, message, field, fontLoads });
  }
}

let fontError: string | undefined;
let warmUpMs: number | undefined;
try {
  ensureFonts();
} catch (err) {
  fontError = renderFailure(err).message;
}
if (fonts !== null && settings.warmUp) {
  const started = performance.now();
  // A warm-up that fails costs nothing but the warmth: the first real render reports its own failure.
  warmUpMs = await renderCertificatePdf(WARM_UP_DOCUMENT, fonts, { training: false }).then(
    () => performance.now() - started,
    () => undefined,
  );
}
port.on('message', (msg: ToRenderWorker) => {
  jobs = jobs.then(() => render(msg));
});
send({ type: 'ready', fontLoads, ...(fontError === undefined ? {} : { fontError }), ...(warmUpMs === undefined ? {} : { warmUpMs }) });
