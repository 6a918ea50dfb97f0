import { describe, expect, it } from 'vitest';
import { eraYear, isValidCorporateNumber, parseAmount, parseCount, parseRate, readCell } from '../src/tokenize/values.js';

describe('values', () => {
  it('reads amounts with commas, full-width digits and triangle negatives', () => {
    expect(parseAmount('1,234')).toBe(1234);
    expect(parseAmount('１２３')).toBe(123);
    expect(parseAmount('△12')).toBe(-12);
    expect(parseAmount('▲0.5')).toBe(-0.5);
    expect(parseAmount('0.065')).toBe(0.065);
  });
  it('reads a dash as 0 in an amount and as null in a rate or count', () => {
    for (const dash of ['-', '－', '―', '‐']) {
      expect(parseAmount(dash)).toBe(0);
      expect(parseRate(dash)).toBeNull();
      expect(parseCount(dash)).toBeNull();
    }
  });
  it('reads rates with and without a percent sign', () => {
    expect(parseRate('79%')).toBe(79);
    expect(parseRate('90.1％')).toBe(90.1);
    expect(parseRate('68.0')).toBe(68);
  });
  it('tells text from values', () => {
    expect(readCell('計')).toBeNull();
    expect(readCell('2,630')).toEqual({ kind: 'number', value: 2630 });
  });
  it('converts Japanese eras', () => {
    expect(eraYear('平成27年度')).toBe(2015);
    expect(eraYear('平成２７年度')).toBe(2015);
    expect(eraYear('令和元年度')).toBe(2019);
    expect(eraYear('昭和43年度')).toBe(1968);
    // A year before the era's first, written as a negative year of it.
    expect(eraYear('平成-20年度')).toBe(1968);
    expect(eraYear('27年度')).toBe(2015);
    expect(eraYear('2年度')).toBe(2020);
    expect(eraYear('終了予定なし')).toBeNull();
  });
  it('checks 法人番号 check digits', () => {
    expect(isValidCorporateNumber('7010001008844')).toBe(true);
    expect(isValidCorporateNumber('7010001008845')).toBe(false);
    expect(isValidCorporateNumber('701000100884')).toBe(false);
  });
});
