/**
 * Card fields as they may be shown on any screen but the citizen's own, or written to a log
 * (ARCHITECTURE.md §8.7: `5201**********1234`, `张*`). Built on common/mask.ts, so an ID number and a name are
 * masked the same way everywhere.
 */
import { maskIdNumber, maskName } from '../../../common/mask';
import type { CardText } from './card-text';

/** Keeps the first `head` characters (code points) and stars the rest: addresses, pass numbers, links. */
function keepHead(text: string, head: number): string {
  const chars = Array.from(text);
  return chars.slice(0, head).join('') + '*'.repeat(Math.max(0, chars.length - head));
}

/** `1990-03-07` → `1990-**-**`: the year is enough for an age check a reader of the log might need. */
export function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`;
}

/** The province-level start of an address (`贵州省`) stays; every later character is a star. */
export function maskAddress(address: string): string {
  return keepHead(address, 3);
}

/**
 * A copy of the card with every identifying field masked: names keep their first character, the ID number its
 * first and last four, the address its first three characters, the birth date its year; a pass number keeps one
 * character and the previous-card link none. Kind, gender, ethnicity, nationality, issuing authority, validity dates
 * and counts stay: they are what a technician needs to see why a card was refused.
 */
export function maskCardText(card: CardText): CardText {
  const masked = { ...card, idNumber: maskIdNumber(card.idNumber), birthDate: maskBirthDate(card.birthDate) };
  switch (masked.kind) {
    case 'resident':
      return { ...masked, name: maskName(masked.name), address: maskAddress(masked.address) };
    case 'hkMacaoTaiwanResidence': {
      const out = { ...masked, name: maskName(masked.name), address: maskAddress(masked.address) };
      if (out.passNumber !== undefined) out.passNumber = keepHead(out.passNumber, 1);
      return out;
    }
    case 'foreignPermanent2017':
    case 'foreignPermanent2023': {
      const out = { ...masked, englishName: maskName(masked.englishName) };
      if (out.chineseName !== undefined) out.chineseName = maskName(out.chineseName);
      if (out.kind === 'foreignPermanent2023' && out.previousCardLink !== undefined) out.previousCardLink = keepHead(out.previousCardLink, 0);
      return out;
    }
  }
}
