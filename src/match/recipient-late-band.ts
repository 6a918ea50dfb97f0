// A band of ranks and names pdfminer printed away from their tables. Read beside the other
// cuttings of recipient-tables.ts; the reader keeps whichever fills more cells.
import type { Token } from '../tokenize/labels.js';
import type { Table } from './recipient-pieces.js';
import { headerCells, isBareName, isLetterMark, leadingRanks, letterOf, opensFirstRow, rowOpenedAt } from './recipient-tables.js';

/**
 * pdfminer can box the rank and name columns of a few small blocks together and print them
 * after a later block's rows: the blocks' ranks (`1 … 6 1 … 4 1 2`), their letters, then the
 * names their tables lack. The letters then come out of order too, so the groups of column heads
 * take the letters in alphabetical order, the template's order down the page, and each table
 * that lacks its first ranks takes a run of the band and, in order, the names it lacks.
 */
export function tablesWithLateBand(scope: readonly Token[]): Table[] | null {
  const letters = [...new Set(scope.filter(isLetterMark).map(letterOf))].sort();
  const groups = headerCells(scope);
  if (groups.length !== letters.length || groups.length < 3) return null;
  for (let k = 1; k < groups.length; k++) {
    const band = lateBand(groups[k]!);
    if (!band) continue;
    const receivers = groups.flatMap((g, j) => (j < k && lacksFirstRank(g) ? [j] : [])).slice(-band.runs.length);
    const shares = receivers.length === band.runs.length ? namesLacked(receivers.map((j, r) => ({ tokens: groups[j]!, ranks: band.runs[r]! })), band.names.length) : null;
    if (!shares) return null;
    const out = groups.map((tokens, j) => ({ block: letters[j]!, tokens }));
    let taken = 0;
    receivers.forEach((j, r) => {
      const { ownNames, lacked } = shares[r]!;
      const tokens = groups[j]!;
      out[j]!.tokens = [...band.runs[r]!, ...tokens.slice(0, ownNames), ...band.names.slice(taken, taken + lacked), ...tokens.slice(ownNames)];
      taken += lacked;
    });
    const moved = new Set([...band.runs.flat(), ...band.names]);
    out[k]!.tokens = groups[k]!.filter((t) => !moved.has(t));
    return out;
  }
  return null;
}

/** Runs of bare ranks, each from 1 and at least two long, at least two runs, then bare names: not at a table's start. */
function lateBand(tokens: readonly Token[]): { runs: Token[][]; names: Token[] } | null {
  for (let i = 1; i < tokens.length; i++) {
    if (leadingRanks(tokens.slice(i, i + 2)) < 2) continue;
    const runs: Token[][] = [];
    let at = i;
    for (let n = leadingRanks(tokens.slice(at)); n >= 2; n = leadingRanks(tokens.slice(at))) {
      runs.push(tokens.slice(at, at + n));
      at += n;
    }
    let end = at;
    while (isBareName(tokens[end])) end++;
    if (runs.length >= 2 && end > at) return { runs, names: tokens.slice(at, end) };
    i = at;
  }
  return null;
}

/** A table none of whose rows opens with rank 1, nor with bare ranks from 1. */
const lacksFirstRank = (tokens: readonly Token[]) => leadingRanks(tokens) === 0 && !tokens.some((_, i) => opensFirstRow(tokens, i));

interface NameShare {
  /** The bare names the table opens with: its first rows'. */
  ownNames: number;
  /** The band's names it takes, after its own. */
  lacked: number;
}

/**
 * How many names each table lacks: a table whose first row printed is ranked r lacks the names
 * of rows 1 to r - 1; one that opens with m bare names lacks those of rows m + 1 on; one table
 * with neither (at most one) lacks what the others leave. The shares must use every name.
 */
function namesLacked(tables: ReadonlyArray<{ tokens: readonly Token[]; ranks: readonly Token[] }>, names: number): NameShare[] | null {
  const shares: Array<NameShare | 'rest'> = [];
  for (const { tokens, ranks } of tables) {
    const first = firstRankPrinted(tokens);
    let ownNames = 0;
    while (isBareName(tokens[ownNames])) ownNames++;
    if (first !== null ? first - 1 !== ranks.length : ownNames > ranks.length) return null;
    shares.push(first !== null ? { ownNames: 0, lacked: ranks.length } : ownNames > 0 ? { ownNames, lacked: ranks.length - ownNames } : 'rest');
  }
  const rest = names - shares.reduce((n, s) => n + (s === 'rest' ? 0 : s.lacked), 0);
  const open = shares.indexOf('rest');
  if (open < 0) return rest === 0 ? (shares as NameShare[]) : null;
  if (shares.lastIndexOf('rest') !== open || rest < 0 || rest > tables[open]!.ranks.length) return null;
  shares[open] = { ownNames: 0, lacked: rest };
  return shares as NameShare[];
}

/** The lowest rank that opens a row of the table (`3 MITANI TRAVEL SERVICE`), or null. */
function firstRankPrinted(tokens: readonly Token[]): number | null {
  const ranks = tokens.map((_, i) => rowOpenedAt(tokens, i)).filter((r) => r !== null);
  return ranks.length ? Math.min(...ranks) : null;
}
