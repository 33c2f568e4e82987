// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import type { TakeTicketResult } from '../../../../common/queue';
import { makeBusiness, makeSnapshot, makeTicket } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

/** Opens the business list in `language` (chosen on the home screen by its visible label). */
async function openBusinessList(options: { language?: string; takeTicket?: string; businesses?: ReturnType<typeof makeBusiness>[] } = {}) {
  const rig = await renderApp(options.businesses ? makeSnapshot({ businesses: options.businesses }) : undefined);
  if (options.language) fireEvent.click(screen.getByRole('button', { name: options.language }));
  fireEvent.click(screen.getByRole('button', { name: options.takeTicket ?? '取号' }));
  await rig.settle();
  return rig;
}

async function refusedWith(result: TakeTicketResult, options: Parameters<typeof openBusinessList>[0] = {}): Promise<string> {
  const { fake, settle } = await openBusinessList(options);
  fake.scriptTakeTicket(result);
  fireEvent.click(screen.getByRole('button', { name: /^A / }));
  await settle();
  return screen.getByRole('alert').textContent ?? '';
}

describe('App: a refused ticket tells the specific closed reason', () => {
  it('stoppedIssuing with closesAt and nextOpen: 已停止取号，本业务 17:00 截止, and when it opens next', async () => {
    const alert = await refusedWith({
      outcome: 'refused',
      error: errorInfo('businessClosed'),
      closed: { reason: 'stoppedIssuing', hoursToday: ['09:00-17:00'], closesAt: '17:00', nextOpen: '2025-03-15 09:00' },
    });
    expect(screen.getByRole('heading', { name: '暂时无法取号' })).toBeTruthy();
    expect(alert).toContain('已停止取号，本业务 17:00 截止');
    expect(alert).toContain('下次取号 明天 09:00');
    expect(alert).not.toContain('该业务当前不在办理时间。');
    expect(screen.getByRole('button', { name: '重新取号' })).toBeTruthy();
  });

  it.each([
    ['holiday', '今日休息（节假日）'],
    ['notServiceDay', '今日休息'],
    ['beforeHours', '未到办理时间'],
    ['afterHours', '今日办理时间已过'],
    ['stoppedIssuing', '已停止取号'],
    ['dailyCapReached', '今日号源已满'],
  ] as const)('%s without closesAt or nextOpen: %s, and no next-open line', async (reason, wording) => {
    const code = reason === 'dailyCapReached' ? 'dailyCapReached' : 'businessClosed';
    const alert = await refusedWith({ outcome: 'refused', error: errorInfo(code), closed: { reason, hoursToday: [] } });
    expect(alert).toBe(wording);
  });

  it('a nextOpen later than tomorrow is worded as a date, like the business list', async () => {
    const alert = await refusedWith({
      outcome: 'refused',
      error: errorInfo('businessClosed'),
      closed: { reason: 'holiday', hoursToday: [], nextOpen: '2025-03-17 09:00' },
    });
    expect(alert).toBe('今日休息（节假日）下次取号 3月17日 09:00');
  });

  it('without closed info the generic error sentence stays', async () => {
    const alert = await refusedWith({ outcome: 'refused', error: errorInfo('businessClosed') });
    expect(alert).toBe('该业务当前不在办理时间。');
  });

  it('in 繁體中文 and English', async () => {
    const result: TakeTicketResult = {
      outcome: 'refused',
      error: errorInfo('businessClosed'),
      closed: { reason: 'stoppedIssuing', hoursToday: ['09:00-17:00'], closesAt: '17:00', nextOpen: '2025-03-15 09:00' },
    };
    const tw = await refusedWith(result, { language: '繁體中文', takeTicket: '取號' });
    expect(tw).toContain('已停止取號，本業務 17:00 截止');
    expect(tw).toContain('下次取號 明天 09:00');
    cleanup();
    const en = await refusedWith(result, { language: 'English', takeTicket: 'Take a ticket' });
    expect(en).toContain('Tickets are no longer issued; this service closes at 17:00');
    expect(en).toContain('Tickets again from tomorrow 09:00');
    expect(en).not.toContain('This service is not open at the moment.');
  });
});

describe('App: an empty queue is worded as no wait', () => {
  const empty = makeBusiness({ waiting: 0, estimatedWaitMinutes: 0 });

  it('business list: 无需等候 instead of 等候 0 人 约 0 分钟; the accessible name is the visible text', async () => {
    await openBusinessList({ businesses: [empty] });
    const button = screen.getByRole('button', { name: 'A 居民身份证 无需等候' });
    expect(button.textContent).not.toMatch(/0 人|0 分钟/);
  });

  it('business list: people waiting with a 0 estimate say 即将叫号, not 约 0 分钟', async () => {
    await openBusinessList({ businesses: [makeBusiness({ waiting: 2, estimatedWaitMinutes: 0 })] });
    expect(screen.getByRole('button', { name: 'A 居民身份证 等候 2 人 即将叫号' })).toBeTruthy();
  });

  it('business list in 繁體中文 and English', async () => {
    await openBusinessList({ businesses: [empty], language: '繁體中文', takeTicket: '取號' });
    expect(screen.getByRole('button', { name: 'A 居民身份證 無需等候' })).toBeTruthy();
    cleanup();
    await openBusinessList({ businesses: [empty], language: 'English', takeTicket: 'Take a ticket' });
    expect(screen.getByRole('button', { name: 'A Resident ID card No wait' })).toBeTruthy();
  });

  it('an open queue keeps its numbers', async () => {
    await openBusinessList({ businesses: [makeBusiness({ waiting: 4, estimatedWaitMinutes: 12 })] });
    expect(screen.getByRole('button', { name: 'A 居民身份证 等候 4 人 约 12 分钟' })).toBeTruthy();
  });

  it.each([
    [0, 0],
    [0, 5],
    [3, 0],
  ])('ticket screen with %i ahead and a %i minute estimate says 预计即将叫号, as the printed ticket', async (peopleAhead, minutes) => {
    const { fake, settle } = await openBusinessList();
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket({ peopleAhead, estimatedWaitMinutes: minutes }) });
    fireEvent.click(screen.getByRole('button', { name: /^A / }));
    await settle();
    expect(screen.getByText('预计即将叫号')).toBeTruthy();
    expect(screen.queryByText(/约 \d+ 分钟/)).toBeNull();
  });
});
