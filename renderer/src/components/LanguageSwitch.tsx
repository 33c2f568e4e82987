import type { Language } from '../../../common/kiosk-api';
import { useI18n } from '../i18n/i18n-context';
import { languageNameId, LANGUAGE_ORDER, translate } from '../i18n/translate';
import { Button } from '../primitives/Button';

/** One real button per language the hall offers, each named in its own language (and `lang`-tagged). */
export function LanguageSwitch({ languages, onChoose }: { languages: readonly Language[]; onChoose(language: Language): void }) {
  const { t, language: current } = useI18n();
  const offered = LANGUAGE_ORDER.filter((l) => languages.includes(l));
  if (offered.length < 2) return null;
  return (
    <nav className="language-switch" aria-labelledby="language-switch-label">
      <span id="language-switch-label" className="language-switch__label">
        {t('home.language')}
      </span>
      <div className="language-switch__buttons">
        {offered.map((language) => (
          <Button key={language} variant="language" lang={language} pressed={language === current} onClick={() => onChoose(language)}>
            {translate(language, languageNameId(language))}
          </Button>
        ))}
      </div>
    </nav>
  );
}
