// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NOW_MS, makeSession, makeStaffSession, NO_STAFF, STAFF_PIN } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';
import { holdHiddenEntry, renderSignedIn, typeOnKeypad } from '../test-support/staff-rig';

afterEach(cleanup);

describe('the staff session on screen (issue 15 §1)', () => {
  it('退出登录 signs out at the host and the citizen UI is back, in 简体中文, without elder mode', async () => {
    const rig = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Elder mode' }));
    // The pad is in the language on screen.
    await holdHiddenEntry(rig);
    expect(screen.getByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '王芳 Staff' }));
    typeOnKeypad(STAFF_PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await rig.settle();
    // The citizen's choices went with their session: the staff screens start in 简体中文.
    expect(screen.getByRole('heading', { name: '本机状况', level: 1 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.querySelector('.app--elder')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await rig.settle();
    expect(rig.fake.requestsTo('staff:sign-out')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull();
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
    expect(screen.getByTestId('staff-entry')).toBeTruthy();
  });

  it('the host signing the staff member out (idle, restart) returns to the citizen UI, and the staff language goes too', async () => {
    const rig = await renderSignedIn({ session: makeSession({ phase: 'attract' }) });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Kiosk status', level: 1 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    rig.push({ type: 'staff:changed', staff: NO_STAFF });
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.getByRole('button', { name: '点击开始' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('touches report staff:activity at most once a second, never session:activity; the reply moves the sign-out time', async () => {
    const rig = await renderSignedIn();
    expect(screen.getByTestId('staff-sign-out-in').textContent).toBe('2 分 0 秒后自动退出');
    rig.push({ type: 'clock:changed', nowMs: HOST_NOW_MS + 100_000 });
    expect(screen.getByTestId('staff-sign-out-in').textContent).toBe('20 秒后自动退出');
    // The last 20 s: a warning that says how to go on.
    expect(screen.getByTestId('staff-sign-out-warning').textContent).toContain('即将自动退出登录，触摸屏幕可继续操作');
    expect(screen.getByRole('alert').textContent).toContain('即将自动退出登录');

    const activityBefore = rig.fake.requestsTo('staff:activity').length;
    fireEvent.pointerDown(document.body);
    fireEvent.pointerDown(document.body);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    await rig.settle();
    expect(rig.fake.requestsTo('staff:activity')).toHaveLength(activityBefore + 1);
    rig.advance(1_000);
    fireEvent.pointerDown(document.body);
    await rig.settle();
    expect(rig.fake.requestsTo('staff:activity')).toHaveLength(activityBefore + 2);
    expect(rig.fake.requestsTo('session:activity')).toHaveLength(0);
    // The host gave two more minutes from its clock (HOST_NOW_MS + 100 s).
    await waitFor(() => expect(screen.getByTestId('staff-sign-out-in').textContent).toBe('1 分 59 秒后自动退出'));
    expect(screen.queryByTestId('staff-sign-out-warning')).toBeNull();
  });

  it('the header says who is signed in and in what role', async () => {
    await renderSignedIn({ staff: { ...NO_STAFF, session: makeStaffSession({ accountId: 'tech-li', name: '李强', role: 'technician' }) } });
    expect(screen.getByTestId('staff-person').textContent).toBe('李强（技术人员）');
  });

  it('while staff are in, the fake host refuses citizen channels as the host does', async () => {
    const rig = await renderSignedIn();
    await expect(rig.fake.call('session:activity', {})).rejects.toThrow('staffSignedIn');
    rig.push({ type: 'staff:changed', staff: NO_STAFF });
    await expect(rig.fake.call('staff:overview', {})).rejects.toThrow('forbidden');
  });
});
