import { describe, expect, it } from 'vitest';
import type { HallMap, HallPoint } from './hall-map';
import { shortestRoute } from './hall-route';

const p = (id: string, floor: number, xM: number, yM: number, kind: HallPoint['kind'] = 'corridor', shaft?: string): HallPoint => ({
  id,
  kind,
  name: { 'zh-CN': id },
  floor,
  xM,
  yM,
  ...(shaft === undefined ? {} : { shaft }),
});

/**
 * Three floors. 1F: kiosk (0,0) — c1 (10,0) — lift-1 (10,10), c1 — stairs-1 (20,0). 2F: lift-2 (10,10) — w2 (10,20),
 * stairs-2 (20,0) — w2. 3F: lift-3 (10,10) — w3 (13,14), stairs-3 (20,0).
 */
function map(overrides: Partial<HallMap> = {}): HallMap {
  return {
    floors: [1, 2, 3].map((level) => ({ level, name: { 'zh-CN': `${level}楼` }, widthM: 40, depthM: 30 })),
    points: [
      p('kiosk', 1, 0, 0, 'kiosk'),
      p('c1', 1, 10, 0),
      p('lift-1', 1, 10, 10, 'lift', 'L'),
      p('stairs-1', 1, 20, 0, 'stairs', 'S'),
      p('lift-2', 2, 10, 10, 'lift', 'L'),
      p('stairs-2', 2, 20, 0, 'stairs', 'S'),
      p('w2', 2, 10, 20, 'window'),
      p('lift-3', 3, 10, 10, 'lift', 'L'),
      p('stairs-3', 3, 20, 0, 'stairs', 'S'),
      p('w3', 3, 13, 14, 'window'),
      p('island', 1, 30, 30, 'window'),
    ],
    links: [
      ['kiosk', 'c1'],
      ['c1', 'lift-1'],
      ['c1', 'stairs-1'],
      ['lift-2', 'w2'],
      ['stairs-2', 'w2'],
      ['lift-3', 'w3'],
    ],
    kioskPoint: 'kiosk',
    ...overrides,
  };
}

describe('shortestRoute (issue 16 §6)', () => {
  it('walks on one floor along the links, metres and seconds at 1 m/s', () => {
    expect(shortestRoute(map(), 'kiosk', 'lift-1')).toEqual({
      from: 'kiosk',
      to: 'lift-1',
      legs: [{ kind: 'walk', floor: 1, points: ['kiosk', 'c1', 'lift-1'], lengthM: 20 }],
      lengthM: 20,
      etaS: 20,
    });
  });

  it('rides the lift straight to the floor: 20 s a floor plus 30 s waiting, then walks there', () => {
    const route = shortestRoute(map(), 'kiosk', 'w3');
    expect(route).toEqual({
      from: 'kiosk',
      to: 'w3',
      legs: [
        { kind: 'walk', floor: 1, points: ['kiosk', 'c1', 'lift-1'], lengthM: 20 },
        { kind: 'lift', fromFloor: 1, toFloor: 3, at: 'lift-1' },
        { kind: 'walk', floor: 3, points: ['lift-3', 'w3'], lengthM: 5 },
      ],
      lengthM: 25,
      etaS: 25 + 2 * 20 + 30,
    });
  });

  it('never takes the stairs step-free (the default), even when they are quicker', () => {
    const route = shortestRoute(map(), 'kiosk', 'w2');
    expect(route?.legs.map((l) => l.kind)).toEqual(['walk', 'lift', 'walk']);
    expect(route?.etaS).toBe(20 + 50 + 10);
  });

  it('takes the stairs at 15 s a floor when stepFree is false and they are quicker', () => {
    const route = shortestRoute(map(), 'kiosk', 'w2', { stepFree: false });
    expect(route).toEqual({
      from: 'kiosk',
      to: 'w2',
      legs: [
        { kind: 'walk', floor: 1, points: ['kiosk', 'c1', 'stairs-1'], lengthM: 20 },
        { kind: 'stairs', fromFloor: 1, toFloor: 2, at: 'stairs-1' },
        { kind: 'walk', floor: 2, points: ['stairs-2', 'w2'], lengthM: 22.4 },
      ],
      lengthM: 42.4,
      etaS: Math.round(20 + 15 + Math.hypot(10, 20)),
    });
  });

  it('gives null when there is no step-free way, and the stairs route when steps are allowed', () => {
    const m = map({ points: map().points.filter((q) => q.id !== 'lift-2') });
    expect(shortestRoute(m, 'kiosk', 'w2')).toBeNull();
    expect(shortestRoute(m, 'kiosk', 'w2', { stepFree: false })?.legs[1]).toEqual({ kind: 'stairs', fromFloor: 1, toFloor: 2, at: 'stairs-1' });
  });

  it('follows the map’s liftSecondsPerFloor', () => {
    expect(shortestRoute(map({ liftSecondsPerFloor: 10 }), 'kiosk', 'w3')?.etaS).toBe(25 + 20 + 30);
  });

  it('joins lift points only of the same shaft', () => {
    const points = map().points.map((q) => (q.id === 'lift-3' ? { ...q, shaft: 'L2' } : q));
    expect(shortestRoute(map({ points }), 'kiosk', 'w3')).toBeNull();
  });

  it('gives null for an unknown point or an unreachable one', () => {
    expect(shortestRoute(map(), 'kiosk', 'nowhere')).toBeNull();
    expect(shortestRoute(map(), 'nowhere', 'kiosk')).toBeNull();
    expect(shortestRoute(map(), 'kiosk', 'island')).toBeNull();
  });

  it('gives a standing route from a point to itself, and a ride alone between two lift points', () => {
    expect(shortestRoute(map(), 'w2', 'w2')).toEqual({ from: 'w2', to: 'w2', legs: [{ kind: 'walk', floor: 2, points: ['w2'], lengthM: 0 }], lengthM: 0, etaS: 0 });
    expect(shortestRoute(map(), 'lift-1', 'lift-3')?.legs).toEqual([{ kind: 'lift', fromFloor: 1, toFloor: 3, at: 'lift-1' }]);
  });

  it('walks links both ways and takes the shorter of two ways', () => {
    const m = map({ links: [...map().links, ['kiosk', 'lift-1']] });
    const route = shortestRoute(m, 'lift-1', 'kiosk');
    expect(route?.legs).toEqual([{ kind: 'walk', floor: 1, points: ['lift-1', 'kiosk'], lengthM: 14.1 }]);
    expect(route?.etaS).toBe(14);
  });
});
