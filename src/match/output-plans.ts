// The 活動見込 column: this year's plan, one cell over each output's two rows, which stream text
// prints apart from the rows (after the table, under its head, among the unit cost's cells or
// the outcome table's 目標最終年度 column); the readers that take it back, each where its
// printing shows.
import type { Token } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { countOf, headedValue, isYearHead, singleValueOf, type Value } from './values.js';
import type { Row, RowGroup } from './table-rows.js';
import { finalColumnRuns, finalColumnStart, isFinalYearCell, isFinalYearTriple } from './outcome-final-column.js';
import { COLUMNS } from './output-rows.js';

/** Tokens after the table within which its 活動見込 column may stand. */
const TRAILING_WINDOW = 40;

/**
 * Stream text may print the 活動見込 column apart, after the table: a run of single values, one
 * for each output, top to bottom, but those whose 活動実績 run took their cell. Taken when no
 * other row has its own and the run is that long.
 */
export function takeTrailingPlans(ctx: MatchContext, rows: ReadonlyArray<{ actual: Row; planned: Row }>, after: number): void {
  const past = COLUMNS - 1;
  // A row whose 活動実績 run holds this year's cell too has its 活動見込: the run is the others'.
  const planInRow = (r: { actual: Row; planned: Row }) => r.actual.values.length === COLUMNS && r.planned.values.length === past;
  const open = rows.filter((r) => !planInRow(r));
  if (open.length < 2 || !open.every((r) => r.actual.values.length === past)) return;
  // The run may follow the last row's cells at once, and that row's reading took it.
  const last = open.at(-1)!.planned;
  if (open.at(-1) === rows.at(-1) && last.values.length === past + open.length && open.slice(0, -1).every((r) => r.planned.values.length === past)) {
    const run = last.values.splice(past);
    open.forEach((r, k) => r.planned.values.push(run[k]!));
    return;
  }
  if (!open.every((r) => r.planned.values.length === past)) return;
  const singles: Value[] = [];
  const window = ctx.tokens.slice(after + 1, after + 1 + TRAILING_WINDOW);
  for (let i = 0; i < window.length; i++) {
    const t = window[i]!;
    // The column may open under its head (`27年度活動見込 ⏎ 1,075,569`, then the others' cells).
    const headed = cellUnderHead(t);
    if (headed && singles.length === open.length) break;
    if (headed) singles.length = 0;
    const single = singleValueOf(t) ?? headed;
    // The outcome table's 目標最終年度 column, each year with its 目標値 and 達成度
    // (`年度 27年度 84602 - 27年度 65 -`, finalColumnRuns): no plans.
    const finalColumn = finalColumnStart(window, i);
    if (finalColumn !== null) {
      if (singles.length === open.length) break;
      singles.length = 0;
      for (i = finalColumn; isFinalYearTriple(window, i); i += 3);
      i--;
    } else if (single) singles.push(single);
    // Vertical headings (測⏎定⏎指⏎標) may stand between; any other box ends a run.
    else if ([...t.folded].length > 1 || singles.length) {
      if (singles.length === open.length) break;
      singles.length = 0;
    }
  }
  if (singles.length !== open.length) return;
  open.forEach((r, k) => r.planned.values.push(singles[k]!));
}

/**
 * The 活動見込 column printed below the outcome table's 目標最終年度 column, in one run with it
 * (`年度 30年度 495 - 6`, finalColumnRuns): the plans are the values after the last outcome's
 * cells, when exactly as many as outputs stand there (up to a little past the table).
 */
export function takeFinalColumnPlans(ctx: MatchContext, rows: ReadonlyArray<{ actual: Row; planned: Row }>, from: number, to: number): void {
  const past = COLUMNS - 1;
  if (ctx.isLayout || !rows.length || !rows.every((r) => r.planned.values.length === past && r.actual.values.length <= past)) return;
  const found = finalColumnRuns(ctx, from, Math.min(to + TRAILING_WINDOW, ctx.tokens.length)).filter((run) => run.after.length === rows.length);
  if (found.length !== 1) return;
  rows.forEach((r, k) => r.planned.values.push(found[0]!.after[k]!));
}

