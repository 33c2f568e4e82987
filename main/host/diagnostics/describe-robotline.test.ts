import { describe, expect, it } from 'vitest';
import { COMMAND_LINES, EVENT_LINES, REPLY_LINES, chunkings, wire } from '../../../drivers/protocol/robot-line/fixtures';
import { describerFor } from './frame-describers';

describe('robot base frame describer', () => {
  it('says each golden line in words, however the bytes are split', () => {
    const stream = wire([...REPLY_LINES.slice(0, 2), ...EVENT_LINES.slice(0, 3)]);
    const whole = describerFor('robotline', 'generic-hrl')!.rx(stream).map((d) => d.meaning);
    expect(whole).toEqual([
      'HRL #1 OK PROTO=HRL/1 MODEL=sim-robot FW=1.0 MAP=- — 接受 / accepted',
      'HRL #2 OK BAT=82 CHG=0 DOCK=1 OBST=0 MOVE=0 FAULT=NONE POS=1,2.0,1.0,dock — 接受 / accepted',
      'HRL ! POS 1 12.5 3.0 A3 — 位置 / position',
      'HRL ! POS 2 4.0 9.5 - — 位置 / position',
      'HRL ! ARRIVED A3 — 已到达 / arrived',
    ]);
    for (const chunks of chunkings(stream).slice(0, 40)) {
      const d = describerFor('robotline', 'generic-hrl')!;
      expect(chunks.flatMap((c) => d.rx(c)).map((f) => f.meaning)).toEqual(whole);
    }
  });

  it('commands, a half command held, garbage', () => {
    const d = describerFor('robotline', 'generic-hrl')!;
    expect(d.tx(wire([COMMAND_LINES[2]!]))[0]!.meaning).toBe('HRL #12 GOTO A3 — 前往 / go to');
    expect(d.tx(Uint8Array.from('#13 CAN', (c) => c.charCodeAt(0)))).toEqual([]);
    expect(d.pendingTxBytes!()).toBe(7);
    expect(d.rx(wire(['hello']))[0]!.meaning).toContain('unreadable');
  });
});
