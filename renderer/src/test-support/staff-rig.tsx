/** Renderer test helpers for the staff side (issue 15): the pad opened by its hidden entry, a signed-in app. */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { vi } from 'vitest';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import { STAFF_ENTRY_HOLD_MS } from '../staff/HiddenEntry';
import type { FakeKioskApi } from './fake-kiosk-api';
import { makeSnapshot, signedInStaff } from './fixtures';
import { renderApp, type AppRig } from './render-app';

/** The staff channels called so far, in order. */
export function staffCalls(fake: FakeKioskApi): string[] {
  return fake.calls.map((c) => c.channel).filter((c) => c.startsWith('staff:'));
}

/** Holds the hidden entry for 3 s (the hold's timer faked) and waits for the host's answer. */
export async function holdHiddenEntry(rig: AppRig, ms = STAFF_ENTRY_HOLD_MS): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const entry = screen.getByTestId('staff-entry');
    fireEvent.pointerDown(entry);
    act(() => {
      vi.advanceTimersByTime(ms);
    });
    fireEvent.pointerUp(entry);
  } finally {
    vi.useRealTimers();
  }
  await rig.settle();
}

/** Taps keys of the on-screen keypad, one character each. */
export function typeOnKeypad(keys: string): void {
  for (const key of keys) fireEvent.click(screen.getByRole('button', { name: key }));
}

/** From the citizen UI: the hidden entry, a name, a PIN, 确定. */
export async function signInByHand(rig: AppRig, pin: string, name = '王芳'): Promise<void> {
  if (screen.queryByRole('heading', { name: '工作人员登录' }) === null) await holdHiddenEntry(rig);
  const tile = screen.queryByRole('button', { name: new RegExp(`^${name}`) });
  if (tile !== null) fireEvent.click(tile);
  typeOnKeypad(pin);
  fireEvent.click(screen.getByRole('button', { name: '确定' }));
  await rig.settle();
}

/** The App with the demo account signed in, on the overview once it has loaded. */
export async function renderSignedIn(overrides: Partial<KioskSnapshot> = {}): Promise<AppRig> {
  const rig = await renderApp(makeSnapshot({ staff: signedInStaff(), ...overrides }));
  await waitFor(() => screen.getByTestId('overview-supplies'));
  return rig;
}
