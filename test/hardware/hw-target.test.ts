import { describe, expect, it } from 'vitest';
import { hwTarget, hwVariable, parseHwTransport } from './hw-target';

describe('KIOSK_HW_<ROLE>', () => {
  it('is named after the role', () => {
    expect(hwVariable('ticketPrinter')).toBe('KIOSK_HW_TICKETPRINTER');
  });

  it.each([
    ['usblp:/dev/usb/lp0', { kind: 'usblp', path: '/dev/usb/lp0' }],
    ['serial:/dev/ttyUSB0@9600', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, flowControl: 'none' }],
    ['serial:/dev/ttyS1@115200/rtscts', { kind: 'serial', path: '/dev/ttyS1', baudRate: 115200, flowControl: 'rtscts' }],
    ['tcp:10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
  ])('reads %s', (spec, transport) => {
    expect(parseHwTransport(spec)).toEqual(transport);
  });

  it.each(['lp0', 'usblp:dev/usb/lp0', 'serial:/dev/ttyUSB0', 'serial:/dev/ttyUSB0@9600/cts', 'tcp:10.0.0.5', 'tcp:10.0.0.5:70000', 'COM3'])('refuses %s, showing the accepted forms', (spec) => {
    expect(() => parseHwTransport(spec)).toThrow(/names no device|flow control/);
  });

  it('is absent when the variable is unset or empty, and takes the model from KIOSK_HW_<ROLE>_MODEL', () => {
    expect(hwTarget('ticketPrinter', {})).toBeNull();
    expect(hwTarget('ticketPrinter', { KIOSK_HW_TICKETPRINTER: '' })).toBeNull();
    expect(hwTarget('ticketPrinter', { KIOSK_HW_TICKETPRINTER: 'usblp:/dev/usb/lp0' })).toEqual({ role: 'ticketPrinter', transport: { kind: 'usblp', path: '/dev/usb/lp0' }, model: 'generic-escpos-80' });
    expect(hwTarget('ticketPrinter', { KIOSK_HW_TICKETPRINTER: 'tcp:10.0.0.5:9100', KIOSK_HW_TICKETPRINTER_MODEL: 'epson-tm-t88' })?.model).toBe('epson-tm-t88');
  });
});
