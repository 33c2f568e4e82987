/**
 * Spoken clips made with espeak-ng (issue 16 §8), for a shell whose speech synthesis has no voice in the
 * language. Every clip is kept in memory (ClipLru); one whose text the renderer marked `cacheable` and that
 * looks like nothing personal (speech-privacy.ts) is also kept on disk, `<dataDir>/speech-cache/<sha256>.wav`,
 * so the catalogue's prompts survive a restart. Personal data is never written to a file, and the text is
 * never logged: its hash and length are. At most `maxConcurrent` espeak-ng processes run at once; the rest
 * wait their turn. espeak-ng missing, failing or too slow: `noVoice`, and the 🔊 button says so.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../../../common/kiosk-api';
import type { Logger } from '../../../common/logger';
import { MAX_SPEECH_TEXT_LENGTH, type SpeechClipRequest, type SpeechClipResult } from '../../../common/speech';
import type { SpeechClipsPort } from '../api/guide-handlers';
import { ClipLru } from './clip-lru';
import { fixWavSizes, listEspeakVoices, runEspeak, type EspeakRunner, type EspeakVoiceLister } from './espeak-run';
import { mayKeepOnDisk } from './speech-privacy';

export const SPEECH_CACHE_DIR = 'speech-cache';

/**
 * espeak-ng voices per language, the first this espeak-ng knows is used. Chinese: `cmn-latn-pinyin`, because espeak-ng
 * 1.51's `cmn` turns 汉字 into pinyin and then reads that pinyin as English words; `cmn` is the fallback for a
 * build without it. 繁體中文 is read in Mandarin too (cmn reads traditional characters): it is what Taiwan
 * speaks, and `yue` would suit only Cantonese speakers.
 */
export const ESPEAK_VOICES: Readonly<Record<Language, readonly string[]>> = {
  'zh-CN': ['cmn-latn-pinyin', 'cmn'],
  'zh-TW': ['cmn-latn-pinyin', 'cmn'],
  en: ['en'],
};

export interface EspeakClipsOptions {
  /** The host's data folder; the disk cache is its `speech-cache/`. Without it, memory only. */
  dataDir?: string;
  log: Logger;
  bin?: string;
  /** espeak-ng `-s`, words per minute: a little under its 175, for a hall. */
  speedWpm?: number;
  timeoutMs?: number;
  maxConcurrent?: number;
  memoryEntries?: number;
  memoryBytes?: number;
  /** Clip files the disk cache may hold; beyond that, clips stay in memory only. */
  maxDiskClips?: number;
  voices?: Readonly<Record<Language, readonly string[]>>;
  /** Tests swap the process runner and the voice list. */
  run?: EspeakRunner;
  listVoices?: EspeakVoiceLister;
}

const MAX_CLIP_BYTES = 16 * 1024 * 1024;

export class EspeakClips implements SpeechClipsPort {
  private readonly memory: ClipLru;
  private readonly inFlight = new Map<string, Promise<SpeechClipResult>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  /** The voices espeak-ng knows, asked once (`espeak-ng --voices`). */
  private known: Promise<Set<string> | null> | null = null;
  private diskClips: number | null = null;

  constructor(private readonly options: EspeakClipsOptions) {
    this.memory = new ClipLru(options.memoryEntries ?? 200, options.memoryBytes ?? 64 * 1024 * 1024);
  }

  clip(request: SpeechClipRequest): Promise<SpeechClipResult> {
    if (request.text.length > MAX_SPEECH_TEXT_LENGTH) return Promise.resolve({ ok: false, reason: 'tooLong' });
    const text = request.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, ' ').trim();
    if (text === '') return Promise.resolve({ ok: false, reason: 'noVoice' });
    const key = this.keyOf(text, request.language);
    const remembered = this.memory.get(key);
    if (remembered !== undefined) {
      this.options.log.debug('speech clip from memory', { hash: key.slice(0, 16), length: text.length });
      return Promise.resolve({ ok: true, mime: 'audio/wav', base64: remembered, cached: true });
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const made = this.make(key, text, request.language, mayKeepOnDisk(text, request.cacheable)).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, made);
    return made;
  }

  private keyOf(text: string, language: Language): string {
    return createHash('sha256').update(`${language}\u0000${this.speedWpm}\u0000${text}`).digest('hex');
  }

  private get speedWpm(): number {
    return this.options.speedWpm ?? 160;
  }

  private get cacheDir(): string | null {
    return this.options.dataDir === undefined ? null : join(this.options.dataDir, SPEECH_CACHE_DIR);
  }

  private async make(key: string, text: string, language: Language, onDisk: boolean): Promise<SpeechClipResult> {
    const fields = { hash: key.slice(0, 16), length: text.length, language };
    const file = this.cacheDir === null ? null : join(this.cacheDir, `${key}.wav`);
    if (onDisk && file !== null) {
      const kept = await readFile(file).catch(() => null);
      if (kept !== null && kept.toString('latin1', 0, 4) === 'RIFF') {
        const base64 = kept.toString('base64');
        this.memory.set(key, base64);
        this.options.log.debug('speech clip from disk', fields);
        return { ok: true, mime: 'audio/wav', base64, cached: true };
      }
    }
    const wav = await this.queued(() => this.speak(text, language));
    if (wav === null) {
      this.options.log.warn('no speech clip: espeak-ng missing or failed', fields);
      return { ok: false, reason: 'noVoice' };
    }
    const base64 = wav.toString('base64');
    this.memory.set(key, base64);
    if (onDisk && file !== null) await this.keep(file, wav, fields);
    this.options.log.debug('speech clip made', { ...fields, bytes: wav.length, onDisk });
    return { ok: true, mime: 'audio/wav', base64, cached: false };
  }

  /** Speaks with the language's first voice that this espeak-ng knows; null without espeak-ng or a voice. */
  private async speak(text: string, language: Language): Promise<Buffer | null> {
    const bin = this.options.bin ?? 'espeak-ng';
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    this.known ??= (this.options.listVoices ?? listEspeakVoices)(bin, timeoutMs);
    const known = await this.known;
    if (known === null) {
      this.known = null; // installed later, or answering again: asked anew next time
      return null;
    }
    const voice = (this.options.voices ?? ESPEAK_VOICES)[language].find((v) => known.has(v.toLowerCase()));
    if (voice === undefined) return null;
    const result = await (this.options.run ?? runEspeak)({ bin, voice, speedWpm: this.speedWpm, text, timeoutMs, maxBytes: MAX_CLIP_BYTES });
    if (result.ok) return fixWavSizes(result.wav);
    this.options.log.debug('espeak-ng gave no clip', { voice, detail: result.detail });
    return null;
  }

  private async keep(file: string, wav: Buffer, fields: Record<string, unknown>): Promise<void> {
    const dir = this.cacheDir as string;
    try {
      await mkdir(dir, { recursive: true });
      this.diskClips ??= (await readdir(dir)).filter((f) => f.endsWith('.wav')).length;
      if (this.diskClips >= (this.options.maxDiskClips ?? 2_000)) return;
      const partial = `${file}.${process.pid}.part`;
      await writeFile(partial, wav);
      await rename(partial, file);
      this.diskClips++;
    } catch (err) {
      this.options.log.warn('speech clip not kept on disk', { ...fields, error: (err as NodeJS.ErrnoException).code ?? 'error' });
    }
  }

  /** A finished run hands its slot straight to the next in line, so no newcomer slips in between. */
  private async queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= (this.options.maxConcurrent ?? 2)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
