/** `npx tsx bench/ocr/run-ocr.ts`: the OCR benchmark rows alone (issue 17 §4), as bench/run.ts prints them. */
import { printTable } from '../stats';
import { ocrRows } from './ocr-benchmark';

printTable(await ocrRows());
