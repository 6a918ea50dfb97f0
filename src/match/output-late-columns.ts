// 活動指標 rows whose later past years pdfminer prints below the table, among the unit cost's
// cells (the two tables share their year columns): `24年度 25年度 26年度 - - - - 16／11,730
// 9,500 9,500 11,730 9,500 1 1 1 1 0`. Only the first year was read beside the row labels.
import type { UnitCost } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { fold, parseNumber } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { countOf, headerYear, singleValueOf } from './values.js';
import type { Row } from './table-rows.js';
import { isFormula as isFormulaWord } from './unit-cost.js';

/** The past years the unit cost's heads name, and the later two of them the rows still lack. */
const PAST = 3;
const LATER = 2;
/** A later year's cell is of the size of the row's first (a count of the same thing): within this factor. */
const SAME_SIZE = 10;

const isFormula = (t: Token) => isFormulaWord(t.folded);

/** The unit cost's three year heads (`24年度 25年度 26年度`) after `from`, and the cells after them up to the first other box. */
function cellsAfterHeads(ctx: MatchContext, from: number, firstYear: number): Token[] | null {
  for (let i = from; i + PAST < ctx.tokens.length; i++) {
    if (![0, 1, 2].every((k) => headerYear(ctx.tokens[i + k]!) === firstYear + k)) continue;
    const cells: Token[] = [];
    for (let at = i + PAST; at < ctx.tokens.length && (singleValueOf(ctx.tokens[at]!) || isFormula(ctx.tokens[at]!)); at++) cells.push(ctx.tokens[at]!);
    return cells;
  }
  return null;
}

/**
 * The cells left once the unit cost's own are taken out: a pair of dashes for each year without
 * a 計算式, and for each 計算式 the cost the unit-cost reader found for it.
 */
function withoutUnitCost(cells: readonly Token[], unitCost: UnitCost): Token[] | null {
  const formulas = cells.filter(isFormula);
  let rest = cells.filter((t) => !isFormula(t));
  for (let pairs = PAST - formulas.length; pairs > 0; pairs--) {
    const at = rest.findIndex((t, i) => i + 1 < rest.length && singleValueOf(t)?.cell.kind === 'dash' && singleValueOf(rest[i + 1]!)?.cell.kind === 'dash');
    if (at < 0) return null;
    rest = rest.filter((_, i) => i !== at && i !== at + 1);
  }
  for (const f of formulas) {
    const cost = unitCost.values.find((v) => v.formula !== null && fold(v.formula) === fold(f.text).replace(/-$/, ''))?.value;
    const at = cost == null ? -1 : rest.findIndex((t) => countOf(singleValueOf(t)!) === cost);
    if (at < 0) return null;
    rest = rest.filter((_, i) => i !== at);
  }
  return rest;
}

const sameSize = (a: number, b: number) => (a === 0 || b === 0 ? a === b : Math.max(a / b, b / a) <= SAME_SIZE);

/**
 * The two later years' pairs (活動実績, 当初見込み) of each output, printed output by output: in
 * which order the two pairs come differs from sheet to sheet, so they are placed only where the
 * order does not matter (the pairs are alike) or the 計算式 of one of the years divides by one
 * pair's 活動実績 and not the other's. Each pair must be of the size of the row's first year.
 */
export function takeColumnsAmidUnitCost(ctx: MatchContext, rows: ReadonlyArray<{ actual: Row; planned: Row }>, after: number, firstYear: number, unitCost: UnitCost): void {
  if (ctx.isLayout || !rows.length || !rows.every((r) => r.actual.values.length === 1 && r.planned.values.length === 1)) return;
  const cells = cellsAfterHeads(ctx, after + 1, firstYear);
  const rest = cells && withoutUnitCost(cells, unitCost);
  if (!rest || rest.length !== 2 * LATER * rows.length) return;
  const counts = rest.map((t) => countOf(singleValueOf(t)!));
  if (counts.some((n) => n === null)) return;
  const divisors = [1, 2].map((k) => {
    const formula = unitCost.values.find((v) => v.fiscalYear === firstYear + k)?.formula;
    return formula ? parseNumber(fold(formula).split('/')[1]!) : null;
  });
  rows.forEach((row, k) => {
    const first = [countOf(row.actual.values[0]), countOf(row.planned.values[0])];
    const own = counts.slice(4 * k, 4 * k + 4) as number[];
    if (first.some((n) => n === null) || !own.every((n, i) => sameSize(n, first[i % 2]!))) return;
    const [p, q] = [own.slice(0, 2), own.slice(2)];
    let order: [number, number] | null = null;
    if (p[0] === q[0] && p[1] === q[1]) order = [0, 1];
    else if (divisors[1] !== null && (p[0] === divisors[1]) !== (q[0] === divisors[1])) order = q[0] === divisors[1] ? [0, 1] : [1, 0];
    else if (divisors[0] !== null && (p[0] === divisors[0]) !== (q[0] === divisors[0])) order = p[0] === divisors[0] ? [0, 1] : [1, 0];
    if (!order) return;
    const pairs = order.map((o) => rest.slice(4 * k + 2 * o, 4 * k + 2 * o + 2).map((t) => singleValueOf(t)!));
    row.actual.values.push(pairs[0]![0]!, pairs[1]![0]!);
    row.planned.values.push(pairs[0]![1]!, pairs[1]![1]!);
  });
}
