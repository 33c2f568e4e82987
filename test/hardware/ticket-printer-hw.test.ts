/**
 * The ticketPrinter contract on a real printer (ARCHITECTURE.md §5), run only when KIOSK_HW_TICKETPRINTER
 * names one (hw-target.ts; README "Hardware contract suites"). Otherwise it is skipped, and says so loudly.
 */
import { describe, it } from 'vitest';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { hwTarget, hwVariable, transportFor } from './hw-target';
import { describeTicketPrinterContract } from './ticket-printer.contract';

const target = hwTarget('ticketPrinter');

if (!target) {
  process.stderr.write(
    `\n*** SKIPPED hardware contract "ticketPrinter": ${hwVariable('ticketPrinter')} is not set. To run it on a real printer (it prints 4 tickets), set\n` +
      `***   ${hwVariable('ticketPrinter')}=usblp:/dev/usb/lp0 | serial:/dev/ttyUSB0@9600[/rtscts] | tcp:10.0.0.5:9100\n` +
      `***   ${hwVariable('ticketPrinter')}_MODEL=<a models.ts id, e.g. epson-tm-t88> (default generic-escpos-80)\n\n`,
  );
  describe('ticketPrinter contract on hardware', () => {
    it.skip(`SKIPPED: set ${hwVariable('ticketPrinter')} to run it on a real printer`, () => undefined);
  });
} else {
  describeTicketPrinterContract(`hardware ${target.transport.kind} (${target.model})`, async () => {
    const transport = transportFor(target.transport);
    const printer = new EscPosPrinter({ id: 'hw-ticket-printer', roles: ['ticketPrinter'], model: target.model, transport, clock: new AdjustableClock() });
    await printer.open();
    await printer.enable();
    return { printer, transport, dispose: () => printer.close() };
  });
}
