// Readings of the budget table in stream text that start from its row labels: each row's run
// after its label, labels printed one after another sharing a run, the rows below 予備費等
// printed before their labels, and columns printed after the last label. budget.ts offers each
// reading to the arithmetic.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { AMOUNT_ROWS, emptyGrid, ROWS, rowLabel, YEAR_COLUMNS, type Grid, type Row } from './budget-grid.js';
import { amountOf, runAfter, type Value } from './values.js';

/** Rows printed label by label: `当初予算 140 393 197 124 [183]`, with 執行額 and 執行率 perhaps run on after 計. */
export function readRows(ctx: MatchContext): Grid {
  const grid = emptyGrid();
  for (const row of ROWS) {
    const label = rowLabel(ctx, row);
    if (!label) continue;
    let vs = runAfter(ctx, label);
    if (row === 'total' && vs.length > YEAR_COLUMNS + 1) {
      const rates = vs.filter((v) => v.cell.kind === 'rate');
      const width = vs.length - rates.length * 2 >= YEAR_COLUMNS ? vs.length - rates.length * 2 : YEAR_COLUMNS;
      const executed = vs.slice(width, width + rates.length);
      if (!grid.executed.length) grid.executed = executed;
      if (!grid.executionRate.length) grid.executionRate = vs.slice(width + rates.length, width + 2 * rates.length);
      vs = vs.slice(0, width);
    }
    if (vs.length > YEAR_COLUMNS + 1) continue;
    grid[row] = vs;
  }
  return grid;
}

/**
 * Rows whose labels a stack may hold, and how many cells each row has: the parts of 計 a
 * column each (the 要求 column's perhaps blank), 執行額 and 執行率 one per past year.
 */
const STACKABLE: ReadonlyArray<{ rows: readonly Row[]; widths: readonly number[] }> = [
  { rows: AMOUNT_ROWS.slice(0, AMOUNT_ROWS.indexOf('total')), widths: [YEAR_COLUMNS + 1, YEAR_COLUMNS] },
  { rows: ['executed', 'executionRate'], widths: [YEAR_COLUMNS - 1] },
];

/**
 * Stream text may print several row labels one after another and then their cells in one run
 * (`前年度から繰越し 翌年度へ繰越し 予備費等 193 208 2,196 1,191 - - - …`, `執行額 執行率（％）
 * 104,671 115,387 129,616 101% 116% 102%`): the run after the last of k such labels, k rows'
 * worth at its start, is dealt to them row by row.
 */
export function readStackedRows(ctx: MatchContext): Partial<Grid> | null {
  if (ctx.isLayout) return null;
  const dealt: Partial<Grid> = {};
  for (const { rows, widths } of STACKABLE) {
    for (const stack of labelStacks(ctx, rows)) {
      const run = runAfter(ctx, stack.at(-1)!.label);
      const width = widths.find((w) => run.length >= stack.length * w);
      if (width) stack.forEach(({ row }, k) => { dealt[row] = run.slice(k * width, (k + 1) * width); });
    }
  }
  return Object.keys(dealt).length ? dealt : null;
}

/** The rows' labels in runs of two or more with only labels between them, in the rows' order. */
function labelStacks(ctx: MatchContext, rows: readonly Row[]): Array<Array<{ row: Row; label: Token }>> {
  const stacks: Array<Array<{ row: Row; label: Token }>> = [];
  for (const row of rows) {
    const label = rowLabel(ctx, row);
    if (!label) continue;
    const last = stacks.at(-1)?.at(-1);
    const follows = last && label.index > last.label.index && ctx.tokens.slice(last.label.index + 1, label.index).every(isLabel);
    if (follows) stacks.at(-1)!.push({ row, label });
    else stacks.push([{ row, label }]);
  }
  return stacks.filter((s) => s.length > 1);
}

/** The readings that left the stacked rows empty, again with those rows dealt. */
export function withStackedRows(candidates: readonly Grid[], stacked: Partial<Grid> | null): Grid[] {
  if (!stacked) return [];
  const rows = Object.keys(stacked) as Row[];
  return candidates.filter((g) => rows.every((r) => !g[r].length)).map((g) => ({ ...g, ...stacked }));
}

/**
 * Stream text may print the 計, 執行額 and 執行率 rows before their labels, in one run with the
 * row above them (予備費等 - - - - 33,971 … 29,026 … 85% 97% 98%): the rates last, as many
 * 執行額 before them, and before those the row's cells and 計's, four or five each (both
 * splits are offered; the arithmetic chooses).
 */
