// The UVC capture's camera choice and its refusals in the host's words (issue 17 §3); the capture itself runs
// in Chromium with a fake camera (uvc-capture.browser.test.ts).
import { describe, expect, it } from 'vitest';
import { captureFromUvc, UvcCaptureError, type UvcCaptureDeps } from './uvc-capture';

function deps(getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream>, labels: string[] = []): UvcCaptureDeps & { asked: MediaStreamConstraints[] } {
  const asked: MediaStreamConstraints[] = [];
  return {
    asked,
    mediaDevices: {
      getUserMedia: async (c?: MediaStreamConstraints) => {
        asked.push(c ?? {});
        return getUserMedia(c ?? {});
      },
      enumerateDevices: async () => labels.map((label, i) => ({ kind: 'videoinput', label, deviceId: `cam${i}` }) as MediaDeviceInfo),
    },
    createCanvas: () => {
      throw new Error('not reached');
    },
    createVideo: () => {
      throw new Error('not reached');
    },
    now: () => 0,
    sleep: async () => undefined,
  };
}

const refuse = (name: string) => async () => {
  throw Object.assign(new Error(name), { name });
};

describe('captureFromUvc: opening the camera', () => {
  it.each([
    ['NotAllowedError', 'forbidden'],
    ['NotFoundError', 'noDevice'],
    ['OverconstrainedError', 'noDevice'],
    ['NotReadableError', 'hardwareError'],
  ])('maps %s to %s', async (name, code) => {
    await expect(captureFromUvc(deps(refuse(name)), { timeoutMs: 1000 })).rejects.toMatchObject({ code });
  });

  it('picks the camera whose label matches, asks for the size, and says so when no label matches', async () => {
    const d = deps(refuse('NotReadableError'), ['Integrated Webcam', 'USB Doccamera (1234:5678)']);
    await expect(captureFromUvc(d, { deviceLabel: 'Doccamera', width: 2592, height: 1944, timeoutMs: 1000 })).rejects.toBeInstanceOf(UvcCaptureError);
    expect(d.asked[0]).toEqual({ video: { deviceId: { exact: 'cam1' }, width: { ideal: 2592 }, height: { ideal: 1944 } }, audio: false });
    await expect(captureFromUvc(deps(refuse('NotReadableError'), ['Integrated Webcam']), { deviceLabel: 'Doccamera', timeoutMs: 1000 })).rejects.toMatchObject({ code: 'noDevice', message: expect.stringMatching(/Doccamera/u) });
  });
});
