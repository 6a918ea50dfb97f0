// The recipients' scope cut into one table per block. Stream extractors print a block's letter
// before its table, after it, or with other letters (A. B C D), and may print a block's cells
// in another block's stretch: each cutting below is one reading of where the tables are, which
// recipients.ts reads and compares.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { headerGroups, isDashToken, isRank, rankOf, wordsOf } from './recipient-cells.js';
import { tablesFromPieces, type Mark, type Table } from './recipient-pieces.js';
import { isCount, isNameLength } from './recipient-ranked.js';

const BLOCK_MARK = /^([A-ZＡ-Ｚ])[.．]?$/;

export const isLetterMark = (t: Token) => BLOCK_MARK.test(t.folded) || /^[A-Z]\.?$/.test(t.lines.at(-1)!.text.trim());
export const letterOf = (t: Token) => (BLOCK_MARK.exec(t.folded) ?? /^([A-Z])/.exec(t.lines.at(-1)!.text.trim()))![1]!.normalize('NFKC');
/**
 * Single letters of a heading the extractor spaced out and scattered (`支`, `出`, `先`). Not
 * katakana: sheets that withhold individuals' names list them as イ, ロ, ハ.
 */
const isHeadingLetter = (t: Token) => t.folded.length === 1 && /[\p{Script=Han}\p{Script=Hiragana}]/u.test(t.folded);
const cellsOf = (tokens: Token[]) => tokens.filter((t) => !isLabel(t) && !BLOCK_MARK.test(t.folded) && !isHeadingLetter(t));

/**
 * The scope cut into tables by its block letters (tablesByLetters), and, when a letter's table
 * holds no values, also into the pieces pdfminer prints a block in (recipient-pieces.ts), at the
 * groups of column heads (tablesByHeaders), and at the letters alone where tablesByLetters cut
 * otherwise: the reader keeps the cutting that fills more cells, and takes a block that cutting
 * leaves empty from another (fullestByBlock).
 */
export function tables(scope: readonly Token[]): { tables: Table[]; pieces: Table[] | null; byHeaders: Table[] | null; byLetter: Table[] | null } {
  const marks = scope.map((t, i) => (isLetterMark(t) ? i : -1)).filter((i) => i >= 0);
  const byLetter: Table[] = [];
  marks.forEach((m, k) => {
    const block = letterOf(scope[m]!);
    const tokens = cellsOf(scope.slice(m + 1, marks[k + 1] ?? scope.length));
    // The debt-contract table prints its block column on every row (A 1 … A 2 …): one table.
    if (byLetter.at(-1)?.block === block) byLetter.at(-1)!.tokens.push(...tokens);
    else byLetter.push({ block, tokens });
  });
  takeBackRows(byLetter);
  takeBackLateValues(byLetter);
  // A letter with no cells of its own, or names without values: the blocks may have been printed in pieces.
  const scattered = byLetter.some(holdsNoValues);
  const pieces = scattered ? tablesFromPieces(scope.map(markOf).filter((m) => m !== null)) : null;
  const byHeaders = scattered ? tablesByHeaders(scope, marks) : null;
  const cut = takeBackNames(tablesByLetters(scope, marks, byLetter));
  return { tables: cut, pieces, byHeaders, byLetter: scattered && cut !== byLetter ? byLetter : null };
}

/**
 * pdfminer may print a block's letter, and the ranks beside it, after the block's rows (0364:
 * `B. 1 2 C. 1 2 5 …` after B's table): when each block still opens with its own group of column
 * heads, the groups cut the tables, which take the letters in order, the letters and the bare
 * ranks printed with them left out.
 */
function tablesByHeaders(scope: readonly Token[], marks: readonly number[]): Table[] | null {
  const letters = [...new Set(marks.map((m) => letterOf(scope[m]!)))];
  const starts = headerGroups(scope).map((g) => g.start);
  if (starts.length !== letters.length || starts.length < 2) return null;
  // Letters printed together ahead of the tables (A. B C D) are read by tablesByLetters.
  const firstMarks = letters.map((l) => marks.find((m) => letterOf(scope[m]!) === l)!);
  if (firstMarks.at(-1)! < starts[0]!) return null;
  // The ranks printed with a letter are its table's first rows', whose names its group prints bare.
  const ranksOf = new Map<string, Token[]>();
  for (const m of marks) {
    const ranks: Token[] = [];
    for (let i = m + 1; i < scope.length && isBareRank(scope[i]!) && Number(scope[i]!.folded) === ranks.length + 1; i++) ranks.push(scope[i]!);
    if (!ranksOf.has(letterOf(scope[m]!))) ranksOf.set(letterOf(scope[m]!), ranks);
  }
  const withLetter = new Set([...ranksOf.values()].flat());
  let ranksMoved = false;
  const tables = headerCells(scope).map((group, k) => {
    const cells = group.filter((t) => !withLetter.has(t));
    const opensRanked = cells[0] !== undefined && (isBareRank(cells[0]) || /^1\s/.test(cells[0].folded));
    const ranks = opensRanked ? [] : ranksOf.get(letters[k]!) ?? [];
    ranksMoved ||= ranks.length > 0;
    return { block: letters[k]!, tokens: [...ranks, ...cells] };
  });
  // Without ranks to give back to a table, the cutting is the letters' own: not worth a reading.
  return ranksMoved ? tables : null;
}

