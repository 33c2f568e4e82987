/**
 * 预约签到, the look-up (issue 14 items 6–7): a code from the real HID POS scanner (SimHidScanner over the report
 * memory pair) or from a keyboard-wedge burst is looked up at the real platform simulator and judged in hall
 * time; the card holder's appointments of today by ID card; every bad input a clear answer: text that is not
 * an appointment code never leaves the kiosk, scanner garbage, a forged code, a platform that times out or
 * fails. Everything goes at the session's end.
 */
import { describe, expect, it } from 'vitest';
import { appointmentRig } from './appointment-rig';

describe('AppointmentService: scanning a code', () => {
  it('reads the scanner only on the check-in screen, and shows the appointment found: business, window in hall time, masked name', async () => {
    const r = await appointmentRig();
    await r.scan(r.codeOf('adult')); // not on the check-in screen: dropped unseen
    expect(r.views).toEqual([]);
    expect(r.appointments.begin()).toEqual({ step: 'scanning', inputs: { scanner: true, card: true } });
    await r.scan(r.codeOf('adult'));
    expect((await r.settled())).toEqual({
      step: 'found',
      inputs: { scanner: true, card: true },
      source: 'code',
      appointments: [
        {
          code: r.codeOf('adult'),
          businessId: 'social-insurance',
          businessName: expect.objectContaining({ 'zh-CN': expect.any(String) }),
          zone: expect.objectContaining({ 'zh-CN': expect.any(String) }),
          windowStartLocal: '2026-11-23 09:30',
          windowEndLocal: '2026-11-23 11:30',
          personMaskedName: '张**',
          standing: 'open',
        },
      ],
    });
    expect(r.views.map((v) => v.step)).toEqual(['scanning', 'looking', 'found']);
  });

  it('a keyboard-wedge code from the renderer is looked up the same way', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    expect(r.appointments.submitCode(r.codeOf('foreign2023')).step).toBe('looking');
    expect(await r.settled()).toMatchObject({ step: 'found', appointments: [{ standing: 'open', personMaskedName: expect.stringMatching(/^示\*+$/) }] });
  });

  it('early: says when check-in opens (hall time) without asking the platform to check in', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.appointments.submitCode(r.codeOf('over70'));
    expect(await r.settled()).toMatchObject({
      step: 'refused',
      error: { code: 'appointmentEarly', actor: 'citizen' },
      opensAtLocal: '2026-11-23 12:30',
      appointments: [{ standing: 'early', windowStartLocal: '2026-11-23 13:00', opensAtLocal: '2026-11-23 12:30' }],
    });
    expect(r.checkInCalls()).toEqual([]);
  });

  it('late: the window has ended', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.appointments.submitCode(r.codeOf('withFingerprints'));
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentLate' }, appointments: [{ standing: 'late', windowEndLocal: '2026-11-23 08:00' }] });
  });

  it('used: checked in before, elsewhere (the platform answers this kiosk’s key with alreadyUsed)', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.appointments.submitCode(r.codeOf('rareCharacter'));
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentUsed' }, appointments: [{ standing: 'used' }] });
  });

  it('forged: one character of the signature changed', async () => {
    const r = await appointmentRig();
    const code = r.codeOf('adult');
    const forged = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    r.appointments.begin();
    await r.scan(forged);
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentForged' } });
  });

  it('another QR (a health code with personal data) is appointmentUnknown and never sent to the platform', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    await r.scan('https://jkm.example.gov.cn/?name=张三&sfz=520102199001011234');
    expect(r.appointments.state()).toMatchObject({ step: 'refused', source: 'code', error: { code: 'appointmentUnknown', detail: 'not an appointment code' } });
    r.appointments.submitCode('YY20261123A0042');
    expect(r.appointments.state()).toMatchObject({ step: 'refused', error: { code: 'appointmentUnknown' } });
    expect(r.sim.recentCalls()).toEqual([]);
  });

  it('scanner garbage is scanUnreadable; a good scan afterwards reads', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.scannerSim.setFaults({ garbage: true });
    await r.scan(r.codeOf('adult'));
    await r.untilStep('refused');
    expect(r.appointments.state()).toMatchObject({ step: 'refused', error: { code: 'scanUnreadable', actor: 'citizen' } });
    expect(r.appointments.state().error?.detail).toBeUndefined();
    r.scannerSim.clearFaults();
    await r.scan(r.codeOf('adult'));
    expect(await r.settled()).toMatchObject({ step: 'found' });
  });

  it('a platform that does not answer: platformTimeout on the clock; a 5xx: platformUnavailable', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.sim.setFaults({ timeout: true });
    r.appointments.submitCode(r.codeOf('adult'));
    await r.sim.whenHeld(1);
    r.clock.advance(5_000);
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'platformTimeout' } });
    r.sim.setFaults({ timeout: false, serverError: 503 });
    r.appointments.submitCode(r.codeOf('adult'));
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'platformUnavailable', detail: expect.stringContaining('503') } });
  });
});

describe('AppointmentService: by ID card', () => {
  it('lists the card holder’s appointments of today to choose from', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.identify('adult');
    expect(r.appointments.findByCard().step).toBe('looking');
    expect(await r.settled()).toMatchObject({ step: 'found', source: 'card', appointments: [{ businessId: 'social-insurance', standing: 'open', personMaskedName: '张**' }] });
  });

  it('none today (the permit holder’s is tomorrow): appointmentUnknown from the card; no identity yet: cardNotPresented', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    expect(r.appointments.findByCard()).toMatchObject({ step: 'refused', error: { code: 'cardNotPresented' } });
    r.identify('permitJ');
    r.appointments.findByCard();
    expect(await r.settled()).toMatchObject({ step: 'refused', source: 'card', error: { code: 'appointmentUnknown' } });
  });

  it('only early ones: says when check-in opens', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.identify('over70');
    r.appointments.findByCard();
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentEarly' }, opensAtLocal: '2026-11-23 12:30' });
  });
});

describe('AppointmentService: the session', () => {
  it('leaving the screen stops reading the scanner; the session’s end wipes the scans and the view', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    let held: { wiped: boolean } | null = null;
    r.scanner.onScan((scan) => void (held = scan));
    await r.scan(r.codeOf('adult'));
    await r.settled();
    expect(held!.wiped).toBe(false);
    r.session.end('citizen');
    expect(held!.wiped).toBe(true);
    expect(r.appointments.state()).toEqual({ step: 'idle', inputs: { scanner: false, card: false } });
    const before = r.views.length;
    await r.scan(r.codeOf('adult'));
    expect(r.views.length).toBe(before);
    r.appointments.begin();
    expect(r.appointments.cancel().step).toBe('idle');
    await r.scan(r.codeOf('adult'));
    expect(r.appointments.state().step).toBe('idle');
  });
});
