// 予算額・執行額 and the 予算内訳. The table has four fiscal-year columns and the 要求 column;
// extractors print it by rows, by columns, or scattered. We read it whichever way the labels
// allow, and let the sheet's own arithmetic (budget-arithmetic.ts) choose between readings
// and fill what is missing.
import type { Budget, BudgetYear } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { readCell } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { breakdown } from './budget-breakdown.js';
import { isItemName } from './breakdown-columns.js';
import { readStream, STREAM_ROWS } from './budget-stream.js';
import { agreement, breakdownSums, completeByArithmetic, completed, consistency, identities, whereRatesHold, type BreakdownSums } from './budget-arithmetic.js';
import { amountOf, centre, headerYear, isYearHead, orderedColumns, rateOf, valuesOf, type Value } from './values.js';
import { emptyGrid, ROWS, rowLabel, YEAR_COLUMNS, type AmountRow, type Grid, type Row } from './budget-grid.js';
import { readByTotals, readColumns, readRows, readStackedRows, readTailBeforeLabels, withStackedRows } from './budget-labelled.js';

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
    // The next section's title ends the table, unless pdfminer printed it before any of the table's values.
    if (isVerticalLetter(t) || ((t.labels.includes('outcomeTitle') || t.labels.includes('midTarget')) && values.length)) break;
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
function readRowMajor(values: readonly Value[], shapes: ReadonlyArray<Record<Row, number>> = ROW_MAJOR_SHAPES): Array<{ grid: Grid; passedOver: number }> {
  const out: Array<{ grid: Grid; passedOver: number }> = [];
  for (const shape of shapes) {
    for (let offset = 0; offset <= ROW_MAJOR_OFFSETS; offset++) {
      const grid = emptyGrid();
      let at = offset;
      for (const row of ROWS) {
        grid[row] = values.slice(at, at + shape[row]);
        at += shape[row];
      }
      if (shape === REQUEST_LAST_SHAPE) grid.initial[YEAR_COLUMNS] = values[at++];
      if (at <= values.length) out.push({ grid, passedOver: offset });
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

/** Every row as many cells as the table has for it: 執行額 and 執行率 the past years', the others every column's (the 要求 column's parts perhaps blank). */
const isWhole = (grid: Grid) => ROWS.every((row) => {
  const cells = grid[row].length;
  if (row === 'executed' || row === 'executionRate') return cells === YEAR_COLUMNS - 1;
  return cells === YEAR_COLUMNS + 1 || (row !== 'initial' && row !== 'total' && cells === YEAR_COLUMNS);
});

/**
 * How many more identities the chunk decoder's reading must satisfy than the plain readings'
 * best: real sheets break their own arithmetic now and then, and a search that maximises it
 * can find a wrong reading that breaks it less.
 */
const CHUNKS_MARGIN = 2;

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

function budgetYears(ctx: MatchContext, reviewYear: number, sums: BreakdownSums | null): BudgetYear[] {
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
  const rowMajor = readRowMajor(values);
  candidates.push(...rowMajor.map((r) => r.grid));
  candidates.push(...withStackedRows(candidates, readStackedRows(ctx)));
  // Each value a row-major reading passed over to start its run is paid for by an identity.
  const passedOver = new Map(rowMajor.map((r) => [r.grid, r.passedOver]));
  const readings = candidates.map((g) => {
    const years = toYears(g, firstYear);
    return { years, score: consistency(years, sums) - (passedOver.get(g) ?? 0) };
  });
  let best = readings.reduce((a, b) => (b.score > a.score ? b : a)).years;
  // The 要求 column printed after the other rows: tried only when no reading above holds.
  if (!ctx.isLayout && consistency(best, sums) < identities(best, sums)) {
    // Each value passed over to start the run must be paid for by an identity more.
    readRowMajor(values, [REQUEST_LAST_SHAPE]).forEach(({ grid, passedOver }) => {
      const years = toYears(grid, firstYear);
      if (consistency(years, sums) - passedOver > consistency(best, sums)) best = years;
    });
  }
  // The chunk decoder searches; it runs only when its reading could still win by the margin,
  // and not against rows each printed whole after its own label, which no arithmetic outweighs.
  if (!ctx.isLayout && !isWhole(rows) && consistency(best, sums) + CHUNKS_MARGIN <= identities(best, sums)) {
    const chunks = readChunks(values);
    const years = chunks ? toYears(chunks, firstYear) : null;
    if (years && consistency(years, sums) >= consistency(best, sums) + CHUNKS_MARGIN) best = years;
  }
  // 計 and the rest printed before their labels: better only where the arithmetic says so. Its
  // run ends with the past years; the 要求 column, printed apart, is the other reading's.
  for (const tail of readTailBeforeLabels(ctx, rows).map((g) => toYears(g, firstYear))) {
    if (consistency(tail, sums) <= consistency(best, sums)) continue;
    const request = tail.length - 1;
    if (tail[request]!.total === null && best[request]) tail[request] = best[request]!;
    best = tail;
  }
  if (ctx.isLayout || best.some((y) => y.executed !== null || y.executionRate !== null)) return best;
  const fromFirst = rowMajor.filter((r) => !r.passedOver).map((r) => toYears(r.grid, firstYear));
  return whereRatesHold(ctx, best, fromFirst, () => {
    const chunks = readChunks(values);
    return chunks ? toYears(chunks, firstYear) : null;
  });
}

export function matchBudget(ctx: MatchContext, reviewYear: number): Budget {
  // Every positive amount the sheet prints, once: what the arithmetic may complete from.
  const pool = ctx.tokens.flatMap((t) => valuesOf(t) ?? []).map(amountOf).filter((x): x is number => x !== null && x > 0);
  let years = budgetYears(ctx, reviewYear, null);
  const rows = breakdown(ctx, completed(years, pool), pool);
  // The 予算内訳 adds up to this year's 当初予算 and the 要求: it tells apart readings the
  // table's own arithmetic cannot (a new project's zeros, its 要求 read as a past 執行率), and
  // is taken only where the table's arithmetic holds as well. Layout text is read by position.
  const sums = ctx.isLayout ? null : breakdownSums(rows);
  if (sums && agreement(years, sums) < 2) {
    const again = budgetYears(ctx, reviewYear, sums);
    if (agreement(again, sums) > agreement(years, sums) && consistency(again) >= consistency(years)) years = again;
  }
  return { unit: '百万円', years: completeByArithmetic(ctx, years, pool), breakdown: rows };
}
