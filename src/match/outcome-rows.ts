// 成果目標 rows in stream text, whose cells extractors print apart from their labels: runs
// dealt out in the order 達成度 bears out (達成度 = 成果実績 / 目標値), and rows found as a
// unit and a run of values. The 目標最終年度 column printed on its own is
// outcome-final-column.ts's.
import type { Outcome } from '../assemble/schema.js';
import { isLabel, type Token } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { countOf, headedValue, isYearHead, rateOf, valuesOf, type Value } from './values.js';
import { isUnitCell, type Row, type RowGroup } from './table-rows.js';
import { FINAL_YEAR } from './outcome-final-column.js';


export const PAST_COLUMNS = 3;
/** Value columns of a row: three past years, 中間目標, 目標最終年度. */
export const FINAL_COLUMN = PAST_COLUMNS + 1;
export const VALUE_COLUMNS = FINAL_COLUMN + 1;

/** Whether 達成度 = 成果実績 / 目標値 holds, to the rate's printed precision. */
export function rateHolds(actual: Value | undefined, target: Value | undefined, rate: Value | undefined): boolean {
  return ratesAgree(countOf(actual), countOf(target), rateOf(rate));
}

/** Whether 達成度 is 成果実績 / 目標値, to its printed precision. */
export function ratesAgree(a: number | null, t: number | null, r: number | null): boolean {
  if (a === null || t === null || r === null || t === 0) return false;
  return Math.abs((a / t) * 100 - r) <= (Number.isInteger(r) ? 0.51 : 0.051);
}

export type Rows = Record<'actual' | 'target' | 'rate', { values: Value[] }>;

/** A row's unit cell and the run of values after it. */
interface UnitRun {
  unit: Token;
  values: Value[];
  /** The box after the run: the 目標最終年度 cell, on the 成果実績 row. */
  after: Token | undefined;
}

/** The rows printed as a unit and a run of past years' values, from `from` to `to`. */
function unitRuns(ctx: MatchContext, from: number, to: number): UnitRun[] {
  const runs: UnitRun[] = [];
  for (let i = from; i < to; i++) {
    const unit = ctx.tokens[i]!;
    if (!isUnitCell(unit) || FINAL_YEAR.test(unit.folded) || isYearHead(unit)) continue;
    const values: Value[] = [];
    let j = i + 1;
    for (; j < to && valuesOf(ctx.tokens[j]!); j++) values.push(...valuesOf(ctx.tokens[j]!)!);
    if (values.length >= PAST_COLUMNS) runs.push({ unit, values, after: ctx.tokens[j] });
    i = j - 1;
  }
  return runs;
}

/**
 * pdftotext may print a 成果実績 label away from its row and leave the 目標値 row (and the 達成度
 * row) without its label: the group's rows are then the runs of a unit and values between the
 * label and 達成度 (or the next group), when 達成度 bears them out (成果実績 / 目標値), or, every
 * 達成度 left blank, when the second run is the row its 目標値 label reads.
 */
export function rowsByRuns(ctx: MatchContext, rows: { actual: Row; target: Row; rate: Row }, group: RowGroup, next: number): void {
  const rateLabel = group.members[1];
  if (rows.actual.values.length && rows.target.values.length) return;
  const runs = unitRuns(ctx, group.opener.at(-1)!.index + 1, Math.min(rateLabel && rateLabel.index > group.opener[0]!.index ? rateLabel.index : next, next));
  // The 達成度 row may have lost its label too: then it is the third run.
  const ownRate = rows.rate.values.length > 0;
  if (runs.length !== (ownRate ? 2 : 3)) return;
  const [actual, target, rate] = runs as [UnitRun, UnitRun, UnitRun | undefined];
  const rates = ownRate ? rows.rate.values : rate!.values;
  // With every 達成度 left blank, the 目標値 row read at its own label bears the runs out instead.
  const blankRates = rates.every((r) => rateOf(r) === null);
  const targetAsLabelled = target.values.length === rows.target.values.length && target.values.every((v, y) => v.token === rows.target.values[y]?.token);
  if (!rates.some((r, y) => rateHolds(actual.values[y], target.values[y], r)) && !(blankRates && targetAsLabelled)) return;
  rows.actual = { unit: actual.unit.text, values: actual.values.slice(0, PAST_COLUMNS), cells: actual.after ? [actual.after] : [] };
  rows.target = { unit: target.unit.text, values: target.values.slice(0, VALUE_COLUMNS), cells: [] };
  if (!ownRate) rows.rate = { unit: rate!.unit.text, values: rate!.values.slice(0, PAST_COLUMNS), cells: [] };
}

