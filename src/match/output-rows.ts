// 活動指標 rows in stream text, whose labels and cells extractors print apart: row labels
// printed together with their cells in one run after them (year by year or row by row), a
// first row left without its label, stray 活動実績 headings, later years printed after their
// own column heads. The 活動見込 column printed apart is output-plans.ts's.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { fold } from '../tokenize/values.js';
import { countOf, headerYearOf, isYearHead, opensWithYearHead, runAfter, valuesOf, type Value } from './values.js';
import { isUnitCell, readRow, type Row, type RowGroup } from './table-rows.js';

/** Three past years and the current year's 活動見込. */
export const COLUMNS = 4;

/**
 * pdfminer may print both row labels together and then the rows' cells in one run: the two
 * units, then either the 活動実績 row across (three years and the 活動見込 cell both rows share)
 * and the 当初見込み row, or the past years one by one down both rows. Read so when the run
 * holds exactly those cells.
 */
export function readLabelsFirst(ctx: MatchContext, group: RowGroup): { actual: Row; planned: Row } | null {
  const [actualLabel] = group.opener;
  const plannedLabel = group.members[0];
  if (ctx.isLayout || !actualLabel || !plannedLabel || plannedLabel.index !== actualLabel.index + 1 || actualLabel.rest || plannedLabel.rest) return null;
  const { units, values } = unitsThenValues(ctx, plannedLabel, 2);
  const row = (i: number, cells: Value[]) => ({ unit: units[i] ?? units[0] ?? null, values: cells, cells: [] });
  const past = COLUMNS - 1;
  const yearByYear = (cells: Value[]) => ({ actual: row(0, cells.filter((_, i) => i % 2 === 0)), planned: row(1, cells.filter((_, i) => i % 2 === 1)) });
  if (values.length === 2 * COLUMNS - 1) {
    // A dash last is the 活動見込 cell after the past years read year by year; read row by row it
    // would be a past year's plan left blank beside a plan for this year.
    if (values.at(-1)!.cell.kind === 'dash') {
      const { actual, planned } = yearByYear(values.slice(0, 2 * past));
      return { actual, planned: { ...planned, values: [...planned.values, values.at(-1)!] } };
    }
    return { actual: row(0, values.slice(0, COLUMNS)), planned: row(1, values.slice(COLUMNS)) };
  }
  // The past years only (the 活動見込 cell printed elsewhere), year by year down both rows or
  // row by row where that leaves each row all counts or all dashes and year by year does not
  // (`64,117 58,313 87,060 - - -`); or the first years only, the later columns printed among
  // other tables' cells.
  if (values.length === 2 * past) {
    const byRows = { actual: row(0, values.slice(0, past)), planned: row(1, values.slice(past)) };
    const byYears = yearByYear(values);
    if (uniform(byRows) && !uniform(byYears)) return byRows;
    if (carriedPlans(byRows) === past - 1 && carriedPlans(byYears) === 0) return byRows;
  }
  return values.length >= 2 && values.length <= 2 * past && values.length % 2 === 0 ? yearByYear(values) : null;
}

/**
 * How many years' 当初見込み are the year before's 活動実績 (`487,326 528,360 402,724` then
 * `489,325 487,326 528,360`): ministries often plan a year at the last year's count, so where
 * every later year's plan is, read row by row, and none is year by year, the rows were printed whole.
 */
const carriedPlans = ({ actual, planned }: { actual: { values: Value[] }; planned: { values: Value[] } }) =>
  planned.values.slice(1).filter((p, i) => countOf(p) !== null && countOf(p) === countOf(actual.values[i])).length;

/** Both rows each all dashes or all counts. */
const uniform = (rows: { actual: { values: Value[] }; planned: { values: Value[] } }) =>
  [rows.actual, rows.planned].every((r) => r.values.every((v) => v.cell.kind === 'dash') || r.values.every((v) => v.cell.kind !== 'dash'));


/** After the last of row labels printed together: up to `count` short unit boxes, then the run of values. */
function unitsThenValues(ctx: MatchContext, lastLabel: Token, count: number): { units: string[]; values: Value[]; end: number } {
  const units: string[] = [];
  let at = lastLabel.index + 1;
  while (units.length < count && isUnitCell(ctx.tokens[at])) units.push(ctx.tokens[at++]!.text);
  return { units, values: runAfter(ctx, ctx.tokens[at - 1]!), end: at };
}

/**
 * pdfminer may print the cells year by year with the year heads between them (`- - … 25年度
 * - - … 26年度 - - 6 8 7 8 …`), each year's column top down, the cells of the table above in the
 * same column first: each of the first three chunks of at least `rowCount` values gives its last
 * `rowCount`, and the next chunk of at least `outputs` values its last ones, the 活動見込 plans.
 */
