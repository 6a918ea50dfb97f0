// 費目・使途 in stream text. pdfminer and pdftotext print the blocks' cells in orders of their
// own: pdfminer prints a block's amounts as one run (its items, then its 計) but the runs of
// different blocks in page order, and its texts block by block in yet another order; pdftotext
// prints the two blocks of a band row by row (A's item, B's item, A's next...). What holds in
// every order is that a block's own cells keep their row order: its amounts come top to bottom
// with its 計 after them, its 費目 top to bottom, its 使途 top to bottom.
//
// So the region's amounts are cut into the blocks' runs first (expense-runs.ts; a block no run
// reaches is read from the 計 its recipient's amount gives, runFromTotal); then the texts
// are decoded as a merge of the blocks' cells, as many 費目 and 使途 as the block has amounts.
// The template's 費目 vocabulary tells a 費目 cell from a 使途 cell.
import type { Expense } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { lineWords } from '../tokenize/document.js';
import { fold, parseNumber, roundAmount } from '../tokenize/values.js';
import { EXPENSE_BLOCK_HEADER, EXPENSE_CATEGORIES_UNNAMED, EXPENSE_CATEGORY, EXPENSE_CATEGORY_PREFIX, EXPENSE_COLUMN_HEAD_WORD, EXPENSE_EMPTY_BLOCK, FLOW_CONNECTOR, LABELS } from '../tokenize/vocabulary.js';
import { beamSearch, walk, type Offer } from './beam.js';
import { decodeRuns, interleavedRuns, otherSplits, runFromTotal, sameAmount, zeroShifts, type Run } from './expense-runs.js';

type Item = Expense['items'][number];

export interface StreamBlock {
  /** `A`, `B`...: blocks A and B share a band, C and D the next. */
  letter: string;
  recipient: string;
  /** Amounts the fund flow and the recipients table give this block, surest first; its 計 is one of them. */
  totalHints: readonly number[];
  /** Where its header stands in the stream: blocks are printed in that order, not always by letter. */
  printedAt: number;
  /** The section's lines gave its items and its 計, even if not every amount (arithmetic completes those). */
  readFromLines: boolean;
}

export interface StreamReading {
  items: Item[];
  total: number | null;
  /** The 計 was found printed and the items add up to it. */
  balanced: boolean;
}

/** The section's own notes, which pdftotext glues to the cells beside them; their words are never cell values. */
const NOTES = [LABELS.expensesTitle.forms[0], LABELS.fundFlowTitle.forms[0]].map(fold);
const isNoteWord = (f: string) => f.length >= 2 && !EXPENSE_CATEGORY.test(f) && NOTES.some((n) => n.includes(f));

/** Beyond these the search would be slow and the text is not one this reader understands. */
const MAX_AMOUNTS = 160;
const MAX_BLOCKS = 16;
const TEXT_WIDTH = 20;

// Costs of the text search: a skipped text costs more than any few moves between blocks.
const SKIP_TEXT = 4;
/** A 使途 wrapped into two cells: the second continues the first. */
const CONTINUE_TEXT = 2.5;
const UNFILLED_SLOT = 5;
const OUT_OF_ORDER = 0.3;
const NEXT_TO_AMOUNT = 1;
const MAX_SKIPPED_OVER = 3;
/** A 使途 printed on its 費目's line (`その他 消費税等`, `委託費調査…`) read into another row. */
const PAIR_BROKEN = 3;
/**
 * A text read into the block whose header was the last printed before it (pdfminer prints a
 * block's texts after its header, but not always): a small preference, less than a move between
 * blocks, so that it decides between readings otherwise alike.
 */
const AFTER_OWN_HEADER = 0.3;
/**
 * A 使途 that names its row's 費目 (`現地調査に係る旅費` under `旅費`, `研究員の人件費` under
 * `人件費`): a row is a 費目 and its use, so as much as a text printed beside its own amount.
 */
const NAMES_CATEGORY = 2;
/** What a 使途 names of its 費目: the 費目 without its 費, 金 or 等 (旅費 → 旅, 補助金 → 補助). */
const categoryStem = (category: string) => {
  const bare = category.replace(/等$/, '');
  return EXPENSE_CATEGORIES_UNNAMED.includes(bare) ? '' : bare.replace(/[費金]$/, '');
};
/** A text printed right after an amount on its line (`10 その他`) read into that amount's block. */
const BESIDE_OWN_AMOUNT = 2;
/**
 * The same text read into the block to the right of that amount's in its band (A's amount, then
 * B's 費目 on the line, as a band's row is printed): worth as much as a text passed over.
 */
