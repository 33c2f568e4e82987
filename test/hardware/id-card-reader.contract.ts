/**
 * The idCardReader contract (ARCHITECTURE.md §5 "contract suites"): what every GA 467 reader must do through
 * the driver, whatever its link (protocols.md §1). Run on the simulator always (id-card-reader-sim.test.ts),
 * and on a real reader when KIOSK_HW_IDCARDREADER names one (id-card-reader-hw.test.ts), where the technician
 * lays a card of their own when asked and lifts it again.
 *
 * A real card is personal data (ARCHITECTURE.md §8.7): nothing here prints or asserts on a field's value in a
 * way that would show it in a failure message. Only the masked card (card-mask.ts), its kind and the names of
 * the rules it broke ever reach the terminal; every read is wiped before its test ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import type { CardRead } from '../../drivers/devices/id-card-types';
import { maskCardText } from '../../drivers/protocol/ga467/card-mask';
import { isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { PHOTO_LENGTH, SAM_ID_LENGTH, SW3 } from '../../drivers/protocol/ga467/constants';
import { idNumberIssue } from '../../drivers/protocol/ga467/id-number';
import type { Transport } from '../../drivers/transport/transport';
import { exchangeRaw } from './ga467-raw-exchange';

export interface IdCardReaderContractRig {
  /** Opened (the SAM check done), not enabled. */
  reader: Ga467IdCardReader;
  /** The reader's own link, used raw (reader closed) for the one command the driver does not send: `12 FF`. */
  transport: Transport;
  /** Has a card laid on the antenna: the simulator places one; on hardware the technician is asked to. */
  layCard(what: string): Promise<void>;
  /** Has the card taken away: the simulator lifts it; on hardware the technician is asked to. */
  liftCard(what: string): Promise<void>;
  /** How long a card may take to come: a person at the terminal needs time, the simulator none. */
  cardTimeoutMs: number;
  /** The reader's poll period (its option, else the model's). */
  pollIntervalMs: number;
  /** Tells the technician something (hardware), or nothing (simulator). */
  say(line: string): void;
  dispose(): Promise<void>;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What may be shown of a read: its kind and the masked fields, or the rule the text block broke. */
function describeRead(card: CardRead): string {
  if (isTextBlockProblem(card.text)) return `text block refused: ${card.text.field} (${card.text.reason})`;
  return JSON.stringify(maskCardText(card.text));
}

/** Asserts the read parsed and its number is well formed, without ever putting a value into a failure message. */
function expectSoundRead(card: CardRead): void {
  const problem = isTextBlockProblem(card.text) ? `${card.text.field}: ${card.text.reason}` : null;
  expect(problem, 'the text block parses (§1.5, §1.6)').toBeNull();
  if (isTextBlockProblem(card.text)) return;
  // GB 11643 check character for 18-character numbers; the 2017 foreign card by its layout (§1.6).
  expect(idNumberIssue(card.text.kind, card.text.idNumber) ?? 'valid', 'the ID number is valid for its card kind').toBe('valid');
  expect(card.photo.length, 'the WLT photo is 1024 bytes (§1.7)').toBe(PHOTO_LENGTH);
}

export function describeIdCardReaderContract(name: string, makeRig: () => Promise<IdCardReaderContractRig>): void {
  describe(`idCardReader contract: ${name}`, () => {
    let rig: IdCardReaderContractRig;
    const reads: CardRead[] = [];
    let removals = 0;

    beforeAll(async () => {
      rig = await makeRig();
      rig.reader.onCardRead((card) => reads.push(card));
      rig.reader.onCardRemoved(() => removals++);
    }, 60_000);
    afterAll(async () => {
      for (const card of reads) card.wipe();
      await rig?.dispose();
    });

    it('is online once opened, its SAM answering the status check (11 FF → 90, §1.2, §1.3)', async () => {
      expect(rig.reader.status).toMatchObject({ device: 'online', cardReader: { sam: 'ok' } });
      expect(await rig.reader.healthCheck('external')).toMatchObject({ ok: true });
      expect(await rig.reader.healthCheck('internal')).toMatchObject({ ok: true });
    });

    it('answers read SAM ID (12 FF) with 90 and the 16-byte SAM number (§1.2, §1.4), then opens again', async () => {
      await rig.reader.close();
      const reply = await exchangeRaw(rig.transport, { type: 'readSamId' }, 2000);
      expect(reply.sw3, 'SW3 of 12 FF').toBe(SW3.SUCCESS);
      expect(reply.data.length).toBe(SAM_ID_LENGTH);
      rig.say(`SAM number (not personal data): ${Array.from(reply.data, (b) => b.toString(16).padStart(2, '0')).join(' ')}`);
      await rig.reader.open();
      expect(rig.reader.status).toMatchObject({ device: 'online', cardReader: { sam: 'ok' } });
    }, 30_000);

    it('reads a laid card: the text block parses, the ID number verifies; wipe() zeroes the read', async () => {
      const reading = rig.reader.readCard({ timeoutMs: rig.cardTimeoutMs });
      await rig.layCard('lay an ID card on the reader and leave it there');
      const card = await reading;
      rig.say(`read (masked): ${describeRead(card)}`);
      expectSoundRead(card);
      card.wipe();
      expect(card.wiped).toBe(true);
      expect(card.photo.every((b) => b === 0)).toBe(true);
      expect(card.text.kind).toBe('problem');
    }, 180_000);

    it('does not read the same card again while it lies there (§1.9: find answers 80 until it is lifted)', async () => {
      const before = reads.length;
      await rig.reader.enable();
      await delay(4 * rig.pollIntervalMs);
      expect(reads.length - before).toBe(0);
    }, 60_000);

    it('sees the card lifted where its model can (removalProbe), and says plainly where it cannot', async () => {
      const findings = (await rig.reader.healthCheck('internal')).findings.join('; ');
      await rig.liftCard('take the card off the reader');
      if (rig.reader.detectsRemoval) {
        await expect.poll(() => removals, { timeout: rig.cardTimeoutMs }).toBeGreaterThan(0);
        expect(rig.reader.status.cardReader?.cardPresent).toBe(false);
      } else {
        expect(findings).toContain('not visible on the wire');
        expect(rig.reader.status.cardReader?.cardPresent).toBeUndefined();
      }
    }, 180_000);

    it('reads the card again once laid down again after lifting (§1.9), and the read is wiped', async () => {
      const before = reads.length;
      await rig.layCard('lay the card on the reader again');
      await expect.poll(() => reads.length - before, { timeout: rig.cardTimeoutMs, interval: 100 }).toBe(1);
      const card = reads[reads.length - 1]!;
      expectSoundRead(card);
      card.wipe();
      expect(card.photo.every((b) => b === 0)).toBe(true);
      await rig.reader.disable();
      await rig.liftCard('take the card away: the contract is done with it');
    }, 180_000);
  });
}
