/**
 * The catalogue check (issue 16 §1): every field of the contract in guides.ts, the rules between fields, and the
 * references between items, bundles and policies. Every problem is reported, each at its exact JSON path
 * (`items[12].materials[0].count`) with a plain message naming the offending value, so a content editor can fix
 * the whole file in one pass (`npm run guides -- check <file>` prints file:line:column via jsonPathLocation).
 */
import { CITIZEN_SERVICES } from './availability';
import {
  AUDIENCES,
  DEPARTMENTS,
  GUIDE_CHANNELS,
  ITEM_CODE_PATTERN,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  POLICY_TAGS,
  type Catalogue,
  type CatalogueCheck,
  type CatalogueProblem,
} from './guides';
import { closestName, describeValue, fieldPath, isCalendarDate } from './guides-validate-util';

export { jsonPathLocation } from './guides-validate-util';

/** `YYYY.MM.DD-N`, N from 1. */
export const CATALOGUE_VERSION_PATTERN = /^(\d{4})\.(\d{2})\.(\d{2})-([1-9]\d{0,5})$/;
const PUBLISHED_AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISSUED_ON_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Material, bundle and policy ids: lower-case words joined by hyphens (`id-card`, `start-business`). */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Hall-map point ids (A1, C11, kiosk-01) and queue business ids. */
const WINDOW_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BUSINESS_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const NOT_BLANK = /\S/;
const HTTPS_URL_PATTERN = /^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/\S*)?$/;

type Obj = Record<string, unknown>;
type Check = (value: unknown, path: string) => void;
interface Keys {
  required: readonly string[];
  optional: readonly string[];
  all: ReadonlySet<string>;
}
const keys = (required: readonly string[], optional: readonly string[] = []): Keys => ({ required, optional, all: new Set([...required, ...optional]) });

const CATALOGUE_KEYS = keys(['version', 'publishedAt', 'items', 'bundles', 'policies']);
const ITEM_KEYS = keys(
  ['code', 'name', 'shortNames', 'synonyms', 'department', 'audience', 'lifeEvents', 'conditions', 'materials', 'steps', 'legalLimitDays', 'committedLimitDays', 'fee', 'where', 'channels', 'atMostOneTrip', 'noTrip'],
  ['onlineUrl', 'businessId', 'kioskService'],
);
const MATERIAL_KEYS = keys(['id', 'name', 'form', 'count', 'shared'], ['note']);
const STEP_KEYS = keys(['title'], ['detail']);
const FEE_KEYS = keys(['free'], ['description']);
const PLACE_KEYS = keys(['floor', 'zone', 'windows']);
const BUNDLE_KEYS = keys(['id', 'name', 'shortNames', 'synonyms', 'summary', 'audience', 'lifeEvents', 'items'], ['where', 'businessId']);
const POLICY_KEYS = keys(['id', 'title', 'issuer', 'issuedOn', 'summary', 'points', 'tags', 'items', 'bundles', 'keywords'], ['url']);
const TEXT_KEYS = keys(['zh-CN'], ['zh-TW', 'en']);

