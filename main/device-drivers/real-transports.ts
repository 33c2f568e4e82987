/**
 * The links to real devices, from the configuration's transport (docs/configuration.md): the same for every
 * driver; which kinds a driver accepts is its entry's `transports` (driver-configs.ts), checked when the
 * configuration is loaded.
 */
import type { TransportConfig } from '../../common/device';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { TcpTransport } from '../../drivers/transport/tcp-transport';
import type { Transport } from '../../drivers/transport/transport';
import { UsblpTransport } from '../../drivers/transport/usblp-transport';

export function openRealTransport(id: string, t: Exclude<TransportConfig, { kind: 'sim' | 'uvc' }>): Transport {
  switch (t.kind) {
    case 'serial':
      return new SerialTransport({ path: t.path, baudRate: t.baudRate, flowControl: t.flowControl ?? 'none' });
    case 'tcp':
      return new TcpTransport({ host: t.host, port: t.port });
    case 'usblp':
      return new UsblpTransport({ path: t.path });
    case 'hid':
    case 'usb':
      // No driver lists these yet (driver-configs.ts); the configuration check refuses them first.
      throw new Error(`devices.${id}: ${t.kind} transports have no implementation yet`);
  }
}