const BESIDE_PARTNER = SKIP_TEXT;

interface TextCell {
  text: string;
  isCategory: boolean;
  /** Index of the first amount after this text in the stream. */
  nextAmount: number;
  /** A 使途 that follows a 費目 on the same line: a row's two cells side by side. */
  pairedWithCategory: boolean;
  /** The amount just before this text on its line: a cell of the block to that amount's right. */
  besideAmount: number | null;
  /** The letter of the last block header printed before this text. */
  afterHeader: string | null;
}

/** The region's amounts and texts in stream order; headers, column heads, notes and 計 are not cells. */
function cellsOf(tokens: readonly Token[], blocks: readonly StreamBlock[]): { amounts: number[]; glued: boolean[]; texts: TextCell[] } {
  const names = blocks.map((b) => fold(b.recipient)).filter((n) => n.length >= 2);
  const amounts: number[] = [];
  const glued: boolean[] = [];
  const texts: TextCell[] = [];
  let afterHeader: string | null = null;
  let cellsSinceHeader = true;
  for (const token of tokens) {
    if (isLabel(token)) continue;
    for (const line of token.lines) {
      const words = lineWords(line.text).map((w) => w.text);
      let previous: 'none' | 'amount' | 'category' | 'purpose' = 'none';
      for (const [i, word] of words.entries()) {
        const f = fold(word);
        // A block's header: its name runs to the line's end.
        // Headers printed together (`A.甲社 B.乙社`, a band's two) say nothing of the texts after them.
        const header = EXPENSE_BLOCK_HEADER.exec(f);
        if (header) afterHeader = cellsSinceHeader ? header[1]!.normalize('NFKC') : null;
        if (header) cellsSinceHeader = false;
        if (header || EXPENSE_EMPTY_BLOCK.test(f)) break;
        if (!isCell(f)) {
          previous = 'none';
          continue;
        }
        cellsSinceHeader = true;
        const n = parseNumber(word);
        if (n !== null) {
          amounts.push(n);
          const after = words[i + 1];
          glued.push(after !== undefined && isCell(fold(after)) && parseNumber(after) === null);
          previous = 'amount';
        }
        // A header's name the extractor wrapped away from its letter.
        else if (!names.some((name) => name.includes(f))) {
          const besideAmount = previous === 'amount' ? amounts.length - 1 : null;
          for (const [j, cell] of textCellsOf(word).entries()) {
            const pairedWithCategory = !cell.isCategory && (j > 0 || previous === 'category');
            texts.push({ ...cell, nextAmount: amounts.length, pairedWithCategory, besideAmount: j === 0 ? besideAmount : null, afterHeader });
            previous = cell.isCategory ? 'category' : 'purpose';
          }
        } else previous = 'none';
      }
    }
  }
  return { amounts, glued, texts };
}

// The fund flow's arrow words (再委託) that pdftotext prints amid the 費目・使途 tables are no cells.
const isCell = (f: string) => f !== '計' && !EXPENSE_COLUMN_HEAD_WORD.test(f) && !isNoteWord(f) && !FLOW_CONNECTOR.test(f);

/** A word as one text cell, or two when a 費目 is glued to its 使途. */
function textCellsOf(text: string): Array<Pick<TextCell, 'text' | 'isCategory'>> {
  const f = fold(text);
  if (EXPENSE_CATEGORY.test(f)) return [{ text, isCategory: true }];
  const head = EXPENSE_CATEGORY_PREFIX.exec(f)?.[0];
  // The heads are kanji, which NFKC keeps, so the head's length is the same in the original.
  if (head && f.length - head.length >= 2) return [{ text: text.slice(0, head.length), isCategory: true }, { text: text.slice(head.length), isCategory: false }];
  return [{ text, isCategory: false }];
}

const letterIndex = (letter: string) => letter.charCodeAt(0) - 'A'.charCodeAt(0);

/**
 * What moving from the last cell's block to another costs: nothing to stay, little to move on
 * from a finished block, more to leave one half read, and less if the other is its band
 * partner, which row-by-row text alternates with. Opening a block while blocks of earlier
 * letters are still unopened costs a little for each: extractors mostly keep letter order.
 */
function moveCost(blocks: readonly StreamBlock[], from: number, to: number, fromFinished: boolean, skippedOver: number): number {
  if (from === to) return 0;
  const base = from < 0 || fromFinished ? 0.5 : (letterIndex(blocks[from]!.letter) ^ 1) === letterIndex(blocks[to]!.letter) ? 1.5 : 3;
  return base + OUT_OF_ORDER * skippedOver;
}

