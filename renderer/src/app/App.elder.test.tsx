// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

const elderOn = (): boolean => document.querySelector('.app')?.classList.contains('app--elder') ?? false;

describe('App: elder mode (长辈模式)', () => {
  it('is a toggle in the top bar, named by its label, that switches the elder theme on and off', async () => {
    const { settle } = await renderApp();
    const toggle = screen.getByRole('button', { name: '长辈模式' });
    expect(toggle.closest('header')).not.toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(elderOn()).toBe(false);
    fireEvent.click(toggle);
    await settle();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(elderOn()).toBe(true);
    fireEvent.click(toggle);
    await settle();
    expect(elderOn()).toBe(false);
  });

  it('is worded in every language', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(screen.getByRole('button', { name: '長輩模式' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Elder mode' })).toBeTruthy();
  });

  it('stays on through the citizen’s screens, and is off again for the next citizen', async () => {
    const { fake, push, settle } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await settle();
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
    expect(elderOn()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(elderOn()).toBe(true);

    push({ type: 'session:changed', session: { ...fake.snapshot.session, ...makeSession({ phase: 'home', sessionId: null }) } });
    expect(elderOn()).toBe(false);
    expect(screen.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('is the host’s session setting: the toggle asks the host, and the theme shows what the host says', async () => {
    const { fake, settle, push } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    expect(fake.requestsTo('session:elder')).toEqual([{ on: true }]);
    expect(fake.snapshot.session.elder).toBe(true);

    push({ type: 'session:changed', session: { ...fake.snapshot.session, elder: false } });
    expect(elderOn()).toBe(false);
    push({ type: 'session:changed', session: { ...fake.snapshot.session, elder: true } });
    expect(elderOn()).toBe(true);
  });

  it('stays off when the host refuses', async () => {
    const { fake, settle } = await renderApp();
    fake.fail('session:elder', 'staffSignedIn');
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle();
    expect(elderOn()).toBe(false);
    expect(screen.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('false');
  });
});
