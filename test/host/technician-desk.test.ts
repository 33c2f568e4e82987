/**
 * Issue 15 §3 on a composed host: maintenance mode takes a device from every citizen flow until released (by
 * hand, or when the technician's session ends); the raw console works only inside it and is audited; a raw
 * command the printer never answers ends in words, not a hang; the device editor refuses where there is no
 * file or the device is simulated; the diagnostic bundle, exported after a citizen's card was read with
 * device traces on, holds none of their personal data in any encoding, and no PIN hash.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequestOf, ApiResultOf } from '../../common/kiosk-api';
import { composeKiosk, type Kiosk } from '../../main/composition';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { loadConfig } from '../../main/host/config/load-config';
import { LogRing } from '../../main/host/logging/log-ring';
import { createLogger } from '../../main/host/logging/logger';
import { DEMO_ACCOUNT_ID, DEMO_PIN, DEMO_PIN_HASH } from '../../main/host/staff/demo-account';
import { madeUpCitizen } from '../support/made-up-citizen';
import { describeFindings, PersonalDataSearch } from '../support/personal-data-search';
import { MONDAY_10AM } from './kiosk-rig';

const running: Array<{ kiosk: Kiosk; dir: string }> = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.kiosk.stop().catch(() => undefined);
    rmSync(r.dir, { recursive: true, force: true });
  }
});

/** A training host from a configuration file of its own (so the editor has a file), logging at trace into a ring. */
async function startTechnicianHost(options: { withFile: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-tech-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, DEFAULT_CONFIG_JSON);
  const config = loadConfig({ env: options.withFile ? { KIOSK_CONFIG: file } : {} });
  const ring = new LogRing();
  const clock = new AdjustableClock();
  clock.set(MONDAY_10AM);
  const kiosk = composeKiosk({
    config,
    dataDir: dir,
    clock,
    log: createLogger({ level: 'trace', destination: ring }),
    simLineTimeMs: 1,
    ...(options.withFile && { configPath: file }),
    recentLogLines: () => ring.recent(),
  });
  await kiosk.start();
  running.push({ kiosk, dir });
  let id = 0;
  const call = async <C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> => {
    const reply = await kiosk.api.handle({ kind: 'request', id: ++id, channel, request }, { via: 'ipc', clientId: 'test' });
    if (!reply.ok) throw Object.assign(new Error(`${reply.error.code}: ${reply.error.detail ?? ''}`), { info: reply.error });
    return reply.result as ApiResultOf<C>;
  };
  const signIn = async (): Promise<void> => {
    await call('staff:open-pad', {});
    expect(await call('staff:sign-in', { accountId: DEMO_ACCOUNT_ID, pin: DEMO_PIN })).toMatchObject({ ok: true, session: { role: 'technician' } });
  };
  const availability = (service: string) => kiosk.api.snapshot().availability.find((a) => a.service === service);
  return { kiosk, call, signIn, availability, clock, dir, file, ring };
}

