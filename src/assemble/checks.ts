// Consistency rules: the sheet's own arithmetic and cross-references. They run after matching
// (parseSheet) and on any JSON document (`review-parse validate`). They never change a value;
// they tell a user which sheets, and which fields, to distrust. Fields are JSON paths.
import type { Diagnostic, Recipient, ReviewSheet } from './schema.js';
import { formulaOperands, formulaQuotient, isValidCorporateNumber, roundAmount as round } from '../tokenize/values.js';

type Document = Pick<ReviewSheet, 'budget' | 'unitCost' | 'fundFlow' | 'expenses' | 'recipients' | 'debtContracts'>;
type Rule = (doc: Document) => Diagnostic[];

const warning = (code: string, field: string, message: string): Diagnostic => ({ level: 'warning', code, field, message });

/** Amounts are printed to whole 百万円 or to a decimal or two; sums may differ by rounding. */
const roughlyEqual = (a: number, b: number, slack = 0.51) => Math.abs(a - b) <= slack;

/** 計 = 当初予算 + 補正予算 + 前年度から繰越し − 翌年度へ繰越し + 予備費等 */
const budgetArithmetic: Rule = ({ budget }) =>
  budget.years.flatMap((y, i) => {
    if (y.request !== null || y.total === null || y.initial === null) return [];
    const sum = y.initial + (y.supplementary ?? 0) + (y.carriedFromPrevious ?? 0) - (y.carriedToNext ?? 0) + (y.reserveFund ?? 0);
    return roughlyEqual(sum, y.total) ? [] : [warning('budget-arithmetic', `budget.years[${i}].total`, `${y.fiscalYear}: 計 ${y.total} is not 当初予算 + 補正 + 前年度から繰越し − 翌年度へ繰越し + 予備費 = ${round(sum)}`)];
  });

/** 執行率 = 執行額 / 計, in percent, printed to a whole or one decimal. */
const executionRate: Rule = ({ budget }) =>
  budget.years.flatMap((y, i) => {
    if (y.executed === null || y.executionRate === null || !y.total) return [];
    const rate = (100 * y.executed) / y.total;
    return Math.abs(rate - y.executionRate) <= 1 ? [] : [warning('execution-rate', `budget.years[${i}].executionRate`, `${y.fiscalYear}: 執行率 ${y.executionRate}% is not 執行額 ${y.executed} / 計 ${y.total} = ${rate.toFixed(1)}%`)];
  });

/**
 * A unit cost is its 計算式 (`118／4`), rounded as printed. The cost row and the formula often
 * have units a power of ten apart (円 against 百万円／件), so any power of ten passes.
 */
const UNIT_SCALES = [0, 3, 4, 6, 8, -3, -4, -6];

/** Half the last printed digit of a 計算式's dividend, over its divisor: how far rounding may move the quotient. */
function formulaSlack(formula: string): number {
  const operands = formulaOperands(formula);
  return operands ? (0.5 * 10 ** -operands.decimals) / Math.abs(operands.divisor) : 0;
}
const unitCostFormula: Rule = ({ unitCost }) =>
  unitCost.values.flatMap((v, i) => {
    if (v.value === null || !v.formula) return [];
    const q = formulaQuotient(v.formula);
    if (q === null) return [];
    const decimals = (String(v.value).split('.')[1] ?? '').length;
    const step = 10 ** -decimals;
    // The formula's amount is rounded as printed too (21.004 百万円 is 21,004,000 円 give or take
    // 500): half its last digit, divided as it is, may stand between the two.
    const slack = formulaSlack(v.formula);
    const fits = UNIT_SCALES.some((k) => Math.abs(q * 10 ** k - v.value!) <= step + slack * 10 ** k);
    return fits ? [] : [warning('unit-cost-formula', `unitCost.values[${i}].value`, `${v.fiscalYear}: 単位当たりコスト ${v.value} is not its 計算式 ${v.formula} = ${round(q)} (in any unit)`)];
  });

