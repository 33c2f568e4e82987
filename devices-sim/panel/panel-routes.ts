/**
 * The control panel's routes on the simulator control server (issue 15 item 4; README "Simulator control
 * API"), mounted by control-api.ts, so they share its loopback checks (§8.5) and run only where it does
 * (training mode, main/composition.ts):
 *
 *   GET /sim, /sim/                       the panel page (panel-page.ts)
 *   GET /sim/panel/state                  { now, devices: [{ id, model, roles, kind, title, status, statusText,
 *                                           groups, printed? }] }: all the page polls for
 *   GET /sim/panel/printed/:id/:seq.svg   that printed ticket drawn as paper (ticket-drawing.ts)
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http-json';
import { isPrintedTicket, type SimDevice } from '../sim-device';
import type { SimRegistry } from '../sim-registry';
import { KIND_TITLES, deviceKind, panelGroups } from './panel-controls';
import { PANEL_CSP, PANEL_HTML } from './panel-page';
import { statusText } from './panel-status-text';
import { qrModules } from './qr-modules';
import { drawPrintedTicket } from './ticket-drawing';

/** Tickets per printer the page shows (newest first); the printed list keeps up to 500 (paper-model.ts). */
export const PANEL_TICKETS_SHOWN = 8;

export interface PanelRoute {
  methods: Partial<Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void>>;
}

export interface PanelRoutesOptions {
  registry: SimRegistry;
  clock: { now(): number };
}

const SVG_PATH = /^\/sim\/panel\/printed\/([^/]+)\/(\d{1,9})\.svg$/u;

function send(res: ServerResponse, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

/** Tells one printed ticket from another of the same seq after a reset (seq starts again at 1). */
const ticketKey = (seq: number, at: string, bytesBase64: string): string => createHash('sha256').update(`${seq} ${at} ${bytesBase64}`).digest('hex').slice(0, 16);

function deviceState(d: SimDevice): unknown {
  const status = d.status();
  const kind = deviceKind(d);
  const state: Record<string, unknown> = { id: d.id, model: d.model, roles: [...d.roles], kind, title: KIND_TITLES[kind], status, statusText: statusText(status), groups: panelGroups(d) };
  if (kind === 'printer') {
    const all = d.printed().filter(isPrintedTicket);
    const shown = all.slice(-PANEL_TICKETS_SHOWN).reverse().map((t) => ({
      seq: t.seq,
      at: t.at,
      cut: t.cut,
      ...(t.delivery && { delivery: t.delivery }),
      key: ticketKey(t.seq, t.at, t.bytesBase64),
    }));
    state.printed = { total: all.length, shown };
  }
  return state;
}

/** The panel's route for `path`, or undefined when the path is not the panel's. */
export function createPanelRoutes(options: PanelRoutesOptions): (path: string) => PanelRoute | undefined {
  const { registry, clock } = options;
  const page: PanelRoute = {
    methods: {
      GET: (_req, res) => send(res, 'text/html; charset=utf-8', PANEL_HTML, { 'Content-Security-Policy': PANEL_CSP, 'X-Frame-Options': 'DENY' }),
    },
  };
  const state: PanelRoute = {
    methods: {
      GET: (_req, res) => sendJson(res, 200, { now: new Date(clock.now()).toISOString(), devices: registry.list().map(deviceState) }),
    },
  };
  const drawing = (rawId: string, seq: number): PanelRoute => ({
    methods: {
      GET: (_req, res) => {
        let id: string;
        try {
          id = decodeURIComponent(rawId);
        } catch {
          throw new HttpError(400, 'the device id in the path is not valid percent-encoding');
        }
        const d = registry.get(id);
        if (!d) throw new HttpError(404, `no simulated device "${id}"`);
        const ticket = d.printed().filter(isPrintedTicket).find((t) => t.seq === seq);
        if (!ticket) throw new HttpError(404, `device "${id}" has no printed ticket ${seq} (the printed list keeps the last 500)`);
        send(res, 'image/svg+xml; charset=utf-8', drawPrintedTicket(ticket, d.model, qrModules), { 'Content-Security-Policy': "default-src 'none'" });
      },
    },
  });
  return (path) => {
    if (path === '/sim' || path === '/sim/') return page;
    if (path === '/sim/panel/state') return state;
    const m = SVG_PATH.exec(path);
    return m ? drawing(m[1]!, Number(m[2])) : undefined;
  };
}
