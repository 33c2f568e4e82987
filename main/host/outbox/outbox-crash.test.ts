/**
 * Exactly once across a crash (issue 17 §5; ARCHITECTURE.md §8.3): a send that died between "the platform
 * accepted" and "the record was deleted" is sent again with the same idempotency key, and a platform that
 * de-duplicates by key counts one acceptance. Shown twice: with the store closed under a send in this
 * process, and with a host process killed by SIGKILL (test-crash-child.ts).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from './outbox';
import { deriveOutboxKeys, readOutboxKey } from './outbox-key';
import { OUTBOX_DB_FILES, OutboxStore } from './outbox-store';
import type { OutboxAcknowledged, SendOutcome } from './outbox-types';
import { FakePlatform, type OutboxRig, makeRig } from './test-outbox-rig';

const ID = '52010219900101123X';
let rig: OutboxRig;
afterEach(() => rig.dispose());

/** An outbox whose store the test holds, so it can pull the store away mid-send as a crash would. */
async function crashableOutbox(sender: (store: OutboxStore) => (payload: unknown, key: string) => Promise<SendOutcome>): Promise<{ box: Outbox; store: OutboxStore }> {
  await rig.open().close(); // makes the key and the database as a first start would
  const store = OutboxStore.open(join(rig.dataDir, OUTBOX_DB_FILES.production));
  const box = new Outbox({ store, keys: deriveOutboxKeys(readOutboxKey(rig.keyFile)!), clock: rig.clock, random: () => 0 });
  box.register('application', sender(store));
  return { box, store };
}

async function resendOnRestart(platform: FakePlatform): Promise<OutboxAcknowledged[]> {
  const box = rig.open();
  const acked: OutboxAcknowledged[] = [];
  box.onAcknowledged((a) => acked.push(a));
  box.register('application', platform.send);
  box.start();
  await box.sendNow();
  expect(box.records()).toEqual([]);
  await box.close();
  return acked;
}

describe('exactly once across a crash', () => {
  it('resends with the same key after the store was closed between acceptance and deletion', async () => {
    rig = makeRig();
    const platform = new FakePlatform();
    let firstReply: unknown;
    const { box } = await crashableOutbox((store) => async (payload, key) => {
      platform.calls.push(key);
      firstReply = platform.accept(payload, key);
      store.close(); // the crash: the platform has it, the record is still on disk
      return { outcome: 'acknowledged', reply: firstReply };
    });
    box.start();
    const id = box.put('application', 'kiosk-01-app-1001', box.citizenHmac(ID), { name: '张三丰', idNumber: ID });
    await box.whenIdle();
    expect(platform.acceptances).toBe(1);

    const acked = await resendOnRestart(platform);
    expect(platform.calls).toEqual(['kiosk-01-app-1001', 'kiosk-01-app-1001']);
    expect(platform.acceptances).toBe(1);
    expect(acked).toMatchObject([{ id, idempotencyKey: 'kiosk-01-app-1001', reply: firstReply }]);
  });

  it('resends with the same key when the host died with the send still waiting for its reply', async () => {
    rig = makeRig();
    const platform = new FakePlatform();
    const { box } = await crashableOutbox((store) => (payload, key) => {
      platform.calls.push(key);
      platform.accept(payload, key);
      store.close();
      return new Promise<SendOutcome>(() => undefined); // the process is gone: no reply, ever
    });
    box.start();
    box.put('application', 'kiosk-01-app-1002', box.citizenHmac(ID), { form: 1 });
    await expect.poll(() => platform.acceptances).toBe(1);
    await resendOnRestart(platform);
    expect(platform.calls).toEqual(['kiosk-01-app-1002', 'kiosk-01-app-1002']);
    expect(platform.acceptances).toBe(1);
  });

  describe('with a host process killed by SIGKILL', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    async function platformServer(platform: FakePlatform): Promise<string> {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          const key = String(req.headers['idempotency-key']);
          platform.calls.push(key);
          res.end(JSON.stringify(platform.accept(JSON.parse(body), key)));
        });
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/applications`;
    }

    function runChild(url: string, phase: 'afterPut' | 'afterAccept'): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'test-crash-child.ts'), rig.dataDir, rig.keyFile, url, phase], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ stdout, signal }) : reject(new Error(`child exited ${code}: ${stderr}`))));
      });
    }

    it('keeps a record saved just before the kill', async () => {
      rig = makeRig();
      const platform = new FakePlatform();
      const url = await platformServer(platform);
      const { stdout } = await runChild(url, 'afterPut');
      const id = /^saved (\S+)$/m.exec(stdout)![1];
      expect(platform.acceptances).toBe(0);
      const acked = await resendOnRestart(platform);
      expect(acked).toMatchObject([{ id, idempotencyKey: 'kiosk-01-crash-0001' }]);
      expect(platform.acceptances).toBe(1);
    });

    it('counts one acceptance when the host died after the platform accepted', async () => {
      rig = makeRig();
      const platform = new FakePlatform();
      const url = await platformServer(platform);
      await runChild(url, 'afterAccept');
      expect(platform.calls).toEqual(['kiosk-01-crash-0001']);
      const acked = await resendOnRestart(platform);
      expect(platform.calls).toEqual(['kiosk-01-crash-0001', 'kiosk-01-crash-0001']);
      expect(platform.acceptances).toBe(1);
      expect(acked).toMatchObject([{ reply: { acceptanceNo: 'SL000001' } }]);
    });
  });
});
