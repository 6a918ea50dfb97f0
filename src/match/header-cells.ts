// The header's cells (事業名, 担当部局庁, 根拠法令 …): where a label's value stands in each
// extractor's text, and which boxes can be a free-text value at all.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { isDash } from '../tokenize/values.js';
import { HEADER_ROWS, type LabelId } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { headerYearOf } from './values.js';

export const YEAR_TEXT = /^(?:平成|令和|昭和)?(?:-?\d{1,2}|元)年度$|^\d{4}年度$/;
/**
 * Boxes that are never a free-text value: column-head pieces stream text prints on their own,
 * and the empty brackets beside the 事業番号 (（ ）).
 */
const HEAD_PIECE = /^(?:年度)+$|^[（(][）)]$/;
export const END_OPEN = '終了予定なし';

/**
 * The value printed just before the next label of the same header row, on one line with it.
 * A year may also share a box with it (stream text boxes the narrow year cell with the label
 * beside it: 平成27年度 ⏎ 事業終了); a free text so placed is as often another row's cell.
 */
function gluedBefore(ctx: MatchContext, label: LabelId, accept: (t: Token) => boolean): Token | undefined {
  const row = HEADER_ROWS.find((r) => r.includes(label));
  const next = row?.[row.indexOf(label) + 1];
  if (!next) return undefined;
  for (const anchor of ctx.find(next)) {
    const before = ctx.tokens[anchor.index - 1];
    if (!before || isLabel(before) || ctx.isUsed(before) || !accept(before)) continue;
    if (before.row === anchor.row || (isYear(before) && isBoxedWith(before, anchor))) return before;
  }
  return undefined;
}

/** `before` ends on the line above `anchor`, with no blank line between: one stream box. */
function isBoxedWith(before: Token, anchor: Token): boolean {
  const lastLine = before.lines[before.lines.length - 1]?.line ?? before.row;
  return !anchor.col && lastLine + 1 === anchor.lines[0]?.line;
}

/** Text value of a header label: beside it, or glued before the next label of its row. */
export function textField(ctx: MatchContext, label: LabelId, field: string, accept: (t: Token) => boolean = isText): Token | undefined {
  // A value glued on one line to the next label of its row is the strongest evidence there is.
  const glued = gluedBefore(ctx, label, accept);
  if (glued) {
    ctx.trace(field, glued);
    return glued;
  }
  for (const anchor of labelPieces(ctx, label)) {
    // Stream text: a dash right after the label (its pieces aside) is the cell, printed empty.
    if (!ctx.isLayout && isDash(ctx.tokens.slice(anchor.index + 1).find((t) => !isLabel(t))?.text ?? '')) return undefined;
    const after = ctx.valueOf(anchor, accept, 3);
    const value = (after && !isAnotherFieldsValue(ctx, after, label) ? after : undefined) ?? valueBefore(ctx, anchor, accept);
    if (value) {
      const below = ctx.isLayout ? secondLine(ctx, anchor, value) : undefined;
      ctx.trace(field, value, ...(below ? [below] : []));
      return below ? { ...value, text: value.text + below.text } : value;
    }
  }
  return undefined;
}

/**
 * Layout text: a two-line cell is centred on its label's line, one line above it and one
 * below (資源エネルギー庁 ⏎ 担当部局庁 ⏎ 電力・ガス事業部): the line below, when the value is above.
 */
function secondLine(ctx: MatchContext, anchor: Token, value: Token): Token | undefined {
  if (value.lines.length !== 1 || value.row !== anchor.row - 1) return undefined;
  return ctx.tokens.find((t) => t.row === anchor.row + 1 && t.lines.length === 1 && Math.abs(t.col - value.col) <= 2 && !isLabel(t) && !ctx.isUsed(t) && isText(t));
}

/** Labels of free-text cells that are often empty: a text just after one of them is its own. */
const OFTEN_EMPTY_TEXT_LABELS = new Set<LabelId>(['legalBasis', 'relatedPlans']);

/**
 * A value reached past another such label that it follows at once is that label's: stream
 * text prints an empty cell as nothing (根拠法令 ⏎ 関係する計画、通知等 ⏎ 「成長戦略」…), and
 * layout text has it right of that label. Not so for the year row, whose labels pdftotext
 * prints together before the start year.
 */
function isAnotherFieldsValue(ctx: MatchContext, value: Token, label: LabelId): boolean {
  const isOther = (t: Token) => !t.labels.includes(label) && t.labels.some((l) => OFTEN_EMPTY_TEXT_LABELS.has(l));
  // Layout text: such a label stands between this label and the value, beside the value's line.
  if (ctx.isLayout) return ctx.tokens.some((t) => isOther(t) && t.col < value.col && Math.abs(t.row - value.row) <= 1 && ctx.find(label).some((a) => a.end <= t.col));
  const before = ctx.tokens[value.index - 1];
  return before !== undefined && isOther(before);
}

/** Rows (layout) or boxes (stream) from a label's first piece within which its other pieces stand. */
const PIECES_REACH = 5;

/**
 * The pieces of a header label (根拠法令 / （具体的な / 条項も記載）) near its first: a fragment
 * that matches elsewhere on the sheet (a note's `載）`) is not the label.
 */
function labelPieces(ctx: MatchContext, label: LabelId): Token[] {
  const [first, ...rest] = ctx.find(label);
  if (!first) return [];
  const near = (t: Token) => (ctx.isLayout ? t.row - first.row : t.index - first.index) <= PIECES_REACH;
  return [first, ...rest.filter(near)];
}

/**
 * pdftotext prints a cell that stands higher on the page before its label (経済財政政策の効果分析
 * ⏎ 事業名): when nothing follows the label, the text just before it is its value.
 */
function valueBefore(ctx: MatchContext, anchor: Token, accept: (t: Token) => boolean): Token | undefined {
  // pdfminer orders boxes otherwise: there the text before a label is often another cell's value.
  if (ctx.sheet.extractor !== 'pdftotext') return undefined;
  const before = ctx.tokens[anchor.index - 1];
  return before && !isLabel(before) && !ctx.isUsed(before) && accept(before) ? before : undefined;
}

/** Free text, not a number, a year or a dash. */
export function isText(t: Token): boolean {
  return !/^[\d,.%△▲-]*$/.test(t.folded) && !YEAR_TEXT.test(t.folded) && headerYearOf(t.folded) === null && !HEAD_PIECE.test(t.folded) && t.folded !== END_OPEN;
}

export function isYear(t: Token): boolean {
  return YEAR_TEXT.test(t.folded) || t.folded === END_OPEN;
}
