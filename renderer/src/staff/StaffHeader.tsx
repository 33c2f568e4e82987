/**
 * The staff screens' header (issue 15 §1): who is signed in, when the host will sign them out by itself
 * (warned in the last 20 s: a staff member who walks away is told before, and touching the screen goes on),
 * and 退出登录.
 */
import type { StaffSessionView } from '../../../common/staff';
import { useHostNow } from '../app/host-time';
import { Button } from '../primitives/Button';
import { useStaffText } from './i18n/staff-text';
import { secondsUntil } from './staff-time';
import { withName } from './staff-name';

export const SIGN_OUT_WARNING_S = 20;

export function StaffHeader({ session, onSignOut }: { session: StaffSessionView; onSignOut(): void }) {
  const { s } = useStaffText();
  const now = useHostNow(1_000);
  const left = secondsUntil(session.signOutAt, now);
  const warn = left <= SIGN_OUT_WARNING_S;
  const countdown = left >= 60 ? s('header.signOutInMinutes', { minutes: Math.floor(left / 60), seconds: left % 60 }) : s('header.signOutIn', { seconds: left });
  return (
    <header className={`staff-header${warn ? ' staff-header--warn' : ''}`}>
      <div className="staff-header__who">
        <span className="staff-header__name" data-testid="staff-person">
          {withName(s('header.person', { name: '{name}', role: s(`role.${session.role}`) }), session.name)}
        </span>
        <span className="staff-header__countdown" data-testid="staff-sign-out-in">
          {countdown}
        </span>
      </div>
      <Button variant="secondary" modifier="staff-header__sign-out" onClick={onSignOut}>
        {s('header.signOut')}
      </Button>
      {warn && (
        <p className="staff-header__warning" role="alert" data-testid="staff-sign-out-warning">
          <span aria-hidden="true" className="staff-message__mark">
            !
          </span>{' '}
          {s('header.signOutWarning')}
        </p>
      )}
    </header>
  );
}
