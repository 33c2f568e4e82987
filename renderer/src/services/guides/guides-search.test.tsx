// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuideSearchResult } from '../../../../common/guides-api';
import { deferred } from '../../test-support/fake-kiosk-api';
import { SBK_ITEM } from '../../test-support/guide-fixtures';
import { heading, openGuides, press, typeKeys, until } from '../../test-support/guides-rig';

afterEach(cleanup);

const candidates = () => within(screen.getByRole('group', { name: '候选' }));

describe('办事指南: search as you type', () => {
  it('is on the home screen first, always available, with its hint', async () => {
    await openGuides();
    expect(heading()).toBe('办事指南');
    expect(screen.getByRole('button', { name: '点这里搜索：输入拼音或首字母' })).toBeTruthy();
  });

  it('asks once after a burst of keys, offers the hits as candidates with the matched part marked, and a tap opens the guide', async () => {
    const { fake } = await openGuides();
    press('点这里搜索：输入拼音或首字母');
    typeKeys('sbk');
    await until(() => expect(candidates().getByRole('button', { name: /社会保障卡申领/ })).toBeTruthy());
    expect(fake.requestsTo('guides:search').map((r) => r.query)).toEqual(['sbk']);
    const candidate = candidates().getByRole('button', { name: /社会保障卡申领/ });
    expect([...candidate.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['社', '保', '卡']);

    press(/社会保障卡申领/);
    await until(() => expect(heading()).toBe('社会保障卡申领'));
    expect(fake.requestsTo('guides:open')).toEqual([{ kind: 'item', id: SBK_ITEM.code }]);
  });

  it('with the keyboard closed, lists the hits with their marks, kind and alias; 清除搜索 goes back to browsing', async () => {
    await openGuides();
    press('点这里搜索：输入拼音或首字母');
    typeKeys('xse');
    await until(() => expect(candidates().getAllByRole('button')).toHaveLength(2));
    press('查看结果');
    const results = screen.getByRole('list', { name: '搜索结果' });
    const names = within(results).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['事项 新生儿入户登记 公安', '一件事 新生儿出生一件事']);
    expect([...results.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['新生儿', '新生儿']);
    expect(screen.getByText('找到 2 项')).toBeTruthy();
    press('清除搜索');
    expect(screen.getByRole('heading', { name: '按人生阶段查找' })).toBeTruthy();
  });

  it('drops an answer that comes after the answer to a later query', async () => {
    const { fake } = await openGuides();
    const answers = [deferred<GuideSearchResult>(), deferred<GuideSearchResult>()];
    let asked = 0;
    fake.handle('guides:search', () => answers[asked++]!.promise);
    press('点这里搜索：输入拼音或首字母');
    typeKeys('c');
    await until(() => expect(asked).toBe(1));
    typeKeys('s');
    await until(() => expect(asked).toBe(2));
    await act(async () => answers[1]!.resolve(fake.guideDesk.search('cs')));
    await act(async () => answers[0]!.resolve(fake.guideDesk.search('sbk')));
    expect(candidates().getAllByRole('button').map((b) => b.textContent)).toEqual(['新生儿出生一件事', '出生医学证明首次签发']);
  });

  it('an unmatched or absurd query shows what people often look for, with a helpful line', async () => {
    await openGuides();
    press('点这里搜索：输入拼音或首字母');
    typeKeys('qqqq');
    await until(() => expect(screen.getByText('没有找到“qqqq”，您可以试试：')).toBeTruthy());
    const suggestions = within(screen.getByRole('list', { name: '推荐事项' })).getAllByRole('button');
    expect(suggestions.map((b) => b.textContent)).toEqual(['事项 社会保障卡申领', '一件事 新生儿出生一件事']);
    press('一件事 新生儿出生一件事');
    await until(() => expect(heading()).toBe('新生儿出生一件事'));
  });

  it('while the index is preparing, says 正在准备 and browsing still works; once ready, the search runs again', async () => {
    const { fake, settle } = await openGuides({ guides: { state: 'preparing', catalogueVersion: '2025.03.01-1' } });
    expect(screen.getByText('搜索正在准备，请稍候；您可以先按下面的分类查找。').getAttribute('role')).toBe('status');
    press('我出生了 3 项');
    await settle();
    expect(heading()).toBe('我出生了');
    press('返回');
    press('点这里搜索：输入拼音或首字母');
    typeKeys('sbk');
    await until(() => expect(fake.requestsTo('guides:search')).toHaveLength(1));
    expect(screen.queryByRole('group', { name: '候选' })?.querySelectorAll('button[data-candidate]')).toHaveLength(0);
    expect(screen.queryByText(/没有找到/)).toBeNull();

    act(() => fake.guideDesk.setIndex('ready'));
    await until(() => expect(candidates().getByRole('button', { name: /社会保障卡申领/ })).toBeTruthy());
    expect(screen.queryByText(/正在准备/)).toBeNull();
  });

  it('a failed index is said honestly', async () => {
    await openGuides({ guides: { state: 'failed', catalogueVersion: '2025.03.01-1' } });
    expect(screen.getByText('搜索暂时无法使用，请按下面的分类查找，或到服务窗口咨询。')).toBeTruthy();
  });
});
