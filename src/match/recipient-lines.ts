// 支出先上位１０者リスト in layout text, read line by line. Each row stands on one line opened by
// its rank; a cell that wraps (業務概要, a long name) spreads over the lines just above and
// below, centred on the row. The row's words are typed left to right (name, 法人番号, 業務概要,
// amount, method, bidders, rate, reason); the wrapped pieces join the cell whose column they
// stand in.
import type { Recipient } from '../assemble/schema.js';
import { fold, isDash, parseNumber, parseRate } from '../tokenize/values.js';
import { RECIPIENT_HEAD_MARKS } from '../tokenize/vocabulary.js';
import { CORPORATE, emptyRow, isMethod } from './recipient-cells.js';
import { lineWords, type LineWord } from '../tokenize/document.js';


interface RowLine {
  row: number;
  rank: number;
  words: LineWord[];
}

/** How far a wrapped cell reaches above or below its row. */
const WRAP_REACH = 2;
/** How far the reason cell, the longest, reaches. */
const REASON_REACH = 8;
const BLOCK_LINE = /^([A-ZＡ-Ｚ])[.．]?$/;

const isHeadLine = (line: string) => RECIPIENT_HEAD_MARKS.some((m) => fold(line).includes(m)) || fold(line) === '数）';
const isNumber = (text: string) => parseNumber(text) !== null;

export interface RecipientBlock {
  block: string | null;
  rows: Recipient[];
}

/** Where each cell of the main row starts; wrapped pieces are sorted into cells by these. */
interface Columns {
  /** The 法人番号 cell's (a number or a dash). */
  corporate?: number;
  summary: number;
  amount: number;
  reason: number;
}

/** Types the words of a row line, left to right. */
function readMainLine(r: Recipient, words: readonly LineWord[]): Partial<Columns> {
  const cols: Partial<Columns> = {};
  let i = 0;
  const take = (ok: (w: LineWord) => boolean) => {
    const out: LineWord[] = [];
    while (i < words.length && ok(words[i]!)) out.push(words[i++]!);
    return out;
  };
  const name = take((w) => !CORPORATE.test(fold(w.text)) && !isDash(w.text) && !isNumber(w.text));
  if (name.length) r.name = name.map((w) => w.text).join(' ');
  const corp = words[i];
  if (corp && (CORPORATE.test(fold(corp.text)) || isDash(corp.text))) {
    if (!isDash(corp.text)) r.corporateNumber = fold(corp.text);
    cols.corporate = corp.col;
    i++;
  }
  const summary = take((w) => !isNumber(w.text) && !isDash(w.text) && !isMethod(w.text));
  if (summary.length) {
    r.summary = summary.map((w) => w.text).join('');
    cols.summary = summary[0]!.col;
  }
  const amount = words[i];
  if (amount && (isNumber(amount.text) || isDash(amount.text))) {
    r.amount = isDash(amount.text) ? 0 : parseNumber(amount.text);
    cols.amount = amount.col;
    i++;
  }
  const method = words[i];
  if (method && (isMethod(method.text) || isDash(method.text))) {
    if (!isDash(method.text)) r.contractMethod = method.text;
    i++;
  }
  const bidders = words[i];
  if (bidders && (isNumber(bidders.text) || isDash(bidders.text))) {
    r.bidders = isDash(bidders.text) ? null : parseNumber(bidders.text);
    i++;
  }
  const rate = words[i];
  if (rate && (parseRate(rate.text) !== null || isDash(rate.text))) {
    r.winningBidRate = isDash(rate.text) ? null : parseRate(rate.text);
    i++;
  }
  const reason = words.slice(i);
  if (reason.length) {
    cols.reason = reason[0]!.col;
    if (!(reason.length === 1 && isDash(reason[0]!.text))) r.reason = reason.map((w) => w.text).join('');
  }
  return cols;
}

