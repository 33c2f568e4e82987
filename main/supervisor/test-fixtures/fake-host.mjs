// A stand-in for dist/main/host.mjs in supervisor.test.ts, speaking host-ipc.ts: it listens on the socket
// handles it is sent, reports `ready`, answers API calls and obeys `shutdown`. Plain JS, no build step.
//   kiosk:get-snapshot     → ok { pid, env } (what the supervisor put in the environment)
//   session:activity       → never answered (a call in flight)
//   session:end            → pushes an event, then answers ok
//   queue:list-businesses  → crashes (exit code 7) without answering
// FAKE_HOST_IGNORE_SHUTDOWN=1 makes it ignore `shutdown` (stop() must then kill it). It sends a heartbeat
// every 100 ms; SIGSTOP freezes it like a blocked event loop.
import http from 'node:http';

// A live event loop says so, like the real host (host-ipc.ts HEARTBEAT_INTERVAL_MS).
setInterval(() => process.send?.({ type: 'heartbeat' }), 100).unref();

const expected = process.env.KIOSK_SIM_PORT ? ['kiosk', 'sim'] : ['kiosk'];
const servers = new Map();

function reply(id, result) {
  process.send({ type: 'api-reply', reply: { kind: 'reply', id, ok: true, result } });
}

process.on('message', (msg, handle) => {
  if (msg.type === 'listen') {
    const server = http.createServer((req, res) => {
      res.setHeader('Connection', 'close');
      res.end(`${msg.socket} ${process.pid}`);
    });
    server.listen(handle, () => {
      servers.set(msg.socket, msg.port);
      if (expected.every((name) => servers.has(name))) {
        const sim = servers.get('sim');
        process.send({
          type: 'ready',
          kioskUrl: `http://127.0.0.1:${servers.get('kiosk')}/#token=${process.env.KIOSK_TOKEN}`,
          simUrl: sim === undefined ? null : `http://127.0.0.1:${sim}/`,
        });
      }
    });
    return;
  }
  if (msg.type === 'shutdown') {
    if (process.env.FAKE_HOST_IGNORE_SHUTDOWN === '1') return;
    process.exit(0);
  }
  if (msg.type !== 'api') return;
  const { id, channel } = msg.request;
  switch (channel) {
    case 'kiosk:get-snapshot':
      reply(id, {
        pid: process.pid,
        env: { KIOSK_TOKEN: process.env.KIOSK_TOKEN, KIOSK_PORT: process.env.KIOSK_PORT, KIOSK_SIM_PORT: process.env.KIOSK_SIM_PORT, EXTRA: process.env.FAKE_HOST_EXTRA },
      });
      return;
    case 'session:activity':
      return;
    case 'session:end':
      process.send({ type: 'api-event', push: { kind: 'event', event: { type: 'clock:changed', nowMs: 42 } } });
      reply(id, { ended: msg.request.request.reason });
      return;
    case 'queue:list-businesses':
      process.exit(7);
  }
});
