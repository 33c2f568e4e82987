/**
 * Draws a made-up paper (made-up-documents.ts) as an A4 page at 150 dpi (1240×1754 px, issue 17 §4) with
 * @napi-rs/canvas and the Noto Sans CJK font Debian ships: a business licence 营业执照 (副本) laid out as one column
 * of labelled fields, a household register page 常住人口登记卡 as a ruled table. Besides the image, the lines of
 * text it drew, in reading order: the ground truth the character accuracy is measured against.
 */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { BusinessLicenceTruth, DocumentTruth, HouseholdRegisterTruth } from './made-up-documents';

export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT = 'OcrPageCJK';
export const PAGE_WIDTH = 1240;
export const PAGE_HEIGHT = 1754;

let fontRegistered = false;
function registerFont(): void {
  if (fontRegistered) return;
  if (!GlobalFonts.registerFromPath(CJK_FONT_PATH, FONT)) throw new Error(`cannot load the CJK font ${CJK_FONT_PATH} (fonts-noto-cjk)`);
  fontRegistered = true;
}

export interface RenderedDocument {
  canvas: Canvas;
  /** The text drawn, one entry per printed line, in reading order (labels without their spacing). */
  truthLines: string[];
}

function page(): { canvas: Canvas; ctx: SKRSContext2D } {
  registerFont();
  const canvas = createCanvas(PAGE_WIDTH, PAGE_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  ctx.textBaseline = 'alphabetic';
  return { canvas, ctx };
}

/** Splits `text` into lines no wider than `width` at the current font (CJK text breaks anywhere). */
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A two-character label is printed spread over four (名　　称), as on the licence. */
const spread = (label: string): string => ([...label].length === 2 ? [...label].join('\u3000\u3000') : label);

function businessLicence(t: BusinessLicenceTruth): RenderedDocument {
  const { canvas, ctx } = page();
  const truthLines: string[] = [];
  ctx.fillStyle = '#b01010';
  ctx.font = `96px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('营业执照', PAGE_WIDTH / 2, 250);
  truthLines.push('营业执照');
  ctx.fillStyle = '#111111';
  ctx.font = `34px ${FONT}`;
  ctx.fillText('（副本）', PAGE_WIDTH / 2, 320);
  truthLines.push('（副本）');
  ctx.textAlign = 'left';
  const left = 130;
  const valueX = 440;
  const valueWidth = PAGE_WIDTH - valueX - 130;
  let y = 430;
  const fields: Array<[string, string]> = [
    ['统一社会信用代码', t.creditCode],
    ['名称', t.name],
    ['类型', t.type],
    ['法定代表人', t.legalRepresentative],
    ['经营范围', t.businessScope],
    ['注册资本', t.registeredCapital],
    ['成立日期', t.establishedOn],
    ['营业期限', t.term],
    ['住所', t.address],
  ];
  ctx.font = `30px ${FONT}`;
  for (const [label, value] of fields) {
    ctx.fillText(spread(label), left, y);
    const lines = wrap(ctx, value, valueWidth);
    lines.forEach((line, i) => {
      ctx.fillText(line, valueX, y + i * 48);
      truthLines.push(i === 0 ? `${label}${line}` : line);
    });
    y += 48 * lines.length + 30;
  }
  y = Math.max(y + 80, 1450);
  ctx.textAlign = 'right';
  ctx.fillText(`登记机关 ${t.authority}`, PAGE_WIDTH - 130, y);
  truthLines.push(`登记机关${t.authority}`);
  ctx.fillText(t.establishedOn, PAGE_WIDTH - 130, y + 60);
  truthLines.push(t.establishedOn);
  return { canvas, truthLines };
}

function householdRegister(t: HouseholdRegisterTruth): RenderedDocument {
  const { canvas, ctx } = page();
  const truthLines: string[] = [];
  ctx.fillStyle = '#111111';
  ctx.font = `60px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('常住人口登记卡', PAGE_WIDTH / 2, 230);
  truthLines.push('常住人口登记卡');
  ctx.textAlign = 'left';
  const columns = [100, 290, 560, 800, PAGE_WIDTH - 100];
  const rows: Array<[string, string, string, string]> = [
    ['姓名', t.name, '户主或与户主关系', t.relation],
    ['曾用名', t.formerName, '性别', t.sex],
    ['出生地', t.birthPlace, '民族', t.ethnicity],
    ['籍贯', t.nativePlace, '出生日期', t.birthDate],
    ['文化程度', t.education, '公民身份号码', t.idNumber],
    ['职业', t.occupation, '兵役状况', ''],
  ];
  const rowHeight = 96;
  const top = 320;
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 2;
  for (let r = 0; r <= rows.length; r++) {
    ctx.beginPath();
    ctx.moveTo(columns[0] as number, top + r * rowHeight);
    ctx.lineTo(columns[4] as number, top + r * rowHeight);
    ctx.stroke();
  }
  for (const x of columns) {
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + rows.length * rowHeight);
    ctx.stroke();
  }
  rows.forEach((cells, r) => {
    const baseline = top + r * rowHeight + rowHeight / 2 + 11;
    cells.forEach((text, c) => {
      ctx.font = `${c === 2 && [...text].length > 6 ? 24 : 30}px ${FONT}`;
      ctx.fillText(text, (columns[c] as number) + 14, baseline);
    });
    truthLines.push(cells.join(''));
  });
  ctx.font = `26px ${FONT}`;
  const foot = top + rows.length * rowHeight + 80;
  ctx.fillText('承办人签章：', 100, foot);
  ctx.fillText('登记日期：2020年6月18日', 700, foot);
  truthLines.push('承办人签章：登记日期：2020年6月18日');
  return { canvas, truthLines };
}

export function renderDocument(truth: DocumentTruth): RenderedDocument {
  return truth.kind === 'businessLicence' ? businessLicence(truth) : householdRegister(truth);
}
