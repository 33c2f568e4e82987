/**
 * 请将预约二维码对准扫码口 (issue 14 items 6–7): the scanner is read by the host while this screen is open, a
 * keyboard-wedge scanner by the renderer (AppointmentService's useWedgeScan). 刷身份证签到 is the other way,
 * shown the same size beside it, withdrawn (still named, with why) when the card reader cannot read.
 */
import type { AppointmentInputs } from '../../../../common/appointment';
import { IdCardIcon } from '../../identity/IdCardIcon';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { QrIcon } from './QrIcon';

export function ScanScreen({ inputs, onCard, onBack }: { inputs: AppointmentInputs; onCard(): void; onBack(): void }) {
  const { t } = useI18n();
  return (
    <Screen
      kind={['appointment-scan']}
      title={t('appointment.scan.title')}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t('action.back')}
        </Button>
      }
    >
      <div className="appointment__ways">
        <div className="appointment__way">
          <QrIcon />
          <p className="screen__lead" role="status" data-testid="appointment-scan-prompt">
            {t(inputs.scanner ? 'appointment.scan.lead' : 'appointment.scan.noScanner')}
          </p>
        </div>
        <div className="appointment__way appointment__way--card">
          <Button variant="service" disabled={!inputs.card} describedBy={inputs.card ? undefined : 'appointment-card-unavailable'} onClick={onCard}>
            <IdCardIcon />
            {t('appointment.byCard')}
          </Button>
          {!inputs.card && (
            <p id="appointment-card-unavailable" className="screen__lead">
              {t('appointment.byCard.unavailable')}
            </p>
          )}
        </div>
      </div>
    </Screen>
  );
}
