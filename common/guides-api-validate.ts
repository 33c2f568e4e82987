/**
 * Request checks for the guide, route, robot, speech and elder-mode channels (issue 16), as api-validate.ts
 * does for the others: a request of the wrong shape is refused with `badRequest`, naming the field.
 */
import { exactKeys, isPlainObject, type Checked, type Validator } from './api-validate';
import { AUDIENCES, DEPARTMENTS, LIFE_EVENTS } from './guides';
import { GUIDE_HIT_KINDS, MAX_GUIDE_HITS, MAX_GUIDE_QUERY_LENGTH, type GuideBrowseRequest, type GuideHitKind, type GuideOpenRequest, type GuidePrintRequest, type GuideSearchRequest } from './guides-api';
import type { GuideRouteRequest } from './hall-map';
import type { RobotGoRequest } from './robot';
import { MAX_SPEECH_TEXT_LENGTH, type SpeechClipRequest } from './speech';

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;

const fail = <T>(detail: string): Checked<T> => ({ ok: false, detail });
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

function objectWith(value: unknown, keys: readonly string[]): string | Record<string, unknown> {
  if (!isPlainObject(value)) return 'request must be an object';
  return exactKeys(value, keys) ?? value;
}

export const validateGuideSearchRequest: Validator<GuideSearchRequest> = (value) => {
  const v = objectWith(value, ['query', 'limit', 'kinds']);
  if (typeof v === 'string') return fail(v);
  if (typeof v.query !== 'string') return fail('query must be a string');
  if (v.query.length > MAX_GUIDE_QUERY_LENGTH) return fail(`query must be at most ${MAX_GUIDE_QUERY_LENGTH} characters`);
  if (v.limit !== undefined && (typeof v.limit !== 'number' || !Number.isInteger(v.limit) || v.limit < 1 || v.limit > MAX_GUIDE_HITS)) {
    return fail(`limit must be an integer 1-${MAX_GUIDE_HITS}`);
  }
  if (v.kinds !== undefined && (!Array.isArray(v.kinds) || v.kinds.length === 0 || !v.kinds.every((k) => isOneOf(GUIDE_HIT_KINDS, k)))) {
    return fail(`kinds must be a non-empty list of ${GUIDE_HIT_KINDS.join(', ')}`);
  }
  return { ok: true, value: { query: v.query, ...(v.limit !== undefined && { limit: v.limit }), ...(v.kinds !== undefined && { kinds: v.kinds as GuideHitKind[] }) } };
};

export const validateGuideBrowseRequest: Validator<GuideBrowseRequest> = (value) => {
  if (!isPlainObject(value)) return fail('request must be an object');
  switch (value.by) {
    case 'bundles':
    case 'policies': {
      const extra = exactKeys(value, ['by']);
      return extra ? fail(extra) : { ok: true, value: { by: value.by } };
    }
    case 'lifeEvent':
    case 'department':
    case 'audience': {
      const extra = exactKeys(value, ['by', 'key']);
      if (extra) return fail(extra);
      const keys: readonly string[] = value.by === 'lifeEvent' ? LIFE_EVENTS : value.by === 'department' ? DEPARTMENTS : AUDIENCES;
      if (!isOneOf(keys, value.key)) return fail(`key must be one of ${keys.join(', ')}`);
      return { ok: true, value: { by: value.by, key: value.key } as GuideBrowseRequest };
    }
    default:
      return fail('by must be lifeEvent, department, audience, bundles or policies');
  }
};

export const validateGuideOpenRequest: Validator<GuideOpenRequest> = (value) => {
  const v = objectWith(value, ['kind', 'id']);
  if (typeof v === 'string') return fail(v);
  if (!isOneOf(GUIDE_HIT_KINDS, v.kind)) return fail(`kind must be one of ${GUIDE_HIT_KINDS.join(', ')}`);
  if (typeof v.id !== 'string' || !ID_PATTERN.test(v.id)) return fail('id must be an id string');
  return { ok: true, value: { kind: v.kind, id: v.id } };
};

export const validateGuidePrintRequest: Validator<GuidePrintRequest> = (value) => {
  const v = objectWith(value, ['kind', 'id', 'requestId', 'language']);
  if (typeof v === 'string') return fail(v);
  if (v.kind !== 'item' && v.kind !== 'bundle') return fail('kind must be item or bundle');
  if (typeof v.id !== 'string' || !ID_PATTERN.test(v.id)) return fail('id must be an id string');
  if (typeof v.requestId !== 'string' || !ID_PATTERN.test(v.requestId)) return fail('requestId must be an id string');
  if (v.language !== undefined && !isOneOf(LANGUAGES, v.language)) return fail('language must be zh-CN, zh-TW or en');
  return { ok: true, value: { kind: v.kind, id: v.id, requestId: v.requestId, ...(v.language !== undefined && { language: v.language }) } };
};

export const validateGuideRouteRequest: Validator<GuideRouteRequest> = (value) => {
  const v = objectWith(value, ['to', 'from', 'stepFree']);
  if (typeof v === 'string') return fail(v);
  if (typeof v.to !== 'string' || !ID_PATTERN.test(v.to)) return fail('to must be a hall-map point id');
  if (v.from !== undefined && (typeof v.from !== 'string' || !ID_PATTERN.test(v.from))) return fail('from must be a hall-map point id');
  if (v.stepFree !== undefined && typeof v.stepFree !== 'boolean') return fail('stepFree must be true or false');
  return { ok: true, value: { to: v.to, ...(v.from !== undefined && { from: v.from }), ...(v.stepFree !== undefined && { stepFree: v.stepFree }) } };
};

export const validateRobotGoRequest: Validator<RobotGoRequest> = (value) => {
  const v = objectWith(value, ['to', 'requestId']);
  if (typeof v === 'string') return fail(v);
  if (typeof v.to !== 'string' || !ID_PATTERN.test(v.to)) return fail('to must be a hall-map point id');
  if (typeof v.requestId !== 'string' || !ID_PATTERN.test(v.requestId)) return fail('requestId must be an id string');
  return { ok: true, value: { to: v.to, requestId: v.requestId } };
};

export const validateSpeechClipRequest: Validator<SpeechClipRequest> = (value) => {
  const v = objectWith(value, ['text', 'language', 'cacheable']);
  if (typeof v === 'string') return fail(v);
  if (typeof v.text !== 'string' || v.text.trim() === '') return fail('text must be a non-empty string');
  if (v.text.length > MAX_SPEECH_TEXT_LENGTH) return fail(`text must be at most ${MAX_SPEECH_TEXT_LENGTH} characters`);
  if (!isOneOf(LANGUAGES, v.language)) return fail('language must be zh-CN, zh-TW or en');
  if (typeof v.cacheable !== 'boolean') return fail('cacheable must be true or false');
  return { ok: true, value: { text: v.text, language: v.language, cacheable: v.cacheable } };
};

export const validateElderModeRequest: Validator<{ on: boolean }> = (value) => {
  const v = objectWith(value, ['on']);
  if (typeof v === 'string') return fail(v);
  if (typeof v.on !== 'boolean') return fail('on must be true or false');
  return { ok: true, value: { on: v.on } };
};
