/** Opens 办事指南 from the home screen against the fake host, for the guide tests. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import { makeSnapshot } from './fixtures';
import { renderApp, type AppRig } from './render-app';

export async function openGuides(overrides: Partial<KioskSnapshot> = {}): Promise<AppRig> {
  const rig = await renderApp(makeSnapshot(overrides));
  fireEvent.click(screen.getByRole('button', { name: /^办事指南/ }));
  await rig.settle();
  return rig;
}

export const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

/** Presses letter keys of the on-screen keyboard, one by one. */
export function typeKeys(keys: string): void {
  const group = screen.getByRole('group', { name: /输入拼音或首字母|輸入拼音或首字母|Type pinyin/ });
  for (const key of keys) fireEvent.click(within(group).getByRole('button', { name: key }));
}

export const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

/** Waits (on a condition, never a fixed sleep) for the search's debounce and answer. */
export async function until(check: () => void): Promise<void> {
  await waitFor(check, { timeout: 2_000 });
  await act(async () => {});
}

/** Opens one part of a guide page by its tab. */
export function tab(name: string): void {
  fireEvent.click(within(screen.getByRole('group', { name: /选择要看的内容|Choose what to see|選擇要看的內容/ })).getByRole('button', { name }));
}
