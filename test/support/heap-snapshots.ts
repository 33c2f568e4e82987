/**
 * V8 heap snapshots of the kiosk's two JavaScript heaps, for the privacy proof (issue 14 §9):
 *
 * - the renderer's page, over Playwright's CDP session (HeapProfiler.collectGarbage, then takeHeapSnapshot,
 *   its chunks collected);
 * - the host process, over the Node inspector: the kiosk is started with NODE_OPTIONS=--inspect-port=0 (which
 *   opens nothing by itself), SIGUSR1 is sent to the host child only, which then listens on a free loopback
 *   port and says so on stderr ("Debugger listening on ws://…"); the same CDP calls follow over a WebSocket.
 *
 * V8 cuts every string in a snapshot to --heap-snapshot-string-limit characters (1024 by default), so a datum
 * deep in a long string (a JSON message, a log line) would be missed: the limit is raised first — for the
 * host through the inspector, for Chromium with `--js-flags` at launch (CHROMIUM_SNAPSHOT_FLAGS).
 * Only the main isolate of each is taken: a host worker thread (face detection) or a web worker is not in it.
 */
import type { Page } from 'playwright-core';
import WebSocket from 'ws';

/** Strings kept whole in snapshots up to this length. */
export const SNAPSHOT_STRING_LIMIT = 64 * 1024 * 1024;
export const CHROMIUM_SNAPSHOT_FLAGS = [`--js-flags=--heap-snapshot-string-limit=${SNAPSHOT_STRING_LIMIT}`];

/** The page's heap after a full collection, as the snapshot's JSON text. */
export async function rendererHeapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => void chunks.push(chunk));
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.send('HeapProfiler.disable');
  } finally {
    await cdp.detach();
  }
  return chunks.join('');
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** A CDP client for one Node process's inspector. */
export class NodeInspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(result: Record<string, unknown>): void; reject(err: Error): void }>();
  private readonly listeners = new Map<string, (params: Record<string, unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as CdpMessage;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`inspector: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) this.listeners.get(msg.method)?.(msg.params ?? {});
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('inspector connection closed'));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<NodeInspector> {
    const ws = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new NodeInspector(ws);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates `expression` in the process's main context; its value must be JSON. */
  async evaluate(expression: string): Promise<unknown> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (reply.exceptionDetails) throw new Error(`inspector evaluate: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result?.value;
  }

  /** The process's heap after a full collection (strings kept whole up to SNAPSHOT_STRING_LIMIT). */
  async heapSnapshot(): Promise<string> {
    await this.evaluate(`process.getBuiltinModule('node:v8').setFlagsFromString('--heap-snapshot-string-limit=${SNAPSHOT_STRING_LIMIT}')`);
    const chunks: string[] = [];
    this.listeners.set('HeapProfiler.addHeapSnapshotChunk', (params) => void chunks.push(params.chunk as string));
    try {
      await this.send('HeapProfiler.enable');
      await this.send('HeapProfiler.collectGarbage');
      await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      await this.send('HeapProfiler.disable');
    } finally {
      this.listeners.delete('HeapProfiler.addHeapSnapshotChunk');
    }
    return chunks.join('');
  }

  close(): void {
    this.ws.close();
  }
}

/** The host child's pid, from the supervisor's "host started" log line (the latest, should it have restarted). */
export function hostPidFromOutput(output: string): number {
  const pids = [...output.matchAll(/^\{.*"pid":(\d+).*"msg":"supervisor: host started"\}$/gm)].map((m) => Number(m[1]));
  const pid = pids.at(-1);
  if (pid === undefined) throw new Error('no "supervisor: host started" line with a pid in the kiosk output');
  return pid;
}

/**
 * Opens the inspector of the host child (pid from `output`) with SIGUSR1 and connects to it: once per kiosk,
 * the connection is then kept. The kiosk must have been started with NODE_OPTIONS=--inspect-port=0; the
 * "Debugger listening" line is awaited in its output (the host's stderr is the kiosk's).
 */
export async function openHostInspector(kiosk: { output(): string; waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray> }): Promise<NodeInspector> {
  const listening = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/;
  if (listening.test(kiosk.output())) throw new Error('an inspector already listens in the kiosk: open the host inspector once and keep it');
  process.kill(hostPidFromOutput(kiosk.output()), 'SIGUSR1');
  const match = await kiosk.waitForOutput(listening, 15_000);
  return NodeInspector.connect(match[1]!);
}
