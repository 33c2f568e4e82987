/**
 * After a restock or a recovery (issue 15 §2): what the printer reports now, in words, what to do if it is
 * still not right (call a technician when it is beyond the staff), and the test ticket that proves paper,
 * cutter and presenter.
 */
import { useState } from 'react';
import { isErrorCode } from '../../../common/errors';
import type { KioskApi } from '../../../common/kiosk-api';
import type { PrinterSupply, TestTicketResult } from '../../../common/staff-desk';
import { errorMessageId } from '../i18n/translate';
import { Button } from '../primitives/Button';
import { useStaffText } from './i18n/staff-text';
import { StaffError, StaffMessage } from './StaffMessage';
import { deviceWordsId, paperWordsId, supplyProblem, type SupplyProblem } from './supply-words';
import { useStaffAction } from './use-staff-request';

export function ProblemMessage({ supply, problem }: { supply: PrinterSupply; problem: SupplyProblem }) {
  const { s } = useStaffText();
  const text =
    problem === 'jammed'
      ? s('recover.stillJammed')
      : problem === 'coverOpen'
        ? s('recover.stillCoverOpen')
        : problem === 'paperOut'
          ? s('recover.stillPaperOut')
          : s('recover.stillFault', { state: s(deviceWordsId(supply.device)) });
  return (
    <StaffMessage kind="warning" testId="printer-problem">
      {text}
    </StaffMessage>
  );
}

/** The printer's state as the host read it, one fact a line. */
export function PrinterState({ supply, title }: { supply: PrinterSupply; title: string }) {
  const { s } = useStaffText();
  return (
    <div className="staff-card" data-testid="printer-state" data-device-id={supply.deviceId}>
      <h2 className="staff-card__title">{title}</h2>
      <ul className="staff-card__facts">
        <li data-testid="printer-state-paper">{s(paperWordsId(supply))}</li>
        <li>{s(deviceWordsId(supply.device))}</li>
        {supply.coverOpen === true && <li>{s('supply.coverOpen')}</li>}
        {supply.mediaPresented === true && <li>{s('supply.mediaPresented')}</li>}
        {supply.ticketsLeft !== null && <li>{s('supply.ticketsLeft', { count: supply.ticketsLeft })}</li>}
      </ul>
    </div>
  );
}

/** 打印测试票 and what came of it. Offered only while the printer reports nothing wrong. */
export function TestTicket({ api, supply }: { api: KioskApi; supply: PrinterSupply }) {
  const { s, t } = useStaffText();
  const action = useStaffAction();
  const [result, setResult] = useState<TestTicketResult | null>(null);
  if (supplyProblem(supply) !== null) return null;
  const print = (): void => {
    setResult(null);
    action.run(() => api.call('staff:test-ticket', { deviceId: supply.deviceId }), setResult);
  };
  return (
    <div className="staff-test">
      {action.busy && <StaffMessage kind="info">{s('test.printing')}</StaffMessage>}
      {result?.ok === true && (
        <StaffMessage kind="ok" testId="test-ticket-ok">
          {s('test.ok')}
        </StaffMessage>
      )}
      {result?.ok === false && (
        <StaffMessage kind="error" testId="test-ticket-failed">
          {s('test.failed', { reason: isErrorCode(result.code) ? t(errorMessageId(result.code)) : result.message })}
        </StaffMessage>
      )}
      <StaffError error={action.error} />
      <Button variant="primary" disabled={action.busy} onClick={print}>
        {s(result === null ? 'test.print' : 'test.printAgain')}
      </Button>
    </div>
  );
}
