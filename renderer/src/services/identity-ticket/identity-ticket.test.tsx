// @vitest-environment jsdom
/**
 * 刷身份证取号 in the renderer (issue 14 §7, §10): the card step's prompts follow the host's identity events,
 * a refused card says why with a retry, the identified screen shows the citizen's own name and the masked
 * number only, the ticket says 绿色通道 when the host granted it, and a second ticket is refused with the
 * number already held. 请取走您的身份证 shows whenever the host says so.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import type { IdentityCitizenView } from '../../../../common/identity';
import { makeSnapshot, makeTicket, OPEN_BUSINESS, TAKE_TICKET_AVAILABLE } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const CITIZEN: IdentityCitizenView = { name: '王示例', idNumberMasked: '5201**********0027', cardKind: 'resident', age: 78, priority: true };

async function openCardStep() {
  const rig = await renderApp(makeSnapshot({ availability: [TAKE_TICKET_AVAILABLE, { service: 'identityTicket', available: true }] }));
  fireEvent.click(screen.getByRole('button', { name: '刷身份证取号' }));
  await rig.settle();
  return rig;
}

const prompt = () => screen.getByTestId('card-step-prompt').textContent;

describe('App: 刷身份证取号', () => {
  it('asks for the card, follows the host through the read, and goes on to a priority ticket', async () => {
    const { fake, settle } = await openCardStep();
    expect(fake.requestsTo('identity:begin')).toEqual([{ purpose: 'ticket' }]);
    expect(screen.getByRole('heading', { name: '请将身份证放在读卡区' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'reading' }));
    expect(screen.getByRole('heading', { name: '正在读取身份证，请勿移动' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'identified', citizen: CITIZEN }));
    expect(screen.getByRole('heading', { name: '身份已确认' })).toBeTruthy();
    expect(screen.getByTestId('identified-name').textContent).toBe('姓名：王示例');
    expect(screen.getByTestId('identified-id').textContent).toBe('证件号码：5201**********0027');
    expect(screen.getByTestId('identified-priority').textContent).toContain('绿色通道');

    fireEvent.click(screen.getByRole('button', { name: '继续取号' }));
    await settle();
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
    fake.scriptTakeTicket({ outcome: 'issued', ticket: makeTicket({ priority: true }) });
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${OPEN_BUSINESS.prefix} `) }));
    await settle();
    expect(screen.getByText('绿色通道 · 优先办理')).toBeTruthy();
    expect(fake.requestsTo('identity:cancel')).toHaveLength(0); // an established identity is not cancelled
  });

  it('says why a card was refused and reads again on 重新刷卡; leaving cancels the wait', async () => {
    const { fake, settle } = await openCardStep();
    act(() => fake.setIdentity({ step: 'refused', error: errorInfo('cardExpired') }));
    expect(screen.getByRole('heading', { name: '无法使用这张证件' })).toBeTruthy();
    expect(prompt()).toContain('已过有效期');
    fireEvent.click(screen.getByRole('button', { name: '重新刷卡' }));
    await settle();
    expect(fake.requestsTo('identity:begin')).toHaveLength(2);
    expect(prompt()).toContain('平放在屏幕下方的读卡区');
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    await settle();
    expect(fake.requestsTo('identity:cancel')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: '请选择服务' })).toBeTruthy();
  });

  it('shows the number already held when the host refuses a second ticket for the same card', async () => {
    const { fake, settle } = await openCardStep();
    act(() => fake.setIdentity({ step: 'identified', citizen: { ...CITIZEN, priority: false } }));
    fireEvent.click(screen.getByRole('button', { name: '继续取号' }));
    await settle();
    fake.scriptTakeTicket({ outcome: 'refused', error: errorInfo('ticketAlreadyHeld'), heldNumber: 'A007' });
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${OPEN_BUSINESS.prefix} `) }));
    await settle();
    expect(screen.getByText(/您今天已取过该业务的号/)).toBeTruthy();
    expect(screen.getByText('您持有的号码：A007')).toBeTruthy();
  });

  it('shows 请取走您的身份证 large whenever the host reminds, and says staff know of a card left', async () => {
    const { fake } = await openCardStep();
    act(() => fake.setIdentity({ step: 'idle', purpose: null, takeCard: { left: false } }));
    expect(screen.getByTestId('take-card-reminder').textContent).toBe('请取走您的身份证');
    act(() => fake.setIdentity({ takeCard: { left: true } }));
    expect(screen.getByTestId('take-card-reminder').textContent).toContain('工作人员已收到提醒');
    act(() => fake.setIdentity({ takeCard: null }));
    expect(screen.queryByTestId('take-card-reminder')).toBeNull();
  });
});
