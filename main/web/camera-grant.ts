/**
 * The browser shell's camera permission (issue 14 item 5: "the kiosk grants camera permission to its own origin
 * only, with a fresh profile"). Each start's profile is new (browser-launcher.ts), so before Chromium first
 * reads it the launcher writes its Preferences with one content-setting exception: the camera
 * (`media_stream_camera`), allowed (1) for the kiosk's loopback origin and nothing else. The microphone and
 * every other origin keep Chromium's default (ask; with no one to answer in kiosk mode: refused), and no
 * prompt is ever shown. Checked against Debian's Chromium 156 (test/e2e/face-uvc.spec.ts runs the page on such
 * a profile with no fake-UI switch). Chosen over `--auto-accept-camera-and-microphone-capture` and
 * `--use-fake-ui-for-media-stream`, which grant every origin the camera and the microphone, and over CDP
 * `Browser.grantPermissions`, which needs a debugging pipe left open to the kiosk browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's ContentSetting value for "allow". */
const CONTENT_SETTING_ALLOW = 1;

/** `http://127.0.0.1:<port>` (scheme, host and port only): anything else is refused, so no pattern is widened. */
export function cameraGrantPreferences(origin: string): object {
  const url = new URL(origin);
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.port === '') {
    throw new Error(`camera grant: ${JSON.stringify(origin)} is not an origin with a port`);
  }
  return { profile: { content_settings: { exceptions: { media_stream_camera: { [`${origin},*`]: { setting: CONTENT_SETTING_ALLOW } } } } } };
}

/** Writes the fresh profile's `Default/Preferences` (before the browser starts on it). */
export function writeCameraGrant(profileDir: string, origin: string): void {
  const dir = join(profileDir, 'Default');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Preferences'), JSON.stringify(cameraGrantPreferences(origin)), { mode: 0o600 });
}
