/**
 * A refused or failed technician call, in the host's own words (its `detail`: "ticket-printer 不在维护模式:请先
 * 进入维护模式 / … enter it first"): the technician is the one who must act, so the reason is shown, not only
 * the citizen-facing text of its code.
 */
import type { KioskErrorInfo } from '../../../../common/errors';
import { errorMessageId } from '../../i18n/translate';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import { HostText } from './HostText';

export function TechError({ error, testId = 'tech-error' }: { error: KioskErrorInfo | null; testId?: string }) {
  const { s, t } = useStaffText();
  if (error === null) return null;
  return (
    <StaffMessage kind="error" testId={testId}>
      <span>
        {s('tech.refused', { code: error.code })} {error.detail ? <HostText text={error.detail} /> : t(errorMessageId(error.code))}
      </span>
    </StaffMessage>
  );
}