/**
 * The cells after each group of column heads, up to the next group. pdfminer may print a block's
 * letter and first rows before its heads, after the block above's rows (`… 0.1 随意契約 - - L.
 * 1 出張者Ａ 2 出張者Ｂ`, then L's heads): from a letter whose next box opens a row ranked 1, after
 * a table's own first row, the cells are the next table's.
 */
export function headerCells(scope: readonly Token[]): Token[][] {
  const groups = headerGroups(scope);
  const stretches = groups.map((g, k) => scope.slice(g.body, groups[k + 1]?.start ?? scope.length));
  for (let k = 0; k + 1 < stretches.length; k++) {
    const own = stretches[k]!;
    const first = own.findIndex((_, i) => opensFirstRow(own, i));
    const next = first < 0 ? -1 : own.findIndex((t, i) => i > first && isLetterMark(t) && opensFirstRow(own, i + 1));
    if (next < 0) continue;
    stretches[k + 1] = [...own.slice(next + 1), ...stretches[k + 1]!];
    stretches[k] = own.slice(0, next);
  }
  return stretches.map(cellsOf);
}

/** Box i opens a table's first row: rank 1, then the row's name or 法人番号 (`1 出張者Ａ`, `1 ⏎ ＡＴＨＯＳ`). */
export const opensFirstRow = (tokens: readonly Token[], i: number) => rowOpenedAt(tokens, i) === 1;

/** The rank of the row box i opens: a rank, then the row's name or 法人番号; null if it opens none. */
export function rowOpenedAt(tokens: readonly Token[], i: number): number | null {
  const [first, second] = tokens[i] ? wordsOf(tokens[i]!) : [];
  const after = second ?? (tokens[i + 1] ? wordsOf(tokens[i + 1]!)[0] : undefined);
  return first !== undefined && (after?.kind === 'text' || after?.kind === 'corporate') ? rankOf(first) : null;
}

/**
 * A table is what stands between one block letter and the next, when the letters head their
 * tables; when the extractor printed the letters together (A. B C D), tables start at each
 * group of header labels (支出先 … 落札率) instead, and take the letters in order.
 */
function tablesByLetters(scope: readonly Token[], marks: readonly number[], byLetter: Table[]): Table[] {
  if (byLetter.length && byLetter.every((t) => t.tokens.length > 0)) return byLetter;
  // Letters printed ahead of their tables (E. F. then E's rows, F's rows): the tables are the
  // runs of ranks that restart at 1, taken in the letters' order.
  const runs = rankRuns(byLetter.flatMap((t) => t.tokens));
  if (byLetter.length && runs.length === byLetter.length) return runs.map((tokens, k) => ({ block: byLetter[k]!.block, tokens }));
  const letters = marks.map((m) => letterOf(scope[m]!));
  return headerCells(scope).map((cells, k) => ({ block: letters[k] ?? null, tokens: cells }));
}

/** A table of ranks and names only: its other columns were printed elsewhere. */
const holdsNoValues = (t: Table) => !t.tokens.flatMap(wordsOf).some((w) => w.kind !== 'text' && w.kind !== 'amount');

function markOf(t: Token): Mark | null {
  if (isLetterMark(t)) return { kind: 'letter', letter: letterOf(t) };
  if (t.labels.includes('recipientHeader')) return { kind: 'header' };
  return isLabel(t) || isHeadingLetter(t) ? null : { kind: 'cell', token: t };
}

const isBareRank = (t: Token) => /^\d{1,2}$/.test(t.folded);

/**
 * pdfminer can print a table's ranks right under its letter (A. 1 2 B.) and its cells after
 * the next letter, ahead of that table's own first row: those cells go back to the table whose
 * ranks they fill.
 */
function takeBackRows(tables: Table[]): void {
  tables.forEach((t, k) => {
    const next = tables[k + 1];
    if (!next || !t.tokens.length || !t.tokens.every(isBareRank)) return;
    const opens = next.tokens.findIndex((_, i) => opensFirstRow(next.tokens, i));
    if (opens <= 0) return;
    t.tokens.push(...next.tokens.splice(0, opens));
  });
}

/** A dash, count or rate, or a text too long for a name (a 理由及び改善策): no row opens with it. */
const isLateCell = (t: Token) => wordsOf(t).every((w) => w.kind === 'dash' || w.kind === 'rate' || isCount(w) || (w.kind === 'text' && !isNameLength(w)));

/**
 * pdfminer can print the 入札者数 and later columns of a table's last rows after the next
 * block's letter (`D. 1 1 - 1 1 - 在外選挙制度の…`, then D's heads and rows): the cells before a
 * table's first row, when none could open one, go back to the table before it.
 */
