/**
 * A browser is a tree of processes (zygote, GPU, renderers, crashpad handler) that may outlive the one we
 * spawned. The launcher starts it as the leader of its own process group, so the whole tree can be signalled
 * and waited for: no helper keeps the profile locked when the browser is restarted or the kiosk stops.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Sends `signal` to every process in the group led by `pid`; false when none is left. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a process of the group still runs. On Linux a zombie (state Z: it has exited and closed its files,
 * its parent has not reaped it yet) does not count; proc(5) `stat` fields 3 and 5 are the state and pgrp.
 */
export function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  if (process.platform !== 'linux') return true;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue; // it ended while we looked
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

/** Kills what is left of the group and waits, bounded, until none of it runs. */
export async function reapGroup(pgid: number, waitMs = 2_000, pollMs = 20): Promise<boolean> {
  signalGroup(pgid, 'SIGKILL');
  for (let waited = 0; groupAlive(pgid) && waited < waitMs; waited += pollMs) await sleep(pollMs);
  return !groupAlive(pgid);
}
