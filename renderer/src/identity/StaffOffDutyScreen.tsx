/** 人工核验 with nobody on duty (issue 14 §5): said honestly, with when staff are back and what can be done now. */
import type { StaffCheckView } from '../../../common/identity';
import { useHostNow, useHostTime } from '../app/host-time';
import { formatHallDateTime } from '../i18n/date-format';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { Screen } from '../primitives/Screen';

export function StaffOffDutyScreen({ staff, onBack }: { staff: StaffCheckView; onBack(): void }) {
  const { t, language } = useI18n();
  const { timeZone } = useHostTime();
  const hostNowMs = useHostNow(30_000);
  return (
    <Screen
      kind={['staff-off-duty']}
      title={t('identity.staff.offDuty.title')}
      actions={
        <Button variant="primary" large onClick={onBack}>
          {t('action.home')}
        </Button>
      }
    >
      <p className="screen__lead" role="status">
        {staff.backAt ? t('identity.staff.offDuty.backAt', { time: formatHallDateTime(staff.backAt, hostNowMs, timeZone, language) }) : t('identity.staff.offDuty.unknown')}
      </p>
      <p className="screen__lead">{t('identity.staff.offDuty.meanwhile')}</p>
    </Screen>
  );
}
