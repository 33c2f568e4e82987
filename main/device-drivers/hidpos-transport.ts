/**
 * The HID POS scanner's real link, from the configuration's `hid` transport (docs/configuration.md): the
 * scanner's interface on usage page 0x8C (USB HID POS Usage Tables 1.02 §3), found by vendor/product id, or
 * by the hidraw path where the configuration gives one (two scanners of one model).
 */
import type { TransportConfig } from '../../common/device';
import { HIDPOS_USAGE_PAGE } from '../../drivers/protocol/hidpos/constants';
import { HidTransport } from '../../drivers/transport/hid-transport';
import type { ReportTransport } from '../../drivers/transport/report-transport';

export function openHidReportTransport(id: string, t: Exclude<TransportConfig, { kind: 'sim' }>): ReportTransport {
  if (t.kind !== 'hid') throw new Error(`devices.${id}: a HID POS scanner is connected by a hid transport, not ${t.kind}`);
  if (t.path) return new HidTransport({ target: { path: t.path } });
  return new HidTransport({ target: { vendorId: t.vendorId, productId: t.productId, usagePage: HIDPOS_USAGE_PAGE } });
}
