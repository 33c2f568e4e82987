/**
 * Golden IPP messages. GET_PRINTER_ATTRIBUTES_IPPTOOL is what CUPS 2.4.2's ipptool (Debian cups-ipp-utils)
 * sent on the wire for a Get-Printer-Attributes with charset utf-8, language zh-cn, printer-uri
 * ipp://127.0.0.1:42891/ipp/print and requested-attributes printer-state,printer-state-reasons (captured
 * here once; the layout is protocols.md §4.1's). The others are built by hand from §4.1 and RFC 8010 §3,
 * apart from ipp-encoder.ts, so a shared bug of encoder and decoder cannot hide.
 */
export { hex } from '../escpos/fixtures';
import { hex } from '../escpos/fixtures';

export const GET_PRINTER_ATTRIBUTES_IPPTOOL = hex(
  [
    '02 00', // version 2.0
    '00 0b', // Get-Printer-Attributes
    '00 00 00 01', // request-id 1
    '01', // operation-attributes-tag
    '47 00 12', '61 74 74 72 69 62 75 74 65 73 2d 63 68 61 72 73 65 74', '00 05', '75 74 66 2d 38',
    '48 00 1b', '61 74 74 72 69 62 75 74 65 73 2d 6e 61 74 75 72 61 6c 2d 6c 61 6e 67 75 61 67 65', '00 05', '7a 68 2d 63 6e',
    '45 00 0b', '70 72 69 6e 74 65 72 2d 75 72 69', '00 1f', '69 70 70 3a 2f 2f 31 32 37 2e 30 2e 30 2e 31 3a 34 32 38 39 31 2f 69 70 70 2f 70 72 69 6e 74',
    '44 00 14', '72 65 71 75 65 73 74 65 64 2d 61 74 74 72 69 62 75 74 65 73', '00 0d', '70 72 69 6e 74 65 72 2d 73 74 61 74 65',
    // the second value of requested-attributes: name-length 0
    '44 00 00', '00 15', '70 72 69 6e 74 65 72 2d 73 74 61 74 65 2d 72 65 61 73 6f 6e 73',
    '03', // end-of-attributes-tag
  ].join(' '),
);

/**
 * A Get-Printer-Attributes response by hand: successful-ok, request-id 7; operation group (charset, language);
 * printer group: printer-state 5 (enum), printer-state-reasons media-empty-error + media-needed (an additional
 * value), printer-is-accepting-jobs false, media-col-default a collection { media-size-name "iso_a4_210x297mm" },
 * then end tag and two bytes of trailing data.
 */
export const PRINTER_ATTRIBUTES_RESPONSE = hex(
  [
    '02 00', '00 00', '00 00 00 07',
    '01',
    '47 00 12', '61 74 74 72 69 62 75 74 65 73 2d 63 68 61 72 73 65 74', '00 05', '75 74 66 2d 38',
    '48 00 1b', '61 74 74 72 69 62 75 74 65 73 2d 6e 61 74 75 72 61 6c 2d 6c 61 6e 67 75 61 67 65', '00 02', '65 6e',
    '04',
    '23 00 0d', '70 72 69 6e 74 65 72 2d 73 74 61 74 65', '00 04', '00 00 00 05',
    '44 00 15', '70 72 69 6e 74 65 72 2d 73 74 61 74 65 2d 72 65 61 73 6f 6e 73', '00 11', '6d 65 64 69 61 2d 65 6d 70 74 79 2d 65 72 72 6f 72',
    '44 00 00', '00 0c', '6d 65 64 69 61 2d 6e 65 65 64 65 64',
    '22 00 19', '70 72 69 6e 74 65 72 2d 69 73 2d 61 63 63 65 70 74 69 6e 67 2d 6a 6f 62 73', '00 01', '00',
    '34 00 11', '6d 65 64 69 61 2d 63 6f 6c 2d 64 65 66 61 75 6c 74', '00 00',
    '4a 00 00', '00 0f', '6d 65 64 69 61 2d 73 69 7a 65 2d 6e 61 6d 65',
    '44 00 00', '00 10', '69 73 6f 5f 61 34 5f 32 31 30 78 32 39 37 6d 6d',
    '37 00 00', '00 00',
    '03',
    'ca fe',
  ].join(' '),
);
