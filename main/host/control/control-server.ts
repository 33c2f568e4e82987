/**
 * The host's end of the local control channel (issue 13 §3; control-protocol.ts): a unix socket
 * `<data folder>/host.sock`, mode 0600, so only the kiosk's own user (and root) — someone who can open the
 * data folder, where the databases are anyway — can settle tickets or confirm the clock. Not a TCP port: no
 * other machine, and no other local user, can reach it, and there is no token to leak.
 *
 * - A socket file left by a host that was killed (SIGKILL by the hang watchdog, a power cut) is stale: at
 *   start nothing answers on it, so it is removed and the channel opens. One that answers belongs to another
 *   host on the same data folder: this host logs it and runs without the channel (it never takes it over).
 * - Removed on close (the supervisor's shutdown), if it is still this host's.
 * - One request per connection, one JSON line each way, at most 16 KiB, 10 s to send it.
 */
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../../../common/logger';
import { CONTROL_SOCKET_FILE, type ControlReply, MAX_CONTROL_REQUEST_BYTES } from './control-protocol';

/** sockaddr_un.sun_path holds 108 bytes on Linux, the final NUL included. */
export const MAX_SOCKET_PATH_BYTES = 107;
const REQUEST_TIMEOUT_MS = 10_000;

export { CONTROL_SOCKET_FILE };

export interface ControlChannel {
  path: string;
  close(): Promise<void>;
}

export interface ControlServerOptions {
  path: string;
  /** Answers one parsed JSON value (staff-commands.ts answerControlRequest). */
  answer(request: unknown): ControlReply;
  log: Logger;
}

/** Whether something answers on the socket at `path` (a live host), or nothing does (stale, or none). */
export function probeSocket(path: string): Promise<'live' | 'dead'> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve('live');
    });
    socket.once('error', () => resolve('dead'));
  });
}

/**
 * Opens the channel; resolves null (logged) when it cannot: another host answers there, the path is too long
 * for a socket, or something that is not a socket is in its place. The kiosk serves citizens either way.
 */
export async function openControlChannel(options: ControlServerOptions): Promise<ControlChannel | null> {
  const { path, log } = options;
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    log.error('control channel not opened: the data folder path is too long for a unix socket; npm run tickets will write the database itself', { path });
    return null;
  }
  if (!(await clearStaleSocket(path, log))) return null;
  const server = createServer((socket) => serve(socket, options));
  const inode = await listen(server, path).catch((err: unknown) => {
    log.error('control channel not opened', { path, error: err });
    return null;
  });
  if (inode === null) return null;
  log.info('control channel listening', { path });
  return {
    path,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        removeIfOurs(path, inode);
      }),
  };
}

async function clearStaleSocket(path: string, log: Logger): Promise<boolean> {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return true; // nothing there
  }
  if (!isSocket) {
    log.error('control channel not opened: something that is not a socket is in its place', { path });
    return false;
  }
  if ((await probeSocket(path)) === 'live') {
    log.error('control channel not opened: another kiosk host answers on this data folder', { path });
    return false;
  }
  unlinkSync(path);
  log.warn('stale control socket removed (the previous host did not shut down)', { path });
  return true;
}

/** Listens with a umask that makes the socket 0600 from its first moment, then checks with chmod. */
function listen(server: Server, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const umask = process.umask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        chmodSync(path, 0o600);
        resolve(lstatSync(path).ino);
      });
    } finally {
      process.umask(umask);
    }
  });
}

function removeIfOurs(path: string, inode: number): void {
  try {
    if (lstatSync(path).ino === inode) unlinkSync(path);
  } catch {
    // Already gone (the server's close removes it on some platforms).
  }
}

function serve(socket: Socket, options: ControlServerOptions): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let answered = false;
  const reply = (value: ControlReply): void => {
    if (answered) return;
    answered = true;
    socket.end(`${JSON.stringify(value)}\n`);
  };
  socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
  socket.on('error', (err) => options.log.debug('control connection error', { error: err }));
  socket.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_CONTROL_REQUEST_BYTES) return reply({ ok: false, error: 'badRequest', message: `request larger than ${MAX_CONTROL_REQUEST_BYTES} bytes` });
    chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const end = text.indexOf('\n');
    if (end < 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(0, end)) as unknown;
    } catch {
      return reply({ ok: false, error: 'badRequest', message: 'the request is not valid JSON' });
    }
    reply(options.answer(parsed));
  });
}
