/**
 * Why a USB device would not open, in words a technician can act on (libusb_error values, usb-binding.ts):
 * no access is a udev rule for the kiosk user; busy is another program (or a kernel driver libusb could not
 * detach) holding the interface; gone is an unplug while opening.
 */
import { errnoOf, LIBUSB } from './usb-binding';
import { TransportError } from './transport';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function usbOpenError(description: string, err: unknown): TransportError {
  const [, vid = '', pid = ''] = /^usb:([0-9a-f]{4}):([0-9a-f]{4})/u.exec(description) ?? [];
  switch (errnoOf(err)) {
    case LIBUSB.ACCESS:
      return new TransportError(
        `${description}: access denied (${message(err)}); give the kiosk user the device with a udev rule, e.g. /etc/udev/rules.d/70-hallkiosk.rules: SUBSYSTEM=="usb", ATTR{idVendor}=="${vid}", ATTR{idProduct}=="${pid}", GROUP="plugdev", MODE="0660" (then udevadm control --reload and replug)`,
        'busy',
      );
    case LIBUSB.BUSY:
      return new TransportError(`${description}: the interface is held by another program or a kernel driver (${message(err)}); close the other program`, 'busy');
    case LIBUSB.NO_DEVICE:
    case LIBUSB.NOT_FOUND:
      return new TransportError(`${description}: the device went away while opening (${message(err)})`, 'notFound');
    default:
      return new TransportError(`${description}: cannot open (${message(err)})`, 'io');
  }
}
