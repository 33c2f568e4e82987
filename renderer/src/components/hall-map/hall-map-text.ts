/**
 * The hall map's own words (ARCHITECTURE.md §8.12), a small table of message ids kept beside the component as
 * the guide screens keep theirs, in the language the map is drawn for; the map's own names (LocalText) in that
 * language, falling back to 简体中文 like every hall text.
 */
import type { Language } from '../../../../common/kiosk-api';
import type { LocalText } from '../../../../common/queue';
import { useI18n } from '../../i18n/i18n-context';
import { localText, type MessageParams } from '../../i18n/translate';

const hallMapZhCN = {
  'map.label': '{floor}平面图',
  'map.floors': '选择楼层',
  'map.youAreHere': '您在这里',
  'map.destination': '目的地',
  'map.kiosk': '自助机',
  'map.lift': '电梯',
  'map.stairs': '楼梯',
  'map.toilet': '卫生间',
  'map.dock': '充电位',
  'map.steps': '路线',
  'map.noRoute': '暂无路线，请咨询工作人员。',
  'step.walk': '向前 {metres} 米到{place}',
  'step.lift': '乘电梯到 {level} 楼',
  'step.stairs': '走楼梯到 {level} 楼',
  'step.here': '您已在{place}',
} as const;

export type HallMapMessageId = keyof typeof hallMapZhCN;
export type HallMapCatalog = Readonly<Record<HallMapMessageId, string>>;

const hallMapZhTW: HallMapCatalog = {
  'map.label': '{floor}平面圖',
  'map.floors': '選擇樓層',
  'map.youAreHere': '您在這裡',
  'map.destination': '目的地',
  'map.kiosk': '自助機',
  'map.lift': '電梯',
  'map.stairs': '樓梯',
  'map.toilet': '衛生間',
  'map.dock': '充電位',
  'map.steps': '路線',
  'map.noRoute': '暫無路線，請諮詢工作人員。',
  'step.walk': '向前 {metres} 米到{place}',
  'step.lift': '乘電梯到 {level} 樓',
  'step.stairs': '走樓梯到 {level} 樓',
  'step.here': '您已在{place}',
};

const hallMapEn: HallMapCatalog = {
  'map.label': 'Plan of {floor}',
  'map.floors': 'Choose a floor',
  'map.youAreHere': 'You are here',
  'map.destination': 'Destination',
  'map.kiosk': 'Kiosk',
  'map.lift': 'Lift',
  'map.stairs': 'Stairs',
  'map.toilet': 'Toilets',
  'map.dock': 'Dock',
  'map.steps': 'Route',
  'map.noRoute': 'No route is available; please ask a member of staff.',
  'step.walk': 'Walk {metres} m to {place}',
  'step.lift': 'Take the lift to floor {level}',
  'step.stairs': 'Take the stairs to floor {level}',
  'step.here': 'You are at {place}',
};

export const HALL_MAP_CATALOGS: Readonly<Record<Language, HallMapCatalog>> = { 'zh-CN': hallMapZhCN, 'zh-TW': hallMapZhTW, en: hallMapEn };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message in `language`; a placeholder without a value stays visible so a missing parameter is noticed. */
export function translateHallMap(language: Language, id: HallMapMessageId, params?: MessageParams): string {
  const template = HALL_MAP_CATALOGS[language][id] ?? hallMapZhCN[id];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export interface HallMapText {
  language: Language;
  m(id: HallMapMessageId, params?: MessageParams): string;
  text(value: LocalText): string;
}

/** The map's words in `language` (the one it is drawn for), else the language on screen. */
export function useHallMapText(language?: Language): HallMapText {
  const i18n = useI18n();
  const lang = language ?? i18n.language;
  return { language: lang, m: (id, params) => translateHallMap(lang, id, params), text: (value) => localText(value, lang) };
}
