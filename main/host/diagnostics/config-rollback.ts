/**
 * A device configuration change that undoes itself when the device does not come back (issue 15 §3 "a
 * roll-back if the device does not come up"): save (device-config-editor.ts `apply`) → restart the device on
 * the new entry → wait, on the injected clock, for it to answer → if it does not within `waitMs`, put the
 * backup back and restart the device on the old entry. Every step is injected; the result says what happened
 * in plain words, for the technician (zh-CN / English).
 */
import type { Clock } from '../../../common/clock';
import { bilingual, type DiagnosticsError } from './diagnostics-error';

export interface RollbackSteps {
  deviceId: string;
  clock: Clock;
  /** Saves the change; resolves with the backup it made (DeviceConfigEditor.apply). */
  save(): Promise<{ backupPath: string }>;
  /** Closes the device and opens it again on the entry now in the file (`new`), or the restored one (`old`). */
  restart(which: 'new' | 'old'): Promise<void>;
  /** True once the device answers (its status `online`, say). */
  cameBack(): boolean | Promise<boolean>;
  /** Puts the backup back (DeviceConfigEditor.rollback). */
  restore(backupPath: string): Promise<void>;
  /** How long the device has to come back, ms. */
  waitMs: number;
  /** How often `cameBack` is asked while waiting (default 250 ms). */
  pollMs?: number;
}

export type RollbackResult =
  | { outcome: 'applied'; backupPath: string; message: string }
  /** Nothing was saved: the editor refused (invalid, not writable, port test failed …). */
  | { outcome: 'notSaved'; message: string; error: DiagnosticsError | Error }
  /** The device did not come back; the old configuration is in place again (`oldCameBack`: and it answers). */
  | { outcome: 'rolledBack'; backupPath: string; oldCameBack: boolean; message: string }
  /** The device did not come back and the backup could not be put back: the technician must copy it by hand. */
  | { outcome: 'rollbackFailed'; backupPath: string; message: string };

/** Resolves true as soon as `cameBack` says so, false once `waitMs` has passed on the clock. */
export async function waitUntilBack(clock: Clock, cameBack: () => boolean | Promise<boolean>, waitMs: number, pollMs = 250): Promise<boolean> {
  const asked = async (): Promise<boolean> => {
    try {
      return await cameBack();
    } catch {
      return false;
    }
  };
  const deadline = clock.elapsedMs() + waitMs;
  for (;;) {
    if (await asked()) return true;
    const left = deadline - clock.elapsedMs();
    if (left <= 0) return false;
    await new Promise<void>((resolve) => clock.setTimer(Math.min(pollMs, left), resolve));
  }
}

export async function applyWithRollback(steps: RollbackSteps): Promise<RollbackResult> {
  const { deviceId, clock, waitMs } = steps;
  let backupPath: string;
  try {
    ({ backupPath } = await steps.save());
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    return { outcome: 'notSaved', error, message: error.message };
  }
  const restarted = await steps.restart('new').then(() => true, () => false);
  if (restarted && (await waitUntilBack(clock, steps.cameBack, waitMs, steps.pollMs))) {
    return { outcome: 'applied', backupPath, message: bilingual(`新配置已生效,${deviceId} 已恢复在线`, `the new configuration is in effect and ${deviceId} is back online`) };
  }
  const s = Math.round(waitMs / 1000);
  try {
    await steps.restore(backupPath);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      outcome: 'rollbackFailed',
      backupPath,
      message: bilingual(
        `${deviceId} 在 ${s} 秒内未恢复在线,且无法还原原配置(${why}):请把备份 ${backupPath} 手工复制回配置文件后重启本机`,
        `${deviceId} did not come back within ${s} s and the old configuration could not be restored (${why}): copy the backup ${backupPath} back over the configuration file by hand and restart the kiosk`,
      ),
    };
  }
  const oldRestarted = await steps.restart('old').then(() => true, () => false);
  const oldCameBack = oldRestarted && (await waitUntilBack(clock, steps.cameBack, waitMs, steps.pollMs));
  const tail = oldCameBack
    ? bilingual('设备已按原配置恢复在线', 'the device is back online on the old configuration')
    : bilingual('按原配置设备也未恢复在线:请检查设备电源和接线', 'it did not come back on the old configuration either: check its power and cabling');
  return {
    outcome: 'rolledBack',
    backupPath,
    oldCameBack,
    message: `${bilingual(`${deviceId} 在 ${s} 秒内未恢复在线,已还原原配置`, `${deviceId} did not come back within ${s} s: the old configuration was restored`)}; ${tail}`,
  };
}
