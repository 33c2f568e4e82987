// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NOW_MS, makeSupply, makeUncertainTicket } from '../test-support/fixtures';
import { renderSignedIn, staffCalls, typeOnKeypad } from '../test-support/staff-rig';

afterEach(cleanup);

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const heading = (name: string) => screen.getByRole('heading', { name, level: 1 });
function supplyCard(deviceId = 'ticket-printer'): HTMLElement {
  const card = screen.getAllByTestId('supply-card').find((c) => c.dataset.deviceId === deviceId);
  if (!card) throw new Error(`no supply card for ${deviceId}`);
  return card;
}

describe('overview (issue 15 §2)', () => {
  it('each printer’s paper in words, tickets left, the alerts, tickets to check, found items, service state', async () => {
    await renderSignedIn();
    const card = supplyCard();
    expect(within(card).getByRole('heading', { name: '号票打印机（KP-247）' })).toBeTruthy();
    expect(within(card).getByTestId('supply-paper').textContent).toContain('纸张不多，请准备更换纸卷');
    expect(within(card).getByTestId('supply-tickets-left').textContent).toBe('约还能打印 150 张');
    expect(within(card).getByText('上次换纸后已打印 850 张')).toBeTruthy();
    expect(within(card).getByText('上次换纸：3月13日 12:05')).toBeTruthy();
    expect(within(card).getByRole('button', { name: '更换纸卷' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: '处理卡纸或盖板' })).toBeTruthy();
    expect(screen.getByText('目前没有需要处理的提醒。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '待确认的号票：1 张' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '未领取的遗留物品：0 件' })).toBeTruthy();
    expect(screen.getByTestId('overview-service-state').textContent).toBe('本机各项服务正常');
  });

  it('shows active alerts in plain words with who must act, and reads again when availability changes', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.alerts = [{ actor: 'staff', deviceId: 'ticket-printer', code: 'paperOut', message: '号票打印机缺纸，请更换纸卷', at: HOST_NOW_MS, active: true }];
    rig.fake.staffDesk.supplies = [makeSupply({ paper: 'out', ticketsLeft: 0 })];
    rig.push({ type: 'availability:changed', availability: [] });
    await rig.settle();
    const alert = screen.getByTestId('staff-alert');
    expect(alert.textContent).toContain('号票打印机缺纸，请更换纸卷');
    expect(alert.textContent).toContain('14:05 · ticket-printer · 工作人员处理');
    expect(within(supplyCard()).getByTestId('supply-paper').textContent).toContain('纸已用完，请更换纸卷');
  });
});

describe('restock wizard', () => {
  it('begin → open, replace the roll, close → end: status shown, 取号 back, test ticket; pictures on every step', async () => {
    const rig = await renderSignedIn();
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '更换纸卷' }));
    expect(heading('更换纸卷')).toBeTruthy();
    expect(staffCalls(rig.fake)).not.toContain('staff:restock');
    click('开始更换');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:restock')).toEqual([{ deviceId: 'ticket-printer', step: 'begin' }]);
    // Taken from citizens: 取号 unavailable, with where to go.
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ service: 'takeTicket', available: false, reason: 'restocking' });

    expect(heading('打开打印机盖板')).toBeTruthy();
    expect(screen.getByTestId('wizard-step').textContent).toBe('第 1 步，共 3 步');
    expect(screen.getByTestId('picture-cover-open').getAttribute('aria-hidden')).toBe('true');
    click('下一步');
    expect(heading('取出旧纸芯并放入新纸卷，纸头朝外')).toBeTruthy();
    expect(screen.getByTestId('picture-roll')).toBeTruthy();
    click('上一步');
    expect(heading('打开打印机盖板')).toBeTruthy();
    click('下一步');
    click('下一步');
    expect(heading('拉出一段纸并合上盖板')).toBeTruthy();
    expect(screen.getByTestId('picture-cover-close')).toBeTruthy();
    click('完成更换');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:restock').map((r) => r.step)).toEqual(['begin', 'end']);
    expect(heading('纸卷已更换')).toBeTruthy();
    expect(screen.getByTestId('printer-state-paper').textContent).toBe('纸张充足');
    expect(screen.getByTestId('restock-given-back').textContent).toContain('取号已恢复');
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ service: 'takeTicket', available: true });

    click('打印测试票');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:test-ticket')).toEqual([{ deviceId: 'ticket-printer' }]);
    expect(screen.getByTestId('test-ticket-ok').textContent).toContain('测试票已打印');
    click('完成');
    await rig.settle();
    expect(heading('本机状况')).toBeTruthy();
    expect(within(supplyCard()).getByTestId('supply-paper').textContent).toContain('纸张充足');
  });

  it('取消更换 gives the printer back without an exchange; a failed test ticket says why', async () => {
    const rig = await renderSignedIn();
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '更换纸卷' }));
    click('开始更换');
    await rig.settle();
    click('取消更换');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:restock').map((r) => r.step)).toEqual(['begin', 'cancel']);
    expect(heading('本机状况')).toBeTruthy();
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ available: true });

    rig.fake.staffDesk.scriptTestTicket({ ok: false, code: 'cutterError', message: 'cutter' });
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '更换纸卷' }));
    click('开始更换');
    await rig.settle();
    click('下一步');
    click('下一步');
    click('完成更换');
    await rig.settle();
    click('打印测试票');
    await rig.settle();
    expect(screen.getByTestId('test-ticket-failed').textContent).toContain('测试票没有打印出来');
    expect(screen.getByRole('button', { name: '再打印一张测试票' })).toBeTruthy();
  });

  it('an exchange already under way goes on at the first step (继续换纸)', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.supplies = [makeSupply({ restock: { by: '王芳', startedAt: HOST_NOW_MS } })];
    click('刷新');
    await rig.settle();
    expect(within(supplyCard()).getByText('王芳 正在换纸（14:05 开始），群众暂时不能取号')).toBeTruthy();
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '继续换纸' }));
    expect(heading('打开打印机盖板')).toBeTruthy();
  });
});

