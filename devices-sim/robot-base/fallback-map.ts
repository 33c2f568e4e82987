/**
 * The map a simulated robot base walks when it is given none (a driver-table test, a bare simulator CLI):
 * its dock, the kiosk and one window on one floor. The kiosk passes its own `hall.map` (SimContext.hallMap).
 */
import type { HallMap } from '../../common/hall-map';

const name = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en });

export const FALLBACK_HALL_MAP: HallMap = {
  floors: [{ level: 1, name: name('一楼', '1F'), widthM: 30, depthM: 20 }],
  points: [
    { id: 'dock', kind: 'dock', name: name('充电桩', 'Dock'), floor: 1, xM: 2, yM: 1 },
    { id: 'kiosk-01', kind: 'kiosk', name: name('自助终端', 'Kiosk'), floor: 1, xM: 6, yM: 1 },
    { id: 'c-1', kind: 'corridor', name: name('走廊', 'Corridor'), floor: 1, xM: 10, yM: 1 },
    { id: 'A1', kind: 'window', name: name('A1 窗口', 'Window A1'), floor: 1, xM: 10, yM: 6 },
  ],
  links: [
    ['dock', 'kiosk-01'],
    ['kiosk-01', 'c-1'],
    ['c-1', 'A1'],
  ],
  kioskPoint: 'kiosk-01',
};
