// The budget table read from a stream of its values alone, for extractors that print the
// table in chunks: a row across the years here, a year's column there (pdfminer prints
// `104 100 96 77 81`, then `- - - - 104 90 87%` for the first year, and so on).
//
// Whatever the chunks, an extractor reads a row left to right and a column top to bottom, so
// the cells filled at any moment form a staircase: a cell is next only when the cell above it
// and the cell left of it are filled. We follow the staircases the values allow and score
// each path by the sheet's arithmetic as each column's 計 and 執行率 arrive. Of the paths that
// reach one staircase only the best is followed, and a beam bounds how many are.
import { amountOf, type Value } from './values.js';

/** 当初予算, 補正予算, 前年度から繰越し, 翌年度へ繰越し, 予備費等, 計, 執行額, 執行率. */
export const STREAM_ROWS = ['initial', 'supplementary', 'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed', 'executionRate'] as const;
const CARRIED_TO_NEXT = 3;
const TOTAL = 5;
const EXECUTED = 6;
const RATE = 7;

/** For each column, the rows it has cells in, top to bottom: past years have 執行額 and 執行率. */
type Shape = ReadonlyArray<readonly number[]>;
const PAST = [0, 1, 2, 3, 4, 5, 6, 7];
const CURRENT = [0, 1, 2, 3, 4, 5];
/** The 要求 column prints its parts as dashes, leaves them blank, or gives only 当初予算. */
const SHAPES: Shape[] = [
  [PAST, PAST, PAST, CURRENT, CURRENT],
  [PAST, PAST, PAST, CURRENT, [0, TOTAL]],
  [PAST, PAST, PAST, CURRENT, [0]],
];
const COLUMNS = 5;

/** Passing a value over costs more than one failed identity, so real values are not dropped to please the arithmetic. */
const SKIP_COST = 1.2;
/** What a skip costs while paths are ranked; the rest is charged at the end, so a path that passed over a stray value survives until the identities that justify the skip arrive. */
const SKIP_RANK_COST = 0.3;
/** Values from elsewhere (a year, a 予算内訳 amount) can open the run; no more than this many. */
const MAX_LEADING_SKIPS = 4;
const UNFILLED_COST = 0.5;
/** A failed identity: −1, so a reading that breaks the arithmetic loses to one that keeps it. */
const FAIL = -1;
/** Starting a new chunk costs a little, so the plainest reading wins when the arithmetic cannot tell two apart. */
const JUMP_COST = 0.01;
/**
 * 補正予算, 繰越し and 予備費 are empty on most sheets, two at most in a column: an amount there
 * must be paid for, two as dear as a failed identity. Else, where a sheet's 計 breaks its own
 * sum (real ones do), a reading fills the parts with other rows' amounts to make it come out.
 */
const PART_COST = 0.5;
/** How many more identities a reading of the columns apart must satisfy than the staircase's best. */
const APART_MARGIN = 1;
/** Paths followed at once: enough for the readings the arithmetic has not yet told apart. */
const BEAM = 40;

/** A cell's value, by column then row. */
export type StreamGrid = Array<Array<Value | undefined>>;

/** The placements of a path, newest first, shared between the paths that branch from it. */
interface Placement {
  row: number;
  column: number;
  value: Value;
  before: Placement | null;
}

interface Path {
  /** Per column, how many of its rows are filled; and the same as one number, in base 9. */
  heights: readonly number[];
  staircase: number;
  /** Per column: parts so far (当初 + 補正 + 繰越し − 繰越し + 予備費), 計 and 執行額, packed by three. */
  sums: readonly number[];
  placed: Placement | null;
  filled: number;
  score: number;
  skipped: number;
}

const fits = (row: number, v: Value) => row === RATE || v.cell.kind !== 'rate';
const amount = (v: Value) => amountOf(v) ?? 0;

/** +1 when a column's identity holds as its last term arrives, FAIL when it does not, 0 otherwise. */
function check(p: Path, column: number, row: number, v: Value): number {
  if (row === TOTAL) return Math.abs(p.sums[3 * column]! - amount(v)) < 0.51 ? 1 : FAIL;
  if (row !== RATE) return 0;
  const total = p.sums[3 * column + 1]!;
  const executed = p.sums[3 * column + 2]!;
  const rate = v.cell.kind === 'dash' ? 0 : v.cell.value;
  // A year with no 計 has nothing executed: no rate, and no 執行額 either.
  if (!total) return rate === 0 && executed === 0 ? 1 : FAIL;
  return Math.abs((100 * executed) / total - rate) < 1 ? 1 : FAIL;
}

/**
 * The next cells a path may fill: the top free row of a column whose left neighbour in that row
 * is filled; with `columnsApart`, the top free row of any column.
 */
function openCells(shape: Shape, heights: readonly number[], columnsApart: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let c = 0; c < COLUMNS; c++) {
    const row = shape[c]![heights[c]!];
    if (row === undefined) continue;
    let leftFilled = true;
    for (let l = 0; l < c && leftFilled && !columnsApart; l++) {
      const at = shape[l]!.indexOf(row);
      leftFilled = at < 0 || at < heights[l]!;
    }
    if (leftFilled) out.push([row, c]);
  }
  return out;
}

/**
 * A path's next step, held as the step alone until the beam keeps it: most steps lose to another
 * reaching the same staircase or fall out of the beam, and a path is dear to build.
 */
