// The outcome table's 目標最終年度 column (each outcome's final year and its 目標値) as stream
// text prints it on its own: pairs of a year and a value, or pdfminer's one run with the
// 活動見込 column below it; and the column heads (25年度) that look like its years.
import type { Outcome } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { eraYear } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, singleValueOf, valuesOf, type Value } from './values.js';

export const FINAL_YEAR = /^(?:平成|令和)?(\d{1,2}|元)年度$/;

/** Tokens after a past year's column head within which the table's later heads follow it. */
const HEADS_APART = 4;

/**
 * A year that heads one of the table's columns (25年度) rather than filling a 目標最終年度 cell:
 * stream text prints the heads near the rows, and the 中間目標 and 目標最終年度 heads follow
 * such a year closely.
 */
export const isColumnHead = (ctx: MatchContext, t: Token) =>
  ctx.tokens.slice(t.index + 1, t.index + 1 + HEADS_APART).some((next) => next.labels.includes('midTarget') || next.labels.includes('finalTargetYear'));

/** Most tokens between two outcomes' cells of the 目標最終年度 column (year, 目標値, 中間目標). */
const FINAL_CELLS_APART = 4;

/**
 * pdfminer prints the 目標最終年度 column apart from the rest of the table, often after the
 * outputs: each outcome's final year, then its 目標値 (`32年度 90 -`). One such pair per
 * outcome, before the unit cost (or, when pdfminer printed its title early, before the policy
 * section that follows it), is that column, in order. A past year's column head and its first
 * cell (`25年度 70,206`) look the same: when there are too many pairs, the column is the pairs
 * of years to come if they are as many as outcomes, else the one cluster of as many pairs,
 * each within a few tokens of the next (a target may end in a past year). Surer than pairs is
 * the run that the 中間目標's blank year opens (finalColumnRuns), which tells a final year left
 * blank too, and which pdfminer may print as late as the policy section.
 */
export function finalColumn(ctx: MatchContext, from: number, outcomeCount: number, pastYears: readonly number[]): Outcome['finalTarget'][] | null {
  const next = (id: 'unitCostTitle' | 'policy') => ctx.find(id).find((t) => t.index > from)?.index;
  const end = next('unitCostTitle') ?? next('policy') ?? ctx.tokens.length;
  // The run the 中間目標's blank year opens is surest, and tells a final year left blank too (`年度 年度 2562 -`).
  const runs = finalColumnRuns(ctx, from, end).filter((run) => run.cells.length === outcomeCount);
  // None before the unit cost: pdfminer may print the run later, up to the self-check; the
  // first is the outcomes' (the 2016 sheets' KPI table after it has such runs too).
  const selfCheck = ctx.find('selfCheckTitle').find((t) => t.index > end)?.index ?? ctx.tokens.length;
  const later = runs.length ? undefined : finalColumnRuns(ctx, end, selfCheck).find((run) => run.cells.length === outcomeCount);
  if (later) runs.push(later);
  if (runs.length === 1) return runs[0]!.cells.map((c) => ({ fiscalYear: c.fiscalYear, value: countOf(c.value) }));
  const pairs: Array<{ at: number; cell: Outcome['finalTarget'] }> = [];
  for (let i = from; i < end - 1; i++) {
    const year = ctx.tokens[i]!;
    const value = valuesOf(ctx.tokens[i + 1]!);
    if (FINAL_YEAR.test(year.folded) && value?.length === 1 && !isColumnHead(ctx, year)) pairs.push({ at: i, cell: { fiscalYear: eraYear(year.folded), value: countOf(value[0]) } });
  }
  if (pairs.length === outcomeCount) return pairs.map((p) => p.cell);
  const ahead = pairs.filter((p) => p.cell.fiscalYear === null || !pastYears.includes(p.cell.fiscalYear));
  if (ahead.length === outcomeCount) return ahead.map((p) => p.cell);
  const clusters = pairs.reduce<Array<typeof pairs>>((out, p) => {
    const last = out.at(-1);
    if (last && p.at - last.at(-1)!.at <= FINAL_CELLS_APART) last.push(p);
    else out.push([p]);
    return out;
  }, []);
  const fitting = clusters.filter((c) => c.length === outcomeCount);
  return fitting.length === 1 ? fitting[0]!.map((p) => p.cell) : null;
}

/** A cell of the 目標最終年度 column's year row: a year (`30年度`) or one left blank (`年度`). */
export const isFinalYearCell = (t: Token | undefined) => t !== undefined && (t.folded === '年度' || FINAL_YEAR.test(t.folded));
/** The 目標最終年度 column as pdfminer prints it with the 活動見込 column below: see finalColumnRuns. */
export interface FinalColumnRun {
  /** Each outcome's final year (null when left blank) and 目標値. */
  cells: Array<{ fiscalYear: number | null; value: Value }>;
  /** The single values right after: the 活動見込 plans, one an output. */
  after: Value[];
}

/** A final year with a number for its 目標値 and its 達成度 left blank (`27年度 33 -`): no unit-cost head is followed so. */
function isTargetCell(tokens: readonly Token[], i: number): boolean {
  return tokens[i] !== undefined && FINAL_YEAR.test(tokens[i]!.folded) && singleValueOf(tokens[i + 1])?.cell.kind === 'number' && singleValueOf(tokens[i + 2])?.cell.kind === 'dash';
}

/** Where the 目標最終年度 column's years start when a run of it opens at token i (see finalColumnRuns); null when none does. */
export function finalColumnStart(tokens: readonly Token[], i: number): number | null {
  if (tokens[i]?.folded === '年度' && isFinalYearCell(tokens[i + 1])) return i + 1;
  return isTargetCell(tokens, i) ? i : null;
}

/** A final year with its 目標値 and 達成度 cells at token i. */
export const isFinalYearTriple = (tokens: readonly Token[], i: number) => isFinalYearCell(tokens[i]) && !!singleValueOf(tokens[i + 1]) && !!singleValueOf(tokens[i + 2]);

/**
 * pdfminer prints the outcome table's 目標最終年度 column and the 活動見込 column below it, in
 * the same place on the page, as one run: the 中間目標 year cell (left blank: `年度`), each
 * outcome's final year with its 目標値 and 達成度 cells, then one plan for each output
 * (`年度 30年度 495 - 6`). The blank year cell opens the run, or, where pdfminer left it
 * elsewhere, a final year with its 目標値 and a blank 達成度 (`27年度 33 - 20`); unit-cost year
 * heads (`25年度 26年度`, `27年度 - -`) do not.
 */
export function finalColumnRuns(ctx: MatchContext, from: number, to: number): FinalColumnRun[] {
  const runs: FinalColumnRun[] = [];
  for (let i = from; i < to; i++) {
    const first = finalColumnStart(ctx.tokens, i);
    if (first === null) continue;
    const cells: FinalColumnRun['cells'] = [];
    let at = first;
    while (isFinalYearTriple(ctx.tokens, at)) {
      const year = ctx.tokens[at]!.folded;
      cells.push({ fiscalYear: year === '年度' ? null : eraYear(year), value: singleValueOf(ctx.tokens[at + 1])! });
      at += 3;
    }
    const after: Value[] = [];
    while (singleValueOf(ctx.tokens[at])) after.push(singleValueOf(ctx.tokens[at++])!);
    if (cells.length) runs.push({ cells, after });
    i = at;
  }
  return runs;
}