/** The blocks' indexes in the order their headers are printed (letter order where that is unknown). */
const byPrintOrder = (blocks: readonly StreamBlock[]) => blocks.map((_, b) => b).sort((x, y) => (blocks[x]!.printedAt - blocks[y]!.printedAt) || x - y);

/**
 * Which run is which block's: a run whose 計 is the amount the recipients table gives a block's
 * recipient is that block's (of blocks with one 計, the one whose header is printed first takes
 * the run printed first); the others go to the remaining blocks in letter order.
 */
function assignRuns(runs: readonly Run[], blocks: readonly StreamBlock[]): Array<Run | null> {
  const out: Array<Run | null> = blocks.map(() => null);
  const free = new Set(runs.map((_, i) => i));
  byPrintOrder(blocks).forEach((b) => {
    const block = blocks[b]!;
    // The block's amounts in the order given: the surer first.
    const r = block.totalHints.map((a) => [...free].find((i) => sameAmount(a, runs[i]!.total ?? NaN))).find((i) => i !== undefined);
    if (r === undefined) return;
    out[b] = runs[r]!;
    free.delete(r);
  });
  const rest = [...free];
  blocks.forEach((_, b) => {
    if (out[b] === null && rest.length) out[b] = runs[rest.shift()!]!;
  });
  return out;
}

interface TextStep {
  block: number;
  role: 'category' | 'purpose' | 'more';
  text: string;
  before: TextStep | null;
}

interface TextPath {
  cost: number;
  /** Per block, the 費目 then the 使途 taken so far, one character each: a cheap state key. */
  taken: string;
  current: number;
  /** The block whose 使途 the last cell was, which a wrapped next cell may continue. */
  lastPurpose: number;
  steps: TextStep | null;
}

/**
 * Whether a 使途 names the 費目 of the row a path would put it in (the block's next 使途 row,
 * `rowOf`). Only a 使途 that names some 費目 of the region asks.
 */
function categoryNamer(texts: readonly TextCell[], k: number, rowOf: (p: TextPath, block: number) => number): (p: TextPath, cell: TextCell, block: number) => boolean {
  const stems = [...new Set(texts.filter((t) => t.isCategory).map((t) => categoryStem(fold(t.text))).filter((st) => st.length > 0))];
  const mayName = new Set(texts.filter((t) => !t.isCategory && stems.some((st) => fold(t.text).includes(st))));
  // Paths share their steps: each step's 費目 so far are worked out once, from its parent's.
  const none: string[][] = Array.from({ length: k }, () => []);
  const memo = new WeakMap<TextStep, string[][]>();
  const categoriesAt = (step: TextStep | null): string[][] => {
    if (!step) return none;
    let out = memo.get(step);
    if (!out) {
      const before = categoriesAt(step.before);
      out = before;
      if (step.role === 'category') {
        out = before.slice();
        out[step.block] = [...before[step.block]!, step.text];
      }
      memo.set(step, out);
    }
    return out;
  };
  return (p, cell, block) => {
    if (!mayName.has(cell)) return false;
    const category = categoriesAt(p.steps)[block]![rowOf(p, block)];
    const stem = category === undefined ? '' : categoryStem(fold(category));
    return stem.length > 0 && fold(cell.text).includes(stem);
  };
}

/**
 * The texts as a merge of the blocks' cells, as many 費目 and 使途 as each block's run has
 * amounts. Where a row's texts are printed just before its amount (row by row, or a band's left
 * block row by row with its partner's texts between), a text is drawn to the row of the amount
 * after it.
 */
