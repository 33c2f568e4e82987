/**
 * The shipped hall's map (issue 16 §6): a 贵阳市政务服务中心-like hall of three floors, 40 × 30 m each, x from
 * the west wall, y from the back (north) wall to the front, where the entrance is. The default of `hall.map`
 * (config-schema.ts); the window ids are the ones the queue's businesses and the shipped catalogue
 * (content/guides/catalogue.json) name.
 *
 * Every floor has the same walkways: a back row at y 7 (x 8, 14, 20, 26, 32), a middle row at y 15 and a front
 * row at y 24 (x 8, 20, 32), joined north-south at x 8, 20 and 32. The lift (shaft L1) is in the north-west
 * corner, the stairs (S1) in the north-east corner, the toilets in the south-east corner.
 *
 * - 1F: 正门 and the robot's dock at the front, 一楼咨询台 in the lobby, the 24小时自助服务区 in the south-west
 *   (kiosk-01 — this kiosk —, kiosk-02, kiosk-03, windows D1 D2), 企业开办专区 E1-E8 along the back wall.
 * - 2F: 社保医保 A1-A6 along the back wall, 公积金 B7-B10 on the east wall, 公安户政/出入境 F1-F4 on the west
 *   wall, 民政 G1-G3 on the front wall.
 * - 3F: 不动产登记 C11-C18 along the back wall, 税务 H1-H4 on the east wall, 卫健 K1-K3 on the west wall.
 */
import type { HallMap, HallPoint, HallPointKind } from '../../../common/hall-map';
import type { LocalText } from '../../../common/queue';

const text = (zhCN: string, zhTW: string, en: string): LocalText => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const FLOOR_NAMES: Record<number, LocalText> = {
  1: text('一楼', '一樓', '1F'),
  2: text('二楼', '二樓', '2F'),
  3: text('三楼', '三樓', '3F'),
};

const point = (id: string, kind: HallPointKind, name: LocalText, floor: number, xM: number, yM: number, shaft?: string): HallPoint => ({
  id,
  kind,
  name,
  floor,
  xM,
  yM,
  ...(shaft === undefined ? {} : { shaft }),
});

/** A window (counter): "C15 号窗口（不动产登记）". */
const counter = (id: string, department: LocalText, floor: number, xM: number, yM: number): HallPoint =>
  point(id, 'window', text(`${id} 号窗口（${department['zh-CN']}）`, `${id} 號窗口（${department['zh-TW']!}）`, `Window ${id} (${department.en!})`), floor, xM, yM);

const DEPARTMENT = {
  selfService: text('24小时自助综合服务', '24小時自助綜合服務', '24-Hour Self-Service'),
  market: text('市场监管', '市場監管', 'Market Regulation'),
  tax: text('税务', '稅務', 'Taxation'),
  seal: text('公章刻制', '公章刻製', 'Official Seal Engraving'),
  bank: text('银行开户', '銀行開戶', 'Bank Account Opening'),
  hrss: text('人社', '人社', 'Human Resources and Social Security'),
  medical: text('医保', '醫保', 'Medical Insurance'),
  housingFund: text('公积金', '公積金', 'Housing Provident Fund'),
  publicSecurity: text('公安户政/出入境', '公安戶政/出入境', 'Household Registration and Exit-Entry'),
  civil: text('民政', '民政', 'Civil Affairs'),
  realEstate: text('不动产登记', '不動產登記', 'Real Estate Registration'),
  health: text('卫健', '衛健', 'Health Commission'),
} as const;

