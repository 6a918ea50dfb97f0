// A recipient table that pdfminer printed in chunks: a column's cells for several rows stacked
// in one box (every 法人番号 dash, say), then a row's cells side by side (業務概要, amount,
// method), then columns again. The rows are known from their ranks; the other words are
// placed by a search over the staircases such chunks fill (fill, below).
import type { Recipient } from '../assemble/schema.js';
import { emptyRow, isRank, rankOf, setCell, SLOTS, type Word } from './recipient-cells.js';
import { parseNumber } from '../tokenize/values.js';
import { beamSearch, type Offer } from './beam.js';

/**
 * The slots after the name, whose cells the chunks fill (the name comes with the rank). A
 * method is taken only from the method vocabulary here: free text starts a 業務概要.
 */
const COLUMNS = SLOTS.slice(1).map((s) => (s.field === 'contractMethod' ? { ...s, kinds: s.kinds.filter((k) => k !== 'text') } : s));

export function readByChunks(block: string | null, words: readonly Word[]): Recipient[] | null {
  const rows: Recipient[] = [];
  const rest: Word[] = [];
  // Per row, how many of the other words were printed before its rank and name (fill, below).
  const namedAfter: number[] = [];
  // Ranks printed alone in a run (1 2 3): the rows are known, their names come as a column.
  let bare = 0;
  while (bare < words.length && isRank(words[bare]!, bare + 1)) bare++;
  // Unless the names follow the ranks at once (1 2 3 4 and four names): read below, run by run.
  const namedAtOnce = words.length >= 2 * bare && words.slice(bare, 2 * bare).every((w) => w.kind === 'text');
  if (bare >= 2 && !namedAtOnce) {
    for (let r = 0; r < bare; r++) rows.push(emptyRow(block, r + 1));
    return fillWithLateRun(rows, words.slice(bare), [SLOTS[0]!, ...COLUMNS]);
  }
  const shuffled = namedOutOfOrder(block, words);
  if (shuffled) return fillWithLateRun(shuffled.rows, shuffled.rest, COLUMNS);
  for (let i = 0; i < words.length; i++) {
    // Ranks, each with its name after it, or a few ranks together (6 7) and then their names,
    // which pdfminer may print among their 法人番号 (name, number, name, name, number, number).
    let j = i;
    while (j < words.length && isRank(words[j]!, rows.length + 1 + (j - i))) j++;
    const names: Word[] = [];
    const numbers: Word[] = [];
    let k = j;
    for (; k < words.length && names.length < j - i; k++) {
      const w = words[k]!;
      if (w.kind === 'text') names.push(w);
      else if (w.kind === 'corporate' && j - i >= 2) numbers.push(w);
      else break;
    }
    if (j > i && names.length === j - i) {
      for (const n of names) {
        rows.push(namedRow(block, rows.length + 1, n.text));
        namedAfter.push(rest.length);
      }
      rest.push(...numbers);
      i = k - 1;
      continue;
    }
    const gapped = gappedRun(words, i, rows.length + 1);
    if (gapped) {
      for (const [rank, name] of [...gapped.names].sort((a, b) => a[0] - b[0])) rows.push(namedRow(block, rank, name));
      rest.push(...gapped.between);
      i = gapped.end - 1;
    } else rest.push(words[i]!);
  }
  if (!rows.length) return null;
  const late = lateRanks(rows.length + 1, rest);
  if (!late) return fillWithLateRun(rows, rest, COLUMNS, rows.length === namedAfter.length ? namedAfter : undefined);
  for (const name of late.names) rows.push(namedRow(block, rows.length + 1, name));
  return fillWithLateRun(rows, late.rest, COLUMNS);
}

const namedRow = (block: string | null, rank: number, name: string): Recipient => ({ ...emptyRow(block, rank), name });

/**
 * The ranks of the last rows printed together after the table's cells (`… 179 随意契約（その他）
 * 3 4 5`), their rows left without: the texts just before a 法人番号 that no row took are those
 * rows' names, in order, when as many as the ranks; or, when the 法人番号 are dashes, the texts
 * printed together just before the ranks (`三菱… NTT… 朝日… 3 4 5`), as many as they. Null
 * unless two or more such ranks.
 */
function lateRanks(next: number, words: readonly Word[]): { names: string[]; rest: Word[] } | null {
  const at = words.findIndex((w) => rankOf(w) === next);
  let end = at;
  while (end >= 0 && end < words.length && rankOf(words[end]!) === next + (end - at)) end++;
  const count = end - at;
  if (at < 0 || count < 2) return null;
  const beforeNumbers = words.slice(0, at).flatMap((w, i) => (w.kind === 'text' && words[i + 1]?.kind === 'corporate' ? [i] : []));
  const justBefore = Array.from({ length: count }, (_, k) => at - count + k);
  const together = at >= count && justBefore.every((i) => words[i]!.kind === 'text') && words[at - count - 1]?.kind !== 'text';
  const names = beforeNumbers.length === count ? beforeNumbers : together ? justBefore : null;
  if (!names) return null;
  const taken = new Set([...names, ...Array.from({ length: end - at }, (_, k) => at + k)]);
  return { names: names.map((i) => words[i]!.text), rest: words.filter((_, i) => !taken.has(i)) };
}

