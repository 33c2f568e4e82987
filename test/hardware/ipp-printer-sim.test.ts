/**
 * IppDocumentPrinter against SimIppPrinter over loopback HTTP (issue 17 §1, §9; protocols.md §4): every
 * fault the simulator has, each seen as a status delta and as the print outcome the host journals. Real
 * time (the HTTP exchanges are real I/O) with short poll intervals, waits on conditions, port 0.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/device';
import { SimIppPrinter } from '../../devices-sim/ipp/sim-ipp-printer';
import { samplePdf } from '../../devices-sim/ipp/sample-pdf';
import { SimFaultError } from '../../devices-sim/sim-device';
import { IppDocumentPrinter } from '../../drivers/devices/ipp/ipp-document-printer';
import { exchangeIpp } from '../../drivers/devices/ipp/ipp-exchange';
import { ippEndpoint } from '../../drivers/devices/ipp/ipp-url';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { STATUS } from '../../drivers/protocol/ipp/constants';
import { getJobAttributesRequest, printJobRequest } from '../../drivers/protocol/ipp/ipp-requests';
import { responseStatus } from '../../drivers/protocol/ipp/ipp-responses';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';

let threePages: Uint8Array;
let onePage: Uint8Array;

beforeAll(async () => {
  threePages = await samplePdf([['个人参保证明', '姓名：李四'], ['第 2 页 共 3 页'], ['第 3 页 共 3 页']]);
  onePage = await samplePdf([['deposit certificate, one page']], 'Helvetica');
}, 30_000);

const open: Array<{ sim: SimIppPrinter; printers: IppDocumentPrinter[] }> = [];
afterEach(async () => {
  for (const { sim, printers } of open.splice(0)) {
    for (const p of printers) await p.close();
    await sim.stop();
  }
});

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function rig(simOptions: Partial<ConstructorParameters<typeof SimIppPrinter>[0]> = {}, driverOptions: Partial<ConstructorParameters<typeof IppDocumentPrinter>[0]> = {}) {
  const clock = new AdjustableClock();
  const sim = new SimIppPrinter({ id: 'document-printer', clock, pageMs: 0, ...simOptions });
  await sim.start();
  const statistics = new MemoryStatisticsStore();
  const entry = { sim, printers: [] as IppDocumentPrinter[] };
  open.push(entry);
  const newPrinter = async (): Promise<IppDocumentPrinter> => {
    const p = new IppDocumentPrinter({ id: 'document-printer', clock, endpoint: () => sim.url, statistics, pollIntervalMs: 20, jobPollMs: 10, requestTimeoutMs: 500, ...driverOptions });
    entry.printers.push(p);
    await p.open();
    await p.enable();
    return p;
  };
  const printer = await newPrinter();
  return { clock, sim, printer, newPrinter, statistics };
}

const job = (jobName: string, pdf: Uint8Array, pages: number) => ({ jobName, pdf, pages });

describe('IppDocumentPrinter ↔ SimIppPrinter over loopback', () => {
  it('prints a 3-page CJK certificate: accepted, progress, completed; the sim stored the PDF and its text', async () => {
    const { sim, printer } = await rig({ pageMs: 30 });
    const accepted: number[] = [];
    const progress: number[] = [];
    const result = await printer.print(job('issuance-0001', threePages, 3), { events: { onAccepted: (id) => accepted.push(id), onProgress: (n) => progress.push(n) } });
    expect(result).toEqual({ outcome: 'completed', jobId: accepted[0] });
    expect(progress.at(-1)).toBe(3);
    const [doc] = sim.printed();
    expect(doc).toMatchObject({ seq: 1, jobName: 'issuance-0001', pages: 3, jobState: 'completed' });
    expect(doc!.text.split('\f')[0]).toContain('姓名：李四');
    expect(Buffer.from(doc!.pdfBase64, 'base64').equals(Buffer.from(threePages))).toBe(true);
    expect(printer.statistics()).toMatchObject({ jobs: 1, pagesPrinted: 3 });
    // The document lies in the tray until a citizen takes it (output-area-almost-full-report).
    await until('outputOccupied', () => printer.status.printer?.outputOccupied === true);
    sim.actions().take!.start!(undefined);
    await until('tray empty', () => printer.status.printer?.outputOccupied === false);
    expect(() => sim.actions().take!.start!(undefined)).toThrow(/empty/);
  });

  it('paper low: reported, and still prints; paper runs out by the sheet count, then notPrinted', async () => {
    const { sim, printer } = await rig({ tray: { capacity: 10, lowMark: 3 } });
    sim.setFaults({ sheets: 4 });
    expect(await printer.print(job('a', threePages, 3))).toMatchObject({ outcome: 'completed' });
    await until('paper low', () => printer.status.printer?.paper === 'low');
    // One sheet left: a 3-page job starts, runs out after its first sheet, and is aborted.
    const second = await printer.print(job('b', threePages, 3));
    expect(second).toMatchObject({ outcome: 'incomplete', pagesCompleted: 1, error: { code: 'paperOut', actor: 'staff' } });
    await until('paper out', () => printer.status.printer?.paper === 'out' && printer.status.device === 'userError');
    const third = await printer.print(job('c', onePage, 1));
    expect(third).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperOut' } });
    expect(third.outcome === 'notPrinted' && third.error.detail).toMatch(/缺纸.*out of paper/);
    expect(sim.engine.all.map((j) => j.name)).toEqual(['a', 'b']); // nothing was sent for c
    sim.setFaults({ paper: 'full' });
    await until('paper full', () => printer.status.printer?.paper === 'full' && printer.status.device === 'online');
  });

  it('a jam on page 2 of 3: incomplete with pagesCompleted 1, the sheet counted, paperJam for staff', async () => {
    const { sim, printer } = await rig({ pageMs: 5 });
    sim.setFaults({ paper: 'jammed', afterPages: 1 });
    const result = await printer.print(job('issuance-jam', threePages, 3));
    expect(result).toMatchObject({ outcome: 'incomplete', pagesCompleted: 1, error: { code: 'paperJam', actor: 'staff' } });
    expect(sim.printed()[0]).toMatchObject({ jobName: 'issuance-jam', pages: 1, jobState: 'aborted' });
    await until('jammed', () => printer.status.printer?.paper === 'jammed');
    expect(await printer.print(job('next', onePage, 1))).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperJam' } });
    expect(printer.statistics()).toMatchObject({ jobsFailed: 1, pagesPrinted: 1, jobsNotPrinted: 1 });
  });

  it('offline, cover open, toner: status deltas, and the job refused up front where they stop it', async () => {
    const { sim, printer } = await rig();
    const deltas: unknown[] = [];
    printer.onStatusChanged((d) => deltas.push(d));
    sim.setFaults({ offline: true });
    await until('offline', () => printer.status.device === 'offline');
    expect(await printer.print(job('off', onePage, 1))).toMatchObject({ outcome: 'notPrinted', error: { code: 'offline' } });
    sim.setFaults({ offline: false, coverOpen: true });
    await until('cover open', () => printer.status.printer?.coverOpen === true && printer.status.device === 'userError');
    expect(await printer.print(job('cover', onePage, 1))).toMatchObject({ outcome: 'notPrinted', error: { code: 'coverOpen' } });
    sim.setFaults({ coverOpen: false, toner: 'low' });
    await until('toner low', () => printer.status.printer?.toner === 'low' && printer.status.device === 'online');
    expect(await printer.print(job('toner-low', onePage, 1))).toMatchObject({ outcome: 'completed' });
    sim.setFaults({ toner: 'empty' });
    await until('toner empty', () => printer.status.printer?.toner === 'empty');
    expect(deltas).toContainEqual({ device: 'offline' });
    expect(deltas).toContainEqual({ device: 'online', printer: { coverOpen: false, toner: 'low' } });
    expect(deltas).toContainEqual({ device: 'userError', printer: { toner: 'empty' } });
  });

  it('unplugged → noDevice, replugged → online again; a job while unplugged is notPrinted', async () => {
    const { sim, printer } = await rig();
    sim.setFaults({ unplugged: true });
    await until('noDevice', () => printer.status.device === 'noDevice');
    expect(await printer.print(job('gone', onePage, 1))).toMatchObject({ outcome: 'notPrinted', error: { code: 'noDevice' } });
    sim.setFaults({ unplugged: false });
    await until('online again', () => printer.status.device === 'online');
    expect(await printer.print(job('back', onePage, 1))).toMatchObject({ outcome: 'completed' });
  });

  it('noReply → offline and silent after two unanswered rounds; unknown for a job the printer took, then settled', async () => {
    const { sim, printer } = await rig({ pageMs: 50 }, { requestTimeoutMs: 100 });
    const printing = printer.print(job('silent', threePages, 3), { timeoutMs: 1500 });
    await until('accepted', () => sim.engine.all.length === 1 && sim.engine.all[0]!.pdf !== undefined);
    sim.setFaults({ noReply: true });
    await until('offline', () => printer.status.device === 'offline' && printer.silent === true);
    const result = await printing;
    expect(result).toMatchObject({ outcome: 'unknown', jobId: 1 });
    sim.setFaults({ noReply: false });
    await until('online', () => printer.status.device === 'online' && printer.silent === false);
    expect(await printer.findJob('silent')).toEqual({ jobId: 1, state: 'completed', pagesCompleted: 3 });
  });

  it('findJob after a host restart: a new instance finds the newest job of that name; a forgotten job is undefined', async () => {
    const { sim, printer, newPrinter } = await rig();
    await printer.print(job('issuance-77', onePage, 1));
    sim.setFaults({ paper: 'jammed', afterPages: 1 });
    await printer.print(job('issuance-78', threePages, 3));
    sim.setFaults({ paper: 'full' });
    const second = await printer.print(job('issuance-77', threePages, 3)); // a deliberate reprint: same name, newer
    await printer.close();
    const restarted = await newPrinter();
    expect(await restarted.findJob('issuance-77')).toEqual({ jobId: second.outcome === 'completed' ? second.jobId : -1, state: 'completed', pagesCompleted: 3 });
    expect(await restarted.findJob('issuance-78')).toEqual({ jobId: 2, state: 'aborted', pagesCompleted: 1 });
    expect(await restarted.findJob('never-printed')).toBeUndefined();
    sim.actions()['forget-jobs']!.start!(undefined);
    expect(await restarted.findJob('issuance-77')).toBeUndefined();
    sim.setFaults({ unplugged: true });
    await expect(restarted.findJob('issuance-77')).rejects.toMatchObject({ code: 'noDevice' });
  });

  it('cancelJob mid-job: the job ends canceled, print() reports incomplete with the sheets so far', async () => {
    const { sim, printer } = await rig({ pageMs: 60 });
    let jobId = 0;
    const printing = printer.print(job('to-cancel', threePages, 3), { events: { onAccepted: (id) => (jobId = id) } });
    await until('first sheet', () => (sim.engine.all[0]?.impressions ?? 0) >= 1);
    await printer.cancelJob(jobId);
    expect(await printing).toMatchObject({ outcome: 'incomplete', jobId, error: { code: 'canceled' } });
    await expect(printer.cancelJob(jobId)).rejects.toMatchObject({ code: 'hardwareError' });
    await expect(printer.cancelJob(999)).rejects.toMatchObject({ code: 'invalidData' });
  });

  it('an abort of the caller cancels the job at the printer', async () => {
    const { sim, printer } = await rig({ pageMs: 60 });
    const controller = new AbortController();
    const printing = printer.print(job('abort-me', threePages, 3), { signal: controller.signal });
    await until('printing', () => (sim.engine.all[0]?.impressions ?? 0) >= 1);
    controller.abort();
    const result = await printing;
    expect(result.outcome).toBe('incomplete');
    expect(sim.engine.all[0]!.state).toBe(7);
  });

  it('speaks proper status codes: not-found, document-format-not-supported, not-accepting-jobs', async () => {
    const { sim } = await rig();
    const endpoint = ippEndpoint(sim.url);
    const clock = new AdjustableClock();
    const base = { printerUri: endpoint.printerUri, requestId: 5 };
    const ask = (m: Parameters<typeof exchangeIpp>[1]) => exchangeIpp(endpoint, m, { clock, timeoutMs: 1000 }).then((r) => r.code);
    expect(await ask(getJobAttributesRequest(base, 4242))).toBe(STATUS.clientErrorNotFound);
    expect(await ask(printJobRequest(base, { jobName: 'x', documentFormat: 'image/jpeg' }, new Uint8Array([0xff, 0xd8])))).toBe(STATUS.clientErrorDocumentFormatNotSupported);
    expect(await ask(printJobRequest(base, { jobName: 'x' }, new TextEncoder().encode('not a pdf')))).toBe(STATUS.clientErrorDocumentFormatNotSupported);
    sim.setFaults({ offline: true });
    const refused = await exchangeIpp(endpoint, printJobRequest(base, { jobName: 'x' }, onePage), { clock, timeoutMs: 1000 });
    expect(responseStatus(refused)).toMatchObject({ code: STATUS.serverErrorNotAcceptingJobs, name: 'server-error-not-accepting-jobs' });
  });

  it('health checks: internal reads the attributes, external validates, interactive prints a test page', async () => {
    const { sim, printer } = await rig();
    expect(await printer.healthCheck('internal')).toMatchObject({ ok: true });
    expect(await printer.healthCheck('external')).toMatchObject({ ok: true, findings: expect.arrayContaining(['Validate-Job successful-ok']) });
    expect(await printer.healthCheck('interactive')).toMatchObject({ ok: true });
    expect(sim.printed()[0]!.text).toContain('hallkiosk IPP test page');
    sim.setFaults({ offline: true });
    expect(await printer.healthCheck('external')).toMatchObject({ ok: false });
    expect(await printer.healthCheck('internal')).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('open() of a printer nobody answers for rejects noDevice; the sim refuses bad faults', async () => {
    const clock = new AdjustableClock();
    const sim = new SimIppPrinter({ id: 'document-printer', clock, pageMs: 0 });
    await sim.start();
    const url = sim.url;
    await sim.stop();
    const p = new IppDocumentPrinter({ id: 'document-printer', clock, endpoint: () => url, requestTimeoutMs: 500 });
    await expect(p.open()).rejects.toMatchObject({ code: 'noDevice' });
    expect((p.status as DeviceStatus).device).toBe('noDevice');
    for (const bad of [{}, { paper: 'wet' }, { afterPages: 2 }, { toner: 'half' }, { sheets: -1 }, { smoke: true }, [1]]) {
      expect(() => sim.setFaults(bad), JSON.stringify(bad)).toThrow(SimFaultError);
    }
  });
});