describe('jam and cover recovery', () => {
  it('steps with pictures, then a recheck; still jammed says what to do, cleared offers a test ticket', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.supplies = [makeSupply({ paper: 'jammed', device: 'userError' })];
    rig.fake.staffDesk.scriptRecheck({}, { paper: 'full', device: 'online' });
    click('刷新');
    await rig.settle();
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '处理卡纸或盖板' }));
    expect(heading('打开打印机盖板')).toBeTruthy();
    click('下一步');
    expect(heading('取出卡住的纸，撕掉皱折的部分')).toBeTruthy();
    expect(screen.getByTestId('picture-jam')).toBeTruthy();
    click('下一步');
    expect(heading('把纸头拉出出纸口，合上盖板')).toBeTruthy();
    click('检查打印机');
    await rig.settle();
    expect(heading('检查结果')).toBeTruthy();
    expect(screen.getByTestId('printer-problem').textContent).toContain('打印机还是卡纸。请再试一次；如果还是不行，请联系技术人员。');
    expect(screen.queryByRole('button', { name: '打印测试票' })).toBeNull();
    click('再试一次');
    click('下一步');
    click('下一步');
    click('检查打印机');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:recheck')).toHaveLength(2);
    expect(screen.getByTestId('recover-ok').textContent).toContain('打印机已恢复正常。');
    expect(screen.getByRole('button', { name: '打印测试票' })).toBeTruthy();
  });

  it('a printer that goes offline is one for a technician', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.scriptRecheck({ device: 'hardwareError' });
    fireEvent.click(within(supplyCard()).getByRole('button', { name: '处理卡纸或盖板' }));
    click('下一步');
    click('下一步');
    click('检查打印机');
    await rig.settle();
    expect(screen.getByTestId('printer-problem').textContent).toBe('! 检查后打印机仍然报告：设备故障，请联系技术人员');
  });
});

