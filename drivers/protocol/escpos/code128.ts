/**
 * Human-readable content of ESC/POS CODE128 data (GS k 73, protocols.md §2.1). Epson-style firmware wants
 * the data to start with a code set, "{A" / "{B" / "{C"; inside, "{{" is a literal "{", "{S" shifts one
 * character, "{1".."{4" are FNC1–4 (not printed). Firmware that picks code sets itself (Cashino KP-628E, P5)
 * takes plain data, which is returned as is.
 */
const BRACE = 0x7b;

export function code128Text(data: string): string {
  const bytes = Array.from(data, (ch) => ch.charCodeAt(0) & 0xff);
  const first = bytes[1];
  if (bytes[0] !== BRACE || first === undefined || ![0x41, 0x42, 0x43].includes(first)) return data;
  let set: 'A' | 'B' | 'C' = 'B';
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === BRACE && i + 1 < bytes.length) {
      const code = String.fromCharCode(bytes[++i]!);
      if (code === 'A' || code === 'B' || code === 'C') set = code;
      else if (code === '{') text += '{';
      // {S (shift) changes only how the next character is coded, not what it reads as; {1..{4 are FNC.
      continue;
    }
    text += set === 'C' ? String(b).padStart(2, '0') : String.fromCharCode(b);
  }
  return text;
}
