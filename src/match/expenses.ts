// 費目・使途: per block, the largest recipient's items (費目, 使途, 金額) and their 計.
//
// The template prints the blocks two abreast: a header line (`A.name   B.name`), a column-head
// line (費目 使途 金額), item lines and a 計 line, every line holding one row of each block.
// Layout text keeps those lines; pdf.js-style copies print them too (`計 108 計 25`). So the
// blocks are read from the text's lines: each line's words are cut into items at the amounts
// that close them, and the items go to the blocks of the band in order (or by column when a
// line holds fewer items than the band has blocks). The items must add up to 計; one missing
// amount is what 計 leaves. pdfminer and pdftotext break those lines up: there, the blocks the
// lines do not give whole are read again from the region's cells (expenses-stream.ts).
import type { Expense, FundFlow, Recipient } from '../assemble/schema.js';
import { fold, parseNumber, roundAmount } from '../tokenize/values.js';
import type { MatchContext } from './context.js';
import { lineWords, type LineWord } from '../tokenize/document.js';
import { readStreamBlocks } from './expenses-stream.js';
import { sameAmount } from './expense-runs.js';
import { EXPENSE_BLOCK_HEADER as HEADER, EXPENSE_CATEGORY, EXPENSE_COLUMN_HEAD_WORD as COLUMN_HEAD_WORD, EXPENSE_EMPTY_BLOCK } from '../tokenize/vocabulary.js';

