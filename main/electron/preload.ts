/**
 * The preload of the kiosk window (ARCHITECTURE.md §1, §8.10): builds `window.kiosk` from the KioskApi
 * contract and nothing else — no ipcRenderer, no generic send: only the channels of
 * common/kiosk-api-channels.ts (§8.16) are invoked, each with its own deadline. It runs sandboxed and is bundled to CommonJS
 * (dist/main/preload.cjs) with only `electron` left as a require.
 *
 * A failed call rejects with a plain object `{ name: 'KioskApiError', message, info: KioskErrorInfo }`:
 * an Error crossing the context bridge keeps only its message, a plain object keeps its fields.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { errorInfo, type KioskErrorInfo } from '../../common/errors';
import { KioskApiError, type ApiReply, type KioskApi, type KioskEvent } from '../../common/kiosk-api';
import { callDeadlineMs, isApiChannel } from '../../common/kiosk-api-channels';
import { KIOSK_EVENT_CHANNEL } from './app-url';

export interface KioskApiRejection {
  name: 'KioskApiError';
  message: string;
  info: KioskErrorInfo;
}

function rejection(info: KioskErrorInfo): KioskApiRejection {
  return { name: 'KioskApiError', message: new KioskApiError(info).message, info };
}

function isReply(value: unknown): value is ApiReply {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'reply';
}

function unwrap(reply: unknown): unknown {
  if (!isReply(reply)) throw rejection(errorInfo('internal', 'malformed reply from the shell'));
  if (!reply.ok) throw rejection(reply.error);
  return reply.result;
}

const api: KioskApi = {
  call(channel, request) {
    if (!isApiChannel(channel)) {
      return Promise.reject(rejection(errorInfo('badRequest', `unknown channel ${JSON.stringify(channel)}`)));
    }
    const deadlineMs = callDeadlineMs(channel);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(rejection(errorInfo('timeout', `no reply to ${channel} within ${deadlineMs} ms`))), deadlineMs);
    });
    const answered = ipcRenderer.invoke(channel, request).then(
      (reply: unknown) => unwrap(reply) as never,
      (err: unknown) => {
        throw rejection(errorInfo('internal', err instanceof Error ? err.message : String(err)));
      },
    );
    return Promise.race([answered, late]).finally(() => clearTimeout(timer));
  },
  onEvent(listener: (event: KioskEvent) => void): () => void {
    const relay = (_event: IpcRendererEvent, pushed: KioskEvent): void => listener(pushed);
    ipcRenderer.on(KIOSK_EVENT_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(KIOSK_EVENT_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('kiosk', api);
