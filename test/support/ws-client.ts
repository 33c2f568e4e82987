/** A KioskApi client over the browser shell's WebSocket, for tests that need no browser. */
import WebSocket from 'ws';
import type { ApiChannel, ApiPush, ApiReply, ApiRequestOf, ApiResultOf, KioskEvent } from '../../common/kiosk-api';

export interface WsKioskClient {
  call<C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>>;
  raw(message: unknown): Promise<ApiReply>;
  events: KioskEvent[];
  close(): void;
}

export async function connectWs(kioskUrl: string): Promise<WsKioskClient> {
  const url = new URL(kioskUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const ws = new WebSocket(`ws://${url.host}/api?token=${encodeURIComponent(token)}`, { headers: { origin: url.origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (reply: ApiReply) => void>();
  const events: KioskEvent[] = [];
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as ApiReply | ApiPush;
    if (msg.kind === 'event') events.push(msg.event);
    else pending.get(msg.id)?.(msg);
  });
  const raw = (message: unknown): Promise<ApiReply> =>
    new Promise((resolve) => {
      const id = typeof (message as { id?: unknown }).id === 'number' ? (message as { id: number }).id : -1;
      pending.set(id, resolve);
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    });
  return {
    events,
    raw,
    async call(channel, request) {
      const reply = await raw({ kind: 'request', id: nextId++, channel, request });
      if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.code}`), { info: reply.error });
      return reply.result as never;
    },
    close: () => ws.close(),
  };
}
