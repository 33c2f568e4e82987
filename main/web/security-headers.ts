/**
 * Headers on every response of the browser shell (ARCHITECTURE.md §8.10). The renderer is a same-origin
 * bundle: no inline script or style, no third-party anything, the API only over our own WebSocket.
 */
import type { ServerResponse } from 'node:http';
import { RENDERER_CSP } from '../../common/renderer-serving';

export const CONTENT_SECURITY_POLICY = RENDERER_CSP;



export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
