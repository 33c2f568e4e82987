/**
 * Read-out through the host (issue 16 §8): `speech:clip` makes a WAV with espeak-ng, played here with the Web
 * Audio API. (Not an <audio> element: the renderer's Content Security Policy, default-src 'self', allows no
 * data: or blob: media, and decoding the bytes needs no URL at all.) A long text goes as several clips.
 */
import type { KioskApi, Language } from '../../../common/kiosk-api';
import { MAX_SPEECH_TEXT_LENGTH } from '../../../common/speech';
import { splitForSpeech, SpeechUnavailableError, type SpeakOptions, type Speech } from './speech';

export interface ClipPlayer {
  /** Plays one WAV; settles when it ended or was stopped. */
  play(wav: Uint8Array): Promise<void>;
  stop(): void;
}

export class HostClipSpeech implements Speech {
  private token = 0;
  private active = false;

  constructor(
    private readonly api: Pick<KioskApi, 'call'>,
    private readonly player: ClipPlayer = new WebAudioClipPlayer(),
  ) {}

  get speaking(): boolean {
    return this.active;
  }

  async speak(text: string, language: Language, opts: SpeakOptions = {}): Promise<void> {
    this.stop();
    const token = ++this.token;
    this.active = true;
    try {
      for (const piece of splitForSpeech(text, MAX_SPEECH_TEXT_LENGTH)) {
        const clip = await this.api.call('speech:clip', { text: piece, language, cacheable: opts.cacheable === true });
        if (token !== this.token) return;
        if (!clip.ok) throw new SpeechUnavailableError(clip.reason);
        await this.player.play(base64Bytes(clip.base64));
        if (token !== this.token) return;
      }
    } finally {
      if (token === this.token) this.active = false;
    }
  }

  stop(): void {
    this.token++;
    this.active = false;
    this.player.stop();
  }
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Plays WAV bytes on one AudioContext, made at the first clip. */
export class WebAudioClipPlayer implements ClipPlayer {
  private context: AudioContext | null = null;
  private playing: { source: AudioBufferSourceNode | null; done(): void } | null = null;

  async play(wav: Uint8Array): Promise<void> {
    this.stop();
    const Context = globalThis.AudioContext as typeof AudioContext | undefined;
    if (Context === undefined) throw new SpeechUnavailableError('no audio output');
    const context = (this.context ??= new Context());
    let done!: () => void;
    const ended = new Promise<void>((resolve) => (done = resolve));
    const playing: { source: AudioBufferSourceNode | null; done(): void } = { source: null, done };
    this.playing = playing;
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    const buffer = await context.decodeAudioData(wav.slice().buffer);
    if (this.playing !== playing) return; // stopped while decoding
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.onended = () => {
      if (this.playing === playing) this.playing = null;
      done();
    };
    playing.source = source;
    source.start();
    return ended;
  }

  stop(): void {
    const playing = this.playing;
    if (!playing) return;
    this.playing = null;
    try {
      playing.source?.stop();
    } catch {
      // not started yet, or already ended
    }
    playing.done();
  }
}
