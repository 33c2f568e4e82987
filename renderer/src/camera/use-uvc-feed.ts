/**
 * The uvc face camera's feed for the App (issue 14 item 5): present only when the host's snapshot says the
 * kiosk has a uvc camera (`faceStreaming`); frames flow while its `on` is true (the host's `face:streaming`
 * pushes keep it current, host-view.ts), and stop when it turns false, the host is lost or the App unmounts.
 */
import { useEffect, useRef, useState } from 'react';
import type { FaceStreamingView } from '../../../common/face-feed';
import type { KioskApi } from '../../../common/kiosk-api';
import { IDLE_UVC_FEED, UvcFeed, type UvcFeedState } from './uvc-feed';
import { videoGrabber } from './video-grabber';

function every(ms: number, fn: () => void): () => void {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
}

export function useUvcFeed(api: KioskApi, view: FaceStreamingView | undefined): UvcFeedState {
  const [state, setState] = useState<UvcFeedState>(IDLE_UVC_FEED);
  const feed = useRef<UvcFeed | null>(null);
  const present = view !== undefined && typeof navigator !== 'undefined' && navigator.mediaDevices !== undefined;
  useEffect(() => {
    if (!present) return;
    const f = new UvcFeed({ api, mediaDevices: navigator.mediaDevices, makeGrabber: videoGrabber, every, onState: setState });
    feed.current = f;
    return () => {
      f.dispose();
      feed.current = null;
      setState(IDLE_UVC_FEED);
    };
  }, [api, present]);
  const on = view?.on === true;
  const label = view?.deviceLabel;
  useEffect(() => {
    const f = feed.current;
    if (on && !present) {
      // No media devices at all (not a secure context, or a shell without them): the host hears it as a failure.
      api.call('face:camera', { state: 'failed' }).catch(() => undefined);
      setState({ stream: null, problem: 'failed' });
      return;
    }
    if (!f || !on) return;
    f.start(label);
    return () => f.stop();
  }, [api, present, on, label]);
  return state;
}
