import type { LocalText } from '../../../common/queue';
import { useI18n } from '../i18n/i18n-context';
import { ElderToggle } from './ElderToggle';
import { HostClock } from './HostClock';

export interface TopBarProps {
  hallName: LocalText;
  kioskName: LocalText;
  elder: boolean;
  onElder(on: boolean): void;
}

export function TopBar({ hallName, kioskName, elder, onElder }: TopBarProps) {
  const { text } = useI18n();
  return (
    <header className="top-bar">
      <div className="top-bar__names">
        <span className="top-bar__hall">{text(hallName)}</span>{' '}
        <span className="top-bar__kiosk">{text(kioskName)}</span>
      </div>
      <HostClock />
      <ElderToggle on={elder} onChange={onElder} />
    </header>
  );
}
