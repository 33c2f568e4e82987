/**
 * Read-out for the citizen screens (issue 16 §8). Each screen declares the sentence the 🔊 button reads,
 * `useScreenPrompt(text, { cacheable })`; the newest declaration on screen is the prompt (an overlay such as
 * 请取走您的身份证 declares after the screen beneath it). A screen that declares nothing is read by its main
 * heading and first paragraph. In 长辈模式 the prompt is read by itself whenever a screen opens, its prompt
 * changes, or elder mode is turned on. Whatever is being said stops when the host's session changes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { KioskApi, Language } from '../../../common/kiosk-api';
import { chooseSpeech } from './choose-speech';
import { HostClipSpeech } from './host-clip-speech';
import { joinSentences, type SpeakOptions, type Speech } from './speech';
import { WebSpeech } from './web-speech';

export interface SpeechControls {
  /** Reads the current screen's prompt. */
  readPrompt(): void;
  /**
   * Says `text` in the citizen's language (stopping whatever was being said), or in `opts.language` when the
   * text is not in it (a configured text shown in its zh-CN fallback).
   */
  speak(text: string, opts?: SpeakOptions & { language?: Language }): void;
  stop(): void;
  speaking: boolean;
  /** The last read-out found no voice, here or at the host: the 🔊 button says so. */
  unavailable: boolean;
}

interface SpeechContextValue extends SpeechControls {
  declare(text: string, cacheable: boolean): () => void;
  screenOpened(): void;
}

const noop = (): void => undefined;
const SpeechContext = createContext<SpeechContextValue>({
  readPrompt: noop,
  speak: noop,
  stop: noop,
  speaking: false,
  unavailable: false,
  declare: () => noop,
  screenOpened: noop,
});

export interface SpeechEngines {
  web: Speech & { hasVoice(language: Language): boolean; rate?: number };
  host: Speech;
}

export interface SpeechProviderProps {
  api: Pick<KioskApi, 'call'>;
  language: Language;
  elder: boolean;
  /** The host's session id: a change stops the read-out (nothing of one citizen is said to the next). */
  sessionId: string | null;
  /** Tests pass their own. */
  engines?: SpeechEngines;
  children: ReactNode;
}

/** The shell's rate in elder mode: a little slower. */
export const ELDER_SPEECH_RATE = 0.85;

interface Prompt {
  text: string;
  cacheable: boolean;
  /** Only where the text is not in the citizen's language. */
  language?: Language;
}

/** The open screen's main heading and first paragraph, as sentences; never cacheable (it may hold anything). */
function promptFromScreen(language: Language): Prompt | null {
  const main = document.querySelector('.app__content main') ?? document.querySelector('main');
  if (!main) return null;
  const text = joinSentences(language, main.querySelector('h1')?.textContent, main.querySelector('p')?.textContent);
  return text === '' ? null : { text, cacheable: false };
}

export function SpeechProvider({ api, language, elder, sessionId, engines, children }: SpeechProviderProps) {
  const { web, host } = useMemo<SpeechEngines>(() => engines ?? { web: new WebSpeech(), host: new HostClipSpeech(api) }, [api, engines]);
  const [speaking, setSpeaking] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const prompts = useRef<Prompt[]>([]);
  const spoken = useRef<Prompt | null>(null);
  const seq = useRef(0);
  const autoReadQueued = useRef(false);
  const languageRef = useRef(language);
  languageRef.current = language;
  const elderRef = useRef(elder);
  elderRef.current = elder;

  const stop = useCallback(() => {
    seq.current++;
    spoken.current = null;
    web.stop();
    host.stop();
    setSpeaking(false);
  }, [web, host]);

  const say = useCallback(
    (prompt: Prompt) => {
      const lang = prompt.language ?? languageRef.current;
      const engine = chooseSpeech(lang, web, host);
      (engine === web ? host : web).stop();
      const mine = ++seq.current;
      spoken.current = prompt;
      setSpeaking(true);
      setUnavailable(false);
      const settle = (failed: boolean): void => {
        if (mine !== seq.current) return;
        spoken.current = null;
        setSpeaking(false);
        if (failed) setUnavailable(true);
      };
      engine.speak(prompt.text, lang, { cacheable: prompt.cacheable }).then(
        () => settle(false),
        () => settle(true),
      );
    },
    [web, host],
  );

  const readPrompt = useCallback(() => {
    const prompt = prompts.current.at(-1) ?? promptFromScreen(languageRef.current);
    if (prompt) say(prompt);
  }, [say]);

  /** After the commit that opened a screen or changed a prompt, once all its declarations are in. */
  const autoRead = useCallback(() => {
    if (!elderRef.current || autoReadQueued.current) return;
    autoReadQueued.current = true;
    queueMicrotask(() => {
      autoReadQueued.current = false;
      if (elderRef.current) readPrompt();
    });
  }, [readPrompt]);

  const declare = useCallback(
    (text: string, cacheable: boolean) => {
      const prompt: Prompt = { text, cacheable };
      prompts.current = [...prompts.current, prompt];
      autoRead();
      return () => {
        prompts.current = prompts.current.filter((p) => p !== prompt);
        if (spoken.current === prompt) stop();
      };
    },
    [autoRead, stop],
  );

  const speak = useCallback(
    (text: string, opts: SpeakOptions & { language?: Language } = {}) =>
      say({ text, cacheable: opts.cacheable === true, ...(opts.language !== undefined && { language: opts.language }) }),
    [say],
  );

  useEffect(() => {
    if (web.rate !== undefined) web.rate = elder ? ELDER_SPEECH_RATE : 1;
    if (elder) autoRead();
  }, [elder, web, autoRead]);

  useEffect(() => stop, [sessionId, stop]);

  const value = useMemo<SpeechContextValue>(
    () => ({ readPrompt, speak, stop, speaking, unavailable, declare, screenOpened: autoRead }),
    [readPrompt, speak, stop, speaking, unavailable, declare, autoRead],
  );
  return <SpeechContext value={value}>{children}</SpeechContext>;
}

export function useSpeech(): SpeechControls {
  return useContext(SpeechContext);
}

/**
 * Declares the sentence the 🔊 button reads on this screen (and 长辈模式 reads when it opens). `cacheable`:
 * the text comes from the message or guide catalogues only — never with a name, an ID or a phone number, a
 * ticket number or any other value of the citizen in it (the host may keep its clip on disk).
 */
export function useScreenPrompt(text: string | null | undefined, options: { cacheable?: boolean } = {}): void {
  const { declare } = useContext(SpeechContext);
  const cacheable = options.cacheable === true;
  useEffect(() => (text ? declare(text, cacheable) : undefined), [declare, text, cacheable]);
}

/** For the Screen primitive: a screen opened (in 长辈模式 its prompt is read). */
export function useScreenOpened(): void {
  const { screenOpened } = useContext(SpeechContext);
  useEffect(() => screenOpened(), [screenOpened]);
}
