/**
 * 🔊 朗读 in the top bar (issue 16 §8): reads the current screen's prompt aloud (speech-context.tsx), and
 * while it reads, a second press stops it. Named by its visible label (the glyph is hidden from screen
 * readers; drawn, since a kiosk's fonts may have no emoji); without a voice here or at the host it says so
 * next to it.
 */
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { useSpeech } from '../speech/speech-context';

export function SpeakButton() {
  const { t } = useI18n();
  const speech = useSpeech();
  return (
    <>
      <Button variant="toggle" modifier="button--speak" pressed={speech.speaking} onClick={() => (speech.speaking ? speech.stop() : speech.readPrompt())}>
        <SpeakerIcon />
        {t('speech.read')}
      </Button>
      {speech.unavailable && (
        <span className="top-bar__notice" role="status">
          {t('speech.unavailable')}
        </span>
      )}
    </>
  );
}

/** A loudspeaker with sound waves, in the text colour. */
function SpeakerIcon() {
  return (
    <svg aria-hidden="true" className="button__glyph" width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" />
    </svg>
  );
}
