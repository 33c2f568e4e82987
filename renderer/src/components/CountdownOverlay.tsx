import { useHostNow } from '../app/host-time';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { Dialog } from '../primitives/Dialog';

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
  return (
    <Dialog title={t('countdown.title')} body={t('countdown.body', { seconds: secondsLeft(endsAtMs, hostNow) })}>
      <Button variant="primary" large onClick={onContinue}>
        {t('countdown.continue')}
      </Button>
    </Dialog>
  );
}