/** Wrapped pieces above and below a row, joined to the cell whose column they stand in. */
function addWrapped(r: Recipient, above: LineWord[][], below: LineWord[][], nameCol: number, cols: Columns): void {
  const pieces = { name: [] as string[], summary: [] as string[], reason: [] as string[] };
  // Where the name's pieces end: midway to the 業務概要, or, when the row's line shows no name
  // (its first word is the 法人番号 cell), that cell's column.
  const nameEnd = r.name === null && cols.corporate !== undefined ? cols.corporate : (nameCol + cols.summary) / 2;
  const sort = (words: LineWord[]) => {
    for (const w of words) {
      // A 落札率 centred on a two-line row stands on a wrapped line (`98.3％`), its row's cell empty.
      if (w.col >= cols.amount && /[%％]$/.test(w.text) && parseRate(w.text) !== null) {
        r.winningBidRate ??= parseRate(w.text);
        continue;
      }
      if (w.col >= cols.reason - 2) pieces.reason.push(w.text);
      else if (w.col >= cols.amount - 2) continue;
      else if (w.col >= nameEnd) pieces.summary.push(w.text);
      else pieces.name.push(w.text);
    }
  };
  const before = { name: r.name, summary: r.summary, reason: r.reason };
  above.forEach(sort);
  const aboveCount = { name: pieces.name.length, summary: pieces.summary.length, reason: pieces.reason.length };
  below.forEach(sort);
  for (const key of ['name', 'summary', 'reason'] as const) {
    const list = pieces[key];
    if (!list.length) continue;
    const own = before[key] ?? '';
    r[key] = [...list.slice(0, aboveCount[key]), own, ...list.slice(aboveCount[key])].join('');
  }
}

/** Columns from the table's left edge within which a row's rank stands. */
const RANK_REACH = 10;

/** Reads the tables on lines `from`..`to` (1-based, `to` excluded). */
export function readRecipientLines(lines: readonly string[], from: number, to: number): RecipientBlock[] {
  const blocks: Array<{ block: string | null; rows: RowLine[]; other: Array<{ row: number; words: LineWord[] }> }> = [];
  let current: (typeof blocks)[number] | null = null;
  // A rank stands at the table's left edge: near the region's leftmost text, wherever the page's margin is.
  const margin = Math.min(...lines.slice(from - 1, to - 1).filter((l) => l.trim()).map((l) => l.search(/\S/)));
  for (let row = from; row < to; row++) {
    const line = lines[row - 1] ?? '';
    const trimmed = line.trim();
    if (!trimmed) continue;
    const letter = BLOCK_LINE.exec(trimmed);
    if (letter) {
      current = { block: letter[1]!.normalize('NFKC'), rows: [], other: [] };
      blocks.push(current);
      continue;
    }
    if (isHeadLine(line)) continue;
    if (!current) {
      current = { block: null, rows: [], other: [] };
      blocks.push(current);
    }
    const words = lineWords(line);
    const rank = /^\d{1,2}$/.test(fold(words[0]!.text)) && words[0]!.col - margin < RANK_REACH ? Number(fold(words[0]!.text)) : null;
    if (rank === current.rows.length + 1 && words.length > 1) current.rows.push({ row, rank, words: words.slice(1) });
    else current.other.push({ row, words });
  }
  return blocks.map(({ block, rows, other }) => ({
    block,
    rows: rows.map((main, k) => {
      const r = emptyRow(block, main.rank);
      const found = readMainLine(r, main.words);
      const nameCol = main.words[0]?.col ?? 0;
      const cols: Columns = { corporate: found.corporate, summary: found.summary ?? nameCol + 30, amount: found.amount ?? Infinity, reason: found.reason ?? Infinity };
      // A wrapped line belongs to the nearest row; between two rows, to the one it touches.
      const mine = other.flatMap((o) => {
        const prev = rows[k - 1]?.row ?? -Infinity;
        const next = rows[k + 1]?.row ?? Infinity;
        const distance = Math.abs(o.row - main.row);
        if (o.row <= prev || o.row >= next || distance > Math.min(o.row - prev, next - o.row)) return [];
        // A line midway between two rows is the first line of the lower row's cells, centred on it.
        if (o.row > main.row && o.row - main.row === next - o.row) return [];
        if (distance <= WRAP_REACH) return [o];
        // The reason and the 業務概要 are the longest cells: their lines reach further, in their columns only.
        const inLongCell = (w: LineWord) => w.col >= cols.reason - 2 || (w.col >= cols.summary - 2 && w.col < cols.amount);
        return distance <= REASON_REACH && o.words.every(inLongCell) ? [o] : [];
      });
      addWrapped(r, mine.filter((o) => o.row < main.row).map((o) => o.words), mine.filter((o) => o.row > main.row).map((o) => o.words), nameCol, cols);
      return r;
    }),
  }));
}
