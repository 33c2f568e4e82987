/**
 * Browsing (issue 16 §5; domain.md): by life event (Guiyang Nanming's seven stages), by department, 个人办事 /
 * 法人办事, 一件事 and 政策直通车, with the host's counts from `guides:overview`. Browsing needs no search index,
 * so it works while the index is being prepared, and without the overview too (the tiles, uncounted).
 */
import { AUDIENCES, DEPARTMENTS, LIFE_EVENTS } from '../../../../common/guides';
import type { GuideBrowseRequest, GuidesOverview } from '../../../../common/guides-api';
import { Button } from '../../primitives/Button';
import type { GuideContext } from './guide-context';
import { audienceId, departmentId, lifeEventId } from './guide-words';
import { useGuidesText, type GuidesMessageId } from './i18n/guides-text';
import { Pager, perPage, usePaging } from './Pager';
import { useHostAnswer } from './use-host-answer';

interface Tile {
  key: string;
  label: GuidesMessageId;
  count?: number;
  request: GuideBrowseRequest;
}

function tilesOf(overview: GuidesOverview | null): { lifeEvents: Tile[]; departments: Tile[]; more: Tile[] } {
  const lifeEvents = overview?.lifeEvents ?? LIFE_EVENTS.map((key) => ({ key, count: undefined }));
  const departments = overview?.departments ?? DEPARTMENTS.map((key) => ({ key, count: undefined }));
  return {
    lifeEvents: lifeEvents.map(({ key, count }) => ({ key, label: lifeEventId(key), count, request: { by: 'lifeEvent', key } })),
    departments: departments.map(({ key, count }) => ({ key, label: departmentId(key), count, request: { by: 'department', key } })),
    more: [
      ...AUDIENCES.map((key): Tile => ({ key, label: audienceId(key), request: { by: 'audience', key } })),
      { key: 'bundles', label: 'browse.bundles', count: overview?.bundles.length, request: { by: 'bundles' } },
      { key: 'policies', label: 'browse.policies', request: { by: 'policies' } },
    ],
  };
}

export function BrowseTiles({ ctx }: { ctx: GuideContext }) {
  const { api, snapshot, elder, nav } = ctx;
  const { answer } = useHostAnswer(() => api.call('guides:overview', {}), `overview ${snapshot.guides.catalogueVersion}`);
  const tiles = tilesOf(answer.status === 'ok' ? answer.value : null);
  const size = perPage('tiles', elder);
  return (
    <>
      <TileGroup title="browse.byLifeEvent" tiles={tiles.lifeEvents} size={size} onOpen={nav.browse} />
      <TileGroup title="browse.byDepartment" tiles={tiles.departments} size={size} onOpen={nav.browse} />
      <TileGroup title="browse.more" tiles={tiles.more} size={size} onOpen={nav.browse} />
    </>
  );
}

function TileGroup({ title, tiles, size, onOpen }: { title: GuidesMessageId; tiles: Tile[]; size: number; onOpen(request: GuideBrowseRequest): void }) {
  const { g } = useGuidesText();
  const paged = usePaging(tiles, size, (tile) => tile.key);
  const heading = g(title);
  return (
    <section className="guides-browse" aria-label={heading}>
      <h2 className="guides-section__title">{heading}</h2>
      <ul className="guides-tiles">
        {paged.items.map((tile) => (
          <li key={tile.key}>
            <Button variant="secondary" modifier="guides-tile" data-browse={tile.key} onClick={() => onOpen(tile.request)}>
              <span className="guides-tile__label">{g(tile.label)}</span>
              {tile.count !== undefined && (
                <>
                  {' '}
                  <span className="guides-tile__count">{g('browse.count', { count: tile.count })}</span>
                </>
              )}
            </Button>
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={g('page.of', { list: heading })} />
    </section>
  );
}
