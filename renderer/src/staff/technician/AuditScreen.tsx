/**
 * 审计记录 (issue 15 §1, §3): the audit chain checked by the host (`tech:audit`): intact, or its first broken
 * link in words; the head (the last record's id and the first 16 hex digits of its hash) and the head last
 * written out, which shows a cut-off tail.
 */
import { useCallback } from 'react';
import type { AuditStatusView } from '../../../../common/diagnostics';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import { useStaffLoad } from '../use-staff-request';
import { HostText } from './HostText';
import { TechError } from './TechError';
import { shortHash } from './tech-words';

function Head({ label, head, testId }: { label: string; head: AuditStatusView['head']; testId: string }) {
  const { s } = useStaffText();
  const { when } = useHallTime();
  return (
    <li data-testid={testId} data-id={head?.id}>
      {label}{' '}
      {head === null ? (
        s('tech.audit.noHead')
      ) : (
        <>
          {s('tech.audit.head', { id: head.id, time: when(head.at) })} <span className="tech-frame__hex" data-testid={`${testId}-hash`}>{shortHash(head.hash)}</span>
        </>
      )}
    </li>
  );
}

export function AuditScreen({ api, go }: StaffScreenProps) {
  const { s } = useStaffText();
  const load = useCallback(() => api.call('tech:audit', {}), [api]);
  const audit = useStaffLoad(load);
  const value = audit.value;
  return (
    <Screen
      kind={['staff', 'tech-audit']}
      title={s('tech.audit.title')}
      actions={
        <>
          <Button variant="secondary" onClick={() => go({ name: 'devices' })}>
            {s('tech.devices.back')}
          </Button>
          <Button variant="secondary" onClick={audit.reload}>
            {s('tech.audit.check')}
          </Button>
        </>
      }
    >
      <p className="screen__lead">{s('tech.audit.intro')}</p>
      <TechError error={audit.error} />
      {value === null ? (
        audit.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <div className="staff-card" data-testid="audit-status" data-ok={value.ok}>
          {value.ok ? (
            <StaffMessage kind="ok" testId="audit-verdict">
              {s('tech.audit.intact', { count: value.records ?? 0 })}
            </StaffMessage>
          ) : (
            <StaffMessage kind="error" testId="audit-verdict">
              <span>
                {s('tech.audit.broken')} {value.problem !== null && <HostText text={value.problem} testId="audit-problem" />}
              </span>
            </StaffMessage>
          )}
          <ul className="staff-card__facts">
            <Head label={s('tech.audit.headNow')} head={value.head} testId="audit-head" />
            <Head label={s('tech.audit.headWrittenOut')} head={value.headWrittenOut} testId="audit-written-out" />
          </ul>
          {value.head !== null && value.headWrittenOut !== null && value.head.id === value.headWrittenOut.id && value.head.hash === value.headWrittenOut.hash && (
            <p data-testid="audit-head-matches">{s('tech.audit.headMatches')}</p>
          )}
        </div>
      )}
    </Screen>
  );
}
