import { describe, expect, it } from 'vitest';
import { LANGUAGE_ORDER, placeholdersOf } from '../../i18n/translate';
import { staffEn } from './en';
import { STAFF_CATALOGS, translateStaff, type StaffMessageId } from './staff-text';
import { staffZhCN } from './zh-CN';
import { staffZhTW } from './zh-TW';

const ids = Object.keys(staffZhCN) as StaffMessageId[];

describe('staff message catalogs', () => {
  it('zh-TW and en have exactly the ids of zh-CN', () => {
    expect(Object.keys(staffZhTW).sort()).toEqual([...ids].sort());
    expect(Object.keys(staffEn).sort()).toEqual([...ids].sort());
  });

  it('every message is non-empty text in every language', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) expect(STAFF_CATALOGS[language][id].trim(), `${language} ${id}`).not.toBe('');
    }
  });

  it('translations use the same placeholders as the source', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) expect(placeholdersOf(STAFF_CATALOGS[language][id]), `${language} ${id}`).toEqual(placeholdersOf(staffZhCN[id]));
    }
  });

  it('the zh-TW catalog is not a copy of zh-CN, and English has no Chinese', () => {
    const same = ids.filter((id) => staffZhTW[id] === staffZhCN[id] && /[\u4e00-\u9fff]/.test(staffZhCN[id]));
    expect(same.length).toBeLessThan(ids.length / 3);
    expect(ids.filter((id) => /[\u4e00-\u9fff]/.test(staffEn[id]))).toEqual([]);
  });

  it('words the pad results as the issue asks', () => {
    expect(translateStaff('zh-CN', 'pad.wrongPin', { count: 3 })).toBe('PIN 不正确，还可尝试 3 次');
    expect(translateStaff('zh-CN', 'pad.locked', { time: '14:35' })).toBe('密码错误次数过多，已锁定至 14:35');
    expect(translateStaff('zh-CN', 'pad.wrongPin')).toBe('PIN 不正确，还可尝试 {count} 次');
  });
});
