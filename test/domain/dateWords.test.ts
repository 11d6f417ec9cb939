// Dates as people read them: 2027年5月25日 in the Chinese half, ISO in the English.
import { describe, expect, it } from 'vitest';
import { endOfDateInShanghai } from '../../domain/calendar.ts';
import { dateTimeWords, dateZh } from '../../domain/dateWords.ts';

describe('dates in words', () => {
  it('reads a yyyy-mm-dd date the Chinese way, without leading zeros', () => {
    expect(dateZh('2027-05-25')).toBe('2027年5月25日');
    expect(dateZh('2027-11-10')).toBe('2027年11月10日');
    expect(dateZh('2027-01-01')).toBe('2027年1月1日');
  });

  it('leaves what is not a date as it came', () => {
    expect(dateZh('')).toBe('');
    expect(dateZh('2027-5-25')).toBe('2027-5-25');
  });

  it('gives an instant in Beijing time in both halves', () => {
    // The last millisecond of May 25 in Beijing is 15:59 UTC that day.
    expect(dateTimeWords(endOfDateInShanghai('2027-05-25'))).toEqual({
      zh: '2027年5月25日 23:59',
      en: '2027-05-25 23:59',
    });
  });
});
