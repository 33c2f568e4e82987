/**
 * Run by main/host/ocr/ocr-offline.test.ts inside `unshare -rn` (a network namespace with no interfaces up):
 * reads one test page with the OCR engine and prints the page's rows as JSON, proving nothing is fetched.
 * argv: <document> <degradation>.
 */
import { AdjustableClock } from '../../../main/host/clock/adjustable-clock';
import { createOcrEngine } from '../../../main/host/ocr/ocr-engine';
import { pageRows, rowText } from '../../../main/host/ocr/page-rows';
import { ocrTestPage } from './ocr-page-set';

const [document = 'licence-1', degradation = 'clean'] = process.argv.slice(2);
const page = ocrTestPage(document, degradation);
const engine = createOcrEngine({ clock: new AdjustableClock() });
const keepAlive = setInterval(() => undefined, 1000);
try {
  const r = await engine.recognize(page.image);
  process.stdout.write(`${JSON.stringify({ rows: rowText(pageRows(r.lines)), truth: page.truthLines.join('\n') })}\n`);
} finally {
  await engine.close();
  clearInterval(keepAlive);
}
