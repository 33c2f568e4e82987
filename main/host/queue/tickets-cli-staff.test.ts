import { describe, expect, it } from 'vitest';
import { StaffCommandError } from './ticket-settlement';
import { parseTicketsArgs } from './tickets-cli-args';
import { StaffCliError, formatStaffResult, staffRequest } from './tickets-cli-staff';

const request = (argv: string[]) => staffRequest(parseTicketsArgs(argv), () => 'kiosk');

describe('npm run tickets -- settle / confirm-clock: the command line', () => {
  it('reads the words and options in any order; who acts is the OS user unless --by says', () => {
    expect(request(['settle', 'A003', 'issued'])).toEqual({ command: 'settle', number: 'A003', outcome: 'issued', by: 'kiosk' });
    expect(request(['--day=2026-11-23', 'settle', 'a003', '--note', '市民手持号票', 'voided', '--by', '王芳'])).toEqual({
      command: 'settle',
      number: 'A003',
      outcome: 'voided',
      day: '2026-11-23',
      note: '市民手持号票',
      by: '王芳',
    });
    expect(request(['confirm-clock', '--by', 'tech-zhao'])).toEqual({ command: 'confirm-clock', by: 'tech-zhao' });
  });

  it('refuses a wrong line before reaching anything, saying what is wrong', () => {
    expect(() => request(['settle', 'A003'])).toThrow(StaffCliError);
    expect(() => request(['settle', 'A003', 'served'])).toThrow(/issued .* or voided/);
    expect(() => request(['settle', 'A3', 'issued'])).toThrow(StaffCommandError);
    expect(() => request(['settle', 'A003', 'issued', '--day', '2026-02-30'])).toThrow(/--day must be a hall day/);
    expect(() => request(['settle', 'A003', 'issued', '--note', 'two\nlines'])).toThrow(/one line/);
    expect(() => request(['confirm-clock', 'now'])).toThrow(/takes no arguments/);
    expect(() => parseTicketsArgs(['settle', '--by'])).toThrow(/--by must be followed by a value/);
  });

  it('tells staff where the ticket now stands and who carried it out', () => {
    const settled = { kind: 'settled' as const, ticket: { number: 'A002', day: '2026-11-23', businessId: 'social-insurance', status: 'issued', reservedAt: Date.UTC(2026, 10, 23, 2, 1) }, auditId: 4, alertsResolved: 1 };
    expect(formatStaffResult({ ...settled, inCallOrder: true, peopleAhead: 2, via: 'host' }, 'Asia/Shanghai')).toBe(
      '已确认出票 settled as issued: 2026-11-23 A002 (social-insurance, 取号 taken 2026-11-23 10:01), audit #4\n' +
        '  已按取号时间排入叫号顺序，前面还有 2 人 / in the call order at its place (by the time it was taken): 2 ahead\n' +
        '由运行中的终端执行 / carried out by the running kiosk; 提醒已解除 its alert resolved\n',
    );
    expect(formatStaffResult({ ...settled, inCallOrder: false, peopleAhead: null, alertsResolved: 0, via: 'direct' }, 'Asia/Shanghai')).toContain(
      'its day is over: it counts as issued but will not be called\n终端未运行，已直接写入数据库 / no kiosk running: written to its database directly',
    );
  });
});
