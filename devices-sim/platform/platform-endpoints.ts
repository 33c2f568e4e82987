/**
 * The simulated platform's answers to the calls of common/platform-api.ts (issue 17's in service-endpoints.ts), before latency and the
 * transport faults are applied (platform-sim.ts does that). Each answer carries a one-word outcome for the
 * call log and the state, never personal data.
 */
import { localDateKey } from '../../common/local-time';
import { PLATFORM_HEADERS, PLATFORM_KEY_PATTERN, type PlatformEndpoint, type PlatformErrorBody } from '../../common/platform-api';
import { HttpError } from '../http-json';
import type { SeededRandom } from '../seeded-random';
import { IdempotencyConflict, type AppointmentBook } from './appointment-book';
import { decideIdentity, type FingerVerdictFn } from './identity-decision';
import type { PlatformFaults } from './platform-faults';
import { parseCheckInRequest, parseIdentityVerifyRequest, parseLookupRequest, parseSearchRequest } from './platform-requests';
import { answerServiceCall, isServiceEndpoint } from './service-endpoints';
import type { ServiceState } from './service-state';

export interface PlatformAnswer {
  status: number;
  body: unknown;
  /** For the call log: the decision, the outcome, or the error word. */
  outcome: string;
}

export interface EndpointContext {
  book: AppointmentBook;
  faults: PlatformFaults;
  fingerVerdict: FingerVerdictFn;
  rng: SeededRandom;
  timeZone: string;
  nowMs: number;
  /** The next transaction number, counting from 1. */
  nextTransaction(): number;
  header(name: string): string | undefined;
  /** The catalogue published through the control API (`POST /sim/platform/catalogue`), or null. */
  catalogue(): unknown;
  /** Issue 17: verifications, certificates, applications, post, evaluations. */
  services: ServiceState;
}

export function errorAnswer(status: number, error: string, message: string, field?: string): PlatformAnswer {
  const body: PlatformErrorBody = field === undefined ? { error, message } : { error, message, field };
  return { status, body, outcome: error };
}

async function verify(body: unknown, ctx: EndpointContext): Promise<PlatformAnswer> {
  const request = parseIdentityVerifyRequest(body);
  const todayLocal = localDateKey(ctx.nowMs, ctx.timeZone);
  const decision = await decideIdentity(request, { todayLocal, faults: ctx.faults, fingerVerdict: ctx.fingerVerdict, rng: ctx.rng });
  const transactionId = `SIMV-${todayLocal.replaceAll('-', '')}-${String(ctx.nextTransaction()).padStart(6, '0')}`;
  if (decision.decision === 'matched') ctx.services.verifications.remember({ transactionId, card: request.card, kioskId: ctx.header(PLATFORM_HEADERS.kioskId) ?? '', atMs: ctx.nowMs });
  return { status: 200, body: { ...decision, transactionId }, outcome: decision.refusal ? `${decision.decision}:${decision.refusal}` : decision.decision };
}

function checkIn(body: unknown, ctx: EndpointContext): PlatformAnswer {
  const request = parseCheckInRequest(body);
  const key = ctx.header(PLATFORM_HEADERS.idempotencyKey);
  if (key === undefined || !PLATFORM_KEY_PATTERN.test(key)) {
    return errorAnswer(400, 'badRequest', `the ${PLATFORM_HEADERS.idempotencyKey} header is required: 8 to 128 letters, digits and -_.:`, PLATFORM_HEADERS.idempotencyKey);
  }
  try {
    const result = ctx.book.checkIn(request.code, key);
    return { status: 200, body: result, outcome: result.outcome };
  } catch (err) {
    if (err instanceof IdempotencyConflict) return errorAnswer(409, 'idempotencyKeyReused', err.message, PLATFORM_HEADERS.idempotencyKey);
    throw err;
  }
}

/**
 * The guide catalogue (issue 16 §1): a platform answers `newer` whenever what it publishes differs from what
 * the kiosk has, and leaves it to the kiosk to refuse an older or broken one (the simulator does not validate
 * what it was given, so a broken catalogue reaches the kiosk as it would from a faulty content system).
 */
function catalogueUpdate(body: unknown, ctx: EndpointContext): PlatformAnswer {
  const have = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).haveVersion : undefined;
  if (typeof have !== 'string' || have.length > 64) return errorAnswer(400, 'badRequest', 'haveVersion must be a version string', 'haveVersion');
  const published = ctx.catalogue();
  const version = typeof published === 'object' && published !== null ? (published as Record<string, unknown>).version : undefined;
  if (published === null || version === have) return { status: 200, body: { status: 'current' }, outcome: 'current' };
  return { status: 200, body: { status: 'newer', catalogue: published }, outcome: `newer:${typeof version === 'string' ? version : '?'}` };
}

/** The answer to one call; a malformed request is a 400 answer, like any other. */
export async function answerPlatformCall(endpoint: PlatformEndpoint, body: unknown, ctx: EndpointContext): Promise<PlatformAnswer> {
  try {
    if (isServiceEndpoint(endpoint)) return answerServiceCall(endpoint, body, ctx);
    switch (endpoint) {
      case 'verifyIdentity':
        return await verify(body, ctx);
      case 'lookupAppointment': {
        const result = ctx.book.lookup(parseLookupRequest(body).code);
        return { status: 200, body: result, outcome: result.status };
      }
      case 'searchAppointments': {
        const appointments = ctx.book.search(parseSearchRequest(body).idNumber);
        return { status: 200, body: { appointments }, outcome: `found:${appointments.length}` };
      }
      case 'checkIn':
        return checkIn(body, ctx);
      case 'catalogueUpdate':
        return catalogueUpdate(body, ctx);
    }
  } catch (err) {
    if (err instanceof HttpError) return errorAnswer(err.statusCode, err.statusCode === 400 ? 'badRequest' : 'refused', err.message, err.field);
    throw err;
  }
}
