/**
 * JSON Schema (draft-07) of the configuration file. Validated with ajv and `useDefaults`, so every default
 * documented in docs/configuration.md is filled in here and nowhere else. `additionalProperties: false`
 * everywhere: a misspelt setting is an error, never silently ignored. Cross-field rules (unique prefixes,
 * one device per role, production without simulators, …) live in config-checks.ts.
 */
import { DRIVER_CONFIGS, DRIVER_NAMES } from '../../device-drivers/driver-configs';
import { CITIZEN_SERVICES } from '../../../common/availability';
import { DEVICE_ROLES } from '../../../common/device';
import { WEEKDAY_KEYS } from './config-types';
import { hallSchemaParts } from './hall-schema';

/** Patterns used below, with the plain words a problem report uses for each (config-validate.ts). */
export const PATTERNS = {
  id: '^[A-Za-z0-9_-]{1,64}$',
  prefix: '^[A-Z]$',
  period: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$',
  date: '^\\d{4}-\\d{2}-\\d{2}$',
  url: '^https?://\\S+$',
  /** https anywhere; plain http only to a platform simulator on this machine (training only: config-checks.ts). */
  platformUrl: '^(https://\\S+|http://(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?(/\\S*)?)$',
  envName: '^[A-Za-z_][A-Za-z0-9_]{0,127}$',
} as const;

export const PATTERN_WORDS: Readonly<Record<string, string>> = {
  [PATTERNS.id]: 'must be an id of 1-64 letters, digits, "-" or "_"',
  [PATTERNS.prefix]: 'must be one capital letter A-Z',
  [PATTERNS.period]: 'must be a period written HH:MM-HH:MM',
  [PATTERNS.date]: 'must be a date written YYYY-MM-DD',
  [PATTERNS.url]: 'must be an http:// or https:// address without spaces',
  [PATTERNS.platformUrl]: 'must be an https:// address without spaces (or, in training mode, http://127.0.0.1:<port> or http://localhost:<port> for a platform simulator on this machine)',
  [PATTERNS.envName]: 'must be an environment variable name: letters, digits and "_", not starting with a digit',
};

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** The `transport.kind` values, in the order of the `oneOf` branches below. */
export const TRANSPORT_KINDS = ['sim', 'serial', 'tcp', 'usblp', 'hid', 'usb', 'uvc', 'ipp', 'http'] as const;

const text = { type: 'string', minLength: 1 } as const;
const id = { type: 'string', pattern: PATTERNS.id } as const;
const date = { type: 'string', pattern: PATTERNS.date } as const;
const port = { type: 'integer', minimum: 0, maximum: 65535 } as const;
const word16 = { type: 'integer', minimum: 0, maximum: 0xffff } as const;

const localText = {
  type: 'object',
  additionalProperties: false,
  required: ['zh-CN'],
  properties: { 'zh-CN': text, 'zh-TW': text, en: text },
};

const ms = (defaultMs: number, minimum: number) =>
  ({ type: 'integer', minimum, maximum: 24 * 3600 * 1000, default: defaultMs }) as const;

/** Issue 16: `hall.map`, `guides`, `robot` (hall-schema.ts). */
const { hallMap, guides, robot } = hallSchemaParts({ id, text, localText, ms });

/** 人工核验's default duty: the hall's ordinary weekday hours. */
const WEEKDAY_PERIODS = ['09:00-12:00', '13:30-17:30'];
const STAFF_HOURS = { mon: WEEKDAY_PERIODS, tue: WEEKDAY_PERIODS, wed: WEEKDAY_PERIODS, thu: WEEKDAY_PERIODS, fri: WEEKDAY_PERIODS };

const hours = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    WEEKDAY_KEYS.map((day) => [day, { type: 'array', items: { type: 'string', pattern: PATTERNS.period } }]),
  ),
};

