/**
 * The catalogue in force (issue 16 §1): loaded at start from the configured file (or the shipped one) and the
 * offline copy of the last one the platform sent, whichever valid one is newer; replaced while running only by
 * a valid, newer catalogue, which is then kept in the data folder, so the kiosk keeps working offline and after
 * a restart. A catalogue with problems is refused with the exact place of each, and the previous one stays.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalogue, CatalogueProblem } from '../../../common/guides';
import { compareCatalogueVersions, validateCatalogue } from '../../../common/guides-validate';
import type { Logger } from '../../../common/logger';

export type CatalogueSource = 'file' | 'offline' | 'platform';

export type CatalogueOffer =
  | { accepted: true; version: string }
  | { accepted: false; reason: 'invalid'; problems: CatalogueProblem[] }
  | { accepted: false; reason: 'notNewer'; version: string };

export interface CatalogueStoreOptions {
  /** The configured catalogue file, or the shipped content/guides/catalogue.json. */
  file: string;
  dataDir: string;
  log: Logger;
  /** What a catalogue must agree on with this hall (catalogue-hall-checks.ts): windows, businesses. */
  hallProblems?: (catalogue: Catalogue) => CatalogueProblem[];
}

/** Where the last catalogue received from the platform is kept. */
export const OFFLINE_CATALOGUE_FILE = join('guides', 'catalogue.json');
/** Problems logged per refused catalogue; the CLI lists them all. */
const PROBLEMS_LOGGED = 20;

export type FileRead = { ok: true; catalogue: Catalogue } | { ok: false; problems: CatalogueProblem[] };

export function readCatalogueFile(path: string, hallProblems?: (catalogue: Catalogue) => CatalogueProblem[]): FileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return checkWithHall(raw, hallProblems);
}

function checkWithHall(raw: unknown, hallProblems?: (catalogue: Catalogue) => CatalogueProblem[]): FileRead {
  const checked = validateCatalogue(raw);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const problems = hallProblems?.(checked.catalogue) ?? [];
  return problems.length === 0 ? { ok: true, catalogue: checked.catalogue } : { ok: false, problems };
}

export class CatalogueStore {
  private catalogue: Catalogue;
  private from: CatalogueSource;
  private readonly listeners = new Set<(catalogue: Catalogue) => void>();

  constructor(private readonly options: CatalogueStoreOptions) {
    const configured = readCatalogueFile(options.file, options.hallProblems);
    if (!configured.ok) this.logRefused(`catalogue file ${options.file}`, configured.problems);
    const offline = readCatalogueFile(this.offlinePath, options.hallProblems);
    const candidates: Array<[Catalogue, CatalogueSource]> = [];
    if (configured.ok) candidates.push([configured.catalogue, 'file']);
    if (offline.ok) candidates.push([offline.catalogue, 'offline']);
    candidates.sort((a, b) => compareCatalogueVersions(b[0].version, a[0].version));
    const chosen = candidates[0];
    if (!chosen) throw new Error(`no valid service-guide catalogue: ${options.file} has ${configured.ok ? 'no' : configured.problems.length} problem(s) (run npm run guides -- check ${options.file})`);
    [this.catalogue, this.from] = chosen;
    options.log.info('catalogue in force', { version: this.catalogue.version, source: this.from, items: this.catalogue.items.length });
  }

  get current(): Catalogue {
    return this.catalogue;
  }

  get source(): CatalogueSource {
    return this.from;
  }

  /** A catalogue from the platform: validated, used only when newer, then kept offline. */
  offer(raw: unknown): CatalogueOffer {
    const checked = checkWithHall(raw, this.options.hallProblems);
    if (!checked.ok) {
      this.logRefused('catalogue from the platform', checked.problems);
      return { accepted: false, reason: 'invalid', problems: checked.problems };
    }
    const next = checked.catalogue;
    if (compareCatalogueVersions(next.version, this.catalogue.version) <= 0) {
      this.options.log.warn('catalogue from the platform is not newer: kept the one in force', { offered: next.version, inForce: this.catalogue.version });
      return { accepted: false, reason: 'notNewer', version: next.version };
    }
    this.keepOffline(next);
    this.catalogue = next;
    this.from = 'platform';
    this.options.log.info('catalogue updated', { version: next.version, items: next.items.length });
    for (const l of this.listeners) l(next);
    return { accepted: true, version: next.version };
  }

  onChanged(listener: (catalogue: Catalogue) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get offlinePath(): string {
    return join(this.options.dataDir, OFFLINE_CATALOGUE_FILE);
  }

  /** Written whole, then renamed over the old copy: a power cut leaves the old or the new one, never half. */
  private keepOffline(catalogue: Catalogue): void {
    const path = this.offlinePath;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(catalogue));
      renameSync(`${path}.tmp`, path);
    } catch (err) {
      this.options.log.error('could not keep the catalogue offline: it is used until the next restart', { error: err });
    }
  }

  private logRefused(what: string, problems: CatalogueProblem[]): void {
    this.options.log.error(`${what} refused: the previous catalogue stays in force`, {
      problems: problems.length,
      first: problems.slice(0, PROBLEMS_LOGGED).map((p) => `${p.path || '(file)'}: ${p.message}`),
    });
  }
}
