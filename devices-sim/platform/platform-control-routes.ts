/**
 * The simulated platform's control part (issue 14 item 8; docs/platform-api.md), in the style of the device
 * control API (devices-sim/control-api.ts): JSON on loopback, faults set partially, state readable.
 *
 *   GET    /sim/platform                 { faults, appointments, held, calls }
 *   POST   /sim/platform/faults          { latencyMs?, timeout?, serverError?, personNotMatched?, … } → faults
 *   DELETE /sim/platform/faults          → faults, healthy
 *   GET    /sim/platform/appointments    [{ code, businessId, windowStart, windowEnd, personMaskedName, … }]
 *   POST   /sim/platform/appointments    { businessId, windowStart, windowEnd, fixture | idNumber + name } → 201 { code, appointment }
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
}

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
    '/sim/platform/reset': {
      POST: async (req, res) => {
        await readJsonBody(req, limit);
        sim.reset();
        sendJson(res, 200, sim.state());
      },
    },
  };
}
