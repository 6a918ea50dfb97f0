// Helpers shared by the table matchers: value tokens, runs of them, and year columns.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { DASHES, fold, readCell, type CellValue } from '../tokenize/values.js';
import type { MatchContext } from './context.js';

export interface Value {
  cell: CellValue;
  raw: string;
  token: Token;
}

/** Every character a value cell can hold, after folding (digits, separators, signs, dashes). */
const VALUE_CHARACTERS = new RegExp(`^[\\d,.%△▲${[...DASHES].join('').replace('-', '\\-')}]+$`);

/** The words of a token when every one of them is a table value (`0 0 150 0 0`, `- - 79%`). */
export function valuesOf(token: Token, text = token.text): Value[] | null {
  if (isLabel(token)) return null;
  // Most boxes are prose; one test on the folded text spares splitting and reading them.
  if (text === token.text && !VALUE_CHARACTERS.test(token.folded)) return null;
  const words = text.split(/[\s\u3000]+/).filter(Boolean);
  if (!words.length) return null;
  const out: Value[] = [];
  for (const raw of words) {
    const cell = readCell(raw);
    if (!cell) return null;
    out.push({ cell, raw, token });
  }
  return out;
}

/** The values that follow a label: its own inline rest, then value-only tokens up to the next other token. */
export function runAfter(ctx: MatchContext, label: Token): Value[] {
  const out: Value[] = [];
  if (label.rest) {
    const own = valuesOf({ ...label, labels: [] }, label.rest);
    if (own) out.push(...own);
  }
  for (let i = label.index + 1; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    // A check box printed among a row's cells (チェック) is no cell and does not end the row.
    if (t.labels.includes('checkBox') && out.length === 0) continue;
    const vs = valuesOf(t) ?? headedValue(t);
    if (!vs) break;
    out.push(...vs);
  }
  return out;
}

/** A column head boxed over its cell (`25年度 ⏎ 608`): the cell. */
export function headedValue(t: Token): Value[] | null {
  if (t.lines.length !== 2 || !opensWithYearHead(t)) return null;
  const vs = valuesOf(t, t.lines[1]!.text);
  return vs?.length === 1 ? vs : null;
}

export const amountOf = (v: Value | undefined): number | null =>
  !v ? null : v.cell.kind === 'dash' ? 0 : v.cell.kind === 'number' ? v.cell.value : null;

export const rateOf = (v: Value | undefined): number | null => (v && v.cell.kind !== 'dash' ? v.cell.value : null);

export const countOf = (v: Value | undefined): number | null => (v && v.cell.kind === 'number' ? v.cell.value : null);

/** Column centre of a token in layout text. */
export const centre = (t: Token): number => (t.col + t.end) / 2;

/** Index of the column whose centre is nearest to the token's. */
export const nearestColumn = (token: Token, centres: readonly number[]): number => nearestAnchor(centre(token), centres);

/** Index of the anchor nearest to a position (the first of equals). */
const nearestAnchor = (position: number, anchors: readonly number[]): number =>
  anchors.reduce((best, a, j) => (Math.abs(a - position) < Math.abs(anchors[best]! - position) ? j : best), 0);

/**
 * The columns of a row's cells (`positions`, left to right), each its own: of the ways to keep
 * their order, the one nearest the columns' `anchors`; beyond as many cells as columns, each
 * to its nearest.
 */
export function orderedColumns(positions: readonly number[], anchors: readonly number[]): number[] {
  const n = positions.length;
  const k = anchors.length;
  if (n > k) return positions.map((p) => nearestAnchor(p, anchors));
  // cost[i][j]: the cheapest placing of the first i cells in the first j columns.
  const cost = Array.from({ length: n + 1 }, () => Array<number>(k + 1).fill(Infinity));
  for (let j = 0; j <= k; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= k; j++) cost[i]![j] = Math.min(cost[i]![j - 1]!, cost[i - 1]![j - 1]! + Math.abs(positions[i - 1]! - anchors[j - 1]!));
  }
  const out = Array<number>(n);
  for (let i = n, j = k; i > 0; j--) {
    if (cost[i]![j] === cost[i]![j - 1]) continue;
    out[i - 1] = j - 1;
    i--;
  }
  return out;
}

/** `25年度`, `28年度活動見込`, `29年度要求`: the year of a column header, in the sheet's era. */
export function headerYear(token: Token): number | null {
  return headerYearOf(token.folded);
}

export function headerYearOf(folded: string): number | null {
  const m = /^(?:平成|令和)?(\d{1,2}|元)年度(要求|活動見込み?|当初予算)?$/.exec(folded);
  if (!m) return null;
  const n = m[1] === '元' ? 1 : Number(m[1]);
  return n >= 20 ? 1988 + n : 2018 + n;
}

/** A column header's cell: a year (headerYear), or the bare `年度` stream text prints apart from its number. */
export const isYearHead = (token: Token): boolean => token.folded === '年度' || headerYear(token) !== null;

/** A box that opens with a column header (`27年度活動見込 ⏎ 138`): a header and its cell, not prose. */
export const opensWithYearHead = (token: Token): boolean => headerYearOf(fold(token.lines[0]?.text ?? '')) !== null;

/** The one value a box holds, when it is a number or a dash (no rate); else null. */
export function singleValueOf(t: Token | undefined): Value | null {
  const value = oneValueOf(t);
  return value?.cell.kind !== 'rate' ? value : null;
}

/** The one value a box holds, a rate included; else null. */
export function oneValueOf(t: Token | undefined): Value | null {
  const values = t ? valuesOf(t) : null;
  return values?.length === 1 ? values[0]! : null;
}
