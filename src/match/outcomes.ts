// 成果目標及び成果実績（アウトカム）: one outcome per group of three rows (成果実績, 目標値,
// 達成度), each with its goal, indicator and unit, values for the three past years, and the
// 目標最終年度 with its 目標値. Also the reason given when there is no quantitative target.
import type { Outcome } from '../assemble/schema.js';
import { isLabel, type Token } from '../tokenize/labels.js';
import { eraYear } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, isYearHead, rateOf, valuesOf, type Value } from './values.js';
import { columnWidths, isProse, isVerticalHeading, splitByWidths, splitTwoColumns, textAfter, textWithoutLabels } from './text-field.js';
import { columnTexts, labelGroups, lastRowOf, readRow, type RowGroup } from './table-rows.js';

type Row = ReturnType<typeof readRow>;

const PAST_COLUMNS = 3;
/** Value columns of a row: three past years, 中間目標, 目標最終年度. */
const FINAL_COLUMN = PAST_COLUMNS + 1;
const VALUE_COLUMNS = FINAL_COLUMN + 1;

/** Goal and indicator: the two text columns beside the group (layout), or the prose before it. */
function goalAndIndicator(ctx: MatchContext, group: RowGroup, previous: RowGroup | undefined): [string | null, string | null] {
  const opener = group.opener[0]!;
  if (ctx.isLayout) {
    const top = previous ? lastRowOf(previous).row + 1 : opener.row - 2;
    const [goal, indicator] = columnTexts(ctx, top, lastRowOf(group).row, 'outcomeTitle');
    return [goal ?? null, indicator ?? null];
  }
  const from = previous ? lastRowOf(previous).index + 1 : Math.max(0, opener.index - 12);
  const prose = ctx.tokens.slice(from, opener.index).filter((t) => isGoalText(ctx, t));
  // pdftotext prints the goal and indicator cells across one box, line by line.
  const box = prose.map((t) => splitTwoColumns(t)).findLast((s) => s !== null);
  if (box) return box;
  const [goal, indicator] = prose.slice(-2);
  if (prose.length >= 2) return [goal!.text, indicator!.text];
  return [null, goal?.text ?? null];
}

/**
 * Stream text, the section's goals and indicators in order when each is a pair: a box that
 * pdftotext printed across both cells, line by line, or two texts one after the other.
 */
