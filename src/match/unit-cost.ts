// 単位当たりコスト: 算出根拠, the cost per unit for each past year, and its 計算式 (`118／4`).
import type { UnitCost } from '../assemble/schema.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, formulaQuotient } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { COST_UNIT, FORMULA_UNIT, MONEY_UNIT_YEN, UNIT_ABOVE_FORMULA_UNIT } from '../tokenize/vocabulary.js';
import { countOf, headerYear, isYearHead, runAfter, valuesOf, type Value } from './values.js';
import type { Token } from '../tokenize/labels.js';
import { layoutTextColumn, textAfter, isProse, isVerticalHeading } from './text-field.js';

const PAST_COLUMNS = 3;
const FORMULA = /^[\d,.]+[／/][\d,.]+$/;
/** A 計算式 cell (`118／4`); stream text may glue a dash after it (`118／4-`). */
export const isFormula = (word: string) => FORMULA.test(fold(word).replace(/-$/, ''));

/**
 * 算出根拠 states what the cost is divided by (`事業に係る費用／相談件数`): a text with a slash,
 * not the 計算式 (`118／4`) nor its unit (`百万円/件`). Stream text may print it well after its label.
 */
const isBasis = (t: Token) => isProse(t) && /[／/]/.test(t.folded) && !COST_UNIT.test(t.folded) && !FORMULA_UNIT.test(t.folded) && !/^[\d,.／/\s-]+$/.test(t.folded);
const BASIS_REACH = 40;
const COST_DIVIDED = /(?:費用|額|費|コスト)[)）]?[／/]/;

/** pdfminer may print the 算出根拠 far from its label: the one text of its form on the sheet. */
function onlyBasis(ctx: MatchContext): string | null {
  if (!ctx.first('unitCostBasis')) return null;
  // Other texts may hold a slash (`IoT/M2M`): the cost must be what is divided (`…費用／…`).
  const candidates = ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && isBasis(t) && COST_DIVIDED.test(t.folded));
  if (candidates.length !== 1) return null;
  ctx.trace('unitCost.basis', candidates[0]!);
  return candidates[0]!.text;
}

export function matchUnitCost(ctx: MatchContext, reviewYear: number): UnitCost {
  const firstYear = reviewYear - PAST_COLUMNS;
  // A text dividing a cost (`…費用／…`) is surer than any text with a slash after the label;
  // in layout text, the cell's lines above and below the label's are its too.
  const basis = layoutTextColumn(ctx, 'unitCostBasis', 'unitCost.basis', (text) => /[／/]/.test(text))
    ?? textAfter(ctx, 'unitCostBasis', 'unitCost.basis', (t) => isBasis(t) && COST_DIVIDED.test(t.folded), BASIS_REACH) ?? onlyBasis(ctx)
    ?? textAfter(ctx, 'unitCostBasis', 'unitCost.basis', isBasis, BASIS_REACH)
    ?? textAfter(ctx, 'unitCostBasis', 'unitCost.basis', (t) => isProse(t) && !COST_UNIT.test(t.folded) && !isYearHead(t) && !isVerticalHeading(t), 8);
  const formulaTokens = ctx.tokens.filter((t) => !isLabel(t) && t.folded.includes('/')).flatMap((t) => t.text.split(/\s+/).map((w) => ({ w, t }))).filter(({ w }) => isFormula(w));
  const formulas = formulaTokens.map(({ w }) => w.replace(/-$/, ''));
  const costRowAfter = (unit: Token): Array<Value | undefined> => (ctx.isLayout ? ctx.rightOf(unit, 0).flatMap((t) => valuesOf(t) ?? []) : runAfterHeaders(ctx, unit));
  const formulaUnitToken = ctx.tokens.find((t) => FORMULA_UNIT.test(t.folded) || (t.inlineLabel === 'unitCostFormula' && FORMULA_UNIT.test(fold(t.rest))));
  const formulaUnitText = formulaUnitToken ? (formulaUnitToken.inlineLabel ? formulaUnitToken.rest : formulaUnitToken.text) : null;
  const unitToken = costUnit(ctx.tokens.filter((t) => COST_UNIT.test(t.folded) && !isLabel(t)), costRowAfter, formulaTokens, formulaUnitText);
  // pdftotext may box the cost's unit above the 計算式's (`千円 ⏎ 百万円/回`): two cells.
  const stacked = !unitToken && formulaUnitText ? UNIT_ABOVE_FORMULA_UNIT.exec(fold(formulaUnitText)) : null;
  const unit = unitToken?.text ?? stacked?.[1] ?? null;
  const formulaUnit = stacked ? stacked[2]! : formulaUnitText;
  // Values: a cost per unit equals its formula, which identifies it among the numbers.
  const values = Array.from({ length: PAST_COLUMNS }, (_, i) => ({ fiscalYear: firstYear + i, value: null as number | null, formula: null as string | null }));
  let costRow: Array<Value | undefined> = unitToken ? costRowAfter(unitToken) : [];
  if (!costRow.length && !ctx.isLayout && formulaTokens.length === PAST_COLUMNS) costRow = costsBefore(ctx, formulaTokens[0]!.t);
  // Fewer costs than years are the last years' (a new project's first are empty), unless the
  // year heads printed just before the unit say whose they are (`25年度 26年度 円 v v`).
  const headed = !ctx.isLayout && unitToken ? yearsJustBefore(ctx, unitToken) : [];
  const own = costRow.slice(-PAST_COLUMNS);
  own.forEach((v, i) => {
    const at = headed.length === own.length && own.length < PAST_COLUMNS ? headed[i]! - firstYear : PAST_COLUMNS - own.length + i;
    const slot = values[at];
    if (slot) slot.value = countOf(v);
  });
  placeFormulas(values, formulas.slice(-PAST_COLUMNS));
  // Where the printed cost was not found next to its unit, a number equal to the formula is it,
  // in the cost's unit (the formula's is 百万円 per unit; the cost's may be 円 or 千円).
  const scale = unitScale(unit ?? undefined, formulaUnit) ?? 1;
  let numbers: Array<number | null> | undefined;
  values.forEach((slot) => {
    const quotient = slot.value === null && slot.formula ? formulaQuotient(slot.formula) : null;
    if (quotient === null) return;
    const target = quotient * scale;
    numbers ??= ctx.tokens.flatMap((t) => valuesOf(t) ?? []).map(countOf);
    const found = numbers.find((n) => n !== null && Math.abs(n - target) <= Math.max(0.051, target * 0.01));
    if (found != null) slot.value = found;
  });
  return { basis, unit, formulaUnit: formulaUnit ? formulaUnit.trim() : null, values };
}

