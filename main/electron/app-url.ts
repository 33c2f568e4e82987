/**
 * The kiosk's own origin in the Electron shell (ARCHITECTURE.md §8.10): the built renderer is served from
 * `app://kiosk/` by app-protocol.ts, so the CSP's 'self' means exactly the app and nothing on disk or the net.
 * No electron import: the preload bundle and the pure checks share it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Host → renderer pushes travel on this channel; it is not an API channel, so `call` can never reach it. */
export const KIOSK_EVENT_CHANNEL = 'kiosk:event';

/**
 * True when `url` (a page URL or an origin string such as Chromium's `requestingOrigin`) is the app's own.
 * Parsed, never prefix-matched: `app://kiosk.evil/`, `app://kiosk@evil/` and `app://user@kiosk/` are foreign.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