/**
 * Every rank from 1 printed once with its name after it (`7 雫石町`), but not in order (`… 5 横手市
 * 7 雫石町 … 10 横浜市 6 豊後大野市`): the rows are those names in rank order, the other words
 * their cells.
 */
function namedOutOfOrder(block: string | null, words: readonly Word[]): { rows: Recipient[]; rest: Word[] } | null {
  const named = words.flatMap((w, i) => {
    const rank = rankOf(w);
    const name = words[i + 1];
    return rank !== null && name?.kind === 'text' ? [{ rank, at: i }] : [];
  });
  const ranks = named.map((n) => n.rank);
  const inOrder = ranks.every((r, k) => k === 0 || r > ranks[k - 1]!);
  if (named.length < 2 || inOrder || [...ranks].sort((a, b) => a - b).some((r, k) => r !== k + 1)) return null;
  const taken = new Set(named.flatMap((n) => [n.at, n.at + 1]));
  const rows = [...named].sort((a, b) => a.rank - b.rank).map((n) => namedRow(block, n.rank, words[n.at + 1]!.text));
  return { rows, rest: words.filter((_, i) => !taken.has(i)) };
}

/**
 * Ranks together with one missing (`4 5 6 8 9`), whose row pdfminer printed with its name later
 * (`7 ハタノ綜合印刷（株）`): the names that follow, each just before its 法人番号, are the
 * run's in order, the missing ranks' rows coming with their own. The other words between (法人番号,
 * 業務概要, amounts) stay in order for the columns. Null unless every rank from `next` on gets
 * its name.
 */
function gappedRun(words: readonly Word[], start: number, next: number): { names: Map<number, string>; between: Word[]; end: number } | null {
  const run: number[] = [];
  let at = start;
  for (let rank = rankOf(words[at]!); rank !== null && rank > (run.at(-1) ?? next - 1); rank = rankOf(words[at]!)) {
    run.push(rank);
    at++;
    if (at >= words.length) return null;
  }
  const missing = new Set(Array.from({ length: run.at(-1)! - next + 1 }, (_, k) => next + k).filter((r) => !run.includes(r)));
  if (run.length < 2 || run[0] !== next || !missing.size) return null;
  const names = new Map<number, string>();
  const between: Word[] = [];
  let named = 0;
  for (; at < words.length && named < run.length; at++) {
    const w = words[at]!;
    const rank = rankOf(w);
    if (rank !== null && missing.has(rank) && words[at + 1]?.kind === 'text') {
      names.set(rank, words[++at]!.text);
      missing.delete(rank);
    } else if (w.kind === 'text' && words[at + 1]?.kind === 'corporate') names.set(run[named++]!, w.text);
    else between.push(w);
  }
  return named === run.length && !missing.size ? { names, between, end: at } : null;
}

/** The value cells of rows already named (支出額 onwards), placed as the chunks fill them. */
export function fillValues(rows: Recipient[], words: readonly Word[]): Recipient[] {
  return fill(rows, words, COLUMNS.slice(COLUMNS.findIndex((c) => c.field === 'amount')));
}

/**
 * Rows read by their 法人番号 with the values after them: pdfminer may print a 支出額 and its
 * 契約方式 on their row's line (`18 随意契約（その他）` after the row's 業務概要) for some rows,
 * the other columns as runs, and the other rows' 支出額 and 契約方式 last, after every other
 * column (`20 19 19 18 総合評価入札 …`). Each row's own pair stays its row's, the trailing run
 * fills the rows left without, in order, and the middle the columns after them. `rowOf` gives
 * the row each value was printed in. Null unless the trailing run's amounts are as many as
 * the rows left without one and the list stays sorted by 支出額, largest first.
 */
