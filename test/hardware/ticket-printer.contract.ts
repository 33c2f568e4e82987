/**
 * The ticketPrinter contract (ARCHITECTURE.md §5 "contract suites"): what every ticket printer must do
 * through the driver, whatever its link. Run on the simulator always (ticket-printer-sim.test.ts: a usblp
 * pty, the TCP simulator), and on a real printer when KIOSK_HW_TICKETPRINTER names one
 * (ticket-printer-hw.test.ts). A printer that cannot answer over its link (models.ts `usblpStatus: none`)
 * must say so and never confirm; one that can must confirm each ticket by its own reply.
 * On hardware each run prints four short tickets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../common/print-document';
import type { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { answersOverLink } from '../../drivers/devices/escpos/write-only-link';
import type { Transport } from '../../drivers/transport/transport';

export interface TicketPrinterContractRig {
  /** Opened and enabled. */
  printer: EscPosPrinter;
  transport: Transport;
  /** Tickets the device has printed so far, where it can tell (the simulator). */
  printedCount?: () => number;
  dispose(): Promise<void>;
}

const contractTicket = (n: number): PrintDocument => ({
  jobId: `contract-${n}`,
  cut: 'full',
  blocks: [
    { kind: 'text', text: `硬件契约测试 ${n}/4`, align: 'center', bold: true },
    { kind: 'text', text: 'hallkiosk ticketPrinter contract' },
    { kind: 'qr', data: `HALLKIOSK:contract:${n}` },
  ],
});

export function describeTicketPrinterContract(name: string, makeRig: () => Promise<TicketPrinterContractRig>): void {
  describe(`ticketPrinter contract: ${name}`, () => {
    let rig: TicketPrinterContractRig;
    let answers = true;
    let printedBefore = 0;
    const printedSince = (): number | undefined => (rig.printedCount ? rig.printedCount() - printedBefore : undefined);
    const expectPrint = async (n: number): Promise<void> => {
      const result = await rig.printer.print(contractTicket(n));
      if (answers) expect(result).toEqual({ outcome: 'confirmed' });
      // Nothing is confirmed that the printer did not confirm (ARCHITECTURE.md §8.3).
      else expect(result).toMatchObject({ outcome: 'unknown', error: { code: 'printUncertain' } });
    };

    /** Where the device can tell (the simulator): the paper came out, each ticket once. A write-only printer's comes later than its result. */
    const expectPrinted = async (n: number): Promise<void> => {
      if (printedSince() !== undefined) await expect.poll(printedSince, { timeout: 10_000 }).toBe(n);
    };

    beforeAll(async () => {
      rig = await makeRig();
      answers = answersOverLink(rig.transport, rig.printer.modelInfo);
      printedBefore = rig.printedCount?.() ?? 0;
    }, 60_000);
    afterAll(async () => {
      await rig?.dispose();
    });

    it('is online and reports what it can: paper and cover, or plainly that it cannot', async () => {
      expect(rig.printer.status.device).toBe('online');
      if (answers) {
        const bits = await rig.printer.refreshStatus();
        expect(bits).toBeTypeOf('object');
        expect(rig.printer.status.printer).toMatchObject({ paper: expect.stringMatching(/^(full|low)$/), coverOpen: false });
      } else {
        expect(rig.printer.status.printer).toBeUndefined();
        await expect(rig.printer.refreshStatus()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/cannot answer over/) });
      }
    });

    it('prints a ticket, confirmed only by the printer', async () => {
      await expectPrint(1);
      await expectPrinted(1);
    });

    it('confirms two tickets in a row each by its own reply', async () => {
      await expectPrint(2);
      await expectPrint(3);
      await expectPrinted(3);
    });

    it('closes and opens again (the device is released), then prints', async () => {
      await rig.printer.close();
      expect(rig.transport.isOpen).toBe(false);
      await rig.printer.open();
      await rig.printer.enable();
      expect(rig.printer.status.device).toBe('online');
      await expectPrint(4);
      await expectPrinted(4);
    });
  });
}
