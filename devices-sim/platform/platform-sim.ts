/**
 * The simulated government platform (issue 14 item 8, issue 17 §2, §5–§8): the API of
 * common/platform-api.ts (identity, appointments, catalogue, certificates, applications, progress, EMS post,
 * 好差评) and the certificate verification page (`GET /verify/…`) on its own loopback port, with realistic latency (300–800 ms by default, on the
 * injected clock, drawn from a seeded generator) and the faults of platform-faults.ts, plus its control part
 * (platform-control-routes.ts). Training mode only: composition starts it beside the device simulators.
 * Documented in docs/platform-api.md.
 *
 * Personal data (ARCHITECTURE.md §8.7): the simulator keeps its fake citizens' numbers in memory, logs and
 * shows them masked, and never writes them anywhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, TimerHandle } from '../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../common/logger';
import { CERTIFICATE_VERIFY_PATH_PREFIX, CHECK_IN_OPENS_BEFORE_MS, MAX_APPLICATION_BODY_BYTES, PLATFORM_API_PATHS, type ApplicationStatus, type PlatformEndpoint } from '../../common/platform-api';
import { listenOnLoopback, type LoopbackListener } from '../control-api';
import { HttpError, assertLoopbackRequest, readJsonBody, sendJson } from '../http-json';
import { SeededRandom } from '../seeded-random';
import { AppointmentBook, type AppointmentListing, type NewAppointment } from './appointment-book';
import { ALWAYS_MATCH, type FingerVerdictFn } from './identity-decision';
import { isoWithOffset } from './iso-offset';
import { DEFAULT_LATENCY_MS, drawLatencyMs, type LatencyRange } from './latency';
import { answerPlatformCall, errorAnswer, type PlatformAnswer } from './platform-endpoints';
import { faultsFor, healthyFaults, parseLatency, patchFaults, type PlatformFaults } from './platform-faults';
import { applicationStatusRoute, platformControlRoutes, type PlatformSimControl, type Routes } from './platform-control-routes';
import { DEFAULT_SEED_BUSINESS_IDS, seedAppointments } from './seed-appointments';
import type { ApplicationListing } from './application-store';
import type { CertificateListing } from './certificate-store';
import type { EvaluationListing } from './evaluation-store';
import { ServiceState } from './service-state';
import { serveVerifyPage } from './verify-page';

export interface PlatformSimOptions {
  clock: Clock;
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** The hall's zone: days and the offsets on the wire. Default Asia/Shanghai. */
  timeZone?: string;
  /** Seeds latency, scores and appointment ids. Default 1. */
  seed?: number;
  /** The latency when healthy: `[min, max]` or a fixed number. Default [300, 800]. */
  latencyMs?: LatencyRange | number;
  /** The platform's code-signing key. Default: a fixed training key (codes stay the same run to run). */
  signingKey?: Uint8Array;
  /** Judges fingerprints (issue 14 item 4); default: every finger matches. */
  fingerVerdict?: FingerVerdictFn;
  /** Seed the fixture citizens' appointments at start and reset. Default true. */
  seedAppointments?: boolean;
  /** The businesses the seeded appointments are for (the configuration's). */
  businessIds?: readonly string[];
  checkInOpensBeforeMs?: number;
  log?: Logger;
  /** Default 1 MiB: room for a face image. */
  maxBodyBytes?: number;
  /** Application submissions (scans, a signature). Default MAX_APPLICATION_BODY_BYTES. */
  maxApplicationBodyBytes?: number;
  /** Where verification URLs point (the platform's public address). Default: this simulator's own URL. */
  verifyBaseUrl?: string;
}

export interface PlatformCall {
  seq: number;
  at: string;
  endpoint: PlatformEndpoint;
  /** The HTTP status sent, or null while held / when no reply was ever sent (the timeout fault). */
  status: number | null;
  outcome: string;
}

