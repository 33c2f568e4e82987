/**
 * The one KioskApi the app uses (ARCHITECTURE.md §1): Electron's preload bridge when it is there, otherwise
 * the browser shell's WebSocket. The app never learns which. Either way, pushed events reach the app only
 * after their shape is checked (push-validate.ts).
 */
import type { KioskApi, KioskMode } from '../../../common/kiosk-api';
import { withCheckedPushes } from './push-validate';
import { apiSocketUrl, createWsKioskApi, fragmentParam, type ApiLog } from './ws-kiosk-api';

export class NoKioskApiError extends Error {
  constructor() {
    super('no Electron bridge and no #token=… in the page address: cannot reach the kiosk host');
    this.name = 'NoKioskApiError';
  }
}

export interface ConnectEnvironment {
  kiosk?: KioskApi;
  location: Pick<Location, 'protocol' | 'host' | 'hash'>;
}

export function connectKioskApi(env: ConnectEnvironment = window, log?: ApiLog): KioskApi {
  if (typeof env.kiosk === 'object' && env.kiosk !== null) return withCheckedPushes(env.kiosk, log);
  const url = apiSocketUrl(env.location);
  if (url === null) throw new NoKioskApiError();
  return log ? createWsKioskApi({ url, log }) : createWsKioskApi({ url });
}

/**
 * The mode a shell may state in the page address (`#token=…&mode=training`), so the 演示模式 banner can show
 * before the host's first snapshot says it (§8.5). A hint only: the snapshot's `mode` always wins, and
 * without a hint the banner waits for the snapshot rather than claim a mode nobody stated.
 */
export function modeHint(location: Pick<Location, 'hash'>): KioskMode | null {
  const mode = fragmentParam(location.hash, 'mode');
  return mode === 'training' || mode === 'production' ? mode : null;
}
