/**
 * An appointment as the citizen is shown it, judged in hall time on the host's clock (issue 14 item 7;
 * docs/platform-api.md: check-in opens 30 minutes before the window and closes when it ends). The host judges
 * before it asks the platform to check in, so an early code is told when check-in opens without spending a
 * check-in call; the platform still has the last word when the citizen confirms (appointment-check-in.ts).
 */
import type { AppointmentChoice, AppointmentStanding } from '../../../common/appointment';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import { formatLocalDateTime } from '../../../common/local-time';
import { CHECK_IN_OPENS_BEFORE_MS, type Appointment } from '../../../common/platform-api';
import type { LocalText } from '../../../common/queue';

export interface ChoiceBusiness {
  name: LocalText;
  zone: LocalText;
}

export function appointmentChoice(appointment: Appointment, business: ChoiceBusiness, nowMs: number, timeZone: string, opensBeforeMs = CHECK_IN_OPENS_BEFORE_MS): AppointmentChoice {
  const startMs = Date.parse(appointment.windowStart);
  const endMs = Date.parse(appointment.windowEnd);
  const opensAtMs = startMs - opensBeforeMs;
  const standing: AppointmentStanding =
    appointment.status === 'checkedIn' ? 'used' : nowMs < opensAtMs ? 'early' : nowMs > endMs ? 'late' : 'open';
  const choice: AppointmentChoice = {
    code: appointment.code,
    businessId: appointment.businessId,
    businessName: business.name,
    zone: business.zone,
    windowStartLocal: formatLocalDateTime(startMs, timeZone),
    windowEndLocal: formatLocalDateTime(endMs, timeZone),
    personMaskedName: appointment.personMaskedName,
    standing,
  };
  if (standing === 'early') choice.opensAtLocal = formatLocalDateTime(opensAtMs, timeZone);
  return choice;
}

/** Why an appointment that is not `open` cannot be checked in now. */
export function standingError(standing: Exclude<AppointmentStanding, 'open'>): KioskErrorInfo {
  return errorInfo(standing === 'early' ? 'appointmentEarly' : standing === 'late' ? 'appointmentLate' : 'appointmentUsed');
}

/** Of several appointments none of which is open, the one whose answer helps most: the next to open, else a used one. */
export function mostUseful(choices: readonly AppointmentChoice[]): AppointmentChoice | undefined {
  return choices.find((c) => c.standing === 'early') ?? choices.find((c) => c.standing === 'used') ?? choices[0];
}
