/// <reference types="vite/client" />
import type { KioskApi } from '../../common/kiosk-api';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge, ARCHITECTURE.md §8.10); absent in the browser shell. */
    readonly kiosk?: KioskApi;
  }
}
