/**
 * Serves the built renderer (dist/renderer) to the browser shell (ARCHITECTURE.md §1, §8.10): files as they
 * are on disk — no templating, so nothing secret (the token) can end up in a page — with exact content
 * types. Only GET and HEAD; `/` is index.html; anything outside the folder (`..`, encoded slashes, symlinks
 * pointing out, dotfiles) is refused.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { CONTENT_TYPES, FALLBACK_CONTENT_TYPE } from '../../common/renderer-serving';

export { CONTENT_TYPES };


export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

/** The path segments of a request target, or a status to refuse it with. */
export function requestSegments(target: string | undefined): string[] | 400 | 403 {
  const raw = (target ?? '').split('?')[0] as string;
  if (!raw.startsWith('/')) return 400;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return 400;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 400;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return 403; // '..', '.', and dotfiles
  return segments.length === 0 ? ['index.html'] : segments;
}

export function createStaticHandler(staticDir: string): StaticHandler {
  let rootPromise: Promise<string> | null = null;
  const root = (): Promise<string> => {
    rootPromise ??= realpath(staticDir).catch((err: unknown) => {
      rootPromise = null; // the folder may appear later (a build still running)
      throw err;
    });
    return rootPromise;
  };

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const segments = requestSegments(req.url);
    if (segments === 400) return sendText(res, 400, 'Bad request');
    if (segments === 403) return sendText(res, 403, 'Forbidden');
    let file: string;
    let size: number;
    let mtimeMs: number;
    try {
      const base = await root();
      file = await realpath(join(base, ...segments));
      if (!file.startsWith(base + sep)) return sendText(res, 403, 'Forbidden'); // a symlink pointing out
      const info = await stat(file);
      if (!info.isFile()) return sendText(res, 404, 'Not found');
      ({ size, mtimeMs } = info);
    } catch {
      return sendText(res, 404, 'Not found');
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
    const isHtml = type.startsWith('text/html');
    const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      // HTML is never cached, so a new build is picked up on the next load; assets revalidate by ETag.
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    };
    if (!isHtml) headers.ETag = etag;
    if (!isHtml && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
