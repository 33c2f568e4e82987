import { describe, expect, it } from 'vitest';
import { browserEnv, splitSecrets } from './shell-env';

describe('shell environments (issue 13 §4)', () => {
  it('splits secret-looking names, and the named ones, from what a shell may see', () => {
    const { shell, secrets } = splitSecrets({ PATH: '/bin', KIOSK_CONFIG: '/etc/k.json', KIOSK_CALLING_TOKEN: 't', HALL_KEY: 'k', GITHUB_TOKEN: 'g', X: undefined }, ['HALL_KEY']);
    expect(shell).toEqual({ PATH: '/bin', KIOSK_CONFIG: '/etc/k.json' });
    expect(secrets).toEqual({ KIOSK_CALLING_TOKEN: 't', HALL_KEY: 'k', GITHUB_TOKEN: 'g' });
  });

  it('gives the browser the desktop session and locale, nothing of the kiosk', () => {
    expect(browserEnv({ HOME: '/root', WAYLAND_DISPLAY: 'w', XAUTHORITY: '/x', LC_CTYPE: 'C', KIOSK_PORT: '8620', NODE_OPTIONS: '--inspect', XDG_SESSION_TOKEN: 's' })).toEqual({
      HOME: '/root',
      WAYLAND_DISPLAY: 'w',
      XAUTHORITY: '/x',
      LC_CTYPE: 'C',
    });
  });
});
