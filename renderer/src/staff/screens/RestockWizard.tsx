/**
 * The guided paper exchange (issue 15 §2). 开始更换 (`staff:restock` begin) takes the printer from citizens —
 * 取号 shows as unavailable with where to go — then three steps with a drawing each: open the cover, change
 * the roll with its end outwards, pull some paper out and close the cover. 完成更换 (end) has the host reset
 * the roll's counters, read the status again and give 取号 back; the new status is shown and a test ticket
 * offered. 取消更换 (cancel) gives the printer back as it was.
 */
import { useState } from 'react';
import type { PrinterSupply, RestockStep } from '../../../../common/staff-desk';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { CoverClosingPicture, CoverOpeningPicture, RollChangePicture } from '../pictures/PrinterPictures';
import { PrinterState, ProblemMessage, TestTicket } from '../PrinterCheck';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { supplyProblem } from '../supply-words';
import { usePrinterName } from '../SupplyCard';
import { useStaffAction } from '../use-staff-request';
import { WizardStep, type WizardStepNumber, type WizardStepSpec } from './WizardStep';

type Step = 'intro' | 1 | 2 | 3 | 'ended';

const STEPS: Readonly<Record<WizardStepNumber, WizardStepSpec>> = {
  1: { title: 'restock.step1', hint: 'restock.step1Hint', picture: () => <CoverOpeningPicture /> },
  2: { title: 'restock.step2', hint: 'restock.step2Hint', picture: () => <RollChangePicture /> },
  3: { title: 'restock.step3', hint: 'restock.step3Hint', picture: () => <CoverClosingPicture /> },
};

export function RestockWizard({ api, go, supply: initial }: StaffScreenProps & { supply: PrinterSupply }) {
  const { s } = useStaffText();
  const printerName = usePrinterName();
  const [supply, setSupply] = useState(initial);
  // An exchange already begun (the screen was left, or the renderer reloaded) goes on at the first step.
  const [step, setStep] = useState<Step>(initial.restock === null ? 'intro' : 1);
  const action = useStaffAction();
  const deviceId = initial.deviceId;

  const restock = (which: RestockStep, then: (next: PrinterSupply) => void): void =>
    action.run(
      () => api.call('staff:restock', { deviceId, step: which }),
      (next) => {
        setSupply(next);
        then(next);
      },
    );
  const recheck = (): void => action.run(() => api.call('staff:recheck', { deviceId }), setSupply);
  const cancel = (): void => restock('cancel', () => go({ name: 'overview' }));
  const back = (
    <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
      {s('common.backToOverview')}
    </Button>
  );
  const cancelButton = (
    <Button variant="secondary" disabled={action.busy} onClick={cancel}>
      {s('restock.cancel')}
    </Button>
  );
  const lead = (
    <p className="screen__lead" data-testid="restock-printer">
      {s('restock.title')} · {printerName(supply)}
    </p>
  );

  if (step === 'intro') {
    return (
      <Screen
        kind={['staff', 'staff-restock']}
        title={s('restock.title')}
        actions={
          <>
            {back}
            <Button variant="primary" large disabled={action.busy} onClick={() => restock('begin', () => setStep(1))}>
              {s('restock.begin')}
            </Button>
          </>
        }
      >
        {lead}
        <StaffMessage kind="info">{s('restock.intro')}</StaffMessage>
        <StaffError error={action.error} />
      </Screen>
    );
  }

  if (step === 'ended') {
    const problem = supplyProblem(supply);
    return (
      <Screen
        kind={['staff', 'staff-restock']}
        title={s('restock.endedTitle')}
        actions={
          <Button variant="primary" onClick={() => go({ name: 'overview' })}>
            {s('common.done')}
          </Button>
        }
      >
        {lead}
        <PrinterState supply={supply} title={s('restock.ended')} />
        {problem === null ? (
          supply.restock === null && (
            <StaffMessage kind="ok" testId="restock-given-back">
              {s('restock.givenBack')}
            </StaffMessage>
          )
        ) : (
          <>
            <ProblemMessage supply={supply} problem={problem} />
            <div className="staff-row">
              <Button variant="secondary" disabled={action.busy} onClick={recheck}>
                {s('restock.recheck')}
              </Button>
              {problem !== 'paperOut' && (
                <Button variant="secondary" onClick={() => go({ name: 'recover', supply })}>
                  {s('supply.recover')}
                </Button>
              )}
            </div>
          </>
        )}
        <StaffError error={action.error} />
        <TestTicket api={api} supply={supply} />
      </Screen>
    );
  }

  return (
    <WizardStep
      kind="staff-restock"
      step={step}
      spec={STEPS[step]}
      onStep={setStep}
      leave={cancelButton}
      lead={lead}
      finish={{ label: s('restock.finish'), busy: action.busy, onFinish: () => restock('end', () => setStep('ended')) }}
    >
      <StaffError error={action.error} />
    </WizardStep>
  );
}
