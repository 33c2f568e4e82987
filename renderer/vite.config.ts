/**
 * The citizen UI build: `npx vite build --config renderer/vite.config.ts` from the repository root writes
 * dist/renderer, which both shells serve (ARCHITECTURE.md §1). Relative asset paths (`base: './'`) work from
 * file:// in Electron and from the browser shell's loopback server alike.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * This folder as a path, from the config file's URL (Vite keeps the original `import.meta.url` when it bundles
 * the config). Done by hand because this layer's tsconfig has no node types for `node:url` (ARCHITECTURE.md §2).
 */
function dirOf(fileUrl: string): string {
  const path = decodeURIComponent(new URL('.', fileUrl).pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path; // file:///C:/x → C:/x on Windows
}

const here = dirOf(import.meta.url);

/**
 * The dev server's React Refresh preamble is an inline script, which the page's CSP forbids. Only under
 * `vite serve` (never in a build the shells load) the policy is widened to let it and the HMR socket run.
 */
function devServerCsp(): Plugin {
  return {
    name: 'hallkiosk-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http:");
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), devServerCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Small images may inline as data: URIs (img-src allows them); nothing else is inlined.
    assetsInlineLimit: 4096,
  },
  server: { host: '127.0.0.1' },
});
