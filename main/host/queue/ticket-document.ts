/**
 * The printed queue ticket (domain.md "Queue tickets": the number, people waiting, an estimated wait, the
 * window zone, the time, and a QR code to follow the queue on a phone). Laid out as device-neutral blocks
 * (common/print-document.ts); the ESC/POS driver renders them (protocols.md §2.1, §2.2 QR). Simplified
 * Chinese; nothing on it is personal data.
 */
import { formatLocalDateTime } from '../../../common/local-time';
import type { PrintBlock, PrintDocument } from '../../../common/print-document';
import type { BusinessConfig, HallConfig } from '../config/config-types';
import type { PriorityReason, ReservedTicket } from './queue-types';

export interface TicketDocumentInput {
  ticket: Pick<ReservedTicket, 'number' | 'day' | 'peopleAhead' | 'estimatedWaitMinutes'> & { priority?: number; priorityReason?: PriorityReason };
  business: Pick<BusinessConfig, 'name' | 'zone'>;
  hall: Pick<HallConfig, 'id' | 'name' | 'kioskName' | 'timeZone' | 'queueFollowUrl'>;
  issuedAtMs: number;
  jobId: string;
  /** Printed by a training kiosk: marked 演示票 at its top and foot, so nobody takes it to a counter. */
  training?: boolean;
}

/** The training mark (issue 13 §3). */
export const TRAINING_MARK = '演示票 · 仅供培训 不能办理业务';

/** An appointment checked in at the kiosk (issue 14 item 7): its ticket jumps the queue. */
export const APPOINTMENT_PRIORITY_LINE = '预约签到 · 优先办理';

/** Printed when no follow URL is configured: enough for a hall scanner to find the ticket. */
export const COMPACT_QR_SCHEME = 'HALLKIOSK';

/** The QR payload: the hall's follow URL with {hall}, {date} and {number} filled in, else a compact one. */
export function ticketQrData(hall: TicketDocumentInput['hall'], day: string, number: string): string {
  if (hall.queueFollowUrl === undefined) return `${COMPACT_QR_SCHEME}:${hall.id}:${day}:${number}`;
  return hall.queueFollowUrl
    .replaceAll('{hall}', encodeURIComponent(hall.id))
    .replaceAll('{date}', encodeURIComponent(day))
    .replaceAll('{number}', encodeURIComponent(number));
}

function waitLine(minutes: number, peopleAhead: number): string {
  return peopleAhead === 0 || minutes === 0 ? '预计即将叫号' : `预计等待约 ${minutes} 分钟`;
}

export function buildTicketDocument(input: TicketDocumentInput): PrintDocument {
  const { ticket, business, hall } = input;
  const mark: PrintBlock[] = input.training ? [{ kind: 'text', text: TRAINING_MARK, align: 'center', bold: true }] : [];
  const blocks: PrintBlock[] = [
    ...mark,
    { kind: 'text', text: hall.name['zh-CN'], align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'text', text: business.name['zh-CN'], align: 'center', scale: 2, bold: true },
    { kind: 'text', text: ticket.number, align: 'center', scale: 3, bold: true },
  ];
  if ((ticket.priority ?? 0) > 0) blocks.push({ kind: 'text', text: ticket.priorityReason === 'appointment' ? APPOINTMENT_PRIORITY_LINE : '绿色通道 · 优先办理', align: 'center', bold: true });
  blocks.push(
    { kind: 'text', text: `前面还有 ${ticket.peopleAhead} 人`, align: 'center', scale: 2 },
    { kind: 'text', text: waitLine(ticket.estimatedWaitMinutes, ticket.peopleAhead), align: 'center' },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: `办理地点：${business.zone['zh-CN']}` },
    { kind: 'text', text: `取号时间：${formatLocalDateTime(input.issuedAtMs, hall.timeZone)}` },
    { kind: 'text', text: `取号终端：${hall.kioskName['zh-CN']}` },
    { kind: 'qr', data: ticketQrData(hall, ticket.day, ticket.number), align: 'center', moduleSize: 6 },
  );
  if (hall.queueFollowUrl !== undefined) blocks.push({ kind: 'text', text: '扫码查看排队进度', align: 'center' });
  blocks.push(
    { kind: 'text', text: '过号请重新取号', align: 'center' },
    { kind: 'text', text: '请留意叫号屏幕和语音提示', align: 'center' },
    { kind: 'rule' },
    ...mark,
  );
  return { jobId: input.jobId, blocks, cut: 'full' };
}
