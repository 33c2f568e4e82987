/**
 * The fingerprintReader contract on a real module (ARCHITECTURE.md §5), run only when
 * KIOSK_HW_FINGERPRINTREADER names one (reader-hw-targets.ts). The technician lays a finger when the terminal
 * asks and lifts it; no template byte is printed (§8.7). Otherwise it is skipped, and says so loudly.
 */
import { describe, it } from 'vitest';
import { ZfmFingerprintReader } from '../../drivers/devices/zfm/zfm-fingerprint-reader';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { describeFingerprintContract } from './fingerprint.contract';
import { FINGERPRINT_VARIABLE, fingerprintHwTarget } from './reader-hw-targets';

const target = fingerprintHwTarget();
const say = (line: string): void => void process.stderr.write(`\n*** fingerprintReader contract: ${line}\n`);

if (!target || target.link.kind !== 'serial') {
  process.stderr.write(
    `\n*** SKIPPED hardware contract "fingerprintReader": ${FINGERPRINT_VARIABLE} is not set. To run it on a real R305/R307/AS608-family module (you lay a finger once), set\n` +
      `***   ${FINGERPRINT_VARIABLE}=/dev/ttyUSB1[@57600]   (a serial port; the user needs the dialout group)\n` +
      `***   ${FINGERPRINT_VARIABLE}_MODEL=<a module-models.ts id, e.g. r503> (default generic-zfm)\n\n`,
  );
  describe('fingerprintReader contract on hardware', () => {
    it.skip(`SKIPPED: set ${FINGERPRINT_VARIABLE} to run it on a real module`, () => undefined);
  });
} else {
  const { path, baudRate } = target.link;
  describeFingerprintContract(`hardware serial ${path}@${baudRate} (${target.model})`, async () => {
    const transport = new SerialTransport({ path, baudRate, flowControl: 'none' });
    const reader = new ZfmFingerprintReader({ id: 'hw-fingerprint', model: target.model, transport, clock: new AdjustableClock() });
    await reader.open();
    return {
      reader,
      events: {
        onPlaceFinger: () => say('lay a finger flat on the sensor now (60 s)'),
        onFingerDetected: () => say('finger seen: hold still'),
        onLiftFinger: () => say('lift the finger'),
      },
      async liftFinger(what) {
        say(`${what} now (60 s)`);
      },
      fingerTimeoutMs: 60_000,
      dispose: () => reader.close(),
    };
  });
}