/**
 * pdftotext may print the only output's 活動見込 cell, which spans both its rows, among the
 * unit-cost table's column heads below: a value alone after a plain year head (`25年度 51
 * 26年度`; not after `28年度活動見込`, which heads the column, with the rows' first cell).
 * Taken when exactly one such value stands a little past the table.
 */
export function takeLonePlan(ctx: MatchContext, rows: ReadonlyArray<{ actual: Row; planned: Row }>, after: number): void {
  const past = COLUMNS - 1;
  const [only] = rows;
  if (ctx.isLayout || rows.length !== 1 || only!.planned.values.length !== past || only!.actual.values.length > past) return;
  const window = ctx.tokens.slice(after + 1, after + 1 + TRAILING_WINDOW);
  const lone = window.flatMap((t, i) => {
    const value = i > 0 && isFinalYearCell(window[i - 1]) && !singleValueOf(window[i + 1]) ? singleValueOf(t) : null;
    return value ? [value] : [];
  });
  if (lone.length === 1) only!.planned.values.push(lone[0]!);
}

/**
 * pdftotext prints the only output's 活動見込 cell, which spans both its rows, wherever its
 * middle falls among the unit-cost cells below (`2,317／70 ⏎ 20`, `政策評価 ⏎ 15 ⏎ 27年度`,
 * `27年度活動見込 ⏎ 250`). Most plans for this year repeat last year's 当初見込み: a count alone in
 * its box (or under a year head) a little past the table and equal to that plan is taken when
 * it is the only one. Not where the row labels stand together (the cells then follow in table
 * order, the plan among them), nor from a run of counts or between two year heads (another
 * table's row or columns); a dash another reader took for the plan yields to it.
 */
export function takeRepeatedPlan(ctx: MatchContext, group: RowGroup, rows: ReadonlyArray<{ actual: Row; planned: Row }>, after: number): void {
  const past = COLUMNS - 1;
  const [only] = rows;
  const lastPlan = countOf(only?.planned.values[past - 1]);
  const planOpen = only?.planned.values.length === past || (only?.planned.values.length === COLUMNS && only.planned.values[past]?.cell.kind === 'dash');
  const labelsTogether = group.members[0]?.index === group.opener.at(-1)!.index + 1;
  if (ctx.isLayout || rows.length !== 1 || !planOpen || labelsTogether || only!.actual.values.length > past || lastPlan === null) return;
  // Past the row's own cells, which repeat the plan too (a row read in columns may have holes).
  const from = Math.max(after, ...[...only!.actual.values, ...only!.planned.values.slice(0, past)].flatMap((v) => (v ? [v.token.index] : []))) + 1;
  const window = ctx.tokens.slice(from, from + TRAILING_WINDOW);
  const alone = (t: Token) => singleValueOf(t) ?? cellUnderHead(t);
  const isCount = (t: Token | undefined) => {
    const value = singleValueOf(t);
    return value !== null && value.cell.kind !== 'dash';
  };
  const repeats = window.filter((t, i) => {
    const value = alone(t);
    if (!value || value.cell.kind === 'dash' || countOf(value) !== lastPlan) return false;
    const [before, next] = [window[i - 1], window[i + 1]];
    return !isCount(before) && !isCount(next) && !(before && next && isYearHead(before) && isYearHead(next));
  });
  if (repeats.length === 1) only!.planned.values[past] = alone(repeats[0]!)!;
}

/** A 活動見込 cell pdftotext printed in one box with a column head above it (`27年度活動見込 ⏎ 138`). */
const cellUnderHead = (t: Token | undefined): Value | null => (t ? headedValue(t)?.[0] ?? null : null);

/** pdftotext may print the last row's 活動見込 cell under its column head, right after the row. */
export function takeHeadedPlan(ctx: MatchContext, planned: Row): void {
  const last = planned.values.at(-1)?.token;
  const value = last ? cellUnderHead(ctx.tokens[last.index + 1]) : null;
  if (value && planned.values.length === COLUMNS - 1) planned.values.push(value);
}
