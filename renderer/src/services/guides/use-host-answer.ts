/**
 * One question to the host for what a guide screen shows (the overview, a browse list, a guide page, a route):
 * asked when the screen appears or its subject changes, the answer of an earlier subject dropped if it comes
 * late, and asked again on 重试 after a failure (offline, timeout).
 */
import { useEffect, useRef, useState } from 'react';
import type { KioskErrorInfo } from '../../../../common/errors';
import { toErrorInfo } from '../../api/error-info';

export type HostAnswer<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'failed'; error: KioskErrorInfo };

export function useHostAnswer<T>(ask: () => Promise<T>, subject: string): { answer: HostAnswer<T>; retry(): void } {
  const [state, setState] = useState<{ subject: string; attempt: number; answer: HostAnswer<T> }>({ subject, attempt: 0, answer: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  const askRef = useRef(ask);
  askRef.current = ask;

  useEffect(() => {
    let current = true;
    askRef.current().then(
      (value) => current && setState({ subject, attempt, answer: { status: 'ok', value } }),
      (error: unknown) => current && setState({ subject, attempt, answer: { status: 'failed', error: toErrorInfo(error) } }),
    );
    return () => {
      current = false;
    };
  }, [subject, attempt]);

  const answer: HostAnswer<T> = state.subject === subject && state.attempt === attempt ? state.answer : { status: 'loading' };
  return { answer, retry: () => setAttempt((n) => n + 1) };
}
