// 活動指標及び活動実績（アウトプット）: one output per pair of rows (活動実績, 当初見込み), each with
// its indicator and unit and values for three past years and this year's 活動見込.
import type { Output, UnitCost } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { isLabelPiece, paragraphCells } from './row-paragraphs.js';
import { countOf, isYearHead, opensWithYearHead, valuesOf } from './values.js';
import { fold } from '../tokenize/values.js';
import { takeColumnsAmidUnitCost } from './output-late-columns.js';
import { COST_UNIT, EXPENSE_CATEGORY, FORMULA_UNIT } from '../tokenize/vocabulary.js';
import { isProse, isVerticalHeading, numberedItems, stackedTexts, textWithoutLabels } from './text-field.js';
import { columnText, labelColumnOf, labelGroups, lastRowOf, readRow, spreadMatrix, type RowGroup } from './table-rows.js';
import { COLUMNS, headlessGroup, headlessPair, isStrayHeading, labelsTogetherFrom, readAllLabelsFirst, readLabelsFirst, rowLabels, rowsStart, takeRowAfterHeads, takeColumnsAroundHeads, takeHeadlessPlans, takeUnitsTogether } from './output-rows.js';
import { takeFinalColumnPlans, takeHeadedPlan, takeLonePlan, takeRepeatedPlan, takeTrailingPlans } from './output-plans.js';

/** `課題件数 件`: a pdf.js-style copy glues the unit to the indicator's last line. */
const GLUED_UNIT = / (\S{1,4})$/;

/**
 * Prose that can be an indicator: not a label, a year, a unit already read, a number, a unit of
 * cost (`百万円/件`), a unit-cost 算出根拠 (`費用／入力数`, on its first line: a box stacking
 * indicators may hold a formula-like one), or a 予算内訳 item (`交付金`).
 */
const indicatorText = (ctx: MatchContext, units: ReadonlySet<string>) => (t: Token) =>
  !isLabel(t) && isProse(t) && !isYearHead(t) && !opensWithYearHead(t) && !isVerticalHeading(t) && !ctx.isUsed(t) && !units.has(t.folded)
  && !COST_UNIT.test(t.folded) && !FORMULA_UNIT.test(t.folded) && !t.lines[0]!.text.includes('／') && !EXPENSE_CATEGORY.test(t.folded);

type Found = { text: Token | string | null; lastPlanned: Token | undefined; source?: Token };

/** An indicator text: a box, or one item of a numbered list a box stacks (`①…`, `②…`). */
type Piece = Token | { item: string; box: Token };

const pieces = (boxes: readonly Token[]): Piece[] => boxes.flatMap((t): Piece[] => numberedItems(t)?.map((item) => ({ item, box: t })) ?? [t]);

const foundOf = (piece: Piece | undefined): Found =>
  !piece ? { text: null, lastPlanned: undefined } : 'item' in piece ? { text: piece.item, lastPlanned: undefined, source: piece.box } : { text: piece, lastPlanned: undefined };

/** Layout text: the indicator is the text beside its group of rows. */
function layoutIndicator(ctx: MatchContext, groups: readonly RowGroup[], k: number): Found {
  const group = groups[k]!;
  const previous = groups[k - 1];
  const top = previous ? lastRowOf(previous).row + 1 : group.opener[0]!.row - 2;
  return { text: columnText(ctx, top, lastRowOf(group).row, 'outputTitle', labelColumnOf(group)) ?? null, lastPlanned: undefined };
}

/** Row text: the indicator is the paragraph around its group's first row (row-paragraphs.ts). */
function rowsIndicator(ctx: MatchContext, group: RowGroup, groups: readonly RowGroup[], units: ReadonlySet<string>): Found {
  const cells = paragraphCells(ctx, group.opener[0]!.row, groups.map((g) => g.opener[0]!.row), (t) => indicatorText(ctx, units)(t) && !isLabelPiece('outputTitle', t));
  return { text: cells.length ? cells.map((t) => t.text).join('') : null, lastPlanned: undefined, source: cells[0] };
}

