// The sheet's small indicator tables (成果目標, 活動指標): groups of labelled rows, the cells of a
// row, and (layout text) the text columns that stand beside a group of rows.
import { labelsOf, type Token } from '../tokenize/labels.js';
import { SECTION_TITLES, type LabelId } from '../tokenize/vocabulary.js';
import { fold, joinWrapped, printedOnce, readCell } from '../tokenize/values.js';
import { lineWords } from '../tokenize/document.js';
import type { MatchContext } from './context.js';
import { runAfter, valuesOf, type Value } from './values.js';
import { isLabel } from '../tokenize/labels.js';

/** The longest unit cell (`累積件数`). */
const MAX_UNIT = 6;

/** A unit cell: a short box that is no label and no value (`件`, `箇所`, `累積件数`). */
export const isUnitCell = (t: Token | undefined): t is Token => t !== undefined && !isLabel(t) && !valuesOf(t) && t.folded.length <= MAX_UNIT;

/** One indicator's rows: the label that opens it (with the rest of a vertical label) and the others. */
export interface RowGroup {
  opener: Token[];
  members: Array<Token | undefined>;
}

/**
 * The groups of rows opened by `opener` labels before `end`, each with the first of every
 * `members` label that follows it. A vertical label (成果実 / 績) is one opener.
 */
export function labelGroups(ctx: MatchContext, opener: LabelId, members: readonly LabelId[], end: number): RowGroup[] {
  const within = (id: LabelId) => ctx.find(id).filter((t) => t.index < end);
  const openers: Token[][] = [];
  for (const t of within(opener)) {
    const last = openers.at(-1)?.at(-1);
    const continues = last && (ctx.isLayout ? t.row - last.lines.at(-1)!.line <= 1 && Math.abs(t.col - last.col) <= 2 : t.index === last.index + 1);
    if (continues) openers.at(-1)!.push(t);
    else openers.push([t]);
  }
  const memberLists = members.map(within);
  return openers.map((parts, i) => {
    const first = parts[0]!;
    const next = openers[i + 1]?.[0]!.index ?? end;
    return {
      opener: parts,
      members: memberLists.map((list) => list.find((t) => t.index > first.index && t.index < next) ?? (ctx.isLayout ? undefined : list[i])),
    };
  });
}

/** The last row of a group, where the next group's text may start. */
export const lastRowOf = (g: RowGroup): Token => [...g.members].reverse().find((t) => t !== undefined) ?? g.opener[0]!;

/** The column of a group's row labels, left of which its text columns stand (layout text). */
export const labelColumnOf = (g: RowGroup): number => Math.min(...[...g.opener, ...g.members].filter((t) => t !== undefined).map((t) => t.col));

/** A row's unit, its values, and the boxes read with it (a final year printed after the row). */
export interface Row {
  unit: string | null;
  values: Value[];
  cells: Token[];
}

/**
 * A row's unit and value cells. The unit is the first cell when the row has one cell more
 * than `columns` (even a printed dash), or when that cell is short text.
 */
export function readRow(ctx: MatchContext, labelParts: ReadonlyArray<Token | undefined>, columns: number): Row {
  const parts = labelParts.filter((t): t is Token => t !== undefined);
  const label = parts[0];
  if (!label) return { unit: null, values: [], cells: [] };
  if (ctx.isLayout) {
    const cells = rowCells(ctx, parts);
    const first = cells[0];
    const isUnit = first !== undefined && (cells.length === columns + 1 || (!valuesOf(first) && first.folded.length <= 6 && !/年度/.test(first.folded)));
    const rest = isUnit ? cells.slice(1) : cells;
    const unit = isUnit ? first.text : unitAround(ctx, parts, rest[0]?.col ?? Infinity);
    return { unit, values: rest.flatMap((t) => valuesOf(t) ?? []), cells: rest };
  }
  const next = ctx.tokens[label.index + 1];
  const own = label.rest ? valuesOf({ ...label, labels: [] }, label.rest) : null;
  if (!own && isUnitCell(next)) {
    ctx.use(next);
    return { unit: next.text, values: runAfter(ctx, next), cells: [] };
  }
  const values = runAfter(ctx, label);
  // A unit cell left as a dash (`目標値 - - - - - 16`): one cell more than the row has, the first a dash.
  if (!own && values.length === columns + 1 && values[0]!.cell.kind === 'dash') return { unit: null, values: values.slice(1), cells: [] };
  return { unit: null, values, cells: [] };
}

/**
 * The cells right of a row label. A vertical label spans rows (成果実 / 績); its values stand on
 * one of them, the one with most cells. A label with nothing right of it has its cells on the
 * line below, where a unit wrapped around the row left them (`国保組 ⏎ 活動実績 ⏎ 合 12 10 9`).
 */
