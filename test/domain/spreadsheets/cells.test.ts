// What offices type into cells, made plain: each parser accepts the usual spellings and says what it accepts.
import { describe, expect, it } from 'vitest';
import { keyTaskLabels } from '../../../domain/labels.ts';
import {
  cellText,
  excelSerialToDate,
  keyTaskLookup,
  parseAmount,
  parseBoolean,
  parseCode,
  parseCount,
  parseDate,
  parseList,
} from '../../../domain/spreadsheets/cells.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : 'rejected');

describe('cell parsers', () => {
  it('reads dates typed as text, Excel serials, numbers and Date cells', () => {
    for (const typed of [
      '2022-06-08',
      '2022/6/8',
      '2022.6.8',
      '2022年6月8日',
      '２０２２－０６－０８',
      '20220608',
      ' 2022-06-08 00:00:00 ',
      '44720',
    ]) {
      expect(value(parseDate(typed)), typed).toBe('2022-06-08');
    }
    expect(value(parseDate(44720))).toBe('2022-06-08');
    expect(value(parseDate(20220608))).toBe('2022-06-08');
    expect(value(parseDate(new Date(Date.UTC(2022, 5, 8))))).toBe('2022-06-08');
    // exceljs can hand back a serial's instant a few milliseconds early.
    expect(value(parseDate(new Date(Date.UTC(2022, 5, 8) - 3)))).toBe('2022-06-08');
    expect(excelSerialToDate(61)).toBe(null); // 1900: outside the campaign's years
  });

  it('rejects impossible dates, saying what a date looks like', () => {
    for (const typed of ['2022-02-30', '6月8日', 'next week', '1999-01-01', 99999999]) {
      const parsed = parseDate(typed);
      expect(parsed.ok, String(typed)).toBe(false);
      if (!parsed.ok) expect(parsed.expected.zh).toContain('2027-06-08');
    }
  });

  it('reads 是/否, Y/N, ✓/× and boolean cells', () => {
    for (const yes of ['是', 'Y', 'y', 'Yes', '✓', '✔', '√', 'TRUE', true, 1, ' 是 ', 'Ｙ'])
      expect(value(parseBoolean(yes))).toBe(true);
    for (const no of ['否', 'N', 'no', '×', 'x', 'FALSE', false, 0, '不需要'])
      expect(value(parseBoolean(no))).toBe(false);
    expect(parseBoolean('也许').ok).toBe(false);
  });

  it('reads counts with full-width digits, thousands separators and units', () => {
    expect(value(parseCount('１２０'))).toBe(120);
    expect(value(parseCount('1,234'))).toBe(1234);
    expect(value(parseCount('1，234'))).toBe(1234);
    expect(value(parseCount('46家'))).toBe(46);
    expect(value(parseCount(119.9999999999))).toBe(120);
    expect(parseCount('12.5').ok).toBe(false);
    expect(parseCount(-1).ok).toBe(false);
    expect(value(parseAmount('3860万元'))).toBe(3860);
    expect(value(parseAmount('12.5'))).toBe(12.5);
  });

  it('folds codes but keeps free text as typed', () => {
    expect(value(parseCode('ＢＪ－００１ '))).toBe('BJ-001');
    expect(value(parseCode(10012345678))).toBe('10012345678');
    expect(cellText('\u3000围绕石墨烯，明确方向 \u00a0')).toBe('围绕石墨烯，明确方向');
    expect(value(parseList('北京市知识产权局、专利局审查协作北京中心；\n中关村'))).toEqual([
      '北京市知识产权局',
      '专利局审查协作北京中心',
      '中关村',
    ]);
  });

  it('reads key tasks as numbers, Chinese numerals and drop-down labels', () => {
    const keyTask = keyTaskLookup(keyTaskLabels);
    for (const typed of [
      2,
      '2',
      '２',
      '二',
      '任务2',
      '（二）',
      '2 服务企业创新 enterprise innovation',
      '服务企业创新',
    ]) {
      expect(value(keyTask(typed)), String(typed)).toBe(2);
    }
    for (const typed of ['12', '6', '七', 0]) expect(keyTask(typed).ok, String(typed)).toBe(false);
  });
});
