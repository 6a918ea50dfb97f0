// 活動指標及び活動実績（アウトプット）: indicator, unit, and 活動実績 / 当初見込み per year.
import type { Output } from '../assemble/schema.js';
import type { MatchContext } from './context.js';
import { countOf, runAfter, valuesOf, type Value } from './values.js';
import { isProse } from './text-field.js';
import { isLabel } from '../tokenize/labels.js';

/** Three past years and the current year's 活動見込. */
const COLUMNS = 4;
export const UNIT = /^(件|人|回|箇所|か所|ヶ所|団体|社|機関|%|％|円|千円|百万円|億円|台|冊|部|校|市町村|都道府県|国|人日|日|時間|t|トン|km|ha|者|名|戸|世帯|施設|事業|プロジェクト|課題|本|基|隻|機|両|種類|品目|地区|地域|件数|回数|人数|百万人|千人)$/;

export function matchOutputs(ctx: MatchContext, reviewYear: number): Output[] {
  const actualLabel = ctx.first('activityActual');
  const plannedLabel = ctx.first('activityPlanned');
  const indicatorLabel = ctx.first('activityIndicator');
  if (!actualLabel && !plannedLabel) {
    ctx.report('warning', 'missing-section', 'outputs', 'no 活動指標 table was found');
    return [];
  }
  const firstYear = reviewYear - (COLUMNS - 1);
  const rowValues = (label: typeof actualLabel) => {
    if (!label) return { unit: null as string | null, values: [] as Value[] };
    if (ctx.isLayout) {
      const cells = ctx.rightOf(label, 0);
      const unit = cells.find((t) => UNIT.test(t.folded));
      const values = cells.filter((t) => t !== unit).flatMap((t) => valuesOf(t) ?? []);
      return { unit: unit?.text ?? null, values };
    }
    const after = ctx.tokens[label.index + 1];
    if (after && UNIT.test(after.folded)) return { unit: after.text, values: runAfter(ctx, after) };
    return { unit: null, values: runAfter(ctx, label) };
  };
  const actual = rowValues(actualLabel);
  const planned = rowValues(plannedLabel);
  let indicator: string | null = null;
  let unit = actual.unit ?? planned.unit;
  if (indicatorLabel) {
    const candidates = ctx.isLayout
      ? ctx.tokens.filter((t) => t.row > indicatorLabel.row && t.row <= indicatorLabel.row + 8 && !isLabel(t) && isProse(t) && !UNIT.test(t.folded))
      : ctx.tokens.slice(indicatorLabel.index + 1, indicatorLabel.index + 12).filter((t) => !isLabel(t) && isProse(t) && !UNIT.test(t.folded) && !/年度/.test(t.folded));
    const found = candidates[0];
    if (found) {
      // `課題件数 件`: some extractors glue the unit to the indicator's last line.
      const glued = / (\S+)$/.exec(found.text);
      indicator = glued && UNIT.test(glued[1]!) ? found.text.slice(0, glued.index) : found.text;
      if (glued && UNIT.test(glued[1]!)) unit ??= glued[1]!;
      ctx.trace('outputs[0].indicator', found);
    }
  }
  if (!indicator) ctx.report('warning', 'unplaced-field', 'outputs[0].indicator', 'the 活動指標 text was not found');
  const values = Array.from({ length: COLUMNS }, (_, i) => ({
    fiscalYear: firstYear + i,
    actual: countOf(actual.values[i]),
    planned: countOf(planned.values[i]),
  }));
  return [{ indicator, unit, values }];
}

