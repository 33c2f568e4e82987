/**
 * What a catalogue must agree on with this hall (issue 16 §6): every window an item or a bundle names is a
 * window point of the hall map, and every business it takes a ticket for is one of the queue's. A catalogue
 * that does not is refused like any other with problems, at the exact place.
 */
import type { Catalogue, CatalogueProblem, GuidePlace } from '../../../common/guides';
import type { HallMap } from '../../../common/hall-map';
import { requireWindows } from '../../../common/hall-map-validate';

export function catalogueHallProblems(catalogue: Catalogue, map: HallMap, businessIds: readonly string[]): CatalogueProblem[] {
  const windows = (where: GuidePlace | undefined, path: string) => (where?.windows ?? []).map((id, i) => ({ path: `${path}.where.windows[${i}]`, id }));
  const problems: CatalogueProblem[] = requireWindows(map, [
    ...catalogue.items.flatMap((item, i) => windows(item.where, `items[${i}]`)),
    ...catalogue.bundles.flatMap((bundle, i) => windows(bundle.where, `bundles[${i}]`)),
  ]);
  const known = new Set(businessIds);
  const business = (id: string | undefined, path: string): void => {
    if (id !== undefined && !known.has(id)) problems.push({ path: `${path}.businessId`, message: `business "${id}" is not one of this hall's queue businesses (${businessIds.join(', ')})` });
  };
  catalogue.items.forEach((item, i) => business(item.businessId, `items[${i}]`));
  catalogue.bundles.forEach((bundle, i) => business(bundle.businessId, `bundles[${i}]`));
  return problems;
}
