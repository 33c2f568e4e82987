import { useI18n } from '../i18n/i18n-context';

/** Training mode (ARCHITECTURE.md §8.5): always visible, on every screen. */
export function DemoBanner() {
  const { t } = useI18n();
  return (
    <div className="demo-banner" role="status">
      {t('demo.banner')}
    </div>
  );
}
