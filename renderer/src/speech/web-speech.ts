/**
 * The shell's own speech synthesis (window.speechSynthesis), used for a language only where it has a voice
 * for it: 简体中文 zh-CN (or zh-Hans, cmn), 繁體中文 zh-TW, else zh-HK / zh-Hant, English en-*. Kiosk shells
 * on Linux usually have none, and the host's espeak-ng clips are used instead (choose-speech.ts).
 */
import type { Language } from '../../../common/kiosk-api';
import { SpeechUnavailableError, type Speech } from './speech';

type VoiceTest = (lang: string) => boolean;

/** For each language, voice tags in order of preference (lower case, `_` read as `-`). */
const VOICE_PREFERENCE: Readonly<Record<Language, readonly VoiceTest[]>> = {
  'zh-CN': [(l) => l.startsWith('zh-cn') || l.startsWith('zh-hans'), (l) => l.startsWith('cmn'), (l) => l === 'zh'],
  'zh-TW': [(l) => l.startsWith('zh-tw'), (l) => l.startsWith('zh-hant'), (l) => l.startsWith('zh-hk') || l.startsWith('zh-mo')],
  en: [(l) => l === 'en' || l.startsWith('en-')],
};

export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

export class WebSpeech implements Speech {
  /** 1 is the shell's normal pace; the provider slows it a little in elder mode. */
  rate = 1;
  private current: { utterance: SpeechSynthesisUtterance; done(): void } | null = null;

  constructor(
    private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
    private readonly makeUtterance: UtteranceFactory = (text) => new SpeechSynthesisUtterance(text),
  ) {}

  get speaking(): boolean {
    return this.current !== null;
  }

  /** The shell's best voice for `language`, or null (voices may still be loading: asked again each time). */
  voiceFor(language: Language): SpeechSynthesisVoice | null {
    const voices = this.synth?.getVoices() ?? [];
    for (const test of VOICE_PREFERENCE[language]) {
      const voice = voices.find((v) => test(v.lang.replace(/_/gu, '-').toLowerCase()));
      if (voice) return voice;
    }
    return null;
  }

  hasVoice(language: Language): boolean {
    return this.voiceFor(language) !== null;
  }

  speak(text: string, language: Language): Promise<void> {
    const voice = this.voiceFor(language);
    const synth = this.synth;
    if (!synth || !voice) return Promise.reject(new SpeechUnavailableError('no shell voice'));
    this.stop();
    return new Promise<void>((resolve) => {
      const utterance = this.makeUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = this.rate;
      const done = (): void => {
        if (this.current?.utterance === utterance) this.current = null;
        resolve();
      };
      utterance.onend = done;
      utterance.onerror = done;
      this.current = { utterance, done };
      synth.speak(utterance);
    });
  }

  stop(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.synth?.cancel();
    current.done();
  }
}
