/**
 * Read-out fakes for renderer tests (issue 16 §8): a silent WAV for the fake host's `speech:clip`, a Web Audio
 * context that "plays" a clip until the test ends it, and a speechSynthesis with the voices a test gives it.
 */

/** 44-byte header and two silent 16-bit mono samples at 22050 Hz. */
export const SILENT_WAV_BASE64 = 'UklGRigAAABXQVZFZm10IBAAAAABAAEAIlYAAESsAAACABAAZGF0YQQAAAAAAAAA';

/** Records every clip played; `endAll()` lets them finish. Install with `installFakeAudio()`. */
export class FakeAudio {
  readonly played: number[] = [];
  private readonly sources = new Set<{ onended: (() => void) | null }>();

  endAll(): void {
    for (const s of [...this.sources]) {
      this.sources.delete(s);
      s.onended?.();
    }
  }

  get playing(): number {
    return this.sources.size;
  }

  contextClass(): typeof AudioContext {
    const audio = this;
    class FakeAudioContext {
      state = 'running';
      destination = {};
      resume(): Promise<void> {
        return Promise.resolve();
      }
      decodeAudioData(buffer: ArrayBuffer): Promise<{ length: number }> {
        return Promise.resolve({ length: buffer.byteLength });
      }
      createBufferSource() {
        const source = {
          buffer: null as { length: number } | null,
          onended: null as (() => void) | null,
          connect: () => undefined,
          start: () => {
            audio.played.push(source.buffer?.length ?? 0);
            audio.sources.add(source);
          },
          stop: () => {
            audio.sources.delete(source);
            source.onended?.();
          },
        };
        return source;
      }
    }
    return FakeAudioContext as unknown as typeof AudioContext;
  }
}

/** Puts a FakeAudio behind globalThis.AudioContext; returns it and the way to take it away again. */
export function installFakeAudio(): { audio: FakeAudio; uninstall(): void } {
  const audio = new FakeAudio();
  const before = Object.getOwnPropertyDescriptor(globalThis, 'AudioContext');
  Object.defineProperty(globalThis, 'AudioContext', { value: audio.contextClass(), configurable: true, writable: true });
  return {
    audio,
    uninstall: () => {
      if (before) Object.defineProperty(globalThis, 'AudioContext', before);
      else delete (globalThis as { AudioContext?: unknown }).AudioContext;
    },
  };
}

export interface FakeUtterance {
  text: string;
  lang: string;
  rate: number;
  voice: { lang: string } | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}

/** A speechSynthesis with the given voice tags: `spoken` holds every utterance, `finish()` ends the current one. */
export class FakeSynth {
  readonly spoken: FakeUtterance[] = [];
  private current: FakeUtterance | null = null;

  constructor(private readonly langs: string[]) {}

  getVoices(): { lang: string; name: string }[] {
    return this.langs.map((lang) => ({ lang, name: `voice ${lang}` }));
  }

  speak(u: FakeUtterance): void {
    this.spoken.push(u);
    this.current = u;
  }

  cancel(): void {
    const u = this.current;
    this.current = null;
    u?.onerror?.();
  }

  finish(): void {
    const u = this.current;
    this.current = null;
    u?.onend?.();
  }

  asSynthesis(): SpeechSynthesis {
    return this as unknown as SpeechSynthesis;
  }
}

export const makeFakeUtterance = (text: string): SpeechSynthesisUtterance =>
  ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance;
