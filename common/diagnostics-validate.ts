/**
 * Shape checks of the technician channels' requests (issue 15 §3; ARCHITECTURE.md §8.10). A raw command's
 * hex is checked for what it is by the host (diagnostics/hex-input.ts), here only for its size.
 */
import { exactKeys, isPlainObject, type Checked, type Validator } from './api-validate';
import type { DeviceEditRequest, FramesRequest, HealthCheckRequest, MaintenanceRequest, RawCommandRequestView } from './diagnostics';

const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const MODEL_ID = /^[A-Za-z0-9_.-]{1,64}$/u;
/**
 * Serial device paths: /dev/ttyUSB0, /dev/serial/by-id/…, a udev link anywhere (absolute, no `..`); COM3 where
 * Windows runs the kiosk.
 */
const SERIAL_PATH = /^(\/(?!.*\/\.\.(\/|$))[A-Za-z0-9_./:+-]{1,200}|COM\d{1,3})$/u;
const HOST = /^[A-Za-z0-9.-]{1,253}$/u;
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400] as const;
/** Room for a command of 1024 bytes written with spaces and 0x prefixes. */
const MAX_HEX_TEXT = 6000;

type Fields = Record<string, unknown>;

function object(value: unknown, keys: readonly string[]): Checked<Fields> {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, keys);
  return extra ? { ok: false, detail: extra } : { ok: true, value };
}

function deviceId(value: unknown): string | null {
  return typeof value === 'string' && DEVICE_ID.test(value) ? value : null;
}

export const validateHealthCheckRequest: Validator<HealthCheckRequest> = (value) => {
  const o = object(value, ['deviceId', 'level']);
  if (!o.ok) return o;
  const id = deviceId(o.value.deviceId);
  if (id === null) return { ok: false, detail: 'deviceId must be a device id' };
  const level = o.value.level;
  if (level !== 'internal' && level !== 'external' && level !== 'interactive') return { ok: false, detail: 'level must be "internal", "external" or "interactive"' };
  return { ok: true, value: { deviceId: id, level } };
};

export const validateFramesRequest: Validator<FramesRequest> = (value) => {
  const o = object(value, ['deviceId', 'afterSeq']);
  if (!o.ok) return o;
  const id = deviceId(o.value.deviceId);
  if (id === null) return { ok: false, detail: 'deviceId must be a device id' };
  const after = o.value.afterSeq;
  if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) return { ok: false, detail: 'afterSeq must be a whole number, 0 or more' };
  return { ok: true, value: { deviceId: id, afterSeq: after } };
};

export const validateMaintenanceRequest: Validator<MaintenanceRequest> = (value) => {
  const o = object(value, ['deviceId', 'on']);
  if (!o.ok) return o;
  const id = deviceId(o.value.deviceId);
  if (id === null) return { ok: false, detail: 'deviceId must be a device id' };
  if (typeof o.value.on !== 'boolean') return { ok: false, detail: 'on must be true or false' };
  return { ok: true, value: { deviceId: id, on: o.value.on } };
};

export const validateRawCommandRequest: Validator<RawCommandRequestView> = (value) => {
  const o = object(value, ['deviceId', 'hex', 'waitMs']);
  if (!o.ok) return o;
  const id = deviceId(o.value.deviceId);
  if (id === null) return { ok: false, detail: 'deviceId must be a device id' };
  if (typeof o.value.hex !== 'string' || o.value.hex.length === 0 || o.value.hex.length > MAX_HEX_TEXT) return { ok: false, detail: `hex must be text of 1 to ${MAX_HEX_TEXT} characters` };
  const wait = o.value.waitMs;
  if (wait !== undefined && (typeof wait !== 'number' || !Number.isSafeInteger(wait))) return { ok: false, detail: 'waitMs must be whole milliseconds' };
  return { ok: true, value: { deviceId: id, hex: o.value.hex, ...(wait !== undefined && { waitMs: wait }) } };
};

export const validateDeviceEditRequest: Validator<DeviceEditRequest> = (value) => {
  const o = object(value, ['deviceId', 'transport', 'model']);
  if (!o.ok) return o;
  const id = deviceId(o.value.deviceId);
  if (id === null) return { ok: false, detail: 'deviceId must be a device id' };
  const out: DeviceEditRequest = { deviceId: id };
  if (o.value.model !== undefined) {
    if (typeof o.value.model !== 'string' || !MODEL_ID.test(o.value.model)) return { ok: false, detail: 'model must be a model id' };
    out.model = o.value.model;
  }
  const t = o.value.transport;
  if (t !== undefined) {
    if (!isPlainObject(t)) return { ok: false, detail: 'transport must be an object' };
    if (t.kind === 'serial') {
      const extra = exactKeys(t, ['kind', 'path', 'baudRate']);
      if (extra) return { ok: false, detail: `transport: ${extra}` };
      if (typeof t.path !== 'string' || !SERIAL_PATH.test(t.path)) return { ok: false, detail: 'transport.path must be a serial device path such as /dev/ttyUSB0' };
      if (!(BAUD_RATES as readonly unknown[]).includes(t.baudRate)) return { ok: false, detail: `transport.baudRate must be one of ${BAUD_RATES.join(', ')}` };
      out.transport = { kind: 'serial', path: t.path, baudRate: t.baudRate as number };
    } else if (t.kind === 'tcp') {
      const extra = exactKeys(t, ['kind', 'host', 'port']);
      if (extra) return { ok: false, detail: `transport: ${extra}` };
      if (typeof t.host !== 'string' || !HOST.test(t.host)) return { ok: false, detail: 'transport.host must be a host name or IP address' };
      if (typeof t.port !== 'number' || !Number.isSafeInteger(t.port) || t.port < 1 || t.port > 65535) return { ok: false, detail: 'transport.port must be 1 to 65535' };
      out.transport = { kind: 'tcp', host: t.host, port: t.port };
    } else return { ok: false, detail: 'transport.kind must be "serial" or "tcp" (other links are changed in the configuration file)' };
  }
  if (out.transport === undefined && out.model === undefined) return { ok: false, detail: 'give a transport, a model, or both' };
  return { ok: true, value: out };
};