/**
 * Where cell (outcome g, row k: 成果実績 目標値 達成度, year y) stands in a run of G outcomes
 * over Y years, for each order pdfminer prints such a run in: year by year across every row;
 * row by row; outcome by outcome, year by year; outcome by outcome, 成果実績 first; outcome by
 * outcome, each year's 成果実績 and 目標値 first, then the 達成度 (`6 6 4 4 3 3 100 100 100`).
 */
const RUN_ORDERS: Array<(g: number, k: number, y: number, G: number, Y: number) => number> = [
  (g, k, y, G) => y * G * 3 + g * 3 + k,
  (g, k, y, _, Y) => (g * 3 + k) * Y + y,
  (g, k, y, _, Y) => g * 3 * Y + y * 3 + k,
  (g, k, y, _, Y) => g * 3 * Y + (k === 0 ? y : Y + y * 2 + k - 1),
  (g, k, y, _, Y) => g * 3 * Y + (k === 2 ? 2 * Y + y : y * 2 + k),
];

/**
 * pdfminer may print the rows' labels first and all their numbers after, in one run that the
 * last row's reading took. The run is dealt out in the order the 達成度 row bears out most,
 * year by year across every row when none does.
 */
export function dealRun(all: Rows[]): void {
  // The rows read before the run (each with its own numbers) keep them; the run is the rest's.
  const empty = (r: Rows) => !r.actual.values.length && !r.target.values.length && !r.rate.values.length;
  const lastRead = all.slice(0, -1).findLastIndex((r) => !empty(r));
  const rows = all.slice(lastRead + 1);
  const last = rows.at(-1)?.rate;
  if (!last || rows.length < (lastRead < 0 ? 1 : 2) || rows.at(-1)!.actual.values.length || rows.at(-1)!.target.values.length) return;
  const run = [...last.values];
  const [G, Y] = [rows.length, run.length / (rows.length * 3)];
  if (!Number.isInteger(Y) || Y < PAST_COLUMNS) return;
  const row = (at: (typeof RUN_ORDERS)[number], g: number, k: number) => Array.from({ length: Math.min(Y, VALUE_COLUMNS) }, (_, y) => run[at(g, k, y, G, Y)]!);
  const dealt = RUN_ORDERS.map((at) => rows.map((_, g): [Value[], Value[], Value[]] => [row(at, g, 0), row(at, g, 1), row(at, g, 2)]));
  const borneOut = dealt.map((d) => d.reduce((n, [a, t, r]) => n + r.filter((rate, y) => rateHolds(a[y], t[y], rate)).length, 0));
  const best = dealt[borneOut.indexOf(Math.max(...borneOut))]!;
  rows.forEach((r, g) => { [r.actual.values, r.target.values, r.rate.values] = best[g]!; });
}

/** A cell triple with nothing written: 成果実績, 目標値 and 達成度 all dashes. */
const isDashTriple = (cells: readonly Value[]) => cells.every((v) => v.cell.kind === 'dash');

/**
 * pdfminer may print the cells of the outcomes not yet read as one run after the last row's
 * label, year by year and, within a year, outcome by outcome, each a triple (成果実績 目標値
 * 達成度). When every triple of the run is borne out by its 達成度 or all dashes, the triples
 * fill, in that order, the years whose rows as read 達成度 does not bear out.
 */
export function dealTriples(rows: Rows[]): void {
  const last = rows.at(-1);
  if (!last || last.actual.values.length || last.target.values.length) return;
  // The run may open with the 達成度 of a year whose other cells its row read (`889,756` and
  // `1,000,000` with their labels, then `89 - - - …`): it completes that year.
  const lacking = rows.slice(0, -1).flatMap((r) => (r.rate.values.length === 0 && r.actual.values.length && r.target.values.length ? [r] : []))[0];
  const opener = last.rate.values[0];
  const completes = lacking !== undefined && last.rate.values.length % 3 === 1 && rateHolds(lacking.actual.values[0], lacking.target.values[0], opener);
  const run = completes ? last.rate.values.slice(1) : last.rate.values;
  if (run.length < 6 || run.length % 3) return;
  const triples = Array.from({ length: run.length / 3 }, (_, i) => run.slice(3 * i, 3 * i + 3));
  const borne = (t: Value[]) => rateHolds(t[0], t[1], t[2]);
  if (!triples.every((t) => borne(t) || isDashTriple(t)) || !triples.some(borne)) return;
  const rate = (r: Rows, y: number) => (completes && r === lacking && y === 0 ? opener : r.rate.values[y]);
  const open = (r: Rows, y: number) => r === last || !rateHolds(r.actual.values[y], r.target.values[y], rate(r, y));
  const slots = Array.from({ length: PAST_COLUMNS }, (_, y) => rows.flatMap((r) => (open(r, y) ? [{ r, y }] : []))).flat();
  // Completed so, the run is the years' cells from there on, as far as it goes.
  if (slots.length > triples.length && !completes) return;
  if (completes) lacking.rate.values = [opener!];
  last.rate.values = [];
  slots.slice(0, triples.length).forEach(({ r, y }, i) => {
    [r.actual.values[y], r.target.values[y], r.rate.values[y]] = triples[i] as [Value, Value, Value];
  });
}

