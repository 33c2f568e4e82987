/**
 * Messages between the supervisor and the host child process over Node's IPC channel
 * (ARCHITECTURE.md §8.9). The supervisor owns the listening sockets and hands them to each host
 * incarnation, so a restarted host keeps its ports and queued connections.
 */
import type { ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';

export type SocketName = 'kiosk' | 'sim';

/**
 * Supervisor → host. The `listen` message carries the socket as its second argument: a bound loopback TCP
 * handle (see loopback-handle.ts), which the host passes to `httpServer.listen(handle)`.
 */
export type SupervisorToHost =
  | { type: 'listen'; socket: SocketName; port: number }
  | { type: 'api'; request: ApiRequest }
  | { type: 'shutdown' };

/** Host → supervisor. */
export type HostToSupervisor =
  | { type: 'ready'; kioskUrl: string; simUrl: string | null }
  | { type: 'api-reply'; reply: ApiReply }
  | { type: 'api-event'; push: ApiPush }
  | { type: 'fatal'; message: string }
  /** Sent every HEARTBEAT_INTERVAL_MS from the host's event loop: a hung loop sends none. */
  | { type: 'heartbeat' };

/** How often the host says it is alive (host-process.ts); the supervisor's limit is server.hostHangAfterMs. */
export const HEARTBEAT_INTERVAL_MS = 1_000;

export interface HostReadyInfo {
  /** The URL the shell opens, with the per-launch token in its fragment. */
  kioskUrl: string;
  simUrl: string | null;
}
