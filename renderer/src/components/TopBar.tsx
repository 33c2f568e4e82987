import type { LocalText } from '../../../common/queue';
import { useI18n } from '../i18n/i18n-context';
import { HostClock } from './HostClock';

export function TopBar({ hallName, kioskName }: { hallName: LocalText; kioskName: LocalText }) {
  const { text } = useI18n();
  return (
    <header className="top-bar">
      <div className="top-bar__names">
        <span className="top-bar__hall">{text(hallName)}</span>{' '}
        <span className="top-bar__kiosk">{text(kioskName)}</span>
      </div>
      <HostClock />
    </header>
  );
}
