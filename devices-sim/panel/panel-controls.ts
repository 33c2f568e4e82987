/**
 * The buttons and forms the control panel shows for one simulated device (ARCHITECTURE.md §4: "place a card,
 * present a finger, tear a ticket, empty the paper, unplug the printer"; issue 15 item 4), as data the page's
 * script renders: each is one call of the control API (README "Simulator control API"), with its body in the
 * status words (§8.2). The device's kind comes from its status blocks and actions (§8.14); the fault fields
 * are those of each simulator's fault module (escpos/printer-faults.ts, ga467/reader-faults.ts,
 * zfm/module-faults.ts, hid-scanner/scanner-faults.ts, face-camera/camera-faults.ts); panel-controls.test.ts
 * holds every body to those modules' parsers. Labels are Chinese first, then short English.
 */
import { ESCPOS_MODELS } from '../../drivers/protocol/escpos/models';
import { SYMBOLOGIES } from '../../drivers/protocol/hidpos/symbology';
import { SCENES } from '../face-camera/scene-request';
import { FIXTURE_NAMES } from '../ga467/fixture-citizens';
import type { SimDevice } from '../sim-device';

export interface PanelLabel {
  zh: string;
  en: string;
}

export interface PanelField {
  name: string;
  label: PanelLabel;
  type: 'select' | 'text';
  options?: { value: string; label: PanelLabel }[];
}

export type PanelControl =
  | { kind: 'button'; label: PanelLabel; method: 'POST' | 'DELETE'; path: string; body?: Record<string, unknown> }
  /** A form: its fields' values, by name, are the body. */
  | { kind: 'form'; label: PanelLabel; method: 'POST'; path: string; fields: PanelField[] };

export interface PanelGroup {
  label: PanelLabel;
  controls: PanelControl[];
}

export type PanelDeviceKind = 'printer' | 'documentPrinter' | 'cardReader' | 'fingerprint' | 'scanner' | 'camera' | 'documentCamera' | 'locker' | 'other';

export const KIND_TITLES: Readonly<Record<PanelDeviceKind, PanelLabel>> = {
  printer: { zh: '打印机', en: 'Printer' },
  documentPrinter: { zh: 'A4 打印机', en: 'A4 printer' },
  cardReader: { zh: '身份证阅读器', en: 'ID card reader' },
  fingerprint: { zh: '指纹仪', en: 'Fingerprint reader' },
  scanner: { zh: '扫码器', en: 'Code scanner' },
  camera: { zh: '摄像头', en: 'Camera' },
  documentCamera: { zh: '高拍仪', en: 'Document camera' },
  locker: { zh: '智能柜', en: 'Smart locker' },
  other: { zh: '设备', en: 'Device' },
};

const FIXTURE_LABELS: Readonly<Record<string, string>> = {
  adult: '普通成年人',
  over70: '七十岁以上老人',
  rareCharacter: '生僻字姓名',
  expired: '已过期证件',
  permitJ: '港澳居民居住证',
  foreign2017: '外国人永居证 2017',
  foreign2023: '外国人永居证 2023',
  withFingerprints: '含指纹的证件',
};

const SYMBOLOGY_LABELS: Readonly<Record<string, string>> = { qr: '二维码', code128: '一维码 128', dataMatrix: 'DM 码', pdf417: 'PDF417', hanXin: '汉信码' };
const SCENE_LABELS: Readonly<Record<string, PanelLabel>> = {
  live: { zh: '真人配合', en: 'Live person' },
  photo: { zh: '举照片', en: 'Photo' },
  movedPhoto: { zh: '移动照片', en: 'Moved photo' },
  none: { zh: '无人', en: 'Nobody' },
};

const L = (zh: string, en: string): PanelLabel => ({ zh, en });
const path = (id: string, what: string): string => `/sim/devices/${encodeURIComponent(id)}/${what}`;
const post = (label: PanelLabel, p: string, body?: Record<string, unknown>): PanelControl => ({ kind: 'button', label, method: 'POST', path: p, ...(body && { body }) });
const del = (label: PanelLabel, p: string): PanelControl => ({ kind: 'button', label, method: 'DELETE', path: p });

