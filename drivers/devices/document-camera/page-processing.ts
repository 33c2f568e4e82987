/**
 * The still frame to the citizen's page (issue 17 §3): decode the full-resolution JPEG (jpeg-js), find the page
 * on a greyscale copy at most 800 pixels wide, crop and deskew at full resolution, encode a JPEG. The warp runs
 * in chunks of rows with a turn of the event loop between them (setImmediate), so status, the API and other
 * devices keep moving; jpeg-js's decode and encode are single synchronous calls and cannot be split — their
 * cost is measured in docs/document-camera.md §5 (worker thread: the lead's call, it needs a build entry).
 * The decoded pixels are zeroed once used (§8.7: scans are session-only).
 */
import { decode, encode } from 'jpeg-js';
import { planPage, type PagePlanSettings } from '../../../common/document-image/page-plan';
import { createWarpTarget, warpRows } from '../../../common/document-image/page-warp';
import { downscaleToGrey, type PixelImage } from '../../../common/document-image/pixel-image';
import { DeviceError } from '../device-error';

export interface ProcessedPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  cropped: boolean;
  deskewDeg: number;
}

export interface PageProcessingOptions {
  /** JPEG quality of the result, 1–100; default 90 (OCR reads it next). */
  quality?: number;
  /** Output rows per chunk between yields; default 96. */
  rowsPerChunk?: number;
  /** Grey copy width for detection; default 800. */
  detectWidth?: number;
  detect?: Partial<PagePlanSettings>;
  signal?: AbortSignal;
  /** Default: setImmediate. */
  yieldToLoop?: () => Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Decodes a camera JPEG to RGBA; a broken one is `garbledReply` (the service sent something else). */
export function decodeCameraJpeg(jpeg: Uint8Array): PixelImage {
  try {
    const img = decode(jpeg, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256, maxResolutionInMP: 60 });
    return { width: img.width, height: img.height, channels: 4, data: img.data };
  } catch (err) {
    throw new DeviceError('garbledReply', `the camera's image cannot be decoded (${err instanceof Error ? err.message : String(err)})`);
  }
}

export async function processStillFrame(jpeg: Uint8Array, options: PageProcessingOptions = {}): Promise<ProcessedPage> {
  const yieldToLoop = options.yieldToLoop ?? turn;
  const src = decodeCameraJpeg(jpeg);
  try {
    await yieldToLoop();
    const grey = downscaleToGrey(src, options.detectWidth ?? 800);
    const plan = planPage(grey, src.width, src.height, options.detect);
    const out = createWarpTarget(plan.rect);
    const rows = options.rowsPerChunk ?? 96;
    try {
      for (let y = 0; y < out.height; y += rows) {
        if (options.signal?.aborted) throw new DeviceError('canceled', 'page processing: canceled');
        warpRows(src, plan.rect, out, y, y + rows);
        await yieldToLoop();
      }
      const encoded = encode({ data: out.data, width: out.width, height: out.height }, options.quality ?? 90).data;
      return { jpeg: new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength), width: out.width, height: out.height, cropped: plan.cropped, deskewDeg: plan.deskewDeg };
    } finally {
      out.data.fill(0);
    }
  } finally {
    src.data.fill(0);
  }
}
