import { describe, expect, it } from 'vitest';
import { isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { REQUESTS, RESPONSES } from '../../drivers/protocol/ga467/fixtures';
import { idNumberIssue } from '../../drivers/protocol/ga467/id-number';
import { privateUsePositions } from '../../drivers/protocol/ga467/private-use';
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { SimActionError } from '../sim-device';
import { readerRig } from '../test-support/reader-rig';
import { FIXTURE_NAMES, fixtureCard, withCheckDigit } from './fixture-citizens';

const EXPECTED_KIND = {
  adult: 'resident', over70: 'resident', rareCharacter: 'resident', expired: 'resident', permitJ: 'hkMacaoTaiwanResidence',
  foreign2017: 'foreignPermanent2017', foreign2023: 'foreignPermanent2023', withFingerprints: 'resident',
} as const;

/** A well-formed number with the wrong check character. */
const WRONG_ID = ((n: string) => n.slice(0, 17) + (n[17] === '0' ? '1' : '0'))(withCheckDigit('11010120000229002'));

function refusal(fn: () => unknown): SimActionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SimActionError) return err;
    throw err;
  }
  throw new Error('expected a SimActionError');
}

describe('fixture citizens', () => {
  it('are the issue\'s eight cases, each one the drivers\' parser reads, with valid numbers', () => {
    expect(FIXTURE_NAMES).toEqual(Object.keys(EXPECTED_KIND));
    for (const name of FIXTURE_NAMES) {
      const card = fixtureCard(name);
      const text = parseTextBlock(card.text);
      if (isTextBlockProblem(text)) throw new Error(`${name}: ${text.message}`);
      expect(text.kind, name).toBe(EXPECTED_KIND[name]);
      expect(idNumberIssue(text.kind, text.idNumber), name).toBeUndefined();
      expect(card.photo, name).toHaveLength(1024);
    }
  });

  it('cover over 70, expired, a private-use name, fingerprints; photos are deterministic and differ', () => {
    const text = (n: (typeof FIXTURE_NAMES)[number]) => parseTextBlock(fixtureCard(n).text) as { birthDate: string; validUntil: string; name?: string };
    expect(text('over70').birthDate < '1956-01-01').toBe(true);
    expect(text('expired').validUntil).toBe('2015-02-01');
    expect(privateUsePositions(text('rareCharacter').name!)).toEqual([1]);
    expect(fixtureCard('withFingerprints').fingerprint).toHaveLength(1024);
    expect(fixtureCard('adult').fingerprint).toBeUndefined();
    expect(fixtureCard('adult').photo).toEqual(fixtureCard('adult').photo);
    expect(fixtureCard('adult').photo).not.toEqual(fixtureCard('expired').photo);
  });
});

describe('the card action (POST / DELETE /sim/devices/:id/card)', () => {
  it('places a fixture, lifts it, and a POST on a lying card replaces it (re-arming find)', async () => {
    const rig = await readerRig();
    const card = rig.reader.actions().card!;
    expect(card.start!({ fixture: 'adult' })).toMatchObject({ cardReader: { cardPresent: true } });
    await rig.ask(REQUESTS.findCard);
    await rig.ask(REQUESTS.selectCard);
    await rig.ask(REQUESTS.readTextPhoto);
    expect(await rig.ask(REQUESTS.findCard)).toEqual([...RESPONSES.findFailed]);
    card.start!({ fixture: 'expired' });
    expect(await rig.ask(REQUESTS.findCard)).toEqual([...RESPONSES.findOk]);
    expect(card.stop!()).toMatchObject({ cardReader: { cardPresent: false } });
    expect(refusal(() => card.stop!())).toMatchObject({ badRequest: false, message: 'no card lies on the reader' });
  });

  it('an unknown fixture is a 400 listing the fixtures', async () => {
    const { reader } = await readerRig();
    const err = refusal(() => reader.actions().card!.start!({ fixture: 'nobody' }));
    expect(err.badRequest).toBe(true);
    for (const name of FIXTURE_NAMES) expect(err.message).toContain(name);
  });

  it('explicit fields make a resident card; those left out come from the adult fixture', async () => {
    const rig = await readerRig();
    rig.reader.actions().card!.start!({ name: '孙示例', gender: '2', nation: '03', birth: '20000229', id: withCheckDigit('11010120000229002'), to: '长期' });
    await rig.ask(REQUESTS.findCard);
    await rig.ask(REQUESTS.selectCard);
    const reply = await rig.ask(REQUESTS.readTextPhoto);
    const text = parseTextBlock(Uint8Array.from(reply.slice(14, 270)));
    expect(text).toMatchObject({ kind: 'resident', name: '孙示例', gender: 'female', ethnicity: { code: '03' }, birthDate: '2000-02-29', validUntil: 'longTerm' });
  });

  it.each([
    [{ name: 'x'.repeat(16) }, 'name', 'xxxxxxxxxxxxxxxx'],
    [{ name: '' }, 'name', undefined],
    [{ name: 'a\u0001b' }, 'name', undefined],
    [{ gender: '3' }, 'gender', undefined],
    [{ nation: '57' }, 'nation', '57'],
    [{ birth: '20230230' }, 'birth', '20230230'],
    [{ address: 7 }, 'address', undefined],
    [{ id: WRONG_ID }, 'id', WRONG_ID],
    [{ id: '11010120000229002' }, 'id', '11010120000229002'],
    [{ authority: '局'.repeat(16) }, 'authority', undefined],
    [{ from: '2020-01-01' }, 'from', '2020-01-01'],
    [{ from: '20200101', to: '20190101' }, 'to', '20190101'],
  ])('refuses %j naming the field and its rule, never its value', async (body, field, value) => {
    const { reader } = await readerRig();
    const err = refusal(() => reader.actions().card!.start!(body));
    expect(err.badRequest).toBe(true);
    expect(err.message).toContain(`"${field}"`);
    expect(err.message).toMatch(/: it /);
    if (value !== undefined) expect(err.message).not.toContain(value);
    expect(reader.status().cardReader?.cardPresent).toBe(false);
  });

  it('refuses an unknown field, fixture mixed with fields, and a body that is not an object', async () => {
    const { reader } = await readerRig();
    const start = reader.actions().card!.start!;
    expect(refusal(() => start({ nationality: 'CHN' })).message).toMatch(/no field "nationality"/);
    expect(refusal(() => start({ fixture: 'adult', name: '孙示例' })).message).toMatch(/not both/);
    expect(refusal(() => start([])).badRequest).toBe(true);
    expect(refusal(() => start({})).badRequest).toBe(true);
  });
});
