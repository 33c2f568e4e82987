/**
 * The hidden staff entry (issue 15 §1): a corner of every citizen screen that, held for 3 s, asks the host to
 * open the PIN pad. It is invisible, not focusable and hidden from assistive technology: citizens never meet
 * it, and it grants nothing — the pad still wants a name and a PIN, and the host checks both (§8.6).
 *
 * A shorter press does nothing. The zone covers only the corner, above the content; it neither stops nor
 * prevents the events it sees, so the activity listener (app/use-activity.ts) counts the touch as any other.
 */
import { useCallback, useEffect, useRef, type PointerEvent } from 'react';

export const STAFF_ENTRY_HOLD_MS = 3_000;

export function HiddenEntry({ onOpen }: { onOpen(): void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  const release = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => release, [release]);

  const press = (event: PointerEvent<HTMLDivElement>): void => {
    // A mouse button other than the main one starts nothing; a second finger starts the hold again.
    if (event.button > 0) return;
    release();
    timer.current = setTimeout(() => {
      timer.current = null;
      onOpenRef.current();
    }, STAFF_ENTRY_HOLD_MS);
  };

  return (
    <div
      className="staff-entry"
      data-testid="staff-entry"
      aria-hidden="true"
      onPointerDown={press}
      onPointerUp={release}
      onPointerCancel={release}
      onPointerLeave={release}
    />
  );
}
