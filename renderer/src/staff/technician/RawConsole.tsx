/**
 * The raw command console of one device (issue 15 §3), shown only while this technician holds it in
 * maintenance mode (the host refuses it otherwise, whatever is shown): hex typed on on-screen keys (the
 * kiosk has no keyboard) or taken from a few presets of the device's driver, a reply window of 2, 5 or 10 s,
 * 发送; then what was sent and what came back, frame by frame with their meanings, and the host's message.
 * A refusal (bad hex, the link not open, a hung write) is shown in the host's words. Every command is audited
 * by the host.
 */
import { useId, useState } from 'react';
import type { DeviceDiagnostics, RawCommandView } from '../../../../common/diagnostics';
import type { KioskApi } from '../../../../common/kiosk-api';
import { Button } from '../../primitives/Button';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import { useStaffAction } from '../use-staff-request';
import { HostText } from './HostText';
import { HEX_KEYS, KeyGrid, pressHex } from './KeyGrid';
import { RAW_HEX_MAX_CHARS, RAW_PRESETS, WAIT_CHOICES_MS } from './raw-presets';
import { TechError } from './TechError';

function RawFrames({ title, frames, testId }: { title: string; frames: RawCommandView['sent']; testId: string }) {
  const { s } = useStaffText();
  return (
    <div className="tech-raw__frames" data-testid={testId}>
      <p className="tech-raw__frames-title">{title}</p>
      {frames.length === 0 ? (
        <p>{s('tech.raw.noFrames')}</p>
      ) : (
        <ul className="tech-raw__list">
          {frames.map((f, i) => (
            <li key={i} className="tech-raw__frame" data-testid="raw-frame">
              <span className="tech-frame__hex">{f.hex === '' ? '—' : f.hex}</span> <HostText className="tech-raw__meaning" text={f.meaning} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function RawConsole({ api, device }: { api: KioskApi; device: DeviceDiagnostics }) {
  const { s } = useStaffText();
  const hexLabel = useId();
  const waitLabel = useId();
  const presetLabel = useId();
  const [hex, setHex] = useState('');
  const [waitMs, setWaitMs] = useState(WAIT_CHOICES_MS[0]!);
  const [result, setResult] = useState<RawCommandView | null>(null);
  const action = useStaffAction();
  const presets = RAW_PRESETS[device.driver] ?? [];
  const text = hex.trim();

  const send = (): void => {
    setResult(null);
    action.run(() => api.call('tech:raw-command', { deviceId: device.id, hex: text, waitMs }), setResult);
  };

  return (
    <section className="staff-card tech-raw" data-testid="raw-console" aria-labelledby={`${hexLabel}-title`}>
      <h2 className="staff-card__title" id={`${hexLabel}-title`}>
        {s('tech.raw.title')}
      </h2>
      <p>{s('tech.raw.intro')}</p>
      {presets.length > 0 ? (
        <>
          <p id={presetLabel}>{s('tech.raw.presets')}</p>
          <div className="staff-choices tech-raw__presets" role="group" aria-labelledby={presetLabel}>
            {presets.map((p) => (
              <Button key={p.hex} variant="secondary" modifier="tech-raw__preset" onClick={() => setHex(p.hex)}>
                {s(p.label)} <span className="tech-frame__hex">{p.hex}</span>
              </Button>
            ))}
          </div>
        </>
      ) : (
        <p>{s('tech.raw.noPresets')}</p>
      )}
      <p id={hexLabel}>{s('tech.raw.hexLabel')}</p>
      <p className="tech-raw__entry" data-testid="raw-hex">
        {text === '' ? <span className="tech-raw__placeholder">{s('tech.raw.hexEmpty')}</span> : <span className="tech-frame__hex">{hex}</span>}
      </p>
      <KeyGrid value={hex} onChange={setHex} keys={HEX_KEYS} press={pressHex} maxLength={RAW_HEX_MAX_CHARS} space labelledBy={hexLabel} columns={4} />
      <p id={waitLabel}>{s('tech.raw.wait')}</p>
      <div className="tech-waits" role="group" aria-labelledby={waitLabel}>
        {WAIT_CHOICES_MS.map((ms) => (
          <Button key={ms} variant="toggle" modifier="tech-choice" pressed={ms === waitMs} onClick={() => setWaitMs(ms)}>
            {s('tech.raw.seconds', { seconds: ms / 1000 })}
          </Button>
        ))}
      </div>
      <div className="staff-card__actions">
        <Button variant="primary" large disabled={action.busy || text === ''} onClick={send}>
          {s('tech.raw.send')}
        </Button>
      </div>
      {action.busy && <StaffMessage kind="info">{s('tech.raw.sending', { seconds: waitMs / 1000 })}</StaffMessage>}
      <TechError error={action.error} testId="raw-refused" />
      {result !== null && (
        <div className="tech-raw__result" data-testid="raw-result" data-outcome={result.outcome}>
          <StaffMessage kind={result.outcome === 'replied' ? 'ok' : 'warning'}>
            <span>
              {s(result.outcome === 'replied' ? 'tech.raw.replied' : 'tech.raw.noReply', { bytes: result.replyBytes, ms: Math.round(result.listenedMs) })}{' '}
              <HostText text={result.message} testId="raw-message" />
            </span>
          </StaffMessage>
          <RawFrames title={s('tech.raw.sent')} frames={result.sent} testId="raw-sent" />
          <RawFrames title={s('tech.raw.replies')} frames={result.replies} testId="raw-replies" />
        </div>
      )}
    </section>
  );
}
