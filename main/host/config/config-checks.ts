/**
 * Rules a JSON Schema cannot say (ARCHITECTURE.md §8.1, §8.4, §8.5; domain.md "Queue tickets"). They run
 * even when the schema found problems, on whatever parts have the right shape, so one pass lists every
 * problem in the file.
 */
import { DEMO_ACCOUNT_ID, DEMO_PIN } from '../staff/demo-account';
import { isPinHash, verifyPin } from '../staff/pin-hash';
import { isIP } from 'node:net';
import { DEVICE_ROLES, type DeviceRole, type TransportConfig } from '../../../common/device';
import { driverConfig } from '../../device-drivers/driver-configs';
import { assertTimeZone } from '../../../common/local-time';
import { type ConfigProblem, type PathSegment, formatPath } from './config-error';
import { WEEKDAY_KEYS } from './config-types';
import { hallProblems } from './hall-checks';
import { isCalendarDate, parsePeriod } from './periods';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const PERIOD_SHAPE = /^\d{2}:\d{2}-\d{2}:\d{2}$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function crossFieldProblems(data: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: PathSegment[], reason: string): void => void problems.push({ path: formatPath(path), reason });
  if (!isObj(data)) {
    problems.push({ path: '', reason: `the configuration must be a JSON object { … }` });
    return problems;
  }
  checkTimeZone(data, add);
  problems.push(...hallProblems(data));
  const queue = isObj(data.queue) ? data.queue : {};
  checkBusinesses(arr(queue.businesses), add);
  if (isObj(queue.calendar)) checkCalendar(queue.calendar, add);
  if (isObj(data.devices)) checkDevices(data.devices, data.mode, add);
  if (isObj(data.server)) {
    const { port, simPort } = data.server;
    if (typeof port === 'number' && port !== 0 && port === simPort) {
      add(['server', 'simPort'], `must differ from server.port (both are ${port})`);
    }
  }
  if (isObj(queue.callingApi)) checkCallingApi(queue.callingApi, isObj(data.server) ? data.server : {}, add);
  if (isObj(data.staff) && Array.isArray(data.staff.accounts)) checkStaffAccounts(data.staff.accounts, data.mode === 'production', add);
  if (isObj(data.outbox) && typeof data.outbox.retryBaseMs === 'number' && typeof data.outbox.retryMaxMs === 'number' && data.outbox.retryMaxMs < data.outbox.retryBaseMs) {
    add(['outbox', 'retryMaxMs'], `must not be shorter than outbox.retryBaseMs (${data.outbox.retryBaseMs})`);
  }
  if (data.mode === 'production' && isObj(data.platform) && typeof data.platform.baseUrl === 'string' && /^http:/iu.test(data.platform.baseUrl)) {
    add(['platform', 'baseUrl'], 'must be https:// in production mode: plain http to a platform simulator on this machine is for training only');
  }
  return problems;
}

function checkCallingApi(api: Obj, server: Obj, add: Add): void {
  if (typeof api.host === 'string' && api.host !== '' && isIP(api.host) === 0) {
    add(['queue', 'callingApi', 'host'], `must be an IP address to listen on: "127.0.0.1" (this machine only), the kiosk's hall LAN address, or "0.0.0.0" (every interface) (got ${JSON.stringify(api.host)})`);
  }
  if (Array.isArray(api.allowFrom)) {
    api.allowFrom.forEach((address, i) => {
      if (typeof address === 'string' && isIP(address) === 0) add(['queue', 'callingApi', 'allowFrom', i], `must be the IP address of a counter terminal or calling server (got ${JSON.stringify(address)})`);
    });
  }
  if (api.tokenEnv === 'KIOSK_TOKEN') {
    add(['queue', 'callingApi', 'tokenEnv'], 'must not be KIOSK_TOKEN, the per-launch token of the citizen screen\'s API; use a variable of its own, e.g. "KIOSK_CALLING_TOKEN"');
  }
  const port = api.port;
  if (typeof port !== 'number' || port === 0) return;
  for (const key of ['port', 'simPort'] as const) {
    if (server[key] === port) add(['queue', 'callingApi', 'port'], `must differ from server.${key} (both are ${port})`);
  }
}

