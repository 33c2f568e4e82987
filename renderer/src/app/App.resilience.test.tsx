// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import { I18nProvider } from '../i18n/I18nProvider';
import { OutOfServiceScreen } from '../shell/OutOfServiceScreen';
import { FakeKioskApi } from '../test-support/fake-kiosk-api';
import { makeSnapshot } from '../test-support/fixtures';
import { App } from './App';
import { KioskRoot, StandaloneScreen } from './KioskRoot';

const BANNER = '演示模式：仅供培训演示，不办理真实业务';
const INTERRUPTED = '服务暂时中断，请稍候';

/** A child that throws (with an ID number in the message) when the test says so. */
const bomb = { fire: (): void => undefined };
function Bomb() {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    bomb.fire = () => setArmed(true);
  }, []);
  if (armed) throw new Error('cannot render holder 520102199001011234');
  return null;
}

function rig(snapshot: KioskSnapshot = makeSnapshot({ mode: 'training' }), delayMs = 30) {
  const fake = new FakeKioskApi(snapshot);
  const reports: { msg: string; fields: unknown }[] = [];
  const delays: number[] = [];
  render(
    <KioskRoot
      api={fake}
      report={(msg, fields) => reports.push({ msg, fields })}
      recoveryDelayMs={(attempt) => {
        delays.push(attempt);
        return delayMs;
      }}
      renderApp={(props) => (
        <>
          <App {...props} />
          <Bomb />
        </>
      )}
    />,
  );
  return { fake, reports, delays };
}

const hasBanner = (): boolean => screen.queryByText(BANNER) !== null;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports caught errors there
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('error boundary at the root', () => {
  it('shows a calm interruption screen instead of a blank kiosk, reports masked, and recovers by itself', async () => {
    const { fake, reports } = rig();
    await screen.findByRole('heading', { name: '请选择服务' });
    const snapshotsBefore = fake.requestsTo('kiosk:get-snapshot').length;
    act(() => bomb.fire());
    expect(screen.getByRole('heading', { name: INTERRUPTED })).toBeTruthy();
    expect(hasBanner()).toBe(true);
    expect(reports).toHaveLength(1);
    expect(JSON.stringify(reports)).toContain('5201**********1234');
    expect(JSON.stringify(reports)).not.toContain('19900101');
    // Remounted after the delay: a fresh App, a fresh snapshot from the host.
    await screen.findByRole('heading', { name: '请选择服务' });
    expect(screen.queryByText(INTERRUPTED)).toBeNull();
    expect(fake.requestsTo('kiosk:get-snapshot').length).toBeGreaterThan(snapshotsBefore);
  });

  it('keeps the citizen language on the interruption screen and backs off when faults repeat', async () => {
    const { delays } = rig(makeSnapshot({ mode: 'production' }));
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    act(() => bomb.fire());
    expect(screen.getByRole('heading', { name: 'Service briefly interrupted, please wait' })).toBeTruthy();
    expect(hasBanner()).toBe(false);
    await screen.findByRole('heading', { name: '请选择服务' }); // the flow (and its language) starts over
    act(() => bomb.fire());
    await waitFor(() => expect(delays).toEqual([0, 1]));
  });
});

describe('演示模式 banner on every screen in training mode (§8.5)', () => {
  it('on the connecting screen, from the shell hint, before any snapshot', () => {
    const fake = new FakeKioskApi();
    fake.handle('kiosk:get-snapshot', () => new Promise(() => {}));
    render(<KioskRoot api={fake} modeHint="training" />);
    expect(screen.getByText('正在连接服务，请稍候')).toBeTruthy();
    expect(hasBanner()).toBe(true);
  });

  it('on the connecting screen after a remount, from the last snapshot; never from a guess', async () => {
    const { fake } = rig(makeSnapshot({ mode: 'training' }), 10);
    await screen.findByRole('heading', { name: '请选择服务' });
    fake.handle('kiosk:get-snapshot', () => new Promise(() => {}));
    act(() => bomb.fire());
    await screen.findByText('正在连接服务，请稍候');
    expect(hasBanner()).toBe(true);
    cleanup();
    const unknown = new FakeKioskApi();
    unknown.handle('kiosk:get-snapshot', () => new Promise(() => {}));
    render(<App api={unknown} />);
    expect(screen.getByText('正在连接服务，请稍候')).toBeTruthy();
    expect(hasBanner()).toBe(false);
  });

  it('the snapshot wins over the hint', async () => {
    render(<KioskRoot api={new FakeKioskApi(makeSnapshot({ mode: 'production' }))} modeHint="training" />);
    await screen.findByRole('heading', { name: '请选择服务' });
    expect(hasBanner()).toBe(false);
  });

  it('on the out-of-service screen (no host at all)', () => {
    const view = (mode: 'training' | 'production' | null) => (
      <StandaloneScreen mode={mode} language="zh-CN">
        <OutOfServiceScreen />
      </StandaloneScreen>
    );
    const { rerender } = render(view('training'));
    expect(screen.getByRole('heading', { name: '本机暂时无法使用' })).toBeTruthy();
    expect(hasBanner()).toBe(true);
    rerender(view('production'));
    expect(hasBanner()).toBe(false);
    rerender(<I18nProvider language="zh-CN">{view(null)}</I18nProvider>);
    expect(hasBanner()).toBe(false);
  });
});
