/**
 * Free post by EMS for a result document (issue 17 §7): the address checked (a mainland province, a
 * mobile number, a six-digit postcode, a street address), a tracking number in the UPU S10 form
 * (`EA` + 8 digits + the S10 check digit + `CN`), one booking per Idempotency-Key.
 */
import { s10CheckDigit, type PostalAddress } from '../../common/platform-api';
import type { SeededRandom } from '../seeded-random';
import { MOBILE_PATTERN, type Problems } from './problems';

/** The 31 provincial divisions of the mainland, where the free post goes. */
export const MAINLAND_PROVINCES = [
  '北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省',
  '云南省', '陕西省', '甘肃省', '青海省', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
] as const;

const NAME = /^[^\d<>]{1,50}$/u;

/** The address at `field`, or undefined with its problems noted in `p`. */
export function checkAddress(value: unknown, field: string, p: Problems): PostalAddress | undefined {
  const o = p.object(value, field, ['邮寄地址', 'the postal address']);
  if (!o) return undefined;
  const before = p.list.length;
  const a = {
    recipientName: p.text(o, 'recipientName', `${field}.recipientName`, ['收件人姓名', 'the recipient\'s name'], 1, 50, NAME),
    phone: p.text(o, 'phone', `${field}.phone`, ['收件人手机号码', 'the recipient\'s mobile number'], 11, 11, MOBILE_PATTERN),
    province: undefined as string | undefined,
    city: p.text(o, 'city', `${field}.city`, ['城市', 'the city'], 2, 30),
    district: p.text(o, 'district', `${field}.district`, ['区县', 'the district'], 2, 30),
    detail: p.text(o, 'detail', `${field}.detail`, ['详细地址', 'the street address'], 4, 120),
    postcode: p.text(o, 'postcode', `${field}.postcode`, ['邮政编码', 'the postcode'], 6, 6, /^\d{6}$/),
  };
  const province = o.province;
  if (typeof province !== 'string' || province === '') p.add(`${field}.province`, '请选择省份', 'the province is required');
  else if (!(MAINLAND_PROVINCES as readonly string[]).includes(province)) p.add(`${field}.province`, '免费邮寄仅限中国大陆地址，请写省级行政区的全称', 'free post goes to mainland addresses only; give the province in full');
  else a.province = province;
  for (const key of Object.keys(o)) if (!(key in a)) p.add(`${field}.${key}`, '不是地址的字段', 'is not a field of an address');
  return p.list.length === before ? (a as PostalAddress) : undefined;
}

/** A fresh S10 tracking number: `EA`, eight digits, their check digit, `CN`. */
export function newTrackingNumber(rng: SeededRandom): string {
  const serial = Array.from({ length: 8 }, () => rng.int(0, 9)).join('');
  return `EA${serial}${s10CheckDigit(serial)}CN`;
}
