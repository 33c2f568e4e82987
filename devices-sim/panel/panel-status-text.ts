/**
 * A device's live status as the control panel writes it (issue 15 item 4: "listing every simulated device
 * with its live status"): the common device state and each status block (ARCHITECTURE.md §8.2, §8.14;
 * common/device.ts) in short words, Chinese first. A field the block leaves out is not reported.
 */
import type { DeviceState, DeviceStatus, PaperLevel } from '../../common/device';

const STATE: Readonly<Record<DeviceState, string>> = {
  starting: '启动中 starting',
  online: '正常 online',
  offline: '脱机 offline',
  noDevice: '未连接 not connected',
  hardwareError: '硬件故障 hardware error',
  userError: '需要处理 needs attention',
  busy: '忙 busy',
  fraudAttempt: '异常操作 fraud attempt',
};

const PAPER: Readonly<Record<PaperLevel, string>> = {
  full: '纸充足 paper full',
  low: '纸将尽 paper low',
  out: '缺纸 paper out',
  jammed: '卡纸 paper jam',
};

const yesNo = (value: boolean | undefined, yes: string, no: string): string | undefined => (value === undefined ? undefined : value ? yes : no);
/** Said only while it is so (a cutter that works is not worth a word). */
const onlyIf = (value: boolean | undefined, yes: string): string | undefined => (value === true ? yes : undefined);

/** "正常 online · 纸充足 paper full · 机盖合上 cover closed …" */
export function statusText(status: DeviceStatus): string {
  const parts: (string | undefined)[] = [STATE[status.device] ?? status.device];
  const p = status.printer;
  if (p) {
    parts.push(
      p.paper === undefined ? undefined : PAPER[p.paper],
      yesNo(p.coverOpen, '机盖打开 cover open', '机盖合上 cover closed'),
      onlyIf(p.cutterError, '切刀故障 cutter error'),
      onlyIf(p.headOverheat, '打印头过热 head hot'),
      yesNo(p.mediaPresented, '出票口有票 ticket in the mouth', '出票口无票 mouth empty'),
    );
  }
  const c = status.cardReader;
  if (c) parts.push(yesNo(c.cardPresent, '有卡 card present', '无卡 no card'), c.sam === undefined ? undefined : c.sam === 'ok' ? 'SAM 正常 SAM OK' : 'SAM 故障 SAM error');
  const f = status.fingerprint;
  if (f) parts.push(yesNo(f.fingerPresent, '有手指 finger on it', '无手指 no finger'));
  const s = status.scanner;
  if (s) parts.push(yesNo(s.scanning, '扫码开启 scanning', '扫码关闭 not scanning'));
  const cam = status.camera;
  if (cam) parts.push(yesNo(cam.streaming, '正在采集 streaming', '未采集 not streaming'), yesNo(cam.documentPresent, '有文件 document present', '无文件 no document'));
  return parts.filter((x): x is string => typeof x === 'string' && x.length > 0).join(' · ');
}
