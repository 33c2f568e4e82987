import { describe, expect, it } from 'vitest';
import { parseScannerTarget, SCANNER_VARIABLE, scannerHwTarget } from './barcode-scanner-hw-target';

describe('KIOSK_HW_BARCODESCANNER', () => {
  it('is named after the role', () => {
    expect(SCANNER_VARIABLE).toBe('KIOSK_HW_BARCODESCANNER');
  });

  it.each([
    ['/dev/hidraw3', { path: '/dev/hidraw3' }],
    ['hid:/dev/hidraw0', { path: '/dev/hidraw0' }],
    ['0c2e:0b8f', { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c }],
    ['hid:1EAB:8203', { vendorId: 0x1eab, productId: 0x8203, usagePage: 0x8c }],
  ])('reads %s', (spec, target) => {
    expect(parseScannerTarget(spec)).toEqual(target);
  });

  it.each(['hidraw3', 'c2e:b8f', 'usb:0c2e:0b8f', '0c2e:0b8f:8c', 'COM3'])('refuses %s, showing the accepted forms', (spec) => {
    expect(() => parseScannerTarget(spec)).toThrow(/names no scanner; write \/dev\/hidraw3/);
  });

  it('is absent when unset or empty, and takes the model from KIOSK_HW_BARCODESCANNER_MODEL', () => {
    expect(scannerHwTarget({})).toBeNull();
    expect(scannerHwTarget({ KIOSK_HW_BARCODESCANNER: '' })).toBeNull();
    expect(scannerHwTarget({ KIOSK_HW_BARCODESCANNER: '/dev/hidraw3' })).toEqual({ target: { path: '/dev/hidraw3' }, model: 'generic-hidpos' });
    expect(scannerHwTarget({ KIOSK_HW_BARCODESCANNER: '0c2e:0b8f', KIOSK_HW_BARCODESCANNER_MODEL: 'honeywell-hidpos' })?.model).toBe('honeywell-hidpos');
  });
});
