/**
 * The kiosk configuration file, as the host sees it after validation and defaults (ARCHITECTURE.md §8.1,
 * §8.4, §8.5; domain.md "Queue tickets"). The field-by-field reference is docs/configuration.md; the JSON
 * Schema that fills the defaults is config-schema.ts.
 */
import type { DriverName } from '../../device-drivers/driver-configs';
import type { CitizenService } from '../../../common/availability';
import type { DeviceRole, TransportConfig } from '../../../common/device';
import type { HallMap } from '../../../common/hall-map';
import type { KioskMode } from '../../../common/kiosk-api';
import type { LogLevel } from '../../../common/logger';
import type { LocalText } from '../../../common/queue';

/** Weekday keys of `hours` and of a make-up workday's `hoursOf`, indexed like Date#getUTCDay (0 = Sunday). */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Opening periods per weekday, "HH:MM-HH:MM" in hall time; "00:00-24:00" is a 24-hour service. */
export type WeeklyHours = Partial<Record<WeekdayKey, string[]>>;

export interface HallConfig {
  id: string;
  name: LocalText;
  kioskName: LocalText;
  /** IANA zone that decides days, hours and printed dates (§8.4). Default "Asia/Shanghai". */
  timeZone: string;
  /** Where to go instead when a citizen service is unavailable (§8.11). */
  alternatives: Partial<Record<CitizenService, LocalText>>;
  /** Ticket QR template with {hall}, {date} (YYYY-MM-DD) and {number}; absent: a compact HALLKIOSK: payload. */
  queueFollowUrl?: string;
  /** The hall as a graph of points (issue 16 §6; common/hall-map.ts). Default the shipped hall (default-hall-map.ts). */
  map: HallMap;
}

export interface ServerConfig {
  /** Loopback port of the browser shell / API. Default 8620; 0 picks a free port. */
  port: number;
  /** Loopback port of the simulator control API (training mode only). Default 8621; 0 picks a free port. */
  simPort: number;
  /** A host whose event loop sends no heartbeat for this long is hung: killed and restarted. Default 15000. */
  hostHangAfterMs: number;
  /** Loopback port of the simulated government platform (training mode only). Default 0: a free port each start. */
  platformSimPort: number;
}

/** The government platform's identity and appointment API (issue 14 §8; docs/platform-api.md). */
export interface PlatformConfig {
  /** https://… of the platform. Required in production; absent in training, the simulated platform answers. */
  baseUrl?: string;
  /** Appointment calls, ms. Default 8000. */
  timeoutMs: number;
  /** Identity verification (a face comparison takes longer), ms. Default 15000. */
  identityTimeoutMs: number;
}

export interface SessionConfig {
  idleTimeoutMs: number;
  countdownMs: number;
  attractAfterMs: number;
  ticketShownMs: number;
  /** 长辈模式 (issue 16 §7): idle time before the warning, and the warning's countdown, while it is on. */
  elderIdleTimeoutMs: number;
  elderCountdownMs: number;
}

/** One person who may sign in at the kiosk (issue 15 §1): the audit names them. */
export interface StaffAccountConfig {
  id: string;
  name: string;
  role: 'staff' | 'technician';
  /** scrypt, as `npm run staff -- hash-pin` writes it (main/host/staff/pin-hash.ts); never the PIN. */
  pinHash: string;
}

export interface StaffConfig {
  accounts: StaffAccountConfig[];
  /** Wrong PINs in a row before the pad locks. Default 5. */
  lockoutAfterFailures: number;
  /** How long the pad stays locked. Default 300000 (5 minutes). */
  lockoutMs: number;
  /** A signed-in staff member with no touch for this long is signed out. Default 120000. */
  signOutAfterMs: number;
}

/** The citizen's identity at the kiosk (issue 14; domain.md "Identity"). */
export interface IdentityConfig {
  /** Age on the ID card, computed by the host in hall time, from which a ticket gets 绿色通道 priority. Default 70. */
  priorityAge: number;
  /** How long the 请放置身份证 step waits for a card. Default 60000. */
  readCardTimeoutMs: number;
  /**
   * A card laid on the reader before the citizen reached the card step is held this long (memory only) and
   * used when the step begins; then wiped. 0: never, the card must be laid again. Default 30000.
   */
  earlyCardHoldMs: number;
  /** After a session that read a card: 请取走您的身份证 on screen this long (or until the card is lifted, where seen). */
  takeCardReminderMs: number;
  /** A card still on a reader that sees removal this long after its session ended raises `cardLeft` for staff. */
  cardLeftAlertAfterMs: number;
  /**
   * When hall staff are on duty to check a citizen's identity by hand (人工核验), hall time, with the queue's
   * calendar. Default Monday to Friday 09:00-12:00 and 13:30-17:30.
   */
  staffOnDuty: WeeklyHours;
}

/** A `driver` name of the driver table (main/device-drivers/driver-configs.ts, ARCHITECTURE.md §8.14). */
export type DeviceDriver = DriverName;

/** One entry of the device registry (§8.1); the key of `devices` is the device id used everywhere. */
export interface DeviceEntryConfig {
  role: DeviceRole | DeviceRole[];
  driver: DeviceDriver;
  model?: string;
  /** The driver's own settings, validated by its schema part (e.g. escpos `presentTimeoutS`). */
  options?: Record<string, unknown>;
  transport: TransportConfig;
}

