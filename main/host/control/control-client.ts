/**
 * The command's end of the local control channel (control-server.ts): sends one request to the running
 * host and reads its reply. "No host" means nobody listens on the socket (no file, or a stale one that
 * refuses connections): only then may the command open the database itself. A host that accepted the request
 * and did not answer in time may still have carried it out, so that is an error, never a reason to write
 * the database a second way.
 */
import { connect } from 'node:net';
import type { ControlReply, ControlRequest } from './control-protocol';

export const CONTROL_REPLY_TIMEOUT_MS = 15_000;

export type HostCall = { kind: 'noHost' } | { kind: 'reply'; reply: ControlReply };

/** Errors of a connect attempt that mean no host is listening. */
const NO_HOST = new Set(['ENOENT', 'ECONNREFUSED']);

export class ControlChannelError extends Error {
  override readonly name = 'ControlChannelError';
}

export function callHost(socketPath: string, request: ControlRequest, timeoutMs = CONTROL_REPLY_TIMEOUT_MS): Promise<HostCall> {
  return new Promise((resolve, reject) => {
    let connected = false;
    let text = '';
    const socket = connect(socketPath);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(
        new ControlChannelError(
          `运行中的终端 ${timeoutMs / 1000} 秒内未答复，不确定是否已执行；请用 npm run tickets 查看后再试 / the running kiosk did not answer within ${timeoutMs / 1000} s: it may or may not have done it; check with npm run tickets before trying again`,
        ),
      );
    });
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => {
      socket.setTimeout(0);
      const line = text.split('\n')[0] ?? '';
      try {
        resolve({ kind: 'reply', reply: JSON.parse(line) as ControlReply });
      } catch {
        reject(new ControlChannelError(`the running kiosk answered something that is not a reply: ${JSON.stringify(line.slice(0, 200))}`));
      }
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.setTimeout(0);
      socket.destroy();
      if (!connected && err.code !== undefined && NO_HOST.has(err.code)) return resolve({ kind: 'noHost' });
      if (err.code === 'EACCES') {
        return reject(new ControlChannelError(`无权访问 ${socketPath}，请以终端的运行用户执行 / no permission to reach the running kiosk at ${socketPath}: run the command as the kiosk's user`));
      }
      reject(new ControlChannelError(`cannot reach the running kiosk at ${socketPath}: ${err.message}`));
    });
  });
}
