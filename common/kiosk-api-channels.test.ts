import { describe, expect, it } from 'vitest';
import { API_CHANNELS, callDeadlineMs, isApiChannel, KIOSK_API_CHANNELS, parseApiRequest, validateRequest } from './kiosk-api-channels';

describe('the KioskApi channel table (ARCHITECTURE.md §8.16)', () => {
  it('lists every channel once, each named domain:verb', () => {
    expect(API_CHANNELS).toEqual(Object.keys(KIOSK_API_CHANNELS));
    for (const channel of API_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('knows only its own channels, never an inherited property', () => {
    for (const channel of API_CHANNELS) expect(isApiChannel(channel)).toBe(true);
    for (const other of ['toString', '__proto__', 'constructor', 'queue:take', '', 7, null]) expect(isApiChannel(other)).toBe(false);
  });

  it('gives every channel a deadline; taking a ticket may wait for a print, the rest are quick', () => {
    for (const channel of API_CHANNELS) expect(callDeadlineMs(channel)).toBeGreaterThan(0);
    expect(callDeadlineMs('queue:take-ticket')).toBe(60_000);
    expect(callDeadlineMs('kiosk:get-snapshot')).toBe(10_000);
  });

  it("checks each request body with its channel's validator, returning a clean copy", () => {
    expect(validateRequest('kiosk:get-snapshot', undefined)).toEqual({ ok: true, value: {} });
    expect(validateRequest('session:activity', { extra: 1 })).toEqual({ ok: false, detail: 'unexpected field "extra"' });
    expect(validateRequest('session:end', { reason: 'citizen' })).toEqual({ ok: true, value: { reason: 'citizen' } });
    expect(validateRequest('session:end', { reason: 'idle' })).toMatchObject({ ok: false });
    expect(validateRequest('queue:take-ticket', { businessId: 'a', requestId: 'r', priority: 1 })).toEqual({ ok: false, detail: 'unexpected field "priority"' });
    expect(validateRequest('queue:take-ticket', { businessId: '../x', requestId: 'r' })).toEqual({ ok: false, detail: 'businessId must be an id string' });
  });

  it('parses an envelope only with a known channel, a usable id and no other fields', () => {
    expect(parseApiRequest({ kind: 'request', id: 3, channel: 'session:end', request: { reason: 'done' } })).toEqual({
      ok: true,
      value: { kind: 'request', id: 3, channel: 'session:end', request: { reason: 'done' } },
    });
    expect(parseApiRequest({ kind: 'request', id: 3, channel: 'hasOwnProperty' })).toEqual({ ok: false, detail: 'unknown channel "hasOwnProperty"' });
    expect(parseApiRequest({ kind: 'request', id: -1, channel: 'session:end' })).toMatchObject({ ok: false });
    expect(parseApiRequest({ kind: 'request', id: 1, channel: 'session:end', via: 'x' })).toEqual({ ok: false, detail: 'unexpected field "via"' });
    expect(parseApiRequest([])).toMatchObject({ ok: false });
  });
});
