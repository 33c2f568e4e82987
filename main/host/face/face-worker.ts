/**
 * The face worker (worker_threads; ARCHITECTURE.md §8.9): face-api's tinyFaceDetector and faceLandmark68Net on
 * each frame sent by face-analyzer.ts, one at a time, answering boxes, scores, landmarks and eye contrast; and
 * JPEG encoding of the frame the platform gets (jpeg-js). Every pixel buffer received is zeroed once used (§8.7);
 * nothing is logged or written.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { eyeContrast } from './eye-contrast';
import { loadFaceApi, type FaceApi } from './face-api-loader';
import type { FromWorker, ToWorker, WorkerData } from './face-worker-protocol';
import type { FaceObservation } from './face-types';

const require = createRequire(import.meta.url);
const jpeg = require('jpeg-js') as { encode(img: { data: Uint8Array; width: number; height: number }, quality: number): { data: Uint8Array } };

const port = parentPort;
if (port === null) throw new Error('face-worker.ts runs as a worker thread');
const settings = (workerData as WorkerData).detector;

const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function analyse(faceapi: FaceApi, msg: Extract<ToWorker, { type: 'analyse' }>): Promise<void> {
  const started = performance.now();
  const pixels = new Uint8Array(msg.pixels);
  let rgb = pixels;
  if (msg.channels === 4) {
    rgb = new Uint8Array(msg.width * msg.height * 3);
    for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
      rgb[j] = pixels[i] as number;
      rgb[j + 1] = pixels[i + 1] as number;
      rgb[j + 2] = pixels[i + 2] as number;
    }
  }
  const tensor = faceapi.tf.tensor3d(rgb, [msg.height, msg.width, 3], 'int32');
  try {
    const options = new faceapi.TinyFaceDetectorOptions(settings);
    const results = await faceapi.detectAllFaces(tensor, options).withFaceLandmarks();
    const faces: FaceObservation[] = results.map((r) => {
      const landmarks = r.landmarks.positions.map((p) => ({ x: p.x, y: p.y }));
      const { x, y, width, height } = r.detection.box;
      return { box: { x, y, width, height }, score: r.detection.score, landmarks, eyeContrast: eyeContrast(rgb, msg.width, msg.height, 3, landmarks) };
    });
    send({ type: 'result', id: msg.id, faces, ms: performance.now() - started });
  } finally {
    tensor.dispose();
    rgb.fill(0);
    pixels.fill(0);
  }
}

function encode(msg: Extract<ToWorker, { type: 'encodeJpeg' }>): void {
  const pixels = new Uint8Array(msg.pixels);
  const rgba = new Uint8Array(msg.width * msg.height * 4);
  for (let i = 0, j = 0; j < rgba.length; i += msg.channels, j += 4) {
    rgba[j] = pixels[i] as number;
    rgba[j + 1] = pixels[i + 1] as number;
    rgba[j + 2] = pixels[i + 2] as number;
    rgba[j + 3] = 255;
  }
  pixels.fill(0);
  const out = jpeg.encode({ data: rgba, width: msg.width, height: msg.height }, msg.quality).data;
  rgba.fill(0);
  const bytes = new Uint8Array(out); // a copy owning its buffer, so it can be transferred
  out.fill(0);
  send({ type: 'jpeg', id: msg.id, jpeg: bytes.buffer }, [bytes.buffer]);
}

const { faceapi, backend } = await loadFaceApi();
port.on('message', (msg: ToWorker) => {
  const job = msg.type === 'analyse' ? analyse(faceapi, msg) : Promise.resolve().then(() => encode(msg));
  job.catch((err: unknown) => {
    new Uint8Array(msg.pixels).fill(0);
    send({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
  });
});
send({ type: 'ready', backend });
