/**
 * What a scanner that "types garbage" sends (scanner-faults.ts `garbage`): input reports with the right report
 * id, so the driver cannot pass them over, whose content breaks the layout's rules (scanner-models.ts) — a
 * length byte past the data capacity, or data bytes that are no UTF-8 or GB18030 text — seeded, so a test
 * sees the same garbage on every run.
 */
import type { HidPosReportLayout } from '../../drivers/protocol/hidpos/scanner-models';
import type { SeededRandom } from '../seeded-random';

export function garbageReports(layout: HidPosReportLayout, random: SeededRandom, count: number): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const report = Uint8Array.from({ length: layout.reportLength }, () => random.int(0, 255));
    report[0] = layout.reportId;
    report[layout.continuedAt] = 0;
    if (i % 2 === 0) {
      report[layout.lengthAt] = random.int(layout.dataCapacity + 1, 255);
    } else {
      // 0xFF is a lead byte in neither UTF-8 nor GB18030: the label is no text whatever the rest holds.
      report[layout.lengthAt] = random.int(2, layout.dataCapacity);
      report[layout.dataAt] = 0xff;
    }
    reports.push(report);
  }
  return reports;
}