/** protocols.md §2 printers on serial, TCP, a usblp device file, HID or USB; `sim` attaches the in-process simulator (§8.5). */
const transport = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'sim' } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'path', 'baudRate'],
      properties: {
        kind: { const: 'serial' },
        path: text,
        baudRate: { type: 'integer', minimum: 1200, maximum: 921600 },
        flowControl: { enum: ['none', 'rtscts', 'dtrdsr', 'xonxoff'] },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'host', 'port'],
      properties: { kind: { const: 'tcp' }, host: text, port: { type: 'integer', minimum: 1, maximum: 65535 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'path'],
      properties: { kind: { const: 'usblp' }, path: text },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'vendorId', 'productId'],
      properties: { kind: { const: 'hid' }, vendorId: word16, productId: word16, path: { type: 'string', pattern: '^/dev/' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'vendorId', 'productId'],
      properties: { kind: { const: 'usb' }, vendorId: word16, productId: word16 },
    },
    // The face camera through the renderer's getUserMedia (issue 14 item 5); `deviceLabel` picks one by its label.
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'uvc' }, deviceLabel: { type: 'string', minLength: 1, maxLength: 200 } } },
    // An IPP printer or CUPS queue (issue 17 §1, protocols.md §4).
    { type: 'object', additionalProperties: false, required: ['kind', 'url'], properties: { kind: { const: 'ipp' }, url: { type: 'string', pattern: '^(ipps?|https?)://[^\\s]+$' } } },
    // A vendor's local service on this machine (a document camera, protocols.md §6): loopback only.
    { type: 'object', additionalProperties: false, required: ['kind', 'url'], properties: { kind: { const: 'http' }, url: { type: 'string', pattern: '^http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:[0-9]{1,5})?(/[^\\s]*)?$' } } },
  ],
};

const role = {
  type: ['string', 'array'],
  if: { type: 'string' },
  then: { enum: DEVICE_ROLES },
  else: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: DEVICE_ROLES } },
};

/**
 * Each driver's own part of an entry (ARCHITECTURE.md §8.14, main/device-drivers/driver-configs.ts): the
 * models it knows, the transports it drives, its options.
 */
const driverParts = Object.entries(DRIVER_CONFIGS).map(([name, part]) => ({
  if: { properties: { driver: { const: name } }, required: ['driver'] },
  then: {
    properties: {
      model: { enum: part.models },
      transport: { properties: { kind: { enum: part.transports } } },
      options: part.optionsSchema,
    },
  },
}));

const device = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'driver', 'transport'],
  properties: { role, driver: { enum: DRIVER_NAMES }, model: text, options: { type: 'object' }, transport },
  allOf: driverParts,
};

const business = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'prefix', 'name', 'zone', 'dailyCap', 'counters', 'avgServiceMinutes', 'hours'],
  properties: {
    id,
    prefix: { type: 'string', pattern: PATTERNS.prefix },
    name: localText,
    zone: localText,
    dailyCap: { type: 'integer', minimum: 1, maximum: 999 },
    counters: { type: 'integer', minimum: 1, maximum: 200 },
    avgServiceMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 600 },
    hours,
    stopIssuingMinutesBeforeClose: { type: 'integer', minimum: 0, maximum: 720, default: 0 },
    openOnHolidays: { type: 'boolean', default: false },
    oneTicketPerId: { type: 'boolean', default: true },
    windows: { type: 'array', maxItems: 200, uniqueItems: true, items: id, default: [] },
  },
};

/** The calling-system interface (calling-api.ts); absent, it is off. The token itself is never in the file. */
const callingApi = {
  type: 'object',
  additionalProperties: false,
  required: ['port'],
  properties: {
    host: { type: 'string', minLength: 1, default: '127.0.0.1' },
    port,
    tokenEnv: { type: 'string', pattern: PATTERNS.envName, default: 'KIOSK_CALLING_TOKEN' },
    allowFrom: { type: 'array', minItems: 1, maxItems: 256, uniqueItems: true, items: { type: 'string', minLength: 1 } },
  },
};

