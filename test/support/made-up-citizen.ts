/**
 * A citizen made up for one test run, for the privacy proof (issue 14 §9): a name, ID number and address that
 * appear nowhere in the kiosk's code, fixtures or data — unlike the simulator's fixture cards, whose holders
 * (王示例 and the rest) are compiled into the host (devices-sim/ga467/fixture-citizens.ts, and the platform
 * simulator's seeded appointments), so their names are in its heap whoever lays a card. Found after a
 * session, this citizen's data can only have come from that session.
 *
 * The name is a compound surname and two given characters (4 characters: long enough for every base64
 * alignment of its GB18030 bytes to be searched, personal-data-search.ts); the number is well formed
 * (GB 11643 check character, never X here) with a birth date making the holder 71–84, so 绿色通道 applies;
 * the card is long-term (长期), as it is from 46 on.
 */
import { gb11643CheckDigit } from '../../drivers/protocol/ga467/id-number';

const SURNAMES = ['欧阳', '司马', '上官', '诸葛', '皇甫', '尉迟', '公孙', '慕容', '令狐', '宇文', '长孙', '东方', '独孤', '南宫', '夏侯', '轩辕', '钟离', '澹台', '闻人', '端木'];
const GIVEN = '霁翎璟瑜琪瑶珩琛璇瑾琅曦昀昶晗睿翊煜烨炜骞骁珏玥珞璐璎瑭琰琮韫馥蕤菡芷蘅';
const PLACES = '桐梓樟楠榕槐枫柏杉桦檀棠楸椿榆柘';
const STREETS = '溪泉潭涧渚汀浦湾';

export interface MadeUpCitizen {
  name: string;
  idNumber: string;
  address: string;
  /** The body of POST /sim/devices/id-card-reader/card (devices-sim/ga467/card-request.ts). */
  card: Record<string, string>;
}

export function madeUpCitizen(random: () => number = Math.random, today = new Date()): MadeUpCitizen {
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const name = `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`;
  const year = today.getUTCFullYear() - 72 - Math.floor(random() * 12);
  const birth = `${year}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  let idNumber = '';
  while (idNumber === '' || idNumber.endsWith('X')) {
    const body = `520111${birth}${digits(3)}`;
    idNumber = body + gb11643CheckDigit(body)!;
  }
  const address = `贵州省贵阳市花溪区${pick(PLACES)}${pick(PLACES)}${pick(STREETS)}路${1 + Math.floor(random() * 899)}号${pick(PLACES)}园${1 + Math.floor(random() * 30)}栋`;
  return {
    name,
    idNumber,
    address,
    card: { name, gender: random() < 0.5 ? '1' : '2', nation: '01', birth, address, id: idNumber, authority: '贵阳市公安局花溪分局', from: '20150601', to: '长期' },
  };
}
