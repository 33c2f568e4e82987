// @vitest-environment jsdom
/**
 * Read-out (issue 16 §8): 🔊 朗读 in the top bar reads the screen's prompt through the host's clips (jsdom
 * has no shell voice); in 长辈模式 prompts are read when a screen opens; the identity flow's prompts are
 * spoken; nothing personal is ever asked for with cacheable: true.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDLE_IDENTITY, type IdentityCitizenView } from '../../../common/identity';
import { installFakeAudio, type FakeAudio } from '../test-support/fake-speech';
import { makeSnapshot, TAKE_TICKET_AVAILABLE } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

let audio: FakeAudio;
let uninstall: () => void;
beforeEach(() => {
  ({ audio, uninstall } = installFakeAudio());
});
afterEach(() => {
  cleanup();
  uninstall();
});

const CITIZEN: IdentityCitizenView = { name: '王示例', idNumberMasked: '5201**********0027', cardKind: 'resident', age: 78, priority: true };
const speakButton = () => screen.getByRole('button', { name: '朗读' });

describe('App: 🔊 朗读', () => {
  it('is in the top bar on every citizen screen, named by its visible label, its glyph hidden', async () => {
    await renderApp();
    const button = speakButton();
    expect(button.closest('header')).not.toBeNull();
    expect(button.textContent).toBe('朗读');
    expect(button.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(screen.getByRole('button', { name: '朗讀' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
  });

  it('reads a screen that declares no prompt by its heading, not cacheable; a second press stops it', async () => {
    const { fake, settle } = await renderApp();
    fireEvent.click(speakButton());
    await settle();
    expect(fake.requestsTo('speech:clip')).toEqual([{ text: '请选择服务。', language: 'zh-CN', cacheable: false }]);
    expect(audio.playing).toBe(1);
    expect(speakButton().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(speakButton());
    await settle();
    expect(audio.playing).toBe(0);
    expect(speakButton().getAttribute('aria-pressed')).toBe('false');
  });

  it('reads nothing by itself outside elder mode', async () => {
    const { fake, settle } = await renderApp(makeSnapshot({ availability: [TAKE_TICKET_AVAILABLE, { service: 'identityTicket', available: true }] }));
    fireEvent.click(screen.getByRole('button', { name: '刷身份证取号' }));
    await settle();
    expect(fake.requestsTo('speech:clip')).toEqual([]);
  });

  it('says so when there is no voice here or at the host', async () => {
    const { fake, settle } = await renderApp();
    fake.handle('speech:clip', () => ({ ok: false, reason: 'noVoice' }));
    fireEvent.click(speakButton());
    await settle();
    expect(screen.getByText('本机暂时不能朗读')).toBeTruthy();
  });

  it('stops when the host ends the session', async () => {
    const { fake, settle } = await renderApp();
    fireEvent.click(speakButton());
    await settle();
    expect(audio.playing).toBe(1);
    act(() => fake.setSession({ phase: 'active', sessionId: 'S9' }));
    await settle();
    expect(audio.playing).toBe(0);
  });
});

describe('App: read-out in 长辈模式 and the identity flow', () => {
  it('reads each prompt as its screen opens, the identity prompts cacheable, nothing personal cacheable', async () => {
    const { fake, settle } = await renderApp(
      makeSnapshot({ availability: [TAKE_TICKET_AVAILABLE, { service: 'identityTicket', available: true }], identity: { ...IDLE_IDENTITY, methods: { face: true, fingerprint: true, staff: true } } }),
    );
    const asked = () => fake.requestsTo('speech:clip');
    const last = () => asked().at(-1);

    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    expect(last()).toEqual({ text: '请选择服务。', language: 'zh-CN', cacheable: false });

    fireEvent.click(screen.getByRole('button', { name: '刷身份证取号' }));
    await settle();
    expect(last()?.text).toMatch(/^刷脸核验前，请您确认。 我们将读取您的身份证信息/);
    expect(last()?.cacheable).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
    await settle();
    expect(last()).toEqual({ text: '请将身份证放在读卡区。 请把身份证平放在屏幕下方的读卡区，读完前请不要移动。', language: 'zh-CN', cacheable: true });

    act(() => fake.setIdentity({ step: 'face', citizen: CITIZEN, face: { prompt: 'turnLeft', challenge: { index: 0, total: 3 } } }));
    await settle();
    expect(last()).toEqual({ text: '请看向屏幕上方的摄像头。 请慢慢向左转头，再转回来。', language: 'zh-CN', cacheable: true });
    act(() => fake.setIdentity({ step: 'face', citizen: CITIZEN, face: { prompt: 'blink', challenge: { index: 1, total: 3 } } }));
    await settle();
    expect(last()?.text).toBe('请看向屏幕上方的摄像头。 请眨一眨眼。');

    act(() => fake.setIdentity({ step: 'identified', citizen: CITIZEN, verifiedBy: 'face' }));
    await settle();
    expect(last()).toEqual({ text: '身份已确认。 办理完成后请记得取走您的身份证。', language: 'zh-CN', cacheable: false });

    act(() => fake.setIdentity({ takeCard: { left: false } }));
    await settle();
    expect(last()).toEqual({ text: '请取走您的身份证。', language: 'zh-CN', cacheable: true });

    for (const request of asked().filter((r) => r.cacheable)) {
      expect(request.text).not.toContain('王示例');
      expect(request.text).not.toMatch(/\d{4}|\*/);
    }
  });

  it('reads in the citizen’s language', async () => {
    const { fake, settle } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Elder mode' }));
    await settle();
    expect(fake.requestsTo('speech:clip').at(-1)).toMatchObject({ language: 'en', cacheable: false });
  });
});
