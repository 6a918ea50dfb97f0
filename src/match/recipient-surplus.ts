// pdfminer can print the cells of the blocks whose names it printed later right after an earlier
// block's rows: `B. 1 大和印刷 … 0.5 随意契約（少額） - - 謝金 0.08 … 謝金 謝金 0.04 … 旅費 旅費 0.07
// 0.06 …`, then `C. 1 個人S 2 個人K 3 個人H`, `D. 1 個人K 2 個人S`. The earlier table holds more
// texts than its rows have names and 業務概要; the surplus goes to the tables of names alone that
// follow it, as many 業務概要 to each as it has rows.
// Or the other way round: `J. 1 個人A - 相談 2 … 2 個人B … 10 個人J`, `K. 1 個人A … 5 個人E`, `L. 1
// 個人A 2 個人B`, then J's last nine rows' cells, K's, and L's own: a table whose cells come after
// its names holds the cells of the rows left without any in the tables just before it, in order.
import type { Token } from '../tokenize/labels.js';
import type { Table } from './recipient-pieces.js';
import { isDashToken, opensRow, rankOf, wordsOf, type Word } from './recipient-cells.js';

/** A table's rows: the ranks 1, 2, … its words hold in order, each opening its row with a name or 法人番号. */
function rowCount(tokens: readonly Token[]): number {
  const words = tokens.flatMap(wordsOf);
  let rows = 0;
  words.forEach((_, i) => { if (opensRow(words, i, rows + 1)) rows++; });
  return rows;
}

/** A table of ranks and names only. */
const namesOnly = (t: Table) => t.tokens.length > 0 && t.tokens.flatMap(wordsOf).every((w) => w.kind === 'text' || rankOf(w) !== null);

/**
 * Whether each word opens a 業務概要 or other text cell: a text right after the text that follows
 * a 法人番号 goes on with it (a wrapped 業務概要: `2000020350001 …必要な指 導等の事務 3.4`); texts
 * in a column (`総合労働相談の実施` nine times after the dashes) are a cell each.
 */
function opensTextCell(words: readonly Word[]): boolean[] {
  return words.map((w, i) => w.kind === 'text' && !(words[i - 1]?.kind === 'text' && words[i - 2]?.kind === 'corporate'));
}

/** The index of the token holding the n-th text cell (from 1), or the tokens' length. */
function nthTextCell(tokens: readonly Token[], n: number): number {
  const owners = tokens.flatMap((t, i) => wordsOf(t).map(() => i));
  const opens = opensTextCell(tokens.flatMap(wordsOf));
  let seen = 0;
  for (let k = 0; k < opens.length; k++) if (opens[k] && ++seen === n) return owners[k]!;
  return tokens.length;
}

const textCells = (tokens: readonly Token[]) => opensTextCell(tokens.flatMap(wordsOf)).filter(Boolean).length;

const isCorporateToken = (t: Token) => wordsOf(t).every((w) => w.kind === 'corporate');

/**
 * The dashes right before a table's first 業務概要 are its 法人番号 column (`- - - 謝金 …`), as
 * many as its rows, when at least as many stand there: how many to take with it.
 */
function ownNumbers(tokens: readonly Token[], at: number, rows: number): number {
  let dashes = 0;
  while (dashes < at && isDashToken(tokens[at - dashes - 1]!)) dashes++;
  return dashes >= rows ? rows : 0;
}

/** The tables with each table's surplus given to the tables of names alone after it; null when none has any. */
export function surplusForward(tables: readonly Table[]): Table[] | null {
  const out = tables.map((t) => ({ ...t, tokens: [...t.tokens] }));
  let moved = false;
  out.forEach((table, k) => {
    const followers: Table[] = [];
    for (let j = k + 1; j < out.length && namesOnly(out[j]!); j++) followers.push(out[j]!);
    if (!followers.length || namesOnly(table)) return;
    // A row's name and 業務概要 are its two texts; the next text opens the surplus.
    const cut = nthTextCell(table.tokens, 2 * rowCount(table.tokens) + 1);
    if (cut >= table.tokens.length) return;
    moved = true;
    let source = table.tokens;
    let from = cut;
    followers.forEach((f, i) => {
      const rows = rowCount(f.tokens);
      const start = from - ownNumbers(source, from, rows);
      const taken = source.splice(start);
      const end = i === followers.length - 1 ? taken.length : nthTextCell(taken, rows + 1);
      f.tokens.push(...taken.slice(0, end));
      source = f.tokens;
      from = source.length;
      source.push(...taken.slice(end));
    });
  });
  return moved ? out : null;
}

/** How many rows end a table with their names alone (`… 2 個人B 3 個人C`): none once a value follows. */
function trailingNamedRows(tokens: readonly Token[]): number {
  const words = tokens.flatMap(wordsOf);
  const lastValue = words.findLastIndex((w) => w.kind !== 'text' && rankOf(w) === null);
  return words.slice(lastValue + 1).filter((w, i, rest) => rankOf(w) !== null && rest[i + 1]?.kind === 'text').length;
}

/** Where a table's leading ranks and names end. */
const namesEnd = (tokens: readonly Token[]) => {
  const at = tokens.findIndex((t) => !wordsOf(t).every((w) => w.kind === 'text' || rankOf(w) !== null));
  return at < 0 ? tokens.length : at;
};

/** The tables with the rows left without cells given theirs from the next table that holds them; null when none is. */
export function surplusBackward(tables: readonly Table[]): Table[] | null {
  const out = tables.map((t) => ({ ...t, tokens: [...t.tokens] }));
  let moved = false;
  out.forEach((table, k) => {
    const lacking: Array<{ table: Table; rows: number }> = [];
    for (let j = k - 1; j >= 0; j--) {
      const rows = trailingNamedRows(out[j]!.tokens);
      if (!rows) break;
      lacking.unshift({ table: out[j]!, rows });
    }
    const from = namesEnd(table.tokens);
    const own = rowCount(table.tokens.slice(0, from));
    const texts = (tokens: readonly Token[]) => tokens.flatMap(wordsOf).filter((w) => w.kind === 'text').length;
    // The table's own rows are named before its cells (bare ranks take their names from elsewhere,
    // and so may the cells after them), and the cells hold a 業務概要 for every row owed and its own.
    // Of the tables before it, those nearest: the farther may have their cells in the tables between.
    const cells = textCells(table.tokens.slice(from));
    while (lacking.length && cells < lacking.reduce((n, l) => n + l.rows, own)) lacking.shift();
    const named = texts(table.tokens.slice(0, from));
    if (!lacking.length || !own || named < own) return;
    moved = true;
    let rest = table.tokens.splice(from);
    lacking.forEach(({ table: before, rows }, i) => {
      // The next table's 法人番号 dashes stand before its first 業務概要 and go with it, as does
      // the 法人番号 of its first row printed row by row.
      const next = lacking[i + 1]?.rows ?? own;
      const first = nthTextCell(rest, rows + 1);
      const end = first - (ownNumbers(rest, first, next) || (first > 0 && isCorporateToken(rest[first - 1]!) ? 1 : 0));
      before.tokens.push(...rest.slice(0, end));
      rest = rest.slice(end);
    });
    table.tokens.push(...rest);
  });
  return moved ? out : null;
}
