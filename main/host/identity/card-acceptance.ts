/**
 * Whether a card read may establish the citizen's identity today (issue 14 §2; domain.md "Identity"): its
 * text block parsed (the GB 11643 check digit and the field rules are the parser's, text-block.ts), its
 * validity on the hall's date, its holder's age computed here in the host for the priority rule (§8.6).
 * Pure: the caller passes the hall-local date and the configured age.
 */
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import type { IdentityCardKind, IdentityCitizenView } from '../../../common/identity';
import { maskIdNumber } from '../../../common/mask';
import { ageOn, cardValidity, cardValidityError } from '../../../drivers/protocol/ga467/card-dates';
import { displayName, isTextBlockProblem, type CardText } from '../../../drivers/protocol/ga467/card-text';
import type { CardRead } from '../../../drivers/devices/id-card-types';

export type CardAcceptance =
  | { ok: true; text: CardText; view: IdentityCitizenView }
  /** `detail` names the rule, never a value (a technician may read it in the log). */
  | { ok: false; error: KioskErrorInfo };

export function acceptCard(read: CardRead, todayLocal: string, priorityAge: number): CardAcceptance {
  const text = read.text;
  if (isTextBlockProblem(text)) return { ok: false, error: errorInfo('cardUnreadable', `text block refused: ${text.field} ${text.reason}`) };
  const refusal = cardValidityError(cardValidity(text, todayLocal));
  if (refusal) return { ok: false, error: errorInfo(refusal, `card ${refusal === 'cardExpired' ? 'validity ended' : 'not valid yet'} on ${todayLocal}`) };
  const age = ageOn(text.birthDate, todayLocal);
  const known = age >= 0 ? age : null;
  return {
    ok: true,
    text,
    view: {
      name: displayName(text),
      idNumberMasked: maskIdNumber(text.idNumber),
      cardKind: text.kind satisfies IdentityCardKind,
      age: known,
      priority: known !== null && known >= priorityAge,
    },
  };
}
