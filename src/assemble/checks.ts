// Consistency checks, run after matching: the sheet's own arithmetic and cross-references.
// They never change a value; they tell a user which sheets to distrust.
import type { Sections } from './assemble.js';
import type { MatchContext } from '../match/context.js';

export function checkConsistency(s: Sections, ctx: MatchContext): void {
  for (const y of s.budget.years) {
    if (y.request !== null || y.total === null || y.initial === null) continue;
    const sum = y.initial + (y.supplementary ?? 0) + (y.carriedFromPrevious ?? 0) - (y.carriedToNext ?? 0) + (y.reserveFund ?? 0);
    if (Math.abs(sum - y.total) > 0.51) {
      ctx.report('warning', 'budget-arithmetic', `budget.years[${y.fiscalYear}].total`, `計 ${y.total} is not 当初予算 + 補正 + 繰越し − 繰越し + 予備費 = ${sum}`);
    }
    if (y.executed !== null && y.executionRate !== null && y.total > 0 && Math.abs((100 * y.executed) / y.total - y.executionRate) > 1) {
      ctx.report('warning', 'execution-rate', `budget.years[${y.fiscalYear}].executionRate`, `執行率 ${y.executionRate}% is not 執行額 ${y.executed} / 計 ${y.total}`);
    }
  }
  for (const e of s.expenses) {
    const sum = e.items.reduce((a, i) => a + (i.amount ?? 0), 0);
    if (e.total !== null && Math.abs(sum - e.total) > 0.051) {
      ctx.report('warning', 'expenses-sum', `expenses[${e.block}].total`, `費目・使途 items add up to ${sum}, not 計 ${e.total}`);
    }
  }
}
