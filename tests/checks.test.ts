// The consistency rules, on the seed's hand-checked document and on small slips made in it.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { consistencyFindings } from '../src/assemble/checks.js';
import type { ReviewSheet } from '../src/assemble/schema.js';
import { fixture } from './helpers.js';

const codes = (doc: ReviewSheet) => consistencyFindings(doc).map((d) => `${d.code} ${d.field}`);

describe('consistency rules', () => {
  let doc: ReviewSheet;
  beforeEach(() => {
    doc = JSON.parse(readFileSync(fixture('h28-soumu-0092.expected.json'), 'utf8')) as ReviewSheet;
  });

  it('find nothing wrong with the hand-checked seed sheet', () => {
    expect(codes(doc)).toEqual([]);
  });
  it('catch a 計 that is not the sum of its parts, and a wrong 執行率', () => {
    const y = doc.budget.years.findIndex((x) => x.total && x.executed);
    doc.budget.years[y]!.total! += 10;
    expect(codes(doc)).toContain(`budget-arithmetic budget.years[${y}].total`);
    expect(codes(doc)).toContain(`execution-rate budget.years[${y}].executionRate`);
  });
  it('accept a unit cost in another unit than its formula, not another number', () => {
    doc.unitCost.values[2]!.value = 29_500_000; // 円 against 百万円／件
    expect(codes(doc)).toEqual([]);
    doc.unitCost.values[2]!.value = 31;
    expect(codes(doc)).toEqual(['unit-cost-formula unitCost.values[2].value']);
  });
  it('accept a unit cost its formula\'s rounded amount leaves a little off (21.004／2 for 10,501,920 円), not more', () => {
    doc.unitCost.values[2] = { ...doc.unitCost.values[2]!, value: 10_501_920, formula: '21.004／2' };
    expect(codes(doc)).toEqual([]);
    // 21.004 百万円 is 21,003,500 円 at least: half of it is no less than 10,501,750 円.
    doc.unitCost.values[2]!.value = 10_501_700;
    expect(codes(doc)).toEqual(['unit-cost-formula unitCost.values[2].value']);
  });
  it('catch 費目・使途 items that do not add up to 計', () => {
    doc.expenses[0]!.items[0]!.amount = 90;
    expect(codes(doc)).toEqual(['expenses-sum expenses[0].total']);
  });
  it('catch recipients that receive more than their block in 資金の流れ', () => {
    const i = doc.recipients.findIndex((r) => r.block === 'B');
    doc.recipients[i]!.amount = 40;
    expect(codes(doc)).toEqual([`recipients-over-fund-flow recipients[${i}].amount`]);
  });
  it('catch a 法人番号 whose check digit is wrong', () => {
    doc.recipients[0]!.corporateNumber = '8010001008844';
    expect(codes(doc)).toEqual(['corporate-number-check-digit recipients[0].corporateNumber']);
  });
  it('flag amounts 1,000× or 10⁶× out of line with the budget (円 for 百万円), and leave them as they are', () => {
    doc.fundFlow[1]!.amount = 108_000_000;
    doc.expenses[0]!.total = 108_000;
    const found = consistencyFindings(doc).filter((d) => d.code === 'unit-slip');
    expect(found.map((d) => d.field)).toEqual(['fundFlow[1].amount', 'expenses[0].total']);
    expect(found[0]!.message).toContain('10⁶');
    expect(found[1]!.message).toContain('1000×');
    expect(doc.fundFlow[1]!.amount).toBe(108_000_000);
  });
});