const TRAINING_KEY = new TextEncoder().encode('hallkiosk training platform: not a secret, never a production key');
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const MAX_CALLS_KEPT = 100;
const APPLICATION_STATUS_ROUTE = /^\/sim\/platform\/applications\/([^/]+)\/status$/;
const ENDPOINT_BY_PATH = new Map<string, PlatformEndpoint>(Object.entries(PLATFORM_API_PATHS).map(([e, p]) => [p, e as PlatformEndpoint]));

interface Held {
  timer?: TimerHandle;
}

export class PlatformSim implements PlatformSimControl {
  private readonly clock: Clock;
  private readonly timeZone: string;
  private readonly rng: SeededRandom;
  private readonly healthyLatency: LatencyRange;
  private readonly book: AppointmentBook;
  private readonly log: Logger;
  private readonly limit: number;
  /** `/sim/platform/*`, served here and mounted on the kiosk's simulator control API too (control-api.ts `routes`). */
  readonly controlRoutes: Routes;
  private current: PlatformFaults;
  private fingerVerdict: FingerVerdictFn;
  private listener: LoopbackListener | null = null;
  private readonly held = new Set<Held>();
  private heldWaiters: { count: number; resolve: () => void }[] = [];
  private calls: PlatformCall[] = [];
  private callSeq = 0;
  private transactionSeq = 0;
  private publishedCatalogue: unknown = null;
  private readonly services: ServiceState;
  private readonly controlLimit: number;

  constructor(private readonly options: PlatformSimOptions) {
    this.clock = options.clock;
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.rng = new SeededRandom(options.seed ?? 1);
    this.healthyLatency = options.latencyMs === undefined ? DEFAULT_LATENCY_MS : parseLatency(options.latencyMs);
    this.current = healthyFaults(this.healthyLatency);
    this.fingerVerdict = options.fingerVerdict ?? ALWAYS_MATCH;
    this.log = options.log ?? SILENT_LOGGER;
    this.limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.book = new AppointmentBook({
      clock: this.clock,
      timeZone: this.timeZone,
      signingKey: options.signingKey ?? TRAINING_KEY,
      rng: this.rng,
      checkInOpensBeforeMs: options.checkInOpensBeforeMs ?? CHECK_IN_OPENS_BEFORE_MS,
    });
    this.services = new ServiceState({ signingKey: options.signingKey ?? TRAINING_KEY, rng: this.rng, timeZone: this.timeZone, baseUrl: () => options.verifyBaseUrl ?? this.url });
    this.controlLimit = Math.min(this.limit, 16 * 1024);
    this.controlRoutes = platformControlRoutes(this, this.controlLimit);
    this.seed();
  }

  /** Listens on 127.0.0.1 (the configured port, or a free one). */
  async start(): Promise<void> {
    if (this.listener) return;
    this.listener = await listenOnLoopback(this.handler, this.options.port ?? 0);
  }

  async stop(): Promise<void> {
    for (const h of this.held) h.timer?.cancel();
    this.held.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.close();
  }

  /** e.g. `http://127.0.0.1:41234`; throws before start(). */
  get url(): string {
    if (!this.listener) throw new Error('the platform simulator is not started');
    return this.listener.url;
  }

  get port(): number {
    if (!this.listener) throw new Error('the platform simulator is not started');
    return this.listener.port;
  }

  /** The lead wires this to the fingerprint simulator (issue 14 item 4). */
  setFingerVerdict(fn: FingerVerdictFn): void {
    this.fingerVerdict = fn;
  }

  faults(): PlatformFaults {
    return { ...this.current };
  }

  setFaults(patch: unknown): PlatformFaults {
    this.current = patchFaults(this.current, patch);
    this.log.info('platform faults set', { faults: this.current });
    return this.faults();
  }

  clearFaults(): PlatformFaults {
    this.current = healthyFaults(this.healthyLatency);
    return this.faults();
  }

  appointments(): AppointmentListing[] {
    return this.book.list();
  }

  createAppointment(input: NewAppointment): AppointmentListing {
    return this.book.create(input);
  }