describe('uncertain tickets', () => {
  it('settling asks for confirmation first; 返回 settles nothing; the confirmed outcome goes to the host', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.uncertainTickets = [makeUncertainTicket(), makeUncertainTicket({ number: 'A013' })];
    click('查看待确认号票');
    await rig.settle();
    expect(heading('待确认的号票')).toBeTruthy();
    const a012 = document.querySelector<HTMLElement>('[data-testid="uncertain-ticket"][data-number="A012"]')!;
    expect(within(a012).getByRole('heading', { name: 'A012 居民身份证' })).toBeTruthy();
    expect(within(a012).getByText('取号时间：今天 13:45')).toBeTruthy();

    fireEvent.click(within(a012).getByRole('button', { name: '作废' }));
    const dialog = screen.getByRole('dialog', { name: '确认作废 A012？' });
    expect(document.querySelector('.staff__content')?.hasAttribute('inert')).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '返回' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '返回' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rig.fake.requestsTo('staff:settle-ticket')).toEqual([]);

    fireEvent.click(within(a012).getByRole('button', { name: '已取走（有效）' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '确认 A012 已取走并有效？' })).getByRole('button', { name: '确认有效' }));
    await rig.settle();
    expect(rig.fake.requestsTo('staff:settle-ticket')).toEqual([{ day: '2025-03-14', number: 'A012', outcome: 'issued' }]);
    expect(screen.getByText('A012 已处理。')).toBeTruthy();
    expect(document.querySelector('[data-number="A012"]')).toBeNull();

    const a013 = document.querySelector<HTMLElement>('[data-number="A013"]')!;
    fireEvent.click(within(a013).getByRole('button', { name: '作废' }));
    click('确认作废');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:settle-ticket')[1]).toEqual({ day: '2025-03-14', number: 'A013', outcome: 'voided' });
    expect(screen.getByTestId('uncertain-none').textContent).toBe('没有待确认的号票。');
  });

  it('lists uncertain certificates (issue 17 §2) above the tickets and settles one as voided after the dialog', async () => {
    const rig = await renderSignedIn();
    rig.fake.staffDesk.uncertainCertificates = [
      { issuanceId: 'CRT-0123456789ABCDEF', kind: 'socialInsurancePayments', pages: 3, pagesCompleted: 1, createdAt: HOST_NOW_MS, errorCode: 'jobUnknownToPrinter' },
    ];
    click('查看待确认号票');
    await rig.settle();
    const card = document.querySelector<HTMLElement>('[data-testid="uncertain-certificate"][data-issuance="CRT-0123456789ABCDEF"]')!;
    expect(within(card).getByRole('heading', { name: '个人社会保险缴费历史，共 3 页' })).toBeTruthy();
    expect(within(card).getByText('打印机报告已出 1 页')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '未完整打出（作废）' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '确认作废“个人社会保险缴费历史”？' })).getByRole('button', { name: '确认作废' }));
    await rig.settle();
    expect(rig.fake.requestsTo('staff:settle-certificate')).toEqual([{ issuanceId: 'CRT-0123456789ABCDEF', outcome: 'voided' }]);
    expect(screen.getByText('证明 CRT-0123456789ABCDEF 已处理。')).toBeTruthy();
    expect(screen.queryByTestId('uncertain-certificates')).toBeNull();
  });
});

describe('out of service', () => {
  it('each service toggles, showing who paused it since when; the whole kiosk is asked again', async () => {
    const rig = await renderSignedIn();
    click('暂停或恢复服务');
    await rig.settle();
    expect(heading('暂停或恢复服务')).toBeTruthy();
    const row = (target: string) => document.querySelector<HTMLElement>(`[data-testid="service-row"][data-target="${target}"]`)!;
    expect(within(row('takeTicket')).getByTestId('service-state').textContent).toContain('正常服务');

    click('暂停取号');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:set-service')).toEqual([{ target: 'takeTicket', inService: false }]);
    expect(within(row('takeTicket')).getByTestId('service-state').textContent).toContain('已暂停（王芳，14:05 起）');
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ service: 'takeTicket', available: false, reason: 'outOfService' });
    click('恢复取号');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:set-service')[1]).toEqual({ target: 'takeTicket', inService: true });
    expect(within(row('takeTicket')).getByTestId('service-state').textContent).toContain('正常服务');

    click('暂停整机');
    expect(screen.getByRole('dialog', { name: '确认暂停整机服务？' })).toBeTruthy();
    expect(rig.fake.requestsTo('staff:set-service')).toHaveLength(2);
    click('确认暂停');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:set-service')[2]).toEqual({ target: 'kiosk', inService: false });
    expect(row('kiosk').dataset.paused).toBe('true');
    expect(screen.getByRole('button', { name: '恢复整机' })).toBeTruthy();

    click('返回总览');
    await rig.settle();
    expect(screen.getByTestId('overview-service-state').textContent).toBe('整机已暂停服务（王芳，14:05 起）');
  });
});

