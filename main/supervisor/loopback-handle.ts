/**
 * A loopback TCP socket the supervisor owns across host restarts (ARCHITECTURE.md §8.9).
 *
 * Why a raw handle and not a listening net.Server: a net.Server listening in the supervisor would accept
 * connections itself (Node shares a sent server between both processes, docs of `subprocess.send`), so
 * requests would land in a process that cannot serve them. We do what Node's cluster module does for
 * shared handles (lib/internal/cluster/shared_handle.js): bind a TCP handle with `net._createServerHandle`
 * and send that handle; the host's `httpServer.listen(handle)` puts the socket into the listening state.
 * The supervisor keeps its descriptor and never polls it, so while a host is down the socket stays bound
 * and listening: the port is kept and new connections wait in the kernel's backlog for the next host.
 */
import net from 'node:net';
import { getSystemErrorName } from 'node:util';

/** The bits of Node's internal TCP handle (tcp_wrap) used here. */
export interface TcpServerHandle {
  getsockname(out: { address?: string; port?: number; family?: string }): number;
  close(callback?: () => void): void;
}

type CreateServerHandle = (address: string, port: number, addressType: 4 | 6) => TcpServerHandle | number;

export const LOOPBACK_ADDRESS = '127.0.0.1';

export interface LoopbackHandle {
  /** What `child.send(message, handle)` hands over. */
  readonly handle: TcpServerHandle;
  /** The bound port (port 0 is resolved to the port the kernel chose, once). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Binds 127.0.0.1:`port` (0: a free port). libuv defers EADDRINUSE from bind to listen, which would only
 * surface in the host, so a fixed port is first probed with a throw-away listener: a port taken by another
 * program fails here, at start-up, with its errno code.
 */
export async function bindLoopbackHandle(port: number): Promise<LoopbackHandle> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`bad port ${port}`);
  if (port !== 0) await probeListen(port);
  const create = (net as unknown as { _createServerHandle?: CreateServerHandle })._createServerHandle;
  if (typeof create !== 'function') {
    throw new Error('this Node runtime has no net._createServerHandle; the supervisor cannot keep ports across restarts');
  }
  const result = create(LOOPBACK_ADDRESS, port, 4);
  if (typeof result === 'number') {
    const code = safeErrorName(result);
    throw Object.assign(new Error(`cannot bind ${LOOPBACK_ADDRESS}:${port}: ${code}`), { code });
  }
  const out: { port?: number } = {};
  const err = result.getsockname(out);
  if (err !== 0 || typeof out.port !== 'number') {
    result.close();
    throw new Error(`cannot read the bound port: ${safeErrorName(err)}`);
  }
  let closed: Promise<void> | null = null;
  return {
    handle: result,
    port: out.port,
    close: () => (closed ??= new Promise<void>((resolve) => result.close(() => resolve()))),
  };
}

function probeListen(port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(Object.assign(new Error(`cannot listen on ${LOOPBACK_ADDRESS}:${port}: ${err.code ?? err.message}`), { code: err.code }));
    });
    probe.listen({ port, host: LOOPBACK_ADDRESS, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function safeErrorName(errno: number): string {
  try {
    return getSystemErrorName(errno);
  } catch {
    return `errno ${errno}`;
  }
}
