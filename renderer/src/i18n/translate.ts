/**
 * Message lookup and interpolation (ARCHITECTURE.md §8.12): `{name}` placeholders, hall-configured
 * LocalText picked by language with zh-CN as the fallback, and the ids that word error codes and closed reasons.
 */
import type { ErrorCode } from '../../../common/errors';
import type { Language } from '../../../common/kiosk-api';
import type { ClosedReason, LocalText } from '../../../common/queue';
import { en } from './en';
import { zhCN, type Catalog, type MessageId } from './zh-CN';
import { zhTW } from './zh-TW';

export type { MessageId } from './zh-CN';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';
/** The order the language switch shows them in (简体中文 first, domain.md). */
export const LANGUAGE_ORDER: readonly Language[] = ['zh-CN', 'zh-TW', 'en'];

export const CATALOGS: Readonly<Record<Language, Catalog>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Date and time templates filled by the date formatter (date-format.ts), which always supplies this set;
 * each language uses the subset its word order needs (zh: 3月14日, en: 2025-03-14).
 */
export const DATE_TEMPLATE_IDS: ReadonlySet<MessageId> = new Set<MessageId>(['clock.date', 'clock.time', 'time.today', 'time.tomorrow', 'time.date']);
export const DATE_TEMPLATE_PARAMS: readonly string[] = ['year', 'month', 'day', 'month2', 'day2', 'weekday', 'hour', 'minute', 'time'];

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).sort();
}

/** The message in `language`; a placeholder without a value stays visible so a missing parameter is noticed. */
export function translate(language: Language, id: MessageId, params?: MessageParams): string {
  const template = CATALOGS[language][id] ?? zhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Hall-configured text in `language`, else zh-CN (common/queue.ts: zh-CN is always present). */
export function localText(text: LocalText, language: Language): string {
  const value = language === 'zh-CN' ? undefined : text[language];
  return value !== undefined && value.trim() !== '' ? value : text['zh-CN'];
}

export function errorMessageId(code: ErrorCode): MessageId {
  return `error.${code}`;
}

export function closedReasonMessageId(reason: ClosedReason): MessageId {
  return `closed.${reason}`;
}

export function languageNameId(language: Language): MessageId {
  return `language.${language}`;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_ORDER as readonly string[]).includes(value);
}