describe('found items', () => {
  it('logs an ID card and a ticket by presets and the keypad, then hands one over to a chosen place', async () => {
    const rig = await renderSignedIn();
    click('遗留物品登记');
    await rig.settle();
    expect(screen.getByText('没有遗留物品记录。')).toBeTruthy();

    click('登记遗留物品');
    expect(screen.getByText('捡到的是什么？')).toBeTruthy();
    click('身份证');
    click('身份证（留在读卡区）');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:log-found-item')).toEqual([{ kind: 'idCard', what: '身份证（留在读卡区）' }]);
    expect(screen.getByTestId('found-news').textContent).toContain('已登记：身份证（留在读卡区）');

    click('登记遗留物品');
    click('号票');
    // The letters come from the hall's businesses (A, B); the digits from the keypad.
    click('B');
    typeOnKeypad('12');
    expect(screen.getByTestId('found-ticket-number').textContent).toBe('号票 B012');
    click('确定');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:log-found-item')[1]).toEqual({ kind: 'ticket', what: 'B012 号票' });

    const items = screen.getAllByTestId('found-item');
    expect(items).toHaveLength(2);
    const card = items.find((i) => i.textContent?.includes('B012'))!;
    expect(within(card).getByText('今天 14:05 登记（王芳）')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '交还' }));
    const dialog = screen.getByRole('dialog', { name: 'B012 号票 交给谁？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '交服务台' }));
    await rig.settle();
    expect(rig.fake.requestsTo('staff:hand-over')).toEqual([{ id: 2, handedTo: '交服务台' }]);
    const handed = screen.getAllByTestId('found-item').find((i) => i.textContent?.includes('B012'))!;
    expect(within(handed).getByTestId('found-item-state').textContent).toBe('已交给：交服务台（今天 14:05，王芳 经手）');
    expect(within(handed).queryByRole('button', { name: '交还' })).toBeNull();
  });

  it('records are kept in 简体中文 whatever the screen shows', async () => {
    const rig = await renderSignedIn();
    click('English');
    click('Found items');
    await rig.settle();
    click('Log a found item');
    click('Something else');
    click('Umbrella');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:log-found-item')).toEqual([{ kind: 'other', what: '雨伞' }]);
  });
});

describe('today’s figures', () => {
  it('numbers per business, prints, sessions and faults, each chart with a text alternative', async () => {
    const rig = await renderSignedIn();
    click('今日数据');
    await rig.settle();
    expect(heading('今日数据')).toBeTruthy();
    expect(screen.getByTestId('figures-day').textContent).toBe('统计日期：2025-03-14');
    expect(screen.getByText('有效 12 张，作废 1 张，待确认 1 张')).toBeTruthy();
    expect(screen.getByText('号票 14 张，测试票 1 张')).toBeTruthy();
    expect(screen.getByText('共 20 人次')).toBeTruthy();

    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(4);
    expect(screen.getByRole('img', { name: '居民身份证 按小时：9 时 5，10 时 6，11 时 3；其余时段为 0' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '每小时打印张数 按小时：9 时 5，10 时 7，11 时 3；其余时段为 0' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '每小时使用人次 按小时：9 时 8，10 时 9，11 时 3；其余时段为 0' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '各设备故障次数 故障次数：ticket-printer（工作人员处理）：2 次' })).toBeTruthy();
    // The text alternative is on screen too.
    expect(within(screen.getByTestId('chart-prints')).getByText('按小时：9 时 5，10 时 7，11 时 3；其余时段为 0')).toBeTruthy();
    rig.fake.staffDesk.figures = { ...rig.fake.staffDesk.figures, faults: [], sessions: { started: 0, byHour: [] } };
    click('刷新');
    await rig.settle();
    expect(screen.getByText('今天没有故障。')).toBeTruthy();
    expect(screen.getByRole('img', { name: '每小时使用人次 按小时：各时段都是 0' })).toBeTruthy();
  });
});

describe('restart', () => {
  it('is behind a confirm dialog; confirmed, the host restarts and signs the staff member out', async () => {
    const rig = await renderSignedIn();
    click('重启本机程序');
    const dialog = screen.getByRole('dialog', { name: '确认重启本机程序？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '不重启' }));
    expect(rig.fake.staffDesk.restarts).toBe(0);
    click('重启本机程序');
    click('确认重启');
    await rig.settle();
    expect(rig.fake.requestsTo('staff:restart-app')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull());
  });
});
