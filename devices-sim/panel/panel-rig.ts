/**
 * The panel's own test rig (panel-routes.test.ts): one simulator of every kind the default configuration
 * has, plus a presenter printer, on memory pairs with a manual clock, behind a real control server on
 * 127.0.0.1 (ARCHITECTURE.md §8.13: port 0). Only tests import it.
 */
import { request } from 'node:http';
import { EscPosEncoder } from '../../drivers/protocol/escpos/encoder';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { ManualClock } from '../../common/manual-clock';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from '../control-api';
import { SimEscPosPrinter } from '../escpos/sim-escpos-printer';
import { SimFaceCamera } from '../face-camera/sim-face-camera';
import { SimGa467Reader } from '../ga467/sim-ga467-reader';
import { SimHidScanner } from '../hid-scanner/sim-hid-scanner';
import { SimRegistry } from '../sim-registry';
import { INSTANT_TIMING } from '../zfm/module-timing';
import { SimZfmFingerprint } from '../zfm/sim-zfm-fingerprint';

export interface PanelReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface PanelRig {
  clock: ManualClock;
  registry: SimRegistry;
  listener: LoopbackListener;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<PanelReply>;
  /** Prints `bytes` on printer `id` ("ticket-printer" or "presenter") and lets it finish. */
  print(id: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function panelRig(): Promise<PanelRig> {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 1, 0, 0));
  const hosts = new Map<string, ReturnType<typeof createMemoryPair>['host']>();
  const printer = (id: string, model: string): SimEscPosPrinter => {
    const pair = createMemoryPair(id);
    hosts.set(id, pair.host);
    return new SimEscPosPrinter({ id, model, transport: pair.device, clock, lineTimeMs: 0, ticketTakenAfterMs: null });
  };
  const readerPair = createMemoryPair('reader');
  const fingerPair = createMemoryPair('finger');
  const scannerPair = createReportMemoryPair('scanner');
  const devices = [
    printer('ticket-printer', 'generic-escpos-80'),
    printer('presenter', 'custom-vkp80'),
    new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', roles: ['idCardReader'], transport: readerPair.device, clock, baud: 0 }),
    new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', roles: ['fingerprintReader'], transport: fingerPair.device, clock, baud: 0, timing: INSTANT_TIMING }),
    new SimHidScanner({ id: 'scanner', model: 'generic-hidpos', roles: ['barcodeScanner'], transport: scannerPair.device, clock }),
    new SimFaceCamera({ id: 'face-camera', model: 'sim-face', roles: ['faceCamera'], clock }),
  ];
  for (const d of devices) if ('start' in d) await d.start();
  for (const host of hosts.values()) await host.open();
  await scannerPair.host.open();
  const registry = new SimRegistry(devices);
  const listener = await listenOnLoopback(createSimControlServer({ registry, clock }));
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<PanelReply> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${listener.url}${path}`, { method, headers: { ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers } });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(text);
    });
  return {
    clock,
    registry,
    listener,
    call,
    async print(id, bytes) {
      await hosts.get(id)!.write(bytes);
      for (let i = 0; i < 3; i++) await turn();
    },
    async close() {
      await listener.close();
      for (const d of devices) if ('stop' in d) await d.stop();
    },
  };
}

/** A small ticket as the kiosk prints one (drivers/devices/escpos/render-document.ts): init, FS &, text, QR, cut. */
export function sampleTicket(number: string): Uint8Array {
  return new EscPosEncoder()
    .initialize()
    .chineseMode(true)
    .align('center')
    .bold(true)
    .line('社保医保')
    .size(3, 3)
    .line(number)
    .size(1, 1)
    .bold(false)
    .line('前面还有 2 人')
    .qr(`https://example.gov.cn/t/${number}`, { moduleSize: 6 })
    .newline()
    .align('left')
    .feedLines(4)
    .cut('partial')
    .build().bytes;
}
