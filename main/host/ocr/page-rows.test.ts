import { describe, expect, it } from 'vitest';
import { pageRows, pageSlope, rowText } from './page-rows';
import type { OcrLine } from './ocr-types';

const word = (text: string, x0: number, y0: number, confidence = 0.9): OcrLine['words'][number] => ({ text, confidence, bbox: { x0, y0, x1: x0 + 30 * [...text].length, y1: y0 + 30 } });
const line = (...words: OcrLine['words']): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: Math.min(...words.map((w) => w.confidence)),
  bbox: { x0: Math.min(...words.map((w) => w.bbox.x0)), y0: Math.min(...words.map((w) => w.bbox.y0)), x1: Math.max(...words.map((w) => w.bbox.x1)), y1: Math.max(...words.map((w) => w.bbox.y1)) },
  words,
});

describe('page rows', () => {
  it('puts a label column and a value column read apart back side by side, a tab at the gap', () => {
    const labels = [line(word('名', 100, 100), word('称', 190, 100)), line(word('住所', 100, 200))];
    const values = [line(word('青禾科技有限公司', 400, 102, 0.8)), line(word('五四路88号', 400, 199))];
    const rows = pageRows([...labels, ...values]);
    expect(rows.map((r) => r.text)).toEqual(['名\t称\t青禾科技有限公司', '住所\t五四路88号']);
    expect(rows[0]?.confidences.slice(-8)).toEqual(Array(8).fill(0.8));
    expect(rowText(rows)).toBe('名 称 青禾科技有限公司\n住所 五四路88号');
  });

  it('follows a tilted page: a value lower on the right stays on its label’s row, not the next', () => {
    const slope = 0.05; // about 3°
    const at = (x: number, y: number): number => Math.round(y + slope * x);
    const lines = [
      line(word('一二三四五六七八九十一二三四五六七八九十', 100, at(100, 100))),
      line(word('姓名', 100, at(100, 160))),
      line(word('王秀英', 700, at(700, 160))),
      line(word('性别', 100, at(100, 220))),
      line(word('女', 700, at(700, 220))),
    ];
    lines[0] = { ...lines[0]!, words: [word('一二三四五', 100, at(100, 100)), word('六七八九十', 700, at(700, 100))] };
    expect(pageSlope(lines)).toBeCloseTo(slope, 2);
    expect(pageRows(lines).map((r) => r.text.replace(/\t/g, ' '))).toEqual(['一二三四五 六七八九十', '姓名 王秀英', '性别 女']);
  });

  it('normalises full-width forms and drops spaces inside a row', () => {
    const rows = pageRows([line(word('ＡＢ１２', 100, 100), word('（副 本）', 230, 100))]);
    expect(rows[0]?.text).toBe('AB12(副本)');
  });
});
