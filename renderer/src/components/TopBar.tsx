import type { HelpCallResult } from '../../../common/guides-api';
import type { LocalText } from '../../../common/queue';
import { useI18n } from '../i18n/i18n-context';
import { ElderToggle } from './ElderToggle';
import { HelpButton } from './HelpButton';
import { HostClock } from './HostClock';
import { SpeakButton } from './SpeakButton';

export interface TopBarProps {
  hallName: LocalText;
  kioskName: LocalText;
  elder: boolean;
  onElder(on: boolean): void;
  /** 呼叫帮助: the host raises a staff alert (help:call). */
  onHelp(): Promise<HelpCallResult>;
  /** The host's session id (the help notice goes with its session). */
  sessionId: string | null;
}

/** On every citizen screen: where the citizen is, the time, and 🔊 朗读, 呼叫帮助, 长辈模式 (issue 16 §7, §8). */
export function TopBar({ hallName, kioskName, elder, onElder, onHelp, sessionId }: TopBarProps) {
  const { text } = useI18n();
  return (
    <header className="top-bar">
      <div className="top-bar__names">
        <span className="top-bar__hall">{text(hallName)}</span>{' '}
        <span className="top-bar__kiosk">{text(kioskName)}</span>
      </div>
      <HostClock />
      <div className="top-bar__actions">
        <SpeakButton />
        <HelpButton onCall={onHelp} sessionId={sessionId} />
        <ElderToggle on={elder} onChange={onElder} />
      </div>
    </header>
  );
}
