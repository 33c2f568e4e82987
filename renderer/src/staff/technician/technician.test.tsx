// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NOW_MS } from '../../test-support/fixtures';
import type { AppRig } from '../../test-support/render-app';
import { renderSignedIn } from '../../test-support/staff-rig';
import { deviceCard, openDiagnostics, renderTechnician, TECHNICIAN } from '../../test-support/technician-rig';
import { FRAMES_SHOWN } from './FrameLog';

afterEach(cleanup);

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const heading = (name: string) => screen.getByRole('heading', { name, level: 1 });
/** Polls run on real timers: the list every 2 s, the frame log every 1 s. */
const POLLED = { timeout: 4_000 };

/** Signed in as the technician, on one device's screen. */
async function openDevice(deviceId: string): Promise<AppRig> {
  const rig = await renderTechnician();
  await openDiagnostics(rig);
  fireEvent.click(within(deviceCard(deviceId)).getByRole('button', { name: `检测与维护 ${deviceId}` }));
  await rig.settle();
  await waitFor(() => screen.getByTestId('tech-panels'));
  return rig;
}

async function enterMaintenance(rig: AppRig): Promise<void> {
  click('维护模式与命令');
  click('进入维护模式');
  // Asked first: citizens lose the device.
  expect(screen.getByRole('dialog', { name: /进入维护模式？$/ }).textContent).toContain('群众将不能使用这台设备');
  click('确认进入');
  await rig.settle();
}

describe('the technician entry (issue 15 §3)', () => {
  it('is on the overview for a technician only; the host refuses the diagnostics to staff whatever is shown', async () => {
    const staff = await renderSignedIn();
    expect(screen.queryByTestId('overview-technician')).toBeNull();
    expect(screen.queryByRole('button', { name: '设备诊断' })).toBeNull();
    await expect(staff.fake.call('tech:devices', {})).rejects.toThrow('forbidden');
    cleanup();

    const rig = await renderTechnician();
    expect(within(screen.getByTestId('overview-technician')).getByRole('heading', { name: '技术人员' })).toBeTruthy();
    await openDiagnostics(rig);
    expect(heading('设备诊断')).toBeTruthy();
    expect(rig.fake.requestsTo('tech:devices').length).toBeGreaterThan(0);
    click('返回总览');
    await rig.settle();
    expect(heading('本机状况')).toBeTruthy();
  });
});

