/**
 * A test page for the document camera (issue 17 §3 tests render their own pages): white paper with a heading,
 * lines of Chinese text and a solid black square in its top-left corner, so a test can tell an upright crop from
 * a turned one. Rendered with @napi-rs/canvas and Debian's Noto Sans CJK; PNG or JPEG bytes.
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
let fontLoaded = false;

export interface TestPage {
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** An A4-proportioned page (`width` × √2·width), the corner mark 8 % of the width. */
export function renderTestPage(width = 800, format: 'png' | 'jpeg' = 'png'): TestPage {
  if (!fontLoaded && existsSync(CJK_FONT)) fontLoaded = GlobalFonts.registerFromPath(CJK_FONT, 'Noto Sans CJK') !== null;
  const height = Math.round(width * Math.SQRT2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfbf8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  const mark = Math.round(width * 0.08);
  ctx.fillRect(Math.round(width * 0.04), Math.round(width * 0.04), mark, mark);
  ctx.fillStyle = '#222';
  ctx.font = `${Math.round(width / 18)}px "Noto Sans CJK"`;
  ctx.fillText('营业执照（副本）', width * 0.3, width * 0.12);
  ctx.font = `${Math.round(width / 34)}px "Noto Sans CJK"`;
  const lines = ['统一社会信用代码 91520100MA6DKXXX0X', '名称 贵阳市某某科技有限公司', '法定代表人 张三', '类型 有限责任公司', '住所 贵州省贵阳市观山湖区', '注册资本 壹佰万元整', '成立日期 2020年01月01日'];
  lines.forEach((line, i) => ctx.fillText(line, width * 0.1, width * 0.3 + i * width * 0.09));
  const buffer = format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 92);
  return { width, height, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}