export function fillValuesWithOwnPairs(rows: Recipient[], printed: readonly Word[], rowOf: readonly number[]): Recipient[] | null {
  const words = withoutLateRanks(printed);
  let at = words.length;
  while (at > 0 && (words[at - 1]!.kind === 'amount' || words[at - 1]!.kind === 'method')) at--;
  const late = words.slice(at);
  const own = new Map<number, [Word, Word]>();
  for (let i = 0; i + 1 < at; i++) {
    const r = rowOf[i]!;
    if (words[i]!.kind === 'amount' && words[i + 1]!.kind === 'method' && rowOf[i + 1] === r && r >= 0 && !own.has(r) && (i === 0 || rowOf[i - 1] !== r)) own.set(r, [words[i]!, words[i + 1]!]);
  }
  const open = rows.filter((_, r) => !own.has(r));
  const lateAmounts = late.filter((w) => w.kind === 'amount').length;
  if (!own.size || !open.length || lateAmounts !== open.length) return null;
  const ownWords = new Set([...own.values()].flat());
  const read = rows.map((r) => ({ ...r }));
  own.forEach(([amount, method], r) => {
    setCell(read[r]!, 'amount', amount);
    setCell(read[r]!, 'contractMethod', method);
  });
  const lateColumns = COLUMNS.filter((c) => c.field === 'amount' || c.field === 'contractMethod');
  const after = COLUMNS.slice(COLUMNS.findIndex((c) => c.field === 'contractMethod') + 1);
  fill(read, words.slice(0, at).filter((w) => !ownWords.has(w)), after);
  const filledLate = fill(read.filter((_, r) => !own.has(r)), late, lateColumns);
  if (filledLate.some((r) => r.amount === null)) return null;
  const listed = read.map((r) => r.amount);
  return listed.every((a, i) => a !== null && (i === 0 || a <= listed[i - 1]!)) ? read : null;
}

/** The words without the ranks pdfminer may print last, together, rising from 1 (`1 2 3 4 5 7 8 9`): no values. */
function withoutLateRanks(printed: readonly Word[]): readonly Word[] {
  let end = printed.length;
  while (end > 0 && rankOf(printed[end - 1]!) !== null && (end === printed.length || rankOf(printed[end - 1]!)! < rankOf(printed[end]!)!)) end--;
  return end < printed.length && rankOf(printed[end]!) === 1 ? printed.slice(0, end) : printed;
}

type Column = { field: keyof Recipient; kinds: readonly string[] };

/**
 * pdfminer may print the 支出額 and 契約方式 of a table's last rows after every other column,
 * reasons' dashes included (`… - - - 0.2 一般競争入札 0.1 0.1 0 0 一般競争入札 …`): the table's
 * trailing run of amounts and methods. Then the other words are read with the 入札者数 not
 * waiting for those cells, and the run fills, as its own staircase, the rows left without both,
 * when as many as its amounts and the list stays sorted by 支出額, largest first.
 */
function fillWithLateRun(rows: Recipient[], words: readonly Word[], columns: readonly Column[], namedAfter?: readonly number[]): Recipient[] {
  let at = words.length;
  while (at > 0 && (words[at - 1]!.kind === 'amount' || words[at - 1]!.kind === 'method')) at--;
  const late = words.slice(at);
  const amounts = late.filter((w) => w.kind === 'amount').length;
  const lateColumns = columns.filter((c) => c.field === 'amount' || c.field === 'contractMethod');
  if (amounts >= 2 && lateColumns.length === 2) {
    const read = fill(rows.map((r) => ({ ...r })), words.slice(0, at), columns, true, namedAfter);
    const open = read.filter((r) => r.amount === null && r.contractMethod === null);
    if (open.length === amounts) {
      fill(open, late, lateColumns);
      const listed = read.flatMap((r) => (r.amount === null ? [] : [r.amount]));
      if (listed.every((a, i) => i === 0 || a <= listed[i - 1]!)) return read;
    }
  }
  return fill(rows, words, columns, false, namedAfter);
}

interface Placed {
  row: number;
  col: number;
  word: Word;
  before: Placed | null;
}

interface GridPath {
  cost: number;
  /** Per column, how many of its cells (top down) are filled, one character each (a cheap state key); no more than the column it waits for (the one left of it) but for an early 支出額. */
  heights: string;
  /** The heights as one number, in base rows + 1. */
  stair: number;
  /** The amount of the last row whose 支出額 was read: the list is sorted by it, largest first. */
  lastAmount: number | null;
  placed: Placed | null;
}

/** Starting a new chunk: a few, but not one for every word. */
const JUMP = 1;
const SKIP = 3;
/** Text in the method column, or a bare number in the rate column: allowed, but the plainer reading wins. */
const LOOSE_KIND = 0.5;
/** A 入札者数 that is not a small count. */
const IMPLAUSIBLE = 2;
/** A 支出額 larger than the row above it: the list is sorted by 支出額, but not every sheet keeps to it. */
const UNSORTED = 1;
const WIDTH = 40;
/**
 * A cell printed before its row's rank and name: a table split over two pages prints the first
 * page's columns whole before the second page's names, and rows named later rarely take cells
 * printed earlier, but pdfminer may box a column that runs past them (every row's dash): a new
 * chunk's price, not a rule.
 */
const BEFORE_NAME = 1;
/** A 支出額 placed before its row's 業務概要: dearer than a new chunk, cheaper than a skipped word. */
const EARLY_AMOUNT = 2;