describe('device list', () => {
  it('every device with driver, model, link, capabilities, lifecycle, live status in words, statistics, holder, last check and history latest first', async () => {
    const rig = await renderTechnician();
    await openDiagnostics(rig);
    expect(screen.getAllByTestId('tech-device').map((c) => c.dataset.deviceId)).toEqual(['ticket-printer', 'receipt-printer', 'id-card-reader', 'scanner', 'face-camera']);

    const printer = within(deviceCard('ticket-printer'));
    expect(printer.getByRole('heading', { name: 'ticket-printer（号票打印机、凭条打印机）' })).toBeTruthy();
    expect(printer.getByText('驱动：escpos，型号：generic-escpos-80')).toBeTruthy();
    expect(printer.getByTestId('tech-device-link').textContent).toBe('连接：串口 /dev/ttyUSB0，9600 波特');
    expect(printer.getByText('能报告：打印')).toBeTruthy();
    expect(printer.getByText('运行状态：已启用')).toBeTruthy();
    expect(printer.getByTestId('tech-device-status').textContent).toBe('当前状态：工作正常；纸张不多，请准备更换纸卷');
    expect(printer.getByTestId('tech-device-statistics').textContent).toBe('统计：linesPrinted 12034；cuts 850；jobs 850；errors 2');
    expect(printer.getByTestId('tech-device-maintenance').textContent).toBe('维护模式：未进入');
    expect(printer.getByTestId('tech-device-last-health').textContent).toBe('还没有做过健康检查');
    // History, latest first.
    const history = printer.getByTestId('tech-device-history').querySelectorAll('li');
    expect(history[0]!.textContent).toBe('13:35 online; printer: paper low (paper: full → low)');
    expect(history[1]!.textContent).toBe('11:05 online; printer: paper full');
    expect(printer.getByText('状态记录（最新的在前，共 2 条）')).toBeTruthy();

    expect(within(deviceCard('receipt-printer')).getByTestId('tech-device-link').textContent).toBe('连接：网络 192.168.1.50:9100');
    const reader = within(deviceCard('id-card-reader'));
    expect(reader.getByTestId('tech-device-status').textContent).toBe('当前状态：工作正常；读卡区无卡；安全模块正常');
    expect(reader.getByTestId('tech-device-last-health').textContent).toBe('上次检查：通信检测通过（13:05） SAM 正常 / SAM answered 90');
    expect(within(deviceCard('scanner')).getByTestId('tech-device-link').textContent).toBe('连接：USB HID 0c2e:0b61');
    const camera = within(deviceCard('face-camera'));
    expect(camera.getByTestId('tech-device-status').textContent).toBe('当前状态：没有找到设备，请联系技术人员；未在取像');
    expect(camera.getByTestId('tech-device-link').textContent).toBe('连接：模拟设备（培训模式）');
    expect(camera.getByText('运行状态：未打开')).toBeTruthy();
    expect(deviceCard('face-camera').className).toContain('tech-device--fault');
    // The host's words keep their language, whatever is on screen.
    expect(camera.getByText('noDevice (device: online → noDevice)').getAttribute('lang')).toBe('en');
  });

  it('reads the devices again every 2 s while shown: a new status and a holder appear by themselves', async () => {
    const rig = await renderTechnician();
    await openDiagnostics(rig);
    const before = rig.fake.requestsTo('tech:devices').length;
    const printer = rig.fake.technicianDesk.device('ticket-printer');
    printer.status = { device: 'userError', printer: { paper: 'out', coverOpen: true } };
    act(() => rig.fake.technicianDesk.holdFor('ticket-printer', 'tech-wang'));
    await waitFor(() => expect(within(deviceCard('ticket-printer')).getByTestId('tech-device-status').textContent).toBe('当前状态：需要处理（卡纸或盖板）；纸已用完，请更换纸卷；盖板没有合上'), POLLED);
    expect(within(deviceCard('ticket-printer')).getByTestId('tech-device-maintenance').textContent).toBe('维护模式：由 tech-wang 占用（14:05 起），群众不能使用');
    expect(rig.fake.requestsTo('tech:devices').length).toBeGreaterThan(before);
    // Gone from the screen: no more reads.
    click('返回总览');
    await rig.settle();
    const after = rig.fake.requestsTo('tech:devices').length;
    await new Promise((r) => setTimeout(r, 2_300));
    expect(rig.fake.requestsTo('tech:devices')).toHaveLength(after);
  });
});

describe('health checks', () => {
  it('the three levels, each with what it does; the interactive one says what to do per role and that it waits 30 s', async () => {
    const rig = await openDevice('ticket-printer');
    expect(heading('ticket-printer（号票打印机、凭条打印机）')).toBeTruthy();
    for (const name of ['内部自检', '通信检测', '现场测试']) expect(screen.getByRole('heading', { name, level: 2 })).toBeTruthy();
    const steps = screen.getByTestId('health-interactive-steps').textContent;
    expect(steps).toContain('打印机会打印一张测试票');
    expect(steps).toContain('开始后最多等待 30 秒');

    click('开始通信检测');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:health-check')).toEqual([{ deviceId: 'ticket-printer', level: 'external' }]);
    const result = screen.getByTestId('health-result-external');
    expect(result.dataset.ok).toBe('true');
    expect(result.textContent).toContain('通信检测通过（14:05）');
    expect(within(result).getByTestId('health-findings').textContent).toBe('DLE EOT 1–4 answered: 正常 / OK');
    // The list shows it as the last check once it is read again.
    await waitFor(() => expect(screen.getByTestId('tech-device-last-health').textContent).toContain('上次检查：通信检测通过'), POLLED);

    click('开始现场测试');
    await rig.settle();
    expect(screen.getByTestId('health-result-interactive').textContent).toContain('测试页已打印并确认');
  });

  it('a failed check shows its findings and the error; the card reader asks for a test card', async () => {
    const rig = await openDevice('face-camera');
    click('开始通信检测');
    await rig.settle();
    const result = screen.getByTestId('health-result-external');
    expect(result.dataset.ok).toBe('false');
    expect(result.textContent).toContain('通信检测未通过');
    expect(within(result).getByTestId('health-error').textContent).toBe('错误代码：noDevice face-camera: no frame');
    expect(screen.getByTestId('health-interactive-steps').textContent).toContain('摄像头会取一帧画面');
    cleanup();

    await openDevice('id-card-reader');
    expect(screen.getByTestId('health-interactive-steps').textContent).toContain('请把一张测试身份证放到读卡区。');
    // The last check the host remembers is shown before any is run here.
    expect(screen.getByTestId('health-result-external').textContent).toContain('通信检测通过（13:05）');
  });
});

