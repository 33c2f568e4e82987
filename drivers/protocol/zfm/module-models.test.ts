import { describe, expect, it } from 'vitest';
import { BAUD_UNIT, DATA_PACKET_SIZES } from './constants';
import { ZFM_MODULE_MODELS, zfmModuleModel } from './module-models';

describe('fingerprint module model table (protocols.md §3.1, §3.4)', () => {
  it('every row runs at a §3.1 rate (57600 by default), with a §3.1 packet size and positive timings', () => {
    for (const [id, row] of Object.entries(ZFM_MODULE_MODELS)) {
      expect(row.id).toBe(id);
      expect(row.defaultBaud).toBe(57600);
      expect(row.defaultBaud % BAUD_UNIT).toBe(0);
      expect(DATA_PACKET_SIZES).toContain(row.packetBytes);
      expect([256, 512]).toContain(row.templateBytes); // §3.4 [!] F1 / F2
      for (const ms of [row.commandTimeoutMs, row.imageTimeoutMs, row.searchTimeoutMs, row.fingerPollMs, row.idlePollMs]) expect(ms).toBeGreaterThan(0);
    }
  });

  it('knows generic-zfm and r503, and refuses an unknown id with the known ones', () => {
    expect(zfmModuleModel('generic-zfm').templateBytes).toBe(512);
    expect(zfmModuleModel('r503').id).toBe('r503');
    expect(() => zfmModuleModel('constructor')).toThrow(/generic-zfm, r503/);
  });
});
