/**
 * The guide search index as the host's guide desk uses it (issue 16 §3): `preparing` until the first build
 * completes, answering every search meanwhile with that state and no hits; a rebuild (a new catalogue version)
 * leaves searches on the old index until the new one is in force. Two homes for the same engine
 * (search-engine.ts): a worker thread (createWorkerGuideIndex, the kiosk; ARCHITECTURE.md §8.9) or the calling
 * thread (createInlineGuideIndex, the CLI and tests).
 */
import type { Catalogue } from '../../../../common/guides';
import type { GuideIndexState, GuideSearchRequest, GuideSearchResult } from '../../../../common/guides-api';
import { StateCell, unanswered } from './index-state';
import { catalogueDocs } from './search-docs';
import { SearchEngine } from './search-engine';

export interface GuideIndex {
  readonly state: GuideIndexState;
  /** Builds the index of a catalogue (again, for a new version); searches meanwhile use the old index if any. */
  build(catalogue: Catalogue): Promise<void>;
  search(request: GuideSearchRequest): Promise<GuideSearchResult>;
  onStateChanged(listener: (state: GuideIndexState) => void): () => void;
  dispose(): Promise<void>;
}

export { createWorkerGuideIndex, type WorkerGuideIndexOptions } from './worker-guide-index';

export function createInlineGuideIndex(): GuideIndex {
  const state = new StateCell();
  let engine: SearchEngine | null = null;
  let disposed = false;
  return {
    get state() {
      return state.value;
    },
    async build(catalogue) {
      if (disposed) throw new Error('the guide index was disposed');
      try {
        engine = await SearchEngine.build(catalogueDocs(catalogue));
        state.set('ready');
      } catch (err) {
        if (engine === null) state.set('failed');
        throw err;
      }
    },
    search(request) {
      return Promise.resolve(engine && !disposed ? engine.search(request) : unanswered(state.value, request));
    },
    onStateChanged: (listener) => state.listen(listener),
    dispose() {
      disposed = true;
      engine = null;
      return Promise.resolve();
    },
  };
}
