import { describe, expect, it } from 'vitest';
import { validateHallMap } from '../../../common/hall-map-validate';
import { shortestRoute } from '../../../common/hall-route';
import { problemLine } from './config-error';
import { validateConfig } from './config-validate';
import { DEFAULT_CONFIG_JSON } from './default-config';
import { DEFAULT_HALL_MAP } from './default-hall-map';
import { DEFAULT_ROBOT_GREETING } from './hall-schema';

type Json = Record<string, any>;

const fresh = (): Json => JSON.parse(DEFAULT_CONFIG_JSON) as Json;
const withMap = (): Json => ({ ...fresh(), hall: { ...fresh().hall, map: structuredClone(DEFAULT_HALL_MAP) } });
const indexOf = (config: Json, id: string): number => (config.hall.map.points as Json[]).findIndex((p) => p.id === id);

function problemsOf(raw: unknown): string[] {
  const result = validateConfig(raw);
  return result.ok ? [] : result.problems.map(problemLine);
}

const WINDOWS = [
  'D1 D2', 'E1 E2 E3 E4 E5 E6 E7 E8',
  'A1 A2 A3 A4 A5 A6 B7 B8 B9 B10 F1 F2 F3 F4 G1 G2 G3',
  'C11 C12 C13 C14 C15 C16 C17 C18 H1 H2 H3 H4 K1 K2 K3',
];

describe('the shipped hall map (default-hall-map.ts)', () => {
  it('is sound: three floors of 40 × 30 m, and every window step-free from kiosk-01', () => {
    expect(validateHallMap(DEFAULT_HALL_MAP)).toEqual([]);
    expect(DEFAULT_HALL_MAP.floors.map((f) => `${f.level}:${f.name['zh-CN']}:${f.widthM}x${f.depthM}`)).toEqual(['1:一楼:40x30', '2:二楼:40x30', '3:三楼:40x30']);
    expect(DEFAULT_HALL_MAP.kioskPoint).toBe('kiosk-01');
    const windows = [1, 2, 3].map((floor) => DEFAULT_HALL_MAP.points.filter((p) => p.kind === 'window' && p.floor === floor).map((p) => p.id).join(' '));
    expect([windows[0], windows[1], windows[2]]).toEqual([`${WINDOWS[0]} ${WINDOWS[1]}`, WINDOWS[2], WINDOWS[3]]);
    for (const p of DEFAULT_HALL_MAP.points.filter((q) => q.kind === 'window')) {
      expect(shortestRoute(DEFAULT_HALL_MAP, 'kiosk-01', p.id), p.id).not.toBeNull();
    }
  });

  it('names every point in three languages, and has the named places of the hall', () => {
    for (const p of DEFAULT_HALL_MAP.points) expect(Object.keys(p.name), p.id).toEqual(['zh-CN', 'zh-TW', 'en']);
    const byId = new Map(DEFAULT_HALL_MAP.points.map((p) => [p.id, p]));
    expect(byId.get('info-desk')?.name['zh-CN']).toBe('一楼咨询台');
    expect(byId.get('dock')?.kind).toBe('dock');
    expect(byId.get('C15')?.name['zh-CN']).toBe('C15 号窗口（不动产登记）');
    expect(['lift-1f', 'lift-2f', 'lift-3f'].map((id) => byId.get(id)?.shaft)).toEqual(['L1', 'L1', 'L1']);
    expect(['stairs-1f', 'stairs-2f', 'stairs-3f'].map((id) => byId.get(id)?.shaft)).toEqual(['S1', 'S1', 'S1']);
  });

  it('takes kiosk-01 to C15 by the lift: walk on 1F, ride to 3F, walk to the window', () => {
    const route = shortestRoute(DEFAULT_HALL_MAP, 'kiosk-01', 'C15');
    expect(route?.legs.map((l) => (l.kind === 'walk' ? `walk ${l.floor}F to ${l.points.at(-1)!}` : `${l.kind} ${l.fromFloor}-${l.toFloor}`))).toEqual([
      'walk 1F to lift-1f',
      'lift 1-3',
      'walk 3F to C15',
    ]);
  });
});

