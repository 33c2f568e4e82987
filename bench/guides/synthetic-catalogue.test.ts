import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../common/guides-validate';
import { shippedCatalogue, syntheticCatalogue } from './synthetic-catalogue';

describe('syntheticCatalogue', () => {
  const base = shippedCatalogue();
  const catalogue = syntheticCatalogue(2000, 42, base);

  it('makes a valid catalogue of the size asked, the shipped items first', () => {
    const checked = validateCatalogue(catalogue);
    expect(checked.ok ? [] : checked.problems.slice(0, 5)).toEqual([]);
    expect(catalogue.items).toHaveLength(2000);
    expect(catalogue.items.slice(0, base.items.length)).toEqual(base.items);
    expect(catalogue.bundles.slice(0, base.bundles.length)).toEqual(base.bundles);
    expect(new Set(catalogue.items.map((i) => i.code)).size).toBe(2000);
    expect(catalogue.bundles.length).toBeGreaterThan(base.bundles.length);
    expect(catalogue.policies.length).toBeGreaterThan(base.policies.length);
  });

  it('is the same for the same seed, different for another', () => {
    expect(JSON.stringify(syntheticCatalogue(2000, 42, base))).toBe(JSON.stringify(catalogue));
    expect(syntheticCatalogue(2000, 7, base).items[base.items.length]?.name).not.toEqual(catalogue.items[base.items.length]?.name);
  });

  it('refuses a size below the shipped catalogue', () => {
    expect(() => syntheticCatalogue(10, 1, base)).toThrow(RangeError);
  });
});
