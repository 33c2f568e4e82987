/**
 * What the diagnostic bundle must not carry (issue 15 §3 "every ID number and name masked and PIN hashes and
 * tokens left out"; ARCHITECTURE.md §8.7): secrets are removed (by key, and by shape: scrypt hashes, bearer
 * tokens, private keys), ID numbers masked with common/mask.ts wherever they are, and every name known in the
 * session masked (maskName) — as text and as the forms a frame dump or a careless log line may have written
 * it in: JSON escapes, hex of its UTF-8, UTF-16LE and GB18030 bytes (plain or spaced, either case) and base64.
 * A final pass over the serialized bundle repeats the ID and known-data masking, so a field walked wrongly
 * cannot leak.
 */
import { maskForLog, maskIdNumbersInText, maskName } from '../../../common/mask';
import { encodeGb18030 } from '../../../drivers/protocol/escpos/gb18030';

/** Keys whose values are secrets (config-types.ts: staff `pinHash`, the calling system's `tokenEnv`, zfm `password` …). */
const SECRET_WORDS = /pin.?hash|token|secret|passw(or)?d|passphrase|credential|private.?key|api.?key|cookie|authori[sz]ation/iu;
/** `key`, `hmacKey`, `kiosk_key`: case matters, so `monkey` and `keyboard` stay. */
const KEY_NAMES = /^key$|^KEY$|[a-z0-9]Key$|_key$|_KEY$/u;

export function isSecretKey(key: string): boolean {
  return SECRET_WORDS.test(key) || KEY_NAMES.test(key);
}

/** Keys whose string values are a person's name: a staff account's `name`, a card holder's. */
const NAME_KEY = /^(name|holderName|citizenName|chineseName|englishName|staffName)$/u;

export const REMOVED = '[removed]';

/** Secrets by shape, whatever key (or log line) they sit in. */
const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/scrypt\$[^\s"',;]+/gu, REMOVED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gu, `$1 ${REMOVED}`],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/gu, REMOVED],
  // Credentials in an address (the platform's baseUrl, a proxy): user:password@ and token-like query values
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@"']+:[^/\s@"']+@/giu, `$1${REMOVED}@`],
  [/([?&](?:access_token|token|key|api_key|apikey|sig|signature|secret|password)=)[^&\s"']+/giu, `$1${REMOVED}`],
];

function unshapeSecrets(text: string): string {
  return SECRET_SHAPES.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** A copy of `value` without secret keys, names masked, every string cleared of secret shapes. */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return unshapeSecrets(value);
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (isSecretKey(k)) continue;
    out[k] = NAME_KEY.test(k) && typeof v === 'string' ? maskName(v) : withoutSecrets(v);
  }
  return out;
}

/** Chinese text: a `name` field holding it in a log line is a person's name, masked like one. */
const HAN = /^[\u3400-\u9fff\uf900-\ufaff·]{2,}$/u;

/**
 * One log line: secret fields and shapes removed (a JSON line's `"token":"…"` too), a name field in Chinese
 * masked (`"name":"张三"` → `"name":"张*"`), IDs masked.
 */
export function scrubLogLine(line: string): string {
  const fields = line.replace(/"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/gu, (m, key: string, value: string) => {
    if (isSecretKey(key)) return `"${key}":"${REMOVED}"`;
    if (NAME_KEY.test(key) && HAN.test(value)) return `"${key}":"${maskName(value)}"`;
    return m;
  });
  return maskIdNumbersInText(unshapeSecrets(fields));
}

/** Personal data known in the session: citizens' names (and ID numbers, masked by pattern anyway). */
export interface KnownPersonalData {
  names: readonly string[];
  idNumbers: readonly string[];
}

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const spaced = (hex: string): string => hex.replace(/(..)(?!$)/gu, '$1 ');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** base64 of `bytes` at offset k of its 3-byte group: only the characters that depend on `bytes` alone. */
function base64Core(bytes: Uint8Array, k: 0 | 1 | 2): string {
  const all = new Uint8Array(k + bytes.length);
  all.set(bytes, k);
  const full = Buffer.from(all).toString('base64');
  const start = k === 0 ? 0 : 4;
  const end = 4 * Math.floor((k + bytes.length) / 3);
  return end > start ? full.slice(start, end) : '';
}

/** Shorter forms would match by chance in a large bundle. */
const MIN_FORM_CHARS = 6;

/** Each datum's written forms, longest first, with what replaces it. */
function knownForms(data: KnownPersonalData): Array<[string, string]> {
  const forms: Array<[string, string]> = [];
  const add = (form: string, replacement: string): void => {
    if (form.length >= MIN_FORM_CHARS || (form.length >= 2 && /[^\x00-\x7f]/u.test(form))) forms.push([form, replacement]);
  };
  const all: Array<[string, string]> = [
    ...data.names.filter((n) => Array.from(n).length >= 2).map((n): [string, string] => [n, maskName(n)]),
    ...data.idNumbers.filter((n) => n.length >= 8).map((n): [string, string] => [n, '[ID masked]']),
  ];
  for (const [text, masked] of all) {
    add(text, masked);
    const escaped = Array.from(text, (ch) => (ch.charCodeAt(0) < 0x80 ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');
    if (escaped !== text) {
      add(escaped, masked);
      add(escaped.replace(/\\u([0-9a-f]{4})/gu, (_, h: string) => `\\u${h.toUpperCase()}`), masked);
    }
    for (const bytes of [new TextEncoder().encode(text), utf16le(text), encodeGb18030(text)]) {
      const hex = toHex(bytes);
      for (const h of [hex, hex.toUpperCase()]) {
        add(h, '[masked]');
        add(spaced(h), '[masked]');
      }
      for (const k of [0, 1, 2] as const) {
        const core = base64Core(bytes, k);
        add(core, '[masked]');
        add(core.replace(/\+/gu, '-').replace(/\//gu, '_'), '[masked]');
      }
    }
  }
  return forms.sort((a, b) => b[0].length - a[0].length);
}

/** Hex of ID-like digit runs that nobody masked: ASCII (`35 32 30 …`) and UTF-16LE (`35 00 32 00 …`), 15+ digits. */
const ID_HEX = [/(?:3[0-9] ?){14,}(?:3[0-9]|[57]8)/giu, /(?:3[0-9] ?00 ?){14,}(?:3[0-9]|[57]8) ?00/giu];

/**
 * The last pass over the bundle's text. `keep`: strings to leave exactly as they are (the audit head's hash,
 * whose hex digits could by chance form an ID-like run).
 */
export function scrubText(text: string, data: KnownPersonalData, keep: readonly string[] = []): string {
  const held = keep.filter((k) => k.length > 0);
  let out = text;
  held.forEach((k, i) => (out = out.split(k).join(`\u0000keep${i}\u0000`)));
  for (const [form, to] of knownForms(data)) out = out.replace(new RegExp(escapeRe(form), 'gu'), to);
  for (const re of ID_HEX) out = out.replace(re, '[hex masked]');
  out = unshapeSecrets(maskIdNumbersInText(out));
  held.forEach((k, i) => (out = out.split(`\u0000keep${i}\u0000`).join(k)));
  return out;
}

/** Any value made safe to serialize: secrets out, names and IDs masked (common/mask.ts maskForLog after). */
export function scrubValue(value: unknown): unknown {
  return maskForLog(withoutSecrets(value), 12);
}
