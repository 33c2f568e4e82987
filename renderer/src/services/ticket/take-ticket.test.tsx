// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import { KioskApiError } from '../../../../common/kiosk-api';
import type { TakeTicketResult } from '../../../../common/queue';
import { guardDocument } from '../../app/document-guard';
import { deferred } from '../../test-support/fake-kiosk-api';
import { makeTicket, OPEN_BUSINESS } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function openBusinessList() {
  const rig = await renderApp();
  fireEvent.click(screen.getByRole('button', { name: '取号' }));
  await rig.settle();
  return rig;
}

const openButton = () => screen.getByRole('button', { name: /^A 居民身份证/ });

describe('App: taking a ticket', () => {
  it('lists businesses: open ones with their queue, closed ones disabled with why and when', async () => {
    const { fake } = await openBusinessList();
    expect(fake.requestsTo('queue:list-businesses')).toHaveLength(1);
    expect(openButton().textContent).toContain('等候 4 人');
    expect(openButton().textContent).toContain('约 12 分钟');
    expect(openButton().getAttribute('aria-disabled')).toBeNull();

    const closed = screen.getByRole('button', { name: /^B 出入境证件/ });
    expect(closed.getAttribute('aria-disabled')).toBe('true');
    expect(closed.textContent).toContain('未到办理时间');
    expect(closed.textContent).toContain('办理时间 09:00-12:00，15:00-17:30');
    expect(closed.textContent).toContain('下次取号 今天 15:00');

    fireEvent.click(closed);
    expect(fake.requestsTo('queue:take-ticket')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
  });

  it('prints and shows the ticket, then 完成 ends the session', async () => {
    const { fake, settle } = await openBusinessList();
    const printed = deferred<TakeTicketResult>();
    fake.scriptTakeTicket(printed.promise);

    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('status').textContent).toContain('正在打印号票，请稍候');
    const [request] = fake.requestsTo('queue:take-ticket');
    expect(request?.businessId).toBe(OPEN_BUSINESS.id);
    expect(request?.requestId).toMatch(REQUEST_ID);

    await act(async () => printed.resolve({ outcome: 'issued', ticket: makeTicket({ peopleAhead: 3, estimatedWaitMinutes: 9 }) }));

    expect(screen.getByRole('heading', { name: '请取走您的号票' })).toBeTruthy();
    expect(screen.getByText('A012')).toBeTruthy();
    expect(screen.getByText('居民身份证')).toBeTruthy();
    expect(screen.getByText('前面还有 3 人')).toBeTruthy();
    expect(screen.getByText('预计等待约 9 分钟')).toBeTruthy();
    expect(screen.getByText('办理地点：一楼 A 区')).toBeTruthy();
    expect(screen.getByText('取号时间：今天 14:05')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    await settle();
    expect(fake.requestsTo('session:end')).toEqual([{ reason: 'done' }]);
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
  });

  it('a ticket the counters already called says so, with its counter, instead of people ahead (issue 13 §3)', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket({ peopleAhead: 0, progress: { state: 'called', counter: '3' } }) });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('status').textContent).toBe('已叫号，请到 3 号窗口办理');
    expect(screen.queryByText(/前面还有/)).toBeNull();
  });

  it('a presenter printer: 请取走您的号票 while the ticket waits in the mouth; then taken, or retracted with what to do', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket({ number: 'A012', delivery: 'presented' }) });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('请取走您的号票');
    expect(screen.getByText('号票在下方出票口，请取走。').getAttribute('role')).toBe('status');
    const requestId = fake.requestsTo('queue:take-ticket')[0]!.requestId;
    // An event for another request (the last citizen's ticket) changes nothing.
    act(() => fake.push({ type: 'ticket:delivery', requestId: 'other', number: 'A099', delivery: 'retracted' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('请取走您的号票');
    act(() => fake.push({ type: 'ticket:delivery', requestId, number: 'A012', delivery: 'taken' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您已取走号票');
    expect(screen.queryByText('号票在下方出票口，请取走。')).toBeNull();
    expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
  });

  it('a presented ticket nobody took is retracted: the screen says so and that the number stays valid', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket({ number: 'A013', delivery: 'presented' }) });
    fireEvent.click(openButton());
    await settle();
    act(() => fake.push({ type: 'ticket:delivery', requestId: fake.requestsTo('queue:take-ticket')[0]!.requestId, number: 'A013', delivery: 'retracted' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('号票已被收回');
    expect(screen.getByText(/号码仍然有效/).getAttribute('role')).toBe('status');
  });

  it('a finger held on the business: the long-press menu is stopped, the panel’s repeated taps ask once (issue 13)', async () => {
    const unguard = guardDocument(document);
    try {
      const { fake, settle } = await openBusinessList();
      const printing = deferred<TakeTicketResult>();
      fake.scriptTakeTicket(printing.promise);
      const button = openButton();
      fireEvent.pointerDown(button);
      expect(fireEvent.contextMenu(button), 'the long-press menu').toBe(false);
      // A resistive panel under a resting finger reports the tap again and again.
      act(() => {
        for (let i = 0; i < 5; i++) button.click();
      });
      fireEvent.pointerUp(button);
      await settle();
      expect(fake.requestsTo('queue:take-ticket')).toHaveLength(1);
      printing.resolve({ outcome: 'issued', ticket: makeTicket() });
      await settle();
      expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
      expect(fake.requestsTo('queue:take-ticket')).toHaveLength(1);
    } finally {
      unguard();
    }
  });

  it('sends one request for a double tap, and a fresh id for the next tap', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'refused', error: errorInfo('dailyCapReached') }, { outcome: 'issued', ticket: makeTicket() });
    const button = openButton();
    act(() => {
      button.click();
      button.click();
    });
    await settle();
    expect(fake.requestsTo('queue:take-ticket')).toHaveLength(1);
    expect(screen.getByText('该业务今日号源已满，请改日再来。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '重新取号' }));
    await settle();
    fireEvent.click(openButton());
    await settle();
    const ids = fake.requestsTo('queue:take-ticket').map((r) => r.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    expect(screen.getByText('A012')).toBeTruthy();
  });

  it('voided: says the number was cancelled, warns about a partial ticket, offers 重新取号', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'voided', number: 'A013', error: errorInfo('paperJam'), partial: true });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('heading', { name: '号票未能打印' })).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('本号已作废，您可以重新取号。');
    expect(alert.textContent).toContain('作废号码：A013');
    expect(alert.textContent).toContain('如出票口有不完整的号票，请勿使用。');
    expect(alert.textContent).toContain('原因：取号机卡纸，暂时无法出票。');
    expect(screen.getByRole('button', { name: '重新取号' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
  });

  it('voided without a partial ticket does not mention one', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'voided', error: errorInfo('paperOut'), partial: false });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('alert').textContent).not.toContain('不完整');
  });

  it('uncertain: asks the citizen to look for that number, no retake offered', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'uncertain', number: 'A014', error: errorInfo('printUncertain') });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('heading', { name: '打印状态不确定' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('请查看出票口是否有号票 A014；如没有，请联系工作人员。');
    expect(screen.queryByRole('button', { name: '重新取号' })).toBeNull();
    expect(screen.getByRole('button', { name: '返回首页' })).toBeTruthy();
  });

  it('an API failure (offline) offers 重试 with the SAME request id, which the host dedupes', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket(Promise.reject(new KioskApiError(errorInfo('offline'))), { outcome: 'issued', ticket: makeTicket() });
    fireEvent.click(openButton());
    await settle();
    expect(screen.getByRole('heading', { name: '取号未能完成' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('设备或网络暂时无法连接，请稍后再试。');

    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await settle();
    const ids = fake.requestsTo('queue:take-ticket').map((r) => r.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(screen.getByText('A012')).toBeTruthy();
  });

  it('an API failure that retrying cannot fix offers only 返回首页', async () => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket(Promise.reject(new KioskApiError(errorInfo('badRequest'))));
    fireEvent.click(openButton());
    await settle();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(within(screen.getByRole('main')).getAllByRole('button').map((b) => b.textContent)).toEqual(['返回首页']);
  });

  it('ignores a late answer once the host has ended the session', async () => {
    const { fake, settle, push } = await openBusinessList();
    const late = deferred<TakeTicketResult>();
    fake.scriptTakeTicket(late.promise);
    fireEvent.click(openButton());
    await settle();
    push({ type: 'session:changed', session: { ...fake.snapshot.session, phase: 'attract', sessionId: null } });
    await act(async () => late.resolve({ outcome: 'issued', ticket: makeTicket() }));
    expect(screen.queryByText('A012')).toBeNull();
    expect(screen.getByRole('button', { name: '点击开始' })).toBeTruthy();
  });
});
