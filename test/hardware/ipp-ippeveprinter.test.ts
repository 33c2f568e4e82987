/**
 * The IPP client and the simulator against IPP software we did not write (issue 17 §1, §9; protocols.md §4):
 * IppDocumentPrinter prints to Debian's `ippeveprinter` (cups-ipp-utils, the CUPS project's IPP Everywhere
 * reference printer), reads its attributes and finds its job by name; and `ipptool`, CUPS's conformance
 * client, runs its stock tests (/usr/share/cups/ipptool) against SimIppPrinter. Real time (external
 * processes), free ports, a temporary folder, waits on conditions. ippeveprinter's Avahi client needs a
 * system D-Bus even with `-r off`; a private dbus-daemon stands in for it, so no daemon of the machine is used.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimIppPrinter } from '../../devices-sim/ipp/sim-ipp-printer';
import { samplePdf } from '../../devices-sim/ipp/sample-pdf';
import { IppDocumentPrinter } from '../../drivers/devices/ipp/ipp-document-printer';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';

const IPPEVEPRINTER = '/usr/sbin/ippeveprinter';
const IPPTOOL = '/usr/bin/ipptool';
const TESTS = '/usr/share/cups/ipptool';
const HAVE_TOOLS = existsSync(IPPEVEPRINTER) && existsSync(IPPTOOL) && existsSync('/usr/bin/dbus-daemon');
if (!HAVE_TOOLS) process.stderr.write('SKIPPED IPP interoperability tests: ippeveprinter, ipptool (Debian cups-ipp-utils) or dbus-daemon missing\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ipptool(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(IPPTOOL, args, { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) || 1 : 0, out: `${stdout}${stderr}` }));
  });
}

describe.skipIf(!HAVE_TOOLS)('IPP against software we did not write', () => {
  let dir: string;
  let pdfFile: string;
  const children: ChildProcess[] = [];
  let everyUrl: string;
  let pdf: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallkiosk-ipp-'));
    pdf = await samplePdf([['hallkiosk interoperability test', 'certificate page 1'], ['certificate page 2']], 'Helvetica');
    pdfFile = join(dir, 'job.pdf');
    writeFileSync(pdfFile, pdf);
    const bus = `unix:path=${join(dir, 'bus')}`;
    const dbus = spawn('/usr/bin/dbus-daemon', ['--session', `--address=${bus}`, '--nofork', '--nopidfile'], { stdio: 'ignore' });
    children.push(dbus);
    await until('the private D-Bus', async () => (existsSync(join(dir, 'bus')) ? true : undefined), 5000);
    const port = await freePort();
    const eve = spawn(IPPEVEPRINTER, ['-p', String(port), '-r', 'off', '-f', 'application/pdf', '-d', dir, '-s', '60', '-M', 'hallkiosk', '-m', 'Interop', 'hallkiosk test'], {
      stdio: 'ignore',
      env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: bus },
      cwd: dir,
    });
    children.push(eve);
    everyUrl = `ipp://127.0.0.1:${port}/ipp/print`;
    // Answering IPP, not merely listening: a Get-Printer-Attributes comes back.
    await until('ippeveprinter to answer', async () => ((await ipptool([everyUrl, `${TESTS}/get-printer-attributes.test`])).code === 0 ? true : undefined), 20_000);
  }, 40_000);

  afterAll(() => {
    for (const c of children.reverse()) c.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('IppDocumentPrinter prints a PDF to ippeveprinter and sees completed; reads its attributes; findJob finds the job', async () => {
    const clock = new AdjustableClock();
    const printer = new IppDocumentPrinter({ id: 'document-printer', clock, endpoint: () => everyUrl, pollIntervalMs: 200, jobPollMs: 100, requestTimeoutMs: 5000 });
    await printer.open();
    await printer.enable();
    try {
      expect(printer.status.device).toBe('online');
      expect(printer.printerAttributes).toMatchObject({ state: 3, acceptingJobs: true, makeAndModel: 'hallkiosk Interop' });
      expect(printer.printerAttributes!.documentFormats).toContain('application/pdf');
      const accepted: number[] = [];
      const result = await printer.print({ jobName: 'issuance-interop-1', pdf, pages: 2 }, { timeoutMs: 60_000, events: { onAccepted: (id) => accepted.push(id) } });
      expect(result).toEqual({ outcome: 'completed', jobId: accepted[0] });
      expect(await printer.findJob('issuance-interop-1')).toMatchObject({ jobId: accepted[0], state: 'completed' });
      expect(await printer.findJob('issuance-never')).toBeUndefined();
      expect(await printer.healthCheck('external')).toMatchObject({ ok: true });
      expect(printer.statistics()).toMatchObject({ jobs: 1, pagesPrinted: 2 });
    } finally {
      await printer.close();
    }
  }, 90_000);

  it('ipptool runs its stock tests against SimIppPrinter and every one passes', async () => {
    const clock = new AdjustableClock();
    const sim = new SimIppPrinter({ id: 'document-printer', clock, pageMs: 0 });
    await sim.start();
    try {
      const attrs = await ipptool(['-tv', sim.url, `${TESTS}/get-printer-attributes.test`]);
      expect(attrs.out).toMatch(/\[PASS\]/);
      expect(attrs.code, attrs.out).toBe(0);
      const jobs = await ipptool(['-t', '-f', pdfFile, sim.url, `${TESTS}/validate-job.test`, `${TESTS}/print-job.test`, `${TESTS}/create-job.test`, `${TESTS}/get-jobs.test`, `${TESTS}/get-completed-jobs.test`]);
      expect(jobs.code, jobs.out).toBe(0);
      expect(jobs.out).not.toMatch(/\[FAIL\]/);
      expect(sim.printed().map((d) => d.jobState)).toEqual(['completed', 'completed']);
      expect(sim.printed()[0]!.text).toContain('hallkiosk interoperability test');
    } finally {
      await sim.stop();
    }
  }, 60_000);
});
