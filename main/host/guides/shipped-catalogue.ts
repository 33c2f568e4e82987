/**
 * The catalogue shipped with the software (content/guides/catalogue.json), found from this module's own place
 * whether it runs from source or from the built dist: the nearest folder up with the hallkiosk package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHIPPED_CATALOGUE = join('content', 'guides', 'catalogue.json');

export function appRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hallkiosk') return dir;
    if (dirname(dir) === dir) throw new Error(`hallkiosk's package.json not found above ${from}`);
  }
}

export function shippedCatalogueFile(): string {
  return join(appRoot(), SHIPPED_CATALOGUE);
}
