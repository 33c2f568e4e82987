/**
 * 打印清单 (issue 16 §5): the materials checklist of an item or a bundle as a receipt (common/print-document.ts,
 * rendered in ESC/POS by the printer driver): the hall, what it is for, each material once with its form and
 * count and a box to tick, the ones not to bring (免提交) apart, where to go and how long it takes, and the online
 * entry as a QR code. Printed in the citizen's language, zh-CN where a text lacks it. Nothing personal.
 */
import type { ServiceItem } from '../../../common/guides';
import type { ChecklistLine } from '../../../common/guides-api';
import type { Language } from '../../../common/kiosk-api';
import { formatLocalDateTime } from '../../../common/local-time';
import type { PrintBlock, PrintDocument } from '../../../common/print-document';
import type { LocalText } from '../../../common/queue';

const WORDS = {
  'zh-CN': {
    title: '办事材料清单',
    bring: '请携带以下材料',
    shared: '以下材料无需提交（部门共享获取）',
    where: '办理地点',
    windows: '窗口',
    limits: (legal: number, committed: number) => `办理时限：法定 ${days('zh-CN', legal)}，承诺 ${days('zh-CN', committed)}`,
    online: '扫码在手机上办理',
    neededBy: '用于',
    footer: '材料以窗口最终要求为准',
    forms: { original: '原件', copy: '复印件', originalAndCopy: '原件和复印件', electronic: '电子版' },
    count: (n: number) => `${n} 份`,
    printed: '打印时间',
  },
  'zh-TW': {
    title: '辦事材料清單',
    bring: '請攜帶以下材料',
    shared: '以下材料無需提交（部門共享獲取）',
    where: '辦理地點',
    windows: '窗口',
    limits: (legal: number, committed: number) => `辦理時限：法定 ${days('zh-TW', legal)}，承諾 ${days('zh-TW', committed)}`,
    online: '掃碼在手機上辦理',
    neededBy: '用於',
    footer: '材料以窗口最終要求為準',
    forms: { original: '原件', copy: '複印件', originalAndCopy: '原件和複印件', electronic: '電子版' },
    count: (n: number) => `${n} 份`,
    printed: '列印時間',
  },
  en: {
    title: 'Checklist of documents',
    bring: 'Please bring',
    shared: 'Not needed (the department reads them from shared records)',
    where: 'Where',
    windows: 'Windows',
    limits: (legal: number, committed: number) => `Time limit: legal ${days('en', legal)}, committed ${days('en', committed)}`,
    online: 'Scan to do it on your phone',
    neededBy: 'for',
    footer: 'The window has the final word on documents',
    forms: { original: 'original', copy: 'copy', originalAndCopy: 'original and copy', electronic: 'electronic' },
    count: (n: number) => `× ${n}`,
    printed: 'Printed',
  },
} as const;

function days(language: Language, n: number): string {
  if (language === 'en') return n === 0 ? 'on the spot' : `${n} working day${n === 1 ? '' : 's'}`;
  return n === 0 ? '即办' : `${n} 个工作日`;
}

export const textIn = (text: LocalText, language: Language): string => text[language] ?? text['zh-CN'];

export interface ChecklistPrint {
  jobId: string;
  hallName: LocalText;
  /** The item's or bundle's name. */
  name: LocalText;
  lines: ChecklistLine[];
  /** The items the checklist is for (one for an item, the bundle's for a bundle). */
  items: ServiceItem[];
  language: Language;
  nowMs: number;
  timeZone: string;
  catalogueVersion: string;
}

export function checklistDocument(p: ChecklistPrint): PrintDocument {
  const w = WORDS[p.language];
  const t = (text: LocalText): string => textIn(text, p.language);
  const names = new Map(p.items.map((i) => [i.code, t(i.name)]));
  const material = (line: ChecklistLine, box: string): PrintBlock[] => {
    const m = line.material;
    const blocks: PrintBlock[] = [{ kind: 'text', text: `${box} ${t(m.name)}  ${w.forms[m.form]} ${w.count(m.count)}` }];
    if (p.items.length > 1) blocks.push({ kind: 'text', text: `   ${w.neededBy}: ${line.neededBy.map((c) => names.get(c) ?? c).join('、')}` });
    if (m.note) blocks.push({ kind: 'text', text: `   ${t(m.note)}` });
    return blocks;
  };
  const toBring = p.lines.filter((l) => !l.material.shared);
  const shared = p.lines.filter((l) => l.material.shared);
  const blocks: PrintBlock[] = [
    { kind: 'text', text: t(p.hallName), align: 'center' },
    { kind: 'text', text: w.title, align: 'center', scale: 2, bold: true },
    { kind: 'text', text: t(p.name), align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'text', text: w.bring, bold: true },
    ...toBring.flatMap((l) => material(l, '[ ]')),
  ];
  if (shared.length > 0) blocks.push({ kind: 'feed', lines: 1 }, { kind: 'text', text: w.shared, bold: true }, ...shared.flatMap((l) => material(l, ' - ')));
  blocks.push({ kind: 'rule' });
  for (const item of p.items) {
    if (p.items.length > 1) blocks.push({ kind: 'text', text: t(item.name), bold: true });
    blocks.push({ kind: 'text', text: `${w.where}: ${t(item.where.zone)} ${w.windows} ${item.where.windows.join(' ')}` });
    blocks.push({ kind: 'text', text: w.limits(item.legalLimitDays, item.committedLimitDays) });
  }
  const online = p.items.find((i) => i.onlineUrl !== undefined)?.onlineUrl;
  if (online && p.items.length === 1) blocks.push({ kind: 'feed', lines: 1 }, { kind: 'text', text: w.online, align: 'center' }, { kind: 'qr', data: online, align: 'center', moduleSize: 5 });
  blocks.push(
    { kind: 'rule' },
    { kind: 'text', text: w.footer, align: 'center' },
    { kind: 'text', text: `${w.printed} ${formatLocalDateTime(p.nowMs, p.timeZone)}  v${p.catalogueVersion}`, align: 'center' },
  );
  return { jobId: p.jobId, blocks, cut: 'full' };
}
