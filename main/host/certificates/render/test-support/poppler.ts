/**
 * Reading a rendered certificate back with Debian's poppler-utils, as a person or the printer simulator would:
 * the text (`pdftotext -layout`), the fonts (`pdffonts`), the info (`pdfinfo`), and a page as greyscale pixels
 * (`pdftoppm -gray`, a binary PGM on stdout) for checking the QR code's modules.
 */
import { execFile } from 'node:child_process';

function run(program: string, args: string[], input: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(program, args, { encoding: 'buffer', maxBuffer: 64 * 1_048_576 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${program} failed: ${err.message} ${stderr.toString('utf8')}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

export async function pdfText(pdf: Uint8Array, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await run('pdftotext', ['-layout', ...range, '-', '-'], pdf)).toString('utf8');
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export async function pdfFonts(pdf: Uint8Array): Promise<PdfFontRow[]> {
  const out = (await run('pdffonts', ['-'], pdf)).toString('utf8');
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
      return { name: m[1] as string, type: (m[2] as string).trim(), embedded: m[4] === 'yes', subset: m[5] === 'yes' };
    });
}

export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  const out = (await run('pdfinfo', ['-isodates', '-'], pdf)).toString('utf8');
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

export interface GreyPage {
  width: number;
  height: number;
  dpi: number;
  /** One byte per pixel, 0 black … 255 white, rows top to bottom. */
  pixels: Uint8Array;
}

/** A page as greyscale pixels at `dpi`. */
export async function greyPage(pdf: Uint8Array, page: number, dpi: number): Promise<GreyPage> {
  const pgm = await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-'], pdf);
  // P5 <width> <height> <maxval> and one whitespace byte, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm -gray did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height));
  return { width, height, dpi, pixels };
}

/** Samples the module grid drawn at `placement` (points from the top left) back into rows of 1 (dark) and 0. */
export function readModules(page: GreyPage, placement: { x: number; y: number; moduleSize: number; modules: number }, quiet = 0): number[][] {
  const scale = page.dpi / 72;
  const rows: number[][] = [];
  for (let r = -quiet; r < placement.modules + quiet; r++) {
    const row: number[] = [];
    for (let c = -quiet; c < placement.modules + quiet; c++) {
      const px = Math.round((placement.x + (c + 0.5) * placement.moduleSize) * scale);
      const py = Math.round((placement.y + (r + 0.5) * placement.moduleSize) * scale);
      row.push((page.pixels[py * page.width + px] as number) < 128 ? 1 : 0);
    }
    rows.push(row);
  }
  return rows;
}