describe('maintenance mode and the raw console (issue 15 §3)', () => {
  it('a held device serves no citizen flow until released, by hand or when the technician walks away', async () => {
    const h = await startTechnicianHost({ withFile: false });
    await h.signIn();
    const held = await h.call('tech:maintenance', { deviceId: 'id-card-reader', on: true });
    expect(held.maintenance).toMatchObject({ by: DEMO_ACCOUNT_ID });
    expect(h.availability('identityTicket')).toMatchObject({ available: false, reason: 'maintenance' });
    expect(h.availability('takeTicket')).toMatchObject({ available: true });
    expect(h.kiosk.identity.begin('appointment', 'card')).toMatchObject({ step: 'refused', error: { code: 'noDevice' } });
    await h.call('tech:maintenance', { deviceId: 'id-card-reader', on: false });
    expect(h.availability('identityTicket')).toMatchObject({ available: true });

    await h.call('tech:maintenance', { deviceId: 'ticket-printer', on: true });
    expect(h.availability('takeTicket')).toMatchObject({ available: false, reason: 'maintenance' });
    h.clock.advance(121_000); // the technician walked away: signed out, the printer given back
    expect(h.kiosk.api.snapshot().staff.session).toBeNull();
    await expect.poll(() => h.availability('takeTicket')?.available).toBe(true);
    expect(await h.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'after' })).toMatchObject({ outcome: 'issued' });
  });

  it('refuses the raw console outside maintenance mode; inside it answers with the decoded reply, audited; a command never answered ends in words', async () => {
    const h = await startTechnicianHost({ withFile: false });
    await h.signIn();
    await expect(h.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 04 04' })).rejects.toMatchObject({ info: { code: 'badRequest' } });
    await h.call('tech:maintenance', { deviceId: 'ticket-printer', on: true });
    const reply = await h.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 04 04', waitMs: 1000 });
    expect(reply).toMatchObject({ outcome: 'replied', replyBytes: 1 });
    expect(reply.sent[0]!.meaning).toContain('DLE EOT 4');
    expect(reply.replies).toHaveLength(1);
    await expect(h.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 0G' })).rejects.toMatchObject({ info: { code: 'badRequest' } });
    h.kiosk.sims!.get('ticket-printer')!.setFaults({ noReply: true });
    const silent = await h.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 04 01', waitMs: 300 });
    expect(silent.outcome).toBe('noReply');
    expect(silent.message).toMatch(/300/u);
    const frames = await h.call('tech:frames', { deviceId: 'ticket-printer', afterSeq: 0 });
    expect(frames.some((f) => f.direction === 'tx' && f.hex.startsWith('10 04 04'))).toBe(true);
    const audit = await h.call('tech:audit', {});
    expect(audit).toMatchObject({ ok: true, problem: null });
    expect(h.kiosk.staff.audit.verify()).toMatchObject({ ok: true });
  });

  it('the device editor refuses where the kiosk runs the built-in default, and for a simulated device', async () => {
    const builtIn = await startTechnicianHost({ withFile: false });
    await builtIn.signIn();
    const [printer] = await builtIn.call('tech:devices', {});
    expect(printer).toMatchObject({ id: 'ticket-printer', driver: 'escpos', transport: { kind: 'sim', port: null }, editable: { ok: false } });
    await expect(builtIn.call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } })).rejects.toMatchObject({
      info: { code: 'badRequest', detail: expect.stringContaining('built-in default') },
    });
    const withFile = await startTechnicianHost({ withFile: true });
    await withFile.signIn();
    await expect(withFile.call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } })).rejects.toMatchObject({
      info: { code: 'badRequest', detail: expect.stringContaining('simulated device') },
    });
    await expect(withFile.call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: 'ttyUSB0', baudRate: 115200 } })).rejects.toMatchObject({ info: { code: 'badRequest' } });
    expect(readFileSync(withFile.file, 'utf8')).toBe(DEFAULT_CONFIG_JSON);
  });
});

describe('the diagnostic bundle (issue 15 §3)', () => {
  it('holds no ID number or name of a citizen whose card was read, in UTF-8, UTF-16LE, GB18030 or hex, and no PIN hash', async () => {
    const h = await startTechnicianHost({ withFile: false });
    const citizen = madeUpCitizen();
    expect(h.kiosk.identity.begin('appointment', 'card').step).toBe('placeCard');
    h.kiosk.sims!.get('id-card-reader')!.actions().card!.start!(citizen.card);
    await expect.poll(() => h.kiosk.identity.state().step, { timeout: 10_000 }).not.toBe('placeCard');
    const search = new PersonalDataSearch([
      { label: 'name', text: citizen.name },
      { label: 'ID number', text: citizen.idNumber },
    ]);
    // A positive control: the simulator's own card holds the citizen, so the search can find them.
    expect(search.text('card', JSON.stringify(citizen.card)).length).toBeGreaterThan(0);
    expect(h.ring.recent().length).toBeGreaterThan(10); // device traces went to the log the bundle carries

    await h.signIn();
    const bundle = await h.call('tech:export-bundle', {});
    expect(bundle.path.startsWith(join(h.dir, 'exports'))).toBe(true);
    const bytes = readFileSync(bundle.path);
    expect(bytes.length).toBe(bundle.bytes);
    const findings = search.bytes('bundle', bytes);
    expect(findings, describeFindings(findings)).toEqual([]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain(DEMO_PIN_HASH);
    expect(text).not.toMatch(/scrypt\$/u);
    // The head as it stood when the bundle was made: the sign-in; the export's own record follows it.
    expect(JSON.parse(text)).toMatchObject({ auditHead: { id: 1 } });
    expect(h.kiosk.staff.audit.head()).toMatchObject({ id: 2 });
  });
});