export function rowCells(ctx: MatchContext, labelParts: readonly Token[]): Token[] {
  let best: Token[] = [];
  for (const part of labelParts) {
    for (const { line } of part.lines) {
      const cells = ctx.startingOnRows(line, line).filter((t) => t.col >= part.end).sort((a, b) => a.col - b.col);
      if (cells.length > best.length) best = cells;
    }
  }
  const last = labelParts.at(-1);
  if (best.length || labelParts.length !== 1 || !last || last.lines.length !== 1) return best;
  const below = ctx.startingOnRows(last.row + 1, last.row + 1).filter((t) => t.col >= last.end).sort((a, b) => a.col - b.col);
  if (below.some((t) => valuesOf(t)) && !below.some(isLabel) && !ctx.startingOnRows(last.row + 1, last.row + 1).some(isLabel)) return below.filter((t) => valuesOf(t));
  return cellsAbove(ctx, last);
}

/** Lines above a label whose row cells may stand there, when its own line holds none. */
const ROWS_ABOVE = 2;
const TITLE_IDS = new Set(SECTION_TITLES.map((s) => s.id));
/** Lines a row label spans at most (成果実 ⏎ 績). */
const LABEL_LINES = 3;

/**
 * A label printed at the foot of a tall text cell (`…B以 目標値`), its row's cells on a line
 * above, out of line with it: the nearest line above, within two, holding values right of the
 * label, unless another row's label stands between.
 */
function cellsAbove(ctx: MatchContext, label: Token): Token[] {
  for (let row = label.row - 1; row >= label.row - ROWS_ABOVE; row--) {
    // Another row's label on the line (a vertical one, 成果実 ⏎ 績, starts lines above it), not a section title's piece.
    const rowLabel = ctx.startingOnRows(row - LABEL_LINES, row).some((t) => isLabel(t) && !t.labels.every((id) => TITLE_IDS.has(id)) && t.lines.some((l) => l.line === row));
    if (rowLabel) return [];
    const cells = ctx.startingOnRows(row, row).filter((t) => t.col >= label.end).sort((a, b) => a.col - b.col);
    if (cells.some((t) => valuesOf(t))) return cells;
  }
  return [];
}

/** Longest unit cell seen wrapped: `市町村国保`. */
const WRAPPED_UNIT = 8;

/**
 * A row's unit wrapped above and below its label's line (`市町村 ⏎ 活動実績 … ⏎ 国保`): the
 * short texts right of the label, left of the first value, on the lines just above and below.
 */
function unitAround(ctx: MatchContext, parts: readonly Token[], firstValueCol: number): string | null {
  const label = parts.at(-1)!;
  if (parts.length !== 1 || label.lines.length !== 1) return null;
  const near = (row: number) => ctx.startingOnRows(row, row).filter((t) => t.col >= label.end && t.col < firstValueCol && !isLabel(t) && !valuesOf(t));
  const pieces = [...near(label.row - 1), ...near(label.row + 1)].flatMap((t) => t.lines.map((l) => l.text.trim()));
  const text = pieces.join('');
  return pieces.length === 2 && [...text].length <= WRAPPED_UNIT ? text : null;
}

/** The text columns end where the table's cells begin: a value, a year, or a unit before a value. */
function endsText(word: string, next: string | undefined): boolean {
  if (readCell(word) || /^(?:平成|令和)?\d*年度/.test(fold(word)) && fold(word).length <= 12) return true;
  return fold(word).length <= 3 && next !== undefined && readCell(next) !== null;
}

/** Index of the word after the widest run of spaces between a line's words. */
function widestGap(words: readonly LineWordAt[]): number {
  let best = 1;
  let widest = -1;
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.col - (words[i - 1]!.col + words[i - 1]!.text.length);
    if (gap > widest) [best, widest] = [i, gap];
  }
  return best;
}

type LineWordAt = { col: number; text: string };

/**
 * The words of rows `top`..`bottom` left of the group's row labels, line by line, read from
 * the raw lines. Columns in layout text are character counts, which drift between lines with
 * and without wide characters, so each line is read up to its own first row label rather than
 * up to a fixed column.
 */
