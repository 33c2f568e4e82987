/**
 * Read-out (issue 16 §8, domain.md "Elder-friendly"): one `Speech` speaks a prompt in the citizen's language,
 * through the shell's speech synthesis where it has a voice for that language (web-speech.ts), else through
 * clips the host makes with espeak-ng (host-clip-speech.ts). `cacheable` lets the host keep the clip on disk:
 * only for catalogue and guide texts, never for anything with a name or a number of the citizen in it.
 */
import type { Language } from '../../../common/kiosk-api';

export interface SpeakOptions {
  cacheable?: boolean;
}

export interface Speech {
  /** Stops whatever this speech was saying, then says `text`; settles when it is done or stopped. */
  speak(text: string, language: Language, opts?: SpeakOptions): Promise<void>;
  stop(): void;
  readonly speaking: boolean;
}

/** There is no voice for the language here (no shell voice, and the host has none either). */
export class SpeechUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`no voice: ${reason}`);
    this.name = 'SpeechUnavailableError';
  }
}

/**
 * Parts of a prompt (a title, a lead) as one text of sentences: a part without an end mark gets one, so
 * both kinds of voice pause between them.
 */
export function joinSentences(language: Language, ...parts: (string | null | undefined)[]): string {
  const end = language === 'en' ? '.' : '。';
  return parts
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .map((p) => (/[。！？.!?：:，,；;]$/u.test(p) ? p : `${p}${end}`))
    .join(' ');
}

/** Splits after a sentence's end mark, keeping it. */
const SENTENCE_END = /(?<=[。！？；!?;.\n])/u;

/** Splits a long text at sentence ends into pieces of at most `max` characters (a sentence longer than that is cut). */
export function splitForSpeech(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of text.split(SENTENCE_END)) {
    if (current.length + sentence.length <= max) {
      current += sentence;
      continue;
    }
    if (current.trim() !== '') pieces.push(current.trim());
    current = '';
    let rest = sentence;
    while (rest.length > max) {
      pieces.push(rest.slice(0, max).trim());
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current.trim() !== '') pieces.push(current.trim());
  return pieces.filter((p) => p !== '');
}