export function deviceKind(d: SimDevice): PanelDeviceKind {
  const status = d.status();
  const actions = d.actions();
  // By role first: an A4 printer and a document camera have the printer and camera blocks of their cousins.
  if (d.roles.includes('documentPrinter')) return 'documentPrinter';
  if (d.roles.includes('documentCamera')) return 'documentCamera';
  if (status.locker || d.roles.includes('locker')) return 'locker';
  if (status.printer) return 'printer';
  if (status.cardReader || 'card' in actions) return 'cardReader';
  if (status.fingerprint || 'finger' in actions) return 'fingerprint';
  if (status.scanner || 'scan' in actions) return 'scanner';
  if (status.camera || 'scene' in actions) return 'camera';
  return 'other';
}

/** Unplug and re-plug, and the hung / garbled firmware every serial simulator has (reply-channel.ts). */
function connection(id: string, replies: boolean): PanelGroup {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(id, 'faults'), body);
  const controls = [f(L('拔出', 'Unplug'), { unplugged: true }), f(L('插回', 'Re-plug'), { unplugged: false })];
  if (replies) {
    controls.push(
      f(L('不应答', 'No reply'), { noReply: true }),
      f(L('恢复应答', 'Replies again'), { noReply: false }),
      f(L('回乱码', 'Garbage'), { garbage: true }),
      f(L('停止乱码', 'No garbage'), { garbage: false }),
    );
  }
  return { label: L('连接', 'Connection'), controls };
}

function printerGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  const nearEnd = Object.prototype.hasOwnProperty.call(ESCPOS_MODELS, d.model) ? ESCPOS_MODELS[d.model]!.nearEndSensor : true;
  const paper = [f(L('装满纸', 'Refill paper'), { paper: 'full' })];
  if (nearEnd) paper.push(f(L('纸将尽', 'Paper low'), { paper: 'low' }));
  paper.push(f(L('缺纸', 'Paper out'), { paper: 'out' }), f(L('卡纸', 'Jam'), { paper: 'jammed' }), f(L('清除卡纸', 'Clear jam'), { paper: 'full' }));
  const groups: PanelGroup[] = [
    { label: L('纸张', 'Paper'), controls: paper },
    {
      label: L('机盖与切刀', 'Cover and cutter'),
      controls: [
        f(L('打开机盖', 'Open cover'), { coverOpen: true }),
        f(L('合上机盖', 'Close cover'), { coverOpen: false }),
        f(L('切刀故障', 'Cutter error'), { cutterError: true }),
        f(L('切刀恢复', 'Cutter fixed'), { cutterError: false }),
        f(L('打印头过热', 'Head hot'), { headOverheat: true }),
        f(L('打印头冷却', 'Head cooled'), { headOverheat: false }),
      ],
    },
    connection(d.id, true),
  ];
  groups[2]!.controls.push(f(L('脱机', 'Offline'), { offline: true }), f(L('联机', 'Online'), { offline: false }));
  if ('take' in d.actions()) groups.push({ label: L('出票口', 'Presenter'), controls: [post(L('取走号票', 'Take ticket'), path(d.id, 'take'))] });
  return groups;
}

