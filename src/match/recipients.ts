// 支出先上位１０者リスト (per block) and 国庫債務負担行為等による契約先上位10者リスト.
// Each table row is typed: rank, name, 法人番号 (13 digits with a check digit), 業務概要,
// amount, contract method, bidders, winning-bid rate, reason. Extractors print a table by rows,
// by columns or half and half; we classify every word by type and zip each type's column.
import type { FundFlow, Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { LEGAL_FORM } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { readRecipientLines } from './recipient-lines.js';
import { fillValues, readByChunks } from './recipient-chunks.js';
import { readByCorporateNumbers } from './recipient-anchors.js';
import { giveTuples, setApartTuples } from './recipient-apart.js';
import { filled, fullest, fullestByBlock, namesByCorporateNumber, relabelByFundFlow } from './recipient-references.js';
import { tablesFromPieces, type Mark, type Table } from './recipient-pieces.js';
import { surplusBackward, surplusForward } from './recipient-surplus.js';
import { SLOTS, emptyRow, headerGroups, isRank, opensRow, rankOf, roleCompletes, setCell, wordsOf, type Word } from './recipient-cells.js';

const BLOCK_MARK = /^([A-ZＡ-Ｚ])[.．]?$/;


const isLetterMark = (t: Token) => BLOCK_MARK.test(t.folded) || /^[A-Z]\.?$/.test(t.lines.at(-1)!.text.trim());
const letterOf = (t: Token) => (BLOCK_MARK.exec(t.folded) ?? /^([A-Z])/.exec(t.lines.at(-1)!.text.trim()))![1]!.normalize('NFKC');
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
function tables(scope: readonly Token[]): { tables: Table[]; pieces: Table[] | null; byHeaders: Table[] | null; byLetter: Table[] | null } {
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

/** The cells after each group of column heads, up to the next group. */
function headerCells(scope: readonly Token[]): Token[][] {
  const groups = headerGroups(scope);
  return groups.map((g, k) => cellsOf(scope.slice(g.body, groups[k + 1]?.start ?? scope.length)));
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
    const opens = next.tokens.findIndex((x, i) => {
      const [first, second] = wordsOf(x);
      const after = second ?? (next.tokens[i + 1] ? wordsOf(next.tokens[i + 1]!)[0] : undefined);
      return first !== undefined && isRank(first, 1) && (after?.kind === 'text' || after?.kind === 'corporate');
    });
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
function leadingRanks(tokens: readonly Token[]): number {
  let n = 0;
  while (n < tokens.length && isBareRank(tokens[n]!) && Number(tokens[n]!.folded) === n + 1) n++;
  return n;
}

const isBareName = (t: Token | undefined) => {
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

const isDashCell = (t: Token | undefined) => t !== undefined && wordsOf(t)[0]?.kind === 'dash';

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
      && !(isDashCell(tokens[i - 1]) && isDashCell(tokens[i + leadingRanks(tokens.slice(i))]));
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

/**
 * Rows printed one after another, each opened by its rank: its words fill the row's cells left
 * to right, a word skipping the cells whose kind it is not (a missing 法人番号, an empty method).
 */
function readRankedRows(block: string | null, words: Word[]): Recipient[] | null {
  const rows: Recipient[] = [];
  let slot = 0;
  // pdftotext may print two ranks together before the first's name (`8 9 個人Ｈ … 個人Ｉ`): the
  // second opens its row at the first name after the first row's amount.
  let pendingRank = false;
  // Rows whose 入札者数 cell was read, a dash included (it leaves the count null).
  const biddersRead = new Set<Recipient>();
  // Rows with a cell of their right half read (契約方式 on), a dash included.
  const rightRead = new Set<Recipient>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const twoRanks = isRank(w, rows.length + 1) && words[i + 1] !== undefined && isRank(words[i + 1]!, rows.length + 2) && words[i + 2]?.kind === 'text';
    // A dash between a rank and its name (`10 - 個人Ｊ - …`) is the row above's last cell, printed late.
    const dashBeforeName = isRank(w, rows.length + 1) && words[i + 1]?.kind === 'dash' && words[i + 2]?.kind === 'text' && isNameLength(words[i + 2]!)
      && ['dash', 'corporate'].includes(words[i + 3]?.kind ?? '');
    if (opensRow(words, i, rows.length + 1) || twoRanks || dashBeforeName) {
      rows.push(emptyRow(block, rows.length + 1));
      slot = 0;
      if (twoRanks) pendingRank = true;
      if (twoRanks || dashBeforeName) i++;
      continue;
    }
    const row = rows[rows.length - 1];
    if (!row) continue;
    if (pendingRank && w.kind === 'text' && row.amount !== null) {
      rows.push(emptyRow(block, rows.length + 1));
      rows.at(-1)!.name = w.text;
      slot = 1;
      pendingRank = false;
      continue;
    }
    // A name cut after its legal form (`(一社)`, `㈲`): the next text goes on with it, even when
    // pdftotext printed the next row's name first (`3 ㈲`, `4 可茂森林組合`, `スキルアドバンス`).
    const cut = w.kind === 'text' && row.name !== null ? rows.find((r) => r.name !== null && LEGAL_FORM.test(fold(r.name))) : undefined;
    if (cut) {
      cut.name += w.text;
      continue;
    }
    // A dash just before an amount, with its method or with the row's 法人番号 still empty
    // (`-`, `98 随意契約（企画競争）`), is an earlier cell's (the 法人番号 printed late): the
    // amount is the amount's.
    // A second text before the 法人番号 cell (or its dash), with the 業務概要 after that cell, is
    // the name's second part: pdftotext prints a name that a wide space splits as two boxes
    // (`本土新聞` `那覇西部販売所` `-` `新聞`).
    const namePart = w.kind === 'text' && row.name !== null && SLOTS[slot]?.field === 'corporateNumber'
      && (words[i + 1]?.kind === 'corporate' || words[i + 1]?.kind === 'dash') && words[i + 2]?.kind === 'text';
    if (namePart) {
      row.name += w.text;
      continue;
    }
    const lateDash = w.kind === 'dash' && SLOTS[slot]?.field === 'amount' && words[i + 1]?.kind === 'amount';
    if (lateDash && (words[i + 2]?.kind === 'method' || row.corporateNumber === null)) continue;
    // A second dash after the 法人番号's, before the 業務概要 and its amount (`6 個人Ｆ - - 総合労働相談の実施 2`), is an earlier row's cell printed late.
    const lateSecondDash = w.kind === 'dash' && SLOTS[slot]?.field === 'summary' && words[i - 1]?.kind === 'dash' && words[i + 1]?.kind === 'text' && words[i + 2]?.kind === 'amount';
    if (lateSecondDash) continue;
    // A second right half after a row's (`… 2 随意契約（少額） - - - その他 1 -`) when the row
    // before it has none: the first was that row's, printed after this row's left half.
    const before = rows.at(-2);
    // A method after the dashes of a row's right half (`0.07 - - - 随意契約（少額）`), that row's or,
    // past the next row's right half, the row before's: printed after the cells beside it.
    const methodSlot = SLOTS.findIndex((s) => s.field === 'contractMethod');
    // Only right after those cells: a method past a label (a note under the table) is not the row's.
    const adjacent = words[i - 1] !== undefined && w.token.index - words[i - 1]!.token.index <= 1;
    const lateFor = w.kind === 'method' && slot > methodSlot && adjacent ? (row.contractMethod === null ? row : before && rightRead.has(before) && before.contractMethod === null ? before : null) : null;
    if (lateFor) {
      setCell(lateFor, 'contractMethod', w);
      continue;
    }
    if (w.kind === 'method' && row.contractMethod !== null && before && !rightRead.has(before) && before.amount !== null) {
      for (const field of RIGHT_HALF) {
        (before as Record<string, unknown>)[field] = row[field];
        (row as Record<string, unknown>)[field] = null;
      }
      if (biddersRead.delete(row)) biddersRead.add(before);
      rightRead.add(before);
      setCell(row, 'contractMethod', w);
      slot = methodSlot + 1;
      continue;
    }
    const chunk = SLOTS[slot]?.field === 'bidders' ? biddersChunk(rows, words, i, biddersRead) : 0;
    if (chunk) {
      i += chunk - 1;
      slot++;
      continue;
    }
    while (slot < SLOTS.length && !SLOTS[slot]!.kinds.includes(w.kind)) slot++;
    if (slot >= SLOTS.length) continue;
    setCell(row, SLOTS[slot]!.field, w);
    if (SLOTS[slot]!.field === 'bidders') biddersRead.add(row);
    if ((RIGHT_HALF as readonly string[]).includes(SLOTS[slot]!.field)) rightRead.add(row);
    slot++;
  }
  return rows.length ? rows : null;
}

/** The cells right of the 支出額: what a row's right half brings. */
const RIGHT_HALF = ['contractMethod', 'bidders', 'winningBidRate', 'reason'] as const;

/** Longer texts are reasons or summaries, not a recipient's name. */
const MAX_NAME = 30;
const isNameLength = (w: Word) => [...fold(w.text)].length <= MAX_NAME && !/。$/.test(w.text);

/**
 * pdfminer may print the 入札者数 column of the rows so far after a row's method, as a chunk
 * (`… 362 随意契約（少額） 1 1 1`, then the next row): when the chunk's counts are as many as
 * the rows with a method and no count yet, this one included, and the table goes on with other
 * cells (a reason, the next row), they are those rows' in order.
 * Returns how many words it took (0 for none).
 */
function biddersChunk(rows: Recipient[], words: readonly Word[], at: number, read: Set<Recipient>): number {
  let end = at;
  while (end < words.length && (isCount(words[end]!) || words[end]!.kind === 'dash') && !opensRow(words, end, rows.length + 1)) end++;
  const lacking = rows.filter((r) => r.contractMethod !== null && !read.has(r));
  // A 落札率 column after it is the trailing columns' (withTrailingColumns), read together.
  const columnsGoOn = end >= words.length || words[end]!.kind === 'rate';
  const counts = words.slice(at, end).filter(isCount).length;
  if (end - at < 2 || !counts || lacking.length !== end - at || columnsGoOn) return 0;
  lacking.forEach((r, k) => {
    setCell(r, 'bidders', words[at + k]!);
    read.add(r);
  });
  return end - at;
}

/** A number of bidders: a whole number, no amount in the millions. */
const isCount = (w: Word) => w.kind === 'amount' && /^\d{1,3}$/.test(fold(w.text));

const DEBT_HEAD = /契約先|ﾌﾞﾛｯｸ|ブロック|契約額/;

/** The highest rank printed with its name in one box (`4 佐賀県…`): the table has at least that many rows. */
const highestNamedRank = (words: readonly Word[]) =>
  Math.max(0, ...words.map((w, i) => (words[i + 1]?.kind === 'text' && words[i + 1]!.token === w.token ? rankOf(w) ?? 0 : 0)));

/**
 * pdfminer may print rows up to their contract method one after another, then the 入札者数
 * column of every row, the 落札率 column and the 理由 column (`- 1 - 8 …`, `- - 63.3％ …`,
 * `- - …`): the rows read one by one took those as the last row's. When the words after the
 * last row's method are two or three columns' worth, of numbers, rates and dashes alone, and no
 * other row has a cell of them, they fill the columns row by row.
 */
function withTrailingColumns(rows: Recipient[] | null, words: readonly Word[]): Recipient[] | null {
  if (!rows || rows.length < 2) return rows;
  const n = rows.length;
  let from = words.length;
  while (from > 0 && ['amount', 'dash', 'rate'].includes(words[from - 1]!.kind)) from--;
  const tail = words.slice(from);
  const earlier = rows.slice(0, -1).some((r) => r.bidders !== null || r.winningBidRate !== null || r.reason !== null);
  if (earlier || (tail.length !== 2 * n && tail.length !== 3 * n) || words[from - 1]?.kind !== 'method') return rows;
  return rows.map((r, k) => {
    const row = { ...r, bidders: null, winningBidRate: null, reason: null };
    setCell(row, 'bidders', tail[k]!);
    setCell(row, 'winningBidRate', tail[n + k]!);
    return row;
  });
}

/**
 * pdftotext may print the first row's name before its rank, the heads' letters between
 * (`(株）ＩＨＩ 1 - Ｐ－１用エンジン 4,897`): the name goes after the rank.
 */
function nameBeforeFirstRank(words: Word[]): Word[] {
  const [name, rank, after] = words;
  if (!name || !rank || name.kind !== 'text' || !isNameLength(name) || !isRank(rank, 1) || !['dash', 'corporate'].includes(after?.kind ?? '')) return words;
  return [rank, name, ...words.slice(2)];
}

/**
 * pdftotext may print the first row's amount, method and the rest before the row's rank and
 * name (`33,393 随意契約（少額） 1 - … 1 岩手県 4000020030007 …`): they go back after that row's
 * summary, before the second row opens.
 */
function firstRowValuesInPlace(words: Word[]): Word[] {
  const first = words.findIndex((_, i) => opensRow(words, i, 1));
  if (first <= 0 || words[0]!.kind !== 'amount' || !words.slice(0, first).some((w) => w.kind === 'method')) return words;
  const second = words.findIndex((_, i) => i > first && opensRow(words, i, 2));
  const end = second < 0 ? words.length : second;
  return [...words.slice(first, end), ...words.slice(0, first), ...words.slice(end)];
}

/** Reads a table's words in order: text before a 法人番号 is a name, text after it a summary. */
function readRows(table: Table, summaries: Map<string, string>): Recipient[] {
  const words = firstRowValuesInPlace(nameBeforeFirstRank(table.tokens.flatMap(wordsOf)));
  const ranked = withTrailingColumns(readRankedRows(table.block, words), words);
  // Rows read one after another, each with its name and amount, need no other reading.
  // A rank past the last row read may be a later row's, printed after the cells (… 2 3): then
  // the chunk reading is tried too.
  const lateRank = ranked !== null && words.some((w) => rankOf(w) === ranked.length + 1);
  const complete = ranked !== null && ranked.every((r) => r.name !== null && r.amount !== null) && highestNamedRank(words) <= ranked.length && !lateRank;
  const chunked = complete ? null : readByChunks(table.block, words);
  if (chunked && (!ranked || filled(chunked) > filled(ranked))) return completeSummaries(withReasonsInOrder(withNamesAfterLegalForms(chunked, ranked), words), summaries);
  if (ranked && ranked.every((r) => r.name !== null)) return completeSummaries(withReasonsInOrder(ranked, words), summaries);
  const rows: Recipient[] = [];
  let row: Recipient | null = null;
  const valueQueue: Word[] = [];
  let pendingName: string | null = null;
  const newRow = () => {
    row = emptyRow(table.block, rows.length + 1);
    rows.push(row);
    return row;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (opensRow(words, i, rows.length + 1)) {
      pendingName = null;
      newRow();
      continue;
    }
    if (w.kind === 'corporate' || (w.kind === 'text' && next?.kind === 'corporate')) {
      if (w.kind === 'text') {
        pendingName = w.text;
        continue;
      }
      const r: Recipient = row && (row as Recipient).corporateNumber === null && ((row as Recipient).name === null || pendingName === null) ? row : newRow();
      r.name = pendingName ?? r.name;
      pendingName = null;
      r.corporateNumber = w.text;
      const after = words[i + 1];
      if (after?.kind === 'text') {
        r.summary = after.text;
        i++;
      }
      continue;
    }
    if (w.kind === 'text' && row && (row as Recipient).name === null && (row as Recipient).corporateNumber === null) {
      (row as Recipient).name = w.text;
      continue;
    }
    valueQueue.push(w);
  }
  fillValues(rows, valueQueue);
  return completeSummaries(withReasonsInOrder(rows, words), summaries);
}

/**
 * A name cut after its legal form (`(一社)`, `㈲`) that the row-by-row reading joined with the
 * text that goes on with it, printed rows later (`3 ㈲ 4 可茂森林組合 スキルアドバンス`): the
 * chunk reading, which reads other cells better, takes that rank's whole name.
 */
function withNamesAfterLegalForms(rows: Recipient[], ranked: readonly Recipient[] | null): Recipient[] {
  if (!ranked) return rows;
  return rows.map((r) => {
    const whole = r.name !== null && LEGAL_FORM.test(fold(r.name)) ? ranked.find((o) => o.rank === r.rank)?.name : null;
    return whole && whole.length > r.name!.length && whole.startsWith(r.name!) ? { ...r, name: whole } : r;
  });
}

/** A contract the 理由及び改善策 column is for: 10億円 or more, let without competition (随意契約). */
const owesReason = (r: Recipient) => r.amount !== null && r.amount >= REASON_FROM_AMOUNT && r.contractMethod !== null && /随意契約/.test(fold(r.contractMethod));

/**
 * pdfminer prints the 理由及び改善策 column as a run of texts after other rows' cells (`… 1 1 1
 * 在外選挙制度の… 社会経済情勢等を… - - -`), which row-by-row reading gives the row at hand:
 * when the table's texts that are no row's name, 業務概要 or method are as many as the rows the
 * column is for, they are those rows' reasons, in order, and no other row keeps one of them.
 */
function withReasonsInOrder(rows: Recipient[], words: readonly Word[]): Recipient[] {
  const cells = new Set(rows.flatMap((r) => [r.name, r.summary, r.contractMethod]));
  const reasons = words.filter((w) => w.kind === 'text' && !isNameLength(w) && !cells.has(w.text));
  const owing = rows.filter(owesReason);
  if (!reasons.length || reasons.length !== owing.length) return rows;
  const placed = new Set(reasons.map((w) => w.text));
  return rows.map((r) => ({ ...r, reason: owesReason(r) ? reasons[owing.indexOf(r)]!.text : r.reason !== null && placed.has(r.reason) ? null : r.reason }));
}

/** The stream text's tables read; of two cuttings into tables, the one that fills more cells. */
function readTables(whole: readonly Token[], summaries: Map<string, string>): Recipient[] {
  const { rest: scope, tuples } = setApartTuples(whole, (i) => blockBefore(whole, i), isLetterMark);
  const cut = tables(scope);
  // The cuttings share most of their tables: each table is read once.
  const readings = new Map<string, Recipient[]>();
  const readOnce = (t: Table) => {
    const key = `${t.block}:${t.tokens.map((x) => x.index).join(',')}`;
    let rows = readings.get(key);
    if (!rows) readings.set(key, (rows = readRows(t, summaries)));
    return rows;
  };
  const read = (c: Table[]) => c.flatMap(readOnce);
  const candidates = [cut.tables, cut.pieces, cut.byHeaders, surplusForward(cut.tables), surplusBackward(cut.tables), cut.byLetter && surplusBackward(cut.byLetter)].filter((c) => c !== null).map(read);
  // The letters' own cutting is read only for the blocks the others leave without a name.
  const letters = new Set(cut.byLetter?.map((t) => t.block));
  const best = fullest(candidates);
  if (cut.byLetter && [...letters].some((block) => !best.some((r) => r.block === block && (r.name !== null || r.corporateNumber !== null)))) candidates.push(read(cut.byLetter));
  return giveTuples(fullestByBlock(candidates), tuples);
}

/** The letter of the last block mark at or before scope position i. */
function blockBefore(scope: readonly Token[], i: number): string | null {
  for (let k = i; k >= 0; k--) if (isLetterMark(scope[k]!)) return letterOf(scope[k]!);
  return null;
}

/** A summary the table lost or clipped is completed from the recipient's fund-flow box. */
function completeSummaries(rows: Recipient[], summaries: Map<string, string>): Recipient[] {
  for (const r of rows) {
    const full = r.name ? summaries.get(fold(r.name)) : undefined;
    if (!full) continue;
    if (roleCompletes(r.summary, full)) r.summary = full;
  }
  return rows;
}

export function matchRecipients(ctx: MatchContext, fundFlow: FundFlow[]): { recipients: Recipient[]; debtContracts: Recipient[] } {
  const title = ctx.first('recipientsTitle');
  const debt = ctx.first('debtTitle');
  const summaries = new Map<string, string>();
  for (const f of fundFlow) if (f.name && f.role) summaries.set(fold(f.name), f.role);
  if (!title) {
    ctx.report('warning', 'missing-section', 'recipients', 'no 支出先上位１０者リスト was found');
    return { recipients: [], debtContracts: [] };
  }
  // The recipients end where the debt-contract table's own column heads begin (契約先,
  // ﾌﾞﾛｯｸ名): a stream extractor may print that table's title long before its body.
  const debtHead = debt ? ctx.find('recipientHeader').find((t) => t.index > debt.index && DEBT_HEAD.test(t.folded)) : undefined;
  const end = debt && debt.index > title.index ? (debtHead ?? debt).index : ctx.tokens.length;
  let recipients = ctx.isLayout
    ? readRecipientLines(ctx.sheet.lines, title.row + 1, debt && debt.row > title.row ? debt.row : ctx.sheet.lines.length + 1).flatMap((b) => b.rows)
    : readTables(ctx.tokens.slice(title.index, end), summaries);
  // Nothing read as a table: the rows the 法人番号 anchor, wherever the extractor put their cells.
  if (!ctx.isLayout && !recipients.some((r) => r.name || r.corporateNumber)) {
    recipients = readByCorporateNumbers(ctx.tokens.slice(title.index), fundFlow);
    if (recipients.length) ctx.report('info', 'recipients-anchored', 'recipients', `the 支出先 table could not be read as a table; ${recipients.length} rows were read from their 法人番号 and given the blocks of the fund-flow boxes with their amounts`);
  }
  const debtContracts = debt ? readDebt(ctx, debt) : [];
  recipients = relabelByFundFlow(namesByCorporateNumber(recipients), fundFlow);
  return { recipients: recipients.map((r, k) => withRateInScope(ctx, withReasonInScope(ctx, r, k), k)), debtContracts };
}

/** 落札率 is a bid's: only a contract let by tender (入札, 競争契約, 落札方式) has one. */
const BY_TENDER = /入札|競争契約|落札/;

/** A rate read beside a contract known not to be let by tender is another cell's number; kept in a diagnostic. */
function withRateInScope(ctx: MatchContext, row: Recipient, k: number): Recipient {
  if (row.winningBidRate === null || row.contractMethod === null || BY_TENDER.test(fold(row.contractMethod))) return row;
  ctx.report('info', 'rate-out-of-scope', `recipients[${k}].winningBidRate`, `block ${row.block ?? '?'} rank ${row.rank}: ${row.winningBidRate}% was read as its 落札率, but its contract (${row.contractMethod}) was not let by tender; it is left out`);
  return { ...row, winningBidRate: null };
}

/** The 理由及び改善策 column is for 支出額10億円以上 only (its head says so): 1,000 百万円. */
const REASON_FROM_AMOUNT = 1000;

/** A reason read for a row the column is not for is another cell's text; it is kept in a diagnostic. */
function withReasonInScope(ctx: MatchContext, row: Recipient, k: number): Recipient {
  if (row.reason === null || row.amount === null || row.amount >= REASON_FROM_AMOUNT) return row;
  ctx.report('info', 'reason-out-of-scope', `recipients[${k}].reason`, `block ${row.block ?? '?'} rank ${row.rank}: "${row.reason}" was read as its 理由及び改善策, which the template asks only of amounts of 10億円 or more; it is left out`);
  return { ...row, reason: null };
}

/** A row that opens with its block letter, then its rank (`A 1 日本電気（株）`, or `A 1` on a line of its own): indent, letter, rank. */
const OPENED_ROW = /^(\s*)([A-ZＡ-Ｚ])(?=\s+(\d{1,2})(?:\s+\S|\s*$))/;

/** The debt-contract table names its block in a column of its own (ﾌﾞﾛｯｸ名); a dash row is empty. */
function readDebt(ctx: MatchContext, title: Token): Recipient[] {
  const lines = ctx.sheet.lines.slice(title.row);
  // Layout text is read line by line like the 支出先 table, the block column set aside.
  const rows = ctx.isLayout
    ? readRecipientLines(ctx.sheet.lines.map((l, i) => (i >= title.row ? l.replace(OPENED_ROW, (_, lead: string, letter: string) => lead + ' '.repeat(letter.length)) : l)), title.row + 1, ctx.sheet.lines.length + 1).flatMap((b) => b.rows)
    : readTables(ctx.tokens.slice(title.index), new Map());
  // A row opens with its block and rank (`A 1 日本電気（株）`): rows still without a block take
  // those letters, rank by rank, in order.
  const opened = lines.map((l) => OPENED_ROW.exec(l)).filter((m) => m !== null).map((m) => ({ block: m[2]!.normalize('NFKC'), rank: Number(m[3]) }));
  for (const row of rows) {
    if (row.block !== null) continue;
    const at = opened.findIndex((o) => o.rank === row.rank);
    if (at >= 0) row.block = opened.splice(at, 1)[0]!.block;
  }
  return rows.filter((r) => r.name !== null || r.corporateNumber !== null);
}
