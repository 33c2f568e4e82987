/**
 * Collecting what is wrong with a submission (issue 17 §5, §7, §8): every problem at once, each with its
 * field path and a bilingual message (`中文 / English`), never the value (it may be personal data). The
 * platform answers them as `refused`, so the kiosk can show the citizen what to correct.
 */
import type { PlatformProblem } from '../../common/platform-api';

export type Fields = Record<string, unknown>;

export class Problems {
  readonly list: PlatformProblem[] = [];

  add(field: string, zh: string, en: string): void {
    this.list.push({ field, message: `${zh} / ${en}` });
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** `o[key]` as text of `min`–`max` characters matching `pattern`, or undefined (a problem noted). */
  text(o: Fields, key: string, field: string, what: [zh: string, en: string], min: number, max: number, pattern?: RegExp): string | undefined {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      this.add(field, `请填写${what[0]}`, `${what[1]} is required`);
      return undefined;
    }
    const length = typeof v === 'string' ? Array.from(v.trim()).length : -1;
    if (typeof v !== 'string' || length < min || length > max || (pattern && !pattern.test(v))) {
      this.add(field, `${what[0]}的格式不正确`, `${what[1]} is not valid`);
      return undefined;
    }
    return v.trim();
  }

  /** `o[key]` as one of `allowed`, or undefined (a problem noted). */
  oneOf<T extends string>(o: Fields, key: string, field: string, what: [zh: string, en: string], allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined) this.add(field, `请选择${what[0]}`, `${what[1]} is required`);
    else if (!(allowed as readonly unknown[]).includes(v)) this.add(field, `${what[0]}不是可选的值`, `${what[1]} must be one of ${allowed.join(', ')}`);
    else return v as T;
    return undefined;
  }

  /** `v` as a plain object, or undefined (a problem noted). */
  object(v: unknown, field: string, what: [zh: string, en: string]): Fields | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Fields;
    this.add(field, `缺少${what[0]}`, `${what[1]} must be given`);
    return undefined;
  }
}

export const isPlainObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
