/**
 * What staff type about a found item (issue 15 §2) is kept in the log; an ID number must never be (issue 15
 * §3: records mask every ID number): a run of 15 or more digits (with or without the check character X,
 * spaced or not) is refused with a reason, and staff write the masked form the screen shows (张*).
 */
const ID_LIKE = /(?:\d[\s-]?){14,}[\dXx]/u;

export function refuseIdNumber(text: string, refuse: (code: 'badRequest', message: string) => never): void {
  if (ID_LIKE.test(text)) refuse('badRequest', '请勿记录身份证号码，写“身份证（张*）”即可 / do not write an ID number here: the masked name is enough');
}
