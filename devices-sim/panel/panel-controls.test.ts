/**
 * The panel's controls for a device it has no own controls for (issue 15 item 4: "buttons for each of its
 * actions and faults"): any action a simulator declares gets a button; the status words become text.
 * Controls of the known simulators are held to the control API in panel-routes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/device';
import type { SimDevice } from '../sim-device';
import { deviceKind, panelGroups } from './panel-controls';
import { statusText } from './panel-status-text';

function fakeDevice(status: DeviceStatus, actions: ReturnType<SimDevice['actions']>): SimDevice {
  return {
    id: 'robot 1',
    roles: ['robotBase'],
    model: 'sim-robot',
    status: () => status,
    setFaults: () => status,
    clearFaults: () => undefined,
    printed: () => [],
    reset: () => undefined,
    actions: () => actions,
  };
}

describe('panel controls', () => {
  it('gives a device of an unknown kind a button per action it declares, and 清除全部故障', () => {
    const d = fakeDevice({ device: 'online' }, { wave: { description: 'waves', start: () => ({ device: 'online' }), stop: () => ({ device: 'online' }) } });
    expect(deviceKind(d)).toBe('other');
    expect(panelGroups(d)).toEqual([
      {
        label: { zh: '其他动作', en: 'Other actions' },
        controls: [
          { kind: 'button', label: { zh: '执行 wave', en: 'Start' }, method: 'POST', path: '/sim/devices/robot%201/wave' },
          { kind: 'button', label: { zh: '结束 wave', en: 'Stop' }, method: 'DELETE', path: '/sim/devices/robot%201/wave' },
        ],
      },
      { label: { zh: '故障', en: 'Faults' }, controls: [{ kind: 'button', label: { zh: '清除全部故障', en: 'Clear faults' }, method: 'DELETE', path: '/sim/devices/robot%201/faults' }] },
    ]);
  });

  it('writes each status block in short words, Chinese first, leaving out what the block does not say', () => {
    expect(statusText({ device: 'noDevice', printer: { paper: 'low', coverOpen: true, cutterError: true, mediaPresented: true } })).toBe(
      '未连接 not connected · 纸将尽 paper low · 机盖打开 cover open · 切刀故障 cutter error · 出票口有票 ticket in the mouth',
    );
    expect(statusText({ device: 'online', fingerprint: { fingerPresent: true } })).toBe('正常 online · 有手指 finger on it');
    expect(statusText({ device: 'online', camera: { streaming: false } })).toBe('正常 online · 未采集 not streaming');
    expect(statusText({ device: 'hardwareError', scanner: {} })).toBe('硬件故障 hardware error');
  });
});
