/** The body of `POST /sim/devices/:id/scene` (issue 14 item 5): `{ "scene": "live" | "photo" | "movedPhoto" | "none" }`. */
import { SimActionError } from '../sim-device';

export const SCENES = ['live', 'photo', 'movedPhoto', 'none'] as const;
/** live: a citizen who follows the prompts; photo: a still picture held up; movedPhoto: one moved and turned in the plane; none: nobody. */
export type Scene = (typeof SCENES)[number];

export const isScene = (value: unknown): value is Scene => typeof value === 'string' && (SCENES as readonly string[]).includes(value);

/** The scene a body names; throws SimActionError (400) naming the field. */
export function parseSceneRequest(body: unknown): Scene {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimActionError(`the body must be a JSON object {"scene": one of ${SCENES.join(', ')}}`, true);
  const extra = Object.keys(body).find((k) => k !== 'scene');
  if (extra !== undefined) throw new SimActionError(`a scene request has no field "${extra}"; give only "scene"`, true);
  const scene = (body as Record<string, unknown>).scene;
  if (scene === undefined) throw new SimActionError(`field "scene" is missing: one of ${SCENES.join(', ')}`, true);
  if (!isScene(scene)) throw new SimActionError(`field "scene" must be one of ${SCENES.join(', ')}`, true);
  return scene;
}
