/**
 * Frame log describer of HID POS bar code scanners (drivers/protocol/hidpos): a HID link moves whole reports,
 * so each report is one frame. Input reports go through the driver's report decoder, set up from the model's
 * layout (scanner-models.ts), which joins a long label's reports as the driver does; a label may be personal
 * data (ARCHITECTURE.md §8.7), so the data area of every report is masked and a scan is said only by its
 * symbology and length, never its text.
 */
import { HidPosReportDecoder } from '../../../drivers/protocol/hidpos/report-decoder';
import { hidPosScannerModel, type HidPosScannerModel } from '../../../drivers/protocol/hidpos/scanner-models';
import { MASKED, frameHex, hex2, type DescribedFrame, type FrameDescriber } from './frame-describer';

export class HidPosDescriber implements FrameDescriber {
  private readonly decoder: HidPosReportDecoder;

  constructor(private readonly model: HidPosScannerModel) {
    this.decoder = new HidPosReportDecoder(model);
  }

  /** A describer for a model id; an id the table does not know is read as the generic scanner. */
  static forModel(id: string): HidPosDescriber {
    let model: HidPosScannerModel;
    try {
      model = hidPosScannerModel(id);
    } catch {
      model = hidPosScannerModel('generic-hidpos');
    }
    return new HidPosDescriber(model);
  }

  tx(report: Uint8Array): DescribedFrame[] {
    return [{ hex: frameHex(report), meaning: `HID POS 输出报告 / output report id ${hex2(report[0] ?? 0)}, ${report.length} B` }];
  }

  rx(report: Uint8Array): DescribedFrame[] {
    const { layout } = this.model;
    const personal = report[0] === layout.reportId ? [{ start: layout.dataAt, end: Math.min(report.length, layout.dataAt + layout.dataCapacity) }] : [];
    const hex = frameHex(report, personal);
    const dataBytes = report[0] === layout.reportId ? (report[layout.lengthAt] ?? 0) : 0;
    const event = this.decoder.push(report);
    if (event === null) return [{ hex, meaning: `HID POS 扫码报告 (续传) / scan report, continued: ${dataBytes} B ${MASKED}` }];
    switch (event.kind) {
      case 'ignored':
        return [{ hex, meaning: `HID POS 其他报告 / other report id ${hex2(event.reportId)}` }];
      case 'problem':
        return [{ hex, meaning: `HID POS 扫码失败 / scan problem (${event.reason}): ${event.message}` }];
      case 'scan':
        return [{
          hex,
          meaning: `HID POS 扫码完成 / scan: ${event.symbology}, ${Array.from(event.text).length} 字符 / chars, ${event.reports} 个报告 / report(s), ${event.charset} ${MASKED}`,
        }];
    }
  }
}
