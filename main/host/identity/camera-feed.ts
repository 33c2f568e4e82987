/**
 * A face camera as a liveness run takes it (face-liveness-run.ts LivenessCamera): the device streams at `fps`
 * (its status says `camera.streaming` meanwhile) and the newest frame waits here until the run takes it; a
 * frame nobody took is zeroed when the next one comes (ARCHITECTURE.md §8.7), and at `stop()`.
 */
import { wipeFrame, type FaceCamera, type FaceFrame, type FacePrompt, type FaceStream } from '../../../drivers/devices/face-camera-types';
import type { LivenessCamera } from '../face/face-liveness-run';

export class CameraFeed implements LivenessCamera {
  private latest: FaceFrame | null = null;
  private readonly stream: FaceStream;

  constructor(
    private readonly camera: FaceCamera,
    fps: number,
  ) {
    this.stream = camera.stream((frame) => {
      if (this.latest) wipeFrame(this.latest);
      this.latest = frame;
    }, { fps });
  }

  grab(): FaceFrame | null {
    const frame = this.latest;
    this.latest = null;
    return frame;
  }

  prompt(prompt: FacePrompt): void {
    this.camera.prompt(prompt);
  }

  stop(): void {
    this.stream.stop();
    if (this.latest) wipeFrame(this.latest);
    this.latest = null;
  }
}
