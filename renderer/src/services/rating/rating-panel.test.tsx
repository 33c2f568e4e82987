// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationOffer, EvaluationSubmitResult } from '../../../../common/evaluation';
import type { Language } from '../../../../common/kiosk-api';
import { I18nProvider } from '../../i18n/I18nProvider';
import { RatingPanel, type EvaluationSubmission, type RatingPanelProps } from './RatingPanel';

afterEach(cleanup);

const OFFER: EvaluationOffer = { transactionId: 'ISS-20260314-0007', kind: 'certificate', service: { 'zh-CN': '个人参保证明打印', en: 'Print a social insurance certificate' } };
const LEVELS_ZH = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
const LEVELS_EN = ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'];

/** A reply the test gives when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Rig {
  submitted: EvaluationSubmission[];
  skips: number;
  done: number;
}

function renderPanel({ language = 'zh-CN', reply = () => Promise.resolve({ outcome: 'recorded', forwarded: true }), ...props }: Partial<RatingPanelProps> & { language?: Language; reply?: () => Promise<EvaluationSubmitResult> } = {}) {
  const rig: Rig = { submitted: [], skips: 0, done: 0 };
  render(
    <I18nProvider language={language}>
      <RatingPanel
        offer={OFFER}
        onSubmit={(s) => {
          rig.submitted.push(s);
          return reply();
        }}
        onSkip={() => rig.skips++}
        {...props}
      />
    </I18nProvider>,
  );
  return rig;
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

/** Every button is named by the text it shows (the faces and ✓ are hidden), and nothing else names it. */
function expectHonestButtons() {
  const buttons = [...document.querySelectorAll('button')];
  for (const button of buttons) {
    const clone = button.cloneNode(true) as Element;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    const label = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(label).not.toBe('');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(screen.getAllByRole('button', { name: label })).toContain(button);
  }
  return buttons.length;
}