function textLines(ctx: MatchContext, top: number, bottom: number, titleLabel: LabelId, rowLabelCol = Infinity): LineWordAt[][] {
  const pieces: LineWordAt[][] = [];
  for (let row = Math.max(1, top); row <= bottom; row++) {
    const found: LineWordAt[] = [];
    const words = lineWords(ctx.sheet.lines[row - 1] ?? '');
    const ids = words.map((w) => labelsOf(fold(w.text)));
    // Before a row label on its line everything is text, years and numbers too (平成26年度 78.5％).
    const rowLabel = ids.findIndex((l) => l.length > 0 && !l.includes(titleLabel));
    for (const [k, w] of words.entries()) {
      if (ids[k]!.includes(titleLabel)) continue;
      // The text columns stand left of the rows' labels; right of them are the rows' cells (a
      // unit wrapped above and below its row: 市町村 ⏎ 活動実績 ⏎ 国保). Where the labels'
      // column is known, a number left of it is the text's (a list's `１`), not a cell.
      const cellAhead = rowLabelCol === Infinity && rowLabel < 0 && endsText(w.text, words[k + 1]?.text);
      if (ids[k]!.length || w.col >= rowLabelCol || cellAhead) break;
      found.push(w);
    }
    if (found.length) pieces.push(found);
  }
  return pieces;
}

/** The one text column beside a group (活動指標), its lines in order, left of the rows' labels at `rowLabelCol`. */
export function columnText(ctx: MatchContext, top: number, bottom: number, titleLabel: LabelId, rowLabelCol = Infinity): string | undefined {
  const lines = textLines(ctx, top, bottom, titleLabel, rowLabelCol).map((p) => p.map((w) => w.text).join(' '));
  return lines.length ? printedOnce(joinWrapped(lines)) : undefined;
}

/** Most spaces between a list mark and its item: a full-width space is printed wide. */
const LIST_MARK_GAP = 4;

/**
 * The two text columns beside a group (定量的な成果目標, 成果指標). pdftotext -layout may leave
 * a single space between the columns' wrapped text, so a line of several words is cut at its
 * widest gap; a line of one word belongs to the column it starts in.
 */
export function columnTexts(ctx: MatchContext, top: number, bottom: number, titleLabel: LabelId, rowLabelCol = Infinity): [string | undefined, string | undefined] {
  const pieces = textLines(ctx, top, bottom, titleLabel, rowLabelCol);
  if (!pieces.length) return [undefined, undefined];
  // Where the first column starts: its lines beside the second's show it; a one-word line may
  // start left of it (a label's remainder, `成果目標及び成 100%とする。`).
  const besides = pieces.filter((p) => p.length > 1);
  const firstCol = Math.min(...(besides.length ? besides : pieces).map((p) => p[0]!.col));
  // A line of several words splits at its widest gap: a single space may stand inside a cell
  // (平成26年度 78.5％) as well as between the columns.
  // A list mark before its item (`ア 環境・生態系保全`, `１    対象…` after a full-width space)
  // is one cell's words, not two columns: the line is one piece, like a line of one word.
  const isListMark = (p: LineWordAt[]) => p.length === 2 && [...p[0]!.text].length <= 2 && p[1]!.col - (p[0]!.col + p[0]!.text.length) <= LIST_MARK_GAP;
  const lines = pieces.map((p) => (isListMark(p) ? [{ ...p[0]!, text: `${p[0]!.text} ${p[1]!.text}` }] : p));
  const splits = lines.map((p) => (p.length > 1 ? widestGap(p) : p[0]!.col > firstCol + 3 ? 0 : p.length));
  // Where the second column starts: the nearest start of a right-hand piece on any line.
  const secondCols = lines.flatMap((p, k) => (splits[k]! < p.length ? [p[splits[k]!]!.col] : []));
  const secondCol = secondCols.length ? Math.min(...secondCols) : Infinity;
  const left: string[] = [];
  const right: string[] = [];
  lines.forEach((p, k) => {
    // A one-word line belongs to the column it starts in.
    const at = p.length > 1 ? splits[k]! : p[0]!.col >= secondCol - 3 && p[0]!.col > firstCol + 3 ? 0 : 1;
    if (at > 0) left.push(p.slice(0, at).map((w) => w.text).join(' '));
    if (at < p.length) right.push(p.slice(at).map((w) => w.text).join(''));
  });
  const join = (lines: string[]) => (lines.length ? printedOnce(joinWrapped(lines)) : undefined);
  return [join(left), join(right)];
}

/**
 * pdfminer may print a table's row labels first and then all its numbers in one run, year by
 * year across the rows (584 584 100 for one year's 成果実績, 目標値, 達成度, then the next
 * year). The last row's reading then took the whole run: when every other row is empty and the
 * run is whole years of the rows, it is dealt out year by year.
 */
export function spreadMatrix(rows: ReadonlyArray<{ values: Value[] }>, minYears: number, maxYears: number): void {
  const last = rows[rows.length - 1];
  if (!last || rows.slice(0, -1).some((r) => r.values.length)) return;
  const run = [...last.values];
  const years = run.length / rows.length;
  if (!Number.isInteger(years) || years < minYears) return;
  for (const r of rows) r.values = [];
  for (let y = 0; y < Math.min(years, maxYears); y++) rows.forEach((r, k) => r.values.push(run[y * rows.length + k]!));
}
