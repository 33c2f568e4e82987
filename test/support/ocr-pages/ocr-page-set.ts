/**
 * The fixed set of OCR test pages (issue 17 §4): made-up business licences and household register pages, each
 * clean and under named degradations, with their ground truth. The tests OCR a few of them; the benchmark
 * (bench/ocr) the whole set. Deterministic: the same seeds give the same bytes every run.
 */
import { degrade, type Degradation } from './degrade-page';
import { madeUpBusinessLicence, madeUpHouseholdRegister, type DocumentTruth } from './made-up-documents';
import { renderDocument, type RenderedDocument } from './render-document';

export interface OcrTestPage {
  /** e.g. `licence-1/clean`, `register-2/tilt-blur-jpeg`. */
  id: string;
  degradation: string;
  clean: boolean;
  image: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  truth: DocumentTruth;
  truthLines: string[];
}

/** Named degradations: each alone, then together, the way a document camera on a bad day does them. */
export const DEGRADATIONS: Readonly<Record<string, Degradation>> = {
  clean: {},
  'tilt+3': { rotateDeg: 3 },
  'tilt-2-blur': { rotateDeg: -2, blurPx: 1.2 },
  'noise-light': { noiseSigma: 8, unevenLight: 0.7 },
  jpeg30: { jpegQuality: 30 },
  'camera-bad-day': { rotateDeg: 3, blurPx: 0.8, unevenLight: 0.7, noiseSigma: 6, jpegQuality: 45 },
};

export const DOCUMENT_SEEDS = { licence: [17, 42], register: [7, 23] } as const;

export function testDocuments(): Array<{ name: string; truth: DocumentTruth }> {
  return [
    ...DOCUMENT_SEEDS.licence.map((seed, i) => ({ name: `licence-${i + 1}`, truth: madeUpBusinessLicence(seed) as DocumentTruth })),
    ...DOCUMENT_SEEDS.register.map((seed, i) => ({ name: `register-${i + 1}`, truth: madeUpHouseholdRegister(seed) as DocumentTruth })),
  ];
}

const rendered = new Map<string, RenderedDocument>();

/** One page of the set: `document` from testDocuments(), `degradation` a key of DEGRADATIONS. */
export function ocrTestPage(document: string, degradation: string): OcrTestPage {
  const doc = testDocuments().find((d) => d.name === document);
  const how = DEGRADATIONS[degradation];
  if (!doc || !how) throw new Error(`no test page ${document}/${degradation}`);
  let r = rendered.get(document);
  if (!r) rendered.set(document, (r = renderDocument(doc.truth)));
  const seed = [...`${document}/${degradation}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const { image, mime } = degrade(r.canvas, { ...how, seed });
  return { id: `${document}/${degradation}`, degradation, clean: degradation === 'clean', image, mime, truth: doc.truth, truthLines: r.truthLines };
}

/** Every document under every degradation. */
export function ocrTestPageSet(): OcrTestPage[] {
  return testDocuments().flatMap((d) => Object.keys(DEGRADATIONS).map((g) => ocrTestPage(d.name, g)));
}
