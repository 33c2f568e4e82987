// @vitest-environment jsdom
/** A host that says nothing for its hostLostAfterMs (issue 13 §4): 暂停服务, the citizen's screen cleared. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

afterEach(cleanup);

describe('App: the host goes silent', () => {
  it('shows 暂停服务 once hostLostAfterMs passes with nothing from the host, clears the flow, and comes back on its next word', async () => {
    const rig = await renderApp(makeSnapshot({ hostLostAfterMs: 5_000 }));
    fireEvent.click(screen.getByRole('button', { name: '取号' }));
    await rig.settle();
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();

    rig.advance(4_000);
    rig.push({ type: 'host:alive' }); // heard in time: nothing happens
    rig.advance(4_000);
    await rig.settle();
    expect(screen.queryByText('暂停服务')).toBeNull();

    rig.advance(1_500);
    await waitFor(() => expect(screen.getByRole('heading', { name: '暂停服务' })).toBeTruthy(), { timeout: 3_000 });
    expect(screen.queryByRole('heading', { name: '选择业务' })).toBeNull();

    const snapshotsBefore = rig.fake.requestsTo('kiosk:get-snapshot').length;
    rig.push({ type: 'host:alive' });
    await rig.settle();
    expect(rig.fake.requestsTo('kiosk:get-snapshot').length).toBe(snapshotsBefore + 1);
    await waitFor(() => expect(screen.getByRole('button', { name: '取号' })).toBeTruthy());
    expect(screen.queryByRole('heading', { name: '选择业务' })).toBeNull(); // the citizen's screen was cleared
  });
});
