/**
 * One step of a guided printer procedure (issue 15 §2: the paper exchange, the jam and cover recovery): its
 * title, a numbered "step n of 3", the picture and the hint, and at its foot the way out, 上一步, and 下一步 or
 * the procedure's own last action.
 */
import type { ReactNode } from 'react';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText, type StaffMessageId } from '../i18n/staff-text';

export type WizardStepNumber = 1 | 2 | 3;

export interface WizardStepSpec {
  title: StaffMessageId;
  hint: StaffMessageId;
  picture: () => ReactNode;
}

export interface WizardStepProps {
  /** The screen's own modifier, e.g. `staff-restock`. */
  kind: string;
  step: WizardStepNumber;
  spec: WizardStepSpec;
  onStep(step: WizardStepNumber): void;
  /** The way out (取消更换, 返回总览), first in the row. */
  leave: ReactNode;
  /** The last step's action (完成更换, 检查打印机). */
  finish: { label: string; busy: boolean; onFinish(): void };
  /** Above the step number: what is being done to which printer. */
  lead: ReactNode;
  /** Below the hint: progress and errors. */
  children?: ReactNode;
}

export function WizardStep({ kind, step, spec, onStep, leave, finish, lead, children }: WizardStepProps) {
  const { s } = useStaffText();
  return (
    <Screen
      key={step}
      kind={['staff', kind, 'staff-wizard']}
      title={s(spec.title)}
      actions={
        <>
          {leave}
          {step > 1 && (
            <Button variant="secondary" onClick={() => onStep((step - 1) as WizardStepNumber)}>
              {s('restock.previous')}
            </Button>
          )}
          {step < 3 ? (
            <Button variant="primary" large onClick={() => onStep((step + 1) as WizardStepNumber)}>
              {s('restock.next')}
            </Button>
          ) : (
            <Button variant="primary" large disabled={finish.busy} onClick={finish.onFinish}>
              {finish.label}
            </Button>
          )}
        </>
      }
    >
      {lead}
      <p className="staff-wizard__step" data-testid="wizard-step">
        {s('restock.step', { step, total: 3 })}
      </p>
      <div className="staff-wizard__picture">{spec.picture()}</div>
      <p className="screen__lead">{s(spec.hint)}</p>
      {children}
    </Screen>
  );
}
