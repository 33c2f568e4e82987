import { useEffect, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../common/kiosk-api';
import { I18nContext, makeI18n } from './i18n-context';
import { translate } from './translate';

/** Provides the language and keeps `<html lang>` and the title in step with it (ARCHITECTURE.md §8.12). */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.title');
  }, [language]);
  return <I18nContext value={value}>{children}</I18nContext>;
}
