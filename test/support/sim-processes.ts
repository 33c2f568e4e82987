/**
 * Simulators in processes of their own (devices-sim/cli/*.ts), for tests in which the kiosk's own memory is
 * what is examined (issue 14 §9): the card's holder then exists only in the simulator's heap and in what the
 * kiosk read. Each CLI prints one ready line with its URL; `stop` ends the process it started (SIGTERM, then
 * SIGKILL after 5 s). The environment is the test's without NODE_OPTIONS, so a kiosk's inspector flags never
 * reach a simulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './kiosk-process';

export interface SimProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote (stdout and stderr); the simulator's, not the kiosk's. */
  output(): string;
  stop(): Promise<void>;
}

export async function startSimProcess(script: 'serial-sim' | 'platform-sim' | 'tcp-sim', args: readonly string[], ready: RegExp): Promise<SimProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', `devices-sim/cli/${script}.ts`, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready within 20 s:\n${out}`)), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      out += `${line}\n`;
      const m = ready.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The GA 467 reader simulator on `path` (one end of a socat pty pair), its control API on a free port. */
export const startReaderSimProcess = (path: string): Promise<SimProcess> =>
  startSimProcess('serial-sim', ['--driver', 'ga467', '--path', path, '--control-port', '0'], /^sim ready (http:\/\/127\.0\.0\.1:\d+)$/);

/** The government platform simulator on a free loopback port, answering at once. */
export const startPlatformSimProcess = (): Promise<SimProcess> =>
  startSimProcess('platform-sim', ['--port', '0', '--latency-ms', '0'], /^platform ready (http:\/\/127\.0\.0\.1:\d+)$/);
