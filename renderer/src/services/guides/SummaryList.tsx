/** Guide entries (items, bundles, policies) as the host listed them, a page at a time, each opening its page. */
import type { GuideSummary } from '../../../../common/guides-api';
import { Button } from '../../primitives/Button';
import { FallbackNote, KindTag, Local, TripBadges } from './GuideBits';
import { departmentId } from './guide-words';
import { useGuidesText } from './i18n/guides-text';
import { Pager, usePaging } from './Pager';

export interface SummaryListProps {
  entries: readonly GuideSummary[];
  size: number;
  label: string;
  onOpen(entry: GuideSummary): void;
  /** Number the entries (a bundle's items, in the order they are done). */
  ordered?: boolean;
}

export function SummaryList({ entries, size, label, onOpen, ordered = false }: SummaryListProps) {
  const { g } = useGuidesText();
  const paged = usePaging(entries, size, (e) => `${e.kind}:${e.id}`);
  const first = paged.page * size;
  const rows = (
    <>
      {paged.items.map((entry, i) => (
        <li key={`${entry.kind}:${entry.id}`}>
          <Button variant="secondary" modifier="guides-entry" data-entry={`${entry.kind}:${entry.id}`} onClick={() => onOpen(entry)}>
            {ordered ? <span className="guides-entry__step">{g('bundle.step', { n: first + i + 1 })}</span> : <KindTag kind={entry.kind} />}{' '}
            <span className="guides-entry__name">
              <Local text={entry.name} />
            </span>
            {(entry.atMostOneTrip || entry.noTrip) && (
              <>
                {' '}
                <TripBadges atMostOneTrip={entry.atMostOneTrip} noTrip={entry.noTrip} />
              </>
            )}
            {entry.department && (
              <>
                {' '}
                <span className="guides-entry__department">{g(departmentId(entry.department))}</span>
              </>
            )}
          </Button>
        </li>
      ))}
    </>
  );
  return (
    <div className="guides-summaries">
      <FallbackNote texts={entries.map((e) => e.name)} />
      {ordered ? (
        <ol className="guides-list" aria-label={label} start={first + 1}>
          {rows}
        </ol>
      ) : (
        <ul className="guides-list" aria-label={label}>
          {rows}
        </ul>
      )}
      <Pager paged={paged} label={g('page.of', { list: label })} />
    </div>
  );
}
