/**
 * What both shells' bridges talk to (ARCHITECTURE.md §8.10): the WebSocket server of the browser shell and
 * the supervisor's IPC relay of the Electron shell hand every parsed request here and forward every push.
 */
import type { ApiPush, ApiReply, ApiRequest } from '../../../common/kiosk-api';

export interface ApiClient {
  /** 'web' (browser shell WebSocket) or 'ipc' (Electron via the supervisor). */
  via: 'web' | 'ipc';
  /** A per-connection id, for logs and per-client state. */
  clientId: string;
}

export interface ApiHandler {
  handle(request: ApiRequest, client: ApiClient): Promise<ApiReply>;
  onPush(listener: (push: ApiPush) => void): () => void;
}
