// @vitest-environment jsdom
/**
 * 证明打印 in the renderer (issue 17 §2): after the host says identified, the platform's list, a preview page by
 * page, the print and its outcome, each told from the host's answer — a voided job offers 重新打印 under a new
 * request, a partial one says the sheets are for staff, an uncertain one never says "not printed".
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificatePreview } from '../../../../common/certificates-api';
import { IDLE_IDENTITY, type IdentityCitizenView } from '../../../../common/identity';
import { makeSnapshot } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const CITIZEN: IdentityCitizenView = { name: '王示例', idNumberMasked: '5201**********0027', cardKind: 'resident', age: 48, priority: false };
const CHOICES = [
  { kind: 'socialInsuranceRecord' as const, title: '个人参保证明', issuer: '示例市社会保险事业管理中心' },
  { kind: 'housingFundDeposit' as const, title: '公积金缴存证明', issuer: '示例市住房公积金管理中心' },
];
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const PREVIEW: CertificatePreview = { preparedId: 'CRT-0123456789ABCDEF', kind: 'socialInsuranceRecord', title: '个人参保证明', issuer: CHOICES[0]!.issuer, pages: 2, pageImages: [PIXEL, PIXEL], verificationCode: 'ABCD-EFGH-JKLM' };

async function identified() {
  const rig = await renderApp(makeSnapshot({ availability: [{ service: 'certificates', available: true }], identity: { ...IDLE_IDENTITY, methods: { face: true, fingerprint: false, staff: false } } }));
  rig.fake.handle('certificates:list', () => ({ outcome: 'listed', choices: CHOICES }));
  fireEvent.click(screen.getByRole('button', { name: '证明打印' }));
  await rig.settle();
  fireEvent.click(screen.getByRole('button', { name: '同意，开始刷脸' }));
  await rig.settle();
  expect(rig.fake.requestsTo('identity:begin')).toEqual([{ purpose: 'certificate', method: 'face' }]);
  act(() => rig.fake.setIdentity({ step: 'identified', citizen: CITIZEN, verifiedBy: 'face' }));
  fireEvent.click(screen.getByRole('button', { name: '继续，选择证明' }));
  await rig.settle();
  return rig;
}

describe('App: 证明打印', () => {
  it('lists what the platform offers, previews page by page, prints once and says where to take it', async () => {
    const { fake, settle } = await identified();
    expect(screen.getByRole('heading', { name: '请选择要打印的证明' })).toBeTruthy();
    fake.handle('certificates:prepare', () => ({ outcome: 'ready', preview: PREVIEW }));
    fireEvent.click(screen.getByRole('button', { name: /^个人参保证明/u }));
    await settle();
    expect(fake.requestsTo('certificates:prepare')).toEqual([{ kind: 'socialInsuranceRecord', requestId: expect.any(String) }]);
    expect(screen.getByRole('heading', { name: '请核对证明内容' })).toBeTruthy();
    expect(screen.getByText('验证码 ABCD-EFGH-JKLM')).toBeTruthy();
    expect(screen.getByRole('img', { name: '证明预览，第 1 页' })).toBeTruthy();
    expect(screen.getByText('第 1 页 / 共 2 页')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByRole('img', { name: '证明预览，第 2 页' })).toBeTruthy();
    fake.handle('certificates:print', () => ({ outcome: 'issued', issuanceId: PREVIEW.preparedId, pages: 2 }));
    fireEvent.click(screen.getByRole('button', { name: '确认打印' }));
    await settle();
    expect(fake.requestsTo('certificates:print')).toEqual([{ preparedId: PREVIEW.preparedId, requestId: expect.any(String) }]);
    expect(screen.getByRole('heading', { name: '打印完成，请从下方出纸口取走证明。' })).toBeTruthy();
    expect(screen.getByText(/共 2 页/u)).toBeTruthy();
    // 好差评 of this issuance, once the host offers it; it stays for the thanks after the host withdraws the offer.
    act(() => fake.push({ type: 'evaluation:changed', evaluation: { transactionId: PREVIEW.preparedId, kind: 'certificate', service: { 'zh-CN': '个人参保证明' } } }));
    fireEvent.click(screen.getByRole('button', { name: /^不满意/u }));
    fireEvent.click(screen.getByRole('button', { name: '办理时间太长' }));
    fake.handle('evaluation:submit', () => {
      fake.push({ type: 'evaluation:changed', evaluation: null });
      return { outcome: 'recorded', forwarded: true };
    });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await settle();
    expect(fake.requestsTo('evaluation:submit')).toEqual([{ transactionId: PREVIEW.preparedId, level: 'dissatisfied', reasons: ['slow'], requestId: `rating-${PREVIEW.preparedId}` }]);
    expect(screen.getByText(/感谢您的评价/u)).toBeTruthy();
  });

  it('a jam part-way: not printed, the sheets left for staff, 重新打印 prepares afresh; uncertain is told honestly', async () => {
    const { fake, settle } = await identified();
    fake.handle('certificates:prepare', () => ({ outcome: 'ready', preview: PREVIEW }));
    fireEvent.click(screen.getByRole('button', { name: /^个人参保证明/u }));
    await settle();
    fake.handle('certificates:print', () => ({ outcome: 'voided', code: 'paperJam', partial: true }));
    fireEvent.click(screen.getByRole('button', { name: '确认打印' }));
    await settle();
    expect(screen.getByRole('heading', { name: /^证明没有打印出来/u })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('工作人员会收走销毁');
    fireEvent.click(screen.getByRole('button', { name: '重新打印' }));
    await settle();
    const prepares = fake.requestsTo('certificates:prepare');
    expect(prepares).toHaveLength(2);
    expect(prepares[1]!.requestId).not.toBe(prepares[0]!.requestId);
    fake.handle('certificates:print', () => ({ outcome: 'uncertain', issuanceId: PREVIEW.preparedId }));
    fireEvent.click(screen.getByRole('button', { name: '确认打印' }));
    await settle();
    expect(screen.getByRole('heading', { name: /^打印状态暂时无法确认/u })).toBeTruthy();
    expect(screen.queryByText(/没有打印出来/u)).toBeNull();
  });

  it('says when the platform has no such record, and asks to identify again when the verification ran out', async () => {
    const { fake, settle } = await identified();
    fake.handle('certificates:prepare', () => ({ outcome: 'notAvailable' }));
    fireEvent.click(screen.getByRole('button', { name: /^公积金缴存证明/u }));
    await settle();
    expect(screen.getByRole('heading', { name: '平台暂无您的这项记录，无法出具该证明。' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    await settle();
    fake.handle('certificates:prepare', () => ({ outcome: 'identify' }));
    fireEvent.click(screen.getByRole('button', { name: /^个人参保证明/u }));
    await settle();
    expect(screen.getByRole('heading', { name: '刷脸核验前，请您确认' })).toBeTruthy();
  });
});
