// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSession, makeSnapshot } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';
import { holdHiddenEntry, staffCalls } from '../test-support/staff-rig';
import { STAFF_ENTRY_HOLD_MS } from './HiddenEntry';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

/** Fake only the hold's timer: React and the fake host keep their own scheduling. */
const fakeHoldTimer = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

describe('the hidden staff entry (issue 15 §1)', () => {
  it('is an invisible corner: hidden from assistive technology, not focusable, no label, no role', async () => {
    await renderApp();
    const entry = screen.getByTestId('staff-entry');
    expect(entry.getAttribute('aria-hidden')).toBe('true');
    expect(entry.hasAttribute('tabindex')).toBe(false);
    expect(entry.hasAttribute('role')).toBe(false);
    expect(entry.textContent).toBe('');
    expect(entry.className).toBe('staff-entry');
  });

  it('a press shorter than 3 s opens nothing; a press held 3 s asks the host for the pad, and nothing else', async () => {
    const rig = await renderApp();
    const entry = screen.getByTestId('staff-entry');
    fakeHoldTimer();
    fireEvent.pointerDown(entry);
    act(() => vi.advanceTimersByTime(STAFF_ENTRY_HOLD_MS - 1));
    fireEvent.pointerUp(entry);
    act(() => vi.advanceTimersByTime(10_000));
    // Let go, or cancelled by the browser (a pan, a palm): nothing either.
    fireEvent.pointerDown(entry);
    act(() => vi.advanceTimersByTime(2_000));
    fireEvent.pointerCancel(entry);
    act(() => vi.advanceTimersByTime(10_000));
    vi.useRealTimers();
    await rig.settle();
    expect(staffCalls(rig.fake)).toEqual([]);
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();

    await holdHiddenEntry(rig);
    expect(staffCalls(rig.fake)).toEqual(['staff:open-pad']);
    expect(screen.getByRole('heading', { name: '工作人员登录' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取号' })).toBeNull();
    // The pad is not the staff app: nothing of the staff screens without a PIN.
    expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull();
    expect(screen.queryByTestId('overview-supplies')).toBeNull();
  });

  it('is on every citizen screen — attract, home, a service — and a long press elsewhere opens nothing', async () => {
    const rig = await renderApp(makeSnapshot({ session: makeSession({ phase: 'attract' }) }));
    expect(screen.getByTestId('staff-entry')).toBeTruthy();
    // A tap in the corner is a touch like any other: the host starts a session.
    fireEvent.pointerDown(screen.getByTestId('staff-entry'));
    fireEvent.pointerUp(screen.getByTestId('staff-entry'));
    await rig.settle();
    expect(rig.fake.requestsTo('session:activity')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
    expect(screen.getByTestId('staff-entry')).toBeTruthy();

    // Held on 取号 for a long time: no pad, and the tap still opens the service.
    const takeTicket = screen.getByRole('button', { name: '取号' });
    fakeHoldTimer();
    fireEvent.pointerDown(takeTicket);
    act(() => vi.advanceTimersByTime(10_000));
    fireEvent.pointerUp(takeTicket);
    vi.useRealTimers();
    fireEvent.click(takeTicket);
    await rig.settle();
    expect(staffCalls(rig.fake)).toEqual([]);
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
    expect(screen.getByTestId('staff-entry')).toBeTruthy();
  });

  it('a press that begins on attract survives the host starting a session under it', async () => {
    const rig = await renderApp(makeSnapshot({ session: makeSession({ phase: 'attract' }) }));
    const entry = screen.getByTestId('staff-entry');
    fakeHoldTimer();
    fireEvent.pointerDown(entry);
    await rig.settle(); // session:activity answered: the home screen replaced attract
    expect(screen.getByRole('button', { name: '取号' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(STAFF_ENTRY_HOLD_MS));
    vi.useRealTimers();
    await rig.settle();
    expect(staffCalls(rig.fake)).toEqual(['staff:open-pad']);
    expect(screen.getByRole('heading', { name: '工作人员登录' })).toBeTruthy();
  });

  it('is not there while the pad or the staff screens are shown, nor before the host answered', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    expect(screen.queryByTestId('staff-entry')).toBeNull();
  });
});
