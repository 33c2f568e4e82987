/**
 * A SimRobotBase on a memory pair with a manual clock, driven by HRL/1 lines typed from the host end, for the
 * simulator's own tests. No latency unless a test asks; waits are on conditions (microtasks drained).
 */
import type { RobotFrame } from '../../drivers/protocol/robot-line/frames';
import { encodeLine } from '../../drivers/protocol/robot-line/line-codec';
import { RobotLineDecoder } from '../../drivers/protocol/robot-line/line-decoder';
import { createMemoryPair, type MemoryPair } from '../../drivers/transport/memory-pair';
import { SimRobotBase, type SimRobotBaseOptions } from '../robot-base/sim-robot-base';
import { ManualClock } from './manual-clock';
import { ROBOT_TEST_MAP } from './robot-hall-map';

export interface RobotRig {
  clock: ManualClock;
  pair: MemoryPair;
  robot: SimRobotBase;
  /** Lines the base sent and the test has not taken yet, checksums stripped. */
  take(): string[];
  /** Sends one line (with its checksum unless `bare`) and returns what came back. */
  ask(text: string, bare?: boolean): Promise<string[]>;
  sendBytes(bytes: Uint8Array): Promise<string[]>;
  /** Lets the link deliver, then takes what came. */
  flush(): Promise<string[]>;
  /** Moves the clock on in steps of `stepMs`, letting the link deliver between them. */
  advance(ms: number, stepMs?: number): Promise<void>;
  frames(): RobotFrame[];
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function robotRig(options: Partial<SimRobotBaseOptions> = {}): Promise<RobotRig> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const pair = createMemoryPair('robot-base');
  const robot = new SimRobotBase({ id: 'robot-base', map: ROBOT_TEST_MAP, latencyMs: 0, watchdogMs: 0, ...options, clock, transport: pair.device });
  await robot.start();
  await pair.host.open();
  const raw: number[] = [];
  pair.host.onData((chunk) => raw.push(...chunk));
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await turn();
  };
  const take = (): string[] => {
    const text = String.fromCharCode(...raw.splice(0, raw.length));
    return text.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/\*[0-9A-F]{2}$/u, ''));
  };
  const sendBytes = async (bytes: Uint8Array): Promise<string[]> => {
    await pair.host.write(bytes);
    await settle();
    return take();
  };
  return {
    clock,
    pair,
    robot,
    take,
    ask: (text, bare = false) => sendBytes(encodeLine(text, !bare)),
    sendBytes,
    async flush() {
      await settle();
      return take();
    },
    async advance(ms, stepMs = 250) {
      for (let done = 0; done < ms; done += stepMs) {
        clock.advance(Math.min(stepMs, ms - done));
        await settle();
      }
    },
    frames: () => new RobotLineDecoder().push(Uint8Array.from(raw)),
  };
}
