/**
 * 待确认的证明 (issue 17 §2; ARCHITECTURE.md §8.3): certificates whose print was never confirmed (the printer
 * went silent, or forgot the job after a restart). Staff look in the A4 tray, then settle each as issued (the
 * citizen has it whole) or voided (what came out is destroyed) — both asked again in a dialog. The host
 * audits the settlement and tells the platform.
 */
import { isErrorCode } from '../../../../common/errors';
import type { UncertainCertificateView } from '../../../../common/staff-desk';
import type { KioskApi } from '../../../../common/kiosk-api';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { useStaffText } from '../i18n/staff-text';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import type { useStaffAction } from '../use-staff-request';

interface Props {
  api: KioskApi;
  ask: StaffScreenProps['ask'];
  certificates: UncertainCertificateView[];
  action: ReturnType<typeof useStaffAction>;
  onSettled(list: UncertainCertificateView[], issuanceId: string): void;
}

export function UncertainCertificates({ api, ask, certificates, action, onSettled }: Props) {
  const { s, t } = useStaffText();
  const { when } = useHallTime();
  const title = (c: UncertainCertificateView): string => s(`certificate.kind.${c.kind}`);
  const settle = (c: UncertainCertificateView, outcome: 'issued' | 'voided'): void =>
    action.run(
      () => api.call('staff:settle-certificate', { issuanceId: c.issuanceId, outcome }),
      (list) => onSettled(list, c.issuanceId),
    );
  const confirm = (c: UncertainCertificateView, outcome: 'issued' | 'voided'): void => {
    const issued = outcome === 'issued';
    ask({
      title: s(issued ? 'uncertain.certificateConfirmIssuedTitle' : 'uncertain.certificateConfirmVoidedTitle', { title: title(c) }),
      body: s(issued ? 'uncertain.certificateConfirmIssuedBody' : 'uncertain.certificateConfirmVoidedBody'),
      cancelLabel: s('common.back'),
      choices: [{ label: s(issued ? 'uncertain.confirmIssued' : 'uncertain.confirmVoided'), primary: true, onChoose: () => settle(c, outcome) }],
    });
  };
  if (certificates.length === 0) return null;
  return (
    <section aria-labelledby="uncertain-certificates-title" data-testid="uncertain-certificates">
      <h2 id="uncertain-certificates-title" className="staff-section__title">
        {s('uncertain.certificatesTitle')}
      </h2>
      <p className="screen__lead">{s('uncertain.certificatesIntro')}</p>
      <List
        className="staff-cards"
        items={certificates}
        itemKey={(c) => c.issuanceId}
        renderItem={(c) => (
          <article className="staff-card" data-testid="uncertain-certificate" data-issuance={c.issuanceId}>
            <h3 className="staff-card__title">{s('uncertain.certificate', { title: title(c), pages: c.pages })}</h3>
            <ul className="staff-card__facts">
              <li>{s('uncertain.certificateFacts', { id: c.issuanceId, time: when(c.createdAt) })}</li>
              {c.pagesCompleted !== null && <li>{s('uncertain.certificatePages', { done: c.pagesCompleted })}</li>}
              {c.errorCode !== null && <li>{s('uncertain.reason', { reason: isErrorCode(c.errorCode) ? t(errorMessageId(c.errorCode)) : c.errorCode })}</li>}
            </ul>
            <div className="staff-card__actions">
              <Button variant="primary" large disabled={action.busy} onClick={() => confirm(c, 'issued')}>
                {s('uncertain.certificateIssued')}
              </Button>
              <Button variant="secondary" large disabled={action.busy} onClick={() => confirm(c, 'voided')}>
                {s('uncertain.certificateVoided')}
              </Button>
            </div>
          </article>
        )}
      />
    </section>
  );
}
