// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NOW_MS, makeSnapshot, NO_STAFF, STAFF_ACCOUNTS, STAFF_PIN } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';
import { holdHiddenEntry, signInByHand, staffCalls, typeOnKeypad } from '../test-support/staff-rig';

afterEach(cleanup);

const padHeading = () => screen.queryByRole('heading', { name: '工作人员登录' });

describe('the PIN pad (issue 15 §1)', () => {
  it('step 1 is a name tile per account, step 2 the keypad with dots for the digits, never the digits', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    expect(screen.getByText('请点您的名字')).toBeTruthy();
    expect(screen.getByRole('button', { name: '王芳 工作人员' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '李强 技术人员' })).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull(); // no keypad before a name

    fireEvent.click(screen.getByRole('button', { name: '王芳 工作人员' }));
    const keypad = screen.getByRole('group', { name: '王芳，请输入您的 PIN' });
    expect(within(keypad).getByRole('button', { name: '确定' }).getAttribute('aria-disabled')).toBe('true');
    typeOnKeypad('2468');
    const dots = screen.getByTestId('pin-dots');
    expect(dots.textContent).toBe('●●●●已输入 4 位');
    expect(document.body.textContent).not.toContain('2468');
    // Back to the names: the PIN typed so far is gone.
    fireEvent.click(screen.getByRole('button', { name: '换一个名字' }));
    fireEvent.click(screen.getByRole('button', { name: '王芳 工作人员' }));
    expect(screen.getByTestId('pin-dots').textContent).toBe('请在下方键盘输入');
  });

  it('a wrong PIN says how many tries are left, clears the PIN, and the pad stays a pad', async () => {
    const rig = await renderApp();
    await signInByHand(rig, '111111');
    expect(screen.getByTestId('pad-wrong-pin').textContent).toContain('PIN 不正确，还可尝试 4 次');
    expect(screen.getByTestId('pin-dots').textContent).toBe('请在下方键盘输入');
    expect(padHeading()).toBeTruthy();
    expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull();
    expect(staffCalls(rig.fake)).toEqual(['staff:open-pad', 'staff:sign-in']);
    expect(rig.fake.requestsTo('staff:sign-in')).toEqual([{ accountId: 'demo-staff', pin: '111111' }]);
    // The next attempt goes on with the same name.
    typeOnKeypad('2222');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await rig.settle();
    expect(screen.getByTestId('pad-wrong-pin').textContent).toContain('还可尝试 3 次');
  });

  it('five wrong PINs lock the pad until a time on the host clock; the lock shows at once on a pad opened later', async () => {
    const rig = await renderApp();
    for (let i = 0; i < 5; i++) await signInByHand(rig, '13579');
    // HOST_NOW_MS is 14:05 in the hall; the fake host locks for 15 minutes.
    expect(screen.getByTestId('pad-locked').textContent).toContain('密码错误次数过多，已锁定至 14:20');
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('button', { name: '取消' })).toBeTruthy();
    cleanup();

    const locked = await renderApp(makeSnapshot({ staff: { ...NO_STAFF, pad: { open: true, closesAt: HOST_NOW_MS + 60_000, accounts: STAFF_ACCOUNTS, lockedUntil: HOST_NOW_MS + 30 * 60_000, failuresLeft: 0 } } }));
    expect(screen.getByTestId('pad-locked').textContent).toContain('已锁定至 14:35');
    expect(screen.queryByRole('button', { name: '王芳 工作人员' })).toBeNull();
    expect(staffCalls(locked.fake)).toEqual([]);
  });

  it('the right PIN opens the staff screens instead of the citizen UI, and the citizen session is ended', async () => {
    const rig = await renderApp();
    expect(rig.fake.snapshot.session.sessionId).toBe('S1');
    await signInByHand(rig, STAFF_PIN);
    expect(screen.getByTestId('staff-person').textContent).toBe('王芳（工作人员）');
    expect(screen.getByRole('heading', { name: '本机状况', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取号' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '请选择服务' })).toBeNull();
    expect(padHeading()).toBeNull();
    expect(rig.fake.snapshot.session.sessionId).toBeNull();
    expect(document.querySelector('.app')?.classList.contains('app--staff')).toBe(true);
  });

  it('取消 closes the pad and the citizen screen is back', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await rig.settle();
    expect(staffCalls(rig.fake)).toEqual(['staff:open-pad', 'staff:close-pad']);
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
    expect(padHeading()).toBeNull();
  });

  it('a pad left open says when it closes by itself, and goes when the host closes it', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    expect(screen.getByTestId('pad-closes-in').textContent).toBe('60 秒后本页自动关闭');
    rig.push({ type: 'clock:changed', nowMs: HOST_NOW_MS + 48_000 });
    expect(screen.getByTestId('pad-closes-in').textContent).toBe('12 秒后本页自动关闭');
    rig.push({ type: 'clock:changed', nowMs: HOST_NOW_MS + 60_000 });
    rig.fake.staffDesk.padTimedOut();
    await rig.settle();
    expect(padHeading()).toBeNull();
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
  });

  it('a PIN sent after the pad closed (padClosed) goes back to the citizen screen', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    rig.fake.handle('staff:sign-in', () => ({ ok: false, reason: 'padClosed' }));
    await signInByHand(rig, STAFF_PIN);
    expect(padHeading()).toBeNull();
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
  });

  it('no touch on the pad is a citizen’s: nothing goes on session:activity while it is open', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    const before = rig.fake.requestsTo('session:activity').length;
    fireEvent.pointerDown(screen.getByRole('button', { name: '王芳 工作人员' }));
    fireEvent.click(screen.getByRole('button', { name: '王芳 工作人员' }));
    fireEvent.pointerDown(screen.getByRole('button', { name: '1' }));
    await rig.settle();
    expect(rig.fake.requestsTo('session:activity')).toHaveLength(before);
  });
});
