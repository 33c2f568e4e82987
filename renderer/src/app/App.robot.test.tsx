// @vitest-environment jsdom
/**
 * The robot profile (issue 16 §9): the same App on a hall robot. The root carries the profile (theme/robot.css
 * lays the screens out for its portrait screen), 办事指南 and 取号 come first, and the configured greeting is
 * shown on the home screen in the citizen's language and said once per session when a citizen steps up.
 * Nothing of it on the kiosk profile.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalText } from '../../../common/queue';
import { installFakeAudio } from '../test-support/fake-speech';
import { makeSession, makeSnapshot, TAKE_TICKET_AVAILABLE } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

let uninstall: () => void;
beforeEach(() => {
  ({ uninstall } = installFakeAudio());
});
afterEach(() => {
  cleanup();
  uninstall();
});

const GREETING: LocalText = {
  'zh-CN': '您好，我是导办机器人小爱。请问您要办理什么业务？',
  'zh-TW': '您好，我是導辦機器人小愛。請問您要辦理什麼業務？',
  en: 'Hello, I am Xiao Ai, the hall’s guide robot. What would you like to do today?',
};

const robotSnapshot = (greeting: LocalText = GREETING) =>
  makeSnapshot({ profile: 'robot', greeting, session: makeSession({ phase: 'attract' }) });
const root = (): HTMLElement => document.querySelector('.app') as HTMLElement;
const greetingShown = (): HTMLElement | null => document.querySelector('.home__greeting');

describe('App: the robot profile', () => {
  it('marks the root with the profile, and keeps elder mode working there', async () => {
    const { settle } = await renderApp(robotSnapshot());
    expect(root().dataset.profile).toBe('robot');
    expect(root().classList.contains('app--robot')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '点击开始' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    expect(root().classList.contains('app--elder')).toBe(true);
    expect(root().classList.contains('app--robot')).toBe(true);
  });

  it('greets a citizen who steps up: shown on the home screen, said once, cacheable, in 简体中文', async () => {
    const { fake, settle } = await renderApp(robotSnapshot());
    expect(greetingShown()).toBeNull();
    expect(fake.requestsTo('speech:clip')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '点击开始' }));
    await settle();
    expect(greetingShown()?.textContent).toBe(GREETING['zh-CN']);
    expect(greetingShown()?.closest('main')).not.toBeNull();
    expect(fake.requestsTo('speech:clip')).toEqual([{ text: GREETING['zh-CN'], language: 'zh-CN', cacheable: true }]);

    // Back on the home screen within the same session: shown again, not said again.
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await settle();
    expect(greetingShown()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    await settle();
    expect(greetingShown()?.textContent).toBe(GREETING['zh-CN']);

    // In the language the citizen chose; still said only once.
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(greetingShown()?.textContent).toBe(GREETING['zh-TW']);
    expect(greetingShown()?.getAttribute('lang')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(greetingShown()?.textContent).toBe(GREETING.en);
    await settle();
    expect(fake.requestsTo('speech:clip')).toHaveLength(1);
  });

  it('says it again for the next citizen, not while nobody is in session', async () => {
    const { fake, settle } = await renderApp(robotSnapshot());
    fireEvent.click(screen.getByRole('button', { name: '点击开始' }));
    await settle();
    act(() => fake.setSession({ phase: 'home', sessionId: null }));
    await settle();
    expect(greetingShown()?.textContent).toBe(GREETING['zh-CN']);
    expect(fake.requestsTo('speech:clip')).toHaveLength(1);

    // The next citizen's first tap chooses English: they are greeted in it.
    const english = screen.getByRole('button', { name: 'English' });
    fireEvent.pointerDown(english);
    fireEvent.click(english);
    await settle();
    expect(fake.snapshot.session.sessionId).toBe('S2');
    expect(fake.requestsTo('speech:clip')).toHaveLength(2);
    expect(fake.requestsTo('speech:clip')[1]).toEqual({ text: GREETING.en, language: 'en', cacheable: true });
  });

  it('does not greet a session already under way when the App starts (a reload, a remount)', async () => {
    const { fake, settle } = await renderApp(makeSnapshot({ profile: 'robot', greeting: GREETING }));
    await settle();
    expect(greetingShown()?.textContent).toBe(GREETING['zh-CN']);
    expect(fake.requestsTo('speech:clip')).toEqual([]);
  });

  it('shows the greeting in 简体中文, so marked, where the hall gave none in the citizen’s language', async () => {
    const greeting = { 'zh-CN': GREETING['zh-CN'], 'zh-TW': GREETING['zh-TW'] };
    const { fake, settle } = await renderApp(makeSnapshot({ profile: 'robot', greeting, session: makeSession({ phase: 'home' }) }));
    const english = screen.getByRole('button', { name: 'English' });
    fireEvent.pointerDown(english);
    fireEvent.click(english);
    await settle();
    expect(greetingShown()?.textContent).toBe(GREETING['zh-CN']);
    expect(greetingShown()?.getAttribute('lang')).toBe('zh-CN');
    // Said in the language it is written in, not read out by an English voice.
    expect(fake.requestsTo('speech:clip')).toEqual([{ text: GREETING['zh-CN'], language: 'zh-CN', cacheable: true }]);
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(greetingShown()?.textContent).toBe(GREETING['zh-TW']);
    expect(greetingShown()?.getAttribute('lang')).toBeNull();
    await settle();
    expect(fake.requestsTo('speech:clip')).toHaveLength(1);
  });

  it('puts 办事指南 and 取号 first on the home screen, the rest after in the host’s order', async () => {
    const availability = [
      { service: 'appointmentCheckIn', available: true },
      { service: 'identityTicket', available: true },
      TAKE_TICKET_AVAILABLE,
    ] as const;
    await renderApp(makeSnapshot({ profile: 'robot', greeting: GREETING, availability: [...availability] }));
    const tiles = [...document.querySelectorAll('.services .button--service')].map((b) => b.textContent);
    expect(tiles).toEqual(['办事指南 查询办事材料和地点', '取号', '预约签到', '刷身份证取号']);
  });
});

describe('App: the kiosk profile', () => {
  it('marks the root as a kiosk, shows and says no greeting, keeps the host’s tile order', async () => {
    const { fake, settle } = await renderApp(
      makeSnapshot({
        greeting: GREETING,
        session: makeSession({ phase: 'attract' }),
        availability: [{ service: 'identityTicket', available: true }, TAKE_TICKET_AVAILABLE],
      }),
    );
    expect(root().dataset.profile).toBe('kiosk');
    expect(root().classList.contains('app--robot')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '点击开始' }));
    await settle();
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
    expect(greetingShown()).toBeNull();
    expect(screen.queryByText(GREETING['zh-CN'])).toBeNull();
    expect(fake.requestsTo('speech:clip')).toEqual([]);
    const tiles = [...document.querySelectorAll('.services .button--service')].map((b) => b.textContent);
    expect(tiles).toEqual(['办事指南 查询办事材料和地点', '刷身份证取号', '取号']);
  });
});