  publishCatalogue(catalogue: unknown): { version: unknown } {
    this.publishedCatalogue = catalogue;
    const version = typeof catalogue === 'object' && catalogue !== null ? (catalogue as Record<string, unknown>).version : undefined;
    this.log.info('catalogue published', { version });
    return { version: version ?? null };
  }

  withdrawCatalogue(): void {
    this.publishedCatalogue = null;
  }

  certificates(): CertificateListing[] {
    return this.services.certificates.list();
  }

  applications(): ApplicationListing[] {
    return this.services.applications.list();
  }

  /** Moves an application on (受理 → 审核中 → 办结 | 退回); undefined for an acceptance number it does not know. */
  setApplicationStatus(acceptanceNumber: string, status: ApplicationStatus, note?: string): ApplicationListing | undefined {
    return this.services.applications.advance(acceptanceNumber, status, this.clock.now(), note);
  }

  evaluations(): EvaluationListing[] {
    return this.services.evaluations.list();
  }

  /** Healthy, the seeded appointments and applications made afresh from the clock's now, everything else forgotten. */
  reset(): void {
    this.publishedCatalogue = null;
    this.clearFaults();
    this.book.clear();
    this.services.clear();
    this.calls = [];
    this.seed();
  }

  /** Requests waiting for their answer (latency) or never to be answered (timeout). */
  heldRequests(): number {
    return this.held.size;
  }

