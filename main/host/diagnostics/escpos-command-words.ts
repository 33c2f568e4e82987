/**
 * ESC/POS commands and status bits in plain words for the frame log (protocols.md §2.1–§2.7), and which bytes
 * of each command are print data to mask: a ticket's text may hold a masked name or more, and a QR code, a
 * barcode or an image may carry what the citizen's ticket carries (issue 15 §3 "personal data masked"). The
 * command bytes themselves stay visible; the data after them is hidden.
 */
import type { ByteRange } from '../../../common/hex-dump';
import type { EscPosCommand, EscPosCommandType } from '../../../drivers/protocol/escpos/command-parser';
import type { EscPosStatusBits } from '../../../drivers/protocol/escpos/status-bits';
import { MASKED, hex2 } from './frame-describer';

type Words<T extends EscPosCommandType> = (command: Extract<EscPosCommand, { type: T }>) => string;

/** Bytes of an unrecognised sequence shown: its introducer and first byte; anything after may be data. */
const UNKNOWN_VISIBLE_BYTES = 2;

const onOff = (on: boolean): string => (on ? '开 / on' : '关 / off');

/** DLE EOT n: what each n asks (§2.4). */
export const REALTIME_STATUS_NAMES: Readonly<Record<number, string>> = {
  1: '打印机 / printer',
  2: '脱机原因 / offline cause',
  3: '错误原因 / error cause',
  4: '纸 / paper',
  20: '完整状态 / full status',
};

const WORDS: { [T in EscPosCommandType]: Words<T> } = {
  text: (c) => `文字 / text ${c.raw.length} B ${MASKED}`,
  lineFeed: () => 'LF 换行 / line feed',
  carriageReturn: () => 'CR 回车 / carriage return',
  horizontalTab: () => 'HT 制表 / tab',
  initialize: () => 'ESC @ 初始化 / initialise',
  align: (c) => `ESC a 对齐 / align ${c.align}`,
  bold: (c) => `ESC E 加粗 / bold ${onOff(c.on)}`,
  underline: (c) => `ESC - 下划线 / underline ${c.dots}`,
  printMode: (c) => `ESC ! 打印模式 / print mode ${hex2(c.n)}`,
  size: (c) => `GS ! 字号 / size ${c.width}×${c.height}`,
  reverse: (c) => `GS B 反白 / reverse ${onOff(c.on)}`,
  lineSpacing: (c) => `行距 / line spacing ${c.dots === undefined ? '默认 / default' : `${c.dots} dots`}`,
  feedLines: (c) => `ESC d 走纸 / feed ${c.lines} 行 / lines`,
  feedDots: (c) => `ESC J 走纸 / feed ${c.dots} dots`,
  codePage: (c) => `ESC t 代码页 / code page ${c.n}`,
  intlCharset: (c) => `ESC R 国际字符集 / character set ${c.n}`,
  chineseMode: (c) => (c.on ? 'FS & 汉字模式 / Chinese mode on' : 'FS . 退出汉字模式 / Chinese mode off'),
  cut: (c) => `GS V 切纸 / cut ${c.partial ? '半切 / partial' : '全切 / full'}${c.feedDots === undefined ? '' : `, 先走纸 / after feeding ${c.feedDots} dots`}`,
  present: (c) => `FS P 出票 / present ${c.steps} steps, ${c.timeoutS} s → ${c.onTimeout}`,
  ejector: (c) => `GS e 出票器 / ejector ${c.n}${c.steps === undefined ? '' : ` ${c.steps} steps`}`,
  barcodeHeight: (c) => `GS h 条码高度 / barcode height ${c.dots}`,
  barcodeWidth: (c) => `GS w 条码宽度 / barcode module ${c.module}`,
  barcodeHriPosition: (c) => `GS H 条码文字位置 / HRI ${c.position}`,
  barcodeHriFont: (c) => `GS f 条码文字字体 / HRI font ${c.n}`,
  barcode: (c) => `GS k 条码 / barcode (system ${c.system}) ${c.data.length} 字符 / chars ${MASKED}`,
  qrModel: (c) => `GS ( k 二维码型号 / QR model ${c.model}`,
  qrModuleSize: (c) => `GS ( k 二维码模块 / QR module ${c.size} dots`,
  qrErrorCorrection: (c) => `GS ( k 二维码纠错 / QR error correction ${c.level}`,
  qrStore: (c) => `GS ( k 二维码数据 / QR data ${c.data.length} B ${MASKED}`,
  qrPrint: () => 'GS ( k 打印二维码 / print QR',
  raster: (c) => `GS v 0 光栅图像 / raster image ${c.widthBytes * 8}×${c.heightDots} dots ${MASKED}`,
  columnImage: (c) => `ESC * 位图 / bit image ${c.widthDots}×${c.heightDots} dots ${MASKED}`,
  graphicsStore: (c) => `图形数据 / graphics ${c.widthDots}×${c.heightDots} dots ${MASKED}`,
  graphicsPrint: () => '打印图形 / print graphics',
  font: (c) => `ESC M 字体 / font ${c.font}`,
  rightSpacing: (c) => `ESC SP 字距 / character spacing ${c.dots}`,
  upsideDown: (c) => `ESC { 倒置 / upside down ${onOff(c.on)}`,
  absolutePosition: (c) => `ESC $ 绝对位置 / absolute position ${c.dots}`,
  relativePosition: (c) => `ESC \\ 相对位置 / relative position ${c.dots}`,
  leftMargin: (c) => `GS L 左边距 / left margin ${c.dots}`,
  printAreaWidth: (c) => `GS W 打印宽度 / print area ${c.dots}`,
  chineseUnderline: (c) => `FS - 汉字下划线 / Chinese underline ${c.dots}`,
  chineseSpacing: (c) => `FS S 汉字间距 / Chinese spacing ${c.left}+${c.right}`,
  chineseFont: (c) => `FS ( A 汉字字体 / Chinese font ${c.n}`,
  realtimeStatus: (c) => `DLE EOT ${c.n} 实时状态查询 / real-time status request (${REALTIME_STATUS_NAMES[c.n] ?? '?'})`,
  realtimeRecovery: (c) => `DLE ENQ ${c.n} 实时恢复 / real-time recovery`,
  asbEnable: (c) => `GS a 自动状态返回 / Automatic Status Back mask ${hex2(c.mask)}`,
  processId: (c) => `GS ( H 作业完成确认请求 / process ID request "${c.id}"`,
  paperSensorsSignal: (c) => `ESC c 3 纸传感器 / paper sensors signal ${hex2(c.mask)}`,
  paperSensorsStop: (c) => `ESC c 4 纸传感器 / paper sensors stop ${hex2(c.mask)}`,
  panelButtons: (c) => `ESC c 5 面板按键 / panel buttons ${c.disabled ? '禁用 / disabled' : '启用 / enabled'}`,
  transmitStatus: (c) => `GS r ${c.n} 状态传送 / transmit status`,
  printerId: (c) => `GS I ${c.n} 打印机信息 / printer ID`,
  unknown: (c) => `未识别命令 / unrecognised command (${c.reason}) ${c.raw.length} B${printDataRanges(c).length > 0 ? ` ${MASKED}` : ''}`,
};