describe('RatingPanel', () => {
  it('asks about the service and offers the five levels of GB/T 39735, each a face and its name, in zh-CN and en', () => {
    for (const [language, question, levels, submit, skip] of [
      ['zh-CN', '您对本次“个人参保证明打印”服务满意吗？', LEVELS_ZH, '提交评价', '跳过'],
      ['en', 'How satisfied are you with "Print a social insurance certificate"?', LEVELS_EN, 'Submit rating', 'Skip'],
    ] as const) {
      renderPanel({ language });
      const group = screen.getByRole('group', { name: question });
      const buttons = within(group).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual(levels);
      for (const b of buttons) {
        expect(b.getAttribute('aria-pressed')).toBe('false');
        expect(b.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
      }
      expect(screen.getByRole('button', { name: submit })).toBeTruthy();
      expect(screen.getByRole('button', { name: skip })).toBeTruthy();
      expect(expectHonestButtons()).toBe(7);
      cleanup();
    }
  });

  it('takes one level at a time, told by aria-pressed', () => {
    renderPanel();
    press('满意');
    expect(LEVELS_ZH.map(pressed)).toEqual(['false', 'true', 'false', 'false', 'false']);
    press('非常满意');
    expect(LEVELS_ZH.map(pressed)).toEqual(['true', 'false', 'false', 'false', 'false']);
  });

  it('says 请先选择一项评价 when 提交评价 is pressed before a level is chosen, and sends nothing', () => {
    const rig = renderPanel();
    press('提交评价');
    expect(screen.getByRole('alert').textContent).toBe('请先选择一项评价');
    expect(screen.getByRole('button', { name: '提交评价' }).getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(rig.submitted).toEqual([]);
    press('基本满意');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends a good rating without reasons, then thanks the citizen', async () => {
    const rig = renderPanel();
    press('非常满意');
    press('提交评价');
    expect(await screen.findByText('感谢您的评价')).toBeTruthy();
    expect(screen.getByText('您的评价已提交。')).toBeTruthy();
    expect(rig.submitted).toEqual([{ transactionId: OFFER.transactionId, level: 'verySatisfied' }]);
    expect(screen.queryByRole('button', { name: '跳过' })).toBeNull();
    expect(document.activeElement?.textContent).toContain('感谢您的评价');
  });

  it('a low level asks for reasons and will not go without one; the reasons are toggle chips', async () => {
    const rig = renderPanel();
    expect(screen.queryByRole('group', { name: '请选择不满意的原因（可多选）' })).toBeNull();
    press('不满意');
    const reasons = screen.getByRole('group', { name: '请选择不满意的原因（可多选）' });
    expect(within(reasons).getAllByRole('button').map((b) => b.textContent)).toEqual(['办理时间太长', '指引看不明白', '要交的材料太多', '机器出故障或不好用', '事情没办成', '其他']);
    press('提交评价');
    expect(screen.getByRole('alert').textContent).toBe('请至少选择一个不满意的原因');
    await act(async () => {});
    expect(rig.submitted).toEqual([]);
    press('机器出故障或不好用');
    expect(pressed('机器出故障或不好用')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    press('办理时间太长');
    press('办理时间太长');
    expect(pressed('办理时间太长')).toBe('false');
    expect(expectHonestButtons()).toBe(7 + 6 + 1);
    press('提交评价');
    await screen.findByText('感谢您的评价');
    expect(rig.submitted).toEqual([{ transactionId: OFFER.transactionId, level: 'dissatisfied', reasons: ['deviceProblem'] }]);
  });

  it('takes a comment on the on-screen keyboard under a low level, and sends it with the reasons', async () => {
    const rig = renderPanel();
    press('非常不满意');
    press('事情没办成');
    press('填写意见（选填）');
    expect(screen.getByRole('textbox', { name: '输入您的意见，最多 200 字' })).toBeTruthy();
    for (const key of ['k', 'a', 'z', 'h', 'i']) press(key);
    press('写好了');
    expect(screen.getByText('您的意见：kazhi')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '修改意见' }));
    press('提交评价');
    await screen.findByText('感谢您的评价');
    expect(rig.submitted).toEqual([{ transactionId: OFFER.transactionId, level: 'veryDissatisfied', reasons: ['notResolved'], comment: 'kazhi' }]);
  });

  it('uses the caller’s comment input when given one', async () => {
    function CallerInput({ onChange, label }: { onChange(v: string): void; label: string }) {
      const [shown] = useState(label);
      return (
        <button type="button" onClick={() => onChange('打印机卡纸了')}>
          {shown}
        </button>
      );
    }
    const rig = renderPanel({ renderCommentInput: ({ onChange, label }) => <CallerInput onChange={onChange} label={label} /> });
    press('不满意');
    press('其他');
    press('填写意见（选填）');
    expect(screen.queryByRole('textbox')).toBeNull();
    press('输入您的意见，最多 200 字');
    press('写好了');
    press('提交评价');
    await screen.findByText('感谢您的评价');
    expect(rig.submitted[0]?.comment).toBe('打印机卡纸了');
  });

  it('leaving a low level for a higher one hides the reasons and does not send them', async () => {
    const rig = renderPanel();
    press('不满意');
    press('要交的材料太多');
    press('基本满意');
    expect(screen.queryByRole('button', { name: '要交的材料太多' })).toBeNull();
    press('提交评价');
    await screen.findByText('感谢您的评价');
    expect(rig.submitted).toEqual([{ transactionId: OFFER.transactionId, level: 'basicallySatisfied' }]);
  });

  it('跳过 is always there, as large as 提交评价, and skips at once, once, without asking', () => {
    const rig = renderPanel();
    const skip = screen.getByRole('button', { name: '跳过' });
    expect(skip.className.split(' ').filter((c) => c !== 'button--secondary').sort()).toEqual(
      screen.getByRole('button', { name: '提交评价' }).className.split(' ').filter((c) => c !== 'button--primary').sort(),
    );
    press('不满意');
    expect(screen.getByRole('button', { name: '跳过' })).toBe(skip);
    fireEvent.click(skip);
    fireEvent.click(skip);
    expect(rig.skips).toBe(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rig.submitted).toEqual([]);
  });

  it('says so while submitting, takes no second tap, and is honest when the rating waits for the network', async () => {
    const reply = deferred<EvaluationSubmitResult>();
    const rig = renderPanel({ reply: () => reply.promise, onDone: () => {} });
    press('满意');
    press('提交评价');
    expect(screen.getByRole('status').textContent).toBe('正在提交评价，请稍候');
    expect(screen.getByRole('button', { name: '提交评价' }).getAttribute('aria-disabled')).toBe('true');
    press('提交评价');
    press('跳过');
    expect(rig.submitted).toHaveLength(1);
    expect(rig.skips).toBe(0);
    await act(async () => reply.resolve({ outcome: 'recorded', forwarded: false }));
    expect(screen.getByText('感谢您的评价')).toBeTruthy();
    expect(screen.getByText('网络暂时不通，您的评价已保存在本机，网络恢复后会自动提交。')).toBeTruthy();
  });

  it('thanks politely for a transaction rated already, and offers 完成 when the caller wants it', async () => {
    let done = 0;
    renderPanel({ language: 'en', reply: () => Promise.resolve({ outcome: 'alreadyRated' }), onDone: () => done++ });
    press('Satisfied');
    press('Submit rating');
    expect(await screen.findByText('You have already rated this service. Thank you.')).toBeTruthy();
    expect(screen.queryByText('Thank you for your rating')).toBeNull();
    press('Done');
    expect(done).toBe(1);
    expectHonestButtons();
  });

  it('says a failed submit plainly and lets the citizen submit again or skip', async () => {
    let calls = 0;
    const rig = renderPanel({ reply: () => (++calls === 1 ? Promise.reject(new Error('timeout')) : Promise.resolve({ outcome: 'recorded', forwarded: true })) });
    press('满意');
    press('提交评价');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('评价没有提交成功'));
    expect(pressed('满意')).toBe('true');
    press('提交评价');
    await screen.findByText('感谢您的评价');
    expect(rig.submitted).toHaveLength(2);
    expect(rig.submitted[1]).toEqual(rig.submitted[0]);
  });
});
