/**
 * Hardening of the Electron shell (ARCHITECTURE.md §1, §8.10; Electron's security checklist): the renderer
 * stays on the app's own origin, opens nothing, embeds nothing, reaches no network, is granted only the
 * permissions a device needs, and — in production — no key reloads, inspects, zooms or closes it.
 */
import type { PermissionCheckHandlerHandlerDetails, Session, WebContents } from 'electron';
import { SILENT_LOGGER, type Logger } from '../../common/logger';
import { APP_ORIGIN, isAppUrl } from './app-url';
import { blockedKey } from './input-guard';
import { RENDERER_CSP } from '../../common/renderer-serving';

/** The renderer's CSP (common/renderer-serving.ts), sent as a header by app-protocol.ts with every page. */
export const KIOSK_CSP = RENDERER_CSP;

type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
export type PermissionName = Parameters<PermissionCheckHandler>[1];
export type MediaKind = 'video' | 'audio';

/** What a device may need from the renderer; everything else is refused. */
export interface PermissionPolicy {
  allow: readonly PermissionName[];
  /** For 'media': the kinds of capture allowed (the face / document camera is 'video'). */
  mediaTypes: readonly MediaKind[];
}

export const DEFAULT_PERMISSION_POLICY: PermissionPolicy = { allow: ['media'], mediaTypes: ['video'] };

/**
 * The one decision both Chromium hooks share: allowed only for a listed permission, asked by the app's own
 * origin, and for 'media' only for allowed capture kinds (an unknown kind is refused).
 */
export function isPermissionAllowed(
  policy: PermissionPolicy,
  permission: string,
  origin: string | undefined,
  mediaTypes?: readonly string[],
): boolean {
  if (!(policy.allow as readonly string[]).includes(permission) || !isAppUrl(origin)) return false;
  if (permission !== 'media') return true;
  if (!mediaTypes || mediaTypes.length === 0) return false;
  return mediaTypes.every((t) => (policy.mediaTypes as readonly string[]).includes(t));
}

/** Schemes the renderer may load from; devtools' own pages only outside production. */
export function isRequestAllowed(url: string, production: boolean): boolean {
  if (isAppUrl(url) || url.startsWith('data:') || url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  return !production && (url.startsWith('devtools:') || url.startsWith('chrome-extension:'));
}

export interface HardenOptions {
  production: boolean;
  log?: Logger;
}

export interface SessionHardenOptions extends HardenOptions {
  permissions?: PermissionPolicy;
}

export function hardenSession(ses: Session, options: SessionHardenOptions): void {
  const policy = options.permissions ?? DEFAULT_PERMISSION_POLICY;
  const log = options.log ?? SILENT_LOGGER;

  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const allowed = details.isMainFrame && isPermissionAllowed(policy, permission, details.requestingUrl, media);
    if (!allowed) log.warn('permission request refused', { permission, url: details.requestingUrl, media });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details: PermissionCheckHandlerHandlerDetails) =>
    isPermissionAllowed(policy, permission, requestingOrigin, details.mediaType ? [details.mediaType] : undefined),
  );
  // WebHID / WebSerial / WebUSB: devices belong to the host's drivers, never to the page.
  ses.setDevicePermissionHandler(() => false);
  // The renderer talks to the host over IPC only; nothing leaves the machine from the page.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, options.production);
    if (!allowed) log.warn('request refused', { url: details.url });
    callback({ cancel: !allowed });
  });
  ses.on('will-download', (event, item) => {
    log.warn('download refused', { url: item.getURL() });
    event.preventDefault();
  });
}

const hardened = new WeakSet<WebContents>();

/** For every webContents (call it from app 'web-contents-created'); installing twice is a no-op. */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const log = options.log ?? SILENT_LOGGER;
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`${kind} refused`, { url: event.url });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open refused', { url });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  // A long press on a touch screen is a context-menu request: nothing may appear.
  contents.on('context-menu', (event) => event.preventDefault());

  if (!options.production) return;
  contents.on('before-input-event', (event, input) => {
    const reason = blockedKey(input);
    if (reason === null) return;
    event.preventDefault();
    if (input.type === 'keyDown') log.info('key blocked', { reason, key: input.key });
  });
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('devtools-opened', () => contents.closeDevTools());
}
