import { describe, expect, it } from 'vitest';
import type { HallMap, HallPoint } from './hall-map';
import { requireWindows, validateHallMap } from './hall-map-validate';

const p = (id: string, kind: HallPoint['kind'], floor: number, xM: number, yM: number, shaft?: string): HallPoint => ({
  id,
  kind,
  name: { 'zh-CN': id },
  floor,
  xM,
  yM,
  ...(shaft === undefined ? {} : { shaft }),
});

/** points: [0] kiosk, [1] c1, [2] lift-1, [3] stairs-1, [4] lift-2, [5] stairs-2, [6] A1, [7] zone. */
function map(): HallMap {
  return {
    floors: [
      { level: 1, name: { 'zh-CN': '一楼' }, widthM: 40, depthM: 30 },
      { level: 2, name: { 'zh-CN': '二楼' }, widthM: 40, depthM: 30 },
    ],
    points: [
      p('kiosk', 'kiosk', 1, 2, 2),
      p('c1', 'corridor', 1, 10, 2),
      p('lift-1', 'lift', 1, 10, 10, 'L1'),
      p('stairs-1', 'stairs', 1, 20, 2, 'S1'),
      p('lift-2', 'lift', 2, 10, 10, 'L1'),
      p('stairs-2', 'stairs', 2, 20, 2, 'S1'),
      p('A1', 'window', 2, 10, 20),
      p('zone-a', 'zone', 2, 30, 25),
    ],
    links: [
      ['kiosk', 'c1'],
      ['c1', 'lift-1'],
      ['c1', 'stairs-1'],
      ['lift-2', 'A1'],
      ['stairs-2', 'A1'],
    ],
    kioskPoint: 'kiosk',
  };
}

const problemsOf = (edit: (m: HallMap) => void): Array<{ path: string; message: string }> => {
  const m = map();
  edit(m);
  return validateHallMap(m);
};

describe('validateHallMap (issue 16 §6)', () => {
  it('accepts a sound map (an unlinked zone label is fine)', () => {
    expect(validateHallMap(map())).toEqual([]);
  });

  const cases: Array<[string, (m: HallMap) => void, { path: string; message: string }]> = [
    ['a duplicate point id', (m) => void m.points.push(p('c1', 'corridor', 1, 1, 1)), { path: 'points[8].id', message: '"c1" is already the id of points[1]' }],
    ['an unknown floor', (m) => (m.points[7]!.floor = 4), { path: 'points[7].floor', message: '4 is not a floor of the map (floors: 1, 2)' }],
    ['a point west of the floor', (m) => (m.points[1]!.xM = -1), { path: 'points[1].xM', message: '-1 is outside floor 1, which is 0-40 m wide' }],
    ['a point beyond the front', (m) => (m.points[6]!.yM = 31), { path: 'points[6].yM', message: '31 is outside floor 2, which is 0-30 m deep' }],
    ['a duplicate floor', (m) => void m.floors.push({ level: 2, name: { 'zh-CN': '二楼' }, widthM: 10, depthM: 10 }), { path: 'floors[2].level', message: '2 is already the level of floors[1]' }],
    ['a link to no point', (m) => void m.links.push(['c1', 'B9']), { path: 'links[5][1]', message: '"B9" is not a point of the map' }],
    ['a link between floors', (m) => void m.links.push(['c1', 'A1']), { path: 'links[5]', message: 'joins "c1" on floor 1 to "A1" on floor 2: a link stays on one floor (lifts and stairs join floors by their shaft)' }],
    ['a link twice, either way round', (m) => void m.links.push(['lift-1', 'c1']), { path: 'links[5]', message: '"lift-1"-"c1" is already links[1] (a link goes both ways)' }],
    ['a link from a point to itself', (m) => void m.links.push(['c1', 'c1']), { path: 'links[5]', message: 'joins "c1" to itself' }],
    ['an unknown kiosk point', (m) => (m.kioskPoint = 'kiosk-9'), { path: 'kioskPoint', message: '"kiosk-9" is not a point of the map' }],
    ['a kiosk point that is no kiosk', (m) => (m.kioskPoint = 'c1'), { path: 'kioskPoint', message: '"c1" is a corridor point, not a kiosk' }],
    ['a lift without shaft', (m) => delete m.points[4]!.shaft, { path: 'points[4].shaft', message: 'is missing: a lift point names its shaft, which joins it to the same lift on other floors' }],
    ['two stairs of one shaft on one floor', (m) => void m.points.push(p('stairs-1b', 'stairs', 1, 30, 2, 'S1')), { path: 'points[8].shaft', message: '"S1" already has a stairs point on floor 1 (points[3])' }],
    ['a window reached only by the stairs', (m) => (m.points[4]!.shaft = 'L2'), { path: 'points[6]', message: 'window "A1" cannot be reached from the kiosk point "kiosk" without stairs: link it to a walkway, or add a lift' }],
    ['a point reached by nothing', (m) => void m.points.push(p('toilet', 'toilet', 1, 30, 30)), { path: 'points[8]', message: 'toilet "toilet" cannot be reached from the kiosk point "kiosk": link it to a walkway' }],
  ];

  it.each(cases)('names the field for %s', (_label, edit, expected) => {
    expect(problemsOf(edit)).toEqual([expected]);
  });

  it('reports a window cut off entirely, and every problem of one map in one pass', () => {
    expect(problemsOf((m) => (m.links = m.links.slice(0, 3)))).toEqual([
      { path: 'points[6]', message: 'window "A1" cannot be reached from the kiosk point "kiosk" at all: link it to a walkway, or add a lift' },
    ]);
    const many = problemsOf((m) => {
      m.points[1]!.xM = 50;
      m.kioskPoint = 'nowhere';
      m.links.push(['c1', 'zz']);
    });
    expect(many.map((x) => x.path)).toEqual(['points[1].xM', 'links[5][1]', 'kioskPoint']);
  });

  it('skips parts of the wrong shape, which the schema reports', () => {
    expect(problemsOf((m) => {
      (m.points as unknown[]).push(null, { id: 3 });
      (m.links as unknown[]).push(['c1'], 'x');
    })).toEqual([]);
  });
});

describe('requireWindows', () => {
  it('names each reference that is not a window point, at its own path', () => {
    expect(
      requireWindows(map(), [
        { path: 'queue.businesses[0].windows[0]', id: 'A1' },
        { path: 'queue.businesses[0].windows[1]', id: 'A2' },
        { path: 'items[3].where.windows[0]', id: 'lift-2' },
      ]),
    ).toEqual([
      { path: 'queue.businesses[0].windows[1]', message: '"A2" is not a point of the hall map (hall.map.points)' },
      { path: 'items[3].where.windows[0]', message: '"lift-2" is a lift point of the hall map, not a window' },
    ]);
    expect(requireWindows(map(), [])).toEqual([]);
  });
});
