/**
 * A list of items in the host's order (ARCHITECTURE.md §8.15): a real <ul>, so assistive technology says
 * how many there are. `empty` is shown instead of an empty list.
 */
import type { ReactNode } from 'react';

export interface ListProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  renderItem(item: T): ReactNode;
  className: string;
  empty?: ReactNode;
}

export function List<T>({ items, itemKey, renderItem, className, empty }: ListProps<T>) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={itemKey(item)}>{renderItem(item)}</li>
      ))}
    </ul>
  );
}