export function commandWords(command: EscPosCommand): string {
  return `ESC/POS ${(WORDS[command.type] as (c: EscPosCommand) => string)(command)}`;
}

/** Where each data-carrying command's data starts in `raw` (§2.1–§2.3); the bytes from there on are masked. */
function dataStart(command: EscPosCommand): number | undefined {
  switch (command.type) {
    case 'text':
      return 0;
    case 'qrStore':
      return 8; // 1D 28 6B pL pH 31 50 30 d…
    case 'barcode':
      return (command.raw[2] ?? 0) < 65 ? 3 : 4; // form A: 1D 6B m d… 00; form B: 1D 6B m n d…
    case 'raster':
      return 8; // 1D 76 30 m xL xH yL yH d…
    case 'columnImage':
      return 5; // 1B 2A m nL nH d…
    case 'graphicsStore':
      return 3;
    case 'unknown':
      return command.raw.length > UNKNOWN_VISIBLE_BYTES + 1 ? UNKNOWN_VISIBLE_BYTES : undefined;
    default:
      return undefined;
  }
}

export function printDataRanges(command: EscPosCommand): ByteRange[] {
  const start = dataStart(command);
  return start === undefined || start >= command.raw.length ? [] : [{ start, end: command.raw.length }];
}

/** The status bits a reply set, in words (§2.4–§2.6); `ok` when none is set. */
const BIT_WORDS: ReadonlyArray<[keyof EscPosStatusBits, string]> = [
  ['offline', '脱机 / offline'],
  ['waitingOnlineRecovery', '等待恢复联机 / waiting for online recovery'],
  ['feedButton', '走纸键按下 / FEED button pressed'],
  ['ticketNotTaken', '票未取走 / ticket not taken'],
  ['coverOpen', '上盖打开 / cover open'],
  ['paperFeeding', '正在走纸 / paper being fed'],
  ['paperEndStop', '缺纸停止打印 / printing stopped by paper end'],
  ['errorOccurred', '发生错误 / error occurred'],
  ['recoverableError', '可恢复错误(如卡纸) / recoverable error (e.g. jam)'],
  ['cutterError', '切刀错误 / auto-cutter error'],
  ['unrecoverableError', '不可恢复错误 / unrecoverable error'],
  ['autoRecoverableError', '自动可恢复错误(过热) / auto-recoverable error (head overheat)'],
  ['paperEnd', '缺纸 / paper end'],
  ['paperNearEnd', '纸将尽 / paper near end'],
];

export function statusWords(bits: EscPosStatusBits, ok = '正常 / OK'): string {
  const set = BIT_WORDS.filter(([k]) => bits[k] === true).map(([, w]) => w);
  return set.length === 0 ? ok : set.join(', ');
}