/**
 * The cost's unit (`百万円`): the cell whose row holds the most costs its 計算式 give (a formula's
 * quotient, in that unit when both units are money), then the fewest costs none gives, then the
 * nearest to the formulas. An outcome row in 億円 may come first on the sheet.
 */
function costUnit(units: readonly Token[], rowAfter: (unit: Token) => Array<Value | undefined>, formulas: ReadonlyArray<{ w: string; t: Token }>, formulaUnit: string | null): Token | undefined {
  const quotients = formulas.map(({ w }) => formulaQuotient(w.replace(/-$/, ''))).filter((q): q is number => q !== null);
  if (!quotients.length) return units[0];
  const scored = units.map((unit) => {
    const scale = unitScale(unit.text, formulaUnit);
    const gives = scale === null ? agrees : (n: number, q: number) => Math.abs(n - q * scale) <= Math.max(0.051, n * 0.01);
    const costs = rowAfter(unit).flatMap((v) => { const n = v ? countOf(v) : null; return n === null || n === 0 ? [] : [n]; });
    const given = costs.filter((n) => quotients.some((q) => gives(n, q))).length;
    return { unit, given, other: costs.length - given, distance: Math.abs(unit.index - formulas[0]!.t.index) };
  });
  scored.sort((a, b) => b.given - a.given || a.other - b.other || a.distance - b.distance);
  return scored[0]?.unit;
}

/** The fiscal years of the year heads printed right before a token, in order. */
function yearsJustBefore(ctx: MatchContext, token: Token): number[] {
  const years: number[] = [];
  for (let i = token.index - 1; i >= 0; i--) {
    const year = headerYear(ctx.tokens[i]!);
    if (year === null) break;
    years.unshift(year);
  }
  return years;
}

/** Stream text: the cost row's values after its unit, past the year headers printed between them (円 24年度 25年度 26年度 …). */
function runAfterHeaders(ctx: MatchContext, unit: Token): Array<Value | undefined> {
  const own = runAfter(ctx, unit);
  const out: Array<Value | undefined> = withoutFormulaDashes(ctx, own) ?? [...own];
  for (let i = unit.index + 1; !out.length && i < ctx.tokens.length && headerYear(ctx.tokens[i]!) !== null; i++) out.push(...runAfter(ctx, ctx.tokens[i]!));
  // A run of one value, the first of costs and formulas in turn, is that row's start only.
  if (out.length >= PAST_COLUMNS) return out;
  const alternating = costsBetweenFormulas(ctx, unit);
  return alternating.filter(Boolean).length > out.length ? alternating : out;
}

/**
 * The formula row's first cells, dashes for years without a formula, run on from the cost row
 * when the extractor prints the two rows one after the other (`百万円 - - 3 - - 12／4`): a run
 * of more values than years, the rest dashes, with a formula right after it, is the costs and
 * those dashes; the costs are the run's first values.
 */
function withoutFormulaDashes(ctx: MatchContext, run: readonly Value[]): Value[] | null {
  const extra = run.slice(PAST_COLUMNS);
  if (!extra.length || extra.length >= PAST_COLUMNS || !extra.every((v) => v.cell.kind === 'dash')) return null;
  const next = ctx.tokens[run.at(-1)!.token.index + 1];
  return next && isFormula(next.folded) ? run.slice(0, PAST_COLUMNS) : null;
}

/**
 * pdftotext may print the cost row just before the formula row, away from its unit: when the
 * three formulas are printed, the past years' costs are the run of three values right before them
 * (or before the formulas' unit or label).
 */
