/**
 * The simulator control API (ARCHITECTURE.md §4, §8.2, §8.4, §8.13): JSON over HTTP on loopback, for tests,
 * trainers and the control panel. Faults are set in the status words, partially; state is reset between
 * tests; in training mode the clock can be set or advanced.
 *
 *   GET    /sim/devices                 [{ id, role, roles, model, status, actions }]
 *   POST   /sim/devices/:id/faults      { paper?, coverOpen?, …, afterLines? } → the device's new status
 *   DELETE /sim/devices/:id/faults      → the device's status, healthy
 *   GET    /sim/devices/:id/printed     [{ seq, at, lines, qr, barcodes, images, cut, delivery?, bytesBase64 }]
 *   POST   /sim/devices/:id/<action>    one of the device's own actions (e.g. take) → its new status
 *   DELETE /sim/devices/:id/<action>    ends it, where that means something (a card lifted)
 *   POST   /sim/clock                   { set: ISO } | { advanceMs: n } → { now: ISO }
 *   POST   /sim/reset                   → every device healthy and empty; the device list
 *   GET    /sim, /sim/panel/…           the control panel page and what it polls (panel/panel-routes.ts)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, assertLoopbackRequest, readJsonBody, sendJson } from './http-json';
import { createPanelRoutes } from './panel/panel-routes';
import { SimActionError, SimFaultError, type SimAction, type SimDevice } from './sim-device';
import type { SimRegistry } from './sim-registry';

/** What the control API needs of the clock: ManualClock and the real-time adjustable clocks both fit. */
export interface SimControlClock {
  now(): number;
  set(epochMs: number): void;
  advance(ms: number): void;
}

export interface SimControlOptions {
  registry: SimRegistry;
  clock: SimControlClock;
  /** Default 16 KiB. */
  maxBodyBytes?: number;
  /**
   * More simulators' control routes by exact path, e.g. the platform simulator's `/sim/platform/*`
   * (devices-sim/platform/platform-control-routes.ts): one control API for everything a trainer drives.
   */
  routes?: Readonly<Record<string, Route['methods']>>;
}

export type SimRequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
/** The furthest one POST /sim/clock may move time forward: a year. */
export const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;
/** An offset is required: a zone-less time would depend on the machine's zone (§8.4). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/u;

type Route = { methods: Partial<Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void>> };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function summary(d: SimDevice): unknown {
  const actions = Object.entries(d.actions()).map(([name, a]) => ({ name, description: a.description, methods: [...(a.start ? ['POST'] : []), ...(a.stop ? ['DELETE'] : [])] }));
  return { id: d.id, role: d.roles[0], roles: [...d.roles], model: d.model, status: d.status(), actions };
}

/** Runs a device action, its refusals as HTTP errors. */
function runAction(run: () => unknown, res: ServerResponse): void {
  try {
    sendJson(res, 200, run());
  } catch (err) {
    if (err instanceof SimActionError) throw new HttpError(err.badRequest ? 400 : 409, err.message);
    throw err;
  }
}

function actionRoute(d: SimDevice, name: string, limit: number): Route | undefined {
  const actions = d.actions();
  const action: SimAction | undefined = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
  if (!action) return undefined;
  const methods: Route['methods'] = {};
  const { start, stop } = action;
  if (start) {
    methods.POST = async (req, res) => {
      const body = (await readJsonBody(req, limit)) ?? {};
      runAction(() => start.call(action, body), res);
    };
  }
  if (stop) methods.DELETE = (_req, res) => runAction(() => stop.call(action), res);
  return { methods };
}

function parseClockBody(body: unknown): { set: number } | { advanceMs: number } {
  const usage = 'send {"set": "<ISO time with Z or an offset>"} or {"advanceMs": <milliseconds>}';
  if (!isPlainObject(body)) throw new HttpError(400, usage);
  const keys = Object.keys(body);
  if (keys.length !== 1) throw new HttpError(400, `${usage}, exactly one of them`);
  if (keys[0] === 'set') {
    const value = body.set;
    const ms = typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms)) throw new HttpError(400, `set must be an ISO 8601 time with Z or an offset, e.g. "2026-11-23T09:00:00+08:00"; got ${JSON.stringify(value)}`);
    return { set: ms };
  }
  if (keys[0] === 'advanceMs') {
    const value = body.advanceMs;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_ADVANCE_MS) {
      throw new HttpError(400, `advanceMs must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS}; got ${JSON.stringify(value)}`);
    }
    return { advanceMs: value };
  }
  throw new HttpError(400, `unknown field "${keys[0]}": ${usage}`);
}

