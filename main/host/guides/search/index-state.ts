/** The guide index's state as both homes keep it (guide-index.ts), and what a search answers without an index. */
import type { GuideIndexState, GuideSearchRequest, GuideSearchResult } from '../../../../common/guides-api';

/** What a search answers while there is no index to ask. */
export const unanswered = (state: GuideIndexState, request: GuideSearchRequest): GuideSearchResult => ({ state, query: request.query, hits: [], suggestions: [], tookMs: 0 });

/** Listeners of state changes, told only of real changes. */
export class StateCell {
  private current: GuideIndexState = 'preparing';
  private readonly listeners = new Set<(state: GuideIndexState) => void>();

  get value(): GuideIndexState {
    return this.current;
  }

  set(state: GuideIndexState): void {
    if (state === this.current) return;
    this.current = state;
    for (const l of [...this.listeners]) l(state);
  }

  listen(listener: (state: GuideIndexState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

