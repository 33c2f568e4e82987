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
import { IDLE_IDENTITY, type IdentityCitizenView } from '../../../../common/identity';
import { makeSnapshot, makeTicket, OPEN_BUSINESS, TAKE_TICKET_AVAILABLE } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const CITIZEN: IdentityCitizenView = { name: '王示例', idNumberMasked: '5201**********0027', cardKind: 'resident', age: 78, priority: true };

const ALL_METHODS = { face: true, fingerprint: true, staff: true };

async function openService(methods = ALL_METHODS) {
  const rig = await renderApp(makeSnapshot({ availability: [TAKE_TICKET_AVAILABLE, { service: 'identityTicket', available: true }], identity: { ...IDLE_IDENTITY, methods } }));
  fireEvent.click(screen.getByRole('button', { name: '刷身份证取号' }));
  await rig.settle();
  return rig;
}

/** Consent given to 刷脸: the card step begins. */
async function openCardStep() {
  const rig = await openService();
  expect(screen.getByRole('heading', { name: '刷脸核验前，请您确认' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
  await rig.settle();
  return rig;
}

const prompt = () => screen.getByTestId('card-step-prompt').textContent;

describe('App: 刷身份证取号', () => {
  it('asks for the card, follows the host through the read, and goes on to a priority ticket', async () => {
    const { fake, settle } = await openCardStep();
    expect(fake.requestsTo('identity:begin')).toEqual([{ purpose: 'ticket', method: 'face' }]);
    expect(screen.getByRole('heading', { name: '请将身份证放在读卡区' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'reading' }));
    expect(screen.getByRole('heading', { name: '正在读取身份证，请勿移动' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'face', citizen: CITIZEN, face: { prompt: 'turnLeft', challenge: { index: 0, total: 3 } } }));
    expect(screen.getByRole('heading', { name: '请看向屏幕上方的摄像头' })).toBeTruthy();
    expect(screen.getByTestId('verify-step-prompt').textContent).toBe('请慢慢向左转头，再转回来。');
    expect(screen.getByText('第 1 步，共 3 步')).toBeTruthy();
    act(() => fake.setIdentity({ step: 'verifying', face: undefined }));
    expect(screen.getByRole('heading', { name: '正在核验，请稍候' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'identified', citizen: CITIZEN, verifiedBy: 'face' }));
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
    expect(fake.requestsTo('identity:end')).toHaveLength(1); // leaving the service wipes the identity on the host
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

  it('declining 刷脸 offers a finger or 人工核验, equal to agreeing; a failed face offers another way', async () => {
    const { fake, settle } = await openService();
    const agree = screen.getByRole('button', { name: '同意，开始刷脸' });
    const decline = screen.getByRole('button', { name: '不同意，改用其他方式' });
    expect(agree.className).toBe(decline.className); // the same size and weight
    fireEvent.click(decline);
    await settle();
    expect(screen.getByRole('heading', { name: '请选择其他核验方式' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '同意，使用指纹核验' }));
    await settle();
    expect(fake.requestsTo('identity:begin')).toEqual([{ purpose: 'ticket', method: 'fingerprint' }]);
    act(() => fake.setIdentity({ step: 'finger', citizen: CITIZEN, finger: { prompt: 'place' } }));
    expect(screen.getByTestId('verify-step-prompt').textContent).toBe('请把手指平放在指纹采集器上。');
    act(() => fake.setIdentity({ step: 'refused', finger: undefined, error: errorInfo('fingerMismatch') }));
    fireEvent.click(screen.getByRole('button', { name: '改用其他方式' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: '办理人工核验' }));
    await settle();
    expect(fake.requestsTo('identity:begin').at(-1)).toEqual({ purpose: 'ticket', method: 'staff' });
  });

  it('without a camera goes straight to the other ways; at night 人工核验 says when staff are back', async () => {
    const { fake, settle } = await openService({ face: false, fingerprint: false, staff: true });
    expect(screen.queryByRole('button', { name: '同意，开始刷脸' })).toBeNull();
    expect(screen.queryByRole('button', { name: '同意，使用指纹核验' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '办理人工核验' }));
    await settle();
    act(() => fake.setIdentity({ step: 'staffCheck', citizen: CITIZEN, staff: { onDuty: false, backAt: '2026-11-24 09:00' } }));
    expect(screen.getByRole('heading', { name: '现在没有工作人员值班' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('09:00');
  });

  it('shows 请取走您的身份证 large whenever the host reminds, and says staff know of a card left', async () => {
    const { fake } = await openCardStep();
    act(() => fake.setIdentity({ step: 'idle', purpose: null, method: null, takeCard: { left: false } }));
    expect(screen.getByTestId('take-card-reminder').textContent).toBe('请取走您的身份证');
    act(() => fake.setIdentity({ takeCard: { left: true } }));
    expect(screen.getByTestId('take-card-reminder').textContent).toContain('工作人员已收到提醒');
    act(() => fake.setIdentity({ takeCard: null }));
    expect(screen.queryByTestId('take-card-reminder')).toBeNull();
  });
});
