import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/errors';
import { KioskApiError, type KioskApi } from '../../../common/kiosk-api';
import { backoffDelayMs } from './backoff';
import { connectKioskApi, modeHint, NoKioskApiError } from './connect-kiosk-api';
import { toErrorInfo } from './error-info';
import { newRequestId } from './request-id';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

describe('newRequestId', () => {
  it('is a fresh id in the pattern the host accepts', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('strips characters outside the pattern and trims to 64', () => {
    const source = { randomUUID: () => `{${'ab.cd/'.repeat(20)}}`, getRandomValues: (a: Uint8Array<ArrayBuffer>) => a };
    const id = newRequestId(source);
    expect(id).toMatch(ID_PATTERN);
    expect(id).toBe('abcd'.repeat(16));
  });

  it('falls back to getRandomValues where randomUUID is missing', () => {
    const source = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => a.fill(0xab) };
    expect(newRequestId(source)).toBe('ab'.repeat(16));
  });
});

describe('backoffDelayMs', () => {
  const options = { initialMs: 500, maxMs: 15_000, factor: 2 };
  it('grows exponentially up to the cap, jittered between half and all of it', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelayMs(a, options, () => 1))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    expect(backoffDelayMs(3, options, () => 0)).toBe(2_000);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(3_000);
  });
});

describe('toErrorInfo', () => {
  it('keeps a KioskApiError, also when the bridge lost its class', () => {
    expect(toErrorInfo(new KioskApiError(errorInfo('paperOut')))).toEqual(errorInfo('paperOut'));
    expect(toErrorInfo({ info: { code: 'timeout', actor: 'software' } })).toEqual(errorInfo('timeout'));
    expect(toErrorInfo(new Error("Error invoking remote method 'queue:take-ticket': KioskApiError: offline: host restarting"))).toEqual(
      errorInfo('offline', 'host restarting'),
    );
  });

  it('anything else is internal', () => {
    expect(toErrorInfo(new Error('boom went the host')).code).toBe('internal');
    expect(toErrorInfo('weird').code).toBe('internal');
    expect(toErrorInfo({ info: { code: 'notACode' } }).code).toBe('internal');
  });
});

describe('connectKioskApi', () => {
  it("uses Electron's window.kiosk when the preload provided one, checking what it pushes", async () => {
    let push: (event: unknown) => void = () => {};
    const kiosk: KioskApi = {
      call: (channel) => Promise.resolve(`via bridge: ${channel}` as never),
      onEvent: (listener) => {
        push = listener as (event: unknown) => void;
        return () => {};
      },
    };
    const api = connectKioskApi({ kiosk, location: { protocol: 'file:', host: '', hash: '' } });
    await expect(api.call('kiosk:get-snapshot', {})).resolves.toBe('via bridge: kiosk:get-snapshot');
    const seen: unknown[] = [];
    api.onEvent((e) => seen.push(e));
    push({ type: 'session:changed', session: 'broken' });
    push({ type: 'clock:changed', nowMs: 1 });
    expect(seen).toEqual([{ type: 'clock:changed', nowMs: 1 }]);
  });

  it('reads a mode hint from the page fragment, and nothing else counts as one', () => {
    expect(modeHint({ hash: '#token=abc&mode=training' })).toBe('training');
    expect(modeHint({ hash: '#mode=production&token=abc' })).toBe('production');
    expect(modeHint({ hash: '#token=abc&mode=demo' })).toBeNull();
    expect(modeHint({ hash: '' })).toBeNull();
  });

  it('refuses to guess when there is neither a bridge nor a token', () => {
    expect(() => connectKioskApi({ location: { protocol: 'http:', host: '127.0.0.1:1', hash: '' } })).toThrow(NoKioskApiError);
  });
});
