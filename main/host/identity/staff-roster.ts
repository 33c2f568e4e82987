/**
 * Whether hall staff are on duty now (configuration `identity.staffOnDuty`, the hall's calendar): 人工核验 at
 * night, with nobody in the hall, says honestly when staff are back instead of promising help (issue 14 §5).
 * The same calendar arithmetic as a business's hours (queue/business-hours.ts).
 */
import type { StaffCheckView } from '../../../common/identity';
import type { QueueCalendar, WeeklyHours } from '../config/config-types';
import { businessWindow } from '../queue/business-hours';

export function staffOnDuty(hours: WeeklyHours, calendar: QueueCalendar, timeZone: string, nowMs: number): StaffCheckView {
  const window = businessWindow({ hours, stopIssuingMinutesBeforeClose: 0 }, calendar, timeZone, nowMs);
  if (window.open) return { onDuty: true };
  return window.nextOpen === undefined ? { onDuty: false } : { onDuty: false, backAt: window.nextOpen };
}
