import { describe, expect, it } from 'vitest';
import { DEMO_PIN } from '../staff/demo-account';
import { hashPin } from '../staff/pin-hash';
import { problemLine } from './config-error';
import { validateConfig } from './config-validate';
import { DEFAULT_CONFIG_JSON } from './default-config';
import { DEFAULT_HALL_MAP } from './default-hall-map';

type Json = Record<string, any>;

const fresh = (): Json => JSON.parse(DEFAULT_CONFIG_JSON) as Json;

/** A hall's own account (the tests' cheap scrypt cost: the form and the checks are the same). */
const HALL_TECHNICIAN = { id: 'li-jishu', name: '李技术', role: 'technician', pinHash: hashPin('913745', { N: 1024, r: 8, p: 1 }) };

/** Real links for the default configuration's devices other than the ticket printer, which the tests vary. */
const REAL_LINKS: Record<string, Json> = {
  'id-card-reader': { kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200 },
  fingerprint: { kind: 'serial', path: '/dev/ttyUSB2', baudRate: 57600 },
  scanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw3' },
  'robot-base': { kind: 'tcp', host: '192.168.10.40', port: 9300 },
  'document-printer': { kind: 'ipp', url: 'ipp://192.168.10.41:631/ipp/print' },
  'document-camera': { kind: 'http', url: 'http://127.0.0.1:38088/' },
  locker: { kind: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 },
};

/**
 * The default configuration in production mode, every device but the ticket printer on a real link; the face
 * camera, which has no real link yet (facecam-config.ts), left out.
 */
function production(): Json {
  const config = fresh();
  config.mode = 'production';
  for (const [id, transport] of Object.entries(REAL_LINKS)) config.devices[id].transport = transport;
  delete config.devices['face-camera'];
  config.staff = { accounts: [HALL_TECHNICIAN] };
  return config;
}

function problemsOf(raw: unknown): string[] {
  const result = validateConfig(raw);
  return result.ok ? [] : result.problems.map(problemLine);
}

const minimal = (): Json => ({
  hall: { id: 'hall-1', name: { 'zh-CN': '大厅' }, kioskName: { 'zh-CN': '一号机' } },
  devices: { p: { role: 'ticketPrinter', driver: 'escpos', transport: { kind: 'sim' } } },
  queue: {
    businesses: [
      { id: 'b', prefix: 'B', name: { 'zh-CN': '业务' }, zone: { 'zh-CN': '一楼' }, dailyCap: 10, counters: 1, avgServiceMinutes: 5, hours: { mon: ['09:00-12:00'] } },
    ],
  },
});

