import { useI18n } from '../i18n/i18n-context';
import { Screen } from '../primitives/Screen';

/**
 * Shown when the page has no way to reach the host at all (no bridge, no token), or when the host has said
 * nothing for its `hostLostAfterMs` (`paused`: 暂停服务 while the supervisor brings it back).
 */
export function OutOfServiceScreen({ paused = false }: { paused?: boolean }) {
  const { t } = useI18n();
  return (
    <Screen kind={['centered']} title={t(paused ? 'app.paused.title' : 'app.unavailable.title')}>
      <p className="screen__lead">{t(paused ? 'app.paused.body' : 'app.unavailable.body')}</p>
    </Screen>
  );
}