function columnChunks(ctx: MatchContext, from: number, rowCount: number, outputs: number): Value[] | null {
  const chunks: Value[][] = [[]];
  for (let i = from; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    const values = valuesOf(t);
    if (values) chunks.at(-1)!.push(...values);
    else if (isYearHead(t) || opensWithYearHead(t) || t.labels.includes('checkBox')) chunks.push([]);
    else break;
  }
  const past = chunks.filter((c) => c.length >= rowCount).slice(0, COLUMNS - 1);
  if (past.length < COLUMNS - 1) return null;
  const plans = chunks.slice(chunks.indexOf(past.at(-1)!) + 1).find((c) => c.length >= outputs);
  return [...past.flatMap((c) => c.slice(-rowCount)), ...(plans?.slice(-outputs) ?? [])];
}

/** The row labels in order: 活動実績, 当初見込み of each output. */
export const rowLabels = (groups: readonly RowGroup[]) => groups.flatMap((g) => [g.opener[0], g.members[0]]);

/** Where the last run of row labels printed one after another starts; -1 when a label is missing. */
export function labelsTogetherFrom(groups: readonly RowGroup[]): number {
  const labels = rowLabels(groups);
  if (labels.some((t) => !t)) return -1;
  let from = labels.length - 1;
  while (from > 0 && labels[from]!.index === labels[from - 1]!.index + 1) from--;
  return from;
}

/**
 * Several outputs whose row labels pdfminer printed all together (活動実績 当初見込み 活動実績
 * 当初見込み), then a unit for each row, then the past years' cells year by year down all the
 * rows. The first rows may stand apart with their own cells (活動実績 件 634 608 627, then the
 * other labels together). Read so when the run holds exactly the together rows' cells.
 */
export function readAllLabelsFirst(ctx: MatchContext, groups: readonly RowGroup[]): Array<{ actual: Row; planned: Row }> | null {
  const labels = rowLabels(groups);
  const together = labelsTogetherFrom(groups);
  if (ctx.isLayout || groups.length < 2 || together < 0 || labels.some((t) => t!.rest)) return null;
  const rowCount = labels.length - together;
  if (rowCount < 3 && together > 0) return null;
  const { units, values: read, end } = unitsThenValues(ctx, labels.at(-1)!, rowCount);
  const past = COLUMNS - 1;
  // Rows whose unit cell holds a dash (`件 件 - -`, then the cells): the dashes are those units.
  const dashUnits = units.length && units.length < rowCount && read.slice(0, rowCount - units.length).every((v) => v.cell.kind === 'dash') ? rowCount - units.length : 0;
  units.push(...read.slice(0, dashUnits).map((v) => v.token.text));
  const unbroken = read.slice(dashUnits);
  const run = unbroken.length >= past * rowCount ? unbroken : columnChunks(ctx, end, rowCount, groups.length) ?? unbroken;
  // The run may end with the 活動見込 column, one cell an output (when no output is apart).
  const plans = together === 0 && run.length === past * rowCount + groups.length ? run.slice(past * rowCount) : [];
  const values = plans.length ? run.slice(0, past * rowCount) : run;
  // The first years only, down the rows (the later columns printed among other tables' cells).
  const firstYears = values.length > 0 && values.length < past * rowCount && values.length % rowCount === 0;
  if (!firstYears && values.length !== past * rowCount) return null;
  // Year by year down the rows, or row by row: a row counts one thing, so its years are alike in
  // size. Counts grow over the years too: row by row must make the rows far more alike.
  const yearByYear = (r: number) => values.filter((_, i) => i % rowCount === r);
  const rowByRow = (r: number) => values.slice(r * past, (r + 1) * past);
  const order = !firstYears && ROW_BY_ROW_MARGIN * spread(rowByRow, rowCount) < spread(yearByYear, rowCount) ? rowByRow : yearByYear;
  const row = (r: number): Row => (r < together
    ? readRow(ctx, [labels[r]], COLUMNS)
    : { unit: units[r - together] ?? units[0] ?? null, values: order(r - together), cells: [] });
  const rows = groups.map((_, k) => ({ actual: row(2 * k), planned: row(2 * k + 1) }));
  plans.forEach((plan, k) => rows[k]!.planned.values.push(plan));
  return rows;
}

/** How much more alike in size a row-by-row reading must make the rows than year by year. */
const ROW_BY_ROW_MARGIN = 3;

/** How unlike in size the years of each row are: the sum over rows of the spread of their logarithms. */
function spread(rowOf: (r: number) => Value[], rowCount: number): number {
  let total = 0;
  for (let r = 0; r < rowCount; r++) {
    const logs = rowOf(r).map(countOf).filter((n): n is number => n !== null && n > 0).map(Math.log10);
    if (logs.length > 1) total += Math.max(...logs) - Math.min(...logs);
  }
  return total;
}

