/**
 * Entry of the Electron main process (ARCHITECTURE.md §8.9), bundled by scripts/build.mjs to
 * dist/main/electron-main.cjs (CommonJS, `electron` external; no top-level await).
 */
import { app } from 'electron';
import { startSupervisor } from '../supervisor/supervisor';
import { runElectronShell } from './electron-shell';
import { bundleDir } from './shell-paths';
import { readStdinSecrets } from './stdin-secrets';

runElectronShell({
  startSupervisor,
  mainDir: bundleDir(),
  env: process.env,
  execPath: process.execPath,
  secrets: readStdinSecrets(process.env),
  argv: process.argv,
});

// A service manager stops the kiosk with SIGTERM: quit through 'before-quit', so the host is stopped first.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => app.quit());
