/**
 * The device editor (issue 15 §3), where the host says this device can be changed here (`editable`; not for
 * a simulated device or the built-in default, whose reason is shown instead). A serial link: the port from
 * the common paths (typing a path on an on-screen keyboard is heavy) and the speed; a network link: address
 * and port on keys; the model row from the driver's models the host lists (any link). 测试并保存 asks first, then the host validates, tests the new
 * port, saves with a backup and rolls back if the device does not come up; its outcome and the backup's path
 * are shown.
 */
import { useId, useState } from 'react';
import { BAUD_RATES } from '../../../../common/diagnostics-validate';
import type { DeviceDiagnostics, DeviceEditRequest, DeviceEditResult } from '../../../../common/diagnostics';
import type { KioskApi } from '../../../../common/kiosk-api';
import { Button } from '../../primitives/Button';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffDialogRequest } from '../staff-route';
import { useStaffAction } from '../use-staff-request';
import { HostText } from './HostText';
import { ADDRESS_KEYS, DIGIT_KEYS, KeyGrid } from './KeyGrid';
import { TechError } from './TechError';

export const COMMON_SERIAL_PATHS: readonly string[] = [
  '/dev/ttyUSB0',
  '/dev/ttyUSB1',
  '/dev/ttyUSB2',
  '/dev/ttyUSB3',
  '/dev/ttyS0',
  '/dev/ttyS1',
  '/dev/ttyS2',
  '/dev/ttyS3',
  '/dev/ttyACM0',
  '/dev/ttyACM1',
];
export const COMMON_BAUD_RATES: readonly number[] = [9600, 19200, 38400, 57600, 115200];

const HOST_MAX = 253;
const PORT_MAX_DIGITS = 5;

/** "192.168.1.50:9100" as the host reports a network link. */
function splitHostPort(port: string | null): { host: string; port: string } {
  const at = port?.lastIndexOf(':') ?? -1;
  return at < 0 || port === null ? { host: port ?? '', port: '' } : { host: port.slice(0, at), port: port.slice(at + 1) };
}

function Choices<T extends string | number>({ label, values, chosen, current, onChoose, words, testId }: { label: string; values: readonly T[]; chosen: T; current: T | null; onChoose(v: T): void; words(v: T): string; testId: string }) {
  const id = useId();
  return (
    <>
      <p id={id} className="tech-edit__label">
        {label}
      </p>
      <div className="staff-choices tech-edit__choices" role="group" aria-labelledby={id} data-testid={testId}>
        {values.map((v) => (
          <Button key={String(v)} variant="toggle" modifier="tech-choice" pressed={v === chosen} data-current={v === current} onClick={() => onChoose(v)}>
            {words(v)}
          </Button>
        ))}
      </div>
    </>
  );
}

function EditResult({ result }: { result: DeviceEditResult }) {
  const { s } = useStaffText();
  return (
    <div className="tech-edit__result" data-testid="edit-result" data-outcome={result.outcome}>
      <StaffMessage kind={result.outcome === 'applied' ? 'ok' : result.outcome === 'notSaved' ? 'warning' : 'error'}>
        <span>
          {s(`tech.edit.outcome.${result.outcome}`)} <HostText text={result.message} testId="edit-message" />
        </span>
      </StaffMessage>
      {result.backupPath !== undefined && (
        <p data-testid="edit-backup">
          {s('tech.edit.backup')} <span className="tech-frame__hex">{result.backupPath}</span>
        </p>
      )}
    </div>
  );
}

