import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TcpTransport } from './tcp-transport';

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

describe('TcpTransport', () => {
  it('talks to a TCP peer and reports when the peer goes away', async () => {
    let peer: Socket | null = null;
    const server = createServer((s) => {
      peer = s;
      s.on('data', (d) => s.write(Buffer.from([d.length])));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => server.close());
    const port = (server.address() as { port: number }).port;
    const t = new TcpTransport({ host: '127.0.0.1', port });
    await t.open();
    const reply = new Promise<number[]>((r) => t.onData((c) => r([...c])));
    await t.write(Uint8Array.from([1, 2, 3]));
    expect(await reply).toEqual([3]);
    const gone = new Promise<string>((r) => t.onDisconnect(r));
    (peer as Socket | null)?.destroy();
    expect(await gone).toBe('connection closed');
    expect(t.isOpen).toBe(false);
  });

  it('refuses to open when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    await expect(new TcpTransport({ host: '127.0.0.1', port }).open()).rejects.toMatchObject({ kind: 'notFound' });
  });
});