/**
 * pdfminer may print the table year by year, each year's cells outcome by outcome, row by row,
 * in one run that one row's reading took, leaving out the rows printed whole elsewhere (a
 * 達成度 row after its own label). The run is dealt out so when 達成度 bears out every year
 * that has all three cells.
 */
export function dealYearByYear(rows: Rows[]): void {
  const all = rows.flatMap((r) => [r.actual, r.target, r.rate]);
  const long = all.filter((row) => row.values.length > VALUE_COLUMNS);
  if (long.length !== 1) return;
  const runRow = long[0]!;
  const open = all.filter((row) => row === runRow || !row.values.length);
  if (dealOpenRows(rows, open, runRow.values)) return;
  // The run may have begun before the run row's label, in the row just above it (目標値 14 12
  // 達成度 ％ 116.7 21 12 175 …): that row's cells and the run are one run, with only the
  // label and its unit between them.
  const above = all[all.indexOf(runRow) - 1];
  const lastAbove = above?.values.at(-1)?.token.index;
  const gap = lastAbove === undefined ? 0 : runRow.values[0]!.token.index - lastAbove - 1;
  if (above && above.values.length && gap >= 1 && gap <= 2) {
    dealOpenRows(rows, all.filter((row) => row === runRow || row === above || !row.values.length), [...above.values, ...runRow.values]);
  }
}

/** Deals `run` year by year among the `open` rows, when 達成度 bears out every complete year. */
function dealOpenRows(rows: Rows[], open: ReadonlyArray<{ values: Value[] }>, run: readonly Value[]): boolean {
  if (open.length < 2 || run.length < open.length * PAST_COLUMNS || run.length > open.length * VALUE_COLUMNS) return false;
  const dealt = new Map(open.map((row, i) => [row, Array.from({ length: PAST_COLUMNS }, (_, y) => run[y * open.length + i]!)]));
  const read = (row: { values: Value[] }) => dealt.get(row) ?? row.values;
  const years = rows.flatMap((r) => Array.from({ length: PAST_COLUMNS }, (_, y) => [read(r.actual)[y], read(r.target)[y], read(r.rate)[y]] as const));
  const complete = years.filter(([a, t, r]) => countOf(a) !== null && countOf(t) !== null && rateOf(r) !== null);
  if (!complete.length || !complete.every(([a, t, r]) => rateHolds(a, t, r))) return false;
  for (const [row, values] of dealt) row.values = values;
  return true;
}

/**
 * pdfminer may print each year's 成果実績 and 目標値 stacked in one column (98 90 99 90 …), or
 * one row's run after the other, all after the second row's label: the run is dealt out in
 * turns or in halves, whichever the 達成度 row bears out.
 */
export function dealStackedPair(actual: { values: Value[] }, target: { values: Value[] }, rate: { values: Value[] }): void {
  const full = !actual.values.length ? target : !target.values.length ? actual : null;
  const run = full?.values ?? [];
  const years = run.length / 2;
  // Fewer years than the table has only when the 達成度 row has as many: the years with figures.
  if (!Number.isInteger(years) || years < 1 || years > VALUE_COLUMNS || (years < PAST_COLUMNS && rate.values.length !== years)) return;
  const readings: Array<[Value[], Value[]]> = [
    [run.filter((_, i) => i % 2 === 0), run.filter((_, i) => i % 2 === 1)],
    [run.slice(0, years), run.slice(years)],
  ];
  const borneOut = readings.map(([a, t]) => rate.values.filter((r, y) => rateHolds(a[y], t[y], r)).length);
  const best = borneOut[0]! >= borneOut[1]! ? 0 : 1;
  if (!borneOut[best]) return;
  [actual.values, target.values] = readings[best]!;
}

/**
 * 達成度 = 成果実績 / 目標値: a year with a rate and one of the two has the other too, and when
 * exactly one number printed in the section is that value, it is the missing cell (stream
 * text scatters a row's cells across the section).
 */
