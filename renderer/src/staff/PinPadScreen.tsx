/**
 * The PIN pad (issue 15 §1), shown while the host has it open and nobody is signed in: tap your name, then
 * type your PIN on the on-screen keypad. Digits show as dots, never as digits; the PIN lives in this
 * screen's state only until it is sent, and is cleared the moment it is. The host checks it, counts wrong
 * ones, locks the pad and closes it when it is left open (closesAt); this screen says what the host answered.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import { STAFF_PIN_MAX_LENGTH, STAFF_PIN_MIN_LENGTH, type StaffAccountTile, type StaffPadView, type StaffView } from '../../../common/staff';
import { toErrorInfo } from '../api/error-info';
import type { KioskErrorInfo } from '../../../common/errors';
import { useHostNow } from '../app/host-time';
import { Button } from '../primitives/Button';
import { Keypad } from '../primitives/Keypad';
import { Screen } from '../primitives/Screen';
import { useStaffText } from './i18n/staff-text';
import { StaffError, StaffMessage } from './StaffMessage';
import { secondsUntil, useHallTime } from './staff-time';
import { withName } from './staff-name';

export interface PinPadScreenProps {
  api: KioskApi;
  pad: StaffPadView;
  /** The host's answer, for the host view (its `staff:changed` push follows). */
  onStaff(staff: StaffView): void;
}

type Notice = { kind: 'wrongPin'; failuresLeft: number } | { kind: 'locked'; lockedUntil: number } | { kind: 'error'; error: KioskErrorInfo };

function closed(pad: StaffPadView): StaffPadView {
  return { ...pad, open: false, closesAt: null, accounts: [] };
}

export function PinPadScreen({ api, pad, onStaff }: PinPadScreenProps) {
  const { s } = useStaffText();
  const { time } = useHallTime();
  const now = useHostNow(1_000);
  const promptId = useId();
  const [account, setAccount] = useState<StaffAccountTile | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const lockedUntil = notice?.kind === 'locked' ? Math.max(notice.lockedUntil, pad.lockedUntil ?? 0) : pad.lockedUntil;
  const locked = lockedUntil !== null && lockedUntil > now;

  const choose = (tile: StaffAccountTile | null): void => {
    setPin('');
    setNotice(null);
    setAccount(tile);
  };

  const cancel = (): void => {
    setPin('');
    api.call('staff:close-pad', {}).then(
      (view) => onStaff({ pad: view, session: null }),
      () => onStaff({ pad: closed(pad), session: null }),
    );
  };

  const signIn = (typed: string): void => {
    if (account === null || busy) return;
    setPin(''); // never kept beyond this attempt
    setBusy(true);
    setNotice(null);
    api.call('staff:sign-in', { accountId: account.id, pin: typed }).then(
      (result) => {
        if (!mounted.current) return;
        setBusy(false);
        if (result.ok) onStaff({ pad: closed(pad), session: result.session });
        else if (result.reason === 'wrongPin') {
          setNotice({ kind: 'wrongPin', failuresLeft: result.failuresLeft });
          onStaff({ pad: { ...pad, failuresLeft: result.failuresLeft }, session: null });
        } else if (result.reason === 'locked') {
          setNotice({ kind: 'locked', lockedUntil: result.lockedUntil });
          onStaff({ pad: { ...pad, lockedUntil: result.lockedUntil, failuresLeft: 0 }, session: null });
        } else onStaff({ pad: closed(pad), session: null }); // padClosed: it timed out meanwhile
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setNotice({ kind: 'error', error: toErrorInfo(error) });
      },
    );
  };

  const closesIn = pad.closesAt === null ? null : secondsUntil(pad.closesAt, now);
  const cancelButton = (
    <Button variant="secondary" onClick={cancel}>
      {s('pad.cancel')}
    </Button>
  );

  let body;
  if (locked) {
    body = (
      <>
        <StaffMessage kind="error" testId="pad-locked">
          {s('pad.locked', { time: time(lockedUntil) })}
        </StaffMessage>
        <p className="screen__lead">{s('pad.lockedHint')}</p>
      </>
    );
  } else if (account === null) {
    body = (
      <>
        <p className="screen__lead" id={promptId}>
          {s(pad.accounts.length > 0 ? 'pad.chooseName' : 'pad.noAccounts')}
        </p>
        <ul className="staff-pad__accounts" aria-labelledby={promptId}>
          {pad.accounts.map((tile) => (
            <li key={tile.id}>
              <Button variant="secondary" large modifier="staff-pad__account" data-account-id={tile.id} onClick={() => choose(tile)}>
                <span className="staff-pad__name" lang="zh-CN">{tile.name}</span> <span className="staff-pad__role">{s(`role.${tile.role}`)}</span>
              </Button>
            </li>
          ))}
        </ul>
      </>
    );
  } else {
    body = (
      <div className="staff-pad__pin">
        <p className="screen__lead" id={promptId}>
          {withName(s('pad.enterPin', { name: '{name}' }), account.name)}
        </p>
        <div className="staff-pad__dots" data-testid="pin-dots">
          <span className="staff-pad__dot-row" aria-hidden="true">
            {'●'.repeat(pin.length)}
          </span>
          <span className="staff-pad__typed">{pin.length > 0 ? s('pad.typed', { count: pin.length }) : s('pad.nothingTyped')}</span>
        </div>
        {busy && <StaffMessage kind="info">{s('pad.checking')}</StaffMessage>}
        {notice?.kind === 'wrongPin' && (
          <StaffMessage kind="error" testId="pad-wrong-pin">
            {s('pad.wrongPin', { count: notice.failuresLeft })}
          </StaffMessage>
        )}
        {notice?.kind === 'error' && <StaffError error={notice.error} />}
        <Keypad
          value={pin}
          onChange={setPin}
          onConfirm={signIn}
          maxLength={STAFF_PIN_MAX_LENGTH}
          canConfirm={!busy && pin.length >= STAFF_PIN_MIN_LENGTH}
          labelledBy={promptId}
        />
      </div>
    );
  }

  return (
    <Screen
      kind={['staff', 'staff-pad']}
      title={s('pad.title')}
      actions={
        <>
          {account !== null && !locked && (
            <Button variant="secondary" onClick={() => choose(null)}>
              {s('pad.otherName')}
            </Button>
          )}
          {cancelButton}
        </>
      }
    >
      {body}
      {closesIn !== null && (
        <p className="staff-pad__closes" data-testid="pad-closes-in">
          {s('pad.closesIn', { seconds: closesIn })}
        </p>
      )}
    </Screen>
  );
}
