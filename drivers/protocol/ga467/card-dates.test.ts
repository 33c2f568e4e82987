import { describe, expect, it } from 'vitest';
import { ERROR_ACTOR } from '../../../common/errors';
import { ageOn, cardValidity, cardValidityError, parseCardDate } from './card-dates';
import { LONG_TERM } from './card-text';

describe('parseCardDate (YYYYMMDD, §1.5)', () => {
  it('turns a real day into YYYY-MM-DD', () => {
    expect(parseCardDate('19900307')).toEqual({ ok: true, date: '1990-03-07' });
    expect(parseCardDate('20000229')).toEqual({ ok: true, date: '2000-02-29' }); // divisible by 400
    expect(parseCardDate('20240229')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseCardDate('18500101')).toEqual({ ok: true, date: '1850-01-01' });
    expect(parseCardDate('21991231')).toEqual({ ok: true, date: '2199-12-31' });
  });

  it('refuses days that do not exist', () => {
    for (const text of ['20230230', '20230229', '19000229', '21000229', '20230431', '20231301', '20230001', '20230100', '18491231', '22000101']) {
      expect(parseCardDate(text), text).toEqual({ ok: false, reason: 'invalidDate' });
    }
  });

  it('refuses anything that is not 8 ASCII digits', () => {
    for (const text of ['', '2023023', '202302301', '2023-02-3', '2023O230', '２０２３０２２８', ' 20230228', '长期']) {
      expect(parseCardDate(text), text).toEqual({ ok: false, reason: 'invalidFormat' });
    }
  });
});

describe('cardValidity (hall-local day, both ends inclusive)', () => {
  const card = { validFrom: '2016-05-20', validUntil: '2036-05-20' };

  it('is notYetValid the day before valid-from, valid from that day on', () => {
    expect(cardValidity(card, '2016-05-19')).toBe('notYetValid');
    expect(cardValidity(card, '2016-05-20')).toBe('valid');
  });

  it('is valid on the valid-until day and expired the day after', () => {
    expect(cardValidity(card, '2036-05-20')).toBe('valid');
    expect(cardValidity(card, '2036-05-21')).toBe('expired');
    expect(cardValidity({ validFrom: '2015-02-28', validUntil: '2025-02-28' }, '2025-03-01')).toBe('expired');
    expect(cardValidity({ validFrom: '2014-12-31', validUntil: '2024-12-31' }, '2025-01-01')).toBe('expired');
  });

  it('never expires a 长期 card, but a 长期 card can still be not yet valid', () => {
    const longTerm = { validFrom: '2008-03-15', validUntil: LONG_TERM } as const;
    expect(cardValidity(longTerm, '2199-12-31')).toBe('valid');
    expect(cardValidity(longTerm, '2008-03-14')).toBe('notYetValid');
  });

  it('throws a RangeError when today is not a real YYYY-MM-DD day (a caller bug)', () => {
    for (const today of ['20250101', '2025-1-1', '2025-02-29', '', '2025-06-01T00:00']) {
      expect(() => cardValidity(card, today), today).toThrow(RangeError);
    }
  });

  it('names the refusal by an error code the citizen acts on (the UI says it in three languages)', () => {
    expect(cardValidityError('expired')).toBe('cardExpired');
    expect(cardValidityError('notYetValid')).toBe('cardNotYetValid');
    expect(cardValidityError('valid')).toBeNull();
    expect(ERROR_ACTOR.cardExpired).toBe('citizen');
    expect(ERROR_ACTOR.cardNotYetValid).toBe('citizen');
  });
});

describe('ageOn (周岁, whole years)', () => {
  it('goes up on the birthday itself, not the day before', () => {
    expect(ageOn('1955-06-15', '2025-06-14')).toBe(69);
    expect(ageOn('1955-06-15', '2025-06-15')).toBe(70);
    expect(ageOn('1955-06-15', '2025-06-16')).toBe(70);
  });

  it('handles year ends and the day of birth', () => {
    expect(ageOn('1955-12-31', '2025-12-30')).toBe(69);
    expect(ageOn('1955-12-31', '2025-12-31')).toBe(70);
    expect(ageOn('1956-01-01', '2025-12-31')).toBe(69);
    expect(ageOn('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('born on 29 February: in a common year the birthday is 28 February by default (Civil Code art. 202)', () => {
    expect(ageOn('1952-02-29', '2022-02-27')).toBe(69);
    expect(ageOn('1952-02-29', '2022-02-28')).toBe(70);
    expect(ageOn('1952-02-29', '2022-03-01')).toBe(70);
  });

  it('born on 29 February: with leapDayBirthday mar1 the age goes up on 1 March', () => {
    expect(ageOn('1952-02-29', '2022-02-28', { leapDayBirthday: 'mar1' })).toBe(69);
    expect(ageOn('1952-02-29', '2022-03-01', { leapDayBirthday: 'mar1' })).toBe(70);
  });

  it('born on 29 February: in a leap year the birthday is 29 February whatever the option', () => {
    for (const leapDayBirthday of ['feb28', 'mar1'] as const) {
      expect(ageOn('1954-02-28', '2024-02-27', { leapDayBirthday })).toBe(69); // an ordinary 28 February birthday
      expect(ageOn('1952-02-29', '2024-02-28', { leapDayBirthday })).toBe(71);
      expect(ageOn('1952-02-29', '2024-02-29', { leapDayBirthday })).toBe(72);
    }
  });

  it('is negative when today is before the birth date (a clock far behind), never a plausible age', () => {
    expect(ageOn('2025-06-15', '2025-06-14')).toBe(-1);
    expect(ageOn('2025-06-15', '1970-01-01')).toBeLessThan(0);
  });

  it('throws a RangeError on a malformed date', () => {
    expect(() => ageOn('19550615', '2025-06-15')).toThrow(RangeError);
    expect(() => ageOn('1955-06-15', '2025-02-30')).toThrow(RangeError);
  });
});