/** 費目・使途: a block's items add up to its 計. */
const expenseSums: Rule = ({ expenses }) =>
  expenses.flatMap((e, i) => {
    if (e.total === null || !e.items.length) return [];
    const sum = e.items.reduce((a, item) => a + (item.amount ?? 0), 0);
    return roughlyEqual(sum, e.total, 0.051 + 0.01 * e.items.length) ? [] : [warning('expenses-sum', `expenses[${i}].total`, `${e.block} ${e.recipient ?? ''}: 費目・使途 items add up to ${round(sum)}, not 計 ${e.total}`)];
  });

/** The top-10 list of a block cannot hold more money than the block's box in 資金の流れ. */
const recipientsAgainstFundFlow: Rule = ({ fundFlow, recipients }) => {
  const byBlock = new Map<string, number>();
  for (const f of fundFlow) if (f.block && f.amount !== null) byBlock.set(f.block, (byBlock.get(f.block) ?? 0) + f.amount);
  const sums = new Map<string, { sum: number; first: number }>();
  recipients.forEach((r, i) => {
    if (!r.block || r.amount === null) return;
    const s = sums.get(r.block) ?? { sum: 0, first: i };
    s.sum += r.amount;
    sums.set(r.block, s);
  });
  return [...sums].flatMap(([block, { sum, first }]) => {
    const flow = byBlock.get(block);
    if (flow === undefined || sum <= flow * 1.01 + 1) return [];
    return [warning('recipients-over-fund-flow', `recipients[${first}].amount`, `block ${block}: the listed recipients receive ${round(sum)}, more than its 資金の流れ box ${flow}`)];
  });
};

const corporateNumbers = (list: readonly Recipient[], path: string): Diagnostic[] =>
  list.flatMap((r, i) => {
    if (!r.corporateNumber) return [];
    if (!/^\d{13}$/.test(r.corporateNumber)) return [warning('corporate-number-length', `${path}[${i}].corporateNumber`, `法人番号 ${r.corporateNumber} is not 13 digits`)];
    return isValidCorporateNumber(r.corporateNumber) ? [] : [warning('corporate-number-check-digit', `${path}[${i}].corporateNumber`, `法人番号 ${r.corporateNumber} fails its check digit`)];
  });

const checkDigits: Rule = (doc) => [...corporateNumbers(doc.recipients, 'recipients'), ...corporateNumbers(doc.debtContracts, 'debtContracts')];

/**
 * The known 円-for-百万円 slips: an amount about 100×, 1,000× or 10⁶× the sheet's own budget.
 * Flagged, never changed: the sheet may be right and the budget wrong.
 */
const SLIP_FACTORS = [2, 3, 6];
const unitSlips: Rule = (doc) => {
  const totals = doc.budget.years.map((y) => y.total ?? y.initial).filter((x): x is number => x !== null && x > 0);
  if (!totals.length) return [];
  const reference = Math.max(...totals);
  const amounts: Array<[string, number | null]> = [
    ...doc.budget.years.flatMap((y, i): Array<[string, number | null]> => [[`budget.years[${i}].executed`, y.executed], [`budget.years[${i}].total`, y.total]]),
    ...doc.fundFlow.map((f, i): [string, number | null] => [`fundFlow[${i}].amount`, f.amount]),
    ...doc.expenses.map((e, i): [string, number | null] => [`expenses[${i}].total`, e.total]),
    ...doc.recipients.map((r, i): [string, number | null] => [`recipients[${i}].amount`, r.amount]),
  ];
  // Budget years against their median, so that one slipped year does not hide itself.
  const median = [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)]!;
  return amounts.flatMap(([field, amount]) => {
    if (amount === null || amount <= 0) return [];
    const base = field.startsWith('budget.') ? median : reference;
    const power = Math.log10(amount / base);
    const factor = SLIP_FACTORS.find((k) => Math.abs(power - k) <= 0.35);
    return factor === undefined ? [] : [warning('unit-slip', field, `${amount} is about ${factor === 6 ? '10⁶' : 10 ** factor}× the budget's ${round(base)} 百万円: 円 or 千円 printed where 百万円 is meant?`)];
  });
};

const RULES: Rule[] = [budgetArithmetic, executionRate, unitCostFormula, expenseSums, recipientsAgainstFundFlow, checkDigits, unitSlips];

export function consistencyFindings(doc: Document): Diagnostic[] {
  return RULES.flatMap((rule) => rule(doc));
}
