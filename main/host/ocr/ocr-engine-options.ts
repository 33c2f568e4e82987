/**
 * Where the OCR engine gets everything it loads (issue 17 §4 "offline"): the traineddata from a local folder
 * (Debian's tesseract-ocr-chi-sim and tesseract-ocr-eng by default, read uncompressed), the Tesseract core wasm
 * from node_modules/tesseract.js-core (tesseract.js in Node requires it from there whatever corePath says; the
 * path is given anyway so a look at the options shows it), the worker script from node_modules/tesseract.js.
 * No cache is read or written (cacheMethod none): nothing lands in the working folder. Without langPath
 * tesseract.js would fetch from a CDN; `tesseractWorkerOptions` refuses any path that is not a local folder.
 */
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';

/** Debian 12 tesseract-ocr-* packages. */
export const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
/** chi_sim alone: it reads Latin letters and digits itself, and adding eng turns some names into Latin (蒋杰强 → FEN). */
export const DEFAULT_LANGUAGES: readonly string[] = ['chi_sim'];

const require = createRequire(import.meta.url);

/** node_modules/tesseract.js-core, where the wasm builds are. */
export function tesseractCoreFolder(): string {
  return dirname(require.resolve('tesseract.js-core/package.json'));
}

/** tesseract.js's Node worker script (run in a worker_thread). */
export function tesseractWorkerScript(): string {
  return join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js');
}

/** True for an absolute file-system path, false for a URL of any scheme (http:, https:, file:, data:, …). */
export function isLocalFolder(path: string): boolean {
  return isAbsolute(path) && !/^[a-z][a-z0-9+.-]*:/i.test(path);
}

export interface TesseractWorkerPaths {
  langPath: string;
  corePath: string;
  workerPath: string;
  gzip: false;
  cacheMethod: 'none';
}

export function tesseractWorkerOptions(langPath: string): TesseractWorkerPaths {
  const options: TesseractWorkerPaths = { langPath, corePath: tesseractCoreFolder(), workerPath: tesseractWorkerScript(), gzip: false, cacheMethod: 'none' };
  for (const key of ['langPath', 'corePath', 'workerPath'] as const) {
    if (!isLocalFolder(options[key])) throw new Error(`OCR ${key} must be a local absolute path, not ${options[key]}`);
  }
  return options;
}
