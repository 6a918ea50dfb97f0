// 単位当たりコスト: 算出根拠, the cost per unit for each past year, and its 計算式 (`118／4`).
import type { UnitCost } from '../assemble/schema.js';
import { isLabel } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { COST_UNIT, FORMULA_UNIT } from '../tokenize/vocabulary.js';
import { countOf, runAfter, valuesOf } from './values.js';
import { textAfter, isProse } from './text-field.js';

const PAST_COLUMNS = 3;
const FORMULA = /^[\d,.]+[／/][\d,.]+$/;

export function matchUnitCost(ctx: MatchContext, reviewYear: number): UnitCost {
  const firstYear = reviewYear - PAST_COLUMNS;
  const basis = textAfter(ctx, 'unitCostBasis', 'unitCost.basis', (t) => isProse(t) && !COST_UNIT.test(t.folded), 8);
  const formulaTokens = ctx.tokens.filter((t) => !isLabel(t) && t.folded.includes('/')).flatMap((t) => t.text.split(/\s+/).map((w) => ({ w, t }))).filter(({ w }) => FORMULA.test(fold(w).replace(/-$/, '')));
  const formulas = formulaTokens.map(({ w }) => w.replace(/-$/, ''));
  const unitToken = ctx.tokens.find((t) => COST_UNIT.test(t.folded) && !isLabel(t));
  const formulaUnitToken = ctx.tokens.find((t) => FORMULA_UNIT.test(t.folded) || (t.inlineLabel === 'unitCostFormula' && FORMULA_UNIT.test(fold(t.rest))));
  const formulaUnit = formulaUnitToken ? (formulaUnitToken.inlineLabel ? formulaUnitToken.rest : formulaUnitToken.text) : null;
  // Values: a cost per unit equals its formula, which identifies it among the numbers.
  const values = Array.from({ length: PAST_COLUMNS }, (_, i) => ({ fiscalYear: firstYear + i, value: null as number | null, formula: null as string | null }));
  const results = formulas.map((f) => {
    const [a, b] = fold(f).split(/[／/]/).map((x) => Number(x.replace(/,/g, '')));
    return a !== undefined && b ? a / b : null;
  });
  const costRow = unitToken ? (ctx.isLayout ? ctx.rightOf(unitToken, 0).flatMap((t) => valuesOf(t) ?? []) : runAfter(ctx, unitToken)) : [];
  const formulaRow = formulas.slice(-PAST_COLUMNS);
  const offset = PAST_COLUMNS - formulaRow.length;
  formulaRow.forEach((f, i) => { values[offset + i]!.formula = f; });
  costRow.slice(-PAST_COLUMNS).forEach((v, i) => {
    const slot = values[PAST_COLUMNS - Math.min(costRow.length, PAST_COLUMNS) + i]!;
    slot.value = countOf(v);
  });
  // Where the printed cost was not found next to its unit, a number equal to the formula is it.
  values.forEach((slot, i) => {
    if (slot.value !== null || !slot.formula) return;
    const target = results[formulas.indexOf(slot.formula)];
    if (target == null) return;
    const found = ctx.tokens.flatMap((t) => (valuesOf(t) ?? [])).map((v) => countOf(v)).find((n) => n !== null && Math.abs(n - target) <= Math.max(0.051, target * 0.01));
    if (found != null) values[i]!.value = found;
  });
  return { basis, unit: unitToken?.text ?? null, formulaUnit: formulaUnit ? formulaUnit.trim() : null, values };
}
