/**
 * A guide page's actions (issue 16 §5): 打印清单 (its outcome told in words: printing, 已打印，请取走清单, or why
 * not), 去办理 (this kiosk's own service, or the online entry), 取号 for the item's business through the
 * take-ticket screens, and 带我去 where a hall robot can walk the citizen to the window. Whether a service or
 * a business is open is the host's word (availability, the business list); this only shows it.
 */
import type { QrSvg } from '../../../../common/guides-api';
import type { ReactNode } from 'react';
import type { CitizenService } from '../../../../common/availability';
import type { ErrorCode } from '../../../../common/errors';
import { UnavailableNotice } from '../../components/UnavailableNotice';
import { closedReasonMessageId, errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import type { GuideContext } from './guide-context';
import { guideKey } from './guides-state';
import { useGuidesText, type GuidesMessageId } from './i18n/guides-text';

export interface GuideActionsProps {
  ctx: GuideContext;
  kind: 'item' | 'bundle';
  id: string;
  businessId?: string;
  kioskService?: CitizenService;
  /** The online entry, offered as 去办理 when this kiosk has no service for the item. */
  onlineUrl?: string;
  /** The host's QR code of the online entry. */
  onlineQr?: QrSvg;
  /** The first window: where 带我去 goes. */
  robotTo?: string;
}

const PRINT_REASONS: Partial<Record<ErrorCode, GuidesMessageId>> = {
  paperOut: 'print.reason.paperOut',
  paperJam: 'print.reason.paperJam',
  coverOpen: 'print.reason.coverOpen',
  offline: 'print.reason.offline',
  noDevice: 'print.reason.noDevice',
  timeout: 'print.reason.timeout',
};

/** The robot can walk the citizen: a robot kiosk, or a robot base that is online (issue 16 §9). */
export function robotOffered(ctx: GuideContext): boolean {
  const robot = ctx.snapshot.robot;
  return robot !== undefined && (ctx.snapshot.profile === 'robot' || robot.status.online);
}

/** The buttons for the screen's foot, and the lines that explain them (print outcome, why one is withdrawn). */
export function useGuidePageActions({ ctx, kind, id, businessId, kioskService, onlineUrl, onlineQr, robotTo }: GuideActionsProps): { buttons: ReactNode[]; notes: ReactNode } {
  const { g, t } = useGuidesText();
  const { snapshot, state, actions, dispatch, openService, takeTicket } = ctx;
  const printing = state.print?.phase === 'printing';
  const buttons: ReactNode[] = [];
  const notes: ReactNode[] = [];

  buttons.push(
    <Button key="print" variant="primary" disabled={printing} onClick={() => actions.printChecklist(kind, id)}>
      {g('action.print')}
    </Button>,
  );

  if (kioskService) {
    const availability = snapshot.availability.find((a) => a.service === kioskService);
    const withdrawn = availability !== undefined && !availability.available;
    buttons.push(
      <Button key="do" variant="primary" disabled={withdrawn} describedBy={withdrawn ? 'guide-do-unavailable' : undefined} onClick={() => openService(kioskService)}>
        {g('action.do')}
      </Button>,
    );
    if (withdrawn) notes.push(<UnavailableNotice key="do" id="guide-do-unavailable" availability={availability} />);
  } else if (onlineUrl) {
    buttons.push(
      <Button key="do" variant="primary" onClick={() => dispatch({ type: 'guides/push', page: { name: 'online', id, url: onlineUrl, ...(onlineQr && { qr: onlineQr }) } })}>
        {g('action.doOnline')}
      </Button>,
    );
  }

  if (businessId) {
    const business = snapshot.businesses.find((b) => b.id === businessId);
    const service = snapshot.availability.find((a) => a.service === 'takeTicket');
    const withdrawn = service !== undefined && !service.available;
    const closed = business !== undefined && !business.open;
    buttons.push(
      <Button key="ticket" variant="primary" disabled={withdrawn || closed} describedBy={withdrawn || closed ? 'guide-ticket-why' : undefined} onClick={() => takeTicket(businessId)}>
        {g('action.ticket')}
      </Button>,
    );
    if (withdrawn) notes.push(<UnavailableNotice key="ticket" id="guide-ticket-why" availability={service} />);
    else if (closed)
      notes.push(
        <p key="ticket" id="guide-ticket-why" className="guides-note">
          {g('ticket.closed', { reason: t(business.closedReason ? closedReasonMessageId(business.closedReason) : 'error.businessClosed') })}
        </p>,
      );
  }

  if (robotTo && robotOffered(ctx)) {
    buttons.push(
      <Button key="robot" variant="primary" onClick={() => actions.goWithRobot(robotTo)}>
        {g('action.robot')}
      </Button>,
    );
  }

  buttons.push(
    <Button key="back" variant="secondary" onClick={ctx.nav.back}>
      {t('action.back')}
    </Button>,
  );

  return { buttons, notes: [<PrintStatus key="print" ctx={ctx} printKey={guideKey(kind, id)} />, ...notes] };
}

function PrintStatus({ ctx, printKey }: { ctx: GuideContext; printKey: string }) {
  const { g, t } = useGuidesText();
  const print = ctx.state.print;
  const reason = (code: ErrorCode): string => {
    const id = PRINT_REASONS[code];
    return id ? g(id) : t(errorMessageId(code));
  };
  let line: string | null = null;
  let problem = false;
  if (print?.key === printKey) {
    if (print.phase === 'printing') line = g('print.printing');
    else if (print.phase === 'failed') [line, problem] = [g('print.failed', { reason: reason(print.error.code) }), true];
    else if (print.result.outcome === 'issued') line = g('print.issued');
    else if (print.result.outcome === 'voided') [line, problem] = [g('print.voided', { reason: reason(print.result.error.code) }), true];
    else [line, problem] = [g('print.uncertain', { reason: reason(print.result.error.code) }), true];
  }
  // Always in the page, so a screen reader hears each change of the one live region.
  return (
    <p className={`guides-print${problem ? ' guides-print--problem' : ''}`} role="status" aria-live="polite" data-print={print?.key === printKey ? print.phase : undefined}>
      {line}
    </p>
  );
}
