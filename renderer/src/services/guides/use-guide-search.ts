/**
 * Search as you type (issue 16 §3, §5): `guides:search` ~150 ms after the last key, so a burst of keys asks
 * once; an answer to anything but the latest question is dropped (answers may overtake each other). The host
 * decides what matches, the ranges to mark and the suggestions; asked again when its index becomes ready.
 */
import { useEffect, useRef, useState } from 'react';
import type { KioskErrorInfo } from '../../../../common/errors';
import { MAX_GUIDE_QUERY_LENGTH, type GuideIndexState, type GuideSearchResult } from '../../../../common/guides-api';
import type { KioskApi } from '../../../../common/kiosk-api';
import { toErrorInfo } from '../../api/error-info';

export const SEARCH_DEBOUNCE_MS = 150;
/** Enough for a few pages of results; the candidate bar pages through the same hits. */
export const SEARCH_LIMIT = 20;

export interface GuideSearch {
  /** The latest answer (it may be for a query a key or two old while `pending`). */
  result: GuideSearchResult | null;
  error: KioskErrorInfo | null;
  /** A question is waiting for its debounce or its answer. */
  pending: boolean;
}

const IDLE: GuideSearch = { result: null, error: null, pending: false };

export function useGuideSearch(api: KioskApi, query: string, active: boolean, indexState: GuideIndexState): GuideSearch {
  const [search, setSearch] = useState<GuideSearch>(IDLE);
  const latest = useRef(0);

  useEffect(() => {
    if (!active) return;
    const asked = ++latest.current;
    setSearch((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      api.call('guides:search', { query: query.trim().slice(0, MAX_GUIDE_QUERY_LENGTH), limit: SEARCH_LIMIT }).then(
        (result) => asked === latest.current && setSearch({ result, error: null, pending: false }),
        (error: unknown) => asked === latest.current && setSearch((s) => ({ result: s.result, error: toErrorInfo(error), pending: false })),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, query, active, indexState]);

  useEffect(() => {
    if (active) return;
    latest.current++; // an answer still on its way belongs to a closed keyboard
    setSearch(IDLE);
  }, [active]);

  return search;
}