describe('live frame log', () => {
  it('frames appear with direction in words, hex and meaning; new ones are appended at the bottom, asked after the last seq', async () => {
    const rig = await openDevice('ticket-printer');
    expect(rig.fake.requestsTo('tech:frames')).toHaveLength(0); // read only while shown
    click('通信记录');
    await rig.settle();
    let rows = screen.getAllByTestId('frame');
    expect(rows.map((r) => r.textContent)).toEqual(['14:04:58发送10 04 01ESC/POS DLE EOT 1 实时状态 / real-time status', '14:04:58接收16ESC/POS DLE EOT 1 → 正常 / OK']);
    expect(rows[0]!.querySelector('.tech-frame__hex')!.textContent).toBe('10 04 01');
    expect(rig.fake.requestsTo('tech:frames')[0]).toEqual({ deviceId: 'ticket-printer', afterSeq: 0 });

    rig.fake.technicianDesk.addFrames('ticket-printer', ['tx', '10 04 04', 'ESC/POS DLE EOT 4 纸 / paper'], ['rx', '12', 'ESC/POS DLE EOT 4 → 纸正常 / paper OK']);
    await waitFor(() => expect(screen.getAllByTestId('frame')).toHaveLength(4), POLLED);
    rows = screen.getAllByTestId('frame');
    expect(rows.map((r) => r.dataset.seq)).toEqual(['1', '2', '3', '4']);
    expect(rows[3]!.textContent).toContain('接收12ESC/POS DLE EOT 4 → 纸正常 / paper OK');
    expect(rig.fake.requestsTo('tech:frames').some((r) => r.afterSeq === 2)).toBe(true);
    expect(screen.getByTestId('frames-count').textContent).toBe('显示 4 条');
  });

  it('keeps only the last 200 on screen', async () => {
    const rig = await openDevice('receipt-printer');
    const many = Array.from({ length: FRAMES_SHOWN + 30 }, (_, i) => ['tx', '10 04 01', `poll ${i + 1}`] as ['tx', string, string]);
    rig.fake.technicianDesk.addFrames('receipt-printer', ...many);
    click('通信记录');
    await rig.settle();
    const rows = screen.getAllByTestId('frame');
    expect(rows).toHaveLength(FRAMES_SHOWN);
    expect(rows[0]!.dataset.seq).toBe('31');
    expect(rows[FRAMES_SHOWN - 1]!.textContent).toContain('poll 230');
  });
});

