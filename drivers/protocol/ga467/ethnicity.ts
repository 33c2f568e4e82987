/**
 * Gender (GB/T 2261.1) and ethnicity (GB/T 3304) codes of the ID card text block (protocols.md §1.5).
 * Names are the current official ones as printed on the card: 46 is 德昂 (formerly 崩龙) and 36 is 毛南
 * (formerly 毛难); §1.5 notes older tables with the old names.
 */
import type { Ethnicity, Gender } from './card-text';

/** §1.5: "`0` unknown, `1` male, `2` female, `9` not stated". */
export const GENDER_CODES: Readonly<Record<string, Gender>> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'notStated' };

/** §1.5: `01`–`56` the 56 ethnic groups, `97` 其他 (other), `98` 外国血统 (of foreign origin, naturalised). */
export const ETHNICITY_NAMES: Readonly<Record<string, string>> = {
  '01': '汉', '02': '蒙古', '03': '回', '04': '藏', '05': '维吾尔', '06': '苗', '07': '彝', '08': '壮',
  '09': '布依', '10': '朝鲜', '11': '满', '12': '侗', '13': '瑶', '14': '白', '15': '土家', '16': '哈尼',
  '17': '哈萨克', '18': '傣', '19': '黎', '20': '傈僳', '21': '佤', '22': '畲', '23': '高山', '24': '拉祜',
  '25': '水', '26': '东乡', '27': '纳西', '28': '景颇', '29': '柯尔克孜', '30': '土', '31': '达斡尔', '32': '仫佬',
  '33': '羌', '34': '布朗', '35': '撒拉', '36': '毛南', '37': '仡佬', '38': '锡伯', '39': '阿昌', '40': '普米',
  '41': '塔吉克', '42': '怒', '43': '乌孜别克', '44': '俄罗斯', '45': '鄂温克', '46': '德昂', '47': '保安', '48': '裕固',
  '49': '京', '50': '塔塔尔', '51': '独龙', '52': '鄂伦春', '53': '赫哲', '54': '门巴', '55': '珞巴', '56': '基诺',
  '97': '其他', '98': '外国血统',
};

export function genderFromCode(code: string): Gender | undefined {
  return Object.hasOwn(GENDER_CODES, code) ? GENDER_CODES[code] : undefined;
}

/** The ethnicity for a two-digit code of the table, undefined for any other value (`57`, `1`, `00`, …). */
export function ethnicityFromCode(code: string): Ethnicity | undefined {
  const name = Object.hasOwn(ETHNICITY_NAMES, code) ? ETHNICITY_NAMES[code] : undefined;
  return name === undefined ? undefined : { code, name };
}