type Add = (path: PathSegment[], reason: string) => void;

function checkTimeZone(data: Obj, add: Add): void {
  const hall = isObj(data.hall) ? data.hall : undefined;
  const zone = hall?.timeZone;
  if (typeof zone !== 'string' || zone === '') return;
  try {
    assertTimeZone(zone);
  } catch {
    add(['hall', 'timeZone'], `is not a time zone known here (got ${JSON.stringify(zone)}); use an IANA name such as "Asia/Shanghai"`);
  }
}

function checkBusinesses(businesses: unknown[], add: Add): void {
  const ids = new Map<string, number>();
  const prefixes = new Map<string, number>();
  businesses.forEach((b, i) => {
    if (!isObj(b)) return;
    if (typeof b.id === 'string') {
      const first = ids.get(b.id);
      if (first !== undefined) add(['queue', 'businesses', i, 'id'], `${JSON.stringify(b.id)} is already the id of queue.businesses[${first}]`);
      else ids.set(b.id, i);
    }
    if (typeof b.prefix === 'string') {
      const first = prefixes.get(b.prefix);
      if (first !== undefined) add(['queue', 'businesses', i, 'prefix'], `${JSON.stringify(b.prefix)} is already the prefix of queue.businesses[${first}]`);
      else prefixes.set(b.prefix, i);
    }
    if (isObj(b.hours)) checkHours(b.hours, b.stopIssuingMinutesBeforeClose, ['queue', 'businesses', i, 'hours'], add);
  });
}

function checkHours(hours: Obj, stop: unknown, at: PathSegment[], add: Add): void {
  const margin = typeof stop === 'number' && stop > 0 ? stop : 0;
  for (const day of WEEKDAY_KEYS) {
    let previousEnd = -1;
    let previousText = '';
    arr(hours[day]).forEach((text, j) => {
      if (typeof text !== 'string' || !PERIOD_SHAPE.test(text)) return; // the schema reports the shape
      const parsed = parsePeriod(text);
      if (!parsed.ok) return add([...at, day, j], parsed.reason);
      const { startMinute, endMinute } = parsed.period;
      if (startMinute < previousEnd) {
        add([...at, day, j], `must start after the previous period ${JSON.stringify(previousText)} ends, periods in time order (got ${JSON.stringify(text)})`);
      }
      if (margin >= endMinute - startMinute) {
        add([...at, day, j], `is too short for stopIssuingMinutesBeforeClose (${margin}): no ticket could ever be issued in it (got ${JSON.stringify(text)})`);
      }
      previousEnd = endMinute;
      previousText = text;
    });
  }
}

function checkCalendar(calendar: Obj, add: Add): void {
  const holidays = new Map<string, number>();
  arr(calendar.holidays).forEach((d, i) => {
    if (typeof d !== 'string' || !DATE_SHAPE.test(d)) return;
    if (!isCalendarDate(d)) return add(['queue', 'calendar', 'holidays', i], `is not a real date (got ${JSON.stringify(d)})`);
    const first = holidays.get(d);
    if (first !== undefined) add(['queue', 'calendar', 'holidays', i], `${d} is already listed as queue.calendar.holidays[${first}]`);
    else holidays.set(d, i);
  });
  const workdays = new Map<string, number>();
  arr(calendar.workdays).forEach((w, i) => {
    if (!isObj(w) || typeof w.date !== 'string' || !DATE_SHAPE.test(w.date)) return;
    const at: PathSegment[] = ['queue', 'calendar', 'workdays', i, 'date'];
    if (!isCalendarDate(w.date)) return add(at, `is not a real date (got ${JSON.stringify(w.date)})`);
    const first = workdays.get(w.date);
    if (first !== undefined) add(at, `${w.date} is already listed as queue.calendar.workdays[${first}]`);
    else workdays.set(w.date, i);
    const holiday = holidays.get(w.date);
    if (holiday !== undefined) add(at, `${w.date} cannot be both a make-up workday and a holiday (queue.calendar.holidays[${holiday}])`);
  });
}