interface Step {
  from: Path;
  /** -1 for passing over the value. */
  row: number;
  column: number;
  value: Value;
  staircase: number;
  score: number;
  skipped: number;
}

/** What placing `v` at (row, c) makes a path's score. */
function scoreOf(shape: Shape, p: Path, row: number, c: number, v: Value): number {
  const last = p.placed;
  const adjacent = last !== null && ((last.row === row && last.column === c - 1) || (last.column === c && shape[c]![p.heights[c]! - 1] === last.row));
  const usual = row > 0 && row < TOTAL && amount(v) !== 0 ? PART_COST : 0;
  return p.score + check(p, c, row, v) - (adjacent ? 0 : JUMP_COST) - usual;
}

function take(step: Step): Path {
  const { from: p, row, column: c, value: v, staircase, score, skipped } = step;
  if (row < 0) return { ...p, score, skipped };
  const heights = p.heights.slice();
  heights[c] = heights[c]! + 1;
  const sums = p.sums.slice();
  if (row < TOTAL) sums[3 * c] = sums[3 * c]! + (row === CARRIED_TO_NEXT ? -amount(v) : amount(v));
  else if (row === TOTAL) sums[3 * c + 1] = amount(v);
  else if (row === EXECUTED) sums[3 * c + 2] = amount(v);
  return { heights, staircase, sums, placed: { row, column: c, value: v, before: p.placed }, filled: p.filled + 1, score, skipped };
}

/**
 * Of the steps that reach one staircase, only the best-scoring is followed: the others hold
 * the same values in other cells, and no later identity has made them better yet.
 */
function keep(steps: Map<number, Step>, from: Path, row: number, column: number, value: Value, staircase: number, score: number, skipped: number): void {
  const seen = steps.get(staircase);
  if (!seen || seen.score < score) steps.set(staircase, { from, row, column, value, staircase, score, skipped });
}

/**
 * The best paths, BEAM of them at most among those that passed over leading values and as many
 * among those that did not: a path that passed over strays pays for it at once, and the
 * identities that justify it come later.
 */
function prune(steps: Iterable<Step>): Path[] {
  const all = [...steps];
  if (all.length <= BEAM) return all.map(take);
  const kept = [0, 0];
  return all.sort((a, b) => b.score - a.score).filter((s) => kept[Math.min(s.skipped, 1)]!++ < BEAM).map(take);
}

function gridOf(p: Path): StreamGrid {
  const grid: StreamGrid = Array.from({ length: COLUMNS }, () => []);
  for (let at = p.placed; at; at = at.before) grid[at.column]![at.row] = at.value;
  return grid;
}

function follow(shape: Shape, values: readonly Value[], columnsApart = false): { path: Path; score: number } {
  const size = shape.reduce((n, rows) => n + rows.length, 0);
  const final = (p: Path) => p.score - UNFILLED_COST * (size - p.filled) - (SKIP_COST - SKIP_RANK_COST) * p.skipped;
  const best = (ps: Path[]) => ps.reduce((a, b) => (final(b) > final(a) ? b : a));
  let paths: Path[] = [{ heights: shape.map(() => 0), staircase: 0, sums: new Array<number>(3 * COLUMNS).fill(0), placed: null, filled: 0, score: 0, skipped: 0 }];
  const opens = new Map<number, Array<[number, number]>>();
  for (const v of values) {
    const next = new Map<number, Step>();
    for (const p of paths) {
      let open = opens.get(p.staircase);
      if (!open) opens.set(p.staircase, (open = openCells(shape, p.heights, columnsApart)));
      for (const [row, c] of open) {
        if (fits(row, v)) keep(next, p, row, c, v, p.staircase + 9 ** c, scoreOf(shape, p, row, c, v), p.skipped);
      }
      if (p.placed === null && p.skipped < MAX_LEADING_SKIPS) keep(next, p, -1, -1, v, p.staircase, p.score - SKIP_RANK_COST, p.skipped + 1);
    }
    if (!next.size) break;
    paths = prune(next.values());
    // Done when the best path has filled the table; a worse one may fill it sooner.
    if (best(paths).filled === size) break;
  }
  const path = best(paths);
  return { path, score: final(path) };
}

/** The best reading of a run of budget values over the shapes the 要求 column can take, or null when nothing could be placed. */
export function readStream(values: readonly Value[]): StreamGrid | null {
  let best: { path: Path; score: number } | null = null;
  for (const shape of SHAPES) {
    const reading = follow(shape, values);
    if (!best || reading.score > best.score) best = reading;
    // A reading that satisfies every identity of its shape is not bettered by the other shapes.
    if (reading.score > identities(shape) - 0.5) break;
  }
  // pdfminer may print a later year's 計 before an earlier year's (the current and 要求
  // columns' 計 right after the 繰越し rows): no staircase holds such an order.
  // Each column is then read top down on its own, and the reading is taken only when the
  // arithmetic prefers it clearly, since free columns can fit values almost anywhere.
  if (best!.score < identities(SHAPES[0]!) - 0.5) {
    for (const shape of SHAPES) {
      const reading = follow(shape, values, true);
      if (reading.score > best!.score + APART_MARGIN) best = reading;
    }
  }
  return best!.path.placed ? gridOf(best!.path) : null;
}

const identities = (shape: Shape) => shape.reduce((n, rows) => n + (rows.includes(TOTAL) ? 1 : 0) + (rows.includes(RATE) ? 1 : 0), 0);