/** The walkways, the lift, the stairs and the toilets of floor `f`, and the links between them. */
function skeleton(f: number): { points: HallPoint[]; links: Array<[string, string]> } {
  const c = (name: string): string => `cor-${f}f-${name}`;
  const walkway = text('通道', '通道', 'Walkway');
  const at: Array<[string, number, number]> = [
    ['n1', 8, 7], ['n2', 14, 7], ['n3', 20, 7], ['n4', 26, 7], ['n5', 32, 7],
    ['m1', 8, 15], ['m2', 20, 15], ['m3', 32, 15],
    ['s1', 8, 24], ['s2', 20, 24], ['s3', 32, 24],
  ];
  const points = [
    ...at.map(([name, x, y]) => point(c(name), 'corridor', walkway, f, x, y)),
    point(`lift-${f}f`, 'lift', text('电梯', '電梯', 'Lift'), f, 3, 3, 'L1'),
    point(`stairs-${f}f`, 'stairs', text('楼梯', '樓梯', 'Stairs'), f, 37, 3, 'S1'),
    point(`toilet-${f}f`, 'toilet', text('卫生间', '衛生間', 'Toilets'), f, 37, 28),
  ];
  const links: Array<[string, string]> = [
    [c('n1'), c('n2')], [c('n2'), c('n3')], [c('n3'), c('n4')], [c('n4'), c('n5')],
    [c('m1'), c('m2')], [c('m2'), c('m3')],
    [c('s1'), c('s2')], [c('s2'), c('s3')],
    [c('n1'), c('m1')], [c('m1'), c('s1')],
    [c('n3'), c('m2')], [c('m2'), c('s2')],
    [c('n5'), c('m3')], [c('m3'), c('s3')],
    [`lift-${f}f`, c('n1')], [`stairs-${f}f`, c('n5')], [`toilet-${f}f`, c('s3')],
  ];
  return { points, links };
}

/** Eight windows along the back wall (x 12…33, y 2.5), each linked to the nearest back-row walkway point. */
function backRow(f: number, ids: Array<[string, LocalText]>): { points: HallPoint[]; links: Array<[string, string]> } {
  const nearest = ['n2', 'n2', 'n3', 'n3', 'n4', 'n4', 'n5', 'n5'];
  return {
    points: ids.map(([id, dept], i) => counter(id, dept, f, 12 + 3 * i, 2.5)),
    links: ids.map(([id], i) => [id, `cor-${f}f-${nearest[i]!}`] as [string, string]),
  };
}

/** Windows along the west (x 2.5) or east (x 37.5) wall at y 11, 15, 19, 23; the last one meets the front row. */
function sideRow(f: number, side: 'west' | 'east', ids: Array<[string, LocalText]>): { points: HallPoint[]; links: Array<[string, string]> } {
  const [x, middle, front] = side === 'west' ? [2.5, 'm1', 's1'] : [37.5, 'm3', 's3'];
  return {
    points: ids.map(([id, dept], i) => counter(id, dept, f, x, 11 + 4 * i)),
    links: ids.map(([id], i) => [id, `cor-${f}f-${i === 3 ? front : middle}`] as [string, string]),
  };
}

const zone = (id: string, name: LocalText, f: number, xM: number, yM: number, via: string): { points: HallPoint[]; links: Array<[string, string]> } => ({
  points: [point(id, 'zone', name, f, xM, yM)],
  links: [[id, `cor-${f}f-${via}`]],
});

const ids = (prefix: string, from: number, to: number, dept: LocalText): Array<[string, LocalText]> =>
  Array.from({ length: to - from + 1 }, (_, i) => [`${prefix}${from + i}`, dept]);

function firstFloor(): { points: HallPoint[]; links: Array<[string, string]> } {
  const points = [
    point('entrance', 'entrance', text('正门', '正門', 'Main entrance'), 1, 20, 30),
    point('dock', 'dock', text('导办机器人充电位', '導辦機器人充電位', 'Guide robot dock'), 1, 24, 28),
    point('info-desk', 'desk', text('一楼咨询台', '一樓諮詢台', '1F Information Desk'), 1, 25, 20),
    point('kiosk-01', 'kiosk', text('自助终端 01', '自助終端 01', 'Kiosk 01'), 1, 3, 20),
    point('kiosk-02', 'kiosk', text('自助终端 02', '自助終端 02', 'Kiosk 02'), 1, 3, 24),
    point('kiosk-03', 'kiosk', text('自助终端 03', '自助終端 03', 'Kiosk 03'), 1, 3, 28),
    counter('D1', DEPARTMENT.selfService, 1, 13, 20),
    counter('D2', DEPARTMENT.selfService, 1, 13, 28),
  ];
  const links: Array<[string, string]> = [
    ['entrance', 'cor-1f-s2'], ['dock', 'cor-1f-s2'], ['info-desk', 'cor-1f-s2'],
    ['kiosk-01', 'cor-1f-s1'], ['kiosk-02', 'cor-1f-s1'], ['kiosk-03', 'cor-1f-s1'],
    ['D1', 'cor-1f-s1'], ['D2', 'cor-1f-s1'],
  ];
  const startup: Array<[string, LocalText]> = [
    ...ids('E', 1, 4, DEPARTMENT.market),
    ...ids('E', 5, 6, DEPARTMENT.tax),
    ['E7', DEPARTMENT.seal],
    ['E8', DEPARTMENT.bank],
  ];
  return merge(
    { points, links },
    backRow(1, startup),
    zone('zone-1f-24h', text('24小时自助服务区', '24小時自助服務區', '24-Hour Self-Service Area'), 1, 9, 17.5, 's1'),
    zone('zone-1f-startup', text('企业开办专区', '企業開辦專區', 'Business Start-up Zone'), 1, 23, 10, 'n3'),
  );
}

