// @vitest-environment jsdom
/**
 * 预约签到 in the renderer (issue 14 items 6–7) against the fake KioskApi: the scan screen with the card as the
 * equal alternative, a keyboard-wedge burst handed to the host, the host's found / refused views, 确认签到 to
 * the priority ticket, and every answer that is not a ticket told with a way forward.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentChoice } from '../../../../common/appointment';
import { errorInfo } from '../../../../common/errors';
import { makeSnapshot, makeTicket, OPEN_BUSINESS, TAKE_TICKET_AVAILABLE } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const CODE = 'APT1.eyJpZCI6IkFCQyJ9.0123456789abcdefghijkl';

const CHOICE: AppointmentChoice = {
  code: CODE,
  businessId: OPEN_BUSINESS.id,
  businessName: OPEN_BUSINESS.name,
  zone: OPEN_BUSINESS.zone,
  windowStartLocal: '2025-03-14 14:00',
  windowEndLocal: '2025-03-14 15:00',
  personMaskedName: '张**',
  standing: 'open',
};

async function openCheckIn() {
  const rig = await renderApp(makeSnapshot({ availability: [TAKE_TICKET_AVAILABLE, { service: 'appointmentCheckIn', available: true }] }));
  fireEvent.click(screen.getByRole('button', { name: '预约签到' }));
  await rig.settle();
  return rig;
}

/** A keyboard-wedge scanner: the whole code within a few ms, then Enter. */
function wedge(text: string): void {
  [...text, 'Enter'].forEach((key, i) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: 5_000 + i * 4 });
    document.body.dispatchEvent(event);
  });
}

const found = (choice: AppointmentChoice = CHOICE) => ({ step: 'found' as const, source: 'code' as const, appointments: [choice], error: undefined });

