// pdfminer can print a block's names under its letter and the rest of its columns after the
// next letter: `C. 1 個人A … 10 個人J  D. 1 2 3 [支出先 …] - - 研修講師 0.5 …  [支出先 …] (株)… 6 …`.
// Cut at letters and header groups, each piece is a run of names (rows opened by their ranks),
// then a run of values; a run of values belongs to the earliest table still without its own,
// and values printed before any names wait for the tables the names open.
import type { Token } from '../tokenize/labels.js';
import { isRank, wordsOf } from './recipient-cells.js';

export interface Table {
  block: string | null;
  tokens: Token[];
}

/** What the scope holds, in order: a block letter, a group of column heads, or a cell. */
export type Mark = { kind: 'letter'; letter: string } | { kind: 'header' } | { kind: 'cell'; token: Token };

interface Growing {
  names: Token[];
  values: Token[];
  nextRank: number;
  /** Ranks printed alone, whose names come later as a column. */
  unnamed: number;
}

/**
 * Tables rebuilt by the queue rule, or null when the pieces do not make one table per letter
 * (letters printed together, say), which other readings handle.
 */
export function tablesFromPieces(marks: readonly Mark[]): Table[] | null {
  const letters: string[] = [];
  const tables: Growing[] = [];
  // Runs of values printed before any names (each table's values, then all their names): they
  // wait, in order, for the tables the names open.
  const waiting: Token[][] = [];
  for (const piece of piecesOf(marks, letters)) {
    let at = 0;
    while (at < piece.length) {
      const current = tables.at(-1);
      const taken = current ? namesTaken(piece.slice(at), current) : 0;
      if (taken > 0) {
        current!.names.push(...piece.slice(at, at + taken));
        at += taken;
        continue;
      }
      const opened: Growing = { names: [], values: waiting.shift() ?? [], nextRank: 1, unnamed: 0 };
      const named = namesTaken(piece.slice(at), opened);
      if (named > 0) {
        opened.names.push(...piece.slice(at, at + named));
        tables.push(opened);
        at += named;
        continue;
      }
      if (opened.values.length) waiting.unshift(opened.values);
      if (!tables.length) {
        const end = at + valuesBeforeNames(piece.slice(at));
        waiting.push(piece.slice(at, end));
        at = end;
        continue;
      }
      const owner = tables.find((t) => !t.values.length) ?? tables.at(-1);
      // Names open a piece, after its letter or header: the rest of the piece is values.
      owner!.values.push(...piece.slice(at));
      at = piece.length;
    }
  }
  if (!tables.length || tables.length !== letters.length) return null;
  return tables.map((t, k) => ({ block: letters[k]!, tokens: [...t.names, ...t.values] }));
}

/** How many tokens are values before the first row opened by rank 1 and its name in one box (`1 福島県`). */
function valuesBeforeNames(tokens: readonly Token[]): number {
  const at = tokens.findIndex((t) => {
    const words = wordsOf(t);
    return words.length === 2 && isRank(words[0]!, 1) && words[1]!.kind === 'text';
  });
  return at < 0 ? tokens.length : Math.max(at, 1);
}

/** The cells between letters and header groups; the letters are collected on the way. */
function piecesOf(marks: readonly Mark[], letters: string[]): Token[][] {
  const pieces: Token[][] = [[]];
  for (const m of marks) {
    if (m.kind === 'cell') pieces.at(-1)!.push(m.token);
    else {
      if (m.kind === 'letter') letters.push(m.letter);
      if (pieces.at(-1)!.length) pieces.push([]);
    }
  }
  return pieces.filter((p) => p.length);
}

/**
 * How many tokens at the start of `tokens` continue the table's names: its next ranks, each with
 * its name or alone, and names for ranks printed alone. Advances the table's state.
 */
function namesTaken(tokens: readonly Token[], table: Growing): number {
  let taken = 0;
  for (const token of tokens) {
    const words = wordsOf(token);
    const first = words[0];
    // A box of column-head letters alone holds no cell.
    if (!first) {
      taken++;
      continue;
    }
    if (isRank(first, table.nextRank) && words.length <= 2 && (words.length === 1 || words[1]!.kind === 'text')) {
      table.nextRank++;
      if (words.length === 1) table.unnamed++;
    } else if (words.length === 1 && first.kind === 'text' && table.unnamed > 0) table.unnamed--;
    else break;
    taken++;
  }
  return taken;
}

