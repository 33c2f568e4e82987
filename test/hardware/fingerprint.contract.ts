/**
 * The fingerprintReader contract (ARCHITECTURE.md §5 "contract suites"): what every optical module of the
 * R305/R307/AS608 family must do through the driver (protocols.md §3). Run on the simulator always
 * (fingerprint-sim.test.ts), and on a real module when KIOSK_HW_FINGERPRINTREADER names one
 * (fingerprint-hw.test.ts), where the technician lays a finger when asked and lifts it.
 *
 * A template is personal data (ARCHITECTURE.md §8.7): its bytes are never printed, only its length, and every
 * capture is wiped before its test ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvents } from '../../drivers/devices/fingerprint-types';
import type { ZfmFingerprintReader } from '../../drivers/devices/zfm/zfm-fingerprint-reader';

export interface FingerprintContractRig {
  /** Opened (VfyPwd and ReadSysPara done at open), not enabled. */
  reader: ZfmFingerprintReader;
  /** Prompts of a capture: the simulator lays a finger at onPlaceFinger; on hardware the technician is asked to. */
  events: CaptureEvents;
  /** Has the finger lifted: the simulator lifts it; on hardware the technician is asked to. */
  liftFinger(what: string): Promise<void>;
  /** How long a finger may take to come, or to go: a person needs time, the simulator none. */
  fingerTimeoutMs: number;
  dispose(): Promise<void>;
}

export function describeFingerprintContract(name: string, makeRig: () => Promise<FingerprintContractRig>): void {
  describe(`fingerprintReader contract: ${name}`, () => {
    let rig: FingerprintContractRig;

    beforeAll(async () => {
      rig = await makeRig();
    }, 60_000);
    afterAll(async () => {
      await rig?.dispose();
    });

    it('is online once opened: VfyPwd and ReadSysPara answered (§3.2), the library counted', async () => {
      expect(rig.reader.status.device).toBe('online');
      const facts = await rig.reader.checkModule();
      expect(facts.storedTemplates).toBeGreaterThanOrEqual(0);
      const health = await rig.reader.healthCheck('external');
      expect(health).toMatchObject({ ok: true });
      expect(health.findings).toContain('password verified, system parameters read (§3.2)');
    });

    it('captures a laid finger: a template of the model row’s length (§3.4), not blank; wipe() zeroes it', async () => {
      const capture = await rig.reader.captureTemplate({ timeoutMs: rig.fingerTimeoutMs, events: rig.events });
      expect(capture.template.length, 'template bytes').toBe(rig.reader.modelInfo.templateBytes);
      expect(rig.reader.templateBytes).toBe(rig.reader.modelInfo.templateBytes);
      expect(capture.template.some((b) => b !== 0), 'the template carries data').toBe(true);
      expect(capture.quality.presses).toBe(1);
      capture.wipe();
      expect(capture.wiped).toBe(true);
      expect(capture.template.every((b) => b === 0)).toBe(true);
    }, 180_000);

    it('sees the finger lifted (GenImg answers 02 "no finger", §3.3) while enabled', async () => {
      await rig.reader.enable();
      await rig.liftFinger('lift your finger off the sensor');
      await expect.poll(() => rig.reader.status.fingerprint?.fingerPresent, { timeout: rig.fingerTimeoutMs, interval: 100 }).toBe(false);
      await rig.reader.disable();
    }, 180_000);

    it('passes its internal health check and is still online', async () => {
      expect(await rig.reader.healthCheck('internal')).toMatchObject({ ok: true });
      expect(rig.reader.status.device).toBe('online');
    });
  });
}
