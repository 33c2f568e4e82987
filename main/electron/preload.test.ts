import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi, KioskEvent } from '../../common/kiosk-api';
import { contextBridge, ipcRenderer } from '../../test/electron/fake-electron';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron')).fakeElectron);

let kiosk: KioskApi;

beforeAll(async () => {
  contextBridge.exposed.clear();
  await import('./preload');
  kiosk = contextBridge.exposed.get('kiosk') as KioskApi;
});

beforeEach(() => {
  ipcRenderer.invocations.length = 0;
  ipcRenderer.removeAllListeners();
});

const snapshotReply = { kind: 'reply', id: 7, ok: true, result: { mode: 'training' } };

describe('preload', () => {
  it('exposes window.kiosk with exactly call and onEvent, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(kiosk).sort()).toEqual(['call', 'onEvent']);
    expect(typeof kiosk.call).toBe('function');
    expect(typeof kiosk.onEvent).toBe('function');
  });

  it('invokes a known channel and resolves with the result only', async () => {
    ipcRenderer.answer = () => Promise.resolve(snapshotReply);
    await expect(kiosk.call('kiosk:get-snapshot', {})).resolves.toEqual({ mode: 'training' });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'kiosk:get-snapshot', args: [{}] }]);
  });

  it('refuses an unknown channel without touching IPC', async () => {
    const call = kiosk.call as (channel: string, request: unknown) => Promise<unknown>;
    for (const channel of ['kiosk:event', 'shell:open-external', '__proto__', 'ELECTRON_BROWSER_REQUIRE']) {
      await expect(call(channel, {})).rejects.toMatchObject({ name: 'KioskApiError', info: { code: 'badRequest' } });
    }
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('rejects with the host error as a plain KioskApiError-shaped object', async () => {
    ipcRenderer.answer = () => Promise.resolve({ kind: 'reply', id: 1, ok: false, error: { code: 'paperOut', actor: 'staff', detail: 'roll empty' } });
    const error = await kiosk.call('queue:take-ticket', { businessId: 'A', requestId: 'r1' }).catch((e: unknown) => e);
    expect(error).toEqual({ name: 'KioskApiError', message: 'paperOut: roll empty', info: { code: 'paperOut', actor: 'staff', detail: 'roll empty' } });
    expect(error).not.toBeInstanceOf(Error);
  });

  it('turns an IPC failure or a malformed reply into an internal error', async () => {
    ipcRenderer.answer = () => Promise.reject(new Error("No handler registered for 'session:activity'"));
    await expect(kiosk.call('session:activity', {})).rejects.toMatchObject({ info: { code: 'internal', actor: 'technician' } });
    ipcRenderer.answer = () => Promise.resolve({ ok: true, result: 1 });
    await expect(kiosk.call('session:activity', {})).rejects.toMatchObject({ info: { code: 'internal' } });
  });

  it('a call the main process never answers rejects timeout at its channel’s deadline (a hung host)', async () => {
    vi.useFakeTimers();
    try {
      ipcRenderer.answer = () => new Promise(() => undefined);
      const pending = kiosk.call('kiosk:get-snapshot', {}).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await pending).toMatchObject({ name: 'KioskApiError', info: { code: 'timeout' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('delivers kiosk:event pushes to a listener until it unsubscribes', () => {
    const seen: KioskEvent[] = [];
    const unsubscribe = kiosk.onEvent((event) => seen.push(event));
    ipcRenderer.emit('kiosk:event', {}, { type: 'clock:changed', nowMs: 1 });
    ipcRenderer.emit('some:other', {}, { type: 'clock:changed', nowMs: 2 });
    unsubscribe();
    ipcRenderer.emit('kiosk:event', {}, { type: 'clock:changed', nowMs: 3 });
    expect(seen).toEqual([{ type: 'clock:changed', nowMs: 1 }]);
    expect(ipcRenderer.listenerCount('kiosk:event')).toBe(0);
  });
});
