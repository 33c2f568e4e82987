import { describe, expect, it } from 'vitest';
import type { PrintBlock } from '../../../common/print-document';
import { loadConfig } from '../config/load-config';
import { buildTicketDocument } from './ticket-document';
import { at } from './test-manual-clock';

const config = loadConfig({ env: {} });
const business = config.queue.businesses[0]!;
const ticket = { number: 'A023', day: '2026-11-23', peopleAhead: 7, estimatedWaitMinutes: 10 };
const texts = (blocks: PrintBlock[]): string[] => blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('buildTicketDocument', () => {
  it('prints the hall, the number large and bold, the wait, the place and the hall-local time', () => {
    const doc = buildTicketDocument({ ticket, business, hall: config.hall, issuedAtMs: at('2026-11-23T01:05:30Z'), jobId: 'job-7' });
    expect(doc.jobId).toBe('job-7');
    expect(doc.cut).toBe('full');
    expect(doc.blocks[0]).toEqual({ kind: 'text', text: '贵阳市政务服务中心 24小时自助服务区', align: 'center', bold: true });
    expect(doc.blocks).toContainEqual({ kind: 'text', text: 'A023', align: 'center', scale: 3, bold: true });
    expect(texts(doc.blocks)).toEqual([
      '贵阳市政务服务中心 24小时自助服务区',
      '社保医保',
      'A023',
      '前面还有 7 人',
      '预计等待约 10 分钟',
      '办理地点：二楼 A 区 1-6 号窗口',
      '取号时间：2026-11-23 09:05',
      '取号终端：自助终端 01',
      '过号请重新取号',
      '请留意叫号屏幕和语音提示',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', data: 'HALLKIOSK:gy-zwfw:2026-11-23:A023', align: 'center', moduleSize: 6 }]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'rule' });
  });

  it('fills the follow URL template and says what the code is for', () => {
    const hall = { ...config.hall, queueFollowUrl: 'https://queue.example.cn/{hall}/{date}?n={number}&h={hall}' };
    const doc = buildTicketDocument({ ticket, business, hall, issuedAtMs: at('2026-11-23T01:05:30Z'), jobId: 'j' });
    const qr = doc.blocks.find((b) => b.kind === 'qr');
    expect(qr).toMatchObject({ data: 'https://queue.example.cn/gy-zwfw/2026-11-23?n=A023&h=gy-zwfw' });
    expect(texts(doc.blocks)).toContain('扫码查看排队进度');
  });

  it('dates a ticket taken just after local midnight on the hall day, not the UTC one', () => {
    const doc = buildTicketDocument({
      ticket: { ...ticket, day: '2026-11-23', peopleAhead: 0, estimatedWaitMinutes: 0 },
      business,
      hall: config.hall,
      issuedAtMs: at('2026-11-22T16:00:00Z'),
      jobId: 'j',
    });
    expect(texts(doc.blocks)).toContain('取号时间：2026-11-23 00:00');
    expect(texts(doc.blocks)).toContain('前面还有 0 人');
    expect(texts(doc.blocks)).toContain('预计即将叫号');
  });

  it('marks a priority ticket', () => {
    const doc = buildTicketDocument({ ticket: { ...ticket, priority: 10 }, business, hall: config.hall, issuedAtMs: 0, jobId: 'j' });
    expect(texts(doc.blocks)).toContain('绿色通道 · 优先办理');
    const plain = buildTicketDocument({ ticket, business, hall: config.hall, issuedAtMs: 0, jobId: 'j' });
    expect(texts(plain.blocks).some((t) => t.includes('绿色通道'))).toBe(false);
  });
});
