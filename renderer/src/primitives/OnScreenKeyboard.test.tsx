// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/kiosk-api';
import { I18nProvider } from '../i18n/I18nProvider';
import { labelSegments } from './keyboard-layouts';
import { OnScreenKeyboard, type KeyboardCandidate, type OnScreenKeyboardProps } from './OnScreenKeyboard';

afterEach(cleanup);

type HarnessProps = Partial<Omit<OnScreenKeyboardProps, 'value' | 'onChange'>> & { language?: Language; initial?: string; picked?: string[] };

function Harness({ language = 'zh-CN', initial = '', picked = [], mode = 'letters', label = '输入拼音或首字母', ...rest }: HarnessProps) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider language={language}>
      <OnScreenKeyboard mode={mode} label={label} value={value} onChange={setValue} onPickCandidate={(id) => picked.push(id)} {...rest} />
    </I18nProvider>
  );
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const typed = () => screen.getByRole('textbox').textContent;
const disabled = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-disabled') === 'true';
const type = (keys: string) => [...keys].forEach((k) => press(k === ' ' ? '空格' : k));

const CANDIDATES: KeyboardCandidate[] = [
  { id: '1', label: '身份证办理', highlight: [[0, 3]] },
  { id: '2', label: '社保卡申领', highlight: [[0, 1], [2, 3]] },
  { id: '3', label: '出生医学证明' },
  { id: '4', label: '居住证签注' },
  { id: '5', label: '生育登记', highlight: [[0, 2]] },
  { id: '6', label: '失业登记' },
];

