/**
 * Messages between the host's guide index (worker-guide-index.ts) and its worker (guide-worker.ts). The host
 * sends the catalogue's slim search documents (search-docs.ts), never the whole catalogue.
 */
import type { GuideSearchRequest, GuideSearchResult } from '../../../../common/guides-api';
import type { SearchDoc } from './search-docs';

export type ToGuideWorker = { type: 'build'; id: number; docs: SearchDoc[] } | { type: 'search'; id: number; request: GuideSearchRequest };

export type FromGuideWorker =
  | { type: 'built'; id: number; entries: number; ms: number }
  | { type: 'result'; id: number; result: GuideSearchResult }
  | { type: 'failed'; id: number; message: string };
