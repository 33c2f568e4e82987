/**
 * The fingerprintReader contract run on the simulator, so the suite itself is proven to pass before anyone
 * trusts it on hardware: every model of module-models.ts over the memory pair, on real time with the
 * simulator's instant timing.
 */
import { INSTANT_TIMING } from '../../devices-sim/zfm/module-timing';
import { SimZfmFingerprint } from '../../devices-sim/zfm/sim-zfm-fingerprint';
import { ZfmFingerprintReader } from '../../drivers/devices/zfm/zfm-fingerprint-reader';
import { ZFM_MODULE_MODELS } from '../../drivers/protocol/zfm/module-models';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { describeFingerprintContract } from './fingerprint.contract';

for (const model of Object.keys(ZFM_MODULE_MODELS)) {
  describeFingerprintContract(`simulator over the memory pair (${model})`, async () => {
    const clock = new AdjustableClock();
    const pair = createMemoryPair('fingerprint');
    const sim = new SimZfmFingerprint({ id: 'fingerprint', model, transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING, templateBytes: ZFM_MODULE_MODELS[model]!.templateBytes });
    await sim.start();
    const reader = new ZfmFingerprintReader({ id: 'fingerprint', model, transport: pair.host, clock, idlePollMs: 50 });
    await reader.open();
    return {
      reader,
      events: { onPlaceFinger: () => sim.placeFinger({ quality: 'good', matches: true }) },
      async liftFinger() {
        sim.liftFinger();
      },
      fingerTimeoutMs: 5000,
      async dispose() {
        await reader.close();
        await sim.stop();
      },
    };
  });
}