export const KIOSK_CONFIG_SCHEMA = {
  $id: 'https://hallkiosk.invalid/schema/kiosk-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['hall', 'devices', 'queue'],
  properties: {
    mode: { enum: ['training', 'production'], default: 'training' },
    profile: { enum: ['kiosk', 'robot'], default: 'kiosk' },
    hall: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'kioskName'],
      properties: {
        id,
        name: localText,
        kioskName: localText,
        timeZone: { type: 'string', minLength: 1, default: 'Asia/Shanghai' },
        alternatives: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(CITIZEN_SERVICES.map((s) => [s, localText])),
          default: {},
        },
        queueFollowUrl: { type: 'string', pattern: PATTERNS.url },
        map: hallMap,
      },
    },
    server: {
      type: 'object',
      additionalProperties: false,
      properties: {
        port: { ...port, default: 8620 },
        simPort: { ...port, default: 8621 },
        hostHangAfterMs: { type: 'integer', minimum: 3_000, maximum: 600_000, default: 15_000 },
        platformSimPort: { ...port, default: 0 },
      },
      default: {},
    },
    session: {
      type: 'object',
      additionalProperties: false,
      properties: {
        idleTimeoutMs: ms(60_000, 5_000),
        countdownMs: ms(10_000, 1_000),
        attractAfterMs: ms(30_000, 1_000),
        ticketShownMs: ms(20_000, 1_000),
        elderIdleTimeoutMs: ms(180_000, 5_000),
        elderCountdownMs: ms(30_000, 1_000),
      },
      default: {},
    },
    staff: {
      type: 'object',
      additionalProperties: false,
      properties: {
        accounts: {
          type: 'array',
          maxItems: 200,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name', 'role', 'pinHash'],
            properties: { id, name: { type: 'string', minLength: 1, maxLength: 40 }, role: { enum: ['staff', 'technician'] }, pinHash: { type: 'string', minLength: 1 } },
          },
          default: [],
        },
        lockoutAfterFailures: { type: 'integer', minimum: 3, maximum: 20, default: 5 },
        lockoutMs: ms(300_000, 30_000),
        signOutAfterMs: ms(120_000, 30_000),
      },
      default: {},
    },
    platform: {
      type: 'object',
      additionalProperties: false,
      properties: {
        baseUrl: { type: 'string', pattern: PATTERNS.platformUrl },
        timeoutMs: ms(8_000, 1_000),
        identityTimeoutMs: ms(15_000, 1_000),
      },
      default: {},
    },
    identity: {
      type: 'object',
      additionalProperties: false,
      properties: {
        priorityAge: { type: 'integer', minimum: 50, maximum: 100, default: 70 },
        readCardTimeoutMs: ms(60_000, 10_000),
        earlyCardHoldMs: ms(30_000, 0),
        takeCardReminderMs: ms(15_000, 3_000),
        cardLeftAlertAfterMs: ms(30_000, 5_000),
        staffOnDuty: { ...hours, default: STAFF_HOURS },
      },
      default: {},
    },
    devices: {
      type: 'object',
      propertyNames: { pattern: PATTERNS.id },
      additionalProperties: device,
    },
    queue: {
      type: 'object',
      additionalProperties: false,
      required: ['businesses'],
      properties: {
        businesses: { type: 'array', minItems: 1, maxItems: 26, items: business },
        calendar: {
          type: 'object',
          additionalProperties: false,
          properties: {
            holidays: { type: 'array', items: date, default: [] },
            workdays: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['date', 'hoursOf'],
                properties: { date, hoursOf: { enum: WEEKDAY_KEYS } },
              },
              default: [],
            },
          },
          default: {},
        },
        recentWindow: { type: 'integer', minimum: 3, maximum: 500, default: 20 },
        ticketsPerMinute: { type: 'integer', minimum: 1, maximum: 60, default: 6 },
        callingApi,
      },
    },
    guides,
    robot,
    // Issue 17 §5: the encrypted outbox of records that must outlive the session (main/host/outbox, docs/outbox.md).
    outbox: {
      type: 'object',
      additionalProperties: false,
      properties: { keyFile: text, retryBaseMs: ms(5_000, 1_000), retryMaxMs: ms(600_000, 10_000) },
      default: {},
    },
    logging: {
      type: 'object',
      additionalProperties: false,
      properties: { level: { enum: LOG_LEVELS, default: 'info' } },
      default: {},
    },
  },
} as const;