const MAY_HOLD_HEADER = /[A-ZＡ-Ｚ][.．]/;
/** The column-head line under a header: 費目, 使途, 金額(百万円). */
const COLUMN_HEADS = /使途|金額|\(百万円|^費目/;
/** Lines below a header within which its column heads must follow. */
const HEADS_WITHIN = 6;


interface Block {
  letter: string;
  recipient: string;
  col: number;
  /** The header's input line, for provenance. */
  row: number;
  /** Some item's 使途 holds a 費目 word: the lines did not keep the rows apart. */
  misjoined?: boolean;
  items: Array<{ category: string | null; purpose: string | null; amount: number | null }>;
  total: number | null;
}


/** The blocks a header line opens; a name's words run to the next header. */
function headersOf(line: string, row: number): Block[] {
  const out: Block[] = [];
  let end = 0;
  for (const w of lineWords(line)) {
    const m = HEADER.exec(w.text);
    // An unused block of the template prints as a bare `D.` or `.`; it still takes its column.
    if (m || EXPENSE_EMPTY_BLOCK.test(w.text)) {
      out.push({ letter: m ? m[1]!.normalize('NFKC') : '', recipient: m?.[2] ?? '', col: w.col, row, items: [], total: null });
    } else if (out.length) {
      // One space is the name's own, as printed (`SONESTA HOTEL BOGOTA`, `㈱　電通`); a wider gap is the layout's.
      const gap = line.slice(end, w.col);
      out[out.length - 1]!.recipient += (gap.length === 1 ? gap : '') + w.text;
    }
    // Words before the first header are the section title running down the margin.
    end = w.col + w.text.length;
  }
  return out.some((b) => b.recipient) ? out : [];
}

/** A line's words cut at the amounts: each piece is the words an amount closes (maybe none). */
function piecesOf(words: readonly LineWord[]): Array<{ words: LineWord[]; amount: number | null }> {
  const out: Array<{ words: LineWord[]; amount: number | null }> = [];
  let current: LineWord[] = [];
  for (const w of words) {
    const n = parseNumber(w.text);
    if (n === null) current.push(w);
    else {
      out.push({ words: current, amount: n });
      current = [];
    }
  }
  if (current.length) out.push({ words: current, amount: null });
  return out;
}

/** The block whose header column is nearest to `col`. */
const nearest = (blocks: readonly Block[], col: number) => blocks.reduce((a, b) => (Math.abs(b.col - col) < Math.abs(a.col - col) ? b : a));

/**
 * Reads the lines under a header line. An item's words may come on one line with its amount
 * (row-style text) or one cell a line (stream text): words wait in their block until an
 * amount closes them.
 */
function readBand(lines: readonly string[], blocks: Block[]): void {
  const margin = Math.min(...blocks.map((b) => b.col)) - 3;
  const pending = new Map<Block, LineWord[]>(blocks.map((b) => [b, []]));
  let awaitingTotal: Block | null = null;
  const close = (block: Block, amount: number | null) => {
    const [category, ...purpose] = pending.get(block)!.map((w) => w.text);
    pending.set(block, []);
    // A 費目 word among the 使途 words: cells of other rows were joined into this one.
    if (purpose.some((w) => EXPENSE_CATEGORY.test(fold(w)))) block.misjoined = true;
    if (category !== undefined || amount !== null) block.items.push({ category: category ?? null, purpose: purpose.length ? purpose.join('') : null, amount });
  };
  for (const line of lines) {
    // The section's own title runs down the left margin, beside the blocks.
    const words = lineWords(line).filter((w) => w.col >= margin);
    if (!words.length || words.some((w) => COLUMN_HEAD_WORD.test(fold(w.text)))) continue;
    if (words.some((w) => fold(w.text) === '計')) {
      const totals = words.flatMap((w, i) => (fold(w.text) === '計' ? [{ col: w.col, next: words[i + 1]?.text }] : []));
      totals.forEach((t, i) => {
        const block = totals.length === blocks.length ? blocks[i]! : nearest(blocks, t.col);
        // A block has one 計; a second 計 in its band is a neighbour's printed out of place.
        if (block.total !== null) return;
        block.total = t.next === undefined ? null : parseNumber(t.next);
        awaitingTotal = t.next === undefined ? block : null;
      });
      continue;
    }
    const pieces = piecesOf(words);
    pieces.forEach((piece, i) => {
      const block = pieces.length === blocks.length ? blocks[i]! : nearest(blocks, piece.words[0]?.col ?? words[0]!.col);
      if (awaitingTotal && !piece.words.length && piece.amount !== null) {
        awaitingTotal.total = piece.amount;
        awaitingTotal = null;
        return;
      }
      pending.get(block)!.push(...piece.words);
      // An amount with no words waiting for it closes no item of its own.
      if (piece.amount !== null && pending.get(block)!.length) close(block, piece.amount);
      // A row printed across whose last item has 費目 and 使途 but no amount: the amount is
      // missing (printed elsewhere), and the item ends with the line all the same.
      else if (piece.amount === null && i === pieces.length - 1 && pieces.length > 1 && piece.words.length >= 2) close(block, null);
    });
  }
  for (const block of blocks) if (pending.get(block)!.length) close(block, null);
}

const itemsSum = (block: Block) => block.items.reduce((a, i) => a + (i.amount ?? 0), 0);

/** One missing amount is what 計 leaves; a missing 計 is the sum of complete items. */
function completeByArithmetic(block: Block): Block {
  const missing = block.items.filter((i) => i.amount === null);
  const known = itemsSum(block);
  // A negative remainder means the items were misread, not that one is missing.
  if (missing.length === 1 && block.total !== null && block.total >= known) missing[0]!.amount = roundAmount(block.total - known);
  else if (!missing.length && block.total === null && block.items.length) block.total = roundAmount(known);
  return block;
}

export function matchExpenses(ctx: MatchContext, recipients: readonly Recipient[], fundFlow: readonly FundFlow[] = []): Expense[] {
  // The fund flow's boxes first: their amounts stand alone, not among a table's cells.
  const namers = [...fundFlow, ...recipients];
  const blocks = readLines(ctx);
  if (!ctx.isLayout) readStream(ctx, blocks, namers);
  const out: Expense[] = [];
  for (const block of blocks) {
    completeByArithmetic(block);
    takeGivenTotal(ctx, block, out.length, givenTotal(block, namers));
    // Items that do not add up to 計 were not read in their rows: better none than wrong ones.
    const sum = itemsSum(block);
    if (block.total !== null && block.items.length && Math.abs(sum - block.total) > 0.051 + 0.01 * block.items.length) {
      ctx.report('warning', 'expenses-unread', `expenses[${out.length}].items`, `the 費目・使途 items of block ${block.letter} could not be read in their rows (they add up to ${roundAmount(sum)}, not 計 ${block.total}); they are left out`);
      block.items = [];
    }
    if (block.row) ctx.provenance[`expenses[${out.length}]`] = [block.row];
    out.push({ block: block.letter, recipient: block.recipient, items: block.items, total: block.total });
  }
  if (!out.length) ctx.report('warning', 'missing-section', 'expenses', 'no 費目・使途 block (a header like `A.name` over 費目 使途 金額) was found');
  return out;
}

type Namer = { block: string | null; name: string | null; amount: number | null };

/** The amounts the fund flow's boxes and the recipients table's rows give the block's recipient, in that order. */
const amountsGiven = (block: Block, namers: readonly Namer[]) =>
  namers.filter((r) => r.amount !== null && r.block === block.letter && fold(r.name ?? '') === fold(block.recipient)).map((r) => r.amount!);

/**
 * The amount the fund flow and the recipients table agree to give the block's recipient, which
 * is its 計 (the block describes the recipient paid most); null where they give none or differ.
 */
function givenTotal(block: Block, namers: readonly Namer[]): number | null {
  const amounts = amountsGiven(block, namers);
  return amounts.length && amounts.every((a) => sameAmount(a, amounts[0]!)) ? amounts[0]! : null;
}

/**
 * A 計 not read is the given one; a 計 read as another amount was read from other cells than the
 * block's, and so were the items that add up to it: they are left out below, as not adding up.
 */
function takeGivenTotal(ctx: MatchContext, block: Block, k: number, given: number | null): void {
  if (given === null || (block.total !== null && sameAmount(block.total, given))) return;
  const whose = `the amount of its recipient ${block.recipient}, as the fund flow and the recipients table give it`;
  if (block.total === null) ctx.report('info', 'expenses-total-given', `expenses[${k}].total`, `the 計 of block ${block.letter} was not found; it is ${given}, ${whose}`);
  else ctx.report('warning', 'expenses-total-given', `expenses[${k}].total`, `the 計 of block ${block.letter} was read as ${block.total}; it is ${given}, ${whose}`);
  block.total = given;
}

/** The blocks as the text's lines show them: whole in layout text and row-style copies. */
function readLines(ctx: MatchContext): Block[] {
  const lines = ctx.sheet.lines;
  const end = (ctx.first('expensesNote') ?? ctx.first('recipientsTitle'))?.row ?? lines.length + 1;
  // Header lines: block headers followed by their column heads (the fund flow's boxes, which
  // look alike, are followed by amounts in 百万円 instead).
  const headerRows: Array<{ row: number; blocks: Block[] }> = [];
  for (let row = 1; row < end; row++) {
    if (!MAY_HOLD_HEADER.test(lines[row - 1]!)) continue;
    const blocks = headersOf(lines[row - 1]!, row);
    if (!blocks.length) continue;
    const below = lines.slice(row, row + HEADS_WITHIN).map(fold);
    if (below.some((l) => COLUMN_HEADS.test(l)) && !below.some((l) => /百万円$/.test(l) && !COLUMN_HEADS.test(l))) headerRows.push({ row, blocks });
  }
  const seen = new Set<string>();
  const out: Block[] = [];
  headerRows.forEach((h, k) => {
    readBand(lines.slice(h.row, (headerRows[k + 1]?.row ?? end) - 1), h.blocks);
    for (const block of h.blocks) {
      if (!block.letter || seen.has(block.letter) || (!block.recipient && !block.items.length)) continue;
      seen.add(block.letter);
      out.push(block);
    }
  });
  return inLetterRun(out, (b) => b.letter);
}

/**
 * Stream text: the blocks whose items do not add up to their 計 in the line reading are read
 * again from the region's cells, whatever their order (readStreamBlocks). Blocks whose
 * header the line reading missed join them.
 */
function readStream(ctx: MatchContext, blocks: Block[], namers: readonly Namer[]): void {
  const headers = streamHeaders(ctx);
  if (!headers.length) return;
  for (const h of headers) if (!blocks.some((b) => b.letter === h.block.letter)) blocks.push(h.block);
  blocks.sort((a, b) => a.letter.localeCompare(b.letter));
  const named = blocks.filter((b) => b.recipient);
  const start = Math.min(...headers.map((h) => h.index));
  const end = ctx.find('recipientsTitle').find((t) => t.index > start)?.index ?? ctx.tokens.length;
  // The block's 計 is the amount of the recipient its header names, as its fund-flow box and the
  // recipients table give it.
  for (const b of named) b.recipient = fullName(b, namers);
  const totalHints = (b: Block) => amountsGiven(b, namers);
  const printedAt = (b: Block) => headers.find((h) => h.block.letter === b.letter)?.index ?? Infinity;
  const streamBlocks = named.map((b) => ({ letter: b.letter, recipient: b.recipient, totalHints: totalHints(b), printedAt: printedAt(b), readFromLines: b.items.length > 0 && b.total !== null && !b.misjoined }));
  const readings = readStreamBlocks(ctx.tokens.slice(start, end), streamBlocks);
  named.forEach((block, i) => {
    const reading = readings?.[i];
    // The lines' reading stands where it balances, unless its 計 is not the amount the block's
    // recipient is given and the stream's is (A's cells read as B's, the band side by side).
    const hints = streamBlocks[i]!.totalHints;
    const given = (total: number | null) => total !== null && hints.some((h) => sameAmount(h, total));
    const outweighed = reading !== null && reading !== undefined && hints.length > 0 && !given(block.total) && given(reading.total);
    if (!reading || (isBalanced(block) && !block.misjoined && !outweighed)) return;
    // Items whose 計 was not found are a guess at which amounts are the block's: left out.
    if (!reading.balanced) {
      ctx.report('warning', 'expenses-unbalanced', `expenses[${blocks.indexOf(block)}].items`, `the 費目・使途 amounts of block ${block.letter} that could be read do not reach a printed 計; its items are left out`);
      return;
    }
    block.items = reading.items;
    block.total = reading.total;
  });
}

/**
 * A header's name cut where the extractor wrapped it (`C.（株）`, the rest boxed elsewhere), in
 * full as the fund flow or the recipients table names that block's recipient.
 */
function fullName(block: Block, named: ReadonlyArray<{ block: string | null; name: string | null }>): string {
  const cut = fold(block.recipient);
  const full = named.find((r) => r.block === block.letter && r.name !== null && fold(r.name).length > cut.length && fold(r.name).startsWith(cut));
  return cut && full ? full.name! : block.recipient;
}

/** A line with a block header among its words (`の双方で実情が C.現地業者`). */
const holdsHeader = (text: string) => lineWords(text).some((w) => HEADER.test(fold(w.text)));

/**
 * The 費目・使途 block headers of stream text, before the recipients' list: boxes with a line
 * that holds `A.name` (pdftotext may box other text with it), not followed by an amount in
 * 百万円 (which makes them fund-flow boxes). The fund flow's section comes first on the sheet,
 * so of two headers with one letter the later is this section's.
 */
function streamHeaders(ctx: MatchContext): Array<{ index: number; block: Block }> {
  const to = ctx.first('recipientsTitle')?.index ?? ctx.tokens.length;
  const byLetter = new Map<string, { index: number; block: Block }>();
  for (let i = 0; i < to; i++) {
    const t = ctx.tokens[i]!;
    // A box another section read is its value, whatever it looks like (the 政策 `Ⅰ．科学技術…`
    // that NFKC makes `I.科学技術…`).
    if (ctx.isUsed(t)) continue;
    // pdftotext boxes a header with the cells below it, or with the section's note above it, or
    // among the note's lines (`する。費目と使途 ⏎ C.弁護士法人… ⏎ の双方で実情が`), or beside one of those lines (`の双方で実情が C.現地業者`).
    const lines = t.lines.filter((l, k) => holdsHeader(l.text) && (k === 0 || k === t.lines.length - 1 || !/百万円$/.test(fold(t.lines[k + 1]!.text))));
    if (!lines.length) continue;
    if ([t.folded, ctx.tokens[i + 1]?.folded ?? ''].some((f) => /百万円$/.test(f))) continue;
    for (const line of lines) for (const block of headersOf(line.text, line.line)) if (block.letter && isName(block.recipient)) byLetter.set(block.letter, { index: i, block });
  }
  return inLetterRun([...byLetter.values()], (h) => h.block.letter);
}

/**
 * Block letters a sheet may skip and still be read as running from A: headers an extractor
 * lost or boxed where they are not found (a test reads A, B and G of a sheet's seven).
 */
const LOST_LETTERS = 4;

/**
 * A sheet's blocks are lettered A, B, C… on: a letter far past as many letters as there are
 * headers is another text's (a policy heading `Ⅹ．犯罪被害者等施策` once NFKC turned its
 * numeral into an X).
 */
function inLetterRun<T>(headers: readonly T[], letterOf: (h: T) => string): T[] {
  const count = new Set(headers.map(letterOf)).size;
  return headers.filter((h) => letterOf(h).charCodeAt(0) - 'A'.charCodeAt(0) < count + LOST_LETTERS);
}

/** The longest recipient a header names; longer text after a letter is a sentence (a review opinion `B.退院後…を行う`). */
const MAX_RECIPIENT = 50;
const isName = (text: string) => text.length > 0 && [...fold(text)].length <= MAX_RECIPIENT;

function isBalanced(block: Block): boolean {
  return block.items.length > 0 && block.total !== null && Math.abs(itemsSum(block) - block.total) < 0.0051 * block.items.length;
}