describe('issue 16 settings', () => {
  it('reports the map’s problems at their place under hall.map', () => {
    const config = withMap();
    const i = indexOf(config, 'E3');
    config.hall.map.points[i].xM = 41;
    config.hall.map.points[indexOf(config, 'kiosk-02')].kind = 'elevator';
    config.hall.map.kioskPoint = 'info-desk';
    expect(problemsOf(config)).toEqual([
      `hall.map.points[${indexOf(config, 'kiosk-02')}].kind: must be one of "window", "kiosk", "lift", "stairs", "door", "entrance", "desk", "zone", "corridor", "dock", "toilet" (got "elevator")`,
      `hall.map.points[${i}].xM: 41 is outside floor 1, which is 0-40 m wide`,
      'hall.map.kioskPoint: "info-desk" is a desk point, not a kiosk',
    ]);
  });

  it('reports a point on a floor the map does not have, and its link that now leaves the floor', () => {
    const config = withMap();
    const i = indexOf(config, 'zone-1f-startup');
    config.hall.map.points[i].floor = 4;
    const link = (config.hall.map.links as string[][]).findIndex(([a]) => a === 'zone-1f-startup');
    expect(problemsOf(config)).toEqual([
      `hall.map.points[${i}].floor: 4 is not a floor of the map (floors: 1, 2, 3)`,
      `hall.map.links[${link}]: joins "zone-1f-startup" on floor 4 to "cor-1f-n3" on floor 1: a link stays on one floor (lifts and stairs join floors by their shaft)`,
    ]);
  });

  it('requires each business window to be a window point of the map', () => {
    const config = fresh();
    config.queue.businesses[0].windows = ['A1', 'A7', 'lift-2f'];
    config.queue.businesses[1].windows = ['B7', 'B7'];
    expect(problemsOf(config)).toEqual([
      'queue.businesses[1].windows: lists the same value twice (items 1 and 0)',
      'queue.businesses[0].windows[1]: "A7" is not a point of the hall map (hall.map.points)',
      'queue.businesses[0].windows[2]: "lift-2f" is a lift point of the hall map, not a window',
    ]);
  });

  it('takes a hall’s own map, whose windows its businesses name', () => {
    const config = fresh();
    config.hall.map = {
      floors: [{ level: 1, name: { 'zh-CN': '一楼' }, widthM: 20, depthM: 10 }],
      points: [
        { id: 'k', kind: 'kiosk', name: { 'zh-CN': '自助机' }, floor: 1, xM: 1, yM: 1 },
        { id: '1', kind: 'window', name: { 'zh-CN': '1 号窗口' }, floor: 1, xM: 10, yM: 1 },
      ],
      links: [['k', '1']],
      kioskPoint: 'k',
    };
    config.queue.businesses = [{ ...config.queue.businesses[3], windows: ['1'] }];
    expect(problemsOf(config)).toEqual([]);
    config.queue.businesses[0].windows = ['D1'];
    expect(problemsOf(config)).toEqual(['queue.businesses[0].windows[0]: "D1" is not a point of the hall map (hall.map.points)']);
  });

  it('fills the robot block’s defaults for the robot profile, and wants it there only', () => {
    const config = fresh();
    config.profile = 'robot';
    expect(problemsOf(config)).toEqual(['robot: is missing: the "robot" profile needs a robot block (its fields have defaults, so {} will do)']);
    config.robot = {};
    const result = validateConfig(config);
    expect(result.ok && result.config.robot).toEqual({ greeting: DEFAULT_ROBOT_GREETING, dockPoint: 'dock', lowBatteryPercent: 20, blockedAfterMs: 20000 });
    config.robot = { dockPoint: 'entrance', lowBatteryPercent: 90 };
    expect(problemsOf(config)).toEqual([
      'robot.lowBatteryPercent: must be at most 80 (got 90)',
      'robot.dockPoint: "entrance" is an entrance point of the hall map, not a dock',
    ]);
    config.robot = { dockPoint: 'dock-2' };
    expect(problemsOf(config)).toEqual(['robot.dockPoint: "dock-2" is not a point of the hall map (hall.map.points)']);
    config.profile = 'kiosk';
    config.robot = {};
    expect(problemsOf(config)).toEqual(['robot: is set but profile is "kiosk"; set "profile": "robot" for a kiosk on a guide robot, or remove it']);
    config.profile = 'tablet';
    delete config.robot;
    expect(problemsOf(config)).toEqual(['profile: must be one of "kiosk", "robot" (got "tablet")']);
  });

  it('never gives 长辈模式 less time than the normal mode', () => {
    const config = fresh();
    config.session.elderIdleTimeoutMs = 30000;
    config.session.elderCountdownMs = 10000;
    expect(problemsOf(config)).toEqual(['session.elderIdleTimeoutMs: must be at least session.idleTimeoutMs (60000): 长辈模式 gives more time, never less (got 30000)']);
  });

  it('takes a catalogue file and an update interval of at least a minute', () => {
    const config = fresh();
    config.guides = { catalogueFile: '/etc/hallkiosk/catalogue.json' };
    const result = validateConfig(config);
    expect(result.ok && result.config.guides).toEqual({ catalogueFile: '/etc/hallkiosk/catalogue.json', updateIntervalMs: 600000 });
    config.guides = { catalogueFile: '', updateIntervalMs: 1000, url: 'x' };
    expect(problemsOf(config)).toEqual([
      'guides.url: is not a known setting',
      'guides.catalogueFile: must not be empty',
      'guides.updateIntervalMs: must be at least 60000 (got 1000)',
    ]);
  });
});
