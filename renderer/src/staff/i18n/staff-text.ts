/**
 * Message lookup for the staff screens (ARCHITECTURE.md §8.12), in the language on screen (the citizen
 * I18nProvider's: renderer/src/i18n/i18n-context.ts), with the citizen catalogs' `{name}` placeholders.
 * Staff strings live in this catalog only; the citizen ones (keypad keys, error texts, service names) are
 * reached through `t` as usual.
 */
import type { Language } from '../../../../common/kiosk-api';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import type { MessageParams } from '../../i18n/translate';
import { staffEn } from './en';
import { staffZhCN, type StaffCatalog, type StaffMessageId } from './zh-CN';
import { staffZhTW } from './zh-TW';

export type { StaffCatalog, StaffMessageId } from './zh-CN';

export const STAFF_CATALOGS: Readonly<Record<Language, StaffCatalog>> = { 'zh-CN': staffZhCN, 'zh-TW': staffZhTW, en: staffEn };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message in `language`; a placeholder without a value stays visible so a missing parameter is noticed. */
export function translateStaff(language: Language, id: StaffMessageId, params?: MessageParams): string {
  const template = STAFF_CATALOGS[language][id] ?? staffZhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export interface StaffText extends I18n {
  /** A staff message in the language on screen. */
  s(id: StaffMessageId, params?: MessageParams): string;
}

export function useStaffText(): StaffText {
  const i18n = useI18n();
  return { ...i18n, s: (id, params) => translateStaff(i18n.language, id, params) };
}
