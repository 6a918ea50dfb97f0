// Row text (a viewer's copy, a table row a line): a cell whose text wraps over several lines
// shares those lines with the cells beside it, and no column tells its pieces apart. What holds
// is that the cell's lines run without a blank line between them, around the line of the label
// or item they belong to. So a text is read as the paragraph around its anchor's line.
import type { Token } from '../tokenize/labels.js';
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