export function readTailBeforeLabels(ctx: MatchContext, rows: Grid): Grid[] {
  if (ctx.isLayout || rows.initial.length < YEAR_COLUMNS || rows.total.length || rows.executed.length || rows.executionRate.length) return [];
  const parts = ROWS.slice(0, ROWS.indexOf('total'));
  const row = parts.findLast((r) => rowLabel(ctx, r) !== undefined);
  if (!row || rows[row].length) return [];
  const run = runAfter(ctx, rowLabel(ctx, row)!);
  const rateCount = run.length - run.findLastIndex((v) => v.cell.kind !== 'rate') - 1;
  const head = run.slice(0, run.length - 2 * rateCount);
  if (rateCount < 2) return [];
  return [YEAR_COLUMNS, YEAR_COLUMNS + 1].flatMap((own) => {
    const total = head.slice(own);
    if (total.length < YEAR_COLUMNS || total.length > YEAR_COLUMNS + 1) return [];
    return [{ ...rows, [row]: head.slice(0, own), total, executed: run.slice(head.length, head.length + rateCount), executionRate: run.slice(-rateCount) }];
  });
}

/** Columns printed one after another after the last row label: 補正 … 計, 執行額, 執行率 per year. */
export function readColumns(ctx: MatchContext, initialRow: Array<Value | undefined>): Grid | null {
  const last = rowLabel(ctx, 'executionRate');
  if (!last) return null;
  const vs = runAfter(ctx, last);
  if (vs.length < 20) return null;
  const grid = emptyGrid();
  grid.initial = initialRow;
  const perColumn: Row[] = ['supplementary', 'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed', 'executionRate'];
  let i = 0;
  for (let c = 0; c < YEAR_COLUMNS; c++) {
    const rows = c < YEAR_COLUMNS - 1 ? perColumn : perColumn.slice(0, 5);
    for (const row of rows) grid[row][c] = vs[i++];
  }
  if (vs[i]) grid.total[YEAR_COLUMNS] = vs[i++];
  return i <= vs.length ? grid : null;
}

/** The value run after the last row label, with the 当初予算 row split off when it opens it. */
function trailingRun(ctx: MatchContext, initialRow: Array<Value | undefined>): { initial: Array<Value | undefined>; run: Value[] } | null {
  const last = rowLabel(ctx, 'executionRate');
  if (!last) return null;
  const run = runAfter(ctx, last);
  if (initialRow.length <= YEAR_COLUMNS && run.slice(0, YEAR_COLUMNS + 1).every((v) => v.cell.kind === 'number')) {
    return { initial: run.slice(0, YEAR_COLUMNS + 1), run: run.slice(YEAR_COLUMNS + 1) };
  }
  return { initial: initialRow, run };
}

/**
 * When every 補正・繰越し・予備費 cell is a dash, each column's 計 equals its 当初予算: the
 * numbers of the run that equal a column's 当初予算 are its 計, in order, and the 執行率 values
 * are the past years' in order (執行額 then follows from 計 × 執行率 in completeByArithmetic).
 */
export function readByTotals(ctx: MatchContext, initialRow: Array<Value | undefined>): Grid | null {
  const found = ctx.isLayout ? null : trailingRun(ctx, initialRow);
  if (!found || found.initial.length < YEAR_COLUMNS) return null;
  // Only when the parts are dashes: four per column for the four year columns at least.
  if (found.run.filter((v) => v.cell.kind === 'dash').length < 4 * YEAR_COLUMNS) return null;
  const numbers = found.run.filter((v) => v.cell.kind === 'number');
  const rates = found.run.filter((v) => v.cell.kind === 'rate');
  const grid = emptyGrid();
  grid.initial = found.initial;
  const taken = new Set<Value>();
  found.initial.forEach((v, c) => {
    const initial = amountOf(v);
    const total = numbers.find((n) => !taken.has(n) && initial !== null && amountOf(n) === initial);
    if (!total) return;
    taken.add(total);
    grid.total[c] = total;
  });
  rates.slice(0, YEAR_COLUMNS - 1).forEach((r, c) => { grid.executionRate[c] = r; });
  return grid.total.filter(Boolean).length >= YEAR_COLUMNS - 1 ? grid : null;
}
