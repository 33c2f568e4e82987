// @vitest-environment jsdom
/** 呼叫帮助 (issue 16 §7): one tap raises a staff alert at the host and tells the citizen staff are coming. */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

const helpButton = () => screen.getByRole('button', { name: '呼叫帮助' });

describe('App: 呼叫帮助', () => {
  it('is in the top bar, named by its label, in every language', async () => {
    await renderApp();
    expect(helpButton().closest('header')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '繁體中文' }));
    expect(screen.getByRole('button', { name: '呼叫幫助' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Call for help' })).toBeTruthy();
  });

  it('calls help:call and says staff were told, until the citizen closes it', async () => {
    const { fake, settle } = await renderApp();
    fireEvent.click(helpButton());
    await settle();
    expect(fake.requestsTo('help:call')).toEqual([{}]);
    expect(screen.getByText('已通知工作人员，请稍候').closest('[role="status"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByText('已通知工作人员，请稍候')).toBeNull();
  });

  it('is worded in the citizen’s language', async () => {
    const { settle } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Call for help' }));
    await settle();
    expect(screen.getByText('Staff have been told. Please wait here.')).toBeTruthy();
  });

  it('says where to go instead when the call could not be made', async () => {
    const { fake, settle } = await renderApp();
    fake.fail('help:call', 'timeout');
    fireEvent.click(helpButton());
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('暂时无法呼叫，请到服务窗口或咨询台求助');
  });

  it('goes with the session it was raised in: the next citizen does not see it', async () => {
    const { fake, settle, push } = await renderApp();
    fireEvent.click(helpButton());
    await settle();
    act(() => fake.setSession({ phase: 'active', sessionId: 'S1' }));
    expect(screen.getByText('已通知工作人员，请稍候')).toBeTruthy();
    push({ type: 'session:changed', session: makeSession({ phase: 'home', sessionId: null }) });
    expect(screen.queryByText('已通知工作人员，请稍候')).toBeNull();
  });
});
