// The 予算額・執行額 table as the readers fill it: a grid of rows (当初予算 … 執行率) by columns
// (the four fiscal years, then the 要求), and where each row's label stands.
import type { Token } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { runAfter, valuesOf, type Value } from './values.js';

export const AMOUNT_ROWS = ['initial', 'supplementary', 'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed'] as const;
export type AmountRow = (typeof AMOUNT_ROWS)[number];
export type Row = AmountRow | 'executionRate';
export const ROWS: readonly Row[] = [...AMOUNT_ROWS, 'executionRate'];

/** Past years and the current one; the fifth column is the next year's 要求. */
export const YEAR_COLUMNS = 4;

export type Grid = Record<Row, Array<Value | undefined>>;

export function emptyGrid(): Grid {
  return Object.fromEntries(ROWS.map((r) => [r, []])) as unknown as Grid;
}

export function rowLabel(ctx: MatchContext, row: Row): Token | undefined {
  const candidates = ctx.find(row as LabelId).filter((t) => !t.labels.includes('breakdownCurrent') || row === 'initial');
  // 当初予算 also heads the 予算内訳 column, and -layout may break the title 予算額・執行額 so that
  // 執行額 stands alone on a line: the row label is the one with values beside it.
  const hasValues = (t: Token) => (ctx.isLayout ? ctx.rightOf(t, 0).some((c) => valuesOf(c)) : runAfter(ctx, t).length > 0);
  const beside = row === 'initial' || ctx.isLayout;
  return beside && candidates.length > 1 ? (candidates.find(hasValues) ?? candidates[0]) : candidates[0];
}
