/** Search hits or suggestions, a page at a time: each a button named by what it shows (kind, name, alias, department). */
import type { GuideHit } from '../../../../common/guides-api';
import { Button } from '../../primitives/Button';
import { HitName, KindTag } from './GuideBits';
import { departmentId } from './guide-words';
import { useGuidesText } from './i18n/guides-text';
import { Pager, usePaging } from './Pager';

export function HitList({ hits, size, label, onOpen }: { hits: readonly GuideHit[]; size: number; label: string; onOpen(hit: GuideHit): void }) {
  const { g } = useGuidesText();
  const paged = usePaging(hits, size, (h) => `${h.kind}:${h.id}`);
  return (
    <div className="guides-hits">
      <ul className="guides-list" aria-label={label}>
        {paged.items.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`}>
            <Button variant="secondary" modifier="guides-entry" data-hit={`${hit.kind}:${hit.id}`} onClick={() => onOpen(hit)}>
              <KindTag kind={hit.kind} /> <HitName name={hit.name} highlight={hit.highlight} />
              {hit.matchedAlias && (
                <>
                  {' '}
                  <span className="guides-entry__alias">{g('search.alias', { alias: hit.matchedAlias })}</span>
                </>
              )}
              {hit.department && (
                <>
                  {' '}
                  <span className="guides-entry__department">{g(departmentId(hit.department))}</span>
                </>
              )}
            </Button>
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </div>
  );
}