function streamPairs(ctx: MatchContext, end: number, groupCount: number): Array<[string, string]> {
  const start = ctx.first('outcomeIndicator')?.index ?? ctx.first('outcomeTitle')?.index;
  if (start === undefined) return [];
  const texts = ctx.tokens.slice(start, end).filter((t) => isGoalText(ctx, t));
  // Boxes across both cells are surer than texts that happen to follow one another; the texts
  // after a box, up to the next, are its wrapped lines.
  const boxes = texts.map((t) => splitTwoColumns(t));
  const boxAt = boxes.flatMap((box, i) => (box ? [i] : []));
  if (boxAt.length && boxAt.length === groupCount) return boxAt.map((i, k) => splitTwoColumns(texts[i]!, texts.slice(i + 1, boxAt[k + 1] ?? texts.length))!);
  // Boxes of several lines and no two parts, beside such boxes, are the same cells stacked by
  // height (goal line, indicator, goal line): split at the widths the others show.
  if (boxAt.length && boxAt.length < groupCount) {
    const widths = boxAt.map((i) => columnWidths(texts[i]!)!).reduce((a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
    const stackedAt = texts.flatMap((t, i) => (boxes[i] || t.lines.length >= 2 ? [i] : []));
    if (stackedAt.length === groupCount) {
      const pairs = stackedAt.map((i) => boxes[i] ?? splitByWidths(texts[i]!, widths));
      if (pairs.every(([goal, indicator]) => goal && indicator)) return pairs;
    }
  }
  // One outcome and no box: its goal may wrap over several texts, its indicator is the last.
  if (groupCount === 1 && !boxAt.length && texts.length >= 2) return [[texts.slice(0, -1).map(textWithoutLabels).join(''), textWithoutLabels(texts.at(-1)!)]];
  // A note (`※24年度は活動していない。`) printed in a box of its own ends the text before it.
  const units: Array<{ text: string; box: [string, string] | null }> = [];
  texts.forEach((t, i) => {
    const last = units.at(-1);
    if (last && !last.box && t.folded.startsWith('※')) last.text += `\n${t.text}`;
    else units.push({ text: t.text, box: boxes[i]! });
  });
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < units.length; i++) {
    const box = units[i]!.box;
    if (box) pairs.push(box);
    else if (units[i + 1] && !units[i + 1]!.box) pairs.push([units[i]!.text, units[++i]!.text]);
  }
  return pairs;
}

/** Prose that can be a goal or an indicator: not a label, a year, a vertical heading, or a 予算内訳 reason after its amount (`2 所要額の精査`). */
const isGoalText = (ctx: MatchContext, t: Token) => !isLabel(t) && isProse(t) && !isYearHead(t) && !/^[\d,.]+ /.test(t.text) && t.folded.length > 6 && !isVerticalHeading(t) && !ctx.isUsed(t);

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
  if (!ctx.isLayout) rows.forEach((r, k) => rowsByRuns(ctx, r, found[k]!, found[k + 1]?.opener[0]?.index ?? end));
  if (!ctx.isLayout) for (const r of rows) dealStackedPair(r.actual, r.target, r.rate);
  if (!ctx.isLayout) dealRun(rows);
  const regionPairs = ctx.isLayout ? null : streamPairs(ctx, end, found.length);
  const outcomes = found.map((group, k): Outcome => {
    const { actual, target, rate } = rows[k]!;
    const [goal, indicator] = regionPairs?.length === found.length ? regionPairs[k]! : goalAndIndicator(ctx, group, found[k - 1]);
    const opener = group.opener[0]!;
    const finalYearCell = [...actual.cells, ...ctx.tokens.slice(opener.index + 1, opener.index + 12)].find((t) => FINAL_YEAR.test(t.folded));
    ctx.trace(`outcomes[${k}]`, ...group.opener, ...group.members);
    return {
      goal,
      indicator,
      unit: actual.unit ?? target.unit,
      values: Array.from({ length: PAST_COLUMNS }, (_, i) => ({
        fiscalYear: firstYear + i,
        actual: countOf(actual.values[i]),
        target: countOf(target.values[i]),
        achievementRate: rateOf(rate.values[i]),
      })),
      finalTarget: {
        fiscalYear: finalYearCell ? eraYear(finalYearCell.folded) : null,
        value: countOf(target.values[FINAL_COLUMN]),
      },
    };
  });
  if (!ctx.isLayout) {
    completeByRates(ctx, outcomes, start, end);
    const column = finalColumn(ctx, start, outcomes.length);
    column?.forEach((cell, k) => { outcomes[k]!.finalTarget = cell; });
  }
  // A template row left empty (no goal, no indicator, no number) is not an outcome.
  return outcomes.filter((o) => o.goal || o.indicator || o.values.some((v) => v.actual !== null || v.target !== null));
}

const FINAL_YEAR = /^(?:平成|令和)?(\d{1,2}|元)年度$/;

/**
 * pdfminer prints the 目標最終年度 column apart from the rest of the table, often after the
 * outputs: each outcome's final year, then its 目標値 (`32年度 90 -`). One such pair per
 * outcome, before the unit cost, is that column, in order.
 */
function finalColumn(ctx: MatchContext, from: number, outcomeCount: number): Outcome['finalTarget'][] | null {
  const end = ctx.find('unitCostTitle').find((t) => t.index > from)?.index ?? ctx.tokens.length;
  const cells: Outcome['finalTarget'][] = [];
  for (let i = from; i < end - 1; i++) {
    const year = ctx.tokens[i]!;
    const value = valuesOf(ctx.tokens[i + 1]!);
    if (FINAL_YEAR.test(year.folded) && value?.length === 1) cells.push({ fiscalYear: eraYear(year.folded), value: countOf(value[0]) });
  }
  return cells.length === outcomeCount ? cells : null;
}

/** Whether 達成度 = 成果実績 / 目標値 holds, to the rate's printed precision. */
function rateHolds(actual: Value | undefined, target: Value | undefined, rate: Value | undefined): boolean {
  const [a, t, r] = [countOf(actual), countOf(target), rateOf(rate)];
  if (a === null || t === null || r === null || t === 0) return false;
  return Math.abs((a / t) * 100 - r) <= (Number.isInteger(r) ? 0.51 : 0.051);
}

type Rows = Record<'actual' | 'target' | 'rate', { values: Value[] }>;

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
    if (isLabel(unit) || valuesOf(unit) || unit.folded.length > 6 || FINAL_YEAR.test(unit.folded) || isYearHead(unit)) continue;
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
 * label and 達成度 (or the next group), when 達成度 bears them out (成果実績 / 目標値).
 */
