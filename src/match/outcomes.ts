// 成果目標及び成果実績（アウトカム）: one outcome per group of three rows (成果実績, 目標値,
// 達成度), each with its goal, indicator and unit, values for the three past years, and the
// 目標最終年度 with its 目標値. Also the reason given when there is no quantitative target.
import type { Outcome } from '../assemble/schema.js';
import { isLabel, type Token } from '../tokenize/labels.js';
import { eraYear, fold } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, headedValue, headerYearOf, isYearHead, rateOf, singleValueOf, valuesOf, type Value } from './values.js';
import { isProse, isVerticalHeading, textAfter } from './text-field.js';
import { isUnitCell, labelGroups, readRow } from './table-rows.js';
import { goalAndIndicator, inItemOrder, rowsGoalAndIndicator, sectionStart, streamPairs } from './outcome-texts.js';
import { takeBorneTriples, takeLateTriples, takeTriplesByFinalTarget } from './outcome-triples.js';
import { takeLeadingTails } from './outcome-tails.js';
import { completeByRates, dealRun, dealStackedPair, dealTriples, dealYearByYear, FINAL_COLUMN, PAST_COLUMNS, rowsByRuns, takeRateBorneRuns, VALUE_COLUMNS } from './outcome-rows.js';
import { FINAL_YEAR, finalColumn, isColumnHead } from './outcome-final-column.js';

/**
 * pdftotext may print the 目標最終年度 cells just before the row's label, after the row's last
 * cells: the year, perhaps with its 目標値 after it or boxed under it (`97.3 - 27年度 成果実績`,
 * `70 - 27年度 65 成果実績`, `27年度 ⏎ 65`). A year before the review's is a past column's head.
 */
function finalCellsJustBefore(ctx: MatchContext, opener: Token, reviewYear: number): { year: number; value: Value | undefined } | undefined {
  const [twoBefore, before] = [ctx.tokens[opener.index - 2], ctx.tokens[opener.index - 1]];
  if (!before) return undefined;
  const boxed = headedValue(before)?.[0];
  const value = boxed ?? singleValueOf(before) ?? undefined;
  const yearText = boxed ? fold(before.lines[0]!.text) : value ? twoBefore?.folded : before.folded;
  const year = yearAhead(yearText, reviewYear);
  return year === null ? undefined : { year, value };
}

/**
 * The 目標最終年度 column's year and 目標値 that pdftotext boxed together right after the 成果実績
 * row's cells (`3 3 2 - 年度 ⏎ 5`: a year left blank; `29年度 ⏎ 16`).
 */
function finalCellsAfterRow(ctx: MatchContext, actual: readonly Value[]): { year: number | null; value: Value } | undefined {
  const box = boxPastRow(ctx, actual);
  const yearText = box?.lines.length === 2 ? fold(box.lines[0]!.text) : '';
  if (!box || !(yearText === '年度' || FINAL_YEAR.test(yearText))) return undefined;
  const values = valuesOf(box, box.lines[1]!.text);
  return values?.length === 1 ? { year: eraYear(yearText), value: values[0]! } : undefined;
}

/** A 目標最終年度 year (`27年度`) no earlier than the review's; a past year is a column's head. */
function yearAhead(folded: string | undefined, reviewYear: number): number | null {
  const year = folded && FINAL_YEAR.test(folded) ? eraYear(folded) : null;
  return year !== null && year >= reviewYear ? year : null;
}

/** Cells of a row past its three years before the 目標最終年度's year: 中間目標 and its year's blank. */
const ROW_EXTRA_CELLS = 2;

/** The 目標最終年度 year printed right after the 成果実績 row's cells, 中間目標's included (`- - 84,602 - 27年度`), far from its label. */
function yearAfterRow(ctx: MatchContext, values: readonly Value[], reviewYear: number): number | null {
  return yearAhead(boxPastRow(ctx, values)?.folded, reviewYear);
}

/** The box after a row's cells and its 中間目標 cells, if any. */
function boxPastRow(ctx: MatchContext, values: readonly Value[]): Token | undefined {
  const last = values.at(-1)?.token;
  if (!last) return undefined;
  let at = last.index + 1;
  while (at <= last.index + 1 + ROW_EXTRA_CELLS && singleValueOf(ctx.tokens[at])) at++;
  return ctx.tokens[at];
}

/**
 * A unit printed with a row's run of cells, far from the row's label (`年度 件 - - 84,602`): the
 * box just before the run, unless a label's (`達成度 ％`, another row's).
 */
function unitBefore(ctx: MatchContext, values: readonly Value[]): string | null {
  const first = values[0]?.token;
  const unit = first ? ctx.tokens[first.index - 1] : undefined;
  const before = unit ? ctx.tokens[unit.index - 1] : undefined;
  return isUnitCell(unit) && !isYearHead(unit) && !isVerticalHeading(unit) && !(before && isLabel(before)) ? unit.text : null;
}

