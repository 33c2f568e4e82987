// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot, TAKE_TICKET_AVAILABLE, TAKE_TICKET_PAPER_OUT } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

describe('App: service availability comes from the host', () => {
  it('取号 is a real button named exactly 取号', async () => {
    await renderApp();
    const button = screen.getByRole('button', { name: '取号' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });

  it('withdrawn: 取号 stays visible but disabled, with the reason and where to go instead, then comes back by itself', async () => {
    const { push } = await renderApp(makeSnapshot({ availability: [TAKE_TICKET_PAPER_OUT] }));
    const button = screen.getByRole('button', { name: '取号' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const note = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain('暂停使用');
    expect(note?.textContent).toContain('取号机缺纸，暂时无法出票。');
    expect(note?.textContent).toContain('您可以：请到 3 号自助机或 5 号窗口取号');

    fireEvent.click(button);
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();

    push({ type: 'availability:changed', availability: [TAKE_TICKET_AVAILABLE] });
    const back = screen.getByRole('button', { name: '取号' });
    expect(back.getAttribute('aria-disabled')).toBeNull();
    expect(back.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText('取号机缺纸，暂时无法出票。')).toBeNull();
    fireEvent.click(back);
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
  });

  it("the home screen is built from the host's list of services: a tile for each it lists, none for one it does not", async () => {
    const { push } = await renderApp(makeSnapshot({ availability: [] }));
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取号' })).toBeNull();
    push({ type: 'availability:changed', availability: [TAKE_TICKET_AVAILABLE] });
    expect(screen.getByRole('button', { name: '取号' }).closest('.services')).not.toBeNull();
  });

  it('the alternative is shown in the chosen language, falling back to zh-CN', async () => {
    await renderApp(makeSnapshot({ availability: [TAKE_TICKET_PAPER_OUT] }));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('The ticket printer is out of paper.')).toBeTruthy();
    expect(screen.getByText('Instead: Please use kiosk 3 or counter 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(screen.getByText('您可以：请到 3 号自助机或 5 号窗口取号')).toBeTruthy();
  });

  it('withdrawn while choosing a business: every business is disabled and the reason is shown', async () => {
    const { fake, push, settle } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await settle();
    push({ type: 'availability:changed', availability: [TAKE_TICKET_PAPER_OUT] });
    const open = screen.getByRole('button', { name: /^A 居民身份证/ });
    expect(open.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('取号机缺纸，暂时无法出票。')).toBeTruthy();
    fireEvent.click(open);
    expect(fake.requestsTo('queue:take-ticket')).toHaveLength(0);
  });

  it('business changes pushed by the host show at once', async () => {
    const { fake, push, settle } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await settle();
    push({ type: 'queue:changed', businesses: fake.snapshot.businesses.map((b) => ({ ...b, waiting: b.waiting + 5 })) });
    expect(screen.getByRole('button', { name: /^A 居民身份证/ }).textContent).toContain('等候 9 人');
  });
});
