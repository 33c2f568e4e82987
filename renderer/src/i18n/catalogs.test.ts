import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../common/errors';
import type { ClosedReason } from '../../../common/queue';
import { en } from './en';
import {
  CATALOGS,
  closedReasonMessageId,
  DATE_TEMPLATE_IDS,
  DATE_TEMPLATE_PARAMS,
  errorMessageId,
  LANGUAGE_ORDER,
  localText,
  placeholdersOf,
  translate,
  type MessageId,
} from './translate';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

const CLOSED_REASONS: ClosedReason[] = ['holiday', 'notServiceDay', 'beforeHours', 'afterHours', 'stoppedIssuing', 'dailyCapReached'];
const ids = Object.keys(zhCN) as MessageId[];

describe('message catalogs', () => {
  it('zh-TW and en have exactly the ids of zh-CN', () => {
    expect(Object.keys(zhTW).sort()).toEqual([...ids].sort());
    expect(Object.keys(en).sort()).toEqual([...ids].sort());
  });

  it('every message is non-empty text in every language', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) expect(CATALOGS[language][id].trim(), `${language} ${id}`).not.toBe('');
    }
  });

  it('translations use the same placeholders as the source (date templates: any the formatter supplies)', () => {
    for (const language of LANGUAGE_ORDER) {
      for (const id of ids) {
        const used = placeholdersOf(CATALOGS[language][id]);
        if (DATE_TEMPLATE_IDS.has(id)) {
          for (const p of used) expect(DATE_TEMPLATE_PARAMS, `${language} ${id}`).toContain(p);
        } else {
          expect(used, `${language} ${id}`).toEqual(placeholdersOf(zhCN[id]));
        }
      }
    }
  });

  it('the zh-TW catalog is not a copy of zh-CN, and English has no Chinese except language names', () => {
    const same = ids.filter((id) => zhTW[id] === zhCN[id] && /[\u4e00-\u9fff]/.test(zhCN[id]));
    expect(same.length).toBeLessThan(ids.length / 3);
    const cjkInEnglish = ids.filter((id) => !id.startsWith('language.') && /[\u4e00-\u9fff]/.test(en[id]));
    expect(cjkInEnglish).toEqual([]);
  });

  it('words every error code and closed reason, with a distinct sentence each', () => {
    for (const language of LANGUAGE_ORDER) {
      const errorTexts = ERROR_CODES.map((code) => translate(language, errorMessageId(code)));
      expect(new Set(errorTexts).size, language).toBe(ERROR_CODES.length);
      const closedTexts = CLOSED_REASONS.map((r) => translate(language, closedReasonMessageId(r)));
      expect(new Set(closedTexts).size, language).toBe(CLOSED_REASONS.length);
    }
    expect(translate('zh-CN', errorMessageId('paperOut'))).toContain('取号机缺纸');
    expect(translate('zh-CN', closedReasonMessageId('notServiceDay'))).toBe('今日休息');
    expect(translate('zh-CN', closedReasonMessageId('beforeHours'))).toBe('未到办理时间');
    expect(translate('zh-CN', closedReasonMessageId('stoppedIssuing'))).toBe('已停止取号');
    expect(translate('zh-CN', closedReasonMessageId('dailyCapReached'))).toBe('今日号源已满');
  });

  it('words a stop in issuing with its closing time, and an empty queue as no wait, in every language', () => {
    const at = { time: '17:00' };
    expect(translate('zh-CN', 'closed.stoppedIssuingAt', at)).toBe('已停止取号，本业务 17:00 截止');
    expect(translate('zh-TW', 'closed.stoppedIssuingAt', at)).toBe('已停止取號，本業務 17:00 截止');
    expect(translate('en', 'closed.stoppedIssuingAt', at)).toBe('Tickets are no longer issued; this service closes at 17:00');
    expect(LANGUAGE_ORDER.map((l) => translate(l, 'business.noWait'))).toEqual(['无需等候', '無需等候', 'No wait']);
    expect(LANGUAGE_ORDER.map((l) => translate(l, 'ticket.estimateSoon'))).toEqual(['预计即将叫号', '預計即將叫號', 'You will be called soon']);
    expect(LANGUAGE_ORDER.map((l) => translate(l, 'business.estimateSoon'))).toEqual(['即将叫号', '即將叫號', 'Called soon']);
  });
});

describe('translate and localText', () => {
  it('interpolates {name} parameters and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'ticket.peopleAhead', { count: 3 })).toBe('前面还有 3 人');
    expect(translate('en', 'ticket.peopleAhead', { count: 0 })).toBe('People ahead of you: 0');
    expect(translate('zh-CN', 'ticket.peopleAhead')).toBe('前面还有 {count} 人');
    expect(translate('zh-CN', 'ticket.peopleAhead', { other: 1 })).toBe('前面还有 {count} 人');
  });

  it('does not re-interpolate a parameter value that looks like a placeholder', () => {
    expect(translate('zh-CN', 'ticket.zone', { zone: '{count}' })).toBe('办理地点：{count}');
  });

  it('picks hall text by language, with zh-CN when a translation is missing or blank', () => {
    const text = { 'zh-CN': '二楼', en: 'Floor 2', 'zh-TW': ' ' };
    expect(localText(text, 'en')).toBe('Floor 2');
    expect(localText(text, 'zh-TW')).toBe('二楼');
    expect(localText({ 'zh-CN': '二楼' }, 'en')).toBe('二楼');
  });
});
