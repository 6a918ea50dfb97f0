// 活動指標及び活動実績（アウトプット）: one output per pair of rows (活動実績, 当初見込み), each with
// its indicator and unit and values for three past years and this year's 活動見込.
import type { Output } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { countOf, valuesOf } from './values.js';
import { fold } from '../tokenize/values.js';
import { isProse } from './text-field.js';
import { columnTexts, labelGroups, lastRowOf, readRow, spreadMatrix, type RowGroup } from './table-rows.js';

/** Three past years and the current year's 活動見込. */
const COLUMNS = 4;
/** `課題件数 件`: a pdf.js-style copy glues the unit to the indicator's last line. */
const GLUED_UNIT = / (\S{1,4})$/;

/** Prose that can be an indicator: not a label, a year, a unit already read, or a number. */
const indicatorText = (ctx: MatchContext, units: ReadonlySet<string>) => (t: Token) => !isLabel(t) && isProse(t) && !/年度/.test(t.folded) && !ctx.isUsed(t) && !units.has(t.folded);

/**
 * The indicator: the text beside the group (layout), else the prose before it (stream text),
 * else the k-th text after the last group (pdftotext prints the indicators after the rows,
 * each after its 活動見込 value).
 */
function indicatorOf(ctx: MatchContext, groups: readonly RowGroup[], k: number, trailing: readonly Token[], units: ReadonlySet<string>): { text: Token | string | null; lastPlanned: Token | undefined } {
  const group = groups[k]!;
  const previous = groups[k - 1];
  if (ctx.isLayout) {
    const opener = group.opener[0]!;
    const top = previous ? lastRowOf(previous).row + 1 : opener.row - 2;
    const [left, right] = columnTexts(ctx, top, lastRowOf(group).row, 'outputTitle');
    return { text: left !== undefined || right !== undefined ? `${left ?? ''}${right ?? ''}` : null, lastPlanned: undefined };
  }
  const window = (g: number) => {
    const from = g > 0 ? lastRowOf(groups[g - 1]!).index + 1 : (ctx.first('activityIndicator')?.index ?? groups[0]!.opener[0]!.index - 12) + 1;
    const to = g > 0 || groups[g]!.opener[0]!.index > from ? groups[g]!.opener[0]!.index : from + 11;
    return ctx.tokens.slice(Math.max(0, from), to).filter(indicatorText(ctx, units));
  };
  // pdfminer may print every indicator ahead of the first group, in order.
  const leading = window(0);
  if (leading.length >= groups.length && groups.slice(1).every((_, g) => !window(g + 1).length)) return { text: leading[k] ?? null, lastPlanned: undefined };
  const before = k === 0 ? leading : window(k);
  if (before[0]) return { text: before[0], lastPlanned: undefined };
  const text = trailing[k];
  const justBefore = text ? ctx.tokens[text.index - 1] : undefined;
  return { text: text ?? null, lastPlanned: justBefore && valuesOf(justBefore)?.length === 1 ? justBefore : undefined };
}

export function matchOutputs(ctx: MatchContext, reviewYear: number): Output[] {
  // The table ends at the unit-cost section that follows it (stream text may print that first).
  const start = ctx.first('activityActual')?.index ?? 0;
  const end = ctx.find('unitCostBasis').find((t) => t.index > start)?.index ?? ctx.tokens.length;
  const found = labelGroups(ctx, 'activityActual', ['activityPlanned'], end);
  if (!found.length) {
    ctx.report('warning', 'missing-section', 'outputs', 'no 活動指標 table was found');
    return [];
  }
  const firstYear = reviewYear - (COLUMNS - 1);
  // Every row first, so that no unit cell is taken for an indicator.
  const rows = found.map((group) => ({ actual: readRow(ctx, group.opener, COLUMNS), planned: readRow(ctx, group.members, COLUMNS) }));
  if (!ctx.isLayout) spreadMatrix(rows.flatMap((r) => [r.actual, r.planned]), COLUMNS - 1, COLUMNS);
  const units = new Set(rows.flatMap((r) => [r.actual.unit, r.planned.unit]).filter((u): u is string => u !== null).map(fold));
  const trailing = ctx.tokens.slice(lastRowOf(found[found.length - 1]!).index + 1, end).filter(indicatorText(ctx, units));
  return found.map((_, k): Output => {
    const { actual, planned } = rows[k]!;
    const { text, lastPlanned } = indicatorOf(ctx, found, k, trailing, units);
    let indicator = typeof text === 'string' || text === null ? text : text.text;
    // The 活動見込 column printed apart from its row, just before the indicator.
    if (lastPlanned && planned.values.length === COLUMNS - 1) planned.values.push(...valuesOf(lastPlanned)!);
    // This year's column holds a plan only (活動見込): one cell over both rows, which layout text
    // prints on whichever row line is nearest its middle.
    const thisYear = actual.values.length >= COLUMNS ? actual.values.splice(COLUMNS - 1) : [];
    if (planned.values.length === COLUMNS - 1 && thisYear[0]) planned.values.push(thisYear[0]);
    let unit = actual.unit ?? planned.unit;
    const glued = indicator ? GLUED_UNIT.exec(indicator) : null;
    if (indicator && glued && !unit) {
      indicator = indicator.slice(0, glued.index);
      unit = glued[1]!;
    }
    if (text && typeof text !== 'string') ctx.trace(`outputs[${k}].indicator`, text);
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
