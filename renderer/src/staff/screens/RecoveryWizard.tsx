/**
 * The guided jam and cover recovery (issue 15 §2): open the cover, take the stuck paper out, lead the paper
 * out of the slot and close the cover, each with a drawing; then 检查打印机 (`staff:recheck`) reads the
 * status again. Still jammed or open: what to do, and when it is beyond the staff, to call a technician.
 */
import { useState } from 'react';
import type { PrinterSupply } from '../../../../common/staff-desk';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { CoverClosingPicture, CoverOpeningPicture, JamClearingPicture } from '../pictures/PrinterPictures';
import { PrinterState, ProblemMessage, TestTicket } from '../PrinterCheck';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { supplyProblem } from '../supply-words';
import { usePrinterName } from '../SupplyCard';
import { useStaffAction } from '../use-staff-request';
import { WizardStep, type WizardStepNumber, type WizardStepSpec } from './WizardStep';

type Step = 1 | 2 | 3 | 'checked';

const STEPS: Readonly<Record<WizardStepNumber, WizardStepSpec>> = {
  1: { title: 'recover.step1', hint: 'recover.step1Hint', picture: () => <CoverOpeningPicture /> },
  2: { title: 'recover.step2', hint: 'recover.step2Hint', picture: () => <JamClearingPicture /> },
  3: { title: 'recover.step3', hint: 'recover.step3Hint', picture: () => <CoverClosingPicture /> },
};

export function RecoveryWizard({ api, go, supply: initial }: StaffScreenProps & { supply: PrinterSupply }) {
  const { s } = useStaffText();
  const printerName = usePrinterName();
  const [supply, setSupply] = useState(initial);
  const [step, setStep] = useState<Step>(1);
  const action = useStaffAction();
  const back = (
    <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
      {s('common.backToOverview')}
    </Button>
  );
  const lead = (
    <p className="screen__lead" data-testid="recover-printer">
      {s('recover.title')} · {printerName(supply)}
    </p>
  );
  const check = (): void =>
    action.run(
      () => api.call('staff:recheck', { deviceId: initial.deviceId }),
      (next) => {
        setSupply(next);
        setStep('checked');
      },
    );

  if (step === 'checked') {
    const problem = supplyProblem(supply);
    return (
      <Screen
        kind={['staff', 'staff-recover']}
        title={s('recover.checkedTitle')}
        actions={
          problem === null ? (
            <Button variant="primary" onClick={() => go({ name: 'overview' })}>
              {s('common.done')}
            </Button>
          ) : (
            <>
              {back}
              {problem === 'paperOut' ? (
                <Button variant="primary" large onClick={() => go({ name: 'restock', supply })}>
                  {s('supply.restock')}
                </Button>
              ) : (
                <Button variant="primary" large onClick={() => setStep(1)}>
                  {s('common.retry')}
                </Button>
              )}
            </>
          )
        }
      >
        {lead}
        <PrinterState supply={supply} title={s('restock.ended')} />
        {problem === null ? (
          <StaffMessage kind="ok" testId="recover-ok">
            {s('recover.ok')}
          </StaffMessage>
        ) : (
          <ProblemMessage supply={supply} problem={problem} />
        )}
        <TestTicket api={api} supply={supply} />
      </Screen>
    );
  }

  return (
    <WizardStep kind="staff-recover" step={step} spec={STEPS[step]} onStep={setStep} leave={back} lead={lead} finish={{ label: s('recover.check'), busy: action.busy, onFinish: check }}>
      {action.busy && <StaffMessage kind="info">{s('recover.checking')}</StaffMessage>}
      <StaffError error={action.error} />
    </WizardStep>
  );
}