function decodeTexts(texts: readonly TextCell[], blocks: readonly StreamBlock[], runs: ReadonlyArray<Run | null>): TextPath | null {
  const k = blocks.length;
  const counts = runs.map((r) => r?.items.length ?? 0);
  const rowOfAmount = new Map<number, { block: number; row: number }>();
  runs.forEach((run, block) => run?.positions.forEach((position, row) => rowOfAmount.set(position, { block, row })));
  const beforeItsAmount = (cell: TextCell, block: number, row: number) => {
    const owner = rowOfAmount.get(cell.nextAmount);
    return owner !== undefined && owner.block === block && owner.row === row;
  };
  // Worked out once, not per path: the block of the amount a text follows on its line, and the
  // block to the right of each left block in its band.
  const besideBlock = new Map(texts.map((cell) => [cell, cell.besideAmount === null ? undefined : rowOfAmount.get(cell.besideAmount)?.block]));
  const rightPartner = blocks.map((b) => (letterIndex(b.letter) % 2 === 0 ? blocks.findIndex((o) => letterIndex(o.letter) === letterIndex(b.letter) + 1) : -1));
  const besideOwnAmount = (cell: TextCell, block: number) => besideBlock.get(cell) === block;
  const besidePartner = (cell: TextCell, block: number) => {
    const owner = besideBlock.get(cell);
    return owner !== undefined && rightPartner[owner] === block;
  };
  // The 使途 of the 費目 just taken is in that 費目's block and row.
  const pairBroken = (p: TextPath, cell: TextCell, block: number) => cell.pairedWithCategory && (block !== p.current || taken(p, k + block) !== taken(p, block) - 1);
  const taken = (p: TextPath, slot: number) => p.taken.charCodeAt(slot);
  const took = (p: TextPath, slot: number) => p.taken.slice(0, slot) + String.fromCharCode(taken(p, slot) + 1) + p.taken.slice(slot + 1);
  const finished = (p: TextPath, b: number) => taken(p, b) === counts[b] && taken(p, k + b) === counts[b];
  const namesCategory = categoryNamer(texts, k, (p, block) => taken(p, k + block));
  const expand = (path: TextPath, cell: TextCell, offer: Offer<TextPath>) => {
    // The path and its step are built only for the moves the beam keeps.
    const move = (cost: number, taken: string, current: number, lastPurpose: number, block: number, role: TextStep['role'] | null) => {
      const total = path.cost + cost;
      offer(total, `${current}|${lastPurpose}|${taken}`, () => ({ cost: total, taken, current, lastPurpose, steps: role ? { block, role, text: cell.text, before: path.steps } : path.steps }));
    };
    move(SKIP_TEXT, path.taken, path.current, -1, -1, null);
    const from = path.current;
    const fromFinished = from >= 0 && finished(path, from);
    if (!cell.isCategory && path.lastPurpose >= 0) move(CONTINUE_TEXT, path.taken, path.current, path.lastPurpose, path.lastPurpose, 'more');
    let skippedOver = 0;
    for (let b = 0; b < k; b++) {
      const slot = cell.isCategory ? b : k + b;
      const fresh = taken(path, b) + taken(path, k + b) === 0;
      if (fresh && counts[b]! > 0) skippedOver += 1;
      if (taken(path, slot) >= counts[b]!) continue;
      // Opening a block past several unopened ones is dearer than any reading worth keeping.
      if (fresh && skippedOver > MAX_SKIPPED_OVER) continue;
      const cost = moveCost(blocks, from, b, fromFinished, fresh ? skippedOver - 1 : 0) - (beforeItsAmount(cell, b, taken(path, slot)) ? NEXT_TO_AMOUNT : 0)
        + (pairBroken(path, cell, b) ? PAIR_BROKEN : 0) + (besideOwnAmount(cell, b) ? BESIDE_OWN_AMOUNT : 0) - (besidePartner(cell, b) ? BESIDE_PARTNER : 0)
        - (cell.afterHeader === blocks[b]!.letter ? AFTER_OWN_HEADER : 0) - (namesCategory(path, cell, b) ? NAMES_CATEGORY : 0);
      move(cost, took(path, slot), b, cell.isCategory ? -1 : b, b, cell.isCategory ? 'category' : 'purpose');
    }
  };
  const start: TextPath = { cost: 0, taken: String.fromCharCode(...Array<number>(2 * k).fill(0)), current: -1, lastPurpose: -1, steps: null };
  const unfilled = (p: TextPath) => counts.reduce((c, n, b) => c + (n - taken(p, b)) + (n - taken(p, k + b)), 0);
  const ends = beamSearch(texts, start, expand, TEXT_WIDTH);
  return ends.map((p) => ({ ...p, cost: p.cost + UNFILLED_SLOT * unfilled(p) })).sort((a, b) => a.cost - b.cost)[0] ?? null;
}

/**
 * Blocks whose runs the 計 alone could not tell apart: each run's 計 is one the other block is
 * given too (two blocks of 0.5). Their texts decide, below.
 */
function tiedRuns(runs: ReadonlyArray<Run | null>, blocks: readonly StreamBlock[]): Array<[number, number]> {
  const total = (b: number) => runs[b]?.total ?? null;
  const hinted = (b: number, amount: number) => blocks[b]!.totalHints.some((h) => sameAmount(h, amount));
  const out: Array<[number, number]> = [];
  for (let x = 0; x < blocks.length; x++) {
    for (let y = x + 1; y < blocks.length; y++) {
      const [tx, ty] = [total(x), total(y)];
      if (tx !== null && ty !== null && sameAmount(tx, ty) && hinted(x, ty) && hinted(y, tx)) out.push([x, y]);
    }
  }
  return out;
}

