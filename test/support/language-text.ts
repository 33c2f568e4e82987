/**
 * Missing translations on screen (issue 13 §6): visible text whose script does not match the language of its
 * element (`lang` on the element or its nearest ancestor, else the document's). English text must hold no Han
 * character; 繁體中文 text no character that only the 简体 texts use, and the other way round. "Only" is
 * measured on the message catalogs (the citizen's, the staff and the guide screens'), the hall's configured texts (default-config.ts)
 * and the shipped guide catalogue's (content/guides/catalogue.json), the language names
 * left out (each is shown in its own language, `lang`-tagged).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { CATALOGS } from '../../renderer/src/i18n/translate';
import { CERTIFICATES_CATALOGS } from '../../renderer/src/services/certificates/i18n/certificates-text';
import { GUIDES_CATALOGS } from '../../renderer/src/services/guides/i18n/guides-text';
import { RATING_CATALOGS } from '../../renderer/src/services/rating/i18n/rating-text';
import { STAFF_CATALOGS } from '../../renderer/src/staff/i18n/staff-text';

const HAN = /\p{Script=Han}/u;
const SHIPPED_CATALOGUE = new URL('../../content/guides/catalogue.json', import.meta.url);

function configTexts(value: unknown, language: 'zh-CN' | 'zh-TW', out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) configTexts(v, language, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === language && typeof v === 'string') out.push(v);
      else configTexts(v, language, out);
    }
  }
  return out;
}

function hanChars(language: 'zh-CN' | 'zh-TW'): Set<string> {
  const catalog = [...Object.entries(CATALOGS[language]), ...Object.entries(STAFF_CATALOGS[language]), ...Object.entries(GUIDES_CATALOGS[language]), ...Object.entries(CERTIFICATES_CATALOGS[language]), ...Object.entries(RATING_CATALOGS[language])]
    .filter(([id]) => !id.startsWith('language.'))
    .map(([, text]) => text);
  const texts = [...catalog, ...configTexts(JSON.parse(DEFAULT_CONFIG_JSON), language, []), ...configTexts(JSON.parse(readFileSync(SHIPPED_CATALOGUE, 'utf8')), language, [])];
  return new Set([...texts.join('')].filter((c) => HAN.test(c)));
}

const SIMPLIFIED = hanChars('zh-CN');
const TRADITIONAL = hanChars('zh-TW');
/** Characters of the 简体 texts never used in the 繁體 ones (号, 务, 选 …), and the other way round. */
export const SIMPLIFIED_ONLY = [...SIMPLIFIED].filter((c) => !TRADITIONAL.has(c)).join('');
export const TRADITIONAL_ONLY = [...TRADITIONAL].filter((c) => !SIMPLIFIED.has(c)).join('');

/** Visible text nodes in a script their language does not use, as `lang: "text"`. */
export async function foreignText(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ simplifiedOnly, traditionalOnly }) => {
      const han = /\p{Script=Han}/u;
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const element = node.parentElement;
        if (!text || !element || !element.checkVisibility()) continue;
        const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
        const chars = [...text];
        const wrong =
          lang === 'en' ? han.test(text) : lang === 'zh-TW' ? chars.some((c) => simplifiedOnly.includes(c)) : lang === 'zh-CN' && chars.some((c) => traditionalOnly.includes(c));
        if (wrong) out.push(`${lang}: "${text.slice(0, 60)}"`);
      }
      return out;
    },
    { simplifiedOnly: SIMPLIFIED_ONLY, traditionalOnly: TRADITIONAL_ONLY },
  );
}
