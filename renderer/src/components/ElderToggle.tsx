import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';

/**
 * 长辈模式 in the top bar (ARCHITECTURE.md §8.15): larger type, larger targets, higher contrast for the
 * citizen at the kiosk now. A toggle (aria-pressed) named by its visible label, showing the host's session
 * setting (`session:elder`, which also gives longer before the idle countdown); it ends with the session.
 */
export function ElderToggle({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const { t } = useI18n();
  return (
    <Button variant="toggle" pressed={on} onClick={() => onChange(!on)}>
      <span aria-hidden="true" className="toggle__mark" />
      {t('elder.toggle')}
    </Button>
  );
}