export function completeByRates(ctx: MatchContext, outcomes: Outcome[], start: number, end: number): void {
  const printed = new Set(ctx.tokens.slice(start, end).flatMap((t) => valuesOf(t) ?? []).map(countOf).filter((n) => n !== null));
  const find = (expected: number) => {
    const near = [...printed].filter((n) => Math.abs(n - expected) <= 0.01 + Math.abs(expected) * 0.0006);
    return near.length === 1 ? near[0]! : null;
  };
  for (const o of outcomes) {
    for (const v of o.values) {
      if (v.achievementRate === null || v.achievementRate === 0) continue;
      if (v.actual === null && v.target !== null) v.actual = find((v.target * v.achievementRate) / 100);
      else if (v.target === null && v.actual !== null) v.target = find((v.actual * 100) / v.achievementRate);
    }
  }
}

/** Values a row can hold beyond its three past years (中間目標, 目標最終年度), skipped between rows. */
const ROW_EXTRA = 2;

/** How many of a reading's years 達成度 bears out; -1 when a printed rate contradicts it. */
function ratesBorneOut(actual: Value[], target: Value[], rate: Value[]): number {
  let held = 0;
  for (let y = 0; y < PAST_COLUMNS; y++) {
    if (rateOf(rate[y]) === null) continue;
    if (!rateHolds(actual[y], target[y], rate[y])) return -1;
    held++;
  }
  return held;
}

interface RowRuns {
  actual: Value[];
  target: Value[];
  rate: Value[];
  held: number;
}

/**
 * Stream text may print each outcome's rows as three runs of values far from their labels
 * (`49 51 52 -`, `54 54 54 - 54`, `90.7 94.4 96.3 - -`): runs of three past years, in that
 * order, each starting at most ROW_EXTRA values after the one before ends, whose 達成度
 * bears out every printed rate. Taken earliest first, without overlap.
 */
function rateBorneRuns(ctx: MatchContext, from: number, to: number): RowRuns[] {
  // A run may pass labels and year heads printed amid it, not other cells (a unit, a text); a
  // head boxed over a cell (`26年度 ⏎ 46`) is that cell.
  let piece = 0;
  const stream = ctx.tokens.slice(from, to).filter((t) => !ctx.isUsed(t)).flatMap((t) => {
    const values = valuesOf(t) ?? headedValue(t);
    if (!values && !isLabel(t) && !isYearHead(t)) piece++;
    return (values ?? []).map((value) => ({ value, piece }));
  });
  const run = (at: number) => stream.slice(at, at + PAST_COLUMNS).map((s) => s.value);
  const whole = (at: number) => stream[at]?.piece === stream[at + PAST_COLUMNS - 1]?.piece;
  const found: RowRuns[] = [];
  for (let a = 0; a + 3 * PAST_COLUMNS <= stream.length; a++) {
    if (!whole(a)) continue;
    const reading = bestReading(stream.length, a, (t, r) => (whole(t) && whole(r) ? ratesBorneOut(run(a), run(t), run(r)) : -1));
    if (!reading) continue;
    const [t, r, held] = reading;
    found.push({ actual: run(a), target: stream.slice(t, Math.min(t + VALUE_COLUMNS, r)).map((s) => s.value), rate: run(r), held });
    a = r + PAST_COLUMNS - 1;
  }
  return found;
}

/** The target and rate starts after an actual run at `a` that bear out most years (at least one). */
function bestReading(length: number, a: number, held: (t: number, r: number) => number): [number, number, number] | null {
  let best: [number, number, number] | null = null;
  for (let t = a + PAST_COLUMNS; t <= a + PAST_COLUMNS + ROW_EXTRA; t++) {
    for (let r = t + PAST_COLUMNS; r <= t + PAST_COLUMNS + ROW_EXTRA && r + PAST_COLUMNS <= length; r++) {
      const n = held(t, r);
      if (n > 0 && (!best || n > best[2])) best = [t, r, n];
    }
  }
  return best;
}

/**
 * When the section holds one rate-borne reading per outcome, an outcome whose rows as read
 * bear out fewer years than its reading takes the reading's values.
 */
export function takeRateBorneRuns(ctx: MatchContext, rows: Rows[], from: number, to: number): void {
  const runs = rateBorneRuns(ctx, from, to);
  if (runs.length !== rows.length) return;
  rows.forEach((r, k) => {
    const own = ratesBorneOut(r.actual.values, r.target.values, r.rate.values);
    const reading = runs[k]!;
    if (own >= reading.held) return;
    [r.actual.values, r.target.values, r.rate.values] = [reading.actual, reading.target, reading.rate];
  });
}
