/**
 * The links to real devices, from the configuration's transport (docs/configuration.md): the same for every
 * driver; which kinds a driver accepts is its entry's `transports` (driver-configs.ts), checked when the
 * configuration is loaded. A `usb` link is a GA 467 reader's vendor-bulk endpoints (protocols.md §1.8), laid
 * out as its model row's `usbEndpoints` says; ga467-config.ts refuses a model without a plan first.
 */
import type { TransportConfig } from '../../common/device';
import { HEADER_LENGTH, LEN_OFFSET } from '../../drivers/protocol/ga467/constants';
import { ga467ReaderModel } from '../../drivers/protocol/ga467/reader-models';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { TcpTransport } from '../../drivers/transport/tcp-transport';
import type { Transport } from '../../drivers/transport/transport';
import { UsbBulkTransport } from '../../drivers/transport/usb-bulk-transport';
import { UsblpTransport } from '../../drivers/transport/usblp-transport';

/** What a link may need to know of the device: the `usb` link, its model's endpoint plan. */
export interface RealTransportFacts {
  model?: string;
}

/** A GA 467 reader over USB vendor-bulk, split or whole frames as its model row says (§1.1 head: 7 bytes, Len at 5). */
function ga467Usb(id: string, t: Extract<TransportConfig, { kind: 'usb' }>, model: string | undefined): Transport {
  if (model === undefined) throw new Error(`devices.${id}: a usb transport needs the reader's model (its endpoint plan, protocols.md §1.8)`);
  const plan = ga467ReaderModel(model).usbEndpoints;
  if (plan === null) throw new Error(`devices.${id}: model ${model} has no USB endpoint plan (protocols.md §1.8); use serial or a model with one`);
  return new UsbBulkTransport({ vendorId: t.vendorId, productId: t.productId, plan, frameHead: { headBytes: HEADER_LENGTH, lengthOffset: LEN_OFFSET } });
}

export function openRealTransport(id: string, t: Exclude<TransportConfig, { kind: 'sim' | 'uvc' | 'ipp' | 'http' }>, facts: RealTransportFacts = {}): Transport {
  switch (t.kind) {
    case 'serial':
      return new SerialTransport({ path: t.path, baudRate: t.baudRate, flowControl: t.flowControl ?? 'none' });
    case 'tcp':
      return new TcpTransport({ host: t.host, port: t.port });
    case 'usblp':
      return new UsblpTransport({ path: t.path });
    case 'usb':
      // Only the ga467 driver lists usb (driver-configs.ts).
      return ga467Usb(id, t, facts.model);
    case 'hid':
      // No byte driver lists hid (the scanner's reports go through hidpos-transport.ts); the configuration check refuses it first.
      throw new Error(`devices.${id}: hid transports carry reports, not bytes`);
  }
}
