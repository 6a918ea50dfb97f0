// 予算額・執行額 and the 予算内訳. The table has four fiscal-year columns and the 要求 column;
// extractors print it by rows, by columns, or scattered. We read it whichever way the labels
// allow, and let the sheet's own arithmetic choose between readings and fill what is missing:
//   計 = 当初予算 + 補正予算 + 前年度から繰越し − 翌年度へ繰越し + 予備費等,  執行率 = 執行額 / 計.
import type { Budget, BudgetYear } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import { readCell, roundAmount } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { breakdown } from './budget-breakdown.js';
import { isItemName } from './breakdown-columns.js';
import { readStream, STREAM_ROWS } from './budget-stream.js';
import { amountOf, centre, headerYear, isYearHead, orderedColumns, rateOf, runAfter, valuesOf, type Value } from './values.js';

const AMOUNT_ROWS = ['initial', 'supplementary', 'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed'] as const;
type AmountRow = (typeof AMOUNT_ROWS)[number];
type Row = AmountRow | 'executionRate';
const ROWS: readonly Row[] = [...AMOUNT_ROWS, 'executionRate'];

/** Past years and the current one; the fifth column is the next year's 要求. */
const YEAR_COLUMNS = 4;

type Grid = Record<Row, Array<Value | undefined>>;

function emptyGrid(): Grid {
  return Object.fromEntries(ROWS.map((r) => [r, []])) as unknown as Grid;
}

function rowLabel(ctx: MatchContext, row: Row): Token | undefined {
  const candidates = ctx.find(row as LabelId).filter((t) => !t.labels.includes('breakdownCurrent') || row === 'initial');
  // 当初予算 also heads the 予算内訳 column; the row label is the one with values beside it.
  const hasValues = (t: Token) => (ctx.isLayout ? ctx.rightOf(t, 0).some((c) => valuesOf(c)) : runAfter(ctx, t).length > 0);
  return row === 'initial' && candidates.length > 1 ? (candidates.find(hasValues) ?? candidates[0]) : candidates[0];
}

/** Layout text: each row's values sit to the right of its label, under the year headers. */
function readLayout(ctx: MatchContext): Grid | null {
  const headers = ctx.tokens.filter((t) => headerYear(t) !== null && /年度(要求)?$/.test(t.folded));
  const initial = rowLabel(ctx, 'initial');
  if (!initial) return null;
  const columns = headers.filter((h) => h.row < initial.row && h.row >= initial.row - 6).sort((a, b) => a.col - b.col).slice(0, YEAR_COLUMNS + 1);
  if (columns.length < YEAR_COLUMNS) return null;
  const rightEdge = columns[columns.length - 1]!.end + 4;
  const taken = new Set<Token>();
  const valueCells = (cells: Token[]) => cells.filter((t) => t.col <= rightEdge && valuesOf(t)?.length === 1 && !ctx.isUsed(t) && !taken.has(t)).sort((a, b) => a.col - b.col);
  const rows = ROWS.map((row) => {
    const label = rowLabel(ctx, row);
    if (!label) return { row, cells: [] as Token[] };
    // A label that wraps (前年度から繰越 / し) has its values on the line between its pieces.
    let cells = valueCells(ctx.rightOf(label, 0));
    if (!cells.length) cells = valueCells(ctx.startingOnRows(label.row + 1, label.row + 1).filter((t) => t.col >= label.end));
    cells.forEach((t) => taken.add(t));
    return { row, cells };
  });
  // Numbers are right-aligned, their heads perhaps not: a row with a cell in every column sets
  // where each column's cells end; else the heads' centres are the columns'.
  const full = rows.find((r) => r.cells.length === columns.length);
  const anchors = full ? full.cells.map((t) => t.end) : columns.map(centre);
  const position = (t: Token) => (full ? t.end : centre(t));
  const grid = emptyGrid();
  for (const { row, cells } of rows) {
    orderedColumns(cells.map(position), anchors).forEach((column, i) => {
      grid[row][column] = valuesOf(cells[i]!)![0];
      ctx.use(cells[i]!);
    });
  }
  return grid;
}

