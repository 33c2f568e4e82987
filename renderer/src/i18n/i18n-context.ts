/** The current language for components: `t(id, params)` and `text(localText)` bound to it. */
import { createContext, useContext } from 'react';
import type { Language } from '../../../common/kiosk-api';
import type { LocalText } from '../../../common/queue';
import { DEFAULT_LANGUAGE, localText, translate, type MessageId, type MessageParams } from './translate';

export interface I18n {
  language: Language;
  t(id: MessageId, params?: MessageParams): string;
  text(value: LocalText): string;
}

export function makeI18n(language: Language): I18n {
  return {
    language,
    t: (id, params) => translate(language, id, params),
    text: (value) => localText(value, language),
  };
}

export const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANGUAGE));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
