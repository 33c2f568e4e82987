/**
 * A two-floor hall for the robot base's tests (simulator, driver, host desk). Walking lengths from the dock:
 * A1 15 m, A2 21 m, A3 35 m; B1 on the second floor 40 m plus one lift ride (20 s + 30 s waiting).
 */
import type { HallMap, HallPoint } from '../../common/hall-map';

const pt = (id: string, kind: HallPoint['kind'], floor: number, xM: number, yM: number, shaft?: string): HallPoint => ({
  id,
  kind,
  name: { 'zh-CN': id },
  floor,
  xM,
  yM,
  ...(shaft !== undefined && { shaft }),
});

export const ROBOT_TEST_MAP: HallMap = {
  floors: [
    { level: 1, name: { 'zh-CN': '一楼' }, widthM: 40, depthM: 20 },
    { level: 2, name: { 'zh-CN': '二楼' }, widthM: 40, depthM: 20 },
  ],
  points: [
    pt('dock', 'dock', 1, 0, 0),
    pt('kiosk-01', 'kiosk', 1, 4, 0),
    pt('c-1', 'corridor', 1, 10, 0),
    pt('A1', 'window', 1, 10, 5),
    pt('c-3', 'corridor', 1, 16, 0),
    pt('A2', 'window', 1, 16, 5),
    pt('c-4', 'corridor', 1, 30, 0),
    pt('A3', 'window', 1, 30, 5),
    pt('lift-1-f1', 'lift', 1, 20, 0, 'lift-1'),
    pt('lift-1-f2', 'lift', 2, 20, 0, 'lift-1'),
    pt('c-2', 'corridor', 2, 20, 10),
    pt('B1', 'window', 2, 10, 10),
  ],
  links: [
    ['dock', 'kiosk-01'],
    ['kiosk-01', 'c-1'],
    ['c-1', 'A1'],
    ['c-1', 'c-3'],
    ['c-3', 'A2'],
    ['c-3', 'c-4'],
    ['c-4', 'A3'],
    ['c-3', 'lift-1-f1'],
    ['lift-1-f2', 'c-2'],
    ['c-2', 'B1'],
  ],
  kioskPoint: 'kiosk-01',
};
