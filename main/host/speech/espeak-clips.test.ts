import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../common/logger';
import type { SpeechClipResult } from '../../../common/speech';
import { EspeakClips, type EspeakClipsOptions } from './espeak-clips';
import { runEspeak, type EspeakRunner } from './espeak-run';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'speech-'));
  dirs.push(d);
  return d;
}

/** A logger that keeps every line it was given, to check no text reaches the log. */
function recordingLogger(lines: string[]): Logger {
  const write = (msg: string, fields?: object): void => void lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);
  const log: Logger = { trace: write, debug: write, info: write, warn: write, error: write, child: () => log, isEnabled: () => true };
  return log;
}

function rig(options: Partial<EspeakClipsOptions> = {}) {
  const lines: string[] = [];
  const runs: string[] = [];
  const counting: EspeakRunner = (r) => {
    runs.push(r.voice);
    return (options.run ?? runEspeak)(r);
  };
  const dataDir = options.dataDir ?? tempDir();
  const clips = new EspeakClips({ log: recordingLogger(lines), ...options, dataDir, run: counting });
  return { clips, lines, runs, dataDir, cached: () => (existsSync(join(dataDir, 'speech-cache')) ? readdirSync(join(dataDir, 'speech-cache')) : []) };
}

function wavOf(result: SpeechClipResult): Buffer {
  if (!result.ok) throw new Error(`no clip: ${result.reason}`);
  return Buffer.from(result.base64, 'base64');
}

describe('EspeakClips (issue 16 §8, real espeak-ng)', () => {
  it('speaks 简体中文 as a WAV with its real sizes in the header, then serves it from memory', async () => {
    const { clips, runs } = rig();
    const first = await clips.clip({ text: '请将身份证放在读卡区', language: 'zh-CN', cacheable: false });
    expect(first).toMatchObject({ ok: true, mime: 'audio/wav', cached: false });
    const wav = wavOf(first);
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.toString('latin1', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const dataAt = wav.indexOf('data', 12, 'latin1');
    expect(wav.readUInt32LE(dataAt + 4)).toBe(wav.length - dataAt - 8);
    expect(wav.length).toBeGreaterThan(10_000);
    expect(runs).toEqual(['cmn-latn-pinyin']);

    const again = await clips.clip({ text: '请将身份证放在读卡区', language: 'zh-CN', cacheable: false });
    expect(again).toMatchObject({ ok: true, cached: true });
    expect(runs).toHaveLength(1);
  });

  it('speaks 繁體中文 and English too', async () => {
    const { clips, runs } = rig();
    expect(wavOf(await clips.clip({ text: '請取走您的身份證', language: 'zh-TW', cacheable: true })).length).toBeGreaterThan(10_000);
    expect(wavOf(await clips.clip({ text: 'Please take your ID card', language: 'en', cacheable: true })).length).toBeGreaterThan(10_000);
    expect(runs).toEqual(['cmn-latn-pinyin', 'en']);
  });

  it('keeps a cacheable catalogue prompt on disk, where the next host finds it without espeak-ng', async () => {
    const first = rig();
    await first.clips.clip({ text: '已通知工作人员，请稍候', language: 'zh-CN', cacheable: true });
    expect(first.cached()).toHaveLength(1);
    expect(first.cached()[0]).toMatch(/^[0-9a-f]{64}\.wav$/);

    const next = rig({ dataDir: first.dataDir, bin: '/nonexistent/espeak-ng' });
    const result = await next.clips.clip({ text: '已通知工作人员，请稍候', language: 'zh-CN', cacheable: true });
    expect(result).toMatchObject({ ok: true, cached: true });
    expect(next.runs).toEqual([]);
  });

  it('never writes a clip to disk that is not cacheable, or that looks like a number, an ID or a phone', async () => {
    const { clips, cached } = rig();
    const texts = ['张三，您好', '您的号码 A0031', '证件号 52010219800101123X', '联系电话 138 1234 5678', '张*，请取走您的身份证'];
    await clips.clip({ text: texts[0] as string, language: 'zh-CN', cacheable: false });
    for (const text of texts.slice(1)) expect(await clips.clip({ text, language: 'zh-CN', cacheable: true })).toMatchObject({ ok: true });
    expect(cached()).toEqual([]);
  });

  it('never logs the text: its hash and length', async () => {
    const { clips, lines } = rig();
    await clips.clip({ text: '张三 13812345678', language: 'zh-CN', cacheable: false });
    await clips.clip({ text: '张三 13812345678', language: 'zh-CN', cacheable: false });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).not.toContain('张三');
      expect(line).not.toContain('1381234');
    }
    expect(lines.join('\n')).toMatch(/"hash":"[0-9a-f]{16}","length":14/);
  });

  it('noVoice when espeak-ng is missing, when no voice is known, or when it does not answer in time', async () => {
    expect(await rig({ bin: '/nonexistent/espeak-ng' }).clips.clip({ text: '请稍候', language: 'zh-CN', cacheable: true })).toEqual({ ok: false, reason: 'noVoice' });
    const unknown = rig({ voices: { 'zh-CN': ['no-such-voice'], 'zh-TW': [], en: [] } });
    expect(await unknown.clips.clip({ text: '请稍候', language: 'zh-CN', cacheable: true })).toEqual({ ok: false, reason: 'noVoice' });

    const slow = join(tempDir(), 'slow-espeak');
    writeFileSync(slow, '#!/bin/sh\n[ "$1" = --voices ] && exec espeak-ng --voices\nexec sleep 10\n');
    chmodSync(slow, 0o755);
    const started = performance.now();
    expect(await rig({ bin: slow, timeoutMs: 300 }).clips.clip({ text: '请稍候', language: 'zh-CN', cacheable: false })).toEqual({ ok: false, reason: 'noVoice' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('takes the first voice of the list that espeak-ng knows', async () => {
    const { clips, runs } = rig({ voices: { 'zh-CN': ['no-such-voice', 'cmn'], 'zh-TW': ['yue'], en: ['en'] } });
    expect(await clips.clip({ text: '请稍候', language: 'zh-CN', cacheable: false })).toMatchObject({ ok: true });
    expect(await clips.clip({ text: '請稍候', language: 'zh-TW', cacheable: false })).toMatchObject({ ok: true });
    expect(runs).toEqual(['cmn', 'yue']);
  });

  it('refuses a text over the limit', async () => {
    expect(await rig().clips.clip({ text: '请'.repeat(401), language: 'zh-CN', cacheable: false })).toEqual({ ok: false, reason: 'tooLong' });
  });
});

describe('EspeakClips: the queue', () => {
  it('runs at most two espeak-ng processes at once, and one for the same text asked twice', async () => {
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const run: EspeakRunner = () => {
      running++;
      most = Math.max(most, running);
      return new Promise((resolve) =>
        releases.push(() => {
          running--;
          resolve({ ok: true, wav: Buffer.alloc(64) });
        }),
      );
    };
    const { clips, runs } = rig({ run, listVoices: () => Promise.resolve(new Set(['cmn-latn-pinyin'])) });
    const texts = ['一', '二', '三', '四', '五', '一'];
    const all = Promise.all(texts.map((text) => clips.clip({ text, language: 'zh-CN', cacheable: false })));
    let done = false;
    void all.then(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 2));
      releases.shift()?.();
    }
    const results = await all;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(runs).toHaveLength(5);
    expect(most).toBe(2);
  });
});
