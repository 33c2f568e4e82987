/**
 * The robot profile's home screen (issue 16 §9): the same renderer on a hall robot's portrait head screen
 * (theme/robot.css), with 办事指南 and 取号 first, and the configured greeting (config `robot.greeting`, the
 * snapshot's `greeting`) shown in the citizen's language (in 简体中文, so marked, where the hall gave none in
 * it) and said once when a citizen steps up: once per host session, however often the home screen opens in it.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { LocalText } from '../../../common/queue';
import { useI18n } from '../i18n/i18n-context';
import type { OfferedService, ServiceId } from '../services/service-module';
import { useSpeech } from '../speech/speech-context';

/** What a citizen walking up to a robot most often wants: where to go and what to bring, and a number. */
export const ROBOT_FIRST_SERVICES: readonly ServiceId[] = ['guides', 'takeTicket'];

/** The home tiles for the robot: ROBOT_FIRST_SERVICES first (those offered), then the rest in the host's order. */
export function robotTileOrder(services: readonly OfferedService[]): OfferedService[] {
  const rank = (s: OfferedService): number => {
    const i = ROBOT_FIRST_SERVICES.indexOf(s.service);
    return i === -1 ? ROBOT_FIRST_SERVICES.length : i;
  };
  return [...services].sort((a, b) => rank(a) - rank(b));
}

/**
 * `claim(sessionId)` is true the first time it is asked for a session and false after: the greeting is said
 * once per session. Kept by the App, above the home screen, which unmounts whenever a service opens. A session
 * already under way in the App's first snapshot (a reload, a remount after a fault) is not greeted: that
 * citizen stepped up before and was greeted then. `sessionId`: the current snapshot's, undefined before one.
 */
export function useGreetingClaim(sessionId: string | null | undefined): (sessionId: string) => boolean {
  const greeted = useRef<string | null | undefined>(undefined);
  if (greeted.current === undefined && sessionId !== undefined) greeted.current = sessionId;
  return useCallback((id: string) => {
    if (greeted.current === id) return false;
    greeted.current = id;
    return true;
  }, []);
}

export interface RobotGreetingProps {
  greeting: LocalText;
  /** The host's session: the greeting is said once a citizen has one (they stepped up and touched). */
  sessionId: string | null;
  claim(sessionId: string): boolean;
}

export function RobotGreeting({ greeting, sessionId, claim }: RobotGreetingProps) {
  const { text, language } = useI18n();
  const { speak } = useSpeech();
  const own = language === 'zh-CN' ? undefined : greeting[language];
  const fallback = language !== 'zh-CN' && (own === undefined || own.trim() === '');
  const shown = text(greeting);
  const spokenIn = fallback ? 'zh-CN' : language;

  useEffect(() => {
    // Configuration text, never anything of the citizen: the host may keep its clip.
    if (sessionId !== null && claim(sessionId)) speak(shown, { cacheable: true, language: spokenIn });
  }, [sessionId, claim, speak, shown, spokenIn]);

  return (
    <p className="home__greeting" lang={fallback ? 'zh-CN' : undefined}>
      {shown}
    </p>
  );
}
