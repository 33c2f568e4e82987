/**
 * A message on a staff screen: an error (a failed call, worded from its code like the citizen UI does), a
 * warning, or plain news. Never told by colour alone: each kind has its own mark.
 */
import type { ReactNode } from 'react';
import type { KioskErrorInfo } from '../../../common/errors';
import { errorMessageId } from '../i18n/translate';
import { useStaffText } from './i18n/staff-text';

export type StaffMessageKind = 'error' | 'warning' | 'ok' | 'info';

const MARK: Readonly<Record<StaffMessageKind, string>> = { error: '!', warning: '!', ok: '✓', info: 'i' };

export function StaffMessage({ kind, children, testId }: { kind: StaffMessageKind; children: ReactNode; testId?: string }) {
  return (
    <p className={`staff-message staff-message--${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      <span className="staff-message__mark" aria-hidden="true">
        {MARK[kind]}
      </span>{' '}
      {children}
    </p>
  );
}

/** "操作未能完成：…" for a call that failed; nothing when there is no error. */
export function StaffError({ error }: { error: KioskErrorInfo | null }) {
  const { s, t } = useStaffText();
  if (error === null) return null;
  return (
    <StaffMessage kind="error" testId="staff-error">
      {s('common.failed', { reason: t(errorMessageId(error.code)) })}
    </StaffMessage>
  );
}
