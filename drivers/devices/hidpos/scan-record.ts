/**
 * A Scan (scanner-types.ts) that can be wiped, and never serialises its text: a log line or a JSON dump of it
 * shows only its kind (ARCHITECTURE.md §8.7).
 */
import type { Scan, Symbology } from '../scanner-types';

class WipeableScan implements Scan {
  private text: string;
  private isWiped = false;

  constructor(
    text: string,
    readonly symbology: Symbology,
    readonly aim: string | null,
    readonly scannedAt: number,
  ) {
    this.text = text;
  }

  get data(): string {
    return this.text;
  }

  get wiped(): boolean {
    return this.isWiped;
  }

  wipe(): void {
    this.text = '';
    this.isWiped = true;
  }

  toJSON(): { symbology: Symbology; length: number; wiped: boolean } {
    return { symbology: this.symbology, length: this.text.length, wiped: this.isWiped };
  }
}

export function makeScan(text: string, symbology: Symbology, aim: string | null, scannedAt: number): Scan {
  return new WipeableScan(text, symbology, aim, scannedAt);
}
