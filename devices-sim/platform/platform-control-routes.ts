/**
 * The simulated platform's control part (issue 14 item 8; docs/platform-api.md), in the style of the device
 * control API (devices-sim/control-api.ts): JSON on loopback, faults set partially, state readable.
 *
 *   GET    /sim/platform                 { faults, appointments, held, calls }
 *   POST   /sim/platform/faults          { latencyMs?, timeout?, serverError?, personNotMatched?, … } → faults
 *   DELETE /sim/platform/faults          → faults, healthy
 *   GET    /sim/platform/appointments    [{ code, businessId, windowStart, windowEnd, personMaskedName, … }]
 *   POST   /sim/platform/appointments    { businessId, windowStart, windowEnd, fixture | idNumber + name } → 201 { code, appointment }
 *   POST   /sim/platform/catalogue       a service-guide catalogue (issue 16 §1), as it is, for kiosks to fetch → { version }
 *   DELETE /sim/platform/catalogue       → nothing published (kiosks keep what they have)
 *   GET    /sim/platform/certificates    [{ certificateId, kind, title, issuedOn, holderMasked…, verificationCode, verificationUrl, status }]
 *   GET    /sim/platform/applications    [{ acceptanceNumber, serviceCode, status, steps, applicantMasked…, items, delivery, … }]
 *   POST   /sim/platform/applications/:acceptanceNumber/status   { status, note? } → the application (issue 17 §6)
 *   POST   /sim/platform/application-status                     { acceptanceNumber, status, note? }: the same, by exact path
 *   GET    /sim/platform/evaluations     [{ evaluationId, transactionId, serviceCode, level, reasons, comment?, … }]
 *   POST   /sim/platform/reset           → faults healthy, appointments and applications seeded afresh from now, calls cleared
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../common/platform-api';
import { HttpError, readJsonBody, sendJson } from '../http-json';
import type { AppointmentListing, NewAppointment } from './appointment-book';
import { StatusChangeRefused, type ApplicationListing } from './application-store';
import type { CertificateListing } from './certificate-store';
import type { EvaluationListing } from './evaluation-store';
import { parseNewAppointment } from './new-appointment-body';
import type { PlatformFaults } from './platform-faults';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
export type Routes = Record<string, Partial<Record<string, RouteHandler>>>;

/** What the control routes need of the simulator. */
export interface PlatformSimControl {
  state(): unknown;
  faults(): PlatformFaults;
  setFaults(patch: unknown): PlatformFaults;
  clearFaults(): PlatformFaults;
  appointments(): AppointmentListing[];
  createAppointment(input: NewAppointment): AppointmentListing;
  reset(): void;
  publishCatalogue(catalogue: unknown): { version: unknown };
  withdrawCatalogue(): void;
  certificates(): CertificateListing[];
  applications(): ApplicationListing[];
  setApplicationStatus(acceptanceNumber: string, status: ApplicationStatus, note?: string): ApplicationListing | undefined;
  evaluations(): EvaluationListing[];
}

const MAX_NOTE_CHARS = 200;

function statusChange(body: unknown): { status: ApplicationStatus; note?: string } {
  const o = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const key of Object.keys(o)) if (!['status', 'note', 'acceptanceNumber'].includes(key)) throw new HttpError(400, `${key} is not a field of a status change; the fields: status, note`, {}, key);
  if (!(APPLICATION_STATUSES as readonly unknown[]).includes(o.status)) throw new HttpError(400, `status must be one of ${APPLICATION_STATUSES.join(', ')}`, {}, 'status');
  if (o.note !== undefined && (typeof o.note !== 'string' || o.note.length > MAX_NOTE_CHARS)) throw new HttpError(400, `note must be text of at most ${MAX_NOTE_CHARS} characters`, {}, 'note');
  return o.note === undefined ? { status: o.status as ApplicationStatus } : { status: o.status as ApplicationStatus, note: o.note as string };
}

function changeStatus(sim: PlatformSimControl, acceptanceNumber: string, body: unknown): ApplicationListing {
  const { status, note } = statusChange(body);
  try {
    const changed = sim.setApplicationStatus(acceptanceNumber, status, note);
    if (!changed) throw new HttpError(404, `no application ${acceptanceNumber}`, {}, 'acceptanceNumber');
    return changed;
  } catch (err) {
    if (err instanceof StatusChangeRefused) throw new HttpError(409, err.message, {}, 'status');
    throw err;
  }
}

/** `POST /sim/platform/applications/:acceptanceNumber/status` (matched by pattern in platform-sim.ts). */
export function applicationStatusRoute(sim: PlatformSimControl, acceptanceNumber: string, limit: number): RouteHandler {
  return async (req, res) => sendJson(res, 200, changeStatus(sim, acceptanceNumber, await readJsonBody(req, limit)));
}

/** A catalogue of a few thousand items is a few MiB of JSON. */
const CATALOGUE_BODY_LIMIT = 32 * 1024 * 1024;

export function platformControlRoutes(sim: PlatformSimControl, limit: number): Routes {
  return {
    '/sim/platform': { GET: (_req, res) => sendJson(res, 200, sim.state()) },
    '/sim/platform/faults': {
      POST: async (req, res) => sendJson(res, 200, sim.setFaults(await readJsonBody(req, limit))),
      DELETE: (_req, res) => sendJson(res, 200, sim.clearFaults()),
    },
    '/sim/platform/appointments': {
      GET: (_req, res) => sendJson(res, 200, sim.appointments()),
      POST: async (req, res) => {
        const appointment = sim.createAppointment(parseNewAppointment(await readJsonBody(req, limit)));
        sendJson(res, 201, { code: appointment.code, appointment });
      },
    },
    '/sim/platform/catalogue': {
      POST: async (req, res) => sendJson(res, 200, sim.publishCatalogue(await readJsonBody(req, CATALOGUE_BODY_LIMIT))),
      DELETE: (_req, res) => {
        sim.withdrawCatalogue();
        sendJson(res, 200, { version: null });
      },
    },
    '/sim/platform/certificates': { GET: (_req, res) => sendJson(res, 200, sim.certificates()) },
    '/sim/platform/applications': { GET: (_req, res) => sendJson(res, 200, sim.applications()) },
    '/sim/platform/application-status': {
      POST: async (req, res) => {
        const body = await readJsonBody(req, limit);
        const no = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).acceptanceNumber : undefined;
        if (typeof no !== 'string') throw new HttpError(400, 'acceptanceNumber must be given', {}, 'acceptanceNumber');
        sendJson(res, 200, changeStatus(sim, no, body));
      },
    },
    '/sim/platform/evaluations': { GET: (_req, res) => sendJson(res, 200, sim.evaluations()) },
    '/sim/platform/reset': {
      POST: async (req, res) => {
        await readJsonBody(req, limit);
        sim.reset();
        sendJson(res, 200, sim.state());
      },
    },
  };
}
