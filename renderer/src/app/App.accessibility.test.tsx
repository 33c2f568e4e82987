// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/errors';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import type { TakeTicketResult } from '../../../common/queue';
import { HOST_NOW_MS, makeSession, makeSnapshot, makeTicket, TAKE_TICKET_PAPER_OUT } from '../test-support/fixtures';
import { OutOfServiceScreen } from '../shell/OutOfServiceScreen';
import { ServiceInterruptedScreen } from '../shell/ServiceInterruptedScreen';
import { FakeKioskApi } from '../test-support/fake-kiosk-api';
import { renderApp } from '../test-support/render-app';
import { KioskRoot, StandaloneScreen } from './KioskRoot';

afterEach(cleanup);

/** The text a sighted citizen reads on an element (decorative aria-hidden parts left out). */
function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every control is a real <button> whose accessible name is exactly its visible label. */
function expectHonestButtons(): number {
  const buttons = [...document.querySelectorAll('button')];
  for (const button of buttons) {
    const label = visibleText(button);
    expect(label, button.outerHTML).not.toBe('');
    expect(button.hasAttribute('aria-label'), label).toBe(false);
    expect(button.hasAttribute('aria-labelledby'), label).toBe(false);
    expect(screen.getAllByRole('button', { name: label })).toContain(button);
  }
  expect(document.querySelectorAll('[role="button"], a[href], [onclick]')).toHaveLength(0);
  return buttons.length;
}

async function outcome(result: TakeTicketResult, snapshot?: KioskSnapshot) {
  const rig = await renderApp(snapshot);
  rig.fake.scriptTakeTicket(result);
  fireEvent.click(screen.getByRole('button', { name: '取号' }));
  await rig.settle();
  fireEvent.click(screen.getByRole('button', { name: /^A 居民身份证/ }));
  await rig.settle();
  return rig;
}

describe('accessible names equal visible labels on every screen', () => {
  it('attract', async () => {
    await renderApp(makeSnapshot({ session: makeSession({ phase: 'attract' }) }));
    expect(expectHonestButtons()).toBe(1);
  });

  // Below the attract screen, every count includes the top bar's three: 🔊 朗读, 呼叫帮助 and 长辈模式.
  it('home, available and withdrawn, in every language', async () => {
    const { push, settle } = await renderApp();
    expect(expectHonestButtons()).toBe(8);
    push({ type: 'availability:changed', availability: [TAKE_TICKET_PAPER_OUT] });
    for (const language of ['English', '繁體中文', '简体中文']) {
      fireEvent.click(screen.getByRole('button', { name: language }));
      expectHonestButtons();
    }
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    expect(expectHonestButtons()).toBe(8);
  });

  it('business list, including multi-line closed businesses', async () => {
    const rig = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await rig.settle();
    expect(expectHonestButtons()).toBe(6);
    expect(screen.getByRole('button', { name: 'B 出入境证件 未到办理时间 办理时间 09:00-12:00，15:00-17:30 下次取号 今天 15:00' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'A 居民身份证 等候 4 人 约 12 分钟' })).toBeTruthy();
  });

  it('ticket and every outcome', async () => {
    await outcome({ outcome: 'issued', ticket: makeTicket() });
    expect(expectHonestButtons()).toBe(4);
    cleanup();
    await outcome({ outcome: 'voided', error: errorInfo('paperOut'), partial: true });
    expect(expectHonestButtons()).toBe(5);
    cleanup();
    await outcome({ outcome: 'uncertain', number: 'A1', error: errorInfo('printUncertain') });
    expect(expectHonestButtons()).toBe(4);
    cleanup();
    await outcome({ outcome: 'refused', error: errorInfo('businessClosed') });
    expect(expectHonestButtons()).toBe(5);
  });

  it('the countdown dialog is labelled, described, and hides the screen beneath from interaction', async () => {
    await renderApp(makeSnapshot({ session: makeSession({ phase: 'countdown', sessionId: 'S1', countdownEndsAt: HOST_NOW_MS + 20_000 }) }));
    const dialog = screen.getByRole('dialog', { name: '您还在使用吗？' });
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe('20 秒后将返回首页');
    expect(document.querySelector('.app__content')?.hasAttribute('inert')).toBe(true);
    expectHonestButtons();
  });

  it('connecting, interruption and out-of-service screens: no controls, and they announce themselves', () => {
    const pending = new FakeKioskApi();
    pending.handle('kiosk:get-snapshot', () => new Promise(() => {}));
    render(<KioskRoot api={pending} modeHint="training" />);
    expect(expectHonestButtons()).toBe(0);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('正在连接服务，请稍候');
    for (const body of [<ServiceInterruptedScreen key="i" />, <OutOfServiceScreen key="o" />]) {
      cleanup();
      render(<StandaloneScreen mode="training" language="zh-CN">{body}</StandaloneScreen>);
      expect(expectHonestButtons()).toBe(0);
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    }
  });

  it('the printing screen announces itself politely', async () => {
    const rig = await renderApp();
    rig.fake.scriptTakeTicket(new Promise(() => {}));
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await rig.settle();
    fireEvent.click(screen.getByRole('button', { name: /^A 居民身份证/ }));
    await act(async () => {});
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('正在打印号票，请稍候');
    // Nothing to do on the screen itself while the ticket prints (the top bar stays).
    expect(within(screen.getByRole('main')).queryAllByRole('button')).toHaveLength(0);
  });
});
