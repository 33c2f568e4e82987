/**
 * 去办理 for an item done online only: the online entry's QR code (drawn by the host) to scan with a phone, and
 * its address, large, for a phone without a scanner.
 */
import type { QrSvg } from '../../../../common/guides-api';
import { Screen } from '../../primitives/Screen';
import { joinSentences } from '../../speech/speech';
import { useScreenPrompt } from '../../speech/speech-context';
import { BackButton } from './GuideFrame';
import { useGuidesText } from './i18n/guides-text';
import { OnlineAddress } from './item-sections';

export function OnlineScreen({ url, qr, onBack }: { url: string; qr?: QrSvg | undefined; onBack(): void }) {
  const { g, language } = useGuidesText();
  useScreenPrompt(joinSentences(language, g('online.title'), g('online.hint')), { cacheable: true });
  return (
    <Screen kind={['guides', 'guides-online-page']} title={g('online.title')} actions={<BackButton onBack={onBack} />}>
      <p className="screen__lead">{g('online.hint')}</p>
      <OnlineAddress url={url} qr={qr} />
    </Screen>
  );
}