export function createSimControlServer(options: SimControlOptions): SimRequestHandler {
  const { registry, clock } = options;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const panel = createPanelRoutes({ registry, clock });

  const device = (id: string): SimDevice => {
    const d = registry.get(id);
    if (!d) throw new HttpError(404, `no simulated device "${id}"; known: ${registry.list().map((x) => x.id).join(', ') || 'none'}`);
    return d;
  };

  const deviceRoutes = (id: string, action: string): Route | undefined => {
    if (action === 'faults') {
      return {
        methods: {
          POST: async (req, res) => {
            const d = device(id);
            const body = await readJsonBody(req, limit);
            if (body === undefined) throw new HttpError(400, 'the body must be a JSON object of faults, e.g. {"paper":"out"}');
            try {
              sendJson(res, 200, d.setFaults(body));
            } catch (err) {
              if (err instanceof SimFaultError) throw new HttpError(400, err.message, {}, err.field);
              throw err;
            }
          },
          DELETE: (_req, res) => {
            const d = device(id);
            d.clearFaults();
            sendJson(res, 200, d.status());
          },
        },
      };
    }
    if (action === 'printed') return { methods: { GET: (_req, res) => sendJson(res, 200, device(id).printed()) } };
    const d = device(id);
    const own = actionRoute(d, action, limit);
    if (!own) throw new HttpError(404, `device "${id}" has no action "${action}"; its actions: ${Object.keys(d.actions()).join(', ') || 'none'} (and faults, printed)`);
    return own;
  };

  const route = (path: string): Route | undefined => {
    const extra = options.routes && Object.prototype.hasOwnProperty.call(options.routes, path) ? options.routes[path] : undefined;
    if (extra) return { methods: extra };
    const panelRoute = panel(path);
    if (panelRoute) return panelRoute;
    if (path === '/sim/devices') return { methods: { GET: (_req, res) => sendJson(res, 200, registry.list().map(summary)) } };
    if (path === '/sim/reset') {
      return {
        methods: {
          POST: async (req, res) => {
            await readJsonBody(req, limit);
            registry.resetAll();
            sendJson(res, 200, registry.list().map(summary));
          },
        },
      };
    }
    if (path === '/sim/clock') {
      return {
        methods: {
          POST: async (req, res) => {
            const change = parseClockBody(await readJsonBody(req, limit));
            if ('set' in change) clock.set(change.set);
            else clock.advance(change.advanceMs);
            sendJson(res, 200, { now: new Date(clock.now()).toISOString() });
          },
        },
      };
    }
    const m = /^\/sim\/devices\/([^/]+)\/([^/]+)$/u.exec(path);
    if (!m) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      throw new HttpError(400, 'the device id in the path is not valid percent-encoding');
    }
    return deviceRoutes(id, m[2]!);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    assertLoopbackRequest(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const r = route(path);
    if (!r) throw new HttpError(404, `no route ${path}`);
    const method = req.method ?? 'GET';
    const fn = r.methods[method];
    if (!fn) {
      const allow = Object.keys(r.methods).join(', ');
      throw new HttpError(405, `${method} is not allowed on ${path}; use ${allow}`, { Allow: allow });
    }
    await fn(req, res);
  };

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) sendJson(res, err.statusCode, err.field === undefined ? { error: err.message } : { error: err.message, field: err.field }, err.headers);
      else sendJson(res, 500, { error: `internal error: ${err instanceof Error ? err.message : String(err)}` });
    });
  };
}

export interface LoopbackListener {
  server: Server;
  port: number;
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` on 127.0.0.1 (port 0: any free port, §8.13). */
export async function listenOnLoopback(handler: SimRequestHandler, port = 0): Promise<LoopbackListener> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
