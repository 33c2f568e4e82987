import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VARIABLE, fingerprintHwTarget, ID_CARD_READER_VARIABLE, idCardReaderHwTarget, parseFingerprintLink, parseIdCardReaderLink } from './reader-hw-targets';

describe('KIOSK_HW_IDCARDREADER, KIOSK_HW_FINGERPRINTREADER', () => {
  it('are named after the roles', () => {
    expect(ID_CARD_READER_VARIABLE).toBe('KIOSK_HW_IDCARDREADER');
    expect(FINGERPRINT_VARIABLE).toBe('KIOSK_HW_FINGERPRINTREADER');
  });

  it.each([
    ['/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, flowControl: 'none' }],
    ['/dev/ttyS1@9600', { kind: 'serial', path: '/dev/ttyS1', baudRate: 9600, flowControl: 'none' }],
    ['serial:/dev/ttyUSB0@115200', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, flowControl: 'none' }],
    ['usb:0400:c35a', { kind: 'usb', vendorId: 0x0400, productId: 0xc35a }],
  ])('reads the reader %s', (spec, link) => {
    expect(parseIdCardReaderLink(spec)).toEqual(link);
  });

  it.each(['ttyUSB0', 'usb:400:c35a', 'tcp:10.0.0.5:9100', 'COM3'])('refuses the reader %s, showing the accepted forms', (spec) => {
    expect(() => parseIdCardReaderLink(spec)).toThrow(/names no ID-card reader; write \/dev\/ttyUSB0/);
  });

  it('takes a fingerprint module on serial only, 57600 by default (§3.1)', () => {
    expect(parseFingerprintLink('/dev/ttyUSB1')).toEqual({ kind: 'serial', path: '/dev/ttyUSB1', baudRate: 57600, flowControl: 'none' });
    expect(() => parseFingerprintLink('usb:0400:c35a')).toThrow(/names no fingerprint module/);
  });

  it('is absent when unset or empty; the model comes from _MODEL, else the link’s default', () => {
    expect(idCardReaderHwTarget({})).toBeNull();
    expect(idCardReaderHwTarget({ KIOSK_HW_IDCARDREADER: '' })).toBeNull();
    expect(idCardReaderHwTarget({ KIOSK_HW_IDCARDREADER: '/dev/ttyUSB0' })?.model).toBe('generic-ga467');
    expect(idCardReaderHwTarget({ KIOSK_HW_IDCARDREADER: 'usb:0400:c35a' })?.model).toBe('openidr200-usb');
    expect(idCardReaderHwTarget({ KIOSK_HW_IDCARDREADER: '/dev/ttyUSB0', KIOSK_HW_IDCARDREADER_MODEL: 'yinansoft-a905' })?.model).toBe('yinansoft-a905');
    expect(fingerprintHwTarget({})).toBeNull();
    expect(fingerprintHwTarget({ KIOSK_HW_FINGERPRINTREADER: '/dev/ttyUSB1', KIOSK_HW_FINGERPRINTREADER_MODEL: 'r503' })?.model).toBe('r503');
  });
});