export interface BusinessConfig {
  /** Stable id (letters, digits, - and _); the renderer asks for tickets by it. */
  id: string;
  /** One capital letter A-Z, unique in the hall: tickets are numbered A001…A999. */
  prefix: string;
  name: LocalText;
  /** Where the citizen goes, printed on the ticket ("二楼 A 区 1-6 号窗口"). */
  zone: LocalText;
  /** Numbers handed out per day, 1…999 (voided numbers do not count). */
  dailyCap: number;
  /** Windows serving this business, ≥ 1; divides the wait estimate. */
  counters: number;
  /** Minutes per citizen, used for the estimate until 3 services have been timed today. */
  avgServiceMinutes: number;
  hours: WeeklyHours;
  /** Issuing stops this many minutes before each period ends (default 0). */
  stopIssuingMinutesBeforeClose: number;
  /** Keep issuing on calendar holidays, with the weekday's hours (default false; 24-hour services set it). */
  openOnHolidays: boolean;
  /**
   * A ticket taken with an ID card is refused while the same card holds an active one of this business today
   * (domain.md "one active ticket per ID per business"), matched by the HMAC of the ID number. Default true.
   */
  oneTicketPerId: boolean;
  /** The hall-map window ids of its counters (issue 16 §6), each a `window` point of `hall.map`. Default []. */
  windows: string[];
}

/** A 调休 make-up working day: the hall works that date with the hours of weekday `hoursOf`. */
export interface MakeUpWorkday {
  date: string;
  hoursOf: WeekdayKey;
}

export interface QueueCalendar {
  /** Public holidays, "YYYY-MM-DD" in hall time: no business issues unless it is `openOnHolidays`. */
  holidays: string[];
  workdays: MakeUpWorkday[];
}

/**
 * The HTTP interface through which the hall's calling system (叫号系统) and counter terminals call tickets,
 * mark them served or no-show, and read waiting counts (main/host/queue/calling-api.ts).
 */
export interface CallingApiConfig {
  /** The IP address to listen on: "127.0.0.1" (default, this machine only) or a hall LAN address / "0.0.0.0". */
  host: string;
  /** The TCP port; 0 picks a free one (tests: the port is logged). */
  port: number;
  /** The environment variable holding the bearer token, at least 32 characters (default KIOSK_CALLING_TOKEN). */
  tokenEnv: string;
  /** The counters' IP addresses; requests from any other address are refused. Absent: any address. */
  allowFrom?: string[];
}

export interface QueueConfig {
  businesses: BusinessConfig[];
  calendar: QueueCalendar;
  /** How many of today's most recent services form the wait average (default 20). */
  recentWindow: number;
  /** Tickets this kiosk issues in any minute at most (default 6): one person cannot drain the day or the roll. */
  ticketsPerMinute: number;
  /** Absent: the calling-system interface is off. */
  callingApi?: CallingApiConfig;
}

/** The service-guide catalogue (issue 16 §1). */
export interface GuidesConfig {
  /** A catalogue JSON file; absent: the shipped content/guides/catalogue.json. */
  catalogueFile?: string;
  /** How often the catalogue is fetched from the platform while running. Default 600000. */
  updateIntervalMs: number;
}

/** The encrypted outbox (issue 17 §5; docs/outbox.md). */
export interface OutboxConfig {
  /** The per-kiosk key, outside the data folder; default beside the configuration file (outbox-key.ts). */
  keyFile?: string;
  /** The first retry's wait after a failed send, doubling up to `retryMaxMs`. Defaults 5000 and 600000. */
  retryBaseMs: number;
  retryMaxMs: number;
}

/** `kiosk`: a standing kiosk. `robot`: the kiosk rides a guide robot (issue 16 §9) and `robot` is required. */
export type KioskProfile = 'kiosk' | 'robot';

export interface RobotConfig {
  /** Spoken and shown when someone walks up. */
  greeting: LocalText;
  /** The hall-map point of the robot's dock, a `dock` point. Default "dock". */
  dockPoint: string;
  /** At or below it a trip hands the citizen over and the robot goes to its dock. Default 20. */
  lowBatteryPercent: number;
  /** An obstacle standing this long turns a paused trip into `blocked`. Default 20000. */
  blockedAfterMs: number;
}

export interface LoggingConfig {
  level: LogLevel;
}

export interface KioskConfig {
  mode: KioskMode;
  profile: KioskProfile;
  hall: HallConfig;
  server: ServerConfig;
  session: SessionConfig;
  identity: IdentityConfig;
  platform: PlatformConfig;
  staff: StaffConfig;
  devices: Record<string, DeviceEntryConfig>;
  queue: QueueConfig;
  guides: GuidesConfig;
  outbox: OutboxConfig;
  /** Present exactly when `profile` is "robot". */
  robot?: RobotConfig;
  logging: LoggingConfig;
}

/** A device entry's roles as a list, whichever way the file wrote them. */
export function rolesOf(entry: Pick<DeviceEntryConfig, 'role'>): DeviceRole[] {
  return Array.isArray(entry.role) ? [...entry.role] : [entry.role];
}

/** The id of the device that serves `role`, if any (validation guarantees at most one). */
export function deviceIdForRole(config: Pick<KioskConfig, 'devices'>, role: DeviceRole): string | undefined {
  return Object.keys(config.devices).find((id) => rolesOf(config.devices[id]!).includes(role));
}
