// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession, makeSnapshot } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';
import { heading, openGuides, press, typeKeys, until } from '../../test-support/guides-rig';

afterEach(cleanup);

describe('办事指南: languages and 长辈模式', () => {
  it('in English, catalogue texts in English; one only in 简体中文 is shown so, with a note', async () => {
    const { settle } = await renderApp();
    press('English');
    press(/^Service guides/);
    await settle();
    expect(heading()).toBe('Service guides');
    press('A child is born 3 services');
    await settle();
    expect(screen.getByText('Only available in Simplified Chinese')).toBeTruthy();
    press(/Apply for a social security card/);
    await until(() => expect(heading()).toBe('Apply for a social security card'));
    expect(screen.queryByText('Only available in Simplified Chinese')).toBeNull();
    expect(screen.getByText('Resident ID card')).toBeTruthy();
    expect(screen.getByText('Original × 1')).toBeTruthy();
    press('Back');
    await until(() => expect(screen.getByRole('button', { name: /出生医学证明首次签发/ })).toBeTruthy());
    press(/出生医学证明首次签发/);
    await until(() => expect(heading()).toBe('出生医学证明首次签发'));
    expect(screen.getByRole('heading', { level: 1 }).querySelector('[lang="zh-CN"]')).toBeTruthy();
    expect(screen.getAllByText('Only available in Simplified Chinese').length).toBeGreaterThan(0);
  });

  it('in 繁體中文 the note says 僅提供簡體中文, and hits are marked only in the 简体 name', async () => {
    const { settle } = await renderApp();
    press('繁體中文');
    press(/^辦事指南/);
    await settle();
    press('點這裡搜尋：輸入拼音或首字母');
    typeKeys('cs');
    await until(() => expect(screen.getByRole('button', { name: '出生医学证明首次签发' })).toBeTruthy());
    expect(screen.getByRole('button', { name: '新生兒出生一件事' }).querySelector('mark')).toBeNull();
    expect(screen.getByRole('button', { name: '出生医学证明首次签发' }).querySelector('mark')?.textContent).toBe('出生');
    press('出生医学证明首次签发');
    await until(() => expect(screen.getAllByText('僅提供簡體中文').length).toBeGreaterThan(0));
  });

  it('长辈模式: four tiles a page behind 上一页 / 下一页, three results a page', async () => {
    const { fake } = await openGuides({ session: makeSession({ phase: 'active', sessionId: 'S1', elder: true }) });
    const lifeEvents = screen.getByRole('region', { name: '按人生阶段查找' });
    const tiles = () => within(lifeEvents).getAllByRole('listitem').map((li) => li.textContent);
    expect(tiles()).toEqual(['我出生了 3 项', '我上学了 0 项', '我工作了 1 项', '我结婚了 0 项']);
    const pager = within(lifeEvents).getByRole('group', { name: '按人生阶段查找 翻页' });
    expect(within(pager).getByRole('button', { name: /上一页/ }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(within(pager).getByRole('button', { name: /下一页/ }));
    expect(tiles()).toEqual(['我生病了 0 项', '我退休了 1 项', '我需要帮助 0 项']);
    expect(within(pager).getByText('第 2/2 页')).toBeTruthy();

    fake.guideDesk.items = [...fake.guideDesk.items, ...[1, 2].map((n) => ({ ...fake.guideDesk.items[0]!, code: `GG0010700${n + 1}`, name: { 'zh-CN': `社保事项${n}` } }))];
    fireEvent.click(within(pager).getByRole('button', { name: /上一页/ }));
    press('我出生了 3 项');
    await until(() => expect(heading()).toBe('我出生了'));
    expect(within(screen.getByRole('list', { name: '我出生了' })).getAllByRole('button')).toHaveLength(3);
  });

  it('without 长辈模式 the same lists fit one page', async () => {
    await renderApp(makeSnapshot());
    press(/^办事指南/);
    await until(() => expect(screen.getByRole('region', { name: '按人生阶段查找' })).toBeTruthy());
    expect(within(screen.getByRole('region', { name: '按人生阶段查找' })).getAllByRole('listitem')).toHaveLength(7);
    expect(screen.queryByRole('group', { name: '按人生阶段查找 翻页' })).toBeNull();
  });
});