describe('App: 预约签到', () => {
  it('scan screen: the QR prompt and the card the same size beside it; a wedge burst goes to the host; found → 确认签到 → the priority ticket', async () => {
    const { fake, settle } = await openCheckIn();
    expect(fake.requestsTo('appointment:begin')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: '请将预约二维码对准扫码口' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '刷身份证签到' })).toBeTruthy();
    act(() => wedge(CODE));
    await settle();
    expect(fake.requestsTo('appointment:submit-code')).toEqual([{ code: CODE }]);

    act(() => fake.setAppointment({ step: 'looking', source: 'code' }));
    expect(screen.getByRole('status').textContent).toContain('正在查询您的预约');
    act(() => fake.setAppointment(found()));
    expect(screen.getByRole('heading', { name: '找到您的预约' })).toBeTruthy();
    expect(screen.getByTestId('appointment-window').textContent).toBe('预约时段：今天 14:00 至 15:00');
    expect(screen.getByTestId('appointment-name').textContent).toBe('预约人：张**');

    fake.scriptCheckIn({ checkedIn: true, ticket: { outcome: 'issued', ticket: makeTicket({ priority: true }) } });
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    await settle();
    expect(fake.requestsTo('appointment:check-in')).toEqual([{ code: CODE, requestId: expect.any(String) }]);
    expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
    expect(screen.getByText('预约签到 · 优先办理')).toBeTruthy();
    expect(screen.queryByText('绿色通道 · 优先办理')).toBeNull();
  });

  it('early: says when check-in opens, with 重新扫码, 取普通号 and home; 取普通号 is the ordinary ticket and stops the scanner', async () => {
    const { fake, settle } = await openCheckIn();
    act(() =>
      fake.setAppointment({
        step: 'refused',
        source: 'code',
        error: errorInfo('appointmentEarly'),
        opensAtLocal: '2025-03-14 16:30',
        appointments: [{ ...CHOICE, standing: 'early', opensAtLocal: '2025-03-14 16:30' }],
      }),
    );
    expect(screen.getByRole('heading', { name: /无法按预约签到/ })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('还没到签到时间');
    expect(screen.getByTestId('appointment-opens-at').textContent).toBe('签到开始时间：今天 16:30');
    for (const name of ['重新扫码', '取普通号', '返回首页']) expect(screen.getByRole('button', { name })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取普通号' }));
    await settle();
    expect(screen.getByRole('heading', { name: '选择业务' })).toBeTruthy();
    expect(fake.requestsTo('appointment:cancel')).toHaveLength(1);
  });

  it.each([
    ['appointmentLate', '预约时段已经过了'],
    ['appointmentUsed', '已经签到过了'],
    ['appointmentForged', '无法确认是有效预约'],
    ['appointmentUnknown', '没有找到这个预约'],
    ['scanUnreadable', '未能识别'],
  ] as const)('%s from a scan: its own sentence, and 重新扫码 asks the host to read again', async (code, words) => {
    const { fake, settle } = await openCheckIn();
    act(() => fake.setAppointment({ step: 'refused', source: 'code', error: errorInfo(code) }));
    expect(screen.getByRole('alert').textContent).toContain(words);
    fireEvent.click(screen.getByRole('button', { name: '重新扫码' }));
    await settle();
    expect(fake.requestsTo('appointment:begin')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: '请将预约二维码对准扫码口' })).toBeTruthy();
  });

  it('the platform timed out on check-in: 重试 is a new attempt for the same code', async () => {
    const { fake, settle } = await openCheckIn();
    act(() => fake.setAppointment(found()));
    fake.scriptCheckIn({ checkedIn: false, error: errorInfo('platformTimeout') }, { checkedIn: true, ticket: { outcome: 'issued', ticket: makeTicket({ priority: true }) } });
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('响应较慢');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await settle();
    const [first, second] = fake.requestsTo('appointment:check-in');
    expect(second!.code).toBe(CODE);
    expect(second!.requestId).not.toBe(first!.requestId);
    expect(screen.getByText('预约签到 · 优先办理')).toBeTruthy();
  });

  it('a lost reply (the link timed out): 重试 sends the same request again', async () => {
    const { fake, settle } = await openCheckIn();
    act(() => fake.setAppointment(found()));
    fake.fail('appointment:check-in', 'timeout');
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    await settle();
    fake.handle('appointment:check-in', () => ({ checkedIn: true, ticket: { outcome: 'issued', ticket: makeTicket({ priority: true }) } }));
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await settle();
    const [first, second] = fake.requestsTo('appointment:check-in');
    expect(second).toEqual(first);
    expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
  });

  it('checked in but the print failed: says the appointment is checked in and staff can print or call it', async () => {
    const { fake, settle } = await openCheckIn();
    act(() => fake.setAppointment(found()));
    fake.scriptCheckIn({ checkedIn: true, ticket: { outcome: 'voided', number: 'A013', error: errorInfo('paperOut'), partial: false } });
    fireEvent.click(screen.getByRole('button', { name: '确认签到' }));
    await settle();
    expect(screen.getByRole('heading', { name: '预约已签到，号票未能打印' })).toBeTruthy();
    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toContain('不用再次签到');
    expect(alert).toContain('补打号票或直接叫号');
    expect(alert).toContain('缺纸');
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('刷身份证签到: the card step for an appointment (the card alone), then the host’s look-up by card', async () => {
    const { fake, settle } = await openCheckIn();
    fireEvent.click(screen.getByRole('button', { name: '刷身份证签到' }));
    await settle();
    expect(fake.requestsTo('identity:begin')).toEqual([{ purpose: 'appointment', method: 'card' }]);
    expect(screen.getByRole('heading', { name: '请将身份证放在读卡区' })).toBeTruthy();
    act(() => fake.setIdentity({ step: 'identified', citizen: { name: '张示例', idNumberMasked: '5201**********1234', cardKind: 'resident', age: 35, priority: false } }));
    await settle();
    expect(fake.requestsTo('appointment:find-by-card')).toHaveLength(1);
    act(() => fake.setAppointment({ step: 'refused', source: 'card', error: errorInfo('appointmentUnknown') }));
    expect(screen.getByRole('alert').textContent).toContain('没有查到您今天的预约');
    act(() => fake.setAppointment({ ...found(), source: 'card' }));
    expect(within(screen.getByRole('list')).getByRole('button', { name: '确认签到' })).toBeTruthy();
  });

  it('the card reader cannot read: 刷身份证签到 stays named, withdrawn, and says why', async () => {
    const { fake } = await openCheckIn();
    act(() => fake.setAppointment({ step: 'scanning', inputs: { scanner: true, card: false } }));
    const button = screen.getByRole('button', { name: '刷身份证签到' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toContain('读卡器暂时无法使用');
  });

  it('every button’s accessible name is its visible label, in elder mode too', async () => {
    const { fake, settle } = await openCheckIn();
    fireEvent.click(screen.getByRole('button', { name: '长辈模式' }));
    await settle(); // the host sets it (session:elder)
    expect(document.querySelector('.app--elder')).not.toBeNull();
    for (const view of [{ step: 'scanning' as const }, found(), { step: 'refused' as const, source: 'code' as const, error: errorInfo('appointmentLate') }]) {
      act(() => fake.setAppointment(view));
      for (const button of document.querySelectorAll('button')) {
        const clone = button.cloneNode(true) as Element;
        clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
        const label = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
        expect(label).not.toBe('');
        expect(button.hasAttribute('aria-label')).toBe(false);
        expect(screen.getAllByRole('button', { name: label })).toContain(button);
      }
    }
  });
});
