// 作成責任者: the title and name of the official responsible for the sheet, which stream text
// may print as a few short boxes away from the label, and layout text under it.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { OFFICIAL_TITLE, ORGANIZATION_END, TITLE_ALONE } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isText, textField } from './header-cells.js';

/** How far left of its label the 作成責任者 cell's text may start. */
const CELL_LEFT_REACH = 12;

/**
 * In layout text a cell's value can stand under its label: 作成責任者 over 課長 藤井 雅文. The
 * cell is wider than its label and may start left of it, up to the cell beside it
 * (`leftBound`); a title alone on its line has the name on the line below.
 */
function layoutCellBelow(ctx: MatchContext, anchor: Token, leftBound: number): Token[] {
  const from = Math.max(anchor.col - CELL_LEFT_REACH, leftBound);
  const below = ctx.tokens.filter((t) => t.row > anchor.row && t.row <= anchor.row + 4 && t.col >= from && t.col < anchor.end + 16 && !isLabel(t));
  const firstRow = below[0]?.row;
  const first = below.filter((t) => t.row === firstRow);
  const second = first.length === 1 ? below.filter((t) => t.row === firstRow! + 1) : [];
  return [...first, ...second];
}

export function responsibleOfficial(ctx: MatchContext, division: Token | undefined): string | null {
  const anchor = ctx.first('responsibleOfficial');
  if (anchor && ctx.isLayout) {
    const cells = [...ctx.rightOf(anchor, 0).filter((t) => !isLabel(t)), ...layoutCellBelow(ctx, anchor, division ? division.end + 2 : 0)];
    if (cells.length) {
      ctx.trace('project.responsibleOfficial', ...cells);
      return linesAcross(cells) ?? cells.map((t) => t.text).join('　');
    }
  }
  const inDivision = division ? OFFICIAL_TITLE.exec(division.text) : null;
  if (inDivision) return inDivision[1]!.trim();
  // The title and the name may be lines of one box (`農地政策課長 ⏎ 栗原 秀忠`).
  const isOfficial = (t: Token) => isText(t) && OFFICIAL_TITLE.test(` ${t.lines.map((l) => l.text.trim()).join(' ')}`);
  const value = textField(ctx, 'responsibleOfficial', 'project.responsibleOfficial', isOfficial);
  if (value) return officialsByLines(ctx, value) ?? withGivenName(ctx, value);
  // pdfminer prints the header's labels first, then its cells row by row: the official's cell
  // right after the division's, whatever the distance from its label.
  const afterDivision = division && !ctx.isLayout ? ctx.tokens[division.index + 1] : undefined;
  if (afterDivision && !isLabel(afterDivision) && isOfficial(afterDivision)) {
    ctx.trace('project.responsibleOfficial', afterDivision);
    return afterDivision.text;
  }
  const run = anchor && !ctx.isLayout ? officialRun(ctx, anchor, division) : [];
  if (!run.length) return null;
  ctx.trace('project.responsibleOfficial', ...run);
  return run.map((t) => t.text).join('　');
}

/**
 * Two officials' cells side by side, which stream text boxes line by line across both: their
 * titles in one box (`課長 ⏎ 室長`), then their family and given names likewise (`河邉 ⏎ 中村`,
 * `賢裕 ⏎ 仁威`). Each line of the boxes is one official's part.
 */
function officialsByLines(ctx: MatchContext, titles: Token): string | null {
  const count = titles.lines.length;
  if (ctx.isLayout || count < 2 || !titles.lines.every((l) => TITLE_ALONE.test(fold(l.text.trim())))) return null;
  const names: Token[] = [];
  for (let i = titles.index + 1; i < ctx.tokens.length && names.length < 2; i++) {
    const t = ctx.tokens[i]!;
    if (isLabel(t) || t.lines.length !== count || !t.lines.every((l) => NAME_KANJI.test(fold(l.text.trim())))) break;
    names.push(t);
  }
  if (!names.length) return null;
  ctx.trace('project.responsibleOfficial', titles, ...names);
  return acrossLines([titles, ...names]);
}

