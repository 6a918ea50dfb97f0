// Row text (a viewer's copy, a table row a line): a cell whose text wraps over several lines
// shares those lines with the cells beside it, and no column tells its pieces apart. What holds
// is that the cell's lines run without a blank line between them, around the line of the label
// or item they belong to. So a text is read as the paragraph around its anchor's line.
import { isLabel, type Token } from '../tokenize/labels.js';
import { fold, isDash } from '../tokenize/values.js';
import { LABELS, type LabelId } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';

/**
 * The tokens of the paragraph around `row` that `keep` accepts, in reading order. Lines nearer
 * another anchor of `anchorRows` are that anchor's: a paragraph two share is cut between them.
 */
export function paragraphCells(ctx: MatchContext, row: number, anchorRows: readonly number[], keep: (t: Token) => boolean): Token[] {
  const lines = ctx.sheet.lines;
  const blank = (r: number) => (lines[r - 1] ?? '').trim() === '';
  let [from, to] = [row, row];
  while (from > 1 && !blank(from - 1)) from--;
  while (to < lines.length && !blank(to + 1)) to++;
  // Only anchors within the paragraph share it.
  const sharing = anchorRows.filter((other) => other !== row && other >= from && other <= to);
  const nearer = (r: number) => sharing.every((other) => Math.abs(r - row) <= Math.abs(r - other));
  return ctx.tokens.filter((t) => t.row >= from && t.row <= to && nearer(t.row) && keep(t));
}

/** A label's rest or note wrapped onto the lines beside (改善の ⏎ 方向性, （目指す姿を簡 ⏎ 潔に。…）, which is no text. */
export const isLabelPiece = (id: LabelId, t: Token) => t.folded.length >= 2 && LABELS[id].forms.some((form) => fold(form).includes(t.folded));

/** The cells' texts joined, traced to `field`; null for none. */
export function joinedText(ctx: MatchContext, cells: readonly Token[], field: string): string | null {
  cells.forEach((t) => ctx.trace(field, t));
  return cells.length ? cells.map((t) => t.text).join('') : null;
}

/**
 * Row text: the text of a label's cell, the paragraph around the label's line without labels,
 * the label's wrapped pieces, letters and dashes (a paragraph another of `sharing`'s labels
 * stands in is cut between them); null where there is none or the text is not row text.
 */
export function paragraphText(ctx: MatchContext, id: LabelId, field: string, sharing: readonly LabelId[]): string | null {
  const anchor = ctx.first(id);
  if (!ctx.isRows || !anchor) return null;
  const rows = sharing.flatMap((other) => ctx.first(other)?.row ?? []);
  return joinedText(ctx, paragraphCells(ctx, anchor.row, rows, (t) => !isLabel(t) && !isLabelPiece(id, t) && [...t.folded].length > 1 && !isDash(t.text)), field);
}
