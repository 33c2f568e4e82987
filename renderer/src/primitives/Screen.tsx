/**
 * One screen of the citizen UI (ARCHITECTURE.md §8.15): a <main> whose heading takes focus when the screen
 * appears, so a screen-reader user hears where they are and focus never stays on a button that has gone.
 * `actions` are the screen's buttons at its foot, in one row. In 长辈模式 a screen's prompt is read aloud when it
 * opens (speech/speech-context.tsx).
 */
import type { ReactNode } from 'react';
import { useScreenOpened } from '../speech/speech-context';
import { useFocusHeading } from './use-focus-heading';

export interface ScreenProps {
  /** Modifier names: `home` gives `screen--home`. */
  kind: readonly string[];
  /** The h1; omitted when the screen announces itself another way (a live status region). */
  title?: ReactNode;
  actions?: ReactNode;
  /** An indeterminate progress bar under the content, while the kiosk waits for something (decorative). */
  progress?: boolean;
  children?: ReactNode;
}

export function Screen({ kind, title, actions, progress = false, children }: ScreenProps) {
  const className = ['screen', ...kind.map((k) => `screen--${k}`)].join(' ');
  useScreenOpened();
  return (
    <main className={className}>
      {title !== undefined && <ScreenTitle>{title}</ScreenTitle>}
      {children}
      {progress && (
        <div className="progress" aria-hidden="true">
          <span className="progress__bar" />
        </div>
      )}
      {actions !== undefined && <div className="screen__actions">{actions}</div>}
    </main>
  );
}

function ScreenTitle({ children }: { children: ReactNode }) {
  const heading = useFocusHeading();
  return (
    <h1 ref={heading} tabIndex={-1} className="screen__title">
      {children}
    </h1>
  );
}