  /** Resolves once at least `count` requests are held: tests wait on this, then move the clock. */
  whenHeld(count = 1): Promise<void> {
    if (this.held.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  recentCalls(): PlatformCall[] {
    return this.calls.map((c) => ({ ...c }));
  }

  state(): unknown {
    return { faults: this.faults(), appointments: this.book.size(), ...this.services.counts(), held: this.held.size, calls: this.recentCalls() };
  }

  readonly handler = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      const api = ENDPOINT_BY_PATH.has(this.pathOf(req));
      const message = err instanceof HttpError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
      const status = err instanceof HttpError ? err.statusCode : 500;
      const field = err instanceof HttpError ? err.field : undefined;
      const headers = err instanceof HttpError ? err.headers : {};
      if (api) sendJson(res, status, errorAnswer(status, status === 500 ? 'internal' : 'refused', message, field).body, headers);
      else sendJson(res, status, field === undefined ? { error: message } : { error: message, field }, headers);
    });
  };

  private seed(): void {
    if (this.options.seedAppointments ?? true) {
      seedAppointments(this.book, this.clock.now(), this.options.businessIds ?? DEFAULT_SEED_BUSINESS_IDS);
      this.services.seed(this.clock.now());
    }
  }

  private pathOf(req: IncomingMessage): string {
    return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    assertLoopbackRequest(req);
    const path = this.pathOf(req);
    const method = req.method ?? 'GET';
    const endpoint = ENDPOINT_BY_PATH.get(path);
    if (endpoint) {
      if (method !== 'POST') throw new HttpError(405, `${method} is not allowed on ${path}; use POST`, { Allow: 'POST' });
      return this.serveCall(endpoint, req, res);
    }
    if (path.startsWith(CERTIFICATE_VERIFY_PATH_PREFIX)) {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `${method} is not allowed on ${path}; use GET`, { Allow: 'GET' });
      return serveVerifyPage(this.services.certificates, path, new URL(req.url ?? '/', 'http://127.0.0.1').searchParams, res);
    }
    const statusRoute = APPLICATION_STATUS_ROUTE.exec(path);
    if (statusRoute) {
      if (method !== 'POST') throw new HttpError(405, `${method} is not allowed on ${path}; use POST`, { Allow: 'POST' });
      return applicationStatusRoute(this, decodeURIComponent(statusRoute[1]!), this.controlLimit)(req, res);
    }
    const route = this.controlRoutes[path];
    if (!route) throw new HttpError(404, `no route ${path}`);
    const fn = route[method];
    if (!fn) {
      const allow = Object.keys(route).join(', ');
      throw new HttpError(405, `${method} is not allowed on ${path}; use ${allow}`, { Allow: allow });
    }
    await fn(req, res);
  }

  /** One platform call: the faults as they stand when it arrives, then the answer after the latency. */
  private async serveCall(endpoint: PlatformEndpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const faults = faultsFor(this.current, endpoint);
    const call: PlatformCall = { seq: ++this.callSeq, at: isoWithOffset(this.clock.now(), this.timeZone), endpoint, status: null, outcome: 'pending' };
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS_KEPT) this.calls.shift();
    if (faults.unreachable) {
      call.outcome = 'unreachable (connection dropped before any work)';
      return void req.socket.destroy();
    }
    if (faults.timeoutBeforeWork) {
      call.outcome = 'no reply, nothing done (timeoutBeforeWork fault)';
      return this.hold(res, null);
    }
    const answer = faults.serverError !== false ? errorAnswer(faults.serverError, 'serviceUnavailable', 'the platform is unavailable (simulated server error)') : await this.answer(endpoint, req, faults);
    call.outcome = answer.outcome;
    this.log.info('platform call', { endpoint, status: faults.timeout ? 'no reply' : answer.status, outcome: answer.outcome });
    if (faults.timeout) {
      call.outcome = `${answer.outcome} (no reply: timeout fault)`;
      return this.hold(res, null);
    }
    if (faults.dropAfterWork) {
      call.outcome = `${answer.outcome} (connection dropped after the work: dropAfterWork fault)`;
      return void req.socket.destroy();
    }
    const send = (): void => {
      call.status = answer.status;
      if (faults.malformedReply) {
        call.outcome = `${answer.outcome} (malformed reply)`;
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(answer.body).slice(0, 12));
      } else sendJson(res, answer.status, answer.body);
    };
    const latency = drawLatencyMs(this.rng, faults.latencyMs);
    if (latency === 0) send();
    else this.hold(res, latency, send);
  }

  private async answer(endpoint: PlatformEndpoint, req: IncomingMessage, faults: PlatformFaults): Promise<PlatformAnswer> {
    let body: unknown;
    try {
      body = await readJsonBody(req, endpoint === 'submitApplication' ? (this.options.maxApplicationBodyBytes ?? MAX_APPLICATION_BODY_BYTES) : this.limit);
    } catch (err) {
      if (err instanceof HttpError) return errorAnswer(err.statusCode, err.statusCode === 400 ? 'badRequest' : 'refused', err.message);
      throw err;
    }
    return answerPlatformCall(endpoint, body, {
      book: this.book,
      faults,
      fingerVerdict: this.fingerVerdict,
      rng: this.rng,
      timeZone: this.timeZone,
      nowMs: this.clock.now(),
      nextTransaction: () => ++this.transactionSeq,
      catalogue: () => this.publishedCatalogue,
      services: this.services,
      header: (name) => {
        const v = req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
    });
  }

  /** Keeps `res` waiting `ms` of clock time (null: until the client gives up or the simulator stops). */
  private hold(res: ServerResponse, ms: number | null, send?: () => void): void {
    const entry: Held = {};
    const release = (): boolean => {
      if (!this.held.delete(entry)) return false;
      entry.timer?.cancel();
      return true;
    };
    this.held.add(entry);
    res.on('close', release);
    if (ms !== null && send) {
      entry.timer = this.clock.setTimer(ms, () => {
        if (release() && !res.writableEnded && !res.destroyed) send();
      });
    }
    const ready = this.heldWaiters.filter((w) => this.held.size >= w.count);
    this.heldWaiters = this.heldWaiters.filter((w) => this.held.size < w.count);
    for (const w of ready) w.resolve();
  }
}

/** Builds and starts one simulated platform (composition calls this in training mode). */
export async function startPlatformSim(options: PlatformSimOptions): Promise<PlatformSim> {
  const sim = new PlatformSim(options);
  await sim.start();
  return sim;
}