function rowsByRuns(ctx: MatchContext, rows: { actual: Row; target: Row; rate: Row }, group: RowGroup, next: number): void {
  const rateLabel = group.members[1];
  if (rows.actual.values.length && rows.target.values.length) return;
  const runs = unitRuns(ctx, group.opener.at(-1)!.index + 1, Math.min(rateLabel && rateLabel.index > group.opener[0]!.index ? rateLabel.index : next, next));
  // The 達成度 row may have lost its label too: then it is the third run.
  const ownRate = rows.rate.values.length > 0;
  if (runs.length !== (ownRate ? 2 : 3)) return;
  const [actual, target, rate] = runs as [UnitRun, UnitRun, UnitRun | undefined];
  const rates = ownRate ? rows.rate.values : rate!.values;
  if (!rates.some((r, y) => rateHolds(actual.values[y], target.values[y], r))) return;
  rows.actual = { unit: actual.unit.text, values: actual.values.slice(0, PAST_COLUMNS), cells: actual.after ? [actual.after] : [] };
  rows.target = { unit: target.unit.text, values: target.values.slice(0, VALUE_COLUMNS), cells: [] };
  if (!ownRate) rows.rate = { unit: rate!.unit.text, values: rate!.values.slice(0, PAST_COLUMNS), cells: [] };
}

/**
 * Where cell (outcome g, row k: 成果実績 目標値 達成度, year y) stands in a run of G outcomes
 * over Y years, for each order pdfminer prints such a run in: year by year across every row;
 * row by row; outcome by outcome, year by year; outcome by outcome, 成果実績 first.
 */
const RUN_ORDERS: Array<(g: number, k: number, y: number, G: number, Y: number) => number> = [
  (g, k, y, G) => y * G * 3 + g * 3 + k,
  (g, k, y, _, Y) => (g * 3 + k) * Y + y,
  (g, k, y, _, Y) => g * 3 * Y + y * 3 + k,
  (g, k, y, _, Y) => g * 3 * Y + (k === 0 ? y : Y + y * 2 + k - 1),
];

/**
 * pdfminer may print the rows' labels first and all their numbers after, in one run that the
 * last row's reading took. The run is dealt out in the order the 達成度 row bears out most,
 * year by year across every row when none does.
 */
function dealRun(rows: Rows[]): void {
  const last = rows.at(-1)?.rate;
  if (!last || rows.some((r) => r !== rows.at(-1) && (r.actual.values.length || r.target.values.length || r.rate.values.length)) || rows.at(-1)!.actual.values.length || rows.at(-1)!.target.values.length) return;
  const run = [...last.values];
  const [G, Y] = [rows.length, run.length / (rows.length * 3)];
  if (!Number.isInteger(Y) || Y < PAST_COLUMNS) return;
  const row = (at: (typeof RUN_ORDERS)[number], g: number, k: number) => Array.from({ length: Math.min(Y, VALUE_COLUMNS) }, (_, y) => run[at(g, k, y, G, Y)]!);
  const dealt = RUN_ORDERS.map((at) => rows.map((_, g): [Value[], Value[], Value[]] => [row(at, g, 0), row(at, g, 1), row(at, g, 2)]));
  const borneOut = dealt.map((d) => d.reduce((n, [a, t, r]) => n + r.filter((rate, y) => rateHolds(a[y], t[y], rate)).length, 0));
  const best = dealt[borneOut.indexOf(Math.max(...borneOut))]!;
  rows.forEach((r, g) => { [r.actual.values, r.target.values, r.rate.values] = best[g]!; });
}

/**
 * pdfminer may print each year's 成果実績 and 目標値 stacked in one column (98 90 99 90 …), or
 * one row's run after the other, all after the second row's label: the run is dealt out in
 * turns or in halves, whichever the 達成度 row bears out.
 */
function dealStackedPair(actual: { values: Value[] }, target: { values: Value[] }, rate: { values: Value[] }): void {
  const full = !actual.values.length ? target : !target.values.length ? actual : null;
  const run = full?.values ?? [];
  const years = run.length / 2;
  if (!Number.isInteger(years) || years < PAST_COLUMNS || years > VALUE_COLUMNS) return;
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
function completeByRates(ctx: MatchContext, outcomes: Outcome[], start: number, end: number): void {
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

export function matchNoTargetReason(ctx: MatchContext): string | null {
  return textAfter(ctx, 'noQuantitativeTargetReason', 'noQuantitativeTargetReason', (t) => isProse(t) && t.folded.length > 4);
}
