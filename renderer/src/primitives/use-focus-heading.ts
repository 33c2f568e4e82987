import { useEffect, useRef } from 'react';

/**
 * Moves focus to a new screen's heading, so screen-reader users hear where they are and keyboard focus
 * never stays on a button that has gone.
 */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
