// The budget table's own arithmetic, which chooses between readings and completes them:
//   計 = 当初予算 + 補正予算 + 前年度から繰越し − 翌年度へ繰越し + 予備費等,  執行率 = 執行額 / 計,
// and the 予算内訳's columns, which add up to this year's 当初予算 and the 要求.
import type { BudgetBreakdown, BudgetYear } from '../assemble/schema.js';
import { roundAmount } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { YEAR_COLUMNS } from './budget-grid.js';

/** What the 予算内訳's columns add up to: this year's 当初予算 and next year's 要求. */
export interface BreakdownSums {
  currentYear: number;
  request: number;
}

/** The 予算内訳's column sums, where every row has both amounts. */
export function breakdownSums(rows: readonly BudgetBreakdown[]): BreakdownSums | null {
  if (!rows.length || rows.some((r) => r.currentYear === null || r.nextYearRequest === null)) return null;
  const sum = (f: (r: BudgetBreakdown) => number) => roundAmount(rows.reduce((a, r) => a + f(r), 0));
  return { currentYear: sum((r) => r.currentYear!), request: sum((r) => r.nextYearRequest!) };
}

/** How many of the 予算内訳's two sums a reading's current-year 当初予算 and 要求 agree with. */
export function agreement(years: readonly BudgetYear[], sums: BreakdownSums | null): number {
  if (!sums) return 0;
  const current = years[YEAR_COLUMNS - 1];
  const request = years[YEAR_COLUMNS];
  return Number(current?.initial === sums.currentYear) + Number(request?.request === sums.request);
}

/** 当初予算 + 補正予算 + 前年度から繰越し − 翌年度へ繰越し + 予備費等: what the year's 計 must be. */
const partsOf = (y: BudgetYear) => (y.initial ?? 0) + (y.supplementary ?? 0) + (y.carriedFromPrevious ?? 0) - (y.carriedToNext ?? 0) + (y.reserveFund ?? 0);

/** How many of the sheet's own identities a reading satisfies; the best reading wins. */
export function consistency(years: BudgetYear[], sums: BreakdownSums | null = null): number {
  let score = agreement(years, sums);
  for (const y of years) {
    if (y.total !== null && y.initial !== null) {
      score += Math.abs(partsOf(y) - y.total) < 0.51 ? 1 : -1;
    }
    if (y.executionRate !== null && y.executed !== null && y.total) {
      score += rateHolds(y) ? 1 : -1;
    }
    // Nothing is executed beyond the year's 計, even where no 執行率 is printed to say so.
    else if (y.executed !== null && y.total !== null && y.executed > y.total + 0.5) score -= 1;
    // A year with no 計 has no 執行率 (its cell is a dash).
    if (y.total === 0 && y.executionRate) score -= 1;
  }
  return score;
}

/** A year whose 執行率 is its 執行額 / 計, all three printed. */
export const rateHolds = (y: BudgetYear): boolean =>
  y.executionRate !== null && y.executed !== null && !!y.total && Math.abs((100 * y.executed) / y.total - y.executionRate) < 1;

/** Every past year's 執行率 is its 執行額 / 計, and at least two past years print one. */
export function ratesAllHold(years: readonly BudgetYear[]): boolean {
  const rated = years.filter((y) => y.executionRate !== null && y.executed !== null && y.total);
  return rated.length >= 2 && rated.every(rateHolds);
}

/** How many identities a complete table has: a 計 per column, the 要求 column's too, and an 執行率 per past year. */
export const identities = (years: BudgetYear[], sums: BreakdownSums | null) => years.length + YEAR_COLUMNS - 1 + (sums ? 2 : 0);

/** Totals from the sum of their parts and executed amounts from the rate, where missing. */
export function completed(years: readonly BudgetYear[], pool: readonly number[]): BudgetYear[] {
  return years.map((y) => {
    if (y.request !== null || y.initial === null) return y;
    const total = y.total ?? roundAmount(partsOf(y));
    const executed = y.executed ?? (y.executionRate !== null && total ? pool.find((x) => Math.abs((100 * x) / total - y.executionRate!) < 0.5) ?? null : null);
    return { ...y, total, executed };
  });
}

/** The years completed by arithmetic, each 計 so derived reported. */
export function completeByArithmetic(ctx: MatchContext, years: readonly BudgetYear[], pool: readonly number[]): BudgetYear[] {
  const out = completed(years, pool);
  out.forEach((y, i) => {
    if (years[i]!.total === null && y.total !== null) ctx.report('info', 'budget-total-derived', `budget.years[${i}].total`, `計 for ${y.fiscalYear} was not found; it is the sum of its parts, ${y.total}`);
  });
  return out;
}

const isUnread = (y: BudgetYear) => y.initial === null && y.total === null && y.executed === null && y.executionRate === null && y.request === null;
const withPartsUnread = (y: BudgetYear): BudgetYear => ({ ...y, supplementary: null, carriedFromPrevious: null, carriedToNext: null, reserveFund: null });

/**
 * The sheet breaks 計 = its parts in every year, so no reading is kept but perhaps its 当初予算:
 * 執行率 = 執行額 / 計 still confirms a year's 計, 執行額 and 執行率 (three printed values that
 * agree). Nothing kept: a row-major reading from the first value whose every 執行率 holds gives
 * all its rows but the parts. Else the chunk decoder's years whose 執行率 holds, two at least,
 * give those years' 計, 執行額 and 執行率. The parts stay unread either way.
 */
export function whereRatesHold(ctx: MatchContext, best: BudgetYear[], rowMajor: readonly BudgetYear[][], chunks: () => BudgetYear[] | null): BudgetYear[] {
  const report = () => ctx.report('warning', 'budget-parts-unplaced', 'budget.years', '計 is not the sum of its parts in the budget table as printed: 計, 執行額 and 執行率 are read where 執行率 bears them out, and 補正予算, 繰越し and 予備費 are left unread');
  const whole = best.every(isUnread) ? rowMajor.find(ratesAllHold) : undefined;
  if (whole) {
    report();
    return whole.map(withPartsUnread);
  }
  const read = chunks();
  const held = read?.map(rateHolds) ?? [];
  if (!read || held.filter(Boolean).length < 2) return best;
  report();
  return best.map((y, i) => (held[i] ? withPartsUnread({ ...y, total: read[i]!.total, executed: read[i]!.executed, executionRate: read[i]!.executionRate }) : y));
}
