/**
 * The one KioskApi the app uses (ARCHITECTURE.md §1): Electron's preload bridge when it is there, otherwise
 * the browser shell's WebSocket. The app never learns which.
 */
import type { KioskApi } from '../../../common/kiosk-api';
import { apiSocketUrl, createWsKioskApi, type ApiLog } from './ws-kiosk-api';

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
  if (typeof env.kiosk === 'object' && env.kiosk !== null) return env.kiosk;
  const url = apiSocketUrl(env.location);
  if (url === null) throw new NoKioskApiError();
  return log ? createWsKioskApi({ url, log }) : createWsKioskApi({ url });
}
