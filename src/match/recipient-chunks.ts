// A recipient table that pdfminer printed in chunks: a column's cells for several rows stacked
// in one box (every 法人番号 dash, say), then a row's cells side by side (業務概要, amount,
// method), then columns again. The rows are known from their ranks; every other word goes to
// the grid cell that continues the chunk it is in: the next row of the same column while a
// column is being read, the next column of the same row while a row is, and otherwise the
// first free cell of the leftmost column that takes its kind.
import type { Recipient } from '../assemble/schema.js';
import { emptyRow, isRank, setCell, SLOTS, type Word } from './recipient-cells.js';

/**
 * The slots after the name, whose cells the chunks fill (the name comes with the rank). A
 * method is taken only from the method vocabulary here: free text starts a 業務概要.
 */
const COLUMNS = SLOTS.slice(1).map((s) => (s.field === 'contractMethod' ? { ...s, kinds: s.kinds.filter((k) => k !== 'text') } : s));

type Mode = 'row' | 'column' | null;

export function readByChunks(block: string | null, words: readonly Word[]): Recipient[] | null {
  const rows: Recipient[] = [];
  const rest: Word[] = [];
  // Ranks printed alone in a run (1 2 3): the rows are known, their names come as a column.
  let bare = 0;
  while (bare < words.length && isRank(words[bare]!, bare + 1) && words[bare + 1]?.kind !== 'text') bare++;
  if (bare >= 2) {
    for (let r = 0; r < bare; r++) rows.push(emptyRow(block, r + 1));
    return fill(rows, words.slice(bare), [SLOTS[0]!, ...COLUMNS]);
  }
  for (let i = 0; i < words.length; i++) {
    // Ranks, each with its name after it, or a few ranks together (6 7) and then their names.
    let j = i;
    while (j < words.length && isRank(words[j]!, rows.length + 1 + (j - i))) j++;
    const names = words.slice(j, j + (j - i));
    if (j > i && names.length === j - i && names.every((n) => n.kind === 'text')) {
      for (const n of names) {
        const row = emptyRow(block, rows.length + 1);
        row.name = n.text;
        rows.push(row);
      }
      i = j + names.length - 1;
    } else rest.push(words[i]!);
  }
  if (!rows.length) return null;
  return fill(rows, rest, COLUMNS);
}

/** Places each word where its chunk continues, else in the first free cell of the leftmost column that takes it. */
function fill(rows: Recipient[], rest: readonly Word[], columns: ReadonlyArray<{ field: keyof Recipient; kinds: readonly string[] }>): Recipient[] {
  const n = rows.length;
  const cursor = columns.map(() => 0);
  const takes = (c: number, w: Word) => columns[c]!.kinds.includes(w.kind);
  let mode: Mode = null;
  let last: { row: number; col: number } | null = null;
  const place = (row: number, col: number, w: Word, how: Mode) => {
    setCell(rows[row]!, columns[col]!.field, w);
    cursor[col] = Math.max(cursor[col]!, row + 1);
    last = { row, col };
    mode = how;
  };
  for (const w of rest) {
    const prev = last as { row: number; col: number } | null;
    const down = prev && cursor[prev.col]! < n && takes(prev.col, w) ? () => place(cursor[prev.col]!, prev.col, w, 'column') : null;
    const across = prev && prev.col + 1 < columns.length && cursor[prev.col + 1] === prev.row && takes(prev.col + 1, w) ? () => place(prev.row, prev.col + 1, w, 'row') : null;
    // A run of dashes is a column of empty cells more often than a row of them.
    const preferDown = mode === 'column' || (mode === null && w.kind === 'dash');
    const step = preferDown ? (down ?? across) : (across ?? down);
    if (step) {
      step();
      continue;
    }
    // A new chunk starts at the leftmost column with a free cell that takes the word.
    const col = columns.findIndex((_, c) => cursor[c]! < n && takes(c, w));
    if (col >= 0) place(cursor[col]!, col, w, null);
  }
  return rows;
}
