/**
 * What the windows' processes may see of the environment (issue 13 §4). Chromium and Electron run web
 * content: neither needs the kiosk's secrets (the calling-system token, any *_TOKEN, *_SECRET or password),
 * and a renderer exploit could read what its process inherited. The browser gets an allow-list (the OS
 * basics and the desktop session); Electron gets everything but secrets, which the launcher hands it on
 * stdin for the host child alone (electron/stdin-secrets.ts).
 */

/** Names that look like secrets, whatever the configuration calls them. */
export const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)/i;

const BROWSER_NAMES = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR',
  'DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'DBUS_SESSION_BUS_ADDRESS', 'FONTCONFIG_FILE', 'FONTCONFIG_PATH', 'PULSE_SERVER',
]);
const BROWSER_PREFIXES = ['LC_', 'XDG_'];

type Env = Record<string, string | undefined>;

/** The kiosk browser's environment: the OS and desktop-session variables above, nothing of the kiosk's. */
export function browserEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_NAME.test(name)) continue;
    if (BROWSER_NAMES.has(name) || BROWSER_PREFIXES.some((p) => name.startsWith(p))) out[name] = value;
  }
  return out;
}

/** Splits `env` into what a shell process may see and the secrets only the host needs (`extra`: more names). */
export function splitSecrets(env: Env, extra: readonly string[] = []): { shell: Record<string, string>; secrets: Record<string, string> } {
  const shell: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (SECRET_NAME.test(name) || extra.includes(name)) secrets[name] = value;
    else shell[name] = value;
  }
  return { shell, secrets };
}