/** The IPP A4 printer (issue 17 §1, devices-sim/ipp/ipp-printer-faults.ts): paper, a jam after a page, cover, toner, the tray. */
function documentPrinterGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  return [
    {
      label: L('纸张', 'Paper'),
      controls: [
        f(L('装满纸', 'Refill paper'), { paper: 'full' }),
        f(L('纸将尽', 'Paper low'), { paper: 'low' }),
        f(L('缺纸', 'Paper out'), { paper: 'out' }),
        f(L('打完 1 页后卡纸', 'Jam after 1 page'), { paper: 'jammed', afterPages: 1 }),
        f(L('清除卡纸', 'Clear jam'), { paper: 'full' }),
      ],
    },
    {
      label: L('机盖与墨粉', 'Cover and toner'),
      controls: [
        f(L('打开机盖', 'Open cover'), { coverOpen: true }),
        f(L('合上机盖', 'Close cover'), { coverOpen: false }),
        f(L('墨粉不足', 'Toner low'), { toner: 'low' }),
        f(L('更换墨粉', 'New toner'), { toner: 'ok' }),
      ],
    },
    {
      label: L('连接', 'Connection'),
      controls: [
        f(L('脱机', 'Offline'), { offline: true }),
        f(L('联机', 'Online'), { offline: false }),
        f(L('拔出', 'Unplug'), { unplugged: true }),
        f(L('插回', 'Re-plug'), { unplugged: false }),
        f(L('不应答', 'No reply'), { noReply: true }),
        f(L('恢复应答', 'Replies again'), { noReply: false }),
      ],
    },
    ...('take' in d.actions() ? [{ label: L('出纸口', 'Output tray'), controls: [post(L('取走文件', 'Take the document'), path(d.id, 'take'))] }] : []),
  ];
}

/** The locker's first compartment (docs/locker-protocol.md): a person closes its door, puts a document in or takes it. */
function lockerGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  return [
    {
      label: L('1 号格口', 'Compartment 1'),
      controls: [
        post(L('关上 1 号门', 'Close door 1'), path(d.id, 'door'), { compartment: 1, closed: true }),
        post(L('放入文件', 'Put a document in'), path(d.id, 'item'), { compartment: 1, present: true }),
        post(L('取走文件', 'Take it out'), path(d.id, 'item'), { compartment: 1, present: false }),
      ],
    },
    { label: L('连接', 'Connection'), controls: [f(L('拔出', 'Unplug'), { unplugged: true }), f(L('插回', 'Re-plug'), { unplugged: false }), f(L('不应答', 'No reply'), { noReply: true }), f(L('恢复应答', 'Replies again'), { noReply: false })] },
  ];
}

/** The document camera's plate light and link (a page is laid with an image: POST …/page, docs/document-camera.md). */
function documentCameraGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  return [
    { label: L('补光灯', 'Light'), controls: [post(L('开灯', 'Light on'), path(d.id, 'light'), { on: true }), del(L('关灯', 'Light off'), path(d.id, 'light'))] },
    { label: L('连接', 'Connection'), controls: [f(L('拔出', 'Unplug'), { unplugged: true }), f(L('插回', 'Re-plug'), { unplugged: false }), f(L('不应答', 'No reply'), { noReply: true }), f(L('恢复应答', 'Replies again'), { noReply: false })] },
  ];
}

function readerGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  const fixtures = FIXTURE_NAMES.map((name) => ({ value: name, label: L(FIXTURE_LABELS[name] ?? name, name) }));
  return [
    {
      label: L('身份证', 'Card'),
      controls: [
        { kind: 'form', label: L('放卡', 'Place card'), method: 'POST', path: path(d.id, 'card'), fields: [{ name: 'fixture', label: L('证件', 'Fixture card'), type: 'select', options: fixtures }] },
        del(L('拿走卡', 'Lift card'), path(d.id, 'card')),
      ],
    },
    {
      label: L('安全模块与读卡', 'SAM and reading'),
      controls: [
        f(L('SAM 缺失', 'SAM absent'), { sam: 'absent' }),
        f(L('SAM 自检失败', 'SAM self-test fails'), { sam: 'selfTestFailed' }),
        f(L('SAM 正常', 'SAM OK'), { sam: 'ok' }),
        f(L('读卡中拿走', 'Lift during read'), { liftDuringRead: true }),
        f(L('下一帧校验错', 'Bad checksum once'), { badChecksum: true }),
      ],
    },
    connection(d.id, true),
  ];
}

function fingerprintGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  const finger = path(d.id, 'finger');
  return [
    {
      label: L('手指', 'Finger'),
      controls: [
        post(L('按压本人手指', 'Matching finger'), finger, { quality: 'good', matches: true }),
        post(L('按压他人手指', 'Other finger'), finger, { quality: 'good', matches: false }),
        post(L('按压模糊手指', 'Poor finger'), finger, { quality: 'poor', matches: true }),
        del(L('抬起手指', 'Lift finger'), finger),
      ],
    },
    {
      label: L('传感器', 'Sensor'),
      controls: [
        f(L('采图失败', 'Image fails'), { sensor: 'imageFail' }),
        f(L('传感器正常', 'Sensor OK'), { sensor: 'ok' }),
        f(L('接收出错', 'Receive error'), { receiveError: true }),
        f(L('接收恢复', 'Receive OK'), { receiveError: false }),
        f(L('下一帧校验错', 'Bad checksum once'), { badChecksum: true }),
      ],
    },
    connection(d.id, true),
  ];
}

function scannerGroups(d: SimDevice): PanelGroup[] {
  const symbologies = SYMBOLOGIES.filter((s) => s !== 'unknown').map((s) => ({ value: s, label: L(SYMBOLOGY_LABELS[s] ?? s, s) }));
  return [
    {
      label: L('扫码', 'Scan'),
      controls: [
        {
          kind: 'form',
          label: L('扫码', 'Scan'),
          method: 'POST',
          path: path(d.id, 'scan'),
          fields: [
            { name: 'data', label: L('码的内容', 'Code text'), type: 'text' },
            { name: 'symbology', label: L('码制', 'Symbology'), type: 'select', options: symbologies },
          ],
        },
      ],
    },
    connection(d.id, true),
  ];
}

function cameraGroups(d: SimDevice): PanelGroup[] {
  const f = (label: PanelLabel, body: Record<string, unknown>): PanelControl => post(label, path(d.id, 'faults'), body);
  const connect = connection(d.id, false);
  connect.controls.push(f(L('画面冻结', 'Freeze'), { frozen: true }), f(L('画面恢复', 'Unfreeze'), { frozen: false }));
  return [{ label: L('镜头前', 'In front of it'), controls: SCENES.map((scene) => post(SCENE_LABELS[scene] ?? L(scene, scene), path(d.id, 'scene'), { scene })) }, connect];
}

/** The actions this panel has its own controls for, by kind. */
const HANDLED: Readonly<Record<PanelDeviceKind, readonly string[]>> = {
  printer: ['take'],
  documentPrinter: ['take'],
  documentCamera: ['light'],
  locker: ['door', 'item'],
  cardReader: ['card'],
  fingerprint: ['finger'],
  scanner: ['scan'],
  camera: ['scene'],
  other: [],
};

/** Every control group for `d`: its kind's, any other action it has, and 清除故障. */
export function panelGroups(d: SimDevice): PanelGroup[] {
  const kind = deviceKind(d);
  const groups =
    kind === 'printer' ? printerGroups(d)
    : kind === 'documentPrinter' ? documentPrinterGroups(d)
    : kind === 'documentCamera' ? documentCameraGroups(d)
    : kind === 'locker' ? lockerGroups(d)
    : kind === 'cardReader' ? readerGroups(d)
    : kind === 'fingerprint' ? fingerprintGroups(d)
    : kind === 'scanner' ? scannerGroups(d)
    : kind === 'camera' ? cameraGroups(d)
    : [];
  const other: PanelControl[] = [];
  for (const [name, action] of Object.entries(d.actions())) {
    if (HANDLED[kind].includes(name)) continue;
    if (action.start) other.push(post(L(`执行 ${name}`, 'Start'), path(d.id, name)));
    if (action.stop) other.push(del(L(`结束 ${name}`, 'Stop'), path(d.id, name)));
  }
  if (other.length > 0) groups.push({ label: L('其他动作', 'Other actions'), controls: other });
  groups.push({ label: L('故障', 'Faults'), controls: [del(L('清除全部故障', 'Clear faults'), path(d.id, 'faults'))] });
  return groups;
}