/**
 * Where the rows may start: after the 活動指標 head; when pdftotext printed that after the rows,
 * after the section's title before them.
 */
export function rowsStart(ctx: MatchContext, firstOpener: Token | undefined): number | undefined {
  const head = ctx.first('activityIndicator')?.index;
  if (head === undefined || !firstOpener || head < firstOpener.index) return head;
  return ctx.find('outputTitle').filter((t) => t.index < firstOpener.index).at(-1)?.index ?? head;
}

/**
 * The first output's 活動実績 label may be printed with the section title (活動指標及び活 / 動実績),
 * leaving its row headless: a unit and values just before a 当初見込み that no 活動実績 opens.
 * That row is read backwards from the 当初見込み, which stands for the group.
 */
export function headlessGroup(ctx: MatchContext, found: readonly RowGroup[]): { group: RowGroup; rows: { actual: Row; planned: Row } } | null {
  const firstOpener = found[0]?.opener[0];
  const from = rowsStart(ctx, firstOpener) ?? -1;
  const planned = ctx.find('activityPlanned').filter((t) => t.index > from && (!firstOpener || t.index < firstOpener.index));
  if (planned.length !== 1) return null;
  const label = planned[0]!;
  const actual = rowBefore(ctx, label, from);
  if (!actual) return null;
  ctx.use(actual.unitCell);
  return { group: { opener: [label], members: [label] }, rows: { actual: actual.row, planned: readRow(ctx, [label], COLUMNS) } };
}

/** A headless row just before a label: a unit cell, then the past years' cells, after `from`. */
function rowBefore(ctx: MatchContext, label: Token, from: number): { row: Row; unitCell: Token } | null {
  const values: Value[] = [];
  let at = label.index - 1;
  for (; at > from && valuesOf(ctx.tokens[at]!); at--) values.unshift(...valuesOf(ctx.tokens[at]!)!);
  const unit = ctx.tokens[at];
  return values.length === COLUMNS - 1 && isUnitCell(unit) ? { row: { unit: unit.text, values, cells: [] }, unitCell: unit } : null;
}

/**
 * A group's 当初見込み label may be printed far off, after the table; the group then has none
 * of its own and shares the next group's. Its row is the headless one just before the next
 * group's 活動実績, when that row counts in the unit of the group's own 活動実績 row.
 */
export function takeHeadlessPlans(ctx: MatchContext, groups: readonly RowGroup[], rows: ReadonlyArray<{ actual: Row; planned: Row }>): void {
  if (ctx.isLayout) return;
  groups.forEach((group, k) => {
    const next = groups[k + 1];
    if (!next || group.members[0] === undefined || group.members[0] !== next.members[0]) return;
    const planned = rowBefore(ctx, next.opener[0]!, group.opener.at(-1)!.index);
    if (!planned || rows[k]!.actual.unit === null || fold(planned.row.unit!) !== fold(rows[k]!.actual.unit!)) return;
    ctx.use(planned.unitCell);
    rows[k]!.planned = planned.row;
  });
}

/**
 * The first output's two row labels may both be printed with the section title, leaving both
 * rows headless: two runs of a unit and the past years' cells, one right after the other and
 * with the same unit, before the first labelled row. They are that output's 活動実績 and
 * 当初見込み; the units stand for the labels.
 */
export function headlessPair(ctx: MatchContext, found: readonly RowGroup[]): { group: RowGroup; rows: { actual: Row; planned: Row } } | null {
  const from = rowsStart(ctx, found[0]?.opener[0]);
  const to = found[0]?.opener[0]?.index;
  if (from === undefined || to === undefined) return null;
  const past = COLUMNS - 1;
  const isUnit = (t: Token | undefined): t is Token => isUnitCell(t) && headerYearOf(t.folded) === null && !ctx.isUsed(t);
  for (let i = from + 1; i < to; i++) {
    const unit = ctx.tokens[i]!;
    if (!isUnit(unit)) continue;
    // The runs stop at the first labelled row, a label, at the latest.
    const actual = runAfter(ctx, unit);
    const second = ctx.tokens[(actual.at(-1)?.token.index ?? i) + 1];
    if (actual.length !== past || !isUnit(second) || second.folded !== unit.folded) continue;
    const planned = runAfter(ctx, second);
    if (planned.length !== past && planned.length !== COLUMNS) continue;
    ctx.use(unit);
    ctx.use(second);
    const row = (t: Token, values: Value[]): Row => ({ unit: t.text, values, cells: [] });
    return { group: { opener: [unit], members: [second] }, rows: { actual: row(unit, actual), planned: row(second, planned) } };
  }
  return null;
}