function secondFloor(): { points: HallPoint[]; links: Array<[string, string]> } {
  const social = [...ids('A', 1, 3, DEPARTMENT.hrss), ...ids('A', 4, 6, DEPARTMENT.medical)];
  return merge(
    backRow(2, social),
    sideRow(2, 'east', ids('B', 7, 10, DEPARTMENT.housingFund)),
    sideRow(2, 'west', ids('F', 1, 4, DEPARTMENT.publicSecurity)),
    {
      points: [counter('G1', DEPARTMENT.civil, 2, 22, 28.5), counter('G2', DEPARTMENT.civil, 2, 26, 28.5), counter('G3', DEPARTMENT.civil, 2, 30, 28.5)],
      links: [['G1', 'cor-2f-s2'], ['G2', 'cor-2f-s2'], ['G3', 'cor-2f-s3']],
    },
    zone('zone-2f-a', text('社保医保 A 区', '社保醫保 A 區', 'Zone A: Social and Medical Insurance'), 2, 17, 10, 'n3'),
    zone('zone-2f-b', text('公积金 B 区', '公積金 B 區', 'Zone B: Housing Provident Fund'), 2, 28, 12.5, 'm3'),
    zone('zone-2f-f', text('公安户政/出入境 F 区', '公安戶政/出入境 F 區', 'Zone F: Household Registration and Exit-Entry'), 2, 13, 19, 'm1'),
    zone('zone-2f-g', text('民政 G 区', '民政 G 區', 'Zone G: Civil Affairs'), 2, 26, 21, 's2'),
  );
}

function thirdFloor(): { points: HallPoint[]; links: Array<[string, string]> } {
  return merge(
    backRow(3, ids('C', 11, 18, DEPARTMENT.realEstate)),
    sideRow(3, 'east', ids('H', 1, 4, DEPARTMENT.tax)),
    sideRow(3, 'west', ids('K', 1, 3, DEPARTMENT.health)),
    zone('zone-3f-c', text('不动产登记 C 区', '不動產登記 C 區', 'Zone C: Real Estate Registration'), 3, 23, 10, 'n3'),
    zone('zone-3f-h', text('税务 H 区', '稅務 H 區', 'Zone H: Taxation'), 3, 27, 19, 'm3'),
    zone('zone-3f-k', text('卫健 K 区', '衛健 K 區', 'Zone K: Health Commission'), 3, 13, 19, 'm1'),
  );
}

function merge(...parts: Array<{ points: HallPoint[]; links: Array<[string, string]> }>): { points: HallPoint[]; links: Array<[string, string]> } {
  return { points: parts.flatMap((p) => p.points), links: parts.flatMap((p) => p.links) };
}

function buildDefaultHallMap(): HallMap {
  const floors = merge(skeleton(1), firstFloor(), skeleton(2), secondFloor(), skeleton(3), thirdFloor());
  return {
    floors: [1, 2, 3].map((level) => ({ level, name: FLOOR_NAMES[level]!, widthM: 40, depthM: 30 })),
    points: floors.points,
    links: floors.links,
    kioskPoint: 'kiosk-01',
    liftSecondsPerFloor: 20,
  };
}

/** The schema's `default` of `hall.map`: ajv copies it into each configuration it fills, so none shares it. */
export const DEFAULT_HALL_MAP: HallMap = buildDefaultHallMap();