/**
 * Places each word in the grid of rows × columns. Whatever chunks pdfminer prints (a column's
 * cells for some rows, a row's cells across some columns), a cell is filled only after the
 * cell left of it and the cell above it, so the filled cells always form a staircase (a 支出額
 * may come before its row's 業務概要, at a cost). Of the staircases the words allow, the
 * reading with the fewest new chunks wins, where the list's own order (支出額 largest first)
 * and kinds agree.
 */
function fill(rows: Recipient[], words: readonly Word[], columns: readonly Column[], biddersFirst = false, namedAfter?: readonly number[]): Recipient[] {
  const n = rows.length;
  const position = namedAfter ? new Map(words.map((w, i) => [w, i])) : null;
  // With the amounts and methods printed last, a row's 入札者数 waits only for its 業務概要.
  const waitsFor = columns.map((c, col) => (biddersFirst && c.field === 'bidders' ? columns.findIndex((x) => x.field === 'summary') : col - 1));
  // Each word's number and cost in each column, worked out once rather than once per path.
  const amounts = new Map(words.map((w) => [w, w.kind === 'amount' ? parseNumber(w.text) : null]));
  const kindCosts = new Map(words.map((w) => [w, columns.map((c) => kindCost(c, w))]));
  // A state's key as one number (staircase, last cell, last amount): a map keyed by numbers is
  // much cheaper than one keyed by fresh strings, and the search makes millions of offers.
  const powers = columns.map((_, col) => (n + 1) ** col);
  const cells = n * columns.length + 1;
  const amountIds = new Map<number | null, number>([[null, 0]]);
  for (const a of amounts.values()) if (!amountIds.has(a)) amountIds.set(a, amountIds.size);
  const numeric = (n + 1) ** columns.length * cells * amountIds.size < Number.MAX_SAFE_INTEGER;
  // The last cell filled (the newest placement's; a skipped word places nothing) as a number.
  const cellOf = (row: number, col: number) => row * columns.length + col + 1;
  const keyOf = (stair: number, at: number, lastAmount: number | null) =>
    numeric ? (stair * cells + at) * amountIds.size + amountIds.get(lastAmount)! : `${stair}|${at}|${lastAmount}`;
  const expand = (path: GridPath, word: Word, offer: Offer<GridPath>) => {
    const height = (col: number) => path.heights.charCodeAt(col);
    const last = path.placed;
    offer(path.cost + SKIP, keyOf(path.stair, last ? cellOf(last.row, last.col) : 0, path.lastAmount), () => ({ ...path, cost: path.cost + SKIP }));
    columns.forEach((column, col) => {
      const row = height(col);
      // A 支出額 printed before its row's 業務概要 (pdfminer may box a row's right half first): allowed, at a cost.
      const early = column.field === 'amount' && waitsFor[col]! >= 0 && height(waitsFor[col]!) <= row;
      if (row >= n || (!early && waitsFor[col]! >= 0 && height(waitsFor[col]!) <= row) || !column.kinds.includes(word.kind)) return;
      const continues = last !== null && ((last.col === col && last.row === row - 1) || (last.row === row && last.col === col - 1));
      const amount = column.field === 'amount' ? amounts.get(word)! : null;
      const cost = path.cost + (continues ? 0 : JUMP) + (early ? EARLY_AMOUNT : 0) + kindCosts.get(word)![col]! + (namedAfter && position!.get(word)! < namedAfter[row]! ? BEFORE_NAME : 0) + (amount !== null && path.lastAmount !== null && amount > path.lastAmount ? UNSORTED : 0);
      const stair = path.stair + powers[col]!;
      const lastAmount = amount ?? path.lastAmount;
      offer(cost, keyOf(stair, cellOf(row, col), lastAmount), () => ({
        cost, heights: path.heights.slice(0, col) + String.fromCharCode(row + 1) + path.heights.slice(col + 1), stair, lastAmount, placed: { row, col, word, before: path.placed },
      }));
    });
  };
  const start: GridPath = { cost: 0, heights: String.fromCharCode(...columns.map(() => 0)), stair: 0, lastAmount: null, placed: null };
  const ends = beamSearch(words, start, expand, WIDTH);
  const best = ends.sort((a, b) => a.cost - b.cost)[0];
  for (let p = best?.placed ?? null; p; p = p.before) setCell(rows[p.row]!, columns[p.col]!.field, p.word);
  return rows;
}

function kindCost(column: Column, word: Word): number {
  if (column.field === 'contractMethod' && word.kind === 'text') return LOOSE_KIND;
  if (column.field === 'winningBidRate' && word.kind === 'amount') return LOOSE_KIND;
  if (column.field === 'bidders' && word.kind === 'amount') {
    const n = parseNumber(word.text);
    return n === null || !Number.isInteger(n) || n > 999 ? IMPLAUSIBLE : 0;
  }
  return 0;
}
