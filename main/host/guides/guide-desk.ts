/**
 * The guide screens' host side (issue 16 §1, §3, §5, §6): the catalogue in force and its views, search through
 * the index (answered `preparing` until the worker has built it), the checklist print, and routes on the hall
 * map from this kiosk. A new catalogue from the platform replaces the views at once and rebuilds the index;
 * searches meanwhile use the old index.
 */
import type { Clock } from '../../../common/clock';
import { errorInfo } from '../../../common/errors';
import type { Catalogue } from '../../../common/guides';
import type {
  GuideBrowseRequest,
  GuideBrowseResult,
  GuideIndexState,
  GuideOpenRequest,
  GuideOpenResult,
  GuidePrintRequest,
  GuidePrintResult,
  GuideSearchRequest,
  GuideSearchResult,
  GuidesOverview,
  GuidesStatusView,
} from '../../../common/guides-api';
import type { GuideRouteRequest, GuideRouteResult, HallMap } from '../../../common/hall-map';
import { shortestRoute } from '../../../common/hall-route';
import type { Logger } from '../../../common/logger';
import type { LocalText } from '../../../common/queue';
import type { GuideDeskPort } from '../api/guide-handlers';
import type { GuideIndex } from './search/guide-index';
import type { CatalogueStore } from './catalogue-store';
import { CatalogueView, mergeChecklist } from './catalogue-view';
import { checklistDocument } from './checklist-document';
import type { ChecklistPrinter } from './checklist-printer';
import { qrSvg } from './qr-svg';

export interface GuideDeskDeps {
  clock: Clock;
  log: Logger;
  store: CatalogueStore;
  index: GuideIndex;
  map: HallMap;
  printer: ChecklistPrinter;
  hallName: LocalText;
  timeZone: string;
}

export class GuideDesk implements GuideDeskPort {
  private view: CatalogueView;
  private readonly listeners = new Set<(view: GuidesStatusView) => void>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly deps: GuideDeskDeps) {
    this.view = new CatalogueView(deps.store.current);
    this.unsubscribe.push(
      deps.store.onChanged((catalogue) => {
        this.view = new CatalogueView(catalogue);
        this.emit();
        void this.build(catalogue);
      }),
      deps.index.onStateChanged(() => this.emit()),
    );
  }

  /** After `kiosk ready` (composition's start): the worker builds the index off the event loop. */
  startIndexing(): Promise<void> {
    return this.build(this.deps.store.current);
  }

  status(): GuidesStatusView {
    return { state: this.deps.index.state, catalogueVersion: this.view.version };
  }

  onChanged(listener: (view: GuidesStatusView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  overview(): GuidesOverview {
    return this.view.overview(this.deps.map.kioskPoint, this.deps.index.state);
  }

  async search(request: GuideSearchRequest): Promise<GuideSearchResult> {
    const state: GuideIndexState = this.deps.index.state;
    if (state !== 'ready') return { state, query: request.query, hits: [], suggestions: [], tookMs: 0 };
    return this.deps.index.search(request);
  }

  browse(request: GuideBrowseRequest): GuideBrowseResult {
    return this.view.browse(request);
  }

  open(request: GuideOpenRequest): GuideOpenResult {
    const opened = this.view.open(request);
    const url = opened.kind === 'item' ? opened.view.item.onlineUrl : undefined;
    if (opened.kind !== 'item' || url === undefined) return opened;
    return { kind: 'item', view: { ...opened.view, onlineQr: qrSvg(url) } };
  }

  printChecklist(request: GuidePrintRequest): Promise<GuidePrintResult> {
    const view = this.view;
    const language = request.language ?? 'zh-CN';
    const target =
      request.kind === 'item'
        ? (() => {
            const item = view.item(request.id);
            return item && { name: item.name, items: [item], lines: mergeChecklist([item]) };
          })()
        : (() => {
            const bundle = view.bundleView(request.id);
            return bundle && { name: bundle.bundle.name, items: bundle.items, lines: bundle.checklist };
          })();
    if (!target) return Promise.resolve({ outcome: 'voided', error: errorInfo('invalidData', `no ${request.kind} ${request.id} in catalogue ${view.version}`) });
    return this.deps.printer.print(request.requestId, (jobId) =>
      checklistDocument({ jobId, hallName: this.deps.hallName, ...target, language, nowMs: this.deps.clock.now(), timeZone: this.deps.timeZone, catalogueVersion: view.version }),
    );
  }

  route(request: GuideRouteRequest): GuideRouteResult {
    const map = this.deps.map;
    const from = request.from ?? map.kioskPoint;
    const known = (id: string): boolean => map.points.some((p) => p.id === id);
    if (!known(from) || !known(request.to)) return { ok: false, reason: 'unknownPoint' };
    const route = shortestRoute(map, from, request.to, { stepFree: request.stepFree ?? true });
    return route ? { ok: true, route, map } : { ok: false, reason: 'noRoute' };
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.listeners.clear();
  }

  private async build(catalogue: Catalogue): Promise<void> {
    try {
      await this.deps.index.build(catalogue);
    } catch (err) {
      this.deps.log.error('guide index build failed', { error: err, version: catalogue.version });
    }
  }

  private emit(): void {
    const view = this.status();
    for (const l of this.listeners) l(view);
  }
}
