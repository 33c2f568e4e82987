/**
 * One espeak-ng run: the text goes in on stdin (never on the command line, never through a shell), the WAV
 * comes out on stdout. Bounded in time (killed after `timeoutMs`) and in size (killed past `maxBytes`).
 */
import { spawn } from 'node:child_process';

export interface EspeakRunRequest {
  bin: string;
  voice: string;
  /** Words per minute (espeak-ng `-s`). */
  speedWpm: number;
  text: string;
  timeoutMs: number;
  maxBytes: number;
}

/** `missing`: no espeak-ng binary; `failed`: it ran and gave no clip (unknown voice, killed, crashed). */
export type EspeakRunResult = { ok: true; wav: Buffer } | { ok: false; reason: 'missing' | 'failed'; detail: string };

export type EspeakRunner = (request: EspeakRunRequest) => Promise<EspeakRunResult>;
export type EspeakVoiceLister = (bin: string, timeoutMs: number) => Promise<Set<string> | null>;

/** Runs espeak-ng once. The detail never carries the text (nor espeak's stderr, which may echo it). */
export const runEspeak: EspeakRunner = (request) =>
  new Promise((resolve) => {
    const args = ['-v', request.voice, '-s', String(request.speedWpm), '--stdin', '--stdout'];
    const child = spawn(request.bin, args, { stdio: ['pipe', 'pipe', 'ignore'], shell: false, timeout: request.timeoutMs, killSignal: 'SIGKILL' });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (result: EspeakRunResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish(err.code === 'ENOENT' ? { ok: false, reason: 'missing', detail: 'espeak-ng not found' } : { ok: false, reason: 'failed', detail: err.code ?? 'spawn error' });
    });
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > request.maxBytes) {
        child.kill('SIGKILL');
        finish({ ok: false, reason: 'failed', detail: `clip over ${request.maxBytes} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    child.on('close', (code, signal) => {
      if (code === 0 && bytes > 44) finish({ ok: true, wav: Buffer.concat(chunks) });
      else finish({ ok: false, reason: 'failed', detail: signal ? `killed (${signal})` : `exit ${code ?? '?'}, ${bytes} bytes` });
    });
    child.stdin.on('error', () => undefined); // a child that died early: its close event tells
    child.stdin.end(request.text, 'utf8');
  });

/**
 * The voices this espeak-ng knows (`--voices`): each one's language name and its file's name, lower case
 * (`cmn-latn-pinyin`, `en-gb`, `en`); null when espeak-ng is not there or does not answer. Asked first because an
 * unknown `-v` is not reliably refused: espeak-ng may speak the text in its default voice instead.
 */
export function listEspeakVoices(bin: string, timeoutMs: number): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    const child = spawn(bin, ['--voices'], { stdio: ['ignore', 'pipe', 'ignore'], shell: false, timeout: timeoutMs, killSignal: 'SIGKILL' });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (out.length < 1_000_000) out += chunk;
    });
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      if (code !== 0) return resolve(null);
      const names = new Set<string>();
      for (const line of out.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/u);
        if (cols.length < 5) continue;
        names.add((cols[1] as string).toLowerCase());
        names.add((cols[4] as string).split('/').pop()!.toLowerCase());
      }
      resolve(names);
    });
  });
}

/**
 * espeak-ng streams its WAV, so the RIFF and data sizes in the header are placeholders (0x7fffffff-ish).
 * Browsers differ in how they take that: the sizes are set to the real ones, in place.
 */
export function fixWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') return wav;
  wav.writeUInt32LE(wav.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('latin1', offset, offset + 4);
    if (id === 'data') {
      wav.writeUInt32LE(wav.length - offset - 8, offset + 4);
      break;
    }
    const size = wav.readUInt32LE(offset + 4);
    offset += 8 + size + (size % 2);
  }
  return wav;
}