function takeBackLateValues(tables: Table[]): void {
  tables.forEach((t, k) => {
    const before = tables[k - 1];
    const late = t.tokens.findIndex((x) => !isLateCell(x));
    const cells = t.tokens.slice(0, late).flatMap(wordsOf);
    // Bare ranks (1 2 …) open a table whose names come later.
    if (!before || late <= 0 || leadingRanks(t.tokens) > 1 || !cells.some(isCount) || !cells.some((w) => w.kind === 'dash')) return;
    before.tokens.push(...t.tokens.splice(0, late));
  });
}

/** How many bare ranks, 1, 2, …, open the tokens. */
export function leadingRanks(tokens: readonly Token[]): number {
  let n = 0;
  while (n < tokens.length && isBareRank(tokens[n]!) && Number(tokens[n]!.folded) === n + 1) n++;
  return n;
}

export const isBareName = (t: Token | undefined) => {
  const words = t ? wordsOf(t) : [];
  return words.length === 1 && words[0]!.kind === 'text';
};
/** Exactly `count` names from `at`, the token after them not a name. */
const namesAt = (tokens: readonly Token[], at: number, count: number) =>
  at + count <= tokens.length && tokens.slice(at, at + count).every(isBareName) && !isBareName(tokens[at + count]);

/**
 * pdfminer can print two blocks' ranks together (J K: `1 2 1 2 3 4 5 6`), then the first block's
 * names and cells, then the second's names: a table of bare ranks alone takes back, from the
 * next table, the names as many as its ranks right after that table's ranks, and the cells up
 * to that table's own names, as many as its ranks.
 */
function takeBackNames(tables: Table[]): Table[] {
  tables.forEach((t, k) => {
    const next = tables[k + 1];
    const own = leadingRanks(t.tokens);
    if (!next || !own || own < t.tokens.length) return;
    const theirs = leadingRanks(next.tokens);
    if (!theirs || !namesAt(next.tokens, theirs, own)) return;
    const theirNames = next.tokens.findIndex((_, i) => i > theirs + own && !isBareName(next.tokens[i - 1]) && namesAt(next.tokens, i, theirs));
    if (theirNames > 0) t.tokens.push(...next.tokens.splice(theirs, theirNames - theirs));
  });
  return tables;
}

/** Tokens cut where the ranks start again at 1, each run a table of its own. */
function rankRuns(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  const leading: Token[] = [];
  let expected = 1;
  tokens.forEach((t, i) => {
    const words = wordsOf(t);
    const first = words[0];
    const next = tokens[i + 1];
    const after = words[1] ?? (next ? wordsOf(next)[0] : undefined);
    const opensRank = (rank: number) => first !== undefined && isRank(first, rank) && (after?.kind === 'text' || after?.kind === 'corporate');
    // A run of bare ranks (1 2 …) opens a table whose names come later as a column.
    // A bidders column holds such runs too (`- - 1 2 - 1 1`), dashes on both sides.
    const opensBareRanks = first !== undefined && words.length === 1 && isRank(first, 1) && next !== undefined && isBareRank(next) && Number(next.folded) === 2
      && !(isDashToken(tokens[i - 1]) && isDashToken(tokens[i + leadingRanks(tokens.slice(i))]));
    if (opensRank(1) || opensBareRanks) {
      runs.push([]);
      expected = 2;
    } else if (opensRank(expected)) expected++;
    if (runs.length) runs.at(-1)!.push(t);
    else leading.push(t);
  });
  return namesBeforeRanks(leadingNamesToRanks(leading, runs));
}

/**
 * pdfminer can print the first rows' names before the table's bare ranks, the last row's after
 * them (`(株)パスコ (株)パスコ 1 2 3 メディアマート(株)`): names that open the tokens, with the
 * names right after the ranks as many as the ranks together, go after the ranks, in order.
 */
function leadingNamesToRanks(leading: readonly Token[], runs: Token[][]): Token[][] {
  const first = runs[0];
  const ranks = first ? leadingRanks(first) : 0;
  const before = leading.length;
  if (!first || !before || !leading.every(isBareName) || ranks <= before || !namesAt(first, ranks, ranks - before)) return runs;
  first.splice(ranks, 0, ...leading);
  return runs;
}

/**
 * pdfminer can print a table's names just before its bare ranks (`(株)オクト (株)スイートホーム
 * 1 2`), at the end of the table before it: as many names as the ranks go after them.
 */
function namesBeforeRanks(runs: Token[][]): Token[][] {
  runs.forEach((run, k) => {
    const before = runs[k - 1];
    const ranks = leadingRanks(run);
    if (!before || ranks < 2 || !namesAt(before, before.length - ranks, ranks) || isBareName(before.at(-ranks - 1))) return;
    run.splice(ranks, 0, ...before.splice(before.length - ranks));
  });
  return runs;
}
