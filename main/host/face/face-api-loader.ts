/**
 * Loads @vladmandic/face-api in the face worker only (never on the host's thread, ARCHITECTURE.md §8.9): its
 * `dist/face-api.node-wasm.js` build, which uses the installed @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm
 * (never tfjs-node, which downloads a native library at install). The wasm binaries and the model weights come
 * from node_modules (`setWasmPaths` to the package's dist/ folder, `nets.*.loadFromDisk`), so nothing is fetched.
 * The package's own typings pull in DOM and WebGPU declarations, so only the few calls used here are typed.
 * Sources: face-api README "NodeJS" and demo/node-wasm.js; tfjs-backend-wasm README "Setting the WASM paths".
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Tensor3D {
  dispose(): void;
}

interface LoadableNet {
  loadFromDisk(path: string): Promise<void>;
}

export interface FaceApiPoint {
  x: number;
  y: number;
}

export interface FaceApiResult {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  landmarks: { positions: FaceApiPoint[] };
}

export interface FaceApi {
  tf: {
    tensor3d(values: Uint8Array | Int32Array, shape: [number, number, number], dtype: 'int32'): Tensor3D;
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    getBackend(): string;
  };
  nets: { tinyFaceDetector: LoadableNet; faceLandmark68Net: LoadableNet };
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => object;
  detectAllFaces(input: Tensor3D, options: object): { withFaceLandmarks(useTiny?: boolean): Promise<FaceApiResult[]> };
}

const require = createRequire(import.meta.url);

/** Loads the library, picks the wasm backend (the cpu backend if wasm fails) and loads the two models. */
export async function loadFaceApi(): Promise<{ faceapi: FaceApi; backend: string }> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
  // A plain path (usePlatformFetch left false): Emscripten reads the file from disk in Node.
  wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  let backend = 'wasm';
  try {
    if (!(await faceapi.tf.setBackend('wasm'))) throw new Error('wasm backend refused');
    await faceapi.tf.ready();
  } catch {
    backend = 'cpu';
    await faceapi.tf.setBackend('cpu');
    await faceapi.tf.ready();
  }
  const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  return { faceapi, backend: faceapi.tf.getBackend() || backend };
}
