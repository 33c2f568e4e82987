/**
 * The citizen's preview of a rendered certificate (issue 17 §2 "previews it"): one page of the PDF as a PNG,
 * rasterised by poppler's `pdftoppm` in a child process (off the event loop; pdfkit cannot rasterise). The PDF
 * goes in on stdin and the PNG comes out on stdout: nothing is written to disk. Bounded by `timeoutMs` on the
 * injected clock (the child is killed) and by `maxBytes`. Production needs Debian's poppler-utils.
 */
import { spawn } from 'node:child_process';
import type { Clock } from '../../../../common/clock';
import { bilingual } from '../../diagnostics/diagnostics-error';

export interface PreviewOptions {
  clock: Clock;
  /** 1-based page (default 1). */
  page?: number;
  /** Resolution (default 60 dpi: an A4 page is 496 × 702 px, enough for a screen preview). */
  dpi?: number;
  /** Default 10000 ms. */
  timeoutMs?: number;
  /** Largest PNG accepted (default 16 MiB). */
  maxBytes?: number;
  /** The program (default `pdftoppm` on the PATH). */
  pdftoppm?: string;
}

export type PreviewResult = { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const fail = (zh: string, en: string): PreviewResult => ({ ok: false, message: bilingual(`证明预览失败：${zh}`, `the certificate preview failed: ${en}`) });

export function renderPreviewPng(pdf: Uint8Array, options: PreviewOptions): Promise<PreviewResult> {
  const page = options.page ?? 1;
  const dpi = options.dpi ?? 60;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 16 * 1_048_576;
  const program = options.pdftoppm ?? 'pdftoppm';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PreviewResult): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      resolve(result);
    };
    const child = spawn(program, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = options.clock.setTimer(timeoutMs, () => {
      child.kill('SIGKILL');
      finish(fail(`超过 ${timeoutMs} 毫秒`, `no image within ${timeoutMs} ms`));
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        child.kill('SIGKILL');
        finish(fail('图像过大', `the image exceeds ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') finish(fail(`未找到 ${program}（请安装 poppler-utils）`, `${program} not found (install poppler-utils)`));
      else finish(fail(err.message, err.message));
    });
    child.on('close', (code) => {
      const png = new Uint8Array(Buffer.concat(chunks));
      const dims = pngSize(png);
      if (code === 0 && dims !== null) finish({ ok: true, png, ...dims });
      else finish(fail(`第 ${page} 页无法生成图像`, `page ${page} could not be rasterised (exit ${code}${stderr ? `: ${stderr.trim()}` : ''})`));
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading everything (a bad page number)
    child.stdin.end(pdf);
  });
}
