/**
 * The body of `POST /sim/devices/:id/card` (issue 14 item 3): `{ "fixture": "<name>" }`, or a resident card
 * from explicit fields (name, gender, nation, birth, address, id, authority, from, to), those left out taken
 * from the `adult` fixture. Every field is checked as the driver's parser will check it (text-block.ts), so a
 * card the simulator accepts is one the kiosk reads. Refusals name the field and the rule and never echo a
 * value: an ID number is personal data even when fake (ARCHITECTURE.md §8.7).
 */
import { isTextBlockProblem, type TextBlockField, type TextBlockProblemReason } from '../../drivers/protocol/ga467/card-text';
import { encodeTextBlock, spanChars } from '../../drivers/protocol/ga467/text-block-encoder';
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { SimActionError } from '../sim-device';
import { fakePhoto } from './fake-card-data';
import { ADULT, FIXTURE_NAMES, fixtureCard, isFixtureName, type ResidentFields, type SimCard } from './fixture-citizens';

/** The API's short names → the text block's resident fields (§1.5). */
const FIELD_MAP = {
  name: 'name',
  gender: 'gender',
  nation: 'ethnicity',
  birth: 'birthDate',
  address: 'address',
  id: 'idNumber',
  authority: 'issuingAuthority',
  from: 'validFrom',
  to: 'validUntil',
} as const satisfies Record<string, keyof ResidentFields>;

type ApiField = keyof typeof FIELD_MAP;
const API_FIELDS = Object.keys(FIELD_MAP) as ApiField[];

/** The rule each field must follow, as the refusal states it (§1.5; GB 11643 for the number). */
const RULES: Record<ApiField, string> = {
  name: 'is the holder\'s name, 1 to 15 characters',
  gender: 'is a GB/T 2261.1 code: "0", "1", "2" or "9"',
  nation: 'is a two-digit ethnicity code, "01" to "56", "97" or "98"',
  birth: 'is a real day written YYYYMMDD',
  address: 'is the address, 1 to 35 characters',
  id: 'is 17 digits and the GB 11643 check character (0–9 or X) that matches them',
  authority: 'is the issuing authority, 1 to 15 characters',
  from: 'is a real day written YYYYMMDD',
  to: 'is a real day written YYYYMMDD, not before "from", or 长期',
};

const REASONS: Partial<Record<TextBlockProblemReason, string>> = {
  blank: 'is blank',
  invalidText: 'holds control characters or unpaired surrogates',
  unknownCode: 'is outside its table',
  invalidFormat: 'does not have its shape',
  invalidDate: 'is not a real calendar day',
  checkDigit: 'fails its check character',
  dateOrder: 'is before "from"',
};

const refuse = (field: string, why: string): never => {
  throw new SimActionError(`card field "${field}" ${why}: it ${RULES[field as ApiField]}`, true);
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fixtureList = (): string => FIXTURE_NAMES.join(', ');

/** The card a POST body describes; throws SimActionError (400) naming what is wrong. */
export function parseCardRequest(body: unknown): SimCard {
  if (!isPlainObject(body)) throw new SimActionError(`the body must be a JSON object: {"fixture": one of ${fixtureList()}} or card fields ${API_FIELDS.join(', ')}`, true);
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimActionError(`name a fixture (${fixtureList()}) or give card fields (${API_FIELDS.join(', ')})`, true);
  if (Object.hasOwn(body, 'fixture')) {
    if (keys.length > 1) throw new SimActionError('give either "fixture" or card fields, not both', true);
    const name = body.fixture;
    if (typeof name !== 'string' || !isFixtureName(name)) throw new SimActionError(`no such fixture; the fixtures are ${fixtureList()}`, true);
    return fixtureCard(name);
  }
  return explicitCard(body);
}

function explicitCard(body: Record<string, unknown>): SimCard {
  const fields: Record<string, string> = { ...(ADULT as Record<string, string>) };
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(FIELD_MAP, key)) throw new SimActionError(`a card has no field "${key}"; give "fixture" or ${API_FIELDS.join(', ')}`, true);
    if (typeof value !== 'string') refuse(key, 'must be a string');
    const textField = FIELD_MAP[key as ApiField];
    if ((value as string).length > (spanChars('resident', textField) as number)) refuse(key, 'is too long for its span on the card (§1.5)');
    fields[textField] = value as string;
  }
  const text = encodeTextBlock('resident', fields);
  const parsed = parseTextBlock(text);
  if (isTextBlockProblem(parsed)) {
    const apiField = API_FIELDS.find((f) => FIELD_MAP[f] === (parsed.field as TextBlockField));
    // Every resident field has an API name; a problem elsewhere would be the encoder's bug.
    if (apiField === undefined) throw new Error(`the encoded card fails the parser: ${parsed.message}`);
    refuse(apiField, REASONS[parsed.reason] ?? 'is not accepted');
  }
  // A card from fields: its own photo seed (0 is no fixture's), no fingerprint, no latest address.
  return { kind: 'resident', text, photo: fakePhoto(0) };
}
