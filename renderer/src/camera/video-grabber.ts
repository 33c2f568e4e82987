/**
 * Frames of a MediaStream at the feed's size (uvc-feed.ts): a muted, unattached <video> plays the stream and
 * each grab draws its current frame onto a canvas, the middle cut to the canvas's 4:3 (a wide camera is cropped,
 * never squeezed), then reads RGBA with getImageData. Not mirrored: the host's face worker sees the camera's
 * view (drivers/devices/face-camera-types.ts FaceFrame); only the citizen's preview is mirrored (FacePreview).
 */
import type { FrameGrabber } from './uvc-feed';

/** HTMLMediaElement.HAVE_CURRENT_DATA: a frame can be drawn. */
const HAVE_CURRENT_DATA = 2;

export function videoGrabber(stream: MediaStream, width: number, height: number): FrameGrabber {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  void video.play().catch(() => undefined);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    grab() {
      const vw = video.videoWidth;
      const vh = video.videoHeight;
      if (ctx === null || video.readyState < HAVE_CURRENT_DATA || vw === 0 || vh === 0) return null;
      const scale = Math.min(vw / width, vh / height);
      const sw = width * scale;
      const sh = height * scale;
      ctx.drawImage(video, (vw - sw) / 2, (vh - sh) / 2, sw, sh, 0, 0, width, height);
      return ctx.getImageData(0, 0, width, height);
    },
    dispose() {
      video.pause();
      video.srcObject = null;
      ctx?.clearRect(0, 0, width, height);
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}
