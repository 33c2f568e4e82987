/**
 * The device editor's test of a new port before it is saved (issue 15 §3): open the link the new entry
 * names and close it again. A port that does not exist, is busy or refuses is reported in words and nothing
 * is saved. When the new entry names the port the device holds now (a new speed, a new model row), the
 * device lets go of it first: the change that follows reopens it either way (on the new entry, or the old
 * one on roll-back).
 */
import { connect } from 'node:net';
import type { TransportConfig } from '../../../common/device';
import type { Device } from '../../../drivers/devices/device-types';
import { DRIVERS } from '../../device-drivers/driver-table';
import { openHidReportTransport } from '../../device-drivers/hidpos-transport';
import { openRealTransport } from '../../device-drivers/real-transports';
import type { DeviceEntryConfig } from '../config/config-types';
import { bilingual, DiagnosticsError } from './diagnostics-error';

const OPEN_TIMEOUT_MS = 5_000;

const DEFAULT_PORTS: Record<string, number> = { 'ipp:': 631, 'ipps:': 631, 'http:': 80, 'https:': 443 };

/** An address entry (IPP, a vendor's local service): something accepts a connection at its host and port. */
async function testAddress(id: string, url: string): Promise<void> {
  const parsed = new URL(url);
  const port = parsed.port === '' ? DEFAULT_PORTS[parsed.protocol] ?? 80 : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[|\]$/gu, '');
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port, timeout: OPEN_TIMEOUT_MS }, () => {
        socket.end();
        resolve();
      });
      socket.on('timeout', () => socket.destroy(new Error(`no answer in ${OPEN_TIMEOUT_MS} ms`)));
      socket.on('error', reject);
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new DiagnosticsError('portTestFailed', bilingual(`${id}：${host}:${port} 无法连接（${why}），配置未保存`, `${id}: nothing answers at ${host}:${port} (${why}): nothing was saved`));
  }
}

const samePort = (a: TransportConfig | undefined, b: TransportConfig): boolean => a !== undefined && JSON.stringify({ ...a, baudRate: 0, flowControl: 0 }) === JSON.stringify({ ...b, baudRate: 0, flowControl: 0 });

export async function testPort(id: string, entry: DeviceEntryConfig, current: Device | undefined, currentTransport?: TransportConfig): Promise<void> {
  const t = entry.transport;
  if (t.kind === 'sim' || t.kind === 'uvc') throw new DiagnosticsError('portTestFailed', bilingual(`${id} 的新链路无法测试（${t.kind}）`, `${id}: a ${t.kind} link cannot be tested`));
  if (t.kind === 'ipp' || t.kind === 'http') return testAddress(id, t.url);
  if (current && samePort(currentTransport, t)) await current.close().catch(() => undefined);
  const link = DRIVERS[entry.driver]?.link === 'reports' ? openHidReportTransport(id, t) : openRealTransport(id, t, { model: entry.model });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      link.open(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the port in ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    throw new DiagnosticsError('portTestFailed', bilingual(`无法打开 ${link.description}：${err instanceof Error ? err.message : String(err)}，配置未保存`, `${link.description} could not be opened (${err instanceof Error ? err.message : String(err)}): nothing was saved`));
  } finally {
    clearTimeout(timer);
    await link.close().catch(() => undefined);
  }
}
