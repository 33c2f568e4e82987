import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKGROUND_COLOR, kioskWindowOptions } from './window-options';

const bounds = { x: 1920, y: 0, width: 1080, height: 1920 };
const preloadPath = '/opt/hallkiosk/resources/app.asar/dist/main/preload.cjs';

describe('kioskWindowOptions', () => {
  it('makes a frameless full-screen kiosk window on the given display, hidden until ready', () => {
    const options = kioskWindowOptions({ production: true, preloadPath, bounds });
    expect(options).toMatchObject({
      x: 1920,
      y: 0,
      width: 1080,
      height: 1920,
      fullscreen: true,
      kiosk: true,
      frame: false,
      autoHideMenuBar: true,
      show: false,
      backgroundColor: DEFAULT_BACKGROUND_COLOR,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
    });
  });

  it('locks the renderer down: isolated, sandboxed, no Node, no webviews, web security on', () => {
    const prefs = kioskWindowOptions({ production: true, preloadPath, bounds }).webPreferences;
    expect(prefs).toMatchObject({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('keeps the same lock-down in development, with devtools and a closable window', () => {
    const dev = kioskWindowOptions({ production: false, preloadPath, bounds });
    const prod = kioskWindowOptions({ production: true, preloadPath, bounds });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.closable).toBe(true);
    expect(prod.closable).toBe(false);
    const { devTools: _d, ...devRest } = dev.webPreferences ?? {};
    const { devTools: _p, ...prodRest } = prod.webPreferences ?? {};
    expect(devRest).toEqual(prodRest);
  });

  it('takes the background colour of the page when given', () => {
    expect(kioskWindowOptions({ production: true, preloadPath, bounds, backgroundColor: '#0b3d91' }).backgroundColor).toBe('#0b3d91');
  });
});