/**
 * Stream text, every group at once (each window read once, before any indicator is taken):
 * the prose before each group; or all of it ahead of the first group, in order (pdfminer);
 * else the k-th text after the last group (pdftotext prints the indicators after the rows,
 * each after its 活動見込 value).
 */
function streamIndicators(ctx: MatchContext, groups: readonly RowGroup[], trailingTexts: readonly Token[], units: ReadonlySet<string>, divisor: string | null): Found[] {
  const windows = groups.map((group, g) => {
    const opener = group.opener[0]!;
    const from = g > 0 ? lastRowOf(groups[g - 1]!).index + 1 : sectionStart(ctx, opener) + 1;
    const to = g > 0 || opener.index > from ? opener.index : from + 11;
    return pieces(ctx.tokens.slice(Math.max(0, from), to).filter(indicatorText(ctx, units)));
  });
  // Too few texts ahead of the rows, and none between them: a box may stack several
  // indicators, each ending on a short line.
  if (windows[0]!.length && windows[0]!.length < groups.length && windows.slice(1).every((w) => !w.length)) {
    const stacked = windows[0]!.flatMap((p): Piece[] => ('item' in p ? [p] : stackedTexts(p).map((item) => ({ item, box: p }))));
    if (stacked.length === groups.length) windows[0] = stacked;
  }
  const allAhead = windows[0]!.length >= groups.length && windows.slice(1).every((w) => !w.length);
  // The first row apart with its cells, the other row labels together (readAllLabelsFirst): the
  // indicators, all of them, stand last before those labels.
  const together = labelsTogetherFrom(groups);
  const beforeTogether = together > 0 && windows.slice(1).every((w) => !w.length)
    ? ctx.tokens.slice(groups[0]!.opener[0]!.index + 1, rowLabels(groups)[together]!.index).filter(indicatorText(ctx, units)).slice(-groups.length)
    : [];
  // Some indicators ahead of the first group, none between the groups: the first groups', in
  // order; the other groups' come after the rows (pdftotext).
  const ahead = windows.slice(1).every((w) => !w.length) && windows[0]!.length >= 2 ? windows[0]!.length : 0;
  // Every indicator after the rows: the first is the one the 算出根拠 divides by, when the
  // texts before it are other sections' (pdftotext prints the unit-cost cells among them).
  const named = !ahead && windows.every((w) => !w.length) ? trailingTexts.findIndex((t) => namesDivisor(t, divisor)) : -1;
  const trailing = named > 0 ? trailingTexts.slice(named) : trailingTexts;
  const besideTitle = headAfterRows(ctx, groups, windows, units);
  const firstNamed = firstNamedAfterRows(windows, trailingTexts, namedAfterRows(ctx, groups, units, divisor));
  return groups.map((_, k): Found => {
    if (besideTitle) return foundOf(besideTitle[k]);
    if (firstNamed?.[k]) return { text: firstNamed[k]!, lastPlanned: undefined };
    if (allAhead) return foundOf(windows[0]![k]);
    if (beforeTogether.length === groups.length) return { text: beforeTogether[k]!, lastPlanned: undefined };
    if (k < ahead) return foundOf(windows[0]![k]);
    if (windows[k]![0]) return foundOf(windows[k]![0]);
    // The k-th text after the rows (each after its group's 活動見込 value); when there are not
    // that many, the groups with no text before their rows take them in order.
    const text = trailing[k - ahead] ?? trailing[windows.slice(ahead, k).filter((w) => !w.length).length];
    if (!text) return foundOf(stackedBefore(windows, k));
    const justBefore = ctx.tokens[text.index - 1];
    return { text, lastPlanned: justBefore && valuesOf(justBefore)?.length === 1 ? justBefore : undefined };
  });
}

