// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../../common/kiosk-api';
import type { AppRig } from '../../test-support/render-app';
import { deviceCard, renderTechnician } from '../../test-support/technician-rig';
import { translateStaff, type StaffMessageId } from '../i18n/staff-text';

afterEach(cleanup);

/** The text a sighted person reads on an element (decorative aria-hidden parts left out). */
function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * As staff.accessibility.test.tsx: every control a real <button> whose accessible name is its visible label,
 * one main and one h1 a screen; and the host's own words tagged with the language they are in (zh-CN first, or English).
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
  expect(document.querySelectorAll('h1'), where).toHaveLength(1);
  // Groups of keys and choices, and the frame log's region, are named by visible text.
  for (const labelled of document.querySelectorAll('[aria-labelledby]')) {
    const words = (labelled.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(words.every((w) => w.trim() !== ''), `${where}: ${labelled.outerHTML.slice(0, 80)}`).toBe(true);
  }
  for (const tagged of document.querySelectorAll('main [lang]:not(button)')) expect(['zh-CN', 'en'], where).toContain(tagged.getAttribute('lang'));
  return buttons.length;
}

/** Walks every technician screen in `language`, checking each. */
async function walk(rig: AppRig, language: Language): Promise<string[]> {
  const s = (id: StaffMessageId, params?: Record<string, string | number>) => translateStaff(language, id, params);
  const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
  const seen: string[] = [];
  const check = (name: string) => {
    expectAccessibleScreen(`${language} ${name}`);
    seen.push(name);
  };
  const openDevice = async (id: string) => {
    fireEvent.click(within(deviceCard(id)).getByRole('button', { name: s('tech.devices.open', { id }) }));
    await rig.settle();
    await waitFor(() => screen.getByTestId('tech-panels'));
  };
  const backToList = async () => {
    click(s('tech.devices.back'));
    await rig.settle();
    await waitFor(() => screen.getAllByTestId('tech-device'));
  };

  check('overview-technician');
  click(s('tech.overview.open'));
  await rig.settle();
  await waitFor(() => screen.getAllByTestId('tech-device'));
  check('devices');

  await openDevice('ticket-printer');
  check('device-health');
  click(s('tech.health.run', { level: s('tech.health.external') }));
  await rig.settle();
  check('device-health-result');
  click(s('tech.panel.frames'));
  await rig.settle();
  expect(screen.getAllByTestId('frame').length).toBeGreaterThan(0);
  check('device-frames');
  click(s('tech.panel.maintenance'));
  check('device-maintenance');
  click(s('tech.maint.enter'));
  check('device-maintenance-confirm');
  click(s('tech.maint.confirm'));
  await rig.settle();
  check('device-maintenance-held');
  click(s('tech.preset.escposPaper') + ' 10 04 04');
  click(s('tech.raw.send'));
  await rig.settle();
  expect(screen.getByTestId('raw-result')).toBeTruthy();
  check('device-raw-result');
  click(s('tech.maint.exit'));
  await rig.settle();
  click(s('tech.panel.editor'));
  check('device-editor-serial');
  click('/dev/ttyUSB1');
  click(s('tech.edit.save'));
  check('device-editor-confirm');
  click(s('tech.edit.confirm'));
  await rig.settle();
  expect(screen.getByTestId('edit-result')).toBeTruthy();
  check('device-editor-result');
  await backToList();

  await openDevice('receipt-printer');
  click(s('tech.panel.editor'));
  check('device-editor-network');
  await backToList();

  await openDevice('face-camera');
  click(s('tech.panel.editor'));
  check('device-editor-not-editable');
  await backToList();

  click(s('tech.bundle.open'));
  check('bundle');
  click(s('tech.bundle.export'));
  await rig.settle();
  check('bundle-result');
  await backToList();

  click(s('tech.audit.open'));
  await rig.settle();
  await waitFor(() => screen.getByTestId('audit-status'));
  check('audit');
  return seen;
}

describe('technician screens: accessible names equal visible labels, in every language', () => {
  for (const [language, button] of [
    ['zh-CN', null],
    ['zh-TW', '繁體中文'],
    ['en', 'English'],
  ] as const) {
    it(`${language}: every technician screen and dialog`, async () => {
      const rig = await renderTechnician();
      if (button) fireEvent.click(screen.getByRole('button', { name: button }));
      await rig.settle();
      expect(document.documentElement.lang).toBe(language);
      const seen = await walk(rig, language);
      expect(seen).toHaveLength(17);
    });
  }
});
