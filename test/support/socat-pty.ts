/**
 * A pseudo-terminal pair made by socat, with stable link names (like a udev name for a device), for the
 * tests that put the simulator on one end and a real transport on the other. `unplug` ends socat: "clean"
 * (SIGTERM: socat removes its links, as udev removes /dev/usb/lp0) or "hard" (SIGKILL: the links dangle).
 * Callers skip loudly where socat is missing (HAS_SOCAT).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const HAS_SOCAT = spawnSync('socat', ['-V']).status === 0;

export interface PtyPair {
  /** The end the simulator opens. */
  simPath: string;
  /** The end the driver opens (a stand-in for /dev/usb/lp0). */
  hostPath: string;
  unplug(how?: 'clean' | 'hard'): Promise<void>;
}

/** Starts socat linking `dir/<simName>` and `dir/<hostName>`; resolves once it moves data. */
export async function startPtyPair(dir: string, simName = 'sim', hostName = 'lp0'): Promise<PtyPair> {
  const simPath = join(dir, simName);
  const hostPath = join(dir, hostName);
  const socat: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${simPath}`, `pty,raw,echo=0,link=${hostPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`socat did not start in 10 s:\n${seen}`)), 10_000);
    socat.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/starting data transfer loop/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    socat.once('exit', (code) => reject(new Error(`socat exited (${code}):\n${seen}`)));
  });
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  return {
    simPath,
    hostPath,
    async unplug(how = 'clean') {
      if (socat.exitCode === null && socat.signalCode === null) socat.kill(how === 'clean' ? 'SIGTERM' : 'SIGKILL');
      await exited;
    },
  };
}
