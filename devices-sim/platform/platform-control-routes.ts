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
 *   POST   /sim/platform/reset           → faults healthy, appointments seeded afresh from now, calls cleared
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from '../http-json';
import type { AppointmentListing, NewAppointment } from './appointment-book';
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
    '/sim/platform/reset': {
      POST: async (req, res) => {
        await readJsonBody(req, limit);
        sim.reset();
        sendJson(res, 200, sim.state());
      },
    },
  };
}
