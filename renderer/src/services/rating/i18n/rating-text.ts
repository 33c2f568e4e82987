/**
 * Message lookup for the rating panel (issue 17 §8; ARCHITECTURE.md §8.12), kept apart from the citizen
 * catalogs as the guides keep theirs (services/guides/i18n/): `r(id)` in the language on screen, and the
 * ids that word a level and a reason of the contract (common/evaluation.ts).
 */
import type { EvaluationLevel, EvaluationReason } from '../../../../../common/evaluation';
import type { Language } from '../../../../../common/kiosk-api';
import { useI18n, type I18n } from '../../../i18n/i18n-context';
import type { MessageParams } from '../../../i18n/translate';
import { ratingEn } from './en';
import { ratingZhCN, type RatingCatalog, type RatingMessageId } from './zh-CN';
import { ratingZhTW } from './zh-TW';

export type { RatingCatalog, RatingMessageId } from './zh-CN';

export const RATING_CATALOGS: Readonly<Record<Language, RatingCatalog>> = { 'zh-CN': ratingZhCN, 'zh-TW': ratingZhTW, en: ratingEn };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message in `language`; a placeholder without a value stays visible so a missing parameter is noticed. */
export function translateRating(language: Language, id: RatingMessageId, params?: MessageParams): string {
  const template = RATING_CATALOGS[language][id] ?? ratingZhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export const levelMessageId = (level: EvaluationLevel): RatingMessageId => `level.${level}`;
export const reasonMessageId = (reason: EvaluationReason): RatingMessageId => `reason.${reason}`;

export interface RatingText extends I18n {
  r(id: RatingMessageId, params?: MessageParams): string;
}

export function useRatingText(): RatingText {
  const i18n = useI18n();
  return { ...i18n, r: (id, params) => translateRating(i18n.language, id, params) };
}
