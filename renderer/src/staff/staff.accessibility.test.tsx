// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/kiosk-api';
import { HOST_NOW_MS, makeSupply } from '../test-support/fixtures';
import { renderApp, type AppRig } from '../test-support/render-app';
import { holdHiddenEntry, renderSignedIn } from '../test-support/staff-rig';
import { translateStaff, type StaffMessageId } from './i18n/staff-text';

afterEach(cleanup);

/** The text a sighted person reads on an element (decorative aria-hidden parts left out). */
function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Every control is a real <button> whose accessible name is its visible label; one h1 a screen; drawings are
 * decorative and charts are images named by their words.
 */
function expectAccessibleScreen(where: string): number {
  const buttons = [...document.querySelectorAll('button')];
  for (const button of buttons) {
    const label = visibleText(button);
    expect(label, `${where}: ${button.outerHTML}`).not.toBe('');
    expect(button.hasAttribute('aria-label'), `${where}: ${label}`).toBe(false);
    expect(button.hasAttribute('aria-labelledby'), `${where}: ${label}`).toBe(false);
    expect(screen.getAllByRole('button', { name: label }), `${where}: ${label}`).toContain(button);
  }
  expect(document.querySelectorAll('[role="button"], a[href], [onclick], input'), where).toHaveLength(0);
  expect(screen.getAllByRole('main'), where).toHaveLength(1);
  expect(document.querySelectorAll('h1'), where).toHaveLength(document.querySelector('.screen--centered') ? 0 : 1);
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('role') === 'img') expect(svg.getAttribute('aria-labelledby'), where).toBeTruthy();
    else expect(svg.getAttribute('aria-hidden'), `${where}: ${svg.outerHTML.slice(0, 60)}`).toBe('true');
  }
  for (const img of screen.queryAllByRole('img')) {
    const words = (img.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(words.every((w) => w.trim() !== ''), where).toBe(true);
  }
  return buttons.length;
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** Walks every staff screen in `language`, checking each. */
async function walk(rig: AppRig, language: Language): Promise<string[]> {
  const s = (id: StaffMessageId, params?: Record<string, string | number>) => translateStaff(language, id, params);
  const seen: string[] = [];
  const check = (name: string) => {
    expectAccessibleScreen(`${language} ${name}`);
    seen.push(name);
  };
  const back = async () => {
    click(s('common.backToOverview'));
    await rig.settle();
  };
  check('overview');

  fireEvent.click(within(screen.getAllByTestId('supply-card')[0]!).getByRole('button', { name: s('supply.restock') }));
  check('restock-intro');
  click(s('restock.begin'));
  await rig.settle();
  check('restock-1');
  click(s('restock.next'));
  check('restock-2');
  click(s('restock.next'));
  check('restock-3');
  click(s('restock.finish'));
  await rig.settle();
  click(s('test.print'));
  await rig.settle();
  check('restock-ended');
  click(s('common.done'));
  await rig.settle();

  fireEvent.click(within(screen.getAllByTestId('supply-card')[0]!).getByRole('button', { name: s('supply.recover') }));
  check('recover-1');
  click(s('restock.next'));
  check('recover-2');
  click(s('restock.next'));
  check('recover-3');
  click(s('recover.check'));
  await rig.settle();
  check('recover-checked');
  click(s('common.done'));
  await rig.settle();

  click(s('overview.openUncertain'));
  await rig.settle();
  check('uncertain');
  click(s('uncertain.voided'));
  check('uncertain-confirm');
  click(s('common.back'));
  await back();

  click(s('overview.openFound'));
  await rig.settle();
  check('found');
  click(s('found.log'));
  check('found-kind');
  click(s('found.kind.ticket'));
  check('found-ticket');
  click(s('common.back'));
  click(s('found.kind.other'));
  check('found-other');
  click(s('found.preset.umbrella'));
  await rig.settle();
  click(s('found.handOver'));
  check('found-hand-over');
  click(s('found.to.desk'));
  await rig.settle();
  check('found-handed');
  await back();

  click(s('overview.openService'));
  await rig.settle();
  check('service');
  click(s('service.pause', { target: s('service.kiosk') }));
  check('service-confirm');
  click(s('common.back'));
  await back();

  click(s('overview.openFigures'));
  await rig.settle();
  check('figures');
  await back();

  click(s('overview.restart'));
  check('restart-confirm');
  click(s('restart.cancel'));
  return seen;
}

describe('staff screens: accessible names equal visible labels, in every language', () => {
  for (const [language, button] of [
    ['zh-CN', null],
    ['zh-TW', '繁體中文'],
    ['en', 'English'],
  ] as const) {
    it(`${language}: every staff screen and dialog`, async () => {
      const rig = await renderSignedIn();
      rig.fake.staffDesk.alerts = [{ actor: 'technician', deviceId: 'id-reader', code: 'offline', message: '身份证读卡器未连接', at: HOST_NOW_MS, active: true }];
      rig.fake.staffDesk.supplies = [makeSupply(), makeSupply({ deviceId: 'receipt-printer', roles: ['receiptPrinter'], paper: undefined, rollLengthMm: null, ticketsLeft: null })];
      if (button) click(button);
      click(translateStaff(language, 'overview.refresh'));
      await rig.settle();
      expect(document.documentElement.lang).toBe(language);
      const seen = await walk(rig, language);
      expect(seen.length).toBeGreaterThan(20);
    });
  }

  it('the PIN pad, both steps and locked', async () => {
    const rig = await renderApp();
    await holdHiddenEntry(rig);
    expect(expectAccessibleScreen('pad names')).toBe(3); // two names and 取消
    click('王芳 工作人员');
    // 12 keys, 换一个名字, 取消
    expect(expectAccessibleScreen('pad pin')).toBe(14);
    expect(screen.getByRole('group', { name: '王芳，请输入您的 PIN' })).toBeTruthy();
    for (let i = 0; i < 5; i++) {
      for (const key of '9999') click(key);
      click('确定');
      await rig.settle();
    }
    expect(expectAccessibleScreen('pad locked')).toBe(1);
  });

  it('the hidden entry is no control: the citizen screens keep their buttons as they were', async () => {
    await renderApp();
    const buttons = screen.getAllByRole('button').length;
    const entry = screen.getByTestId('staff-entry');
    expect(entry.closest('[aria-hidden="true"]')).toBe(entry);
    expect(entry.querySelectorAll('*')).toHaveLength(0);
    expect(document.querySelectorAll('button')).toHaveLength(buttons);
  });
});