describe('validateConfig', () => {
  it('accepts the built-in default unchanged', () => {
    const result = validateConfig(fresh());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('fills every documented default into a minimal file and leaves the input untouched', () => {
    const raw = minimal();
    const before = JSON.stringify(raw);
    const result = validateConfig(raw);
    if (!result.ok) throw new Error(result.problems.map(problemLine).join('\n'));
    const c = result.config;
    expect(c.mode).toBe('training');
    expect(c.hall.timeZone).toBe('Asia/Shanghai');
    expect(c.hall.alternatives).toEqual({});
    expect(c.server).toEqual({ port: 8620, simPort: 8621, hostHangAfterMs: 15_000, platformSimPort: 0 });
    expect(c.session).toEqual({ idleTimeoutMs: 60000, countdownMs: 10000, attractAfterMs: 30000, ticketShownMs: 20000, elderIdleTimeoutMs: 180000, elderCountdownMs: 30000 });
    expect(c.profile).toBe('kiosk');
    expect(c.robot).toBe(undefined);
    expect(c.guides).toEqual({ updateIntervalMs: 600000 });
    expect(c.hall.map).toEqual(DEFAULT_HALL_MAP);
    expect(c.queue.businesses[0]!.windows).toEqual([]);
    const weekday = ['09:00-12:00', '13:30-17:30'];
    expect(c.identity).toEqual({
      priorityAge: 70,
      readCardTimeoutMs: 60000,
      earlyCardHoldMs: 30000,
      takeCardReminderMs: 15000,
      cardLeftAlertAfterMs: 30000,
      staffOnDuty: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    });
    expect(c.platform).toEqual({ timeoutMs: 8000, identityTimeoutMs: 15000 });
    expect(c.queue.businesses[0]!.oneTicketPerId).toBe(true);
    expect(c.staff).toEqual({ accounts: [], lockoutAfterFailures: 5, lockoutMs: 300000, signOutAfterMs: 120000 });
    expect(c.queue.calendar).toEqual({ holidays: [], workdays: [] });
    expect(c.queue.recentWindow).toBe(20);
    expect(c.queue.businesses[0]!.stopIssuingMinutesBeforeClose).toBe(0);
    expect(c.queue.businesses[0]!.openOnHolidays).toBe(false);
    expect(c.logging.level).toBe('info');
    expect(JSON.stringify(raw)).toBe(before);
  });

  const cases: Array<[string, (c: Json) => void, string]> = [
    ['a prefix of two lower-case letters', (c) => (c.queue.businesses[1].prefix = 'aa'), 'queue.businesses[1].prefix: must be one capital letter A-Z (got "aa")'],
    ['a duplicate prefix', (c) => (c.queue.businesses[2].prefix = 'A'), 'queue.businesses[2].prefix: "A" is already the prefix of queue.businesses[0]'],
    ['a duplicate business id', (c) => (c.queue.businesses[3].id = 'housing-fund'), 'queue.businesses[3].id: "housing-fund" is already the id of queue.businesses[1]'],
    ['a misspelt setting', (c) => { c.hall.kioskname = c.hall.kioskName; delete c.hall.kioskName; }, 'hall.kioskname: is not a known setting; did you mean "kioskName"?'],
    ['a missing required field', (c) => delete c.hall.id, 'hall.id: is missing'],
    ['a cap above 999', (c) => (c.queue.businesses[0].dailyCap = 1000), 'queue.businesses[0].dailyCap: must be at most 999 (got 1000)'],
    ['no counters', (c) => (c.queue.businesses[0].counters = 0), 'queue.businesses[0].counters: must be at least 1 (got 0)'],
    ['a number written as text', (c) => (c.queue.businesses[0].counters = '6'), 'queue.businesses[0].counters: must be a whole number (got "6")'],
    ['a period without leading zero', (c) => (c.queue.businesses[0].hours.mon[0] = '9:00-12:00'), 'queue.businesses[0].hours.mon[0]: must be a period written HH:MM-HH:MM (got "9:00-12:00")'],
    ['a period ending before it starts', (c) => (c.queue.businesses[0].hours.tue[1] = '17:30-13:30'), 'queue.businesses[0].hours.tue[1]: must end after it starts (got "17:30-13:30")'],
    ['a time that does not exist', (c) => (c.queue.businesses[0].hours.wed[1] = '13:30-25:00'), 'queue.businesses[0].hours.wed[1]: ends at a time that does not exist (got "13:30-25:00"); 24:00 is the latest'],
    ['periods out of order', (c) => (c.queue.businesses[1].hours.thu = ['13:30-17:30', '09:00-12:00']), 'queue.businesses[1].hours.thu[1]: must start after the previous period "13:30-17:30" ends, periods in time order (got "09:00-12:00")'],
    ['overlapping periods', (c) => (c.queue.businesses[1].hours.fri = ['09:00-12:00', '11:00-17:30']), 'queue.businesses[1].hours.fri[1]: must start after the previous period "09:00-12:00" ends, periods in time order (got "11:00-17:30")'],
    ['an unknown weekday', (c) => (c.queue.businesses[2].hours.monday = []), 'queue.businesses[2].hours.monday: is not a known setting; did you mean "mon"?'],
    ['a stop margin longer than a period', (c) => (c.queue.businesses[0].hours.sat = ['09:00-09:20']), 'queue.businesses[0].hours.sat[0]: is too short for stopIssuingMinutesBeforeClose (30): no ticket could ever be issued in it (got "09:00-09:20")'],
    ['a holiday that is no date', (c) => c.queue.calendar.holidays.push('2026-02-30'), 'queue.calendar.holidays[8]: is not a real date (got "2026-02-30")'],
    ['a holiday written another way', (c) => c.queue.calendar.holidays.push('2026/10/01'), 'queue.calendar.holidays[8]: must be a date written YYYY-MM-DD (got "2026/10/01")'],
    ['a make-up day that is also a holiday', (c) => c.queue.calendar.workdays.push({ date: '2026-10-03', hoursOf: 'mon' }), 'queue.calendar.workdays[2].date: 2026-10-03 cannot be both a make-up workday and a holiday (queue.calendar.holidays[3])'],
    ['a make-up day with an unknown weekday', (c) => (c.queue.calendar.workdays[0].hoursOf = 'monday'), 'queue.calendar.workdays[0].hoursOf: must be one of "sun", "mon", "tue", "wed", "thu", "fri", "sat" (got "monday")'],
    ['an unknown time zone', (c) => (c.hall.timeZone = 'Asia/Beijing'), 'hall.timeZone: is not a time zone known here (got "Asia/Beijing"); use an IANA name such as "Asia/Shanghai"'],
    ['an unknown mode', (c) => (c.mode = 'demo'), 'mode: must be one of "training", "production" (got "demo")'],
    ['a port out of range', (c) => (c.server.port = 70000), 'server.port: must be at most 65535 (got 70000)'],
    ['both ports the same', (c) => (c.server.simPort = 8620), 'server.simPort: must differ from server.port (both are 8620)'],
    ['an unknown role', (c) => (c.devices['ticket-printer'].role = ['ticketPrinter', 'labelPrinter']), 'devices["ticket-printer"].role[1]: must be one of "ticketPrinter", "receiptPrinter", "documentPrinter", "idCardReader", "fingerprintReader", "faceCamera", "documentCamera", "barcodeScanner", "presenceSensor", "robotBase", "locker" (got "labelPrinter")'],
    ['a role that is neither name nor list', (c) => (c.devices['ticket-printer'].role = 3), 'devices["ticket-printer"].role: must be a role name or a list of role names (got 3)'],
    ['an unknown transport kind', (c) => (c.devices['ticket-printer'].transport = { kind: 'bluetooth' }), 'devices["ticket-printer"].transport.kind: must be one of "sim", "serial", "tcp", "usblp", "hid", "usb", "uvc", "ipp", "http" (got "bluetooth")'],
    ['a serial port without speed', (c) => (c.devices['ticket-printer'].transport = { kind: 'serial', path: 'COM3' }), 'devices["ticket-printer"].transport.baudRate: is missing'],
    ['a setting of another transport kind', (c) => (c.devices['ticket-printer'].transport = { kind: 'tcp', host: '10.0.0.5', port: 9100, baudRate: 9600 }), 'devices["ticket-printer"].transport.baudRate: is not a known setting'],
    ['an unknown driver', (c) => (c.devices['ticket-printer'].driver = 'star'), 'devices["ticket-printer"].driver: must be one of "escpos", "ga467", "zfm", "hidpos", "facecam", "robotline", "ipp", "hlb", "doccam" (got "star")'],
    ['a device id with spaces', (c) => (c.devices['ticket printer'] = c.devices['ticket-printer']) && delete c.devices['ticket-printer'], 'devices["ticket printer"]: the name must be an id of 1-64 letters, digits, "-" or "_" (got "ticket printer")'],
    ['no ticket printer', (c) => (c.devices['ticket-printer'].role = 'receiptPrinter'), 'devices: no device has the role "ticketPrinter"; the kiosk cannot issue queue tickets without one'],
    ['a follow URL that is no address', (c) => (c.hall.queueFollowUrl = 'queue.example.cn/{number}'), 'hall.queueFollowUrl: must be an http:// or https:// address without spaces (got "queue.example.cn/{number}")'],
    ['an empty Chinese name', (c) => (c.queue.businesses[0].name['zh-CN'] = ''), 'queue.businesses[0].name["zh-CN"]: must not be empty'],
    ['no businesses', (c) => (c.queue.businesses = []), 'queue.businesses: must list at least 1 item'],
    ['a calling interface without a port', (c) => (c.queue.callingApi = { host: '0.0.0.0' }), 'queue.callingApi.port: is missing'],
    ['a calling interface on a host name', (c) => (c.queue.callingApi = { host: 'kiosk.local', port: 8622 }), 'queue.callingApi.host: must be an IP address to listen on: "127.0.0.1" (this machine only), the kiosk\'s hall LAN address, or "0.0.0.0" (every interface) (got "kiosk.local")'],
    ['a calling interface on the kiosk port', (c) => (c.queue.callingApi = { port: 8620 }), 'queue.callingApi.port: must differ from server.port (both are 8620)'],
    ['a token variable that is no name', (c) => (c.queue.callingApi = { port: 8622, tokenEnv: 'CALLING-TOKEN' }), 'queue.callingApi.tokenEnv: must be an environment variable name: letters, digits and "_", not starting with a digit (got "CALLING-TOKEN")'],
    ['the citizen API token as calling token', (c) => (c.queue.callingApi = { port: 8622, tokenEnv: 'KIOSK_TOKEN' }), 'queue.callingApi.tokenEnv: must not be KIOSK_TOKEN, the per-launch token of the citizen screen\'s API; use a variable of its own, e.g. "KIOSK_CALLING_TOKEN"'],
    ['a misspelt calling setting', (c) => (c.queue.callingApi = { port: 8622, tokenenv: 'X' }), 'queue.callingApi.tokenenv: is not a known setting; did you mean "tokenEnv"?'],
    ['a counter named by host name in allowFrom', (c) => (c.queue.callingApi = { port: 8622, allowFrom: ['10.0.0.3', 'window-3'] }), 'queue.callingApi.allowFrom[1]: must be the IP address of a counter terminal or calling server (got "window-3")'],
  ];

  it.each(cases)('names the field for %s', (_label, mutate, expected) => {
    const config = fresh();
    mutate(config);
    expect(problemsOf(config)).toEqual([expected]);
  });

  it('keeps the calling-system interface off by default and fills its defaults when it is on', () => {
    const off = validateConfig(fresh());
    expect(off.ok && off.config.queue.callingApi).toBe(undefined);
    const config = fresh();
    config.queue.callingApi = { port: 8622 };
    const on = validateConfig(config);
    if (!on.ok) throw new Error(on.problems.map(problemLine).join('\n'));
    expect(on.config.queue.callingApi).toEqual({ host: '127.0.0.1', port: 8622, tokenEnv: 'KIOSK_CALLING_TOKEN' });
    config.queue.callingApi = { host: '192.168.10.5', port: 0, tokenEnv: 'HALL_QUEUE_TOKEN' };
    expect(problemsOf(config)).toEqual([]);
  });

  it('refuses a role served by two devices', () => {
    const config = fresh();
    config.devices['receipt-printer'] = { role: 'receiptPrinter', driver: 'escpos', transport: { kind: 'tcp', host: '10.0.0.9', port: 9100 } };
    expect(problemsOf(config)).toEqual([
      'devices["receipt-printer"].role: receiptPrinter is already the role of device "ticket-printer"; a role may have one device only',
    ]);
  });

  it('refuses a simulated device in production mode, and accepts the real transport', () => {
    const config = production();
    expect(problemsOf(config)).toEqual([
      'devices["ticket-printer"].transport.kind: a simulated device ("sim") is not allowed in production mode; give the real transport (serial, tcp or usblp)',
    ]);
    config.devices['ticket-printer'].transport = { kind: 'serial', path: '/dev/ttyS0', baudRate: 115200 };
    expect(problemsOf(config)).toEqual([]);
  });

  it('takes the platform over https, or over plain http to a simulator on loopback in training mode only', () => {
    const training = fresh();
    for (const baseUrl of ['https://zwfw.example.gov.cn/kiosk', 'http://127.0.0.1:41234', 'http://localhost:8630/']) {
      training.platform = { baseUrl };
      expect(problemsOf(training), baseUrl).toEqual([]);
    }
    for (const baseUrl of ['http://10.0.0.5:8630', 'http://127.0.0.1.example.com', 'http://localhost:8630 x', 'ftp://127.0.0.1']) {
      training.platform = { baseUrl };
      expect(problemsOf(training), baseUrl).toEqual([
        `platform.baseUrl: must be an https:// address without spaces (or, in training mode, http://127.0.0.1:<port> or http://localhost:<port> for a platform simulator on this machine) (got ${JSON.stringify(baseUrl)})`,
      ]);
    }
    const config = production();
    config.devices['ticket-printer'].transport = { kind: 'serial', path: '/dev/ttyS0', baudRate: 115200 };
    config.platform = { baseUrl: 'http://127.0.0.1:41234' };
    expect(problemsOf(config)).toEqual(['platform.baseUrl: must be https:// in production mode: plain http to a platform simulator on this machine is for training only']);
    config.platform = { baseUrl: 'https://zwfw.example.gov.cn/kiosk' };
    expect(problemsOf(config)).toEqual([]);
  });

  it('takes staff accounts with PIN hashes only, ids unique, and refuses the training demo account in production', () => {
    const training = fresh();
    expect(training.staff.accounts.map((a: Json) => a.id)).toEqual(['demo-staff']);
    expect(problemsOf(training)).toEqual([]);
    training.staff.accounts.push({ ...HALL_TECHNICIAN }, { ...HALL_TECHNICIAN, name: '李技术二' }, { id: 'wang', name: '王', role: 'staff', pinHash: '123456' });
    expect(problemsOf(training)).toEqual([
      'staff.accounts[2].id: "li-jishu" is already the id of staff.accounts[1]',
      'staff.accounts[3].pinHash: is not a PIN hash this kiosk can check; make one with `npm run staff -- hash-pin` (never write the PIN itself here)',
    ]);
    const config = production();
    config.devices['ticket-printer'].transport = { kind: 'serial', path: '/dev/ttyS0', baudRate: 115200 };
    expect(problemsOf(config)).toEqual([]);
    config.staff.accounts = [...fresh().staff.accounts];
    expect(problemsOf(config)).toEqual(['staff.accounts[0]: is the training demo account (its id or its PIN): production refuses it; give each person their own PIN']);
    config.staff.accounts = [{ ...HALL_TECHNICIAN, pinHash: hashPin(DEMO_PIN, { N: 1024, r: 8, p: 1 }) }];
    expect(problemsOf(config)).toEqual(['staff.accounts[0]: is the training demo account (its id or its PIN): production refuses it; give each person their own PIN']);
  });

  it('accepts a USB printer-class device file (usblp) and names what is wrong with one', () => {
    const config = production();
    config.devices['ticket-printer'].transport = { kind: 'usblp', path: '/dev/usb/lp0' };
    expect(problemsOf(config)).toEqual([]);
    config.devices['ticket-printer'].transport = { kind: 'usblp' };
    expect(problemsOf(config)).toEqual(['devices["ticket-printer"].transport.path: is missing']);
    config.devices['ticket-printer'].transport = { kind: 'usblp', path: 'lp0' };
    expect(problemsOf(config)).toEqual(['devices["ticket-printer"].transport.path: must be the absolute path of the printer\'s device file, e.g. "/dev/usb/lp0" (got "lp0")']);
    config.devices['ticket-printer'].transport = { kind: 'usblp', path: '/dev/usb/lp0', baudRate: 9600 };
    expect(problemsOf(config)).toEqual(['devices["ticket-printer"].transport.baudRate: is not a known setting']);
  });

  it('lists every problem of a file in one pass, schema and cross-field alike', () => {
    const config = fresh();
    config.queue.businesses[1].prefix = 'aa';
    config.queue.businesses[2].prefix = 'A';
    config.hall.timeZone = 'Mars/Olympus';
    config.session.idleTimeoutMs = 100;
    const problems = problemsOf(config);
    expect(problems).toHaveLength(4);
    expect(problems).toContain('session.idleTimeoutMs: must be at least 5000 (got 100)');
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([1, 2])).toContain('the configuration must be a JSON object { … }');
    expect(problemsOf(null)).toContain('the configuration must be a JSON object { … }');
  });

  describe('the driver table’s part of an entry (ARCHITECTURE.md §8.14)', () => {
    it('knows each driver’s models, transports and options', () => {
      const config = fresh();
      const entry = config.devices['ticket-printer'];
      entry.model = 'custom-vkp80';
      entry.options = { presentTimeoutS: 45, simTicketTakenAfterMs: null };
      expect(problemsOf(config)).toEqual([]);
      entry.model = 'tm-t99';
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["ticket-printer"\]\.model: must be one of .*"custom-vkp80"/)]);
      entry.model = 'custom-vkp80';
      entry.options = { presentTimeoutS: 1 };
      expect(problemsOf(config)).toEqual(['devices["ticket-printer"].options.presentTimeoutS: must be at least 5 (got 1)']);
      entry.options = { cutter: 'sharp' };
      expect(problemsOf(config)).toEqual(['devices["ticket-printer"].options.cutter: is not a known setting']);
      entry.options = {};
      entry.transport = { kind: 'hid', vendorId: 1, productId: 2 };
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["ticket-printer"\]\.transport\.kind: must be one of "sim", "serial", "tcp"(,| or) .*"usblp"/)]);
      entry.driver = 'zebra';
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["ticket-printer"\]\.driver: must be one of "escpos", "ga467", "zfm", "hidpos", "facecam", "robotline", "ipp", "hlb", "doccam" \(got "zebra"\)/)]);
    });

    it('takes an ID-card reader (ga467) on serial, and refuses it on a link it does not drive', () => {
      const config = fresh();
      config.devices['id-card-reader'] = { role: 'idCardReader', driver: 'ga467', model: 'generic-ga467', transport: { kind: 'serial', path: '/dev/ttyS1', baudRate: 115200 } };
      expect(problemsOf(config)).toEqual([]);
      config.devices['id-card-reader'].transport = { kind: 'usblp', path: '/dev/usb/lp1' };
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["id-card-reader"\]\.transport\.kind: must be one of "sim", "serial"/)]);
      config.devices['id-card-reader'].transport = { kind: 'sim' };
      config.devices['id-card-reader'].model = 'generic-escpos-80';
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["id-card-reader"\]\.model: must be one of "generic-ga467"/)]);
    });

    it('refuses a ticket printer whose model cannot answer over usblp: no ticket could ever be confirmed', () => {
      const config = production();
      const entry = config.devices['ticket-printer'];
      entry.model = 'cashino-kp628e';
      entry.transport = { kind: 'usblp', path: '/dev/usb/lp0' };
      expect(problemsOf(config)).toEqual([expect.stringMatching(/^devices\["ticket-printer"\]\.transport\.kind: .*KP-628E.* cannot report status over usblp .*connect it by serial or TCP/)]);
      entry.transport = { kind: 'serial', path: '/dev/ttyS0', baudRate: 9600 };
      expect(problemsOf(config)).toEqual([]);
    });
  });
});