/**
 * A group with no text of its own, before or after the rows: pdftotext may print the indicators
 * of groups in a run together before the run's first, stacked in boxes, one text per group
 * (`市町村老人クラブ数`, `都道府県・指定都市老人クラブ連合会数 ⏎ ｘ「交付決定額…」`).
 */
function stackedBefore(windows: readonly Piece[][], k: number): Piece | undefined {
  const first = windows.slice(0, k).findLastIndex((w) => w.length);
  // The first group's window, ahead of the rows, is read by the rules above.
  if (first < 1) return undefined;
  const stacked = windows[first]!.flatMap((p): Piece[] => ('item' in p ? [p] : stackedTexts(p).map((item) => ({ item, box: p }))));
  return stacked[k - first];
}

/**
 * pdftotext may print the 活動指標 head after the rows. The indicators then stand between the
 * section's title and the first row (or the unit cost's 算出根拠 before it): all of them, or
 * all but the first, which follows the head; none stands between the groups.
 */
function headAfterRows(ctx: MatchContext, groups: readonly RowGroup[], windows: readonly Piece[][], units: ReadonlySet<string>): Piece[] | null {
  const opener = groups[0]!.opener[0]!;
  // The rows start at the title only when the head comes after them.
  const title = rowsStart(ctx, opener);
  if (title === undefined || title === ctx.first('activityIndicator')!.index || windows.slice(1).some((w) => w.length)) return null;
  // The unit cost's cells follow its 算出根拠 label (`単位 ⏎ 円`).
  const basis = ctx.find('unitCostBasis').find((t) => t.index > title && t.index < opener.index);
  const besideTitle = pieces(ctx.tokens.slice(title + 1, basis?.index ?? opener.index).filter(indicatorText(ctx, units)));
  if (besideTitle.length === groups.length) return besideTitle;
  return groups.length >= 2 && windows[0]!.length && besideTitle.length === groups.length - 1 ? [windows[0]![0]!, ...besideTitle] : null;
}

/** The text after the rows, up to the policy section, that the 算出根拠 names. */
function namedAfterRows(ctx: MatchContext, groups: readonly RowGroup[], units: ReadonlySet<string>, divisor: string | null): Token | undefined {
  const from = lastRowOf(groups.at(-1)!).index + 1;
  const to = ctx.find('policy').find((t) => t.index > from)?.index ?? ctx.tokens.length;
  return ctx.tokens.slice(from, to).find((t) => indicatorText(ctx, units)(t) && namesDivisor(t, divisor));
}

/**
 * No text before the first group but some between the later ones: the first group's indicator
 * is after the rows, where the 算出根拠 names it (past the unit-cost cells pdftotext prints
 * first), and when the other texts after the rows are as many as the other groups without a
 * text, those take them in order. Indexed by group; null where the usual order decides.
 */
function firstNamedAfterRows(windows: readonly Piece[][], trailing: readonly Token[], named: Token | undefined): Array<Token | undefined> | null {
  if (!named || windows[0]!.length || windows.slice(1).every((w) => !w.length)) return null;
  const rest = trailing.filter((t) => t !== named);
  const without = windows.slice(1).filter((w) => !w.length).length;
  let next = 0;
  return windows.map((w, k) => (k === 0 ? named : !w.length && rest.length === without ? rest[next++] : undefined));
}

/** Tokens between the section's title and its 活動指標 head within which the title opens the section. */
const TITLE_REACH = 12;

/**
 * Where the first group's indicators may start: after the 活動指標 head, or after the section's
 * title when pdfminer printed that shortly before the head with the indicator between them
 * (`活動指標及び活 / 動実績 / （アウトプット） / 特許出願件数 / 活動指標`).
 */
function sectionStart(ctx: MatchContext, opener: Token): number {
  const head = ctx.first('activityIndicator')?.index;
  if (head === undefined) return opener.index - 12;
  const title = ctx.find('outputTitle').filter((t) => t.index < head && head - t.index <= TITLE_REACH).at(-1);
  return title?.index ?? head;
}

