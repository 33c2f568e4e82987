/**
 * A modal dialog over the current screen (ARCHITECTURE.md §8.15): named by its visible title, described by
 * its body, and a focus trap: focus moves into it when it opens (its first control), Tab and Shift+Tab cycle
 * through its controls only, and focus returns to where it was when it closes. The screen beneath must be
 * made `inert` by whoever opens the dialog (App does it for the idle countdown), so neither pointer nor
 * screen reader reaches it.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: ReactNode;
  body: ReactNode;
  /** The dialog's buttons. */
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

export function Dialog({ title, body, children }: DialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const container = dialog.current;
    if (container) (focusables(container)[0] ?? container).focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDivElement>): void => {
    const container = dialog.current;
    if (event.key !== 'Tab' || !container) return;
    const items = focusables(container);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const outside = !(active instanceof Node) || !container.contains(active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="overlay">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        tabIndex={-1}
        onKeyDown={trapTab}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <p id={`${id}-body`} className="dialog__body">
          {body}
        </p>
        {children}
      </div>
    </div>
  );
}
