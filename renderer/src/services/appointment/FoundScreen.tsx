/**
 * 找到您的预约 (issue 14 item 7): what the host found for the code or the card, to confirm; usually one. Only an
 * appointment the host judged open has 确认签到; the others say why not (early: from when; late; used).
 */
import type { AppointmentChoice } from '../../../../common/appointment';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { AppointmentFacts } from './AppointmentFacts';

export interface FoundScreenProps {
  appointments: readonly AppointmentChoice[];
  onConfirm(code: string): void;
  onRescan(): void;
  onBack(): void;
}

export function FoundScreen({ appointments, onConfirm, onRescan, onBack }: FoundScreenProps) {
  const { t } = useI18n();
  return (
    <Screen
      kind={['appointment-found']}
      title={t(appointments.length > 1 ? 'appointment.found.titleMany' : 'appointment.found.title')}
      actions={
        <>
          <Button variant="secondary" onClick={onBack}>
            {t('action.back')}
          </Button>
          <Button variant="secondary" onClick={onRescan}>
            {t('appointment.rescan')}
          </Button>
        </>
      }
    >
      <List
        className="appointment-list"
        items={appointments}
        itemKey={(a) => a.code}
        renderItem={(a) => (
          <div className="appointment-card">
            <AppointmentFacts choice={a} />
            {a.standing === 'open' && (
              <Button variant="primary" large onClick={() => onConfirm(a.code)}>
                {t('appointment.confirm')}
              </Button>
            )}
          </div>
        )}
      />
    </Screen>
  );
}
