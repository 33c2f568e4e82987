/**
 * Message lookup for the guide screens (ARCHITECTURE.md §8.12), kept apart from the citizen catalogs as the
 * staff screens keep theirs (staff/i18n/): `g(id)` in the language on screen, and the catalogue's own texts
 * (LocalText) in that language, falling back to 简体中文 — which `lacks` tells, so a screen can say so.
 */
import type { Language } from '../../../../../common/kiosk-api';
import type { LocalText } from '../../../../../common/queue';
import { useI18n, type I18n } from '../../../i18n/i18n-context';
import type { MessageParams } from '../../../i18n/translate';
import { guidesEn } from './en';
import { guidesZhCN, type GuidesCatalog, type GuidesMessageId } from './zh-CN';
import { guidesZhTW } from './zh-TW';

export type { GuidesCatalog, GuidesMessageId } from './zh-CN';

export const GUIDES_CATALOGS: Readonly<Record<Language, GuidesCatalog>> = { 'zh-CN': guidesZhCN, 'zh-TW': guidesZhTW, en: guidesEn };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message in `language`; a placeholder without a value stays visible so a missing parameter is noticed. */
export function translateGuides(language: Language, id: GuidesMessageId, params?: MessageParams): string {
  const template = GUIDES_CATALOGS[language][id] ?? guidesZhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** True when `text` has nothing in `language` and is shown in 简体中文 instead. */
export function lacks(text: LocalText, language: Language): boolean {
  if (language === 'zh-CN') return false;
  const value = text[language];
  return value === undefined || value.trim() === '';
}

export interface GuidesText extends I18n {
  g(id: GuidesMessageId, params?: MessageParams): string;
  /** Some of these texts are shown in 简体中文 for want of the language on screen. */
  lacksAny(texts: readonly LocalText[]): boolean;
}

export function useGuidesText(): GuidesText {
  const i18n = useI18n();
  return {
    ...i18n,
    g: (id, params) => translateGuides(i18n.language, id, params),
    lacksAny: (texts) => texts.some((t) => lacks(t, i18n.language)),
  };
}
