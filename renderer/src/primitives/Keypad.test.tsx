// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/kiosk-api';
import { I18nProvider } from '../i18n/I18nProvider';
import { Keypad } from './Keypad';

afterEach(cleanup);

function Harness({ language = 'zh-CN', maxLength = 4, extraKey, onConfirm = () => {} }: { language?: Language; maxLength?: number; extraKey?: string; onConfirm?: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <I18nProvider language={language}>
      <p id="what">ID</p>
      <output data-testid="value">{value}</output>
      <Keypad value={value} onChange={setValue} onConfirm={onConfirm} maxLength={maxLength} extraKey={extraKey} labelledBy="what" />
    </I18nProvider>
  );
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const value = () => screen.getByTestId('value').textContent;
const disabled = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-disabled') === 'true';

describe('Keypad', () => {
  it('is a labelled group of real buttons, each named by the label on it, in every language', () => {
    for (const [language, backspace, confirm] of [
      ['zh-CN', '删除', '确定'],
      ['zh-TW', '刪除', '確定'],
      ['en', 'Delete', 'Confirm'],
    ] as const) {
      render(<Harness language={language} />);
      expect(screen.getByRole('group', { name: 'ID' })).toBeTruthy();
      const names = screen.getAllByRole('button').map((b) => b.textContent?.replace('⌫', '').trim());
      expect(names).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', backspace, confirm]);
      for (const button of screen.getAllByRole('button')) expect(button.hasAttribute('aria-label')).toBe(false);
      expect(screen.getByRole('button', { name: backspace })).toBeTruthy();
      cleanup();
    }
  });

  it('types digits up to maxLength, then the digits are withdrawn until one is deleted', () => {
    render(<Harness maxLength={3} />);
    for (const digit of ['5', '2', '0', '1']) press(digit);
    expect(value()).toBe('520');
    expect(disabled('1')).toBe(true);
    press('删除');
    expect(value()).toBe('52');
    expect(disabled('1')).toBe(false);
  });

  it('deleting and confirming are withdrawn while nothing is typed; confirm hands over the value', () => {
    const confirmed: string[] = [];
    render(<Harness onConfirm={(v) => confirmed.push(v)} />);
    expect(disabled('删除')).toBe(true);
    expect(disabled('确定')).toBe(true);
    press('确定');
    expect(confirmed).toEqual([]);
    press('7');
    press('确定');
    expect(confirmed).toEqual(['7']);
  });

  it('offers an extra key beside 0 (the X of an ID number)', () => {
    render(<Harness extraKey="X" maxLength={18} />);
    press('1');
    press('X');
    expect(value()).toBe('1X');
  });
});
