import { describe, expect, it } from 'vitest';
import { EVALUATION_LEVELS, EVALUATION_REASONS } from '../../../../../common/evaluation';
import { LANGUAGE_ORDER, placeholdersOf } from '../../../i18n/translate';
import { ratingEn } from './en';
import { levelMessageId, RATING_CATALOGS, reasonMessageId, translateRating, type RatingMessageId } from './rating-text';
import { ratingZhCN } from './zh-CN';
import { ratingZhTW } from './zh-TW';

const ids = Object.keys(ratingZhCN) as RatingMessageId[];

describe('rating message catalogs', () => {
  it('zh-TW and en have exactly the ids of zh-CN', () => {
    expect(Object.keys(ratingZhTW).sort()).toEqual([...ids].sort());
    expect(Object.keys(ratingEn).sort()).toEqual([...ids].sort());
  });

  it('every message is non-empty text, with the placeholders of the source', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) {
        expect(RATING_CATALOGS[language][id].trim(), `${language} ${id}`).not.toBe('');
        expect(placeholdersOf(RATING_CATALOGS[language][id]), `${language} ${id}`).toEqual(placeholdersOf(ratingZhCN[id]));
      }
    }
  });

  it('the zh-TW catalog is not a copy of zh-CN, and English has no Chinese', () => {
    const same = ids.filter((id) => ratingZhTW[id] === ratingZhCN[id] && /[\u4e00-\u9fff]/.test(ratingZhCN[id]));
    expect(same.length).toBeLessThan(ids.length / 3);
    expect(ids.filter((id) => /[\u4e00-\u9fff]/.test(ratingEn[id]))).toEqual([]);
  });

  it('words every level in the words of GB/T 39735 and every reason of the contract, each distinct', () => {
    expect(EVALUATION_LEVELS.map((l) => translateRating('zh-CN', levelMessageId(l)))).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    for (const language of LANGUAGE_ORDER) {
      expect(new Set(EVALUATION_LEVELS.map((l) => translateRating(language, levelMessageId(l)))).size, language).toBe(EVALUATION_LEVELS.length);
      expect(new Set(EVALUATION_REASONS.map((r) => translateRating(language, reasonMessageId(r)))).size, language).toBe(EVALUATION_REASONS.length);
    }
    expect(translateRating('zh-CN', 'question', { service: '个人参保证明打印' })).toBe('您对本次“个人参保证明打印”服务满意吗？');
    expect(translateRating('zh-CN', 'thanks')).toBe('感谢您的评价');
    expect(translateRating('zh-CN', 'submit')).toBe('提交评价');
  });
});