/** The rules only the entry's driver knows (its DriverConfigPart.check), on an entry the schema can read. */
function checkDriverEntry(id: string, entry: Obj, roles: DeviceRole[], mode: unknown, add: Add): void {
  const part = typeof entry.driver === 'string' ? driverConfig(entry.driver) : undefined;
  if (!part || !isObj(entry.transport) || typeof entry.transport.kind !== 'string') return;
  const model = entry.model === undefined ? part.defaultModel : entry.model;
  if (typeof model !== 'string' || !part.models.includes(model)) return; // the schema names that problem
  const facts = { roles, model, transport: entry.transport.kind as TransportConfig['kind'], mode: mode === 'production' ? 'production' : 'training' } as const;
  part.check(facts, (path, reason) => add(['devices', id, ...path], reason));
}

function checkDevices(devices: Obj, mode: unknown, add: Add): void {
  const owner = new Map<DeviceRole, string>();
  let unreadableRole = false;
  for (const [id, entry] of Object.entries(devices)) {
    if (!isObj(entry)) continue;
    const listed: unknown[] = Array.isArray(entry.role) ? entry.role : [entry.role];
    const roles = listed.filter((r): r is DeviceRole => (DEVICE_ROLES as readonly unknown[]).includes(r));
    if (roles.length < listed.length) unreadableRole = true;
    for (const role of new Set(roles)) {
      const first = owner.get(role);
      if (first !== undefined) add(['devices', id, 'role'], `${role} is already the role of device ${JSON.stringify(first)}; a role may have one device only`);
      else owner.set(role, id);
    }
    if (isObj(entry.transport) && entry.transport.kind === 'usblp' && typeof entry.transport.path === 'string' && entry.transport.path !== '' && !entry.transport.path.startsWith('/')) {
      add(['devices', id, 'transport', 'path'], `must be the absolute path of the printer's device file, e.g. "/dev/usb/lp0" (got ${JSON.stringify(entry.transport.path)})`);
    }
    if (mode === 'production' && isObj(entry.transport) && entry.transport.kind === 'sim') {
      const real = (typeof entry.driver === 'string' ? driverConfig(entry.driver)?.transports : undefined)?.filter((k) => k !== 'sim') ?? ['serial', 'tcp', 'usblp', 'hid', 'usb'];
      const kinds = real.length > 1 ? `${real.slice(0, -1).join(', ')} or ${real[real.length - 1]!}` : real.join('');
      add(['devices', id, 'transport', 'kind'], `a simulated device ("sim") is not allowed in production mode; give the real transport (${kinds})`);
    }
    checkDriverEntry(id, entry, roles, mode, add);
  }
  // With a role the schema could not read, the ticket printer may be the one misspelt: that error suffices.
  if (!owner.has('ticketPrinter') && !unreadableRole) {
    add(['devices'], 'no device has the role "ticketPrinter"; the kiosk cannot issue queue tickets without one');
  }
}

/**
 * Staff accounts (issue 15 §1): ids unique (the audit names people by them), each PIN stored as a hash this
 * kiosk can check, and in production no demo account — by its id, or by the demo PIN under any name.
 */
function checkStaffAccounts(accounts: unknown[], production: boolean, add: (path: Array<string | number>, reason: string) => void): void {
  const seen = new Map<string, number>();
  accounts.forEach((account, i) => {
    if (!isObj(account)) return;
    const { id, pinHash } = account;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) add(['staff', 'accounts', i, 'id'], `"${id}" is already the id of staff.accounts[${first}]`);
      else seen.set(id, i);
    }
    if (typeof pinHash !== 'string') return;
    if (!isPinHash(pinHash)) {
      add(['staff', 'accounts', i, 'pinHash'], 'is not a PIN hash this kiosk can check; make one with `npm run staff -- hash-pin` (never write the PIN itself here)');
      return;
    }
    if (production && (id === DEMO_ACCOUNT_ID || verifyPin(DEMO_PIN, pinHash))) {
      add(['staff', 'accounts', i], 'is the training demo account (its id or its PIN): production refuses it; give each person their own PIN');
    }
  });
}
