/**
 * How text lies on a line of the simulated printer, in dots (protocols.md §2.1, §2.6): font A 12 dots wide,
 * font B 9, a Chinese character 24 (12×24 / 9×17 / 24×24 fonts, P5) [C], each plus its spacing (ESC SP,
 * FS S) and times the width multiplier (GS !, ESC !), within the print area (GS L left margin, GS W width).
 * A character that would not fit starts the next line. Tabs (every 8 characters [C]) and positions (ESC $,
 * ESC \) move along the line with spaces in the text the simulator reports.
 */
const FONT_DOTS = { A: 12, B: 9 } as const;
const CHINESE_DOTS = 24;
const TAB_CHARACTERS = 8;

interface TextModes {
  font: 'A' | 'B';
  rightSpacing: number;
  widthMultiplier: number;
  leftMargin: number;
  areaWidth: number | null;
  chineseLeft: number;
  chineseRight: number;
}

const DEFAULT_TEXT_MODES: Readonly<TextModes> = { font: 'A', rightSpacing: 0, widthMultiplier: 1, leftMargin: 0, areaWidth: null, chineseLeft: 0, chineseRight: 0 };

export interface Wrapped {
  lines: string[];
  rest: string;
  restDots: number;
}

export class LineLayout {
  modes: TextModes = { ...DEFAULT_TEXT_MODES };
  /** The line being assembled and how far along it is, in dots. */
  text = '';
  dots = 0;

  constructor(private readonly paperDots: number) {}

  /** ESC @: modes back to their defaults, the unprinted line dropped. */
  reset(): void {
    this.modes = { ...DEFAULT_TEXT_MODES };
    this.clearLine();
  }

  clearLine(): void {
    this.text = '';
    this.dots = 0;
  }

  /** Dots available on a line: the print area, or what the left margin leaves of the paper. */
  areaDots(): number {
    const room = this.paperDots - this.modes.leftMargin;
    return Math.max(this.asciiDots(), Math.min(this.modes.areaWidth ?? room, room));
  }

  asciiDots(): number {
    return (FONT_DOTS[this.modes.font] + this.modes.rightSpacing) * this.modes.widthMultiplier;
  }

  /** Lays `text` onto the current line, breaking where the next character would not fit; changes nothing. */
  wrap(text: string, chineseMode: boolean): Wrapped {
    const area = this.areaDots();
    const ascii = this.asciiDots();
    const chinese = (CHINESE_DOTS + this.modes.chineseLeft + this.modes.chineseRight) * this.modes.widthMultiplier;
    const lines: string[] = [];
    let rest = this.text;
    let dots = this.dots;
    for (const ch of text) {
      const w = chineseMode && ch.codePointAt(0)! >= 0x80 ? chinese : ascii;
      if (dots > 0 && dots + w > area) {
        lines.push(rest.trimEnd());
        rest = '';
        dots = 0;
      }
      rest += ch;
      dots += w;
    }
    return { lines, rest, restDots: dots };
  }

  /** HT: to the next stop; a stop past the line's end does nothing. */
  tab(): void {
    const step = TAB_CHARACTERS * this.asciiDots();
    this.moveTo((Math.floor(this.dots / step) + 1) * step);
  }

  /** ESC $ (from the line's start) or ESC \ (from here); only forward, within the area [C]. */
  moveTo(dots: number): void {
    if (dots <= this.dots || dots > this.areaDots()) return;
    this.text += ' '.repeat(Math.max(1, Math.round((dots - this.dots) / this.asciiDots())));
    this.dots = dots;
  }
}
