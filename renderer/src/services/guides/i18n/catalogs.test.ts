import { describe, expect, it } from 'vitest';
import { LANGUAGE_ORDER, placeholdersOf } from '../../../i18n/translate';
import { guidesEn } from './en';
import { GUIDES_CATALOGS, lacks, translateGuides, type GuidesMessageId } from './guides-text';
import { guidesZhCN } from './zh-CN';
import { guidesZhTW } from './zh-TW';

const ids = Object.keys(guidesZhCN) as GuidesMessageId[];

describe('guide message catalogs', () => {
  it('zh-TW and en have exactly the ids of zh-CN', () => {
    expect(Object.keys(guidesZhTW).sort()).toEqual([...ids].sort());
    expect(Object.keys(guidesEn).sort()).toEqual([...ids].sort());
  });

  it('every message is non-empty text, with the placeholders of the source', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) {
        expect(GUIDES_CATALOGS[language][id].trim(), `${language} ${id}`).not.toBe('');
        expect(placeholdersOf(GUIDES_CATALOGS[language][id]), `${language} ${id}`).toEqual(placeholdersOf(guidesZhCN[id]));
      }
    }
  });

  it('the zh-TW catalog is not a copy of zh-CN, and English has no Chinese', () => {
    const same = ids.filter((id) => guidesZhTW[id] === guidesZhCN[id] && /[\u4e00-\u9fff]/.test(guidesZhCN[id]));
    expect(same.length).toBeLessThan(ids.length / 3);
    expect(ids.filter((id) => /[\u4e00-\u9fff]/.test(guidesEn[id]))).toEqual([]);
  });

  it('words the fallback note and the print outcome as the issue asks', () => {
    expect(LANGUAGE_ORDER.map((l) => translateGuides(l, 'fallback.note'))).toEqual(['仅提供简体中文', '僅提供簡體中文', 'Only available in Simplified Chinese']);
    expect(translateGuides('zh-CN', 'print.issued')).toBe('已打印，请取走清单');
    expect(translateGuides('zh-CN', 'search.noHits', { query: 'xyz' })).toBe('没有找到“xyz”，您可以试试：');
  });

  it('a text lacks a language when it has none or only blanks in it; 简体中文 is never lacking', () => {
    expect(lacks({ 'zh-CN': '社保卡' }, 'en')).toBe(true);
    expect(lacks({ 'zh-CN': '社保卡', en: '  ' }, 'en')).toBe(true);
    expect(lacks({ 'zh-CN': '社保卡', en: 'Card' }, 'en')).toBe(false);
    expect(lacks({ 'zh-CN': '社保卡' }, 'zh-CN')).toBe(false);
  });
});
