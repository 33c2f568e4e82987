/**
 * A host that dies (issue 17 §5 "a test replays a send that crashed after the platform accepted it"): run by
 * outbox-crash.test.ts in its own process. It saves one record, prints `saved <id>`, and with `afterAccept`
 * sends it to the test's platform over HTTP and kills itself with SIGKILL the moment the platform's reply
 * arrives, before the outbox can delete the record; with `afterPut` it dies right after saving.
 * Usage: tsx test-crash-child.ts <dataDir> <keyFile> <platformUrl> <afterPut|afterAccept>
 */
import { ManualClock } from '../../../common/manual-clock';
import { openOutbox } from './open-outbox';

const [dataDir, keyFile, platformUrl, phase] = process.argv.slice(2) as [string, string, string, string];
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const box = openOutbox({ dataDir, keyFile, mode: 'production', clock: new ManualClock() });
const id = box.put('application', 'kiosk-01-crash-0001', box.citizenHmac('52010219900101123X'), { name: '张三丰', idNumber: '52010219900101123X' });
process.stdout.write(`saved ${id}\n`, () => {
  if (phase === 'afterPut') die();
  box.register('application', async (payload, key) => {
    const res = await fetch(platformUrl, { method: 'POST', headers: { 'idempotency-key': key, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    await res.text();
    return die();
  });
  box.start();
});
