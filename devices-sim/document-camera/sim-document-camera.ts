/**
 * A simulated document camera's vendor local service (issue 17 §3; docs/document-camera.md §2; protocols.md §6):
 * an HTTP server on 127.0.0.1 (port 0) answering the documented JSON contract as a vendor's service would,
 * quirks included — HTTP 200 with the state in the body, −1 before open, −2 for the first polls after open
 * (warming up), optionally codes as strings and images with a data-URL prefix. Frames come from a scene
 * (plate-scene.ts): the page a tester lays with `POST /sim/devices/<id>/page` (DELETE lifts it), a hand moving
 * over it for its first frames, noise on every frame. Faults `unplugged`, `noReply`, `slowMs`; the lamp is an
 * action (`light`) as well as the service's `POST /api/camera/light`. Time comes from the injected clock.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode as encodeJpeg } from 'jpeg-js';
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceStatus } from '../../common/device';
import { HttpError, assertLoopbackRequest, readJsonBody, sendJson } from '../http-json';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice, type SimOutput } from '../sim-device';
import { parseDocCamFaults, type DocCamFaults } from './doccam-faults';
import { parsePageRequest } from './page-request';
import { renderFrame, renderStill, type PlacedPage } from './plate-scene';

export interface SimDocumentCameraOptions {
  id: string;
  model: string;
  roles?: readonly DeviceRole[];
  clock: Clock;
  /** The sensor's largest frame; an open asks for at most this. Default 1600×1200. */
  sensorWidth?: number;
  sensorHeight?: number;
  /** Preview frames (`?preview=1`) this wide; default 640. */
  previewWidth?: number;
  /** Polls answered −2 after each open; default 3. */
  warmUpPolls?: number;
  /** Frames with a moving hand after a page is laid; default 6. */
  handFrames?: number;
  /** Sensor noise, ± per byte; default 3. */
  noise?: number;
  seed?: number;
  /** Vendor quirks the driver must survive: state codes as strings, images as data URLs. */
  codesAsStrings?: boolean;
  dataUrlImages?: boolean;
}

interface Frame {
  width: number;
  height: number;
}

/** JSON body limit of the service and of the page action (an A4 page PNG at 200 dpi is a few MB). */
const MAX_BODY_BYTES = 24 * 1024 * 1024;
/** Differently noisy frames kept per size: consecutive frames always differ, as a real sensor's do. */
const POOL_SIZE = 4;

