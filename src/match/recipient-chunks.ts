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
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (isRank(w, rows.length + 1) && next?.kind === 'text') {
      const row = emptyRow(block, rows.length + 1);
      row.name = next.text;
      rows.push(row);
      i++;
    } else rest.push(w);
  }
  const n = rows.length;
  if (!n) return null;
  const cursor = COLUMNS.map(() => 0);
  const takes = (c: number, w: Word) => COLUMNS[c]!.kinds.includes(w.kind);
  let mode: Mode = null;
  let last: { row: number; col: number } | null = null;
  const place = (row: number, col: number, w: Word, how: Mode) => {
    setCell(rows[row]!, COLUMNS[col]!.field, w);
    cursor[col] = Math.max(cursor[col]!, row + 1);
    last = { row, col };
    mode = how;
  };
  for (const w of rest) {
    const prev = last as { row: number; col: number } | null;
    const down = prev && cursor[prev.col]! < n && takes(prev.col, w) ? () => place(cursor[prev.col]!, prev.col, w, 'column') : null;
    const across = prev && prev.col + 1 < COLUMNS.length && cursor[prev.col + 1] === prev.row && takes(prev.col + 1, w) ? () => place(prev.row, prev.col + 1, w, 'row') : null;
    // A run of dashes is a column of empty cells more often than a row of them.
    const preferDown = mode === 'column' || (mode === null && w.kind === 'dash');
    const step = preferDown ? (down ?? across) : (across ?? down);
    if (step) {
      step();
      continue;
    }
    // A new chunk starts at the leftmost column with a free cell that takes the word.
    const col = COLUMNS.findIndex((_, c) => cursor[c]! < n && takes(c, w));
    if (col >= 0) place(cursor[col]!, col, w, null);
  }
  return rows;
}
