/**
 * The KioskApi over Electron IPC, main side (ARCHITECTURE.md §8.10): one `ipcMain.handle` per `domain:verb`
 * channel of common/kiosk-api-channels.ts (§8.16), and no other. A call is answered only for the kiosk window's main frame showing the app's own page, and only
 * with a body its channel's validator accepts; then it goes to the supervisor, which relays it to the host.
 * Every outcome resolves to an ApiReply: Electron passes only an Error's message through `invoke`, so a
 * failure travels as data and the preload turns it into the rejection the renderer sees.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiChannel, ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';
import { API_CHANNELS } from '../../common/kiosk-api-channels';
import { SILENT_LOGGER, type Logger } from '../../common/logger';
import { checkWireRequest, errorReply } from '../web/api-wire';
import { isAppUrl, KIOSK_EVENT_CHANNEL } from './app-url';


export interface IpcBridgeOptions {
  /** The kiosk window: the only sender answered, and where pushes go. */
  window: BrowserWindow;
  /** The supervisor's relay (Supervisor.call). */
  call: (request: ApiRequest) => Promise<ApiReply>;
  log?: Logger;
}

export interface IpcBridge {
  /** A host push, forwarded to the kiosk page on `kiosk:event`. */
  push(push: ApiPush): void;
  dispose(): void;
}

/** The sender is the kiosk window's main frame, showing an app:// page (not a frame, another window or a stray page). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow): boolean {
  if (window.isDestroyed()) return false;
  const contents = window.webContents;
  const frame = event.senderFrame;
  if (event.sender.id !== contents.id || frame === null) return false;
  const main = contents.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}

export function installIpcBridge(options: IpcBridgeOptions): IpcBridge {
  const { window, call } = options;
  const log = options.log ?? SILENT_LOGGER;
  let nextId = 1;

  async function answer(channel: ApiChannel, event: IpcMainInvokeEvent, body: unknown): Promise<ApiReply> {
    const id = nextId++;
    if (!isTrustedSender(event, window)) {
      log.warn('IPC call from a foreign sender refused', { channel, url: event.senderFrame?.url ?? null });
      return errorReply(id, 'forbidden', 'not the kiosk page');
    }
    const checked = checkWireRequest({ kind: 'request', id, channel, request: body });
    if (!checked.ok) {
      log.warn('IPC call refused', { channel, error: checked.reply.ok ? undefined : checked.reply.error.detail });
      return checked.reply;
    }
    try {
      return await call(checked.request);
    } catch (err) {
      log.error('IPC relay failed', { channel, error: String(err) });
      return errorReply(id, 'offline', 'host unavailable');
    }
  }

  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, (event, body: unknown) => answer(channel, event, body));
  }

  return {
    push(push: ApiPush): void {
      if (window.isDestroyed() || window.webContents.isDestroyed()) return;
      window.webContents.send(KIOSK_EVENT_CHANNEL, push.event);
    },
    dispose(): void {
      for (const channel of API_CHANNELS) ipcMain.removeHandler(channel);
    },
  };
}
