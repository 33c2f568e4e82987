/**
 * The module check at open and after a fault (protocols.md §3.2, as F1 `begin()` and F2 do first): VfyPwd
 * with the configured password (`13`: the module holds another one, a technician must set one of the two),
 * then ReadSysPara for the module's own data-packet size and library capacity (§3.1, §3.4 "check them with
 * ReadSysPara"). A packet size outside §3.1's codes keeps the model's.
 */
import type { Logger } from '../../../common/logger';
import { CC_OK } from '../../protocol/zfm/confirmation-codes';
import * as C from '../../protocol/zfm/constants';
import type { ZfmModuleModel } from '../../protocol/zfm/module-models';
import { DeviceError } from '../device-error';
import { codeError, wireMs } from './capture-cycle';
import type { ZfmLink } from './zfm-link';

export interface ModuleFacts {
  packetBytes: number;
  capacity: number;
  baudRate: number;
}

export class PasswordRefused extends DeviceError {
  constructor(message: string) {
    super('hardwareError', message);
  }
}

export async function checkModule(
  link: Pick<ZfmLink, 'exchange'>,
  model: ZfmModuleModel,
  password: number,
  bytesPerSecond: number | undefined,
  log: Logger,
  signal: AbortSignal,
): Promise<ModuleFacts> {
  const timeoutMs = model.commandTimeoutMs + wireMs(64, bytesPerSecond);
  const verified = await link.exchange({ command: { op: 'vfyPwd', password }, what: 'verify password', timeoutMs, signal });
  if (verified.code !== CC_OK) {
    const e = codeError(verified, 'verify password');
    throw verified.code === 0x13 ? new PasswordRefused(e.message) : e;
  }
  const read = await link.exchange({ command: { op: 'readSysPara' }, what: 'read system parameters', timeoutMs, signal });
  if (read.code !== CC_OK) throw codeError(read, 'read system parameters');
  const sys = read.extra.sysPara;
  if (sys === undefined) throw new DeviceError('garbledReply', 'read system parameters: no parameters in the ack (§3.2)');
  let packetBytes: number = model.packetBytes;
  if (sys.packetBytes === undefined) log.warn('module reports an unknown data-packet size code; the model row is kept', { code: sys.packetSizeCode });
  else packetBytes = sys.packetBytes;
  return { packetBytes, capacity: sys.capacity > 0 ? sys.capacity : C.DEFAULT_SEARCH_COUNT, baudRate: sys.baudRate };
}