describe('maintenance mode and the raw console', () => {
  it('entering holds the device (citizens lose 取号, the holder is shown); leaving gives it back', async () => {
    const rig = await openDevice('ticket-printer');
    click('维护模式与命令');
    expect(screen.getByTestId('maint-state').textContent).toContain('未在维护模式，群众可以正常使用。');
    expect(screen.getByText(/群众不能使用它，取号等需要它的服务会显示为暂停使用/)).toBeTruthy();
    await enterMaintenance(rig);
    expect(rig.fake.requestsTo('tech:maintenance')).toEqual([{ deviceId: 'ticket-printer', on: true }]);
    expect(screen.getByTestId('maint-state').textContent).toContain(`您（${TECHNICIAN.accountId}）从 14:05 起占用这台设备，群众现在不能使用它。`);
    expect(screen.getByTestId('tech-device-maintenance').textContent).toBe('维护模式：由 tech-li 占用（14:05 起），群众不能使用');
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ service: 'takeTicket', available: false, reason: 'maintenance' });

    click('退出维护模式');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:maintenance')[1]).toEqual({ deviceId: 'ticket-printer', on: false });
    expect(screen.getByTestId('maint-state').textContent).toContain('未在维护模式');
    expect(rig.fake.snapshot.availability[0]).toMatchObject({ service: 'takeTicket', available: true });
    expect(screen.getByRole('button', { name: '进入维护模式' })).toBeTruthy();
  });

  it('outside maintenance the console is hidden, and the host refuses a raw command in its own words', async () => {
    const rig = await openDevice('ticket-printer');
    click('维护模式与命令');
    expect(screen.queryByTestId('raw-console')).toBeNull();
    expect(screen.getByTestId('raw-console-hidden').textContent).toContain('原始命令只能在您进入维护模式后发送。');
    expect(screen.queryByRole('button', { name: '发送' })).toBeNull();
    await expect(rig.fake.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 04 04' })).rejects.toMatchObject({
      info: { code: 'badRequest', detail: 'ticket-printer 不在维护模式:请先进入维护模式 / ticket-printer is not in maintenance mode: enter it first' },
    });
  });

  it('held by another technician: said so, no console, and entering is refused in the host’s words', async () => {
    const rig = await renderTechnician();
    act(() => rig.fake.technicianDesk.holdFor('ticket-printer', 'tech-wang'));
    await openDiagnostics(rig);
    fireEvent.click(within(deviceCard('ticket-printer')).getByRole('button', { name: '检测与维护 ticket-printer' }));
    await rig.settle();
    click('维护模式与命令');
    expect(screen.getByTestId('maint-state').textContent).toContain('tech-wang 从 14:05 起占用这台设备');
    expect(screen.queryByTestId('raw-console')).toBeNull();
    click('进入维护模式');
    click('确认进入');
    await rig.settle();
    expect(screen.getByTestId('maint-refused').textContent).toContain('ticket-printer 正由 tech-wang 维护中 / ticket-printer is held for maintenance by tech-wang');
  });

  it('inside maintenance: hex on the on-screen keys, presets, a wait time, 发送 → what was sent and replied with meanings; bad hex refused in words', async () => {
    const rig = await openDevice('ticket-printer');
    await enterMaintenance(rig);
    const console = within(screen.getByTestId('raw-console'));
    expect(console.getByTestId('raw-hex').textContent).toBe('还没有输入');
    for (const key of '100404') fireEvent.click(console.getByRole('button', { name: key }));
    expect(console.getByTestId('raw-hex').textContent).toBe('10 04 04');
    fireEvent.click(console.getByRole('button', { name: /删除/ }));
    expect(console.getByTestId('raw-hex').textContent).toBe('10 04 0');
    fireEvent.click(console.getByRole('button', { name: '4' }));
    fireEvent.click(console.getByRole('button', { name: '5 秒' }));
    expect(console.getByRole('button', { name: '5 秒' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(console.getByRole('button', { name: '发送' }));
    await rig.settle();
    expect(rig.fake.requestsTo('tech:raw-command')).toEqual([{ deviceId: 'ticket-printer', hex: '10 04 04', waitMs: 5_000 }]);
    const result = console.getByTestId('raw-result');
    expect(result.dataset.outcome).toBe('replied');
    expect(result.textContent).toContain('设备应答了 1 字节');
    expect(within(console.getByTestId('raw-sent')).getByTestId('raw-frame').textContent).toBe('10 04 04 ESC/POS DLE EOT 4 实时状态 / real-time status');
    expect(within(console.getByTestId('raw-replies')).getByTestId('raw-frame').textContent).toBe('12 ESC/POS DLE EOT 4 → 纸正常 / paper OK');
    expect(console.getByTestId('raw-message').textContent).toBe('收到应答 1 字节 / reply of 1 bytes');

    // A preset fills the entry in; nothing is sent until 发送.
    fireEvent.click(console.getByRole('button', { name: '实时状态 10 04 01' }));
    expect(console.getByTestId('raw-hex').textContent).toBe('10 04 01');
    expect(rig.fake.requestsTo('tech:raw-command')).toHaveLength(1);

    // An odd digit: the host's words.
    fireEvent.click(console.getByRole('button', { name: '清空' }));
    fireEvent.click(console.getByRole('button', { name: 'A' }));
    fireEvent.click(console.getByRole('button', { name: '发送' }));
    await rig.settle();
    expect(console.getByTestId('raw-refused').textContent).toContain('“A”位数为奇数:每个字节两位');
    expect(console.queryByTestId('raw-result')).toBeNull();

    // No answer: said as such.
    fireEvent.click(console.getByRole('button', { name: '清空' }));
    for (const key of '1B40') fireEvent.click(console.getByRole('button', { name: key }));
    fireEvent.click(console.getByRole('button', { name: '发送' }));
    await rig.settle();
    expect(console.getByTestId('raw-result').dataset.outcome).toBe('noReply');
    expect(console.getByTestId('raw-result').textContent).toContain('设备没有应答');
  });

  it('presets per driver: the GA 467 SAM status', async () => {
    const rig = await openDevice('id-card-reader');
    await enterMaintenance(rig);
    const console = within(screen.getByTestId('raw-console'));
    fireEvent.click(console.getByRole('button', { name: 'SAM 状态 AA AA AA 96 69 00 03 11 FF ED' }));
    fireEvent.click(console.getByRole('button', { name: '发送' }));
    await rig.settle();
    expect(within(console.getByTestId('raw-replies')).getByTestId('raw-frame').textContent).toContain('SAM OK');
  });
});

describe('device editor', () => {
  it('a simulated device: the host’s reason, nothing to change', async () => {
    await openDevice('face-camera');
    click('修改配置');
    expect(screen.getByTestId('edit-not-editable').textContent).toContain('模拟设备没有端口可改');
    expect(screen.queryByRole('button', { name: '测试并保存' })).toBeNull();
  });

  it('serial: a port that fails its test is not saved (the host’s words); a good one is applied with its backup', async () => {
    const rig = await openDevice('ticket-printer');
    click('修改配置');
    expect(screen.getByRole('button', { name: '/dev/ttyUSB0（当前）' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '9600（当前）' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('edit-model').textContent).toBe('当前型号：generic-escpos-80');
    expect(screen.getByRole('button', { name: '测试并保存' }).getAttribute('aria-disabled')).toBe('true');

    click('/dev/ttyUSB3');
    click('测试并保存');
    expect(screen.getByRole('dialog', { name: '测试并保存 ticket-printer 的新配置？' })).toBeTruthy();
    click('确认保存');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:edit-device')).toEqual([{ deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 } }]);
    let result = screen.getByTestId('edit-result');
    expect(result.dataset.outcome).toBe('notSaved');
    expect(result.textContent).toContain('没有保存，配置未改动。');
    expect(screen.getByTestId('edit-message').textContent).toContain('新端口测试失败,配置未保存:/dev/ttyUSB3');

    click('/dev/ttyUSB1');
    click('19200');
    click('测试并保存');
    click('确认保存');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:edit-device')[1]).toEqual({ deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB1', baudRate: 19200 } });
    result = screen.getByTestId('edit-result');
    expect(result.dataset.outcome).toBe('applied');
    expect(result.textContent).toContain('已保存，新配置已生效。');
    expect(screen.getByTestId('edit-backup').textContent).toBe('原配置的备份： /etc/hallkiosk/config.json.bak-20250314-140500');
    await waitFor(() => expect(screen.getByTestId('tech-device-link').textContent).toBe('连接：串口 /dev/ttyUSB1，19200 波特'), POLLED);
  });

  it('offers the driver’s model rows; a model change alone is sent with the link as it is', async () => {
    const rig = await openDevice('ticket-printer');
    click('修改配置');
    expect(screen.getByRole('button', { name: 'generic-escpos-80（当前）' }).getAttribute('aria-pressed')).toBe('true');
    click('epson-tm-t88');
    click('测试并保存');
    click('确认保存');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:edit-device')).toEqual([{ deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }, model: 'epson-tm-t88' }]);
  });

  it('a roll-back is said as such; the fake host refuses a path that is no serial device path as the host does', async () => {
    const rig = await openDevice('id-card-reader');
    rig.fake.technicianDesk.editOutcome = 'rolledBack';
    click('修改配置');
    click('/dev/ttyS0');
    click('测试并保存');
    click('确认保存');
    await rig.settle();
    expect(screen.getByTestId('edit-result').dataset.outcome).toBe('rolledBack');
    expect(screen.getByTestId('edit-result').textContent).toContain('设备没有恢复在线，已还原原配置。');
    await expect(rig.fake.call('tech:edit-device', { deviceId: 'id-card-reader', transport: { kind: 'serial', path: 'ttyUSB0', baudRate: 9600 } })).rejects.toMatchObject({
      info: { code: 'badRequest', detail: 'tech:edit-device: transport.path must be a serial device path such as /dev/ttyUSB0' },
    });
  });

  it('network: address and port on the keys', async () => {
    const rig = await openDevice('receipt-printer');
    click('修改配置');
    expect(screen.getByText('网络地址（当前 192.168.1.50:9100）')).toBeTruthy();
    click('端口 9100');
    click('清空');
    for (const key of '9101') click(key);
    click('测试并保存');
    click('确认保存');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:edit-device')).toEqual([{ deviceId: 'receipt-printer', transport: { kind: 'tcp', host: '192.168.1.50', port: 9101 } }]);
    expect(screen.getByTestId('edit-result').dataset.outcome).toBe('applied');
  });

  it('a link the editor does not change here (HID) says where to change it', async () => {
    await openDevice('scanner');
    click('修改配置');
    expect(screen.getByText('这种连接（hid）请在配置文件中修改。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '测试并保存' })).toBeNull();
  });
});

describe('diagnostic bundle and audit chain', () => {
  it('导出诊断包 shows the path, size, USB copies and message; a failure in the host’s words', async () => {
    const rig = await renderTechnician();
    await openDiagnostics(rig);
    click('导出诊断包');
    expect(heading('诊断包')).toBeTruthy();
    click('导出诊断包');
    await rig.settle();
    expect(rig.fake.requestsTo('tech:export-bundle')).toHaveLength(1);
    expect(screen.getByTestId('bundle-path').textContent).toBe('/var/lib/hallkiosk/exports/diagnostic-kiosk-1-20250314-140500.json');
    expect(screen.getByTestId('bundle-bytes').textContent).toBe('大小：48,213 字节（约 47 KB）');
    expect(screen.getByTestId('bundle-usb-none').textContent).toBe('没有插 U 盘，没有复制。');
    expect(screen.getByTestId('bundle-message').textContent).toContain('诊断包已导出');

    rig.fake.technicianDesk.bundle = {
      path: '/var/lib/hallkiosk/exports/b.json',
      bytes: 900,
      usb: [
        { dir: '/media/usb0', ok: true, message: 'copied' },
        { dir: '/media/usb1', ok: false, message: '只读 / read-only (EROFS)' },
      ],
      message: 'ok',
    };
    click('再导出一次');
    await rig.settle();
    const usb = screen.getAllByTestId('bundle-usb');
    expect(usb.map((u) => u.dataset.ok)).toEqual(['true', 'false']);
    expect(usb[1]!.textContent).toBe('未能复制到 U 盘 /media/usb1： 只读 / read-only (EROFS)');

    rig.fake.technicianDesk.bundle = '磁盘已满,诊断包未导出 / the disk is full: no bundle was written';
    click('再导出一次');
    await rig.settle();
    expect(screen.getByTestId('bundle-failed').textContent).toContain('磁盘已满,诊断包未导出');
    expect(screen.queryByTestId('bundle-result')).toBeNull();
  });

  it('the audit chain: intact with its head (16 hex digits) and the head written out; a broken link in words', async () => {
    const rig = await renderTechnician();
    await openDiagnostics(rig);
    click('审计记录');
    await rig.settle();
    expect(heading('审计记录')).toBeTruthy();
    expect(screen.getByTestId('audit-status').dataset.ok).toBe('true');
    expect(screen.getByTestId('audit-verdict').textContent).toContain('审计记录完整：共 42 条，链条没有断开。');
    expect(screen.getByTestId('audit-head').textContent).toBe('最新一条： 第 42 条（今天 14:04），哈希 3f9a0c1d5e7b2a4c…');
    expect(screen.getByTestId('audit-written-out-hash').textContent).toBe('3f9a0c1d5e7b2a4c…');
    expect(screen.getByTestId('audit-head-matches')).toBeTruthy();

    rig.fake.technicianDesk.audit = { head: { id: 40, hash: 'ab'.repeat(32), at: HOST_NOW_MS }, headWrittenOut: { id: 42, hash: 'cd'.repeat(32), at: HOST_NOW_MS }, ok: false, records: null, problem: 'the chain ends at record 40 but the head written out is record 42: records cut off' };
    click('重新检查');
    await rig.settle();
    expect(screen.getByTestId('audit-status').dataset.ok).toBe('false');
    expect(screen.getByTestId('audit-verdict').textContent).toContain('审计记录有问题');
    expect(screen.getByTestId('audit-problem').textContent).toContain('records cut off');
    expect(screen.queryByTestId('audit-head-matches')).toBeNull();
  });
});