export function DeviceEditor({ api, device, ask }: { api: KioskApi; device: DeviceDiagnostics; ask(dialog: StaffDialogRequest): void }) {
  const { s } = useStaffText();
  const keysLabel = useId();
  const action = useStaffAction();
  const [result, setResult] = useState<DeviceEditResult | null>(null);
  const current = device.transport;
  const [path, setPath] = useState(current.port ?? COMMON_SERIAL_PATHS[0]!);
  const [baud, setBaud] = useState(current.baudRate ?? COMMON_BAUD_RATES[0]!);
  const network = splitHostPort(current.kind === 'tcp' ? current.port : null);
  const [host, setHost] = useState(network.host);
  const [tcpPort, setTcpPort] = useState(network.port);
  const [field, setField] = useState<'host' | 'port'>('host');
  const [model, setModel] = useState(device.model);
  const modelChange = model !== device.model ? { model } : {};

  if (!device.editable.ok) {
    return (
      <div className="tech-panel" data-testid="tech-editor">
        <StaffMessage kind="info" testId="edit-not-editable">
          <span>
            {s('tech.edit.notEditable')} <HostText text={device.editable.reason} testId="edit-reason" />
          </span>
        </StaffMessage>
        <p>{s('tech.edit.model', { model: device.model })}</p>
      </div>
    );
  }

  let request: DeviceEditRequest | null = null;
  let changed = false;
  let form;
  if (current.kind === 'serial') {
    const paths = [...new Set([...(current.port ? [current.port] : []), ...COMMON_SERIAL_PATHS])];
    const bauds = [...new Set([...COMMON_BAUD_RATES, ...(current.baudRate !== null && (BAUD_RATES as readonly number[]).includes(current.baudRate) ? [current.baudRate] : [])])].sort((a, b) => a - b);
    request = { deviceId: device.id, transport: { kind: 'serial', path, baudRate: baud }, ...modelChange };
    changed = path !== current.port || baud !== current.baudRate || model !== device.model;
    form = (
      <>
        <Choices<string> label={s('tech.edit.port')} values={paths} chosen={path} current={current.port} onChoose={setPath} words={(p) => (p === current.port ? s('tech.edit.currentValue', { value: p }) : p)} testId="edit-paths" />
        <Choices<number> label={s('tech.edit.baud')} values={bauds} chosen={baud} current={current.baudRate} onChoose={setBaud} words={(b) => (b === current.baudRate ? s('tech.edit.currentValue', { value: b }) : String(b))} testId="edit-bauds" />
      </>
    );
  } else if (current.kind === 'tcp') {
    const portNumber = Number(tcpPort);
    const valid = host !== '' && tcpPort !== '' && portNumber >= 1 && portNumber <= 65535;
    request = valid ? { deviceId: device.id, transport: { kind: 'tcp', host, port: portNumber }, ...modelChange } : null;
    changed = host !== network.host || tcpPort !== network.port || model !== device.model;
    form = (
      <>
        <p className="tech-edit__label">{s('tech.edit.network', { current: current.port ?? '' })}</p>
        <div className="staff-row" data-testid="edit-fields">
          <Button variant="toggle" modifier="tech-choice" pressed={field === 'host'} onClick={() => setField('host')}>
            {s('tech.edit.host', { host: host === '' ? '…' : host })}
          </Button>
          <Button variant="toggle" modifier="tech-choice" pressed={field === 'port'} onClick={() => setField('port')}>
            {s('tech.edit.tcpPort', { port: tcpPort === '' ? '…' : tcpPort })}
          </Button>
        </div>
        <p id={keysLabel}>{s(field === 'host' ? 'tech.edit.typeHost' : 'tech.edit.typePort')}</p>
        {field === 'host' ? (
          <KeyGrid value={host} onChange={setHost} keys={ADDRESS_KEYS} maxLength={HOST_MAX} labelledBy={keysLabel} columns={3} />
        ) : (
          <KeyGrid value={tcpPort} onChange={setTcpPort} keys={DIGIT_KEYS} maxLength={PORT_MAX_DIGITS} labelledBy={keysLabel} columns={3} />
        )}
        {!valid && <StaffMessage kind="warning">{s('tech.edit.networkIncomplete')}</StaffMessage>}
      </>
    );
  } else {
    // USB and HID links are changed in the configuration file; the model row can be changed here.
    request = device.models.length > 1 ? { deviceId: device.id, ...modelChange } : null;
    changed = model !== device.model;
    form = <StaffMessage kind="info">{s('tech.edit.otherLink', { kind: current.kind })}</StaffMessage>;
  }

  const save = (): void => {
    if (request === null) return;
    const sent = request;
    ask({
      title: s('tech.edit.confirmTitle', { id: device.id }),
      body: s('tech.edit.confirmBody'),
      cancelLabel: s('common.back'),
      choices: [
        {
          label: s('tech.edit.confirm'),
          primary: true,
          onChoose: () => {
            setResult(null);
            action.run(() => api.call('tech:edit-device', sent), setResult);
          },
        },
      ],
    });
  };

  return (
    <div className="tech-panel" data-testid="tech-editor">
      <section className="staff-card tech-edit" aria-labelledby={`edit-${device.id}`}>
        <h2 className="staff-card__title" id={`edit-${device.id}`}>
          {s('tech.edit.title')}
        </h2>
        <p>{s('tech.edit.intro')}</p>
        {form}
        <p data-testid="edit-model">{s('tech.edit.model', { model: device.model })}</p>
        {device.models.length > 1 && (
          <Choices<string> label={s('tech.edit.models')} values={device.models} chosen={model} current={device.model} onChoose={setModel} words={(m) => (m === device.model ? s('tech.edit.currentValue', { value: m }) : m)} testId="edit-models" />
        )}
        {request !== null && (
          <div className="staff-card__actions">
            <Button variant="primary" large disabled={action.busy || !changed} describedBy={changed ? undefined : `${keysLabel}-unchanged`} onClick={save}>
              {s('tech.edit.save')}
            </Button>
          </div>
        )}
        {request !== null && !changed && <p id={`${keysLabel}-unchanged`}>{s('tech.edit.unchanged')}</p>}
        {action.busy && <StaffMessage kind="info">{s('tech.edit.saving')}</StaffMessage>}
        <TechError error={action.error} testId="edit-refused" />
        {result !== null && <EditResult result={result} />}
      </section>
    </div>
  );
}
