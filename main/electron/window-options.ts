/**
 * The kiosk window (ARCHITECTURE.md §1, §2): full screen on the chosen display, no frame or menu, and a
 * renderer with no Node, no webviews, no way off the app's own origin (security.ts guards the rest).
 * A pure function so every option is asserted by a test.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface KioskWindowInput {
  /** Production locks the shell down: no devtools, no close button (security.ts blocks the keys). */
  production: boolean;
  /** Absolute path of the built preload (dist/main/preload.cjs). */
  preloadPath: string;
  /** Bounds of the display the kiosk runs on (screen.getPrimaryDisplay().bounds by default). */
  bounds: Rectangle;
  /** Painted before the first frame, so the screen never flashes white; the renderer's page background. */
  backgroundColor?: string;
}

export const DEFAULT_BACKGROUND_COLOR = '#ffffff';

export function kioskWindowOptions(input: KioskWindowInput): BrowserWindowConstructorOptions {
  const { production, preloadPath, bounds } = input;
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    title: 'hallkiosk',
    fullscreen: true,
    kiosk: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: input.backgroundColor ?? DEFAULT_BACKGROUND_COLOR,
    // Shown on 'ready-to-show', so a citizen never sees a half-painted page.
    show: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: !production,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !production,
      // The idle countdown and prompts keep their pace while an on-screen keyboard or a dialog covers us.
      backgroundThrottling: false,
      // Voice prompts ("请取走您的身份证") must play without a tap: the citizen may already be walking away.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
