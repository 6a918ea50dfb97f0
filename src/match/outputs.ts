// 活動指標及び活動実績（アウトプット）: one output per pair of rows (活動実績, 当初見込み), each with
// its indicator and unit and values for three past years and this year's 活動見込.
import type { Output } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { countOf } from './values.js';
import { isProse } from './text-field.js';
import { columnTexts, labelGroups, lastRowOf, readRow, type RowGroup } from './table-rows.js';

/** Three past years and the current year's 活動見込. */
const COLUMNS = 4;
/** `課題件数 件`: a pdf.js-style copy glues the unit to the indicator's last line. */
const GLUED_UNIT = / (\S{1,4})$/;

/** The indicator: the text beside the group (layout) or the prose before it (stream text). */
function indicatorOf(ctx: MatchContext, group: RowGroup, previous: RowGroup | undefined): Token | string | null {
  const opener = group.opener[0]!;
  if (ctx.isLayout) {
    const top = previous ? lastRowOf(previous).row + 1 : opener.row - 2;
    const [left, right] = columnTexts(ctx, top, lastRowOf(group).row, 'outputTitle');
    return left !== undefined || right !== undefined ? `${left ?? ''}${right ?? ''}` : null;
  }
  const from = previous ? lastRowOf(previous).index + 1 : (ctx.first('activityIndicator')?.index ?? opener.index - 12) + 1;
  const to = previous ? opener.index : Math.max(opener.index, from + 11);
  const prose = ctx.tokens.slice(Math.max(0, from), to).filter((t) => !isLabel(t) && isProse(t) && !/年度/.test(t.folded) && !ctx.isUsed(t));
  return prose[0] ?? null;
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
  return found.map((group, k): Output => {
    const actual = readRow(ctx, group.opener, COLUMNS);
    const planned = readRow(ctx, group.members, COLUMNS);
    const text = indicatorOf(ctx, group, found[k - 1]);
    let indicator = typeof text === 'string' || text === null ? text : text.text;
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