export class SimDocumentCamera implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  private server: Server | null = null;
  private port = 0;
  private faults: Required<DocCamFaults> = { unplugged: false, noReply: false, slowMs: 0 };
  private opened: Frame | null = null;
  private warmUpLeft = 0;
  private page: PlacedPage | null = null;
  private handLeft = 0;
  private handStep = 0;
  private lit = true;
  private rng: SeededRandom;
  private readonly stills = new Map<string, Uint8Array>();
  /** Encoded still frames per size, each with its own noise, served in turn (encoding is the costly part). */
  private readonly pool = new Map<string, string[]>();
  private poolTurn = 0;
  private readonly hung = new Set<ServerResponse>();
  private readonly timers = new Set<TimerHandle>();
  private frames = 0;

  constructor(private readonly options: SimDocumentCameraOptions) {
    this.id = options.id;
    this.model = options.model;
    this.roles = [...(options.roles ?? ['documentCamera'])];
    this.rng = new SeededRandom(options.seed ?? 1);
  }

  /** The service's base URL once started. */
  get url(): string {
    if (this.server === null) throw new Error(`${this.id}: the simulated service has not started`);
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  status(): DeviceStatus {
    return { device: this.faults.unplugged ? 'noDevice' : 'online', camera: { streaming: this.opened !== null && !this.faults.unplugged, documentPresent: this.page !== null } };
  }

  setFaults(body: unknown): DeviceStatus {
    this.faults = { ...this.faults, ...parseDocCamFaults(body) };
    if (this.faults.unplugged) this.opened = null; // the service drops the vanished camera
    return this.status();
  }

  clearFaults(): void {
    this.faults = { unplugged: false, noReply: false, slowMs: 0 };
  }

  /** A camera prints nothing; its frames are session data, never kept for inspection. */
  printed(): SimOutput[] {
    return [];
  }

  reset(): void {
    this.clearFaults();
    this.opened = null;
    this.page = null;
    this.lit = true;
    this.clearScene();
    this.rng = new SeededRandom(this.options.seed ?? 1);
    this.frames = 0;
  }

  /** Frames served since start or reset (tests check that a capture polled, and stopped polling). */
  get framesServed(): number {
    return this.frames;
  }

  get lightOn(): boolean {
    return this.lit;
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      page: {
        description: 'POST {"image": base64 PNG/JPEG, "rotateDeg"?, "offsetX"?, "offsetY"?, "scale"?, "handFrames"?} lays a page on the plate (a hand moves over it for its first frames); DELETE lifts it',
        start: (body) => {
          this.layPage(parsePageRequest(body));
          return this.status();
        },
        stop: () => {
          if (this.page === null) throw new SimActionError('no page lies on the plate');
          this.page.picture.data.fill(0);
          this.page = null;
          this.clearScene();
          return this.status();
        },
      },
      light: {
        description: 'POST {"on": true|false} switches the plate lamp as its button would; DELETE switches it off',
        start: (body) => {
          const on = (body as { on?: unknown }).on;
          if (typeof on !== 'boolean') throw new SimActionError('send {"on": true} or {"on": false}', true);
          this.setLight(on);
          return this.status();
        },
        stop: () => {
          this.setLight(false);
          return this.status();
        },
      },
    };
  }

  private layPage(request: ReturnType<typeof parsePageRequest>): void {
    const w = this.options.sensorWidth ?? 1600;
    const h = this.options.sensorHeight ?? 1200;
    const { picture } = request;
    const scale = request.scale ?? Math.min((0.8 * w) / picture.width, (0.8 * h) / picture.height);
    this.page?.picture.data.fill(0);
    this.page = { picture, scale, rotateDeg: request.rotateDeg, cx: w / 2 + request.offsetX, cy: h / 2 + request.offsetY };
    this.handLeft = request.handFrames ?? this.options.handFrames ?? 6;
    this.handStep = 0;
    this.clearScene();
  }

  private clearScene(): void {
    this.stills.clear();
    this.pool.clear();
  }

  private setLight(on: boolean): void {
    if (on !== this.lit) this.clearScene();
    this.lit = on;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      assertLoopbackRequest(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = req.method === 'POST' ? await readJsonBody(req, MAX_BODY_BYTES) : undefined;
      if (this.faults.noReply) {
        this.hung.add(res);
        res.on('close', () => this.hung.delete(res));
        return;
      }
      const reply = this.route(req.method ?? 'GET', url, body);
      if (this.faults.slowMs > 0) {
        const timer = this.options.clock.setTimer(this.faults.slowMs, () => {
          this.timers.delete(timer);
          if (!res.destroyed) this.send(res, reply);
        });
        this.timers.add(timer);
      } else this.send(res, reply);
    } catch (err) {
      const status = err instanceof HttpError ? err.statusCode : 500;
      sendJson(res, status, { code: -100, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The service's replies; state codes per protocols.md §6 (HTTP is 200 for all of them, as such services do). */
  private route(method: string, url: URL, body: unknown): Record<string, unknown> {
    const key = `${method} ${url.pathname}`;
    if (key === 'GET /api/device/info') {
      const cameras = this.faults.unplugged ? [] : [{ index: 0, name: 'Document', width: this.options.sensorWidth ?? 1600, height: this.options.sensorHeight ?? 1200 }];
      return { code: 0, data: { model: 'HK-DC500 (simulated)', serial: `SIM-${this.id}`, firmware: '1.0.0-sim', light: this.lit, cameras } };
    }
    if (key === 'POST /api/camera/open') return this.open(body);
    if (key === 'POST /api/camera/close') {
      this.opened = null;
      return { code: 0 };
    }
    if (key === 'POST /api/camera/light') {
      const on = (body as { on?: unknown } | undefined)?.on;
      if (typeof on !== 'boolean') return { code: -100, message: 'on must be true or false' };
      this.setLight(on);
      return { code: 0 };
    }
    if (key === 'GET /api/camera/image') return this.image(url.searchParams.get('preview') === '1');
    throw new HttpError(404, `no such endpoint: ${key}`);
  }

  private open(body: unknown): Record<string, unknown> {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (this.faults.unplugged || (b.index !== undefined && b.index !== 0)) return { code: -2, message: 'open failed' };
    const maxW = this.options.sensorWidth ?? 1600;
    const maxH = this.options.sensorHeight ?? 1200;
    const width = typeof b.width === 'number' && b.width > 0 ? Math.min(maxW, Math.round(b.width)) : maxW;
    const height = typeof b.height === 'number' && b.height > 0 ? Math.min(maxH, Math.round(b.height)) : maxH;
    this.opened = { width, height };
    this.warmUpLeft = this.options.warmUpPolls ?? 3;
    return { code: 0, data: { width, height } };
  }

  private image(preview: boolean): Record<string, unknown> {
    if (this.opened === null) return { code: -1, message: 'camera not open' };
    if (this.warmUpLeft > 0) {
      this.warmUpLeft--;
      return { code: -2, message: 'no image' };
    }
    const capture = this.opened;
    const width = preview ? Math.min(capture.width, this.options.previewWidth ?? 640) : capture.width;
    const height = Math.round((capture.height * width) / capture.width);
    const stillKey = `${width}x${height}`;
    let still = this.stills.get(stillKey);
    if (still === undefined) {
      still = renderStill(width, height, this.options.sensorWidth ?? 1600, this.page, this.lit);
      this.stills.set(stillKey, still);
    }
    const hand = this.page !== null && this.handLeft > 0 ? this.handStep++ : null;
    if (hand !== null) this.handLeft--;
    const pool = this.pool.get(stillKey) ?? [];
    this.pool.set(stillKey, pool);
    let base64: string;
    if (hand === null && pool.length >= POOL_SIZE) base64 = pool[this.poolTurn++ % pool.length]!;
    else {
      const rgba = renderFrame(still, width, height, this.rng, this.options.noise ?? 3, hand);
      base64 = encodeJpeg({ data: rgba, width, height }, preview ? 75 : 88).data.toString('base64');
      rgba.fill(0);
      if (hand === null) pool.push(base64);
    }
    this.frames++;
    return { code: 0, data: this.options.dataUrlImages ? `data:image/jpeg;base64,${base64}` : base64, width, height };
  }

  private send(res: ServerResponse, reply: Record<string, unknown>): void {
    sendJson(res, 200, this.options.codesAsStrings && typeof reply.code === 'number' ? { ...reply, code: String(reply.code) } : reply);
  }
}
