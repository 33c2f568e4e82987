// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { heading, openGuides, press, tab, until } from '../../test-support/guides-rig';

afterEach(cleanup);

const section = (name: string) => within(screen.getByRole('region', { name }));

async function openSbk() {
  const rig = await openGuides();
  press('我工作了 1 项');
  await rig.settle();
  press(/社会保障卡申领/);
  await until(() => expect(heading()).toBe('社会保障卡申领'));
  return rig;
}

describe('办事指南: browsing and the guide pages', () => {
  it('browses by life event, department and 一件事, with the host counts', async () => {
    const { fake, settle } = await openGuides();
    const lifeEvents = within(screen.getByRole('region', { name: '按人生阶段查找' })).getAllByRole('button');
    expect(lifeEvents.map((b) => b.textContent)).toEqual(['我出生了 3 项', '我上学了 0 项', '我工作了 1 项', '我结婚了 0 项', '我生病了 0 项', '我退休了 1 项', '我需要帮助 0 项']);
    press('我出生了 3 项');
    await settle();
    expect(fake.requestsTo('guides:browse')).toEqual([{ by: 'lifeEvent', key: 'birth' }]);
    expect(heading()).toBe('我出生了');
    const entries = within(screen.getByRole('list', { name: '我出生了' })).getAllByRole('button').map((b) => b.textContent);
    expect(entries).toEqual(['事项 社会保障卡申领 最多跑一次 人社', '事项 出生医学证明首次签发 最多跑一次 卫健', '事项 新生儿入户登记 最多跑一次 公安', '一件事 新生儿出生一件事']);
    press('返回');
    await until(() => expect(screen.getByRole('button', { name: '公安 1 项' })).toBeTruthy());
    press('公安 1 项');
    await settle();
    expect(heading()).toBe('公安');
    press('返回');
    await until(() => expect(screen.getByRole('button', { name: '一件事一次办 1 项' })).toBeTruthy());
    press('一件事一次办 1 项');
    await settle();
    expect(fake.requestsTo('guides:browse').at(-1)).toEqual({ by: 'bundles' });
  });

  it('an item page: materials with form and count and 免提交 explained, then each part by its tab', async () => {
    await openSbk();
    const materials = section('所需材料');
    expect(materials.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '居民身份证 原件 1 份',
      '一寸白底证件照 原件 2 份',
      '户口簿 免提交部门通过数据共享获取，无需携带。',
    ]);
    expect(screen.getByText('最多跑一次')).toBeTruthy();

    tab('办理条件');
    expect(section('办理条件').getByText('已参加本市社会保险')).toBeTruthy();
    tab('办理流程');
    expect(section('办理流程').getAllByRole('listitem').map((li) => li.textContent)).toEqual(['取号', '窗口提交材料', '领取社保卡现场制卡约 10 分钟']);
    tab('时限和收费');
    expect(section('时限和收费').getByText('20 个工作日')).toBeTruthy();
    expect(section('时限和收费').getByText('即办')).toBeTruthy();
    expect(section('时限和收费').getByText('不收费')).toBeTruthy();
    tab('办理方式');
    expect(section('办理方式').getByText('网上办')).toBeTruthy();
    expect(section('办理方式').getByText('https://zwfw.example.gov.cn/sbk')).toBeTruthy();
    // The host's QR code of the online entry, drawn as it sent it.
    const qr = section('办理方式').getByRole('img', { name: '网上办理二维码' });
    expect(qr.querySelector('path')?.getAttribute('d')).toBe('M1 1h7v7h-7zM2 2v5h5v-5z');
    tab('一件事');
    expect(section('一件事').getByRole('button', { name: /新生儿出生一件事/ })).toBeTruthy();
  });

  it('办理地点: floor, zone, the window by its map name, and the route to it from this kiosk', async () => {
    const { fake } = await openSbk();
    tab('办理地点');
    await until(() => expect(section('办理地点').getByText('A3 窗口')).toBeTruthy());
    expect(fake.requestsTo('guides:route')).toEqual([{ to: 'A3' }]);
    expect(section('办理地点').getByText('一楼')).toBeTruthy();
    expect(section('办理地点').getByText('一楼 A 区')).toBeTruthy();
    expect(section('办理地点').getByText('从本机出发约 26 米，步行约 1 分钟')).toBeTruthy();
  });

  it('a bundle page: its items in order, and one merged checklist with each material once and what needs it', async () => {
    const { settle } = await openGuides();
    press('一件事一次办 1 项');
    await settle();
    press(/新生儿出生一件事/);
    await until(() => expect(heading()).toBe('新生儿出生一件事'));
    expect(screen.getByText('出生医学证明、入户、社保卡一次办好')).toBeTruthy();
    expect(section('包含的事项').getAllByRole('button').map((b) => b.textContent)).toEqual([
      '第 1 步 出生医学证明首次签发 最多跑一次 卫健',
      '第 2 步 新生儿入户登记 最多跑一次 公安',
      '第 3 步 社会保障卡申领 最多跑一次 人社',
    ]);
    tab('材料清单');
    const checklist = section('材料清单');
    expect(checklist.getByText('共 4 种材料，每种只需准备一份，已合并。')).toBeTruthy();
    expect(checklist.getAllByText('居民身份证')).toHaveLength(1);
    expect(checklist.getByText('用于：出生医学证明首次签发、新生儿入户登记、社会保障卡申领')).toBeTruthy();
    expect(checklist.getAllByRole('listitem').map((li) => li.getAttribute('data-material'))).toEqual(['id-card', 'birth-cert', 'hukou-book', 'photo']);
  });

  it('a policy page: title, issuer, date, summary, points and what it concerns', async () => {
    const { settle } = await openGuides();
    press('政策直通车');
    await settle();
    press(/生育津贴申领政策/);
    await until(() => expect(heading()).toBe('生育津贴申领政策'));
    expect(screen.getByText('市医疗保障局')).toBeTruthy();
    expect(screen.getByText('2024年6月1日')).toBeTruthy();
    expect(screen.getByText('参保职工生育可领取生育津贴')).toBeTruthy();
    expect(section('政策要点').getAllByRole('listitem').map((li) => li.textContent)).toEqual(['按月缴费满一年', '生育后一年内申领']);
    press(/出生医学证明首次签发/);
    await until(() => expect(heading()).toBe('出生医学证明首次签发'));
    tab('相关政策');
    expect(section('相关政策').getByRole('button', { name: /生育津贴申领政策/ })).toBeTruthy();
    press('返回');
    await until(() => expect(heading()).toBe('生育津贴申领政策'));
  });

  it('an item the catalogue no longer has says so', async () => {
    const { fake } = await openGuides();
    fake.guideDesk.items = fake.guideDesk.items.filter((i) => i.code !== 'GG00107001');
    press('点这里搜索：输入拼音或首字母');
    // The search table still knows it: the page is what the host no longer has.
    const group = screen.getByRole('group', { name: /输入拼音或首字母/ });
    for (const key of 'sbk') within(group).getByRole('button', { name: key }).click();
    await until(() => expect(screen.getByRole('button', { name: /社会保障卡申领/ })).toBeTruthy());
    press(/社会保障卡申领/);
    await until(() => expect(heading()).toBe('没有找到这个事项'));
  });
});
