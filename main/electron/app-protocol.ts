/**
 * The `app://kiosk/` protocol (ARCHITECTURE.md §8.10): serves the built renderer (dist/renderer) and nothing
 * else, so the CSP's 'self' is the app. A standard, secure scheme: relative URLs, module scripts, fetch and
 * storage behave as on https, without file:// and its reach over the whole disk.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { SILENT_LOGGER, type Logger } from '../../common/logger';
import { APP_SCHEME, isAppUrl } from './app-url';
import { KIOSK_CSP } from './security';
import { CONTENT_TYPES, FALLBACK_CONTENT_TYPE } from '../../common/renderer-serving';



/** Must run before app 'ready' (Electron ignores a later registration). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true, bypassCSP: false },
    },
  ]);
}

export type AppPathResult = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `rootDir`, lexically: encoded dots and slashes, backslashes, NUL and
 * anything resolving outside the root are refused. `/` is index.html.
 */
export function resolveAppPath(rootDir: string, url: string): AppPathResult {
  if (!isAppUrl(url)) return { ok: false, status: 404, reason: 'not an app:// URL' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character' };
  if (pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const full = resolve(root, `.${pathname}`);
  const rel = relative(root, full);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, path: full };
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** One request: the file's bytes with the CSP, or 400/403/404/405. Symlinks leading out are refused too. */
export async function serveAppRequest(rootDir: string, request: Pick<Request, 'url' | 'method'>, log: Logger = SILENT_LOGGER): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
  const target = resolveAppPath(rootDir, request.url);
  if (!target.ok) {
    if (target.status !== 404) log.warn('app:// request refused', { url: request.url, reason: target.reason });
    return refuse(target.status, target.reason);
  }
  try {
    const [root, real] = await Promise.all([realpath(resolve(rootDir)), realpath(target.path)]);
    if (!real.startsWith(join(root, sep)) || !(await stat(real)).isFile()) return refuse(404, 'not found');
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(real).toLowerCase()] ?? FALLBACK_CONTENT_TYPE,
        'Content-Security-Policy': KIOSK_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return refuse(404, 'not found');
    log.error('app:// read failed', { url: request.url, error: String(err) });
    return refuse(500, 'read failed');
  }
}

/** After app 'ready': serve `rendererDir` on app://kiosk/ for the default session. */
export function handleAppProtocol(rendererDir: string, log: Logger = SILENT_LOGGER): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, log));
}
