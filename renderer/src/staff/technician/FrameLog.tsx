/**
 * The live frame log of one device (issue 15 §3): `tech:frames` every second with afterSeq = the last frame
 * shown, newest at the bottom, at most the last 200 on screen; each frame's hex (masked by the host: personal
 * bytes as **) in a monospace column with its meaning beside it, and which way it went in words (发送 /
 * 接收). The frames are kept by the device screen, so they survive a look at another panel; they are read
 * only while the log is shown.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FrameView } from '../../../../common/diagnostics';
import type { KioskErrorInfo } from '../../../../common/errors';
import type { KioskApi } from '../../../../common/kiosk-api';
import { toErrorInfo } from '../../api/error-info';
import { useHostTime } from '../../app/host-time';
import { useStaffText } from '../i18n/staff-text';
import { HostText } from './HostText';
import { TechError } from './TechError';
import { clockWithSeconds } from './tech-words';
import { FRAME_POLL_MS, usePoll } from './use-poll';

export const FRAMES_SHOWN = 200;

export interface FrameLogState {
  frames: FrameView[];
  error: KioskErrorInfo | null;
}

/** The frames of `deviceId`, read every second while `active`. */
export function useFrameLog(api: KioskApi, deviceId: string, active: boolean): FrameLogState {
  const [state, setState] = useState<FrameLogState>({ frames: [], error: null });
  const lastSeq = useRef(0);
  const tick = useCallback(
    () =>
      api.call('tech:frames', { deviceId, afterSeq: lastSeq.current }).then(
        (got) => {
          const fresh = got.filter((f) => f.seq > lastSeq.current).sort((a, b) => a.seq - b.seq);
          const last = fresh[fresh.length - 1];
          if (last === undefined) {
            setState((s) => (s.error === null ? s : { ...s, error: null }));
            return;
          }
          lastSeq.current = last.seq;
          setState((s) => ({ frames: [...s.frames, ...fresh].slice(-FRAMES_SHOWN), error: null }));
        },
        (error: unknown) => setState((s) => ({ ...s, error: toErrorInfo(error) })),
      ),
    [api, deviceId],
  );
  usePoll(tick, FRAME_POLL_MS, active);
  return state;
}

export function FrameLog({ log }: { log: FrameLogState }) {
  const { s } = useStaffText();
  const { timeZone } = useHostTime();
  const title = useId();
  const region = useRef<HTMLDivElement>(null);
  const count = log.frames.length;
  const newest = log.frames[count - 1]?.seq;
  useEffect(() => {
    // Newest at the bottom, and in view.
    const el = region.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [newest]);
  return (
    <div className="tech-panel" data-testid="tech-frames">
      <h2 className="staff-section__title" id={title}>
        {s('tech.frames.title')}
      </h2>
      <p>{s('tech.frames.intro', { count: FRAMES_SHOWN })}</p>
      <TechError error={log.error} />
      {count === 0 ? (
        <p data-testid="frames-empty">{s('tech.frames.none')}</p>
      ) : (
        <div ref={region} className="tech-frames" role="region" aria-labelledby={title} tabIndex={0}>
          <table className="tech-frames__table">
            <thead>
              <tr>
                <th scope="col">{s('tech.frames.time')}</th>
                <th scope="col">{s('tech.frames.direction')}</th>
                <th scope="col">{s('tech.frames.hex')}</th>
                <th scope="col">{s('tech.frames.meaning')}</th>
              </tr>
            </thead>
            <tbody data-testid="frames">
              {log.frames.map((f) => (
                <tr key={f.seq} className={`tech-frame tech-frame--${f.direction}`} data-testid="frame" data-seq={f.seq} data-direction={f.direction}>
                  <td className="tech-frame__time">{clockWithSeconds(f.at, timeZone)}</td>
                  <td className="tech-frame__direction">{s(f.direction === 'tx' ? 'tech.frames.tx' : 'tech.frames.rx')}</td>
                  <td className="tech-frame__hex">
                    {f.hex === '' ? '—' : f.hex}
                  </td>
                  <td className="tech-frame__meaning">
                    <HostText text={f.meaning} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="tech-frames__count" data-testid="frames-count">
        {s('tech.frames.count', { count })}
      </p>
    </div>
  );
}