/** Longest unit cell seen: `累積件数`, `組織数`, `t-CO2`. */
const MAX_UNIT_LENGTH = 5;

/**
 * Unit cells the rows did not take: each output prints its unit twice (活動実績 and 当初見込み),
 * while no two indicators are the same text, so a short text printed twice is a unit.
 */
function repeatedShortTexts(ctx: MatchContext, from: number, to: number): string[] {
  const seen = new Map<string, number>();
  for (const t of ctx.tokens.slice(from, to)) {
    if (!isLabel(t) && t.folded.length <= MAX_UNIT_LENGTH) seen.set(t.folded, (seen.get(t.folded) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n >= 2).map(([text]) => text);
}

/** Shorter divisors (`件数`) name no indicator. */
const MIN_DIVISOR = 4;

/** What the unit cost's 算出根拠 divides by (`事業費／相談件数`): mostly an output's indicator. */
function divisorOf(basis: string | null): string | null {
  const divisor = basis ? fold(basis.split(/[／/]/).at(-1)!) : '';
  return divisor.length >= MIN_DIVISOR ? divisor : null;
}

/** A text the divisor names: the 算出根拠 may quote the indicator cut short. */
const namesDivisor = (t: Token, divisor: string | null) => divisor !== null && t.folded.length >= MIN_DIVISOR && (t.folded.startsWith(divisor) || divisor.startsWith(t.folded));

/**
 * The table ends at the unit-cost section that follows it. Stream text may print that section's
 * 算出根拠 label first, or amid the rows: when another row (活動実績) follows it, the table runs
 * on to the policy section (政策), which follows them both.
 */
function tableEnd(ctx: MatchContext, start: number): number {
  const basis = ctx.find('unitCostBasis').find((t) => t.index > start)?.index ?? ctx.tokens.length;
  const policy = ctx.find('policy').find((t) => t.index > basis)?.index ?? ctx.tokens.length;
  return ctx.find('activityActual').some((t) => t.index > basis && t.index < policy) ? policy : basis;
}

export function matchOutputs(ctx: MatchContext, reviewYear: number, unitCost: UnitCost | null = null): Output[] {
  const start = ctx.first('activityActual')?.index ?? 0;
  // The table ends at the unit-cost section that follows it (stream text may print that first).
  const end = tableEnd(ctx, start);
  const labelled = labelGroups(ctx, 'activityActual', ['activityPlanned'], end).filter((g) => !isStrayHeading(ctx, g.opener.at(-1)!));
  const headless = ctx.isLayout ? null : headlessGroup(ctx, labelled) ?? headlessPair(ctx, labelled);
  // With the first row read headless, a lone 活動実績 after it with no 当初見込み of its own (the
  // one it pairs with is the headless row's or an earlier group's) is that row's label printed
  // late, not another output.
  const ownPlan = (g: RowGroup, k: number) => g.members[0] !== undefined && g.members[0] !== headless?.group.members[0] && !labelled.slice(0, k).some((e) => e.members[0] === g.members[0]);
  let found = headless ? [headless.group, ...labelled.filter(ownPlan)] : labelled;
  if (!found.length) {
    ctx.report('warning', 'missing-section', 'outputs', 'no 活動指標 table was found');
    return [];
  }
  const firstYear = reviewYear - (COLUMNS - 1);
  // Every row first, so that no unit cell is taken for an indicator.
  const read = readAllLabelsFirst(ctx, found) ?? found.map((group) => (group === headless?.group ? headless.rows : null) ?? readLabelsFirst(ctx, group) ?? { actual: readRow(ctx, group.opener, COLUMNS), planned: readRow(ctx, group.members, COLUMNS) });
  // A 活動実績 past the policy section's 定性的指標 whose rows hold no value heads a column of
  // that section's table (stream text prints it amid the unit cost): it is no output.
  const policyTable = ctx.find('qualitativeIndicator').find((t) => t.index > start)?.index ?? Infinity;
  const isOutput = (k: number) => found[k]!.opener[0]!.index < policyTable || read[k]!.actual.values.length + read[k]!.planned.values.length > 0;
  const rows = read.filter((_, k) => isOutput(k));
  found = found.filter((_, k) => isOutput(k));
  takeHeadlessPlans(ctx, found, rows);
  if (!ctx.isLayout) spreadMatrix(rows.flatMap((r) => [r.actual, r.planned]), COLUMNS - 1, COLUMNS);
  if (!ctx.isLayout) takeTrailingPlans(ctx, rows, lastRowOf(found[found.length - 1]!).index);
  if (!ctx.isLayout) takeHeadedPlan(ctx, rows[rows.length - 1]!.planned);
  if (!ctx.isLayout) takeRowAfterHeads(ctx, rows);
  takeColumnsAroundHeads(ctx, found, rows);
  if (unitCost) takeColumnsAmidUnitCost(ctx, rows, lastRowOf(found[found.length - 1]!).index, firstYear, unitCost);
  takeFinalColumnPlans(ctx, rows, ctx.first('outcomeActual')?.index ?? start, end);
  takeLonePlan(ctx, rows, lastRowOf(found[found.length - 1]!).index);
  takeRepeatedPlan(ctx, found[0]!, rows, lastRowOf(found[found.length - 1]!).index);
  takeUnitsTogether(ctx, found, rows);
  const units = new Set([...rows.flatMap((r) => [r.actual.unit, r.planned.unit]).filter((u): u is string => u !== null).map(fold), ...repeatedShortTexts(ctx, start, end)]);
  const trailing = ctx.tokens.slice(lastRowOf(found[found.length - 1]!).index + 1, end).filter(indicatorText(ctx, units));
  const indicators = ctx.isLayout ? found.map((_, k) => layoutIndicator(ctx, found, k))
    : ctx.isRows ? found.map((group) => rowsIndicator(ctx, group, found, units))
    : streamIndicators(ctx, found, trailing, units, divisorOf(unitCost?.basis ?? null));
  return found.map((_, k): Output => {
    const { actual, planned } = rows[k]!;
    const { text, lastPlanned, source } = indicators[k]!;
    let indicator = typeof text === 'string' || text === null ? text : textWithoutLabels(text);
    // The 活動見込 column printed apart from its row, just before the indicator.
    if (lastPlanned && planned.values.length === COLUMNS - 1) planned.values.push(...valuesOf(lastPlanned)!);
    // This year's column holds a plan only (活動見込): one cell over both rows, which layout text
    // prints on whichever row line is nearest its middle.
    const thisYear = actual.values.length >= COLUMNS ? actual.values.splice(COLUMNS - 1) : [];
    if (planned.values.length === COLUMNS - 1 && thisYear[0]) planned.values.push(thisYear[0]);
    // A year header (27年度) standing where the unit cell should is not a unit.
    let unit = [actual.unit, planned.unit].find((u) => u !== null && !/年度/.test(u)) ?? null;
    const glued = indicator ? GLUED_UNIT.exec(indicator) : null;
    if (indicator && glued && !unit) {
      indicator = indicator.slice(0, glued.index);
      unit = glued[1]!;
    }
    if (text) ctx.trace(`outputs[${k}].indicator`, typeof text === 'string' ? source : text);
    if (!indicator) ctx.report('warning', 'unplaced-field', `outputs[${k}].indicator`, 'the 活動指標 text was not found');
    return {
      indicator,
      unit,
      values: Array.from({ length: COLUMNS }, (_, i) => ({
        fiscalYear: firstYear + i,
        actual: countOf(actual.values[i]),
        planned: countOf(planned.values[i]),
      })),
    };
  });
}
