// Layout-text helpers for the sheet's small tables: the cells of a labelled row, and the two
// text columns (goal and indicator) that stand beside a group of rows.
import { labelsOf, type Token } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import { fold, joinWrapped, readCell } from '../tokenize/values.js';
import type { MatchContext } from './context.js';

/**
 * The cells right of a row label. A vertical label spans rows (成果実 / 績); its values stand on
 * one of them, the one with most cells.
 */
export function rowCells(ctx: MatchContext, labelParts: readonly Token[]): Token[] {
  let best: Token[] = [];
  for (const part of labelParts) {
    for (const { line } of part.lines) {
      const cells = ctx.startingOnRows(line, line).filter((t) => t.col >= part.end).sort((a, b) => a.col - b.col);
      if (cells.length > best.length) best = cells;
    }
  }
  return best;
}

/** The text columns end where the table's cells begin: a value, a year, or a unit before a value. */
function endsText(word: string, next: string | undefined): boolean {
  if (readCell(word) || /^(?:平成|令和)?\d*年度/.test(fold(word)) && fold(word).length <= 12) return true;
  return fold(word).length <= 3 && next !== undefined && readCell(next) !== null;
}

/**
 * The two text columns on rows `top`..`bottom` left of the group's row labels, read from the
 * raw lines. Columns in layout text are character counts, which drift between lines with and
 * without wide characters, so each line is read up to its own first row label rather than up
 * to a fixed column. pdftotext -layout may leave a single space between two columns' wrapped
 * text, so a line is cut at its first run of white space; a line with one piece belongs to the
 * column it starts in.
 */
export function columnTexts(ctx: MatchContext, top: number, bottom: number, titleLabel: LabelId): [string | undefined, string | undefined] {
  const pieces: Array<Array<{ col: number; text: string }>> = [];
  for (let row = Math.max(1, top); row <= bottom; row++) {
    const found: Array<{ col: number; text: string }> = [];
    const words = [...(ctx.sheet.lines[row - 1] ?? '').matchAll(/\S+/g)];
    for (const [k, m] of words.entries()) {
      const ids = labelsOf(fold(m[0]));
      if (ids.includes(titleLabel)) continue;
      if (ids.length || endsText(m[0], words[k + 1]?.[0])) break;
      found.push({ col: m.index, text: m[0] });
    }
    if (found.length) pieces.push(found);
  }
  if (!pieces.length) return [undefined, undefined];
  const firstCol = Math.min(...pieces.map((p) => p[0]!.col));
  // Where the second column starts: the nearest start of a right-hand piece on any line.
  const secondCols = pieces.flatMap((p) => (p.length > 1 ? [p[p.length - 1]!.col] : p[0]!.col > firstCol + 3 ? [p[0]!.col] : []));
  const secondCol = secondCols.length ? Math.min(...secondCols) : Infinity;
  const left: string[] = [];
  const right: string[] = [];
  for (const p of pieces) {
    if (p.length > 1) {
      left.push(p[0]!.text);
      right.push(p.slice(1).map((x) => x.text).join(''));
    } else if (p[0]!.col >= secondCol - 3 && p[0]!.col > firstCol + 3) right.push(p[0]!.text);
    else left.push(p[0]!.text);
  }
  const join = (lines: string[]) => (lines.length ? joinWrapped(lines) : undefined);
  return [join(left), join(right)];
}
