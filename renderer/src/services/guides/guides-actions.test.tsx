// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import type { GuidePrintResult } from '../../../../common/guides-api';
import type { KioskSnapshot } from '../../../../common/kiosk-api';
import { deferred } from '../../test-support/fake-kiosk-api';
import { makeTicket, OPEN_BUSINESS } from '../../test-support/fixtures';
import { heading, openGuides, press, until } from '../../test-support/guides-rig';

afterEach(cleanup);

async function openItem(lifeEvent: string, name: RegExp, overrides: Partial<KioskSnapshot> = {}) {
  const rig = await openGuides(overrides);
  press(lifeEvent);
  await rig.settle();
  press(name);
  await until(() => expect(screen.getByRole('group', { name: '选择要看的内容' })).toBeTruthy());
  return rig;
}

const printStatus = () => document.querySelector('.guides-print')?.textContent;

describe('办事指南: the actions of a guide page', () => {
  it('打印清单: printing, then 已打印，请取走清单; one request per press, none while one prints', async () => {
    const { fake } = await openItem('我工作了 1 项', /社会保障卡申领/);
    const printed = deferred<GuidePrintResult>();
    fake.guideDesk.scriptPrint(printed.promise);
    press('打印清单');
    await act(async () => {});
    expect(printStatus()).toBe('正在打印清单，请稍候');
    press('打印清单');
    await act(async () => {});
    expect(fake.guideDesk.printed).toHaveLength(1);
    expect(fake.guideDesk.printed[0]).toMatchObject({ kind: 'item', id: 'GG00107001' });
    await act(async () => printed.resolve({ outcome: 'issued' }));
    expect(printStatus()).toBe('已打印，请取走清单');

    press('打印清单');
    await until(() => expect(fake.guideDesk.printed).toHaveLength(2));
    const [first, second] = fake.guideDesk.printed;
    expect(second!.requestId).not.toBe(first!.requestId);
  });

  it('打印清单 without paper says so in words', async () => {
    const { fake } = await openItem('我工作了 1 项', /社会保障卡申领/);
    fake.guideDesk.scriptPrint({ outcome: 'voided', error: errorInfo('paperOut') });
    press('打印清单');
    await until(() => expect(printStatus()).toBe('清单没有打印出来：打印纸用完了。'));
  });

  it('取号 takes a ticket for the item’s business through the take-ticket screens', async () => {
    const { fake } = await openItem('我工作了 1 项', /社会保障卡申领/);
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket() });
    press('取号');
    await until(() => expect(heading()).toBe('请取走您的号票'));
    expect(fake.requestsTo('queue:take-ticket')).toEqual([{ businessId: OPEN_BUSINESS.id, requestId: expect.any(String) }]);
    expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
  });

  it('取号 is withdrawn with the reason while the business is closed', async () => {
    await openItem('我工作了 1 项', /社会保障卡申领/, { businesses: [{ ...OPEN_BUSINESS, open: false, closedReason: 'afterHours' }] });
    expect(screen.getByRole('button', { name: '取号' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/^现在不能取号：/)).toBeTruthy();
  });

  it('去办理 opens this kiosk’s own service for the item', async () => {
    const { fake, settle } = await openItem('我出生了 3 项', /新生儿入户登记/);
    press('去办理');
    await settle();
    expect(heading()).toBe('请选择其他核验方式');
    expect(fake.requestsTo('guides:open')).toHaveLength(1);
  });

  it('an online-only item: 在手机上办理 shows its address large', async () => {
    await openItem('我退休了 1 项', /养老金领取资格认证/);
    press('在手机上办理');
    expect(heading()).toBe('在手机上办理');
    expect(screen.getByText('https://zwfw.example.gov.cn/pension')).toBeTruthy();
  });

  it('带我去 is offered only with a robot', async () => {
    await openItem('我工作了 1 项', /社会保障卡申领/);
    expect(screen.queryByRole('button', { name: '带我去' })).toBeNull();
  });

  it('带我去: the trip’s progress and metres left, paused in words, blocked with the route on the map, 取消 asks the host', async () => {
    const robot = { phase: 'idle', status: { online: true, docked: true } } as const;
    const { fake, push } = await openItem('我工作了 1 项', /社会保障卡申领/, { robot });
    press('带我去');
    await until(() => expect(screen.getByText('请跟着机器人走，正在前往 A3 窗口')).toBeTruthy());
    expect(fake.requestsTo('robot:go')).toEqual([{ to: 'A3', requestId: expect.any(String) }]);
    expect(heading()).toBe('带您去 A3 窗口');

    push({ type: 'robot:changed', robot: { phase: 'walking', to: 'A3', progress: 0.5, remainingM: 13, status: { online: true } } });
    expect(screen.getByRole('progressbar', { name: '带路进度' }).getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('还有约 13 米')).toBeTruthy();

    push({ type: 'robot:changed', robot: { phase: 'paused', to: 'A3', progress: 0.5, remainingM: 13, status: { online: true, obstacle: true } } });
    expect(screen.getByText('前方有人或障碍，机器人暂停等待，请稍候')).toBeTruthy();
    press('取消带路');
    await until(() => expect(fake.requestsTo('robot:cancel')).toHaveLength(1));
    await until(() => expect(screen.getByText('已取消带路。您可以按下面的路线前往 A3 窗口')).toBeTruthy());

    push({ type: 'robot:changed', robot: { phase: 'blocked', to: 'A3', progress: 0.6, error: errorInfo('busy'), status: { online: true, obstacle: true } } });
    expect(screen.getByText('道路受阻，机器人无法继续。请按下面的路线自行前往 A3 窗口')).toBeTruthy();
    expect(screen.getByText('从本机出发约 26 米，步行约 1 分钟')).toBeTruthy();
    press('返回');
    await until(() => expect(heading()).toBe('社会保障卡申领'));
  });
});
