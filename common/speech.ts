/**
 * Read-out (issue 16 §8). The renderer's `Speech` speaks a prompt in the chosen language: through the shell's
 * speech synthesis where it has a voice for that language, otherwise through clips the host makes with
 * espeak-ng. The host caches clips in memory and on disk only for texts it knows (the renderer's prompts and
 * the catalogue): nothing personal is ever spoken into a file.
 */
import type { Language } from './kiosk-api';

export const MAX_SPEECH_TEXT_LENGTH = 400;

export interface SpeechClipRequest {
  text: string;
  language: Language;
  /** A prompt from the message catalogues or the guide catalogue: the host may keep its clip on disk. */
  cacheable: boolean;
}

/** A WAV clip, base64; or why the host has no voice (espeak-ng missing: the 🔊 button says so). */
export type SpeechClipResult = { ok: true; mime: 'audio/wav'; base64: string; cached: boolean } | { ok: false; reason: 'noVoice' | 'tooLong' };
