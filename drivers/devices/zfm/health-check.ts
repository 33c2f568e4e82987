/**
 * The three health-check levels of a fingerprint module (ARCHITECTURE.md §3): internal (the link, the queue
 * and the model row, nothing sent), external (VfyPwd and ReadSysPara, protocols.md §3.2, and TempleteNum:
 * the kiosk never stores templates on the module, §8.7, so a non-empty library is reported) and interactive
 * (a test capture of the technician's finger, then a Search of the library with it; only the sizes and the
 * outcome are reported and the template is wiped).
 */
import { errorInfo } from '../../../common/errors';
import type { ZfmModuleModel } from '../../protocol/zfm/module-models';
import type { Transport } from '../../transport/transport';
import { DeviceError } from '../device-error';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { CaptureOptions, FingerprintCapture } from '../fingerprint-types';

export interface ModuleHealthTarget {
  model: ZfmModuleModel;
  transport: Pick<Transport, 'description' | 'isOpen'>;
  lifecycle: Lifecycle;
  queueLength: number;
  packetBytes: number;
  /** VfyPwd + ReadSysPara + TempleteNum: the number of templates stored on the module. */
  checkModule(options: CommandOptions): Promise<{ storedTemplates: number }>;
  captureTemplate(options: CaptureOptions): Promise<FingerprintCapture>;
  /** Search of the library with the last capture's features (still in buffer 1). */
  searchLibrary(options: CommandOptions): Promise<{ found: boolean }>;
}

export async function zfmHealthCheck(level: HealthLevel, options: CommandOptions, t: ModuleHealthTarget): Promise<HealthReport> {
  const findings = [
    `model ${t.model.displayName}`,
    `transport ${t.transport.description} ${t.transport.isOpen ? 'open' : 'closed'}`,
    `lifecycle ${t.lifecycle}`,
    `template ${t.model.templateBytes} bytes in ${t.packetBytes}-byte data packets (§3.1, §3.4)`,
  ];
  if (level === 'internal') {
    findings.push(`queue length ${t.queueLength}`);
    return t.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('noDevice') };
  }
  try {
    if (level === 'external') {
      const { storedTemplates } = await t.checkModule(options);
      findings.push('password verified, system parameters read (§3.2)');
      if (storedTemplates === 0) findings.push('no template stored on the module');
      else findings.push(`${storedTemplates} templates stored on the module: the kiosk keeps none (ARCHITECTURE.md §8.7); have them cleared`);
      return { level, ok: true, findings };
    }
    const capture = await t.captureTemplate({ signal: options.signal, timeoutMs: options.timeoutMs });
    findings.push(`test capture: ${capture.template.length}-byte template, ${capture.quality.imagingRetries} imaging retries`);
    capture.wipe();
    const search = await t.searchLibrary(options);
    findings.push(search.found ? 'the finger matches a template stored on the module' : 'no stored template matches (§3.2 Search)');
    return { level, ok: true, findings };
  } catch (err) {
    return { level, ok: false, findings, error: DeviceError.from(err).info() };
  }
}