function costsBefore(ctx: MatchContext, firstFormula: Token): Value[] {
  const out: Value[] = [];
  let i = firstFormula.index - 1;
  // The 計算式's unit (`百万円/件`) may stand between the two rows.
  while (i >= 0 && (FORMULA_UNIT.test(ctx.tokens[i]!.folded) || isLabel(ctx.tokens[i]!))) i--;
  for (; i >= 0 && out.length <= PAST_COLUMNS; i--) {
    const values = valuesOf(ctx.tokens[i]!);
    if (values?.length !== 1) break;
    out.unshift(values[0]!);
  }
  // Exactly one value a year: a longer run is some other table's.
  return out.length === PAST_COLUMNS ? out : [];
}

/** Boxes after the unit within which the 計算式 label, its unit and the year heads stand. */
const HEAD_REACH = 8;

/**
 * pdfminer may print the 計算式 label and its unit, the year heads, and then each year's cost
 * and formula in turn (`4,372.8 ⏎ 56／82 ⏎ 4,216 ⏎ 628／2 …`): the costs are the values of that
 * run, the first year's first. Another table's cells may cut it short (`368.2 486／87 348.5
 * 596／40 5 5 4`): the years it did not reach are left open (undefined) for the formulas to find.
 */
function costsBetweenFormulas(ctx: MatchContext, unit: Token): Array<Value | undefined> {
  let i = unit.index + 1;
  const isHead = (t: Token) => isLabel(t) || headerYear(t) !== null || FORMULA_UNIT.test(t.folded);
  while (i < Math.min(ctx.tokens.length, unit.index + 1 + HEAD_REACH) && isHead(ctx.tokens[i]!)) i++;
  // The 算出根拠 and its text may stand between the unit and the year heads: past the last head.
  for (let k = i; k < Math.min(ctx.tokens.length, unit.index + 1 + HEAD_REACH); k++) if (headerYear(ctx.tokens[k]!) !== null) i = k + 1;
  // Loosely: the values up to the last year's formula, when they are one a year (`0 894／23 0 0 …`).
  const loose: Value[] = [];
  for (let k = i, formulas = 0; k < ctx.tokens.length && formulas < PAST_COLUMNS; k++) {
    const values = valuesOf(ctx.tokens[k]!);
    if (values?.length === 1) loose.push(values[0]!);
    else if (isFormula(ctx.tokens[k]!.folded)) formulas++;
    else break;
  }
  if (loose.length === PAST_COLUMNS) return loose;
  // Else strictly in turn, as far as the turns go.
  const out: Array<Value | undefined> = [];
  for (; i + 1 < ctx.tokens.length && out.length < PAST_COLUMNS; i += 2) {
    const values = valuesOf(ctx.tokens[i]!);
    if (values?.length !== 1 || !isFormula(ctx.tokens[i + 1]!.folded)) break;
    out.push(values[0]!);
  }
  if (!out.length) return [];
  while (out.length < PAST_COLUMNS) out.push(undefined);
  return out;
}

/** How many of the cost's unit make one of the formula's money unit (百万円/件 over 円: a million); null unless both are money. */
function unitScale(unit: string | undefined, formulaUnit: string | null): number | null {
  const yen = (u: string | null | undefined) => (u ? MONEY_UNIT_YEN.find(([form]) => form.test(fold(u)))?.[1] ?? null : null);
  const [cost, formula] = [yen(unit), yen(formulaUnit)];
  return cost !== null && formula !== null ? formula / cost : null;
}

/** Whether a cost is its formula's quotient at some power of ten (the two rows' units differ); a zero tells nothing. */
const agrees = (value: number, q: number) => value > 0 && [1, 1e3, 1e6, 1e-3].some((k) => Math.abs(value - q * k) <= Math.max(0.051, value * 0.01));

/**
 * Formulas go to the years in order, unless giving each to the year whose cost it equals
 * makes more of them agree (pdfminer may print one year's formula before the 計算式 label
 * and the others after it).
 */
function placeFormulas(values: Array<{ value: number | null; formula: string | null }>, formulas: string[]): void {
  const offset = values.length - formulas.length;
  const inOrder = values.map((_, i) => (i >= offset ? formulas[i - offset]! : null));
  const rest = [...formulas];
  const matched = values.map((slot) => {
    const f = slot.value === null ? undefined : rest.find((x) => { const q = formulaQuotient(x); return q !== null && agrees(slot.value!, q); });
    if (f !== undefined) rest.splice(rest.indexOf(f), 1);
    return f ?? null;
  });
  const byMatch = matched.map((f) => f ?? rest.shift() ?? null);
  const agreeing = (fs: Array<string | null>) => fs.filter((f, i) => { const q = f ? formulaQuotient(f) : null; return q !== null && values[i]!.value !== null && agrees(values[i]!.value!, q); }).length;
  const chosen = agreeing(byMatch) > agreeing(inOrder) ? byMatch : inOrder;
  values.forEach((slot, i) => { slot.formula = chosen[i] ?? null; });
}
