// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallMap, HallPoint } from '../../../../common/hall-map';
import { shortestRoute } from '../../../../common/hall-route';
import { placeholdersOf } from '../../i18n/translate';
import { HallMapView } from './HallMapView';
import { HALL_MAP_CATALOGS } from './hall-map-text';

afterEach(cleanup);

const name = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const p = (id: string, kind: HallPoint['kind'], floor: number, xM: number, yM: number, label = name(id, id, id), shaft?: string): HallPoint => ({
  id,
  kind,
  name: label,
  floor,
  xM,
  yM,
  ...(shaft === undefined ? {} : { shaft }),
});

const MAP: HallMap = {
  floors: [
    { level: 1, name: name('一楼', '一樓', '1F'), widthM: 40, depthM: 30 },
    { level: 3, name: name('三楼', '三樓', '3F'), widthM: 40, depthM: 30 },
  ],
  points: [
    p('kiosk-01', 'kiosk', 1, 3, 20, name('自助终端 01', '自助終端 01', 'Kiosk 01')),
    p('c1', 'corridor', 1, 8, 20),
    p('c2', 'corridor', 1, 8, 7),
    p('D1', 'window', 1, 13, 20, name('D1 号窗口', 'D1 號窗口', 'Window D1')),
    p('lift-1f', 'lift', 1, 3, 3, name('电梯', '電梯', 'Lift'), 'L1'),
    p('zone-24h', 'zone', 1, 8, 28, name('24小时自助服务区', '24小時自助服務區', '24-Hour Self-Service Area')),
    p('lift-3f', 'lift', 3, 3, 3, name('电梯', '電梯', 'Lift'), 'L1'),
    p('c3', 'corridor', 3, 24, 7),
    p('C15', 'window', 3, 24, 2.5, name('C15 号窗口', 'C15 號窗口', 'Window C15')),
  ],
  links: [
    ['kiosk-01', 'c1'],
    ['c1', 'D1'],
    ['c1', 'c2'],
    ['c2', 'lift-1f'],
    ['lift-3f', 'c3'],
    ['c3', 'C15'],
  ],
  kioskPoint: 'kiosk-01',
};

const titleOf = (): string => screen.getByRole('img').getAttribute('aria-labelledby') ?? '';
const planTitle = (): string | null => document.getElementById(titleOf())?.textContent ?? null;

describe('HallMapView (issue 16 §6)', () => {
  it('draws one floor with the route as a line, its step numbers, 您在这里 and the destination, and the steps in words', () => {
    render(<HallMapView map={MAP} route={shortestRoute(MAP, 'kiosk-01', 'D1')} language="zh-CN" />);
    expect(planTitle()).toBe('一楼平面图');
    expect(screen.getAllByTestId('hall-map-route')).toHaveLength(1);
    expect(screen.getAllByTestId('hall-map-route')[0]!.getAttribute('points')).toBe('3,20 8,20 13,20');
    expect(screen.getAllByTestId('hall-map-route')[0]!.getAttribute('marker-end')).toMatch(/^url\(#hall-map-arrow-/);
    expect(screen.getByTestId('hall-map-here').textContent).toBe('您在这里');
    expect(screen.getByTestId('hall-map-goal').textContent).toBe('目的地 D1');
    expect(screen.getAllByTestId('hall-map-step').map((s) => s.textContent)).toEqual(['1']);
    const labels = [...document.querySelectorAll('.hall-map__label, .hall-map__zone')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['电梯', '24小时自助服务区']));
    expect(labels).not.toContain('D1'); // the destination's own mark says 目的地 D1
    const steps = within(screen.getByRole('list', { name: '路线' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual(['向前 10 米到 D1 号窗口']);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('switches floors for a route that spans them: buttons named as they read, the shown floor pressed', () => {
    render(<HallMapView map={MAP} route={shortestRoute(MAP, 'kiosk-01', 'C15')} language="zh-CN" />);
    const group = screen.getByRole('group', { name: '选择楼层' });
    const [first, third] = [within(group).getByRole('button', { name: '一楼' }), within(group).getByRole('button', { name: '三楼' })];
    expect(first.textContent).toBe('一楼');
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(third.getAttribute('aria-pressed')).toBe('false');
    expect(within(screen.getByRole('list')).getAllByRole('listitem').map((s) => s.textContent)).toEqual([
      '向前 24 米到电梯',
      '乘电梯到 3 楼',
      '向前 26 米到 C15 号窗口',
    ]);
    expect(screen.getAllByTestId('hall-map-step').map((s) => s.textContent)).toEqual(['1', '2']);
    expect(screen.queryByTestId('hall-map-goal')).toBeNull();

    fireEvent.click(third);
    expect(planTitle()).toBe('三楼平面图');
    expect(third.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('hall-map-here')).toBeNull();
    expect(screen.getByTestId('hall-map-goal').textContent).toBe('目的地 C15');
    expect(screen.getAllByTestId('hall-map-step').map((s) => s.textContent)).toEqual(['3']);
    expect(screen.getAllByTestId('hall-map-route')[0]!.getAttribute('points')).toBe('3,3 24,7 24,2.5');
  });

  it('speaks the language it is given, with the map’s own names in it', () => {
    render(<HallMapView map={MAP} route={shortestRoute(MAP, 'kiosk-01', 'C15')} language="en" />);
    expect(screen.getByRole('group', { name: 'Choose a floor' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '3F' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Route' })).getAllByRole('listitem').map((s) => s.textContent)).toEqual([
      'Walk 24 m to Lift',
      'Take the lift to floor 3',
      'Walk 26 m to Window C15',
    ]);
    expect(screen.getByTestId('hall-map-here').textContent).toBe('You are here');
    expect(document.querySelector('.hall-map')?.getAttribute('lang')).toBe('en');
  });

  it('without a route shows the kiosk’s floor and 您在这里 only', () => {
    render(<HallMapView map={MAP} route={null} language="zh-TW" />);
    expect(planTitle()).toBe('一樓平面圖');
    expect(screen.getByTestId('hall-map-here').textContent).toBe('您在這裡');
    expect(screen.queryByTestId('hall-map-route')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('has every message in every language, with the same placeholders', () => {
    const ids = Object.keys(HALL_MAP_CATALOGS['zh-CN']) as Array<keyof (typeof HALL_MAP_CATALOGS)['zh-CN']>;
    for (const language of ['zh-TW', 'en'] as const) {
      expect(Object.keys(HALL_MAP_CATALOGS[language]).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(placeholdersOf(HALL_MAP_CATALOGS[language][id]), `${language} ${id}`).toEqual(placeholdersOf(HALL_MAP_CATALOGS['zh-CN'][id]));
    }
  });
});
