/**
 * Document camera models spoken to through a vendor local service (docs/document-camera.md §2, §4): the
 * quirks as data, not `if (model === …)` chains (ARCHITECTURE.md §6). `generic-http` is the contract this
 * project documents and simulates; a real vendor's service gets its own row once its manual is at hand [C].
 */

export interface DocCamModel {
  displayName: string;
  /** The main (document) lens's index in `POST /api/camera/open`. */
  cameraIndex: number;
  /** Size asked for at open: the still frame a capture is taken from. */
  captureWidth: number;
  captureHeight: number;
  /** protocols.md §6: front-ends poll getImage about every 200 ms. */
  pollMs: number;
  /** Polls answered −2 (warming up) after open that the interactive health check waits out. */
  warmUpPolls: number;
  hasLight: boolean;
}

export const DOCCAM_MODELS: Readonly<Record<string, DocCamModel>> = {
  'generic-http': { displayName: 'Document camera, vendor local service (generic JSON contract)', cameraIndex: 0, captureWidth: 1600, captureHeight: 1200, pollMs: 200, warmUpPolls: 25, hasLight: true },
};

export function docCamModel(name: string): DocCamModel {
  const model = DOCCAM_MODELS[name];
  if (model === undefined) throw new RangeError(`unknown document camera model "${name}"; known: ${Object.keys(DOCCAM_MODELS).join(', ')}`);
  return model;
}
