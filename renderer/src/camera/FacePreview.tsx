/**
 * The live camera inside the face guide (issue 14 item 5), for the uvc camera only: mirrored, as a citizen
 * expects to see themselves, and hidden from assistive technology (the prompts say what to do). The stream
 * stays in memory; nothing of it is recorded or kept once the step ends.
 */
import { useEffect, useRef } from 'react';

export function FacePreview({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    el.srcObject = stream;
    void el.play?.()?.catch(() => undefined);
    return () => {
      el.srcObject = null;
    };
  }, [stream]);
  return <video ref={video} className="face-preview" data-testid="face-preview" aria-hidden="true" muted playsInline autoPlay />;
}
