// pdftotext can print the right half of a block's rows (契約方式, 入札者数, 落札率, 理由) under a
// group of that half's own column heads, and print several blocks' right halves in a row inside
// an earlier block's table (0019: B's rows, then `契約方式 … その他 - - -`, `契約方式 … 総合評価入札
// 5 82.5％ -` for C and D). Each such tuple is set apart before the tables are read; afterwards
// it fills the first row, of its own block or a later one, whose cells it brings are still empty
// (several under one group of heads: rows in turn).
import type { Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { RECIPIENT_RIGHT_HEADS } from '../tokenize/vocabulary.js';
import { headerGroups, RIGHT_HALF, setCell, wordsOf, type Kind, type Word } from './recipient-cells.js';

export interface ApartTuple {
  /** The block whose table the tuple was printed in: it fills rows of that block or later ones. */
  block: string | null;
  /** Printed after rows of its block's table, under heads of its own: it fills later blocks' rows. */
  afterRows: boolean;
  /** The tuple printed just before it under the same heads, whose row's next row it fills. */
  follows: ApartTuple | null;
  /** The cells the words fill, left to right: from the method on, or from the bidders on when the heads start there. */
  fields: ReadonlyArray<keyof Recipient>;
  words: Word[];
}

/** One of the right half's heads (契約方式 … 理由及び改善策); a group of heads may end with some of them. */
const isRightHead = (t: Token) => RECIPIENT_RIGHT_HEADS.some((h) => fold(t.text).startsWith(h));
const [METHOD_HEAD, BIDDERS_HEAD] = RECIPIENT_RIGHT_HEADS;

/**
 * Which of the right half's cells the cells after a group of heads start at: the group's last
 * heads are the right half's, from 契約方式 (0) or from 入札者数 (1); null when they are not.
 */
function firstFieldAfter(group: readonly Token[]): number | null {
  let tail = group.length;
  while (tail > 0 && isRightHead(group[tail - 1]!)) tail--;
  const heads = group.slice(tail).map((t) => fold(t.text));
  if (heads.some((h) => h.startsWith(METHOD_HEAD))) return 0;
  return heads.some((h) => h.startsWith(BIDDERS_HEAD)) ? 1 : null;
}

/** The right half's cells, and what each may hold: the method, then bidders, rate and reason, each possibly a dash. */
const FIELDS = RIGHT_HALF;
const PLACES: Kind[][] = [['method', 'dash'], ['amount', 'dash'], ['rate', 'amount', 'dash'], ['dash', 'text']];

const fitsFrom = (first: number, words: readonly Word[]) =>
  words.length > 0 && words.length <= PLACES.length - first && words.every((w, k) => PLACES[first + k]!.includes(w.kind));

/**
 * The cells up to the next label that make a tuple: they fit the right half's places (after a
 * 支出額 glued to the method, `2 随意契約（企画競争）`, as pdftotext prints a row's amount with
 * it), and whatever follows them is dashes only (another row's empty cells, left in place) or,
 * for a whole right half, the next row's right half, which opens with its method.
 */
function fittingCells(first: number, cells: readonly Token[]): { cells: Token[]; glued: boolean; more: boolean } | null {
  for (let n = Math.min(cells.length, PLACES.length - first); n > 0; n--) {
    const words = cells.slice(0, n).flatMap(wordsOf);
    const glued = words[0]?.kind === 'amount' && words[1]?.kind === 'method' && words[0].token === words[1].token;
    if (!fitsFrom(first, glued ? words.slice(1) : words)) continue;
    const after = cells.slice(n).flatMap(wordsOf);
    const more = first === 0 && !glued && after[0]?.kind === 'method' && after[0].token !== words.at(-1)?.token;
    if (!more && !after.every((w) => w.kind === 'dash')) return null;
    return { cells: cells.slice(0, n), glued, more };
  }
  return null;
}

/**
 * A lone method printed after its block's rows that no later block's first row takes: the one
 * row of its block whose method is missing beside the bidders or rate it has (a row's method
 * printed late, under heads of its own).
 */
function lackingMethod(rows: readonly Recipient[], tuple: ApartTuple): Recipient | undefined {
  if (!tuple.afterRows || tuple.words.length !== 1 || tuple.fields[0] !== 'contractMethod') return undefined;
  const lacking = rows.filter((r) => r.block === tuple.block && r.contractMethod === null && (r.bidders !== null || r.winningBidRate !== null));
  return lacking.length === 1 ? lacking[0] : undefined;
}

/** The tuples the cells after a group of heads make, one after another; none unless all of them fit. */
function fittingChain(first: number, cells: readonly Token[]): Array<{ cells: Token[]; glued: boolean }> {
  const chain: Array<{ cells: Token[]; glued: boolean }> = [];
  let at = 0;
  for (;;) {
    const fit = fittingCells(first, cells.slice(at));
    if (!fit) return [];
    chain.push(fit);
    if (!fit.more) return chain;
    at += fit.cells.length;
  }
}

/**
 * The scope without the tuples printed apart, and those tuples. `blockAt(i)` names the block
 * whose table holds scope position i; `isLetter` tells a block letter, which ends a tuple as a label does.
 */
export function setApartTuples(scope: readonly Token[], blockAt: (i: number) => string | null, isLetter: (t: Token) => boolean): { rest: Token[]; tuples: ApartTuple[] } {
  const ends = (t: Token) => t.labels.length > 0 || isLetter(t);
  const apart = new Set<Token>();
  const tuples: ApartTuple[] = [];
  const groups = headerGroups(scope);
  const holdsMethod = scope.map((t) => wordsOf(t).some((w) => w.kind === 'method'));
  for (const [g, { start, body }] of groups.entries()) {
    const first = firstFieldAfter(scope.slice(start, body));
    if (first === null) continue;
    let stop = body;
    while (stop < scope.length && !ends(scope[stop]!)) stop++;
    const block = blockAt(start);
    // Rows of the block, with their contract methods, came before these heads, which head a
    // whole right half (from 契約方式 on; a row's own cells may stand between its heads).
    // The block's first group of heads spans all its later ones' cells.
    const opening = groups.slice(0, g).find((earlier) => blockAt(earlier.start) === block);
    // Heads from 入札者数 on: after rows that printed their own bidders beside their methods.
    const rowHalf = (i: number) => holdsMethod[i]! && !apart.has(scope[i]!) && (first === 0 || wordsOf(scope[i + 1]!).some((w) => w.kind === 'amount' || w.kind === 'dash'));
    const afterRows = opening !== undefined && scope.slice(opening.body, start).some((_, k) => rowHalf(opening.body + k));
    // Several rows' right halves may follow one group of heads, each opening with its method.
    const chain = fittingChain(first, scope.slice(body, stop));
    let follows: ApartTuple | null = null;
    for (const fit of chain) {
      fit.cells.forEach((t) => apart.add(t));
      const tuple: ApartTuple = { block, afterRows, follows, fields: fit.glued ? ['amount', ...FIELDS.slice(first)] : FIELDS.slice(first), words: fit.cells.flatMap(wordsOf) };
      tuples.push(tuple);
      follows = tuple;
    }
  }
  return { rest: scope.filter((t) => !apart.has(t)), tuples };
}

/**
 * Each tuple fills the first row of its block or a later one whose cell it starts at is still
 * empty; one printed after its block's rows, a later block's only; one that follows another
 * under the same heads, the row after that one's. A tuple that brings a 支出額 is placed first:
 * it is its own block's first row's when that row has no amount, else a later block's.
 */
export function giveTuples(rows: Recipient[], tuples: readonly ApartTuple[]): Recipient[] {
  // A block's right-half heads stand beside its first row: the tuple after them is a first row's.
  const firsts = rows.filter((r) => r.rank === 1);
  const inScope = (r: Recipient, tuple: ApartTuple) => tuple.block === null || r.block === null || (tuple.afterRows ? r.block > tuple.block : r.block >= tuple.block);
  const place = (tuple: ApartTuple, row: Recipient | undefined) => {
    if (!row) return;
    tuple.words.forEach((w, k) => {
      if (row[tuple.fields[k]!] === null) setCell(row, tuple.fields[k]!, w);
    });
  };
  // Tuples that find their own block's first row without an amount take it before any tuple
  // looks for a later block's row: one printed earlier, after another block's rows, must not take it.
  const forLater: ApartTuple[] = [];
  for (const tuple of tuples.filter((t) => t.fields[0] === 'amount')) {
    const own = firsts.find((r) => r.block === tuple.block && r.amount === null);
    if (own) place(tuple, own);
    else forLater.push(tuple);
  }
  for (const tuple of forLater) place(tuple, firsts.find((r) => inScope(r, tuple) && r.amount === null && r.contractMethod === null));
  const rest = tuples.filter((t) => t.fields[0] !== 'amount' && t.follows === null);
  // A tuple of dashes is a row's right half left empty: when there is one tuple for each first
  // row from the first tuple's block on, each takes its row in turn, dashes or not.
  const oneEach = rest.length > 0 && rest.length === firsts.filter((r) => inScope(r, rest[0]!)).length;
  const given = new Set<Recipient>();
  const rowOf = new Map<ApartTuple, Recipient>();
  for (const tuple of rest) {
    if (!oneEach && tuple.words.every((w) => w.kind === 'dash')) continue;
    const row = firsts.find((r) => inScope(r, tuple) && !(oneEach && given.has(r)) && r[tuple.fields[0]!] === null) ?? lackingMethod(rows, tuple);
    if (row) {
      given.add(row);
      rowOf.set(tuple, row);
    }
    place(tuple, row);
  }
  // A tuple that follows another under the same heads fills the next row of that one's block.
  for (const tuple of tuples.filter((t) => t.follows !== null)) {
    const previous = rowOf.get(tuple.follows!);
    const row = previous && rows.find((r) => r.block === previous.block && r.rank === previous.rank + 1 && r[tuple.fields[0]!] === null);
    if (row) rowOf.set(tuple, row);
    place(tuple, row);
  }
  return rows;
}
