/**
 * 呼叫帮助 in the top bar (issue 16 §7, domain.md: a one-tap call that reaches a person): the host raises a
 * staff alert and the citizen is told 已通知工作人员，请稍候 (read aloud in 长辈模式), until they close it or
 * their session ends.
 */
import { useEffect, useRef, useState } from 'react';
import type { HelpCallResult } from '../../../common/guides-api';
import { useI18n } from '../i18n/i18n-context';
import type { MessageId } from '../i18n/translate';
import { Button } from '../primitives/Button';
import { useScreenPrompt } from '../speech/speech-context';

export interface HelpButtonProps {
  onCall(): Promise<HelpCallResult>;
  /** The host's session: the notice goes with the session it was raised in. */
  sessionId: string | null;
}

type Notice = 'help.called' | 'help.failed' | null;

export function HelpButton({ onCall, sessionId }: HelpButtonProps) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice>(null);
  const shownIn = useRef<string | null>(null);

  useEffect(() => {
    // A session that ended (or was replaced) takes its notice with it; the first touch starting one does not.
    if (shownIn.current !== null && shownIn.current !== sessionId) setNotice(null);
    shownIn.current = sessionId;
  }, [sessionId]);

  const call = (): void => {
    onCall().then(
      (result) => setNotice(result.raised ? 'help.called' : 'help.failed'),
      () => setNotice('help.failed'),
    );
  };

  return (
    <>
      <Button variant="toggle" modifier="button--help" onClick={call}>
        {t('help.call')}
      </Button>
      {notice !== null && <HelpNotice id={notice} onClose={() => setNotice(null)} />}
    </>
  );
}

function HelpNotice({ id, onClose }: { id: MessageId; onClose(): void }) {
  const { t } = useI18n();
  useScreenPrompt(t(id), { cacheable: true });
  return (
    <div className={`help-notice help-notice--${id === 'help.called' ? 'called' : 'failed'}`} role={id === 'help.called' ? 'status' : 'alert'}>
      <p className="help-notice__text">{t(id)}</p>
      <Button variant="secondary" onClick={onClose}>
        {t('help.dismiss')}
      </Button>
    </div>
  );
}