/** A 活動実績 followed by another section's label (定性的指標) heads a column elsewhere; it opens no row. */
export function isStrayHeading(ctx: MatchContext, label: Token): boolean {
  const next = ctx.tokens[label.index + 1];
  return next !== undefined && isLabel(next) && !next.labels.includes('activityPlanned') && !next.labels.includes('activityActual') && !next.labels.includes('unit');
}

/** The current year's column head (`28年度活動見込`). */
const PLAN_HEAD = /活動見込み?$/;

/**
 * pdfminer may print the table's column heads as one line (`25年度 26年度 27年度 28年度活動見込`)
 * with a row of its cells right after it, far from the row labels: when the only output's rows
 * were read empty, that row is its 活動実績 (its last cell this year's 活動見込).
 */
export function takeRowAfterHeads(ctx: MatchContext, rows: ReadonlyArray<{ actual: Row; planned: Row }>): void {
  const [only] = rows;
  if (rows.length !== 1 || only!.actual.values.length || only!.planned.values.length) return;
  for (const t of ctx.tokens) {
    const heads = t.text.split(/\s+/);
    if (heads.length !== COLUMNS || !PLAN_HEAD.test(heads.at(-1)!) || !heads.every((h) => headerYearOf(fold(h)) !== null)) continue;
    const next = ctx.tokens[t.index + 1];
    const values = next && valuesOf(next);
    if (values?.length === COLUMNS) only!.actual.values.push(...values);
    return;
  }
}

/**
 * pdfminer may print the outputs' first years with their row labels (`活動実績 当初見込み 件 件
 * - -`, then other tables' cells) and their later years after their own column heads, which end
 * with this year's 活動見込 (`25年度 26年度 27年度活動見込 660 150 767 250`): year by year down
 * the rows. Only when no row read a cell and the heads are the years the first cells leave; the
 * first years stay empty unless every row label was printed together with their cells after.
 */
export function takeColumnsAroundHeads(ctx: MatchContext, groups: readonly RowGroup[], rows: ReadonlyArray<{ actual: Row; planned: Row }>): void {
  const labels = rowLabels(groups);
  if (ctx.isLayout || labels.some((t) => !t) || rows.some((r) => r.actual.values.length || r.planned.values.length)) return;
  const last = labels.at(-1)!;
  const past = COLUMNS - 1;
  const plan = ctx.tokens.find((t) => t.index > last.index && PLAN_HEAD.test(t.folded) && headerYearOf(t.folded) !== null);
  if (!plan) return;
  const heads: number[] = [];
  for (let i = plan.index - 1; i > last.index && headerYearOf(ctx.tokens[i]!.folded) !== null; i--) heads.unshift(headerYearOf(ctx.tokens[i]!.folded)!);
  const later = heads.length;
  const consecutive = heads.every((y, k) => y === headerYearOf(plan.folded)! - later + k);
  const after = runAfter(ctx, plan);
  if (!later || later >= past || !consecutive || after.length < labels.length * later) return;
  // The first years' cells follow the units only where every row label was printed together.
  const first = labelsTogetherFrom(groups) === 0 ? unitsThenValues(ctx, last, labels.length).values : [];
  const earlier = labels.length * (past - later);
  // Sparse where the first years' cells are missing: those years read as empty.
  const cells: Value[] = first.length >= earlier ? first.slice(0, earlier) : [];
  cells.length = earlier;
  cells.push(...after.slice(0, labels.length * later));
  const column = (r: number) => {
    const out: Value[] = [];
    cells.forEach((v, i) => {
      if (i % labels.length === r) out[Math.floor(i / labels.length)] = v;
    });
    out.length = past;
    return out;
  };
  rows.forEach((row, k) => {
    row.actual.values.push(...column(2 * k));
    row.planned.values.push(...column(2 * k + 1));
  });
}

/**
 * All the row labels printed together, then one unit each (`活動実績 当初見込み … 件 件 回 回`),
 * with the values too far off to read: the rows still take their units, in order.
 */
export function takeUnitsTogether(ctx: MatchContext, groups: readonly RowGroup[], rows: ReadonlyArray<{ actual: Row; planned: Row }>): void {
  const labels = rowLabels(groups);
  if (ctx.isLayout || labelsTogetherFrom(groups) !== 0) return;
  const { units } = unitsThenValues(ctx, labels.at(-1)!, labels.length);
  if (units.length !== labels.length) return;
  rows.forEach((r, k) => {
    r.actual.unit ??= units[2 * k]!;
    r.planned.unit ??= units[2 * k + 1]!;
  });
}