export function matchOutcomes(ctx: MatchContext, reviewYear: number): Outcome[] {
  // The KPI tables further down repeat the same row labels; they are left out.
  const start = ctx.first('outcomeActual')?.index ?? 0;
  const after = (id: 'outcomeNote' | 'reformItem') => ctx.find(id).find((t) => t.index > start)?.index;
  const end = after('outcomeNote') ?? after('reformItem') ?? ctx.tokens.length;
  const found = labelGroups(ctx, 'outcomeActual', ['outcomeTarget', 'achievement'], end);
  if (!found.length) {
    ctx.report('warning', 'missing-section', 'outcomes', 'no 成果目標 table was found');
    return [];
  }
  const firstYear = reviewYear - PAST_COLUMNS;
  const rows = found.map((group) => ({
    actual: readRow(ctx, group.opener, VALUE_COLUMNS),
    target: readRow(ctx, [group.members[0]], VALUE_COLUMNS),
    rate: readRow(ctx, [group.members[1]], VALUE_COLUMNS),
  }));
  if (!ctx.isLayout) rows.forEach((r, k) => takeLeadingTails(ctx, r, found[k]!.opener[0]!));
  if (!ctx.isLayout) rows.forEach((r, k) => rowsByRuns(ctx, r, found[k]!, found[k + 1]?.opener[0]?.index ?? end));
  if (!ctx.isLayout) for (const r of rows) dealStackedPair(r.actual, r.target, r.rate);
  if (!ctx.isLayout) dealRun(rows);
  if (!ctx.isLayout) dealTriples(rows);
  if (!ctx.isLayout) dealYearByYear(rows);
  if (!ctx.isLayout) takeRateBorneRuns(ctx, rows, start, end);
  // Each outcome's stretch: from its 成果実績 label to the next's (a 予算内訳 printed amid the
  // section's heads holds numbers that 達成度 would pair up too).
  if (!ctx.isLayout) takeBorneTriples(ctx, rows, found.map((g, k) => [g.opener[0]!.index, found[k + 1]?.opener[0]?.index ?? end]));
  if (!ctx.isLayout) takeLateTriples(ctx, rows, end);
  const regionPairs = ctx.isLayout ? null : inItemOrder(streamPairs(ctx, end, found.length));
  const outcomes = found.map((group, k): Outcome => {
    const { actual, target, rate } = rows[k]!;
    const [goal, indicator] = ctx.isRows ? rowsGoalAndIndicator(ctx, group, found)
      : regionPairs?.length === found.length ? regionPairs[k]! : goalAndIndicator(ctx, group, found[k - 1]);
    const opener = group.opener[0]!;
    // The first past year's column head (24年度) stands near the rows too; no target ends in that year.
    const isFinalYear = (t: Token) => FINAL_YEAR.test(t.folded) && eraYear(t.folded) !== firstYear;
    const finalYearCell = actual.cells.find(isFinalYear) ?? ctx.tokens.slice(opener.index + 1, opener.index + 12).find((t) => isFinalYear(t) && !isColumnHead(ctx, t));
    const justBefore = finalCellsJustBefore(ctx, opener, reviewYear);
    const afterRow = finalCellsAfterRow(ctx, actual.values);
    ctx.trace(`outcomes[${k}]`, ...group.opener, ...group.members);
    return {
      goal,
      indicator,
      // A year head (24年度) read where the unit cell should be is not a unit.
      unit: [actual.unit, target.unit].find((u) => u !== null && headerYearOf(fold(u)) === null) ?? unitBefore(ctx, actual.values) ?? unitBefore(ctx, target.values),
      values: Array.from({ length: PAST_COLUMNS }, (_, i) => ({
        fiscalYear: firstYear + i,
        actual: countOf(actual.values[i]),
        target: countOf(target.values[i]),
        achievementRate: rateOf(rate.values[i]),
      })),
      finalTarget: {
        fiscalYear: finalYearCell ? eraYear(finalYearCell.folded) : afterRow ? afterRow.year : justBefore?.year ?? yearAfterRow(ctx, actual.values, reviewYear),
        value: countOf(target.values[FINAL_COLUMN]) ?? countOf(afterRow?.value) ?? countOf(justBefore?.value),
      },
    };
  });
  if (!ctx.isLayout) {
    // A row's last cells may be printed before its label, after the section's column heads.
    completeByRates(ctx, outcomes, Math.min(start, sectionStart(ctx) ?? start), end);
    const column = finalColumn(ctx, start, outcomes.length, Array.from({ length: PAST_COLUMNS }, (_, i) => firstYear + i));
    column?.forEach((cell, k) => { outcomes[k]!.finalTarget = cell; });
    takeTriplesByFinalTarget(ctx, rows, outcomes, start, end);
  }
  // A template row left empty (no goal, no indicator, no number) is not an outcome.
  const kept = outcomes.filter((o) => o.goal || o.indicator || o.values.some((v) => v.actual !== null || v.target !== null));
  kept.forEach((o, k) => {
    if (!o.indicator) ctx.report('warning', 'unplaced-field', `outcomes[${k}].indicator`, 'the 成果指標 text was not found');
    if (!o.goal) ctx.report('warning', 'unplaced-field', `outcomes[${k}].goal`, 'the 成果目標 text was not found');
  });
  return kept;
}

export function matchNoTargetReason(ctx: MatchContext, outcomes: readonly Outcome[] = []): string | null {
  // A vertical title printed after the label (平⏎成⏎2⏎7⏎…予算内訳) is no reason.
  return textAfter(ctx, 'noQuantitativeTargetReason', 'noQuantitativeTargetReason', (t) => isProse(t) && t.folded.length > 4 && !isVerticalHeading(t)) ?? reasonBeforeNote(ctx, outcomes);
}

/**
 * pdftotext prints the reason's cell, which spans the table's width below the rows, last in the
 * section: the sentence just before the section's note (…欄についてさらに記載が必要な場合は…).
 * Only on a sheet without outcomes, where that sentence can be no goal's.
 */
function reasonBeforeNote(ctx: MatchContext, outcomes: readonly Outcome[]): string | null {
  const note = ctx.first('outcomeNote');
  const before = note ? ctx.tokens[note.index - 1] : undefined;
  if (ctx.isLayout || outcomes.length || !ctx.first('noQuantitativeTargetReason') || !before || isLabel(before) || ctx.isUsed(before) || !isProse(before) || !/。$/.test(before.text)) return null;
  ctx.trace('noQuantitativeTargetReason', before);
  return before.text;
}
