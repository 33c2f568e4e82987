/**
 * A synthetic 68-point face for the engine's tests: a rough 3D layout in the iBUG 300-W order (face-types.ts),
 * turned about the vertical axis (yaw), eyes opened or closed, projected orthographically and placed in the
 * frame by a 2D similarity transform (what moving a photo does). Not a face model, just enough depth for a turn
 * to change the 2D geometry as a real one does: the nose tip stands out, the jaw ends lie at the back.
 */
import type { FaceObservation, FrameAnalysis, Point } from '../face-types';

interface P3 {
  x: number;
  y: number;
  z: number;
}

function canonical(open: number): P3[] {
  const pts: P3[] = [];
  for (let i = 0; i <= 16; i++) {
    const a = Math.PI * (i / 16);
    pts.push({ x: -Math.cos(a), y: -0.25 + 1.25 * Math.sin(a) ** 1.5, z: 0.6 * Math.sin(a) }); // jaw 0–16
  }
  for (let i = 0; i < 5; i++) pts.push({ x: -0.75 + i * 0.15, y: -0.45 - 0.05 * Math.sin((i / 4) * Math.PI), z: 0.7 }); // brow 17–21
  for (let i = 0; i < 5; i++) pts.push({ x: 0.15 + i * 0.15, y: -0.45 - 0.05 * Math.sin((i / 4) * Math.PI), z: 0.7 }); // brow 22–26
  for (let i = 0; i < 4; i++) pts.push({ x: 0, y: -0.3 + i * 0.15, z: 0.8 + i * 0.15 }); // bridge 27–30, tip 30 at z 1.25
  for (let i = 0; i < 5; i++) pts.push({ x: -0.2 + i * 0.1, y: 0.25 + 0.03 * Math.abs(i - 2), z: 0.85 - 0.05 * Math.abs(i - 2) }); // 31–35
  const eye = (cx: number): void => {
    const h = 0.07 * open;
    pts.push({ x: cx - 0.17, y: -0.25, z: 0.65 }, { x: cx - 0.06, y: -0.25 - h, z: 0.72 }, { x: cx + 0.06, y: -0.25 - h, z: 0.72 });
    pts.push({ x: cx + 0.17, y: -0.25, z: 0.65 }, { x: cx + 0.06, y: -0.25 + h, z: 0.72 }, { x: cx - 0.06, y: -0.25 + h, z: 0.72 });
  };
  eye(-0.4); // 36–41
  eye(0.4); // 42–47
  for (let i = 0; i < 20; i++) {
    const a = (2 * Math.PI * i) / (i < 12 ? 12 : 8);
    const r = i < 12 ? 0.35 : 0.22;
    pts.push({ x: r * Math.cos(a), y: 0.5 + 0.1 * Math.sin(a), z: 0.8 }); // mouth 48–67
  }
  return pts;
}

export interface Pose {
  /** Head turn in radians, positive: nose towards image +x (the citizen's left). */
  yaw?: number;
  /** Eye openness, 1 open, 0 closed. */
  open?: number;
  /** In-plane placement: rotation (radians), scale (pixels per face half-width), centre. */
  roll?: number;
  scale?: number;
  cx?: number;
  cy?: number;
}

export function faceAt(pose: Pose = {}): FaceObservation {
  const { yaw = 0, open = 1, roll = 0, scale = 60, cx = 160, cy = 120 } = pose;
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  const landmarks: Point[] = canonical(open).map((p) => {
    const x = p.x * c + p.z * s;
    const y = p.y;
    return { x: cx + scale * (x * cr - y * sr), y: cy + scale * (x * sr + y * cr) };
  });
  const xs = landmarks.map((p) => p.x);
  const ys = landmarks.map((p) => p.y);
  const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  return { box, score: 0.9, landmarks, eyeContrast: [40 * (0.3 + 0.7 * open), 40 * (0.3 + 0.7 * open)] };
}

export function frame(frameId: number, atMs: number, faces: FaceObservation[], width = 320, height = 240): FrameAnalysis {
  return { frameId, atMs, width, height, faces };
}
