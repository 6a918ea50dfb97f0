// 成果目標及び成果実績（アウトカム）: goal, indicator, unit, 成果実績 / 目標値 / 達成度 per year,
// and the 目標最終年度 with its 目標値. Also the reason given when there is no quantitative target.
import type { Outcome } from '../assemble/schema.js';
import { isLabel } from '../tokenize/labels.js';
import { eraYear } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, rateOf, runAfter, valuesOf, type Value } from './values.js';
import { isProse, textAfter } from './text-field.js';
import { UNIT } from './outputs.js';

const PAST_COLUMNS = 3;

function rowOf(ctx: MatchContext, label: ReturnType<MatchContext['first']>): Value[] {
  if (!label) return [];
  if (ctx.isLayout) return ctx.rightOf(label, 0).flatMap((t) => valuesOf(t) ?? []);
  return runAfter(ctx, label);
}

export function matchOutcomes(ctx: MatchContext, reviewYear: number): Outcome[] {
  const actualLabel = ctx.first('outcomeActual');
  const targetLabel = ctx.first('outcomeTarget');
  const indicatorLabel = ctx.first('outcomeIndicator');
  if (!actualLabel || !targetLabel) {
    ctx.report('warning', 'missing-section', 'outcomes', 'no 成果目標 table was found');
    return [];
  }
  const actual = rowOf(ctx, actualLabel);
  const target = rowOf(ctx, targetLabel);
  const rate = rowOf(ctx, ctx.first('achievement'));
  const near = (from: number, n: number) =>
    ctx.isLayout
      ? ctx.tokens.filter((t) => t.row >= (indicatorLabel?.row ?? actualLabel.row) - 1 && t.row <= actualLabel.row + 6 && t.col < (indicatorLabel?.end ?? actualLabel.col) + 4)
      : ctx.tokens.slice(Math.max(0, from - n), from + n);
  const prose = near(indicatorLabel?.index ?? actualLabel.index, 10).filter((t) => !isLabel(t) && isProse(t) && !UNIT.test(t.folded) && !/年度/.test(t.folded));
  const hasTarget = actual.concat(target).some((v) => v.cell.kind !== 'dash') || prose.length > 0;
  if (!hasTarget) return [];
  const firstYear = reviewYear - PAST_COLUMNS;
  const values = Array.from({ length: PAST_COLUMNS }, (_, i) => ({
    fiscalYear: firstYear + i,
    actual: countOf(actual[i]),
    target: countOf(target[i]),
    achievementRate: rateOf(rate[i]),
  }));
  const finalYearToken = ctx.tokens.find((t) => /^(?:平成|令和)?(\d{1,2}|元)年度$/.test(t.folded) && !isLabel(t) && Math.abs(t.index - (targetLabel.index)) < 40 && t.folded !== '年度');
  const unitToken = ctx.tokens.find((t) => UNIT.test(t.folded) && Math.abs(t.index - (indicatorLabel?.index ?? actualLabel.index)) < 12);
  const [goal, indicator] = prose;
  if (goal) ctx.trace('outcomes[0].goal', goal);
  if (indicator) ctx.trace('outcomes[0].indicator', indicator);
  return [{
    goal: goal?.text ?? null,
    indicator: indicator?.text ?? null,
    unit: unitToken?.text ?? null,
    values,
    finalTarget: {
      fiscalYear: finalYearToken ? eraYear(finalYearToken.folded) : null,
      value: countOf(target[PAST_COLUMNS + 1] ?? target[target.length - 1]),
    },
  }];
}

export function matchNoTargetReason(ctx: MatchContext): string | null {
  return textAfter(ctx, 'noQuantitativeTargetReason', 'noQuantitativeTargetReason', (t) => isProse(t) && t.folded.length > 4);
}
