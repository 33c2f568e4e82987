/**
 * A list shown a page at a time behind 上一页 / 下一页 buttons (issue 16 §7: fewer items per screen in 长辈模式,
 * and no swipe-only gestures: nothing on a guide screen scrolls by swiping). A new list starts at its first page.
 */
import { useState, type ReactNode } from 'react';
import { Button } from '../../primitives/Button';
import { useGuidesText } from './i18n/guides-text';

/** How many of each kind fit one screen: fewer, larger ones in 长辈模式. */
const PER_PAGE = {
  tiles: { normal: 8, elder: 4 },
  results: { normal: 6, elder: 3 },
  lines: { normal: 5, elder: 3 },
} as const;

export type PageKind = keyof typeof PER_PAGE;

export function perPage(kind: PageKind, elder: boolean): number {
  return PER_PAGE[kind][elder ? 'elder' : 'normal'];
}

export interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
  turn(page: number): void;
}

export function usePaging<T>(all: readonly T[], size: number, keyOf: (item: T) => string): Paged<T> {
  // The page belongs to one list at one size: a new answer, or 长辈模式 switched, starts again at page one.
  const listKey = `${size}\n${all.map(keyOf).join('\n')}`;
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = paging.listKey === listKey ? Math.min(paging.page, pages - 1) : 0;
  return { items: all.slice(page * size, page * size + size), page, pages, turn: (to) => setPaging({ listKey, page: to }) };
}

/** The page buttons, only when there is more than one page; named by the list they turn. */
export function Pager({ paged, label }: { paged: Pick<Paged<unknown>, 'page' | 'pages' | 'turn'>; label: string }): ReactNode {
  const { g } = useGuidesText();
  const { page, pages, turn } = paged;
  if (pages <= 1) return null;
  return (
    <div className="guides-pager" role="group" aria-label={label}>
      <Button variant="secondary" modifier="guides-pager__button" disabled={page === 0} onClick={() => turn(page - 1)}>
        <span aria-hidden="true">◀</span> {g('page.previous')}
      </Button>
      <span className="guides-pager__count">{g('page.count', { page: page + 1, pages })}</span>
      <Button variant="secondary" modifier="guides-pager__button" disabled={page >= pages - 1} onClick={() => turn(page + 1)}>
        {g('page.next')} <span aria-hidden="true">▶</span>
      </Button>
    </div>
  );
}