/** Boxes of as many lines each, one official a line across them: `課長　河邉　賢裕　室長　中村　仁威`. */
const acrossLines = (boxes: readonly Token[]) => boxes[0]!.lines.map((_, k) => boxes.map((t) => t.lines[k]!.text.trim()).join('　')).join('　');

/**
 * Layout text: two officials one under the other, their titles and names in columns (`課長 河邉
 * 賢裕` over `室長 中村 仁威`), which the boxes hold a column each: each line across the boxes is
 * one official.
 */
function linesAcross(cells: readonly Token[]): string | null {
  const rows = cells[0]!.lines.map((l) => l.line);
  if (cells.length < 2 || rows.length < 2 || !cells.every((t) => t.lines.length === rows.length && t.lines.every((l, k) => l.line === rows[k]))) return null;
  return acrossLines(cells);
}

/** A family or given name of a few kanji (河邉, 正名). */
const NAME_KANJI = /^\p{Script=Han}{1,3}$/u;

/**
 * A title and a family name alone (`室長 江澤`): stream text may box the given name on its own
 * right after (`正名`), which goes with them.
 */
function withGivenName(ctx: MatchContext, official: Token): string {
  const next = ctx.isLayout || official.lines.length > 1 ? undefined : ctx.tokens[official.index + 1];
  const familyOnly = official.text.trim().split(/[\s　]+/).length === 2;
  if (!familyOnly || !next || isLabel(next) || ctx.isUsed(next) || !NAME_KANJI.test(next.folded) || ORGANIZATION_END.test(next.folded)) return official.text;
  ctx.trace('project.responsibleOfficial', official, next);
  return `${official.text}　${next.text}`;
}

/** The 作成責任者 cell is a title and a name, which stream text may print as a few short boxes. */
const OFFICIAL_PIECE = 20;
const OFFICIAL_PIECES = 4;
/** A family or given name printed as a box of its own (木塚, 欽也). */
const NAME_PIECE = 6;
/** The cells of the row below the official's: 事業開始年度 and 事業終了（予定）年度. */
const ROW_YEAR_CELL = /年度$|予定/;

/**
 * Stream text: the short boxes right after 作成責任者 (課長 / 松澤 / 裕), or, when a label
 * follows it at once, those right before 会計区分 back to the 担当課室 value (pdfminer prints
 * the header's labels first and the cells of a row together).
 */
function officialRun(ctx: MatchContext, anchor: Token, division: Token | undefined): Token[] {
  const piece = (t: Token | undefined): t is Token =>
    t !== undefined && t !== division && !isLabel(t) && !ctx.isUsed(t) && [...t.folded].length <= OFFICIAL_PIECE && !/^(?:平成|令和)?.*年度$|会計|予定/.test(t.folded);
  const forward: Token[] = [];
  for (let i = anchor.index + 1; forward.length < OFFICIAL_PIECES && piece(ctx.tokens[i]); i++) forward.push(ctx.tokens[i]!);
  if (forward.length) return forward;
  // The 担当課室 label and value printed next: the pieces after that value, past the labels and
  // the year cells of the next row (木塚, 事業開始年度, 平成-20年度, 終了予定なし, 欽也).
  if (division && division.index > anchor.index) {
    const after: Token[] = [];
    for (let i = division.index + 1; i < ctx.tokens.length && after.length < OFFICIAL_PIECES; i++) {
      const t = ctx.tokens[i]!;
      if (isLabel(t) || ROW_YEAR_CELL.test(t.folded)) continue;
      if (!piece(t) || [...t.folded].length > NAME_PIECE) break;
      after.push(t);
    }
    if (after.length) return after;
  }
  const accounts = ctx.find('accounts').find((t) => t.index > anchor.index);
  if (!accounts) return [];
  const backward: Token[] = [];
  for (let i = accounts.index - 1; i > anchor.index && backward.length < OFFICIAL_PIECES && piece(ctx.tokens[i]); i--) backward.unshift(ctx.tokens[i]!);
  return backward;
}
