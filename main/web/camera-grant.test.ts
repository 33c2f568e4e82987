// The browser shell's camera grant (issue 14 item 5): the kiosk's origin only, camera only, in the fresh profile.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cameraGrantPreferences, writeCameraGrant } from './camera-grant';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('camera grant', () => {
  it('allows the camera, and nothing else, for exactly the kiosk origin', () => {
    expect(cameraGrantPreferences('http://127.0.0.1:8620')).toEqual({
      profile: { content_settings: { exceptions: { media_stream_camera: { 'http://127.0.0.1:8620,*': { setting: 1 } } } } },
    });
  });

  it('refuses anything that is not a plain origin with a port (no pattern widened by accident)', () => {
    for (const bad of ['http://127.0.0.1:8620/', 'http://127.0.0.1', 'http://127.0.0.1:8620/#token=x', 'file:///tmp', '*', '[*.]example.com']) {
      expect(() => cameraGrantPreferences(bad), bad).toThrow();
    }
  });

  it('writes Default/Preferences of the profile, owner-only', () => {
    const profile = mkdtempSync(join(tmpdir(), 'grant-'));
    dirs.push(profile);
    writeCameraGrant(profile, 'http://127.0.0.1:40000');
    const file = join(profile, 'Default', 'Preferences');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(cameraGrantPreferences('http://127.0.0.1:40000'));
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
