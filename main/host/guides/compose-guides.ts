/**
 * The service guides' part of the host (issue 16 §1, §3, §5, §6): the catalogue store, the index worker, the
 * checklist printer, the desk the API serves, and the updater that asks the platform for newer catalogues.
 * `start()` defers the index build until the host has started (after `kiosk ready`), so start-up and the
 * heartbeat never wait for it; the guide screens say 正在准备 meanwhile.
 */
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { ReceiptPrinter } from '../../../drivers/devices/printer-types';
import type { KioskConfig } from '../config/config-types';
import type { PlatformClient } from '../platform/platform-client';
import { isAbsolute, resolve } from 'node:path';
import { catalogueHallProblems } from './catalogue-hall-checks';
import { CatalogueStore } from './catalogue-store';
import { CatalogueUpdater } from './catalogue-updater';
import { ChecklistPrinter } from './checklist-printer';
import { GuideDesk } from './guide-desk';
import { createWorkerGuideIndex, type GuideIndex } from './search/guide-index';
import { shippedCatalogueFile } from './shipped-catalogue';

export interface GuidesSide {
  store: CatalogueStore;
  index: GuideIndex;
  desk: GuideDesk;
  updater: CatalogueUpdater;
  start(): void;
  stop(): Promise<void>;
}

export interface ComposeGuidesOptions {
  config: KioskConfig;
  dataDir: string;
  clock: Clock;
  log: Logger;
  platform: () => PlatformClient | null;
  printer: () => ReceiptPrinter | undefined;
  onPrinted?: () => void;
  /** Tests: the engine on the calling thread. Default the worker. */
  index?: GuideIndex;
}

/** A relative `guides.catalogueFile` is resolved against the working directory, as the configuration file is. */
function catalogueFile(configured: string | undefined): string {
  if (configured === undefined) return shippedCatalogueFile();
  return isAbsolute(configured) ? configured : resolve(configured);
}

export function composeGuides(o: ComposeGuidesOptions): GuidesSide {
  const log = o.log.child('guides');
  const businessIds = o.config.queue.businesses.map((b) => b.id);
  const store = new CatalogueStore({
    file: catalogueFile(o.config.guides.catalogueFile),
    dataDir: o.dataDir,
    log,
    hallProblems: (catalogue) => catalogueHallProblems(catalogue, o.config.hall.map, businessIds),
  });
  const index = o.index ?? createWorkerGuideIndex({ log: log.child('index') });
  const printer = new ChecklistPrinter({ printer: o.printer, log, ...(o.onPrinted && { onPrinted: o.onPrinted }) });
  const desk = new GuideDesk({ clock: o.clock, log, store, index, map: o.config.hall.map, printer, hallName: o.config.hall.name, timeZone: o.config.hall.timeZone });
  const updater = new CatalogueUpdater({ clock: o.clock, log, store, platform: o.platform, intervalMs: o.config.guides.updateIntervalMs });
  let started = false;
  let stopped = false;
  return {
    store,
    index,
    desk,
    updater,
    start() {
      if (started) return;
      started = true;
      setImmediate(() => {
        if (stopped) return;
        void desk.startIndexing();
        updater.start();
      });
    },
    async stop() {
      stopped = true;
      updater.stop();
      desk.dispose();
      await index.dispose();
    },
  };
}