describe('OnScreenKeyboard', () => {
  it('shows the value in a read-only display named by the label, not an <input> that calls up a system keyboard', () => {
    const { container } = render(<Harness initial="sfz" />);
    const display = screen.getByRole('textbox', { name: '输入拼音或首字母' });
    expect(display.getAttribute('aria-readonly')).toBe('true');
    expect(display.textContent).toBe('sfz');
    expect(container.querySelector('input, textarea, [contenteditable]')).toBeNull();
    expect(screen.getByRole('group', { name: '输入拼音或首字母' })).toBeTruthy();
  });

  it('typing builds the value; 删除 takes the last character, 清空 all of it; both withdrawn while empty', () => {
    render(<Harness />);
    expect(disabled('删除')).toBe(true);
    expect(disabled('清空')).toBe(true);
    type('sb ka');
    expect(typed()).toBe('sb ka');
    press('删除');
    expect(typed()).toBe('sb k');
    press('清空');
    expect(typed()).toBe('');
  });

  it('the 数字 toggle adds a row of digits to the letters', () => {
    render(<Harness />);
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
    press('数字');
    expect(screen.getByRole('button', { name: '数字' }).getAttribute('aria-pressed')).toBe('true');
    type('q1');
    expect(typed()).toBe('q1');
    press('数字');
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
  });

  it('stops at maxLength: character keys and space withdrawn until one is deleted', () => {
    render(<Harness maxLength={3} />);
    type('abcd');
    expect(typed()).toBe('abc');
    expect(disabled('a')).toBe(true);
    expect(disabled('空格')).toBe(true);
    expect(disabled('删除')).toBe(false);
    press('删除');
    expect(disabled('a')).toBe(false);
  });

  it('digits mode: the keypad with 删除 and 清空 and no confirm key; no letters unless offered', () => {
    render(<Harness mode="digits" label="手机号码" maxLength={11} />);
    const names = screen.getAllByRole('button').map((b) => b.textContent?.replace('⌫', '').trim());
    expect(names).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '清空', '0', '删除']);
    expect(screen.queryByRole('button', { name: '字母' })).toBeNull();
    type('13800138000');
    expect(typed()).toBe('13800138000');
    expect(disabled('5')).toBe(true);
    press('清空');
    expect(typed()).toBe('');
  });

  it('digits mode refuses letters, even when its caller passes a pattern that would take them', () => {
    render(<Harness mode="digits" label="受理编号" pattern={/^[0-9A-Z]*$/} />);
    expect(screen.queryByRole('button', { name: 'A' })).toBeNull();
    cleanup();
    render(<Harness mode="digits" label="受理编号" allowLetters />);
    press('字母');
    type('SB2025');
    expect(typed()).toBe('SB2025');
    expect(screen.queryByRole('button', { name: 's' })).toBeNull();
  });

  it('an input pattern withdraws the keys that would break it (a mobile number starts with 1)', () => {
    render(<Harness mode="digits" label="手机号码" pattern={/^(1\d{0,10})?$/} />);
    expect(disabled('1')).toBe(false);
    expect(disabled('5')).toBe(true);
    press('5');
    expect(typed()).toBe('');
    type('15');
    expect(typed()).toBe('15');
  });

  it('candidates show their label with the matched part marked; tapping one picks it', () => {
    const picked: string[] = [];
    render(<Harness candidates={CANDIDATES.slice(0, 3)} picked={picked} />);
    const bar = screen.getByRole('group', { name: '候选' });
    const first = within(bar).getByRole('button', { name: '身份证办理' });
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['身份证']);
    const second = within(bar).getByRole('button', { name: '社保卡申领' });
    expect([...second.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['社', '卡']);
    expect(within(bar).getByRole('button', { name: '出生医学证明' }).querySelector('mark')).toBeNull();
    fireEvent.click(second);
    expect(picked).toEqual(['2']);
    expect(typed()).toBe('');
  });

  it('with pickReplacesValue a picked candidate becomes the value (Chinese entered through the candidates)', () => {
    const picked: string[] = [];
    render(<Harness initial="sfz" candidates={CANDIDATES} picked={picked} pickReplacesValue />);
    press('身份证办理');
    expect(typed()).toBe('身份证办理');
    expect(picked).toEqual(['1']);
  });

  it('pages the candidates with ◀ 上一页 and 下一页 ▶ buttons, and a new list starts at its first page', () => {
    const { rerender } = render(<Harness candidates={CANDIDATES} candidatesPerPage={4} />);
    const shown = () => within(screen.getByRole('list')).getAllByRole('button').map((b) => b.textContent);
    expect(shown()).toEqual(['身份证办理', '社保卡申领', '出生医学证明', '居住证签注']);
    expect(screen.getByText('第 1/2 页')).toBeTruthy();
    expect(disabled('上一页')).toBe(true);
    press('下一页');
    expect(shown()).toEqual(['生育登记', '失业登记']);
    expect(disabled('下一页')).toBe(true);
    press('上一页');
    expect(shown()[0]).toBe('身份证办理');
    press('下一页');
    rerender(<Harness candidates={CANDIDATES.slice(1)} candidatesPerPage={4} />);
    expect(shown()[0]).toBe('社保卡申领');
    rerender(<Harness candidates={CANDIDATES.slice(0, 2)} candidatesPerPage={4} />);
    expect(screen.queryByRole('button', { name: '下一页' })).toBeNull();
  });

  it('every key is a real button named by its visible label, glyphs hidden, in every language', () => {
    for (const [language, backspace, clear, space, digits, next] of [
      ['zh-CN', '删除', '清空', '空格', '数字', '下一页'],
      ['zh-TW', '刪除', '清空', '空格', '數字', '下一頁'],
      ['en', 'Delete', 'Clear', 'Space', 'Numbers', 'Next'],
    ] as const) {
      render(<Harness language={language} candidates={CANDIDATES} />);
      for (const name of [backspace, clear, space, digits, next, 'q', 'm']) expect(screen.getByRole('button', { name })).toBeTruthy();
      for (const button of screen.getAllByRole('button')) {
        expect(button.tagName).toBe('BUTTON');
        expect(button.hasAttribute('aria-label')).toBe(false);
        const visible = [...button.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'));
        expect(visible.map((n) => n.textContent).join('').trim()).not.toBe('');
      }
      for (const glyph of screen.getAllByText(/^[⌫◀▶]$/)) expect(glyph.getAttribute('aria-hidden')).toBe('true');
      cleanup();
    }
    render(<Harness language="en" mode="digits" allowLetters />);
    expect(screen.getByRole('button', { name: 'Letters' })).toBeTruthy();
  });
});

describe('labelSegments', () => {
  it('clamps, sorts and merges ranges', () => {
    expect(labelSegments('身份证办理', [[3, 9], [0, 1], [1, 2]])).toEqual([
      { text: '身份', matched: true },
      { text: '证', matched: false },
      { text: '办理', matched: true },
    ]);
    expect(labelSegments('社保卡', [[2, 1], [-4, 0]])).toEqual([{ text: '社保卡', matched: false }]);
    expect(labelSegments('社保卡', [[0, 2], [1, 3]])).toEqual([{ text: '社保卡', matched: true }]);
  });
});
