/**
 * The raw console's input (issue 15 §3 "raw command console"): bytes typed as hex, read strictly so a typo is
 * refused with where it is rather than sent to a device as something else. Accepted: pairs of hex digits,
 * grouped as the technician likes (`10 04 01`, `100401`, `0x10 0x04`), separated by spaces, tabs or new lines.
 * Anything else — a stray letter, a comma, an odd digit count in a group, nothing at all, more than the limit —
 * is a DiagnosticsError saying what and where.
 */
import { DiagnosticsError, bilingual } from './diagnostics-error';

/** The longest raw command (bytes): enough for any command of protocols.md §1–§3, small enough to read back. */
export const MAX_RAW_COMMAND_BYTES = 1024;

export function parseHexStrict(text: string, maxBytes: number = MAX_RAW_COMMAND_BYTES): Uint8Array {
  const groups = text.trim() === '' ? [] : text.trim().split(/\s+/u);
  if (groups.length === 0) {
    throw new DiagnosticsError('badHex', bilingual('请输入要发送的十六进制字节,例如 10 04 01', 'enter the bytes to send as hex, e.g. 10 04 01'));
  }
  const bytes: number[] = [];
  let column = text.length - text.trimStart().length;
  for (const group of groups) {
    const at = text.indexOf(group, column);
    column = at + group.length;
    const prefix = /^0[xX]/u.test(group) ? 2 : 0;
    const digits = group.slice(prefix);
    const bad = [...digits].findIndex((ch) => !/[0-9A-Fa-f]/u.test(ch));
    if (bad >= 0) {
      // Groups are split on white space, so one character is one UTF-16 unit only for ASCII; said by position.
      const ch = JSON.stringify([...digits][bad]);
      const offset = at + prefix + [...digits].slice(0, bad).join('').length;
      throw new DiagnosticsError(
        'badHex',
        bilingual(`第 ${offset + 1} 个字符 ${ch} 不是十六进制数字(0-9、A-F)`, `character ${offset + 1} (${ch}) is not a hex digit (0-9, A-F)`),
      );
    }
    if (digits === '') throw new DiagnosticsError('badHex', bilingual(`第 ${at + 1} 个字符起的 0x 后缺少数字`, `digits missing after the 0x at character ${at + 1}`));
    if (digits.length % 2 !== 0) {
      throw new DiagnosticsError(
        'badHex',
        bilingual(`“${group}”(第 ${at + 1} 个字符起)位数为奇数:每个字节两位`, `"${group}" (from character ${at + 1}) has an odd number of digits: two per byte`),
      );
    }
    for (let i = 0; i < digits.length; i += 2) bytes.push(Number.parseInt(digits.slice(i, i + 2), 16));
    if (bytes.length > maxBytes) break;
  }
  if (bytes.length > maxBytes) {
    throw new DiagnosticsError('commandTooLong', bilingual(`命令过长:最多 ${maxBytes} 字节`, `command too long: at most ${maxBytes} bytes`));
  }
  return Uint8Array.from(bytes);
}
