/**
 * A stand-in for the `electron` module, for unit tests of the shell on a machine without the Electron binary:
 * `vi.mock('electron', async () => (await import('<path>/test/electron/fake-electron')).fakeElectron)`.
 * Every object records what the code under test installed (handlers, listeners, options, sent messages) and
 * lets the test fire the events Electron would. Objects are stable singletons; call `resetFakeElectron()`
 * in `beforeEach`.
 */
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** An Electron-style event object; `extra` adds fields such as `url` (will-navigate) or `frame`. */
export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...(extra ?? {}),
  } as FakeEvent & T;
  return event;
}

/** Emits `name` with a fresh event object first and returns it, so the test can read defaultPrevented. */
export function emitEvent<T extends object>(emitter: EventEmitter, name: string, extra?: T, ...args: unknown[]): FakeEvent & T {
  const event = fakeEvent(extra);
  emitter.emit(name, event, ...args);
  return event;
}

let nextId = 1;

export class FakeWebFrame {
  constructor(
    public url: string,
    public readonly processId: number,
    public readonly routingId: number,
    public readonly parent: FakeWebFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeWebFrame('about:blank', 100 + this.id, 1);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loadedUrls: string[] = [];
  zoomFactor = 1;
  devToolsClosed = 0;
  destroyed = false;

  /** A child frame of this page (an iframe), for sender checks. */
  subFrame(url: string): FakeWebFrame {
    return new FakeWebFrame(url, this.mainFrame.processId, 2, this.mainFrame);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
    // As in Electron: the app hears of every new webContents.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `sender` / `senderFrame` would do. */
  async invoke(channel: string, from: { sender: FakeWebContents; senderFrame: FakeWebFrame | null }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(fakeEvent(from), ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** The main process's answer to invoke; tests replace it. */
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = () => Promise.reject(new Error('no answer set'));
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.answer(channel, ...args);
  }
  send(): void {
    throw new Error('the kiosk preload must not use ipcRenderer.send');
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: never[]) => void) | null = null;
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: never[]) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** False: another instance holds the single-instance lock. */
  lockAvailable = true;
  lockRequests = 0;
  quitCalls = 0;
  /** Set when a quit went through (no 'before-quit' listener prevented it). */
  quitted = false;
  exitCode: number | null = null;
  readonly userData = '/var/lib/hallkiosk-test';

  requestSingleInstanceLock(): boolean {
    this.lockRequests += 1;
    return this.lockAvailable;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath(${name}) not supported`);
    return this.userData;
  }
  quit(): void {
    this.quitCalls += 1;
    const event = emitEvent(this, 'before-quit');
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};
export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response> | Response): void {
    protocol.handlers.set(scheme, handler);
  },
};
export const session = { defaultSession: new FakeSession() };
export const Menu = {
  /** 'default' until the code under test replaces the application menu. */
  applicationMenu: 'default' as unknown,
  setApplicationMenu(menu: unknown): void {
    Menu.applicationMenu = menu;
  },
};
export const screen = {
  primaryBounds: { x: 0, y: 0, width: 1080, height: 1920 },
  getPrimaryDisplay: () => ({ bounds: { ...screen.primaryBounds } }),
};
export const webContents = {
  getAllWebContents: (): FakeWebContents[] => FakeBrowserWindow.instances.map((w) => w.webContents),
};

/** The module object handed to vi.mock('electron', …). */
export const fakeElectron = { app, BrowserWindow: FakeBrowserWindow, ipcMain, ipcRenderer, contextBridge, protocol, session, Menu, screen, webContents };

export function resetFakeElectron(): void {
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, lockAvailable: true, lockRequests: 0, quitCalls: 0, quitted: false, exitCode: null });
  FakeBrowserWindow.instances = [];
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.answer = () => Promise.reject(new Error('no answer set'));
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  Menu.applicationMenu = 'default';
  screen.primaryBounds = { x: 0, y: 0, width: 1080, height: 1920 };
}
