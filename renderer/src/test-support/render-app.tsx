/** Renders the App against a FakeKioskApi with a hand-driven monotonic clock, and waits for the first snapshot. */
import { act, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import { App } from '../app/App';
import { FakeKioskApi } from './fake-kiosk-api';
import { makeSnapshot } from './fixtures';

export interface AppRig {
  fake: FakeKioskApi;
  result: RenderResult;
  /** Moves the renderer's monotonic clock (the host clock extrapolates from it). */
  advance(ms: number): void;
  /** Delivers a host event inside act(). */
  push(...args: Parameters<FakeKioskApi['push']>): void;
  /** Lets pending API promises settle. */
  settle(): Promise<void>;
}

export async function renderApp(snapshot: KioskSnapshot = makeSnapshot()): Promise<AppRig> {
  const fake = new FakeKioskApi(snapshot);
  let now = 1_000;
  const monotonicNow = (): number => now;
  const result = render(<App api={fake} monotonicNow={monotonicNow} />);
  await waitFor(() => {
    if (screen.queryByText('正在连接服务，请稍候') !== null) throw new Error('still connecting');
  });
  return {
    fake,
    result,
    advance: (ms) => {
      now += ms;
    },
    push: (event) => act(() => fake.push(event)),
    settle: () => act(async () => {}),
  };
}
