/**
 * The guide index in its two homes (issue 16 §3): in a worker thread (from source here, through tsx) it is
 * `preparing` until the first build and answers so with no hits, then `ready`; a rebuild brings in the new
 * catalogue while searches go on; a crashed worker is replaced and rebuilds the last catalogue; builds that
 * never finish end `failed`. The inline index behaves the same on the calling thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GuideIndexState } from '../../../../common/guides-api';
import { SILENT_LOGGER } from '../../../../common/logger';
import { tsWorkerSpec } from '../../face/worker-spec';
import { createInlineGuideIndex, createWorkerGuideIndex, type GuideIndex } from './guide-index';
import { MINI_CATALOGUE, MINI_CATALOGUE_V2 } from './test-support/mini-catalogue';

const open: GuideIndex[] = [];
afterEach(async () => {
  for (const ix of open.splice(0)) await ix.dispose();
});

function track(ix: GuideIndex): { ix: GuideIndex; states: GuideIndexState[] } {
  open.push(ix);
  const states: GuideIndexState[] = [];
  ix.onStateChanged((s) => states.push(s));
  return { ix, states };
}

const until = async (check: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('worker guide index', () => {
  it('answers preparing with no hits until built, then ready; a rebuild brings in the new catalogue', async () => {
    const { ix, states } = track(createWorkerGuideIndex({ log: SILENT_LOGGER }));
    expect(ix.state).toBe('preparing');
    expect(await ix.search({ query: '社保卡' })).toMatchObject({ state: 'preparing', hits: [], suggestions: [] });
    const building = ix.build(MINI_CATALOGUE);
    expect(await ix.search({ query: '社保卡' })).toMatchObject({ state: 'preparing', hits: [] });
    await building;
    expect(ix.state).toBe('ready');
    expect(states).toEqual(['ready']);
    const found = await ix.search({ query: 'sbk' });
    expect(found).toMatchObject({ state: 'ready', query: 'sbk' });
    expect(found.hits[0]?.id).toBe('GG00101001');
    expect(found.tookMs).toBeGreaterThan(0);
    expect((await ix.search({ query: '婚姻登记' })).hits).toEqual([]);

    const rebuilding = ix.build(MINI_CATALOGUE_V2);
    expect((await ix.search({ query: 'sbk' })).state).toBe('ready');
    await rebuilding;
    expect((await ix.search({ query: 'hydj' })).hits[0]?.id).toBe('GG00801001');
    expect(states).toEqual(['ready']);
  });

  it('replaces a crashed worker and rebuilds the last catalogue', async () => {
    const worker = tsWorkerSpec(new URL('./test-support/crashing-guide-worker.ts', import.meta.url));
    const { ix, states } = track(createWorkerGuideIndex({ log: SILENT_LOGGER, worker }));
    await ix.build(MINI_CATALOGUE_V2);
    await ix.search({ query: 'crash!' });
    await until(() => states.length === 3);
    expect(states).toEqual(['ready', 'preparing', 'ready']);
    expect((await ix.search({ query: '婚姻登记' })).hits[0]?.id).toBe('GG00801001');
  });

  it('gives up as failed when every build outlasts its timeout', async () => {
    const { ix, states } = track(createWorkerGuideIndex({ log: SILENT_LOGGER, buildTimeoutMs: 1, maxRestarts: 1 }));
    await expect(ix.build(MINI_CATALOGUE)).rejects.toThrow(/no answer/);
    expect(ix.state).toBe('failed');
    expect(states).toEqual(['failed']);
    expect(await ix.search({ query: '社保卡' })).toMatchObject({ state: 'failed', hits: [] });
  });
});

describe('inline guide index', () => {
  it('is preparing until built, then answers on the calling thread', async () => {
    const { ix, states } = track(createInlineGuideIndex());
    expect(await ix.search({ query: '社保卡' })).toMatchObject({ state: 'preparing', hits: [] });
    await ix.build(MINI_CATALOGUE);
    expect(states).toEqual(['ready']);
    expect((await ix.search({ query: 'gjj提取' })).hits[0]?.id).toBe('GG00201001');
  });
});
