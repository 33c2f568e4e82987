/** `guides:changed` and `robot:changed` pushes (issue 16) are shape-checked like every other (push-validate.ts). */
import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/errors';
import type { RobotTripView } from '../../../common/robot';
import { parseHostEvent } from './push-validate';

const TRIP: RobotTripView = {
  phase: 'walking',
  to: 'A3',
  progress: 0.4,
  remainingM: 12.5,
  error: errorInfo('busy'),
  status: { online: true, batteryPercent: 80, charging: false, docked: false, obstacle: false, position: { floor: 1, xM: 3.5, yM: 2, point: 'hall-c' } },
};

describe('parseHostEvent: guides:changed and robot:changed', () => {
  it('accepts the views as they are, and keeps only the contract fields', () => {
    expect(parseHostEvent({ type: 'guides:changed', guides: { state: 'ready', catalogueVersion: '2025.03.01-1', extra: 1 } })).toEqual({
      ok: true,
      value: { type: 'guides:changed', guides: { state: 'ready', catalogueVersion: '2025.03.01-1' } },
    });
    expect(parseHostEvent({ type: 'robot:changed', robot: structuredClone(TRIP) })).toEqual({ ok: true, value: { type: 'robot:changed', robot: TRIP } });
    expect(parseHostEvent({ type: 'robot:changed', robot: { phase: 'idle', status: { online: false }, secret: 'x' } })).toEqual({
      ok: true,
      value: { type: 'robot:changed', robot: { phase: 'idle', status: { online: false } } },
    });
  });

  it('refuses malformed views, naming the field and never its value', () => {
    const cases: [unknown, string][] = [
      [{ type: 'guides:changed' }, 'guides must be an object'],
      [{ type: 'guides:changed', guides: { state: 'building', catalogueVersion: 'v' } }, 'guides.state must be one of'],
      [{ type: 'guides:changed', guides: { state: 'ready', catalogueVersion: 3 } }, 'guides.catalogueVersion must be a string'],
      [{ type: 'robot:changed', robot: { ...TRIP, phase: 'flying' } }, 'robot.phase must be one of'],
      [{ type: 'robot:changed', robot: { ...TRIP, progress: 1.5 } }, 'robot.progress must be within 0-1'],
      [{ type: 'robot:changed', robot: { ...TRIP, remainingM: -1 } }, 'robot.remainingM must be within'],
      [{ type: 'robot:changed', robot: { ...TRIP, status: { online: 'yes' } } }, 'robot.status.online must be a boolean'],
      [{ type: 'robot:changed', robot: { ...TRIP, status: { online: true, batteryPercent: 140 } } }, 'robot.status.batteryPercent must be within 0-100'],
      [{ type: 'robot:changed', robot: { ...TRIP, error: { code: 'melted' } } }, 'robot.error.code must be an error code'],
      [{ type: 'robot:changed', robot: { ...TRIP, status: { online: true, position: { floor: 1.5, xM: 0, yM: 0 } } } }, 'robot.status.position.floor must be a finite integer'],
    ];
    for (const [raw, detail] of cases) {
      const checked = parseHostEvent(raw);
      expect(checked.ok, detail).toBe(false);
      if (!checked.ok) {
        expect(checked.detail).toContain(detail);
        expect(checked.detail).not.toMatch(/flying|melted|yes|140|building/);
      }
    }
  });
});
