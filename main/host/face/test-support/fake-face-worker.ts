/**
 * A stand-in face worker for the analyzer's tests (face-analyzer.test.ts): the real protocol, no model. A frame
 * 1 pixel wide is never answered (a hung worker), one 2 pixels wide kills the thread (a crash); any other is
 * answered at once with one face whose score is the first pixel byte / 255.
 */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../face-worker-protocol';

const port = parentPort;
if (port === null) throw new Error('a worker thread');
const send = (m: FromWorker): void => port.postMessage(m);
port.on('message', (msg: ToWorker) => {
  const pixels = new Uint8Array(msg.pixels);
  if (msg.width === 1) return;
  if (msg.width === 2) process.exit(3);
  if (msg.type === 'encodeJpeg') {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xd9);
    return port.postMessage({ type: 'jpeg', id: msg.id, jpeg: jpeg.buffer } satisfies FromWorker, [jpeg.buffer]);
  }
  const score = (pixels[0] ?? 0) / 255;
  pixels.fill(0);
  send({ type: 'result', id: msg.id, faces: [{ box: { x: 0, y: 0, width: msg.width, height: msg.height }, score, landmarks: [] }], ms: 1 });
});
send({ type: 'ready', backend: 'fake' });
