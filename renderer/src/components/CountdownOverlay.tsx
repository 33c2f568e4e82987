import { useEffect, useRef } from 'react';
import { useHostNow } from '../app/host-time';
import { useI18n } from '../i18n/i18n-context';

/** Whole seconds left until the host ends the session, never negative. */
export function secondsLeft(endsAtMs: number, hostNowMs: number): number {
  return Math.max(0, Math.ceil((endsAtMs - hostNowMs) / 1_000));
}

/**
 * The host's idle warning (ARCHITECTURE.md §8.6): the host decides when it starts and ends; this only counts
 * down against the host clock and offers "continue", which reports activity.
 */
export function CountdownOverlay({ endsAtMs, onContinue }: { endsAtMs: number; onContinue(): void }) {
  const { t } = useI18n();
  const hostNow = useHostNow(250);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="countdown-title" aria-describedby="countdown-body">
        <h2 id="countdown-title" className="dialog__title">
          {t('countdown.title')}
        </h2>
        <p id="countdown-body" className="dialog__body">
          {t('countdown.body', { seconds: secondsLeft(endsAtMs, hostNow) })}
        </p>
        <button ref={button} type="button" className="button button--primary button--large" onClick={onContinue}>
          {t('countdown.continue')}
        </button>
      </div>
    </div>
  );
}