/** The runs, with each tied pair swapped where the texts then read at a lower cost, and the texts' reading. */
function runsTheTextsFit(texts: readonly TextCell[], blocks: readonly StreamBlock[], runs: Array<Run | null>): { runs: Array<Run | null>; words: TextPath | null } {
  let best = { runs, words: decodeTexts(texts, blocks, runs) };
  const consider = (other: Array<Run | null>) => {
    const words = decodeTexts(texts, blocks, other);
    if (words && (!best.words || words.cost < best.words.cost)) best = { runs: other, words };
  };
  for (const [x, y] of tiedRuns(runs, blocks)) {
    const swapped = [...best.runs];
    [swapped[x], swapped[y]] = [swapped[y]!, swapped[x]!];
    consider(swapped);
  }
  // Only a band's two blocks are printed row by row, so only theirs interleave.
  const partners = ([x, y]: [number, number]) => (letterIndex(blocks[x]!.letter) ^ 1) === letterIndex(blocks[y]!.letter);
  for (const [x, y] of interleavedRuns(best.runs).filter(partners)) {
    for (const [rx, ry] of otherSplits(best.runs[x]!, best.runs[y]!)) consider(best.runs.map((r, b) => (b === x ? rx : b === y ? ry : r)));
  }
  // Where runs interleave, cells are printed row by row and a block's zero rows may stand among
  // another's; pdfminer prints each block's run whole, zeros with it. A block takes no more zero
  // rows than the 費目 printed after its header outnumber its items.
  if (interleavedRuns(best.runs).length) {
    const headed = blocks.map((block) => texts.filter((t) => t.isCategory && t.afterHeader === block.letter).length);
    for (const shifted of zeroShifts(best.runs, (b) => headed[b]! - (best.runs[b]?.items.length ?? 0))) consider(shifted);
  }
  return best;
}

/**
 * Reads every block of the region from its cells, or null when the region is too large for
 * the search. A block's reading is null when no amount of it was found.
 */
export function readStreamBlocks(tokens: readonly Token[], blocks: readonly StreamBlock[]): Array<StreamReading | null> | null {
  const { amounts, glued, texts } = cellsOf(tokens, blocks);
  if (!blocks.length || blocks.length > MAX_BLOCKS || amounts.length > MAX_AMOUNTS) return null;
  const categoryCount = texts.filter((t) => t.isCategory).length;
  const found = decodeRuns(amounts, glued, blocks.length, categoryCount, blocks.flatMap((b) => b.totalHints));
  if (!found) return null;
  const runs = assignRuns(found.runs, blocks);
  // A block left without its 計, which the recipients table or the fund flow gives, and which the
  // section's lines did not read (a rescued run takes its texts from the other blocks'). Where
  // runs interleave, a band printed row by row, so is a block whose run closed at a sum its
  // recipient is not given: two of its items and another block's may add up to an amount
  // printed after them (20.7 + 15.8 = 36.5) while its own 計 stands far away.
  const rowByRow = interleavedRuns(runs).length > 0;
  blocks.forEach((block, b) => {
    const total = runs[b]?.total;
    const hinted = total != null && block.totalHints.some((h) => sameAmount(h, total));
    if (block.readFromLines || !block.totalHints.length || (total != null && (hinted || !rowByRow))) return;
    runs[b] = runFromTotal(amounts, runs.with(b, null), block.totalHints) ?? runs[b]!;
  });
  const { runs: fitted, words } = runsTheTextsFit(texts, blocks, runs);
  const readings = blocks.map(() => ({ categories: [] as string[], purposes: [] as string[] }));
  for (const s of walk(words?.steps ?? null)) {
    const r = readings[s.block]!;
    if (s.role === 'category') r.categories.push(s.text);
    else if (s.role === 'purpose') r.purposes.push(s.text);
    else r.purposes[r.purposes.length - 1] += s.text;
  }
  return fitted.map((run, b) => {
    if (!run?.items.length) return null;
    const r = readings[b]!;
    const items = run.items.map((amount, i) => ({ category: r.categories[i] ?? null, purpose: r.purposes[i] ?? null, amount }));
    return { items, total: run.total ?? roundAmount(run.items.reduce((x, y) => x + y, 0)), balanced: run.total !== null };
  });
}
