// 成果目標及び成果実績（アウトカム）: one outcome per group of three rows (成果実績, 目標値,
// 達成度), each with its goal, indicator and unit, values for the three past years, and the
// 目標最終年度 with its 目標値. Also the reason given when there is no quantitative target.
import type { Outcome } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { eraYear } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, rateOf, runAfter, valuesOf, type Value } from './values.js';
import { isProse, textAfter } from './text-field.js';
import { columnTexts, rowCells } from './table-rows.js';

const PAST_COLUMNS = 3;
/** Value columns of a row: three past years, 中間目標, 目標最終年度. */
const FINAL_COLUMN = PAST_COLUMNS + 1;

interface Group {
  /** The 成果実績 label; `actualParts` also holds the rest of a vertical 成果実/績. */
  actual: Token;
  actualParts: Token[];
  target: Token | undefined;
  rate: Token | undefined;
}

/**
 * The 成果実績 labels that open a group. A vertical 成果実/績 is one label in two boxes; the
 * KPI tables further down repeat the same row labels and are left out.
 */
function groups(ctx: MatchContext): Group[] {
  const end = ctx.first('outcomeNote')?.index ?? ctx.first('reformItem')?.index ?? ctx.tokens.length;
  const within = (id: Parameters<MatchContext['find']>[0]) => ctx.find(id).filter((t) => t.index < end);
  const parts: Token[][] = [];
  for (const t of within('outcomeActual')) {
    const last = parts.at(-1)?.at(-1);
    if (last && continuesLabel(ctx, last, t)) parts.at(-1)!.push(t);
    else parts.push([t]);
  }
  const targets = within('outcomeTarget');
  const rates = within('achievement');
  return parts.map((actualParts, i) => {
    const actual = actualParts[0]!;
    const next = parts[i + 1]?.[0]!.index ?? end;
    const after = (list: Token[]) => list.find((t) => t.index > actual.index && t.index < next) ?? (ctx.isLayout ? undefined : list[i]);
    return { actual, actualParts, target: after(targets), rate: after(rates) };
  });
}

function continuesLabel(ctx: MatchContext, previous: Token, t: Token): boolean {
  return ctx.isLayout ? t.row - previous.lines.at(-1)!.line <= 1 && Math.abs(t.col - previous.col) <= 2 : t.index === previous.index + 1;
}

/** A row's unit (its first short non-value cell) and its value cells. */
function readRow(ctx: MatchContext, labelParts: Array<Token | undefined>): { unit: string | null; values: Value[]; cells: Token[] } {
  const label = labelParts[0];
  if (!label) return { unit: null, values: [], cells: [] };
  if (ctx.isLayout) {
    const cells = rowCells(ctx, labelParts.filter((t): t is Token => t !== undefined));
    const unit = cells[0] && !valuesOf(cells[0]) && cells[0].folded.length <= 6 && !/年度$/.test(cells[0].folded) ? cells[0] : undefined;
    const rest = unit ? cells.slice(1) : cells;
    return { unit: unit?.text ?? null, values: rest.flatMap((t) => valuesOf(t) ?? []), cells: rest };
  }
  const next = ctx.tokens[label.index + 1];
  const own = label.rest ? valuesOf({ ...label, labels: [] }, label.rest) : null;
  if (!own && next && !valuesOf(next) && !isLabel(next) && next.folded.length <= 6) {
    return { unit: next.text, values: runAfter(ctx, next), cells: [] };
  }
  return { unit: null, values: runAfter(ctx, label), cells: [] };
}

/** Goal and indicator: the two text columns beside the group (layout), or the prose before it. */
function goalAndIndicator(ctx: MatchContext, group: Group, previous: Group | undefined): [string | null, string | null] {
  if (ctx.isLayout) {
    const top = previous ? (previous.rate ?? previous.target ?? previous.actual).row + 1 : group.actual.row - 2;
    const bottom = (group.rate ?? group.target ?? group.actual).row;
    const [goal, indicator] = columnTexts(ctx, top, bottom, 'outcomeTitle');
    return [goal ?? null, indicator ?? null];
  }
  const from = previous ? (previous.rate ?? previous.target ?? previous.actual).index + 1 : Math.max(0, group.actual.index - 12);
  const prose = ctx.tokens.slice(from, group.actual.index).filter((t) => !isLabel(t) && isProse(t) && !/年度$/.test(t.folded) && t.folded.length > 6 && !ctx.isUsed(t));
  const [goal, indicator] = prose.slice(-2);
  if (prose.length >= 2) return [goal!.text, indicator!.text];
  return [null, goal?.text ?? null];
}

export function matchOutcomes(ctx: MatchContext, reviewYear: number): Outcome[] {
  const found = groups(ctx);
  if (!found.length) {
    ctx.report('warning', 'missing-section', 'outcomes', 'no 成果目標 table was found');
    return [];
  }
  const firstYear = reviewYear - PAST_COLUMNS;
  const outcomes = found.map((group, k): Outcome => {
    const actual = readRow(ctx, group.actualParts);
    const target = readRow(ctx, [group.target]);
    const rate = readRow(ctx, [group.rate]);
    const [goal, indicator] = goalAndIndicator(ctx, group, found[k - 1]);
    const finalYearCell = [...actual.cells, ...ctx.tokens.slice(group.actual.index + 1, group.actual.index + 12)].find((t) => /^(?:平成|令和)?(\d{1,2}|元)年度$/.test(t.folded));
    ctx.trace(`outcomes[${k}]`, group.actual, group.target, group.rate);
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
  // A template row left empty (no goal, no indicator, no number) is not an outcome.
  return outcomes.filter((o) => o.goal || o.indicator || o.values.some((v) => v.actual !== null || v.target !== null));
}

export function matchNoTargetReason(ctx: MatchContext): string | null {
  return textAfter(ctx, 'noQuantitativeTargetReason', 'noQuantitativeTargetReason', (t) => isProse(t) && t.folded.length > 4);
}
