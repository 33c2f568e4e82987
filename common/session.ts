/**
 * The interaction session is owned by the host (ARCHITECTURE.md §8.6); the renderer shows this state.
 * attract: nobody here, the attract loop plays. home: the home screen, no citizen session yet.
 * active: a citizen is using the kiosk. countdown: idle too long, ending unless somebody touches.
 */
export type SessionPhase = 'attract' | 'home' | 'active' | 'countdown';

export interface SessionState {
  phase: SessionPhase;
  sessionId: string | null;
  /** Clock time at which the countdown ends the session (phase countdown only). */
  countdownEndsAt: number | null;
  idleTimeoutMs: number;
  countdownMs: number;
  /** 长辈模式 (issue 16 §7): set by the citizen for this session; the idle timer gives longer while on. */
  elder: boolean;
}

/** `cardRemoved`: the citizen lifted their ID card where the reader sees it and the flow allows (issue 14 §9). */
export type SessionEndReason = 'idle' | 'done' | 'citizen' | 'staff' | 'cardRemoved';
