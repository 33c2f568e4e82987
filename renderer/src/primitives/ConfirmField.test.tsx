// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/kiosk-api';
import { I18nProvider } from '../i18n/I18nProvider';
import { ConfirmField, type ConfirmFieldProps, type ConfirmFieldSource } from './ConfirmField';

afterEach(cleanup);

/** GB 11643 check character of a resident ID number, the way a form screen would validate it. */
function idNumberProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return '身份证号码应为18位';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17] ? null : '身份证号码校验位不对，请核对';
}

interface HarnessProps extends Partial<Omit<ConfirmFieldProps, 'value' | 'source' | 'needsConfirmation' | 'onChange' | 'onConfirm'>> {
  language?: Language;
  initial?: string;
  source?: ConfirmFieldSource;
  needsConfirmation?: boolean;
  events?: string[];
}

/** A form screen holding one field: a saved value becomes the citizen's and needs no more confirming. */
function Harness({ language = 'zh-CN', initial = '张三', source: initialSource = 'ocr', needsConfirmation = false, events = [], label = '姓名', ...rest }: HarnessProps) {
  const [value, setValue] = useState(initial);
  const [source, setSource] = useState(initialSource);
  const [attention, setAttention] = useState(needsConfirmation);
  return (
    <I18nProvider language={language}>
      <ConfirmField
        label={label}
        value={value}
        source={source}
        needsConfirmation={attention}
        onConfirm={() => {
          events.push('confirm');
          setAttention(false);
        }}
        onChange={(next) => {
          events.push(`change:${next}`);
          setValue(next);
          setSource('citizen');
          setAttention(false);
        }}
        {...rest}
      />
    </I18nProvider>
  );
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const describedText = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

/** Every button is named by the text it shows (decorative parts left out), and nothing else names it. */
function expectHonestButtons() {
  for (const button of document.querySelectorAll('button')) {
    const clone = button.cloneNode(true) as Element;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    const label = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(label).not.toBe('');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(screen.getAllByRole('button', { name: label })).toContain(button);
  }
}

describe('ConfirmField', () => {
  it('shows the label, the value as a read-only textbox named by the label, and where it came from, in zh-CN and en', () => {
    for (const [language, label, source, edit] of [
      ['zh-CN', '姓名', '来源：身份证', '修改'],
      ['en', 'Name', 'From: ID card', 'Change'],
    ] as const) {
      render(<Harness language={language} label={label} source="idCard" />);
      const box = screen.getByRole('textbox', { name: label });
      expect(box.getAttribute('aria-readonly')).toBe('true');
      expect(box.textContent).toBe('张三');
      expect(box.hasAttribute('aria-invalid')).toBe(false);
      expect(describedText(box)).toBe(source);
      expect(screen.getByRole('group', { name: label })).toBeTruthy();
      expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([edit]);
      expectHonestButtons();
      cleanup();
    }
  });

  it('highlights a value to check, says why, and 确认无误 confirms it', () => {
    const events: string[] = [];
    const { container } = render(<Harness needsConfirmation events={events} />);
    expect(container.querySelector('.confirm-field--attention')).not.toBeNull();
    const box = screen.getByRole('textbox', { name: '姓名' });
    expect(describedText(box)).toBe('来源：扫描识别 | ⚠ 识别可能不准确，请核对');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['确认无误', '修改']);
    expect(describedText(screen.getByRole('button', { name: '修改' }))).toBe('姓名');
    expectHonestButtons();
    press('确认无误');
    expect(events).toEqual(['confirm']);
    expect(container.querySelector('.confirm-field--attention')).toBeNull();
    expect(screen.queryByRole('button', { name: '确认无误' })).toBeNull();
    expect(document.activeElement).toBe(box);
  });

  it('says a failed check character in its own words', () => {
    render(<Harness needsConfirmation reason="checkFailed" label="统一社会信用代码" initial="91110108MA01ABCD1X" />);
    expect(screen.getByText(/校验未通过/)).toBeTruthy();
  });

  it('修改 opens the on-screen keyboard on the value; 保存 hands over the new value and returns focus to 修改', () => {
    const events: string[] = [];
    const { container } = render(<Harness needsConfirmation initial="zhang" label="拼音姓名" events={events} />);
    press('修改');
    expect(container.querySelector('input, textarea, [contenteditable]')).toBeNull();
    const display = screen.getByRole('textbox', { name: '请输入拼音姓名' });
    expect(display.textContent).toBe('zhang');
    expect(screen.getByRole('group', { name: '拼音姓名' })).toBe(document.activeElement);
    for (const key of ['s', 'a', 'n']) press(key);
    press('保存');
    expect(events).toEqual(['change:zhangsan']);
    const box = screen.getByRole('textbox', { name: '拼音姓名' });
    expect(box.textContent).toBe('zhangsan');
    expect(describedText(box)).toBe('来源：您填写的');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '修改' }));
  });

  it('keeps the editor open with the message under the field while validate refuses, the field marked invalid', () => {
    const events: string[] = [];
    render(
      <Harness
        label="身份证号码"
        initial="110105194912310021"
        needsConfirmation
        reason="checkFailed"
        validate={idNumberProblem}
        keyboard={{ mode: 'digits', allowLetters: true, maxLength: 18 }}
        events={events}
      />,
    );
    // As shown, the value fails its check: marked invalid, the message under it, 确认无误 withdrawn.
    const box = screen.getByRole('textbox', { name: '身份证号码' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(box)).toContain('身份证号码校验位不对，请核对');
    expect(screen.getByRole('button', { name: '确认无误' }).getAttribute('aria-disabled')).toBe('true');
    press('确认无误');
    expect(events).toEqual([]);

    press('修改');
    press('删除');
    press('保存');
    const display = screen.getByRole('textbox', { name: '请输入身份证号码' });
    expect(screen.getByRole('alert').textContent).toBe('身份证号码应为18位');
    expect(display.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(display)).toBe('身份证号码应为18位');
    press('1');
    expect(screen.getByRole('alert').textContent, 'the message follows the typing').toBe('身份证号码校验位不对，请核对');
    press('删除');
    press('字母');
    press('X');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(display.hasAttribute('aria-invalid')).toBe(false);
    press('保存');
    expect(events).toEqual(['change:11010519491231002X']);
    expect(screen.getByRole('textbox', { name: '身份证号码' }).hasAttribute('aria-invalid')).toBe(false);
  });

  it('取消 and Esc leave the value as it was', () => {
    const events: string[] = [];
    render(<Harness events={events} />);
    press('修改');
    press('删除');
    press('取消');
    expect(screen.getByRole('textbox', { name: '姓名' }).textContent).toBe('张三');
    press('修改');
    press('清空');
    fireEvent.keyDown(screen.getByRole('group', { name: '姓名' }), { key: 'Escape' });
    expect(screen.getByRole('textbox', { name: '姓名' }).textContent).toBe('张三');
    expect(events).toEqual([]);
  });

  it('saving the value unchanged is no change', () => {
    const events: string[] = [];
    render(<Harness events={events} />);
    press('修改');
    press('保存');
    expect(events).toEqual([]);
    expect(screen.getByRole('textbox', { name: '姓名' })).toBeTruthy();
  });

  it('offers no 修改 on a value that may not be changed, and says when OCR read nothing', () => {
    render(<Harness editable={false} source="idCard" initial="" />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('textbox', { name: '姓名' }).textContent).toBe('（未识别到）');
  });

  it('passes the value being typed to a keyboard function (for candidates), and a picked candidate fills the field', () => {
    const events: string[] = [];
    const seen: string[] = [];
    render(
      <Harness
        label="姓名"
        initial=""
        events={events}
        keyboard={(draft) => {
          seen.push(draft);
          return { mode: 'letters', candidates: draft === 'ls' ? [{ id: 'lisi', label: '李四' }] : [], pickReplacesValue: true };
        }}
      />,
    );
    press('修改');
    press('l');
    press('s');
    expect(seen).toContain('ls');
    const bar = screen.getByRole('button', { name: '李四' });
    fireEvent.click(bar);
    expect(within(screen.getByRole('group', { name: '姓名' })).getByRole('textbox').textContent).toBe('李四');
    press('保存');
    expect(events).toEqual(['change:李四']);
  });
});