/** Rows printed label by label: `当初予算 140 393 197 124 [183]`, with 執行額 and 執行率 perhaps run on after 計. */
function readRows(ctx: MatchContext): Grid {
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
function readStackedRows(ctx: MatchContext): Partial<Grid> | null {
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
function withStackedRows(candidates: readonly Grid[], stacked: Partial<Grid> | null): Grid[] {
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
function readTailBeforeLabels(ctx: MatchContext, rows: Grid): Grid[] {
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
function readColumns(ctx: MatchContext, initialRow: Array<Value | undefined>): Grid | null {
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
function readByTotals(ctx: MatchContext, initialRow: Array<Value | undefined>): Grid | null {
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

/** A letter of a title the extractor spelled down the page (平 / 成 / 2 / 8 …年度予算内訳). */
const isVerticalLetter = (t: Token) => !isLabel(t) && /^\p{Script=Han}$/u.test(t.folded);

const isBudgetItem = (t: Token | undefined) => t !== undefined && !isLabel(t) && isItemName(t.text);
const isSingleNumber = (t: Token) => {
  const values = valuesOf(t);
  return values?.length === 1 && values[0]!.cell.kind === 'number';
};

/**
 * How many boxes from `from` hold a 予算内訳's `count` amounts: numbers one to a box, none a dash
 * (the budget table's empty parts are dashes), a reason beside or after them; 0 when they do not.
 */
function breakdownSpan(tokens: readonly Token[], from: number, count: number): number {
  let found = 0;
  for (let i = from; i < tokens.length && found < count; i++) {
    const t = tokens[i]!;
    const [first, ...rest] = t.text.trim().split(/\s+/);
    const lead = first ? readCell(first) : null;
    if (lead?.kind === 'number' && (rest.length === 0 || !valuesOf({ ...t, labels: [] }, rest.join(' ')))) found++;
    else if (!found || isLabel(t) || lead !== null || isYearHead(t)) return 0;
    if (found === count) return i - from + 1;
  }
  return 0;
}

/**
 * How many boxes from `from` are single amounts (no dash) before a reason: the 予算内訳's
 * amounts printed right after its heads (`主な増減理由 26 11 19 16 事業の見直しによる減`); 0 otherwise.
 */
function amountsBeforeReason(tokens: readonly Token[], from: number): number {
  let at = from;
  while (at < tokens.length && isSingleNumber(tokens[at]!)) at++;
  const reason = tokens[at];
  return at - from >= 2 && (at - from) % 2 === 0 && reason && !isLabel(reason) && !valuesOf(reason) && !isBudgetItem(reason) && !isYearHead(reason) ? at - from : 0;
}

/** Every value from the table's title to the 予算内訳's vertical title, in stream order. */
function tableValues(ctx: MatchContext): Value[] {
  const start = Math.min(...(['budgetTitle', 'initial'] as const).map((l) => ctx.first(l)?.index ?? Infinity));
  if (!Number.isFinite(start)) return [];
  const values: Value[] = [];
  let items = 0;
  for (let i = start; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (isVerticalLetter(t) || t.labels.includes('outcomeTitle') || t.labels.includes('midTarget')) break;
    if (t.rest) values.push(...(valuesOf({ ...t, labels: [] }, t.rest) ?? []));
    const own = valuesOf(t);
    items = !own && isBudgetItem(t) ? items + 1 : 0;
    // pdfminer may print the 予算内訳 inside the table: its item names, then two amounts each;
    // or its amounts right after its column heads, up to the first reason.
    const span = items && !isBudgetItem(ctx.tokens[i + 1]) ? breakdownSpan(ctx.tokens, i + 1, 2 * items)
      : t.labels.includes('breakdownReason') ? amountsBeforeReason(ctx.tokens, i + 1) : 0;
    if (span) i += span;
    else values.push(...(own ?? []));
  }
  return values;
}

/**
 * Row lengths of a table printed row after row (its labels before it): 当初予算 and 計 have
 * the 要求 column, the parts have it too or not, 執行額 and 執行率 the past years only.
 */
const ROW_MAJOR_SHAPES: ReadonlyArray<Record<Row, number>> = [
  { initial: 5, supplementary: 4, carriedFromPrevious: 4, carriedToNext: 4, reserveFund: 4, total: 5, executed: 3, executionRate: 3 },
  { initial: 5, supplementary: 5, carriedFromPrevious: 5, carriedToNext: 5, reserveFund: 5, total: 5, executed: 3, executionRate: 3 },
];
/** Values from elsewhere (a year, a 予算内訳 amount) may open the run. */
const ROW_MAJOR_OFFSETS = 4;

/**
 * The rows of the past and current years, and the 要求 column's 当初予算 printed after them all
 * (pdftotext prints the column apart when its cells sit lower than the row's others).
 */
const REQUEST_LAST_SHAPE: Record<Row, number> = { initial: 4, supplementary: 4, carriedFromPrevious: 4, carriedToNext: 4, reserveFund: 4, total: 4, executed: 3, executionRate: 3 };

/** Stream text whose rows came whole, one after another: read row-major, each shape and start. */
function readRowMajor(values: readonly Value[], shapes: ReadonlyArray<Record<Row, number>> = ROW_MAJOR_SHAPES): Grid[] {
  const out: Grid[] = [];
  for (const shape of shapes) {
    for (let offset = 0; offset <= ROW_MAJOR_OFFSETS; offset++) {
      const grid = emptyGrid();
      let at = offset;
      for (const row of ROWS) {
        grid[row] = values.slice(at, at + shape[row]);
        at += shape[row];
      }
      if (shape === REQUEST_LAST_SHAPE) grid.initial[YEAR_COLUMNS] = values[at++];
      if (at <= values.length) out.push(grid);
    }
  }
  return out;
}

/**
 * Stream text whose table came in chunks: every value from the table's title to the 予算内訳's
 * vertical title, read by the staircase decoder in budget-stream.ts.
 */
function readChunks(values: readonly Value[]): Grid | null {
  const columns = readStream(values);
  if (!columns) return null;
  const grid = emptyGrid();
  columns.forEach((column, c) => STREAM_ROWS.forEach((row, r) => { grid[row][c] = column[r]; }));
  return grid;
}

/** How many of the sheet's own identities a reading satisfies; the best reading wins. */
function consistency(years: BudgetYear[]): number {
  let score = 0;
  for (const y of years) {
    if (y.total !== null && y.initial !== null) {
      const sum = (y.initial ?? 0) + (y.supplementary ?? 0) + (y.carriedFromPrevious ?? 0) - (y.carriedToNext ?? 0) + (y.reserveFund ?? 0);
      score += Math.abs(sum - y.total) < 0.51 ? 1 : -1;
    }
    if (y.executionRate !== null && y.executed !== null && y.total) {
      score += Math.abs((100 * y.executed) / y.total - y.executionRate) < 1 ? 1 : -1;
    }
    // Nothing is executed beyond the year's 計, even where no 執行率 is printed to say so.
    else if (y.executed !== null && y.total !== null && y.executed > y.total + 0.5) score -= 1;
  }
  return score;
}

/**
 * How many more identities the chunk decoder's reading must satisfy than the plain readings'
 * best: real sheets break their own arithmetic now and then, and a search that maximises it
 * can find a wrong reading that breaks it less.
 */
const CHUNKS_MARGIN = 2;

/** How many identities a complete table has: a 計 per column, the 要求 column's too, and an 執行率 per past year. */
const identities = (years: BudgetYear[]) => years.length + YEAR_COLUMNS - 1;

function toYears(grid: Grid, firstYear: number): BudgetYear[] {
  const years: BudgetYear[] = [];
  for (let c = 0; c <= YEAR_COLUMNS; c++) {
    const isRequest = c === YEAR_COLUMNS;
    const get = (row: AmountRow) => amountOf(grid[row][c]);
    const initial = get('initial');
    const total = get('total') ?? (isRequest ? initial : null);
    years.push({
      fiscalYear: firstYear + c,
      initial: isRequest ? initial ?? total : initial,
      supplementary: isRequest ? null : get('supplementary'),
      carriedFromPrevious: isRequest ? null : get('carriedFromPrevious'),
      carriedToNext: isRequest ? null : get('carriedToNext'),
      reserveFund: isRequest ? null : get('reserveFund'),
      total,
      executed: isRequest ? null : get('executed'),
      executionRate: isRequest ? null : rateOf(grid.executionRate[c]),
      request: isRequest ? total ?? initial : null,
    });
  }
  return years;
}

/** Scattered text: the five-value 当初予算 row, the 執行率 run, and arithmetic for the rest. */
function readScattered(ctx: MatchContext, rows: Grid): Grid {
  const grid = { ...rows };
  if (grid.initial.length < YEAR_COLUMNS) {
    const fullRow = ctx.tokens.map((t) => valuesOf(t)).find((vs) => vs?.length === YEAR_COLUMNS + 1);
    if (fullRow) grid.initial = fullRow;
  }
  return grid;
}

/** Fills totals from the sum of their parts and executed amounts from the rate, then checks. */
function completeByArithmetic(ctx: MatchContext, years: BudgetYear[], pool: readonly number[]): void {
  years.forEach((y, i) => {
    if (y.request !== null || y.initial === null) return;
    const parts = (y.initial ?? 0) + (y.supplementary ?? 0) + (y.carriedFromPrevious ?? 0) - (y.carriedToNext ?? 0) + (y.reserveFund ?? 0);
    if (y.total === null) {
      y.total = roundAmount(parts);
      ctx.report('info', 'budget-total-derived', `budget.years[${i}].total`, `計 for ${y.fiscalYear} was not found; it is the sum of its parts, ${y.total}`);
    }
    if (y.executed === null && y.executionRate !== null && y.total) {
      const match = pool.find((x) => Math.abs((100 * x) / y.total! - y.executionRate!) < 0.5);
      if (match !== undefined) y.executed = match;
    }
  });
}

function budgetYears(ctx: MatchContext, reviewYear: number, pool: readonly number[]): BudgetYear[] {
  const firstYear = reviewYear - (YEAR_COLUMNS - 1);
  const candidates: Grid[] = [];
  if (ctx.isLayout) {
    const layout = readLayout(ctx);
    if (layout) candidates.push(layout);
  }
  const rows = readRows(ctx);
  candidates.push(rows);
  const columns = readColumns(ctx, rows.initial);
  if (columns) candidates.push(columns);
  const byTotals = readByTotals(ctx, rows.initial);
  if (byTotals) candidates.push(byTotals);
  candidates.push(readScattered(ctx, rows));
  const values = ctx.isLayout ? [] : tableValues(ctx);
  candidates.push(...readRowMajor(values));
  candidates.push(...withStackedRows(candidates, readStackedRows(ctx)));
  const readings = candidates.map((g) => toYears(g, firstYear));
  let best = readings.reduce((a, b) => (consistency(b) > consistency(a) ? b : a));
  // The 要求 column printed after the other rows: tried only when no reading above holds.
  if (!ctx.isLayout && consistency(best) < identities(best)) {
    // Each value passed over to start the run must be paid for by an identity more.
    readRowMajor(values, [REQUEST_LAST_SHAPE]).forEach((grid, offset) => {
      const years = toYears(grid, firstYear);
      if (consistency(years) - offset > consistency(best)) best = years;
    });
  }
  // The chunk decoder searches; it runs only when its reading could still win by the margin.
  if (!ctx.isLayout && consistency(best) + CHUNKS_MARGIN <= identities(best)) {
    const chunks = readChunks(values);
    const years = chunks ? toYears(chunks, firstYear) : null;
    if (years && consistency(years) >= consistency(best) + CHUNKS_MARGIN) best = years;
  }
  // 計 and the rest printed before their labels: better only where the arithmetic says so. Its
  // run ends with the past years; the 要求 column, printed apart, is the other reading's.
  for (const tail of readTailBeforeLabels(ctx, rows).map((g) => toYears(g, firstYear))) {
    if (consistency(tail) <= consistency(best)) continue;
    const request = tail.length - 1;
    if (tail[request]!.total === null && best[request]) tail[request] = best[request]!;
    best = tail;
  }
  completeByArithmetic(ctx, best, pool);
  return best;
}

export function matchBudget(ctx: MatchContext, reviewYear: number): Budget {
  // Every positive amount the sheet prints, once: what the arithmetic may complete from.
  const pool = ctx.tokens.flatMap((t) => valuesOf(t) ?? []).map(amountOf).filter((x): x is number => x !== null && x > 0);
  const years = budgetYears(ctx, reviewYear, pool);
  return { unit: '百万円', years, breakdown: breakdown(ctx, years, pool) };
}
