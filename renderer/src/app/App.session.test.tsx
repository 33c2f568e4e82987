// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NOW_MS, makeSession, makeSnapshot } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

describe('App: the host session drives the screens', () => {
  it('shows the attract screen, and a tap anywhere reports activity so the host starts a session', async () => {
    const { fake, settle } = await renderApp(makeSnapshot({ session: makeSession({ phase: 'attract' }) }));
    expect(screen.getByRole('heading', { name: '南明区政务服务中心' })).toBeTruthy();
    expect(screen.getByText('24小时自助服务')).toBeTruthy();
    expect(screen.getByRole('button', { name: '点击开始' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取号' })).toBeNull();

    fireEvent.pointerDown(screen.getByText('1 号自助机'));
    await settle();

    expect(fake.requestsTo('session:activity')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '点击开始' })).toBeNull();
  });

  it('the start button reports activity by itself (assistive tech clicks without a pointerdown)', async () => {
    const { fake, settle } = await renderApp(makeSnapshot({ session: makeSession({ phase: 'attract' }) }));
    fireEvent.click(screen.getByRole('button', { name: '点击开始' }));
    await settle();
    expect(fake.requestsTo('session:activity')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
  });

  it('reports pointer and key activity at most once per second', async () => {
    const { fake, advance, settle } = await renderApp();
    fireEvent.pointerDown(document.body);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    advance(999);
    fireEvent.pointerDown(document.body);
    await settle();
    expect(fake.requestsTo('session:activity')).toHaveLength(1);
    advance(1);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    await settle();
    expect(fake.requestsTo('session:activity')).toHaveLength(2);
  });

  it('never throttles the tap that starts a session (no session on the host yet)', async () => {
    const { fake, settle } = await renderApp(makeSnapshot({ session: makeSession({ phase: 'home', sessionId: null }) }));
    fireEvent.pointerDown(document.body);
    fireEvent.pointerDown(document.body);
    await settle();
    expect(fake.requestsTo('session:activity')).toHaveLength(2);
  });

  it('resets the flow, language included, when the host ends the session', async () => {
    const { fake, push } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Take a ticket' }));
    expect(screen.getByRole('heading', { name: 'What is your ticket for?' })).toBeTruthy();

    push({ type: 'session:changed', session: makeSession({ phase: 'home', sessionId: null }) });

    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(fake.requestsTo('session:end')).toHaveLength(0);
  });

  it('resets the flow when a different session appears (e.g. after a reconnect)', async () => {
    const { push } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
    push({ type: 'session:changed', session: makeSession({ phase: 'active', sessionId: 'S9' }) });
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
  });

  it('fetches a fresh snapshot on resync and shows what it says', async () => {
    const { fake, push, settle } = await renderApp();
    fake.snapshot.session = makeSession({ phase: 'attract' });
    push({ type: 'kiosk:resync' });
    await settle();
    expect(fake.requestsTo('kiosk:get-snapshot')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '点击开始' })).toBeTruthy();
  });

  it('shows the countdown against the host clock, and 继续使用 reports activity', async () => {
    const endsAt = HOST_NOW_MS + 10_000;
    const { fake, push, advance, settle } = await renderApp(
      makeSnapshot({ session: makeSession({ phase: 'countdown', sessionId: 'S1', countdownEndsAt: endsAt }) }),
    );
    const dialog = screen.getByRole('dialog', { name: '您还在使用吗？' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('10 秒后将返回首页')).toBeTruthy();

    // The host clock moves (training mode): the count follows the host, not the local clock.
    push({ type: 'clock:changed', nowMs: HOST_NOW_MS + 6_500 });
    expect(within(dialog).getByText('4 秒后将返回首页')).toBeTruthy();
    // …and extrapolates with the local monotonic clock between syncs.
    advance(2_000);
    await waitFor(() => within(dialog).getByText('2 秒后将返回首页'));

    const cont = within(dialog).getByRole('button', { name: '继续使用' });
    expect(document.activeElement).toBe(cont);
    fireEvent.click(cont);
    await settle();
    expect(fake.requestsTo('session:activity')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the 演示模式 banner in training mode only', async () => {
    await renderApp(makeSnapshot({ mode: 'training' }));
    expect(screen.getByRole('status').textContent).toContain('演示模式');
    cleanup();
    await renderApp(makeSnapshot({ mode: 'production' }));
    expect(screen.queryByText(/演示模式/)).toBeNull();
  });

  it('shows host time in the hall time zone, whatever the machine zone', async () => {
    await renderApp();
    // HOST_NOW_MS is 06:05 UTC = 14:05 in Asia/Shanghai.
    expect(screen.getByText('14:05')).toBeTruthy();
    expect(screen.getByText('2025年3月14日 星期五')).toBeTruthy();
  });

  it('switches to English: labels, hall names and <html lang> follow', async () => {
    await renderApp();
    const english = screen.getByRole('button', { name: 'English' });
    expect(english.getAttribute('lang')).toBe('en');
    fireEvent.click(english);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Take a ticket' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取号' })).toBeNull();
    expect(screen.getByText('Nanming Government Service Centre')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(screen.getByRole('button', { name: '取號' })).toBeTruthy();
    // zh-TW text missing from the hall configuration falls back to zh-CN.
    expect(screen.getByText('1 号自助机')).toBeTruthy();
  });
});