/** The path of a contract field (all plain names, so no quoting is needed). */
const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** Checks a raw catalogue (parsed JSON) against the contract; lists every problem found. */
export function validateCatalogue(raw: unknown): CatalogueCheck {
  const problems: CatalogueProblem[] = [];
  const report = (path: string, message: string): void => void problems.push({ path, message });

  function object(value: unknown, path: string, spec: Keys, what: string): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report(path, `${what} must be an object, not ${describeValue(value)}`);
      return null;
    }
    const o = value as Obj;
    for (const key of spec.required) if (!(key in o)) report(at(path, key), `missing required field "${key}" of the ${what}`);
    for (const key in o) {
      if (spec.all.has(key) || !Object.hasOwn(o, key)) continue;
      const near = closestName(key, [...spec.all].filter((k) => !(k in o)));
      report(fieldPath(path, key), `unknown field "${key}" in the ${what}${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    return o;
  }

  /** Runs `check` on a field that is present (a missing required field is already reported). */
  function field(o: Obj, path: string, key: string, check: Check): void {
    const value = o[key];
    if (value !== undefined) check(value, at(path, key));
  }

  const text: Check = (value, path) => {
    if (typeof value !== 'string' || !NOT_BLANK.test(value)) report(path, `must be non-empty text, not ${describeValue(value)}`);
  };
  const localText: Check = (value, path) => {
    const o = object(value, path, TEXT_KEYS, 'localised text');
    if (o) for (const key of TEXT_KEYS.all) if (o[key] !== undefined) text(o[key], at(path, key));
  };
  const boolean: Check = (value, path) => {
    if (typeof value !== 'boolean') report(path, `must be true or false, not ${describeValue(value)}`);
  };
  const days: Check = (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !Number.isInteger(value * 2)) report(path, `must be a number of working days (0 or more, whole or half), not ${describeValue(value)}`);
  };
  const matching = (pattern: RegExp, what: string): Check => (value, path) => {
    if (typeof value !== 'string' || !pattern.test(value)) report(path, `must be ${what}, not ${describeValue(value)}`);
  };
  const oneOf = (allowed: readonly string[]): Check => (value, path) => {
    if (typeof value === 'string' && allowed.includes(value)) return;
    const near = typeof value === 'string' ? closestName(value, allowed) : null;
    report(path, `${describeValue(value)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`);
  };

  /** An array whose elements pass `each`; `unique` refuses a repeated string element. */
  function list(value: unknown, path: string, each: Check, options: { min?: number; unique?: boolean } = {}): unknown[] {
    if (!Array.isArray(value)) {
      report(path, `must be a list, not ${describeValue(value)}`);
      return [];
    }
    const min = options.min ?? 0;
    if (value.length < min) report(path, `must list at least ${min} ${min === 1 ? 'entry' : 'entries'}, has ${value.length}`);
    const seen = new Map<unknown, number>();
    value.forEach((element, i) => {
      each(element, `${path}[${i}]`);
      if (!options.unique || typeof element !== 'string') return;
      const first = seen.get(element);
      if (first === undefined) seen.set(element, i);
      else report(`${path}[${i}]`, `${describeValue(element)} is listed twice (first at ${path}[${first}])`);
    });
    return value;
  }
  const listOf = (each: Check, options: { min?: number; unique?: boolean } = {}): Check => (value, path) => void list(value, path, each, options);

  /** Remembers ids as they come; a repeat is reported at the later place. */
  function uniqueIds(what: string): (id: unknown, path: string) => void {
    const seen = new Map<string, string>();
    return (id, path) => {
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, path);
      else report(path, `duplicate ${what} "${id}" (first at ${first})`);
    };
  }

  const place: Check = (value, path) => {
    const o = object(value, path, PLACE_KEYS, 'place');
    if (!o) return;
    field(o, path, 'floor', (v, p) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) report(p, `must be a whole floor number, not ${describeValue(v)}`);
    });
    field(o, path, 'zone', localText);
    field(o, path, 'windows', listOf(matching(WINDOW_PATTERN, 'a hall-map point id such as "A1"'), { min: 1, unique: true }));
  };

  const material = (ids: (id: unknown, path: string) => void): Check => (value, path) => {
    const o = object(value, path, MATERIAL_KEYS, 'material');
    if (!o) return;
    field(o, path, 'id', matching(SLUG_PATTERN, 'a lower-case id such as "id-card"'));
    ids(o.id, at(path, 'id'));
    field(o, path, 'name', localText);
    field(o, path, 'form', oneOf(MATERIAL_FORMS));
    field(o, path, 'count', (v, p) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) report(p, `must be a whole number of at least 1, not ${describeValue(v)}`);
    });
    field(o, path, 'shared', boolean);
    field(o, path, 'note', localText);
  };

  const step: Check = (value, path) => {
    const o = object(value, path, STEP_KEYS, 'step');
    if (!o) return;
    field(o, path, 'title', localText);
    field(o, path, 'detail', localText);
  };

  const fee: Check = (value, path) => {
    const o = object(value, path, FEE_KEYS, 'fee');
    if (!o) return;
    field(o, path, 'free', boolean);
    field(o, path, 'description', localText);
    if (o.free === false && o.description === undefined) report(at(path, 'description'), 'a fee that is not free must say what is charged (description)');
  };

  const itemCodes = new Set<string>();
  const itemCode = uniqueIds('item code');
  function item(value: unknown, path: string): void {
    const o = object(value, path, ITEM_KEYS, 'service item');
    if (!o) return;
    field(o, path, 'code', matching(ITEM_CODE_PATTERN, 'an item code: type XK/JF/QR/ZS/JL/CJ/GG/QT, 5-digit main item and 3-digit sub-item, e.g. "GG02001001"'));
    itemCode(o.code, at(path, 'code'));
    if (typeof o.code === 'string') itemCodes.add(o.code);
    field(o, path, 'name', localText);
    field(o, path, 'shortNames', listOf(text, { unique: true }));
    field(o, path, 'synonyms', listOf(text, { unique: true }));
    field(o, path, 'department', oneOf(DEPARTMENTS));
    field(o, path, 'audience', listOf(oneOf(AUDIENCES), { min: 1, unique: true }));
    field(o, path, 'lifeEvents', listOf(oneOf(LIFE_EVENTS), { unique: true }));
    field(o, path, 'conditions', listOf(localText));
    field(o, path, 'materials', listOf(material(uniqueIds('material id in this item'))));
    field(o, path, 'steps', listOf(step, { min: 1 }));
    field(o, path, 'legalLimitDays', days);
    field(o, path, 'committedLimitDays', days);
    const { legalLimitDays: legal, committedLimitDays: committed } = o;
    if (typeof legal === 'number' && typeof committed === 'number' && committed > legal) {
      report(at(path, 'committedLimitDays'), `the committed limit (${committed} days) must not exceed the legal limit (${legal} days)`);
    }
    field(o, path, 'fee', fee);
    field(o, path, 'where', place);
    field(o, path, 'channels', listOf(oneOf(GUIDE_CHANNELS), { min: 1, unique: true }));
    field(o, path, 'atMostOneTrip', boolean);
    field(o, path, 'noTrip', boolean);
    field(o, path, 'onlineUrl', matching(HTTPS_URL_PATTERN, 'an https:// address'));
    field(o, path, 'businessId', matching(BUSINESS_ID_PATTERN, 'a queue business id such as "social-insurance"'));
    field(o, path, 'kioskService', oneOf(CITIZEN_SERVICES));
    const online = Array.isArray(o.channels) && o.channels.includes('online');
    if (online && o.onlineUrl === undefined) report(at(path, 'onlineUrl'), 'an item done online (channels has "online") needs its https:// onlineUrl');
    if (!online && o.onlineUrl !== undefined) report(at(path, 'onlineUrl'), `onlineUrl ${describeValue(o.onlineUrl)} is given but channels has no "online"`);
    if (o.noTrip === true && !online) report(at(path, 'noTrip'), 'noTrip (一次都不跑) needs "online" in channels');
    if (o.noTrip === true && o.atMostOneTrip === false) report(at(path, 'atMostOneTrip'), 'an item with noTrip (一次都不跑) is also atMostOneTrip (最多跑一次): set it true');
  }

  const bundleIds = new Set<string>();
  const bundleId = uniqueIds('bundle id');
  const knownItem: Check = (value, path) => {
    if (typeof value !== 'string') report(path, `must be an item code, not ${describeValue(value)}`);
    else if (!itemCodes.has(value)) report(path, `names item code "${value}", which is not in the catalogue`);
  };
  function bundle(value: unknown, path: string): void {
    const o = object(value, path, BUNDLE_KEYS, 'bundle');
    if (!o) return;
    field(o, path, 'id', matching(SLUG_PATTERN, 'a lower-case id such as "start-business"'));
    bundleId(o.id, at(path, 'id'));
    if (typeof o.id === 'string') bundleIds.add(o.id);
    field(o, path, 'name', localText);
    field(o, path, 'shortNames', listOf(text, { unique: true }));
    field(o, path, 'synonyms', listOf(text, { unique: true }));
    field(o, path, 'summary', localText);
    field(o, path, 'audience', listOf(oneOf(AUDIENCES), { min: 1, unique: true }));
    field(o, path, 'lifeEvents', listOf(oneOf(LIFE_EVENTS), { unique: true }));
    field(o, path, 'items', listOf(knownItem, { min: 2, unique: true }));
    field(o, path, 'where', place);
    field(o, path, 'businessId', matching(BUSINESS_ID_PATTERN, 'a queue business id such as "business-startup"'));
  }

  const policyId = uniqueIds('policy id');
  const knownBundle: Check = (value, path) => {
    if (typeof value !== 'string') report(path, `must be a bundle id, not ${describeValue(value)}`);
    else if (!bundleIds.has(value)) report(path, `names bundle "${value}", which is not in the catalogue`);
  };
  function policy(value: unknown, path: string): void {
    const o = object(value, path, POLICY_KEYS, 'policy');
    if (!o) return;
    field(o, path, 'id', matching(SLUG_PATTERN, 'a lower-case id such as "childcare-subsidy"'));
    policyId(o.id, at(path, 'id'));
    field(o, path, 'title', localText);
    field(o, path, 'issuer', localText);
    field(o, path, 'issuedOn', (v, p) => {
      if (typeof v !== 'string' || !ISSUED_ON_PATTERN.test(v) || !isCalendarDate(v.slice(0, 4), v.slice(5, 7), v.slice(8, 10))) report(p, `must be a date YYYY-MM-DD, not ${describeValue(v)}`);
    });
    field(o, path, 'summary', localText);
    field(o, path, 'points', listOf(localText, { min: 1 }));
    field(o, path, 'tags', listOf(oneOf(POLICY_TAGS), { min: 1, unique: true }));
    field(o, path, 'items', listOf(knownItem, { unique: true }));
    field(o, path, 'bundles', listOf(knownBundle, { unique: true }));
    field(o, path, 'url', matching(HTTPS_URL_PATTERN, 'an https:// address'));
    field(o, path, 'keywords', listOf(text, { unique: true }));
  }

  const root = object(raw, '', CATALOGUE_KEYS, 'catalogue');
  if (root) {
    field(root, '', 'version', (v, p) => {
      if (typeof v !== 'string' || parseVersion(v) === null) report(p, `must be a version YYYY.MM.DD-N (e.g. "2026.12.01-1"), not ${describeValue(v)}`);
    });
    field(root, '', 'publishedAt', (v, p) => {
      if (typeof v !== 'string' || !PUBLISHED_AT_PATTERN.test(v) || !isCalendarDate(v.slice(0, 4), v.slice(5, 7), v.slice(8, 10))) report(p, `must be an ISO 8601 time with its offset (e.g. "2026-12-01T08:00:00+08:00"), not ${describeValue(v)}`);
    });
    field(root, '', 'items', listOf(item, { min: 1 }));
    field(root, '', 'bundles', listOf(bundle));
    field(root, '', 'policies', listOf(policy));
  }
  return problems.length === 0 ? { ok: true, catalogue: raw as Catalogue } : { ok: false, problems };
}

function parseVersion(version: string): [string, number] | null {
  const m = CATALOGUE_VERSION_PATTERN.exec(version);
  if (!m || !isCalendarDate(m[1] ?? '', m[2] ?? '', m[3] ?? '')) return null;
  return [`${m[1]}${m[2]}${m[3]}`, Number(m[4])];
}

/**
 * Orders two catalogue versions `YYYY.MM.DD-N`: negative when `a` is older, 0 when equal, positive when newer.
 * Throws a RangeError for a malformed version (a validated catalogue never has one).
 */
export function compareCatalogueVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) throw new RangeError(`not a catalogue version YYYY.MM.DD-N: ${JSON.stringify(pa ? b : a)}`);
  if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1;
  return Math.sign(pa[1] - pb[1]);
}
