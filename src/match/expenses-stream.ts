// 費目・使途 in stream text. pdfminer and pdftotext print the blocks' cells in orders of their
// own: pdfminer prints a block's amounts as one run (its items, then its 計) but the runs of
// different blocks in page order, and its texts block by block in yet another order; pdftotext
// prints the two blocks of a band row by row (A's item, B's item, A's next...). What holds in
// every order is that a block's own cells keep their row order: its amounts come top to bottom
// with its 計 after them, its 費目 top to bottom, its 使途 top to bottom.
//
// So the region's amounts are decoded as a merge of the blocks' runs, each run rewarded when
// it reaches its 計 (and more when that 計 is an amount the recipients table gives the block);
// then the texts as a merge of the blocks' cells, as many 費目 and 使途 as the block has
// amounts. The template's 費目 vocabulary tells a 費目 cell from a 使途 cell.
import type { Expense } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { lineWords } from '../tokenize/document.js';
import { fold, parseNumber } from '../tokenize/values.js';
import { EXPENSE_CATEGORY, EXPENSE_CATEGORY_PREFIX, EXPENSE_COLUMN_HEAD_WORD, LABELS } from '../tokenize/vocabulary.js';
import { beamSearch, type Offer } from './beam.js';

type Item = Expense['items'][number];

export interface StreamBlock {
  /** `A`, `B`...: blocks A and B share a band, C and D the next. */
  letter: string;
  recipient: string;
  /** Amounts the recipients table gives this block; its 計 is one of them. */
  recipientAmounts: readonly number[];
}

export interface StreamReading {
  items: Item[];
  total: number | null;
  /** The 計 was found printed and the items add up to it. */
  balanced: boolean;
}

/** A block header (`A.name`) or an empty block (`D.`); the header's name runs to its line's end. */
const HEADER = /^([A-ZＡ-Ｚ][.．]|[.．]$)/;
/** The section's own notes, which pdftotext glues to the cells beside them; their words are never cell values. */
const NOTES = [LABELS.expensesTitle.forms[0], LABELS.fundFlowTitle.forms[0]].map(fold);
const isNoteWord = (f: string) => f.length >= 2 && !EXPENSE_CATEGORY.test(f) && NOTES.some((n) => n.includes(f));

/** Beyond these the search would be slow and the text is not one this reader understands. */
const MAX_AMOUNTS = 160;
const MAX_BLOCKS = 16;
/** Paths kept per number of runs closed. */
const AMOUNT_WIDTH = 20;
const TEXT_WIDTH = 20;

// Costs. A 計 reached is worth more than any few moves between blocks, so the arithmetic
// decides; moves decide only between readings the arithmetic cannot tell apart.
const CLOSE_REWARD = 8;
/** A glued amount (`0.5 旅費`) read as the right block's, or as a 計. */
const GLUE_MISMATCH = 1.5;
/** An unglued item of the left block while the right one is open: its row had no right cell. */
const LEFT_UNGLUED = 0.5;
const RUN_COUNT_MISMATCH = 12;
/** More rows than a block of the template has: a run this long is not one block's. */
const MAX_ROWS = 12;
const RECIPIENT_AMOUNT_REWARD = 2;
const SKIP_AMOUNT = 5;
const SKIP_TEXT = 4;
/** A 使途 wrapped into two cells: the second continues the first. */
const CONTINUE_TEXT = 2.5;
const UNCLOSED = 3;
const ITEM_COUNT_MISMATCH = 2;
const UNFILLED_SLOT = 5;
const OUT_OF_ORDER = 0.3;
const NEXT_TO_AMOUNT = 1;
const MAX_SKIPPED_OVER = 3;

interface TextCell {
  text: string;
  isCategory: boolean;
  /** Index of the first amount after this text in the stream. */
  nextAmount: number;
}

/** The region's amounts and texts in stream order; headers, column heads, notes and 計 are not cells. */
function cellsOf(tokens: readonly Token[], blocks: readonly StreamBlock[]): { amounts: number[]; glued: boolean[]; texts: TextCell[] } {
  const names = blocks.map((b) => fold(b.recipient)).filter((n) => n.length >= 2);
  const amounts: number[] = [];
  const glued: boolean[] = [];
  const texts: TextCell[] = [];
  for (const token of tokens) {
    if (isLabel(token)) continue;
    for (const line of token.lines) {
      const words = lineWords(line.text).map((w) => w.text);
      for (const [i, word] of words.entries()) {
        const f = fold(word);
        if (HEADER.test(f)) break;
        if (!isCell(f)) continue;
        const n = parseNumber(word);
        if (n !== null) {
          amounts.push(n);
          const after = words[i + 1];
          glued.push(after !== undefined && isCell(fold(after)) && parseNumber(after) === null);
        }
        // A header's name the extractor wrapped away from its letter.
        else if (!names.some((name) => name.includes(f))) texts.push(...textCellsOf(word).map((c) => ({ ...c, nextAmount: amounts.length })));
      }
    }
  }
  return { amounts, glued, texts };
}

const isCell = (f: string) => f !== '計' && !EXPENSE_COLUMN_HEAD_WORD.test(f) && !isNoteWord(f);

/** A word as one text cell, or two when a 費目 is glued to its 使途. */
function textCellsOf(text: string): Array<Omit<TextCell, 'nextAmount'>> {
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

/** A block's amounts as the stream shows them: its items in row order, then its 計 if printed. */
interface Run {
  items: number[];
  /** Where each item stands among the region's amounts. */
  positions: number[];
  total: number | null;
}

interface OpenRun {
  id: number;
  count: number;
  sum: number;
  /** count and sum, as a state key. */
  key: string;
}

const runKey = (count: number, sum: number) => `${count}:${Math.round(sum * 1e4)}`;
const openRun = (id: number, count: number, sum: number): OpenRun => ({ id, count, sum, key: runKey(count, sum) });

interface AmountStep {
  run: number;
  amount: number;
  position: number;
  isTotal: boolean;
  before: AmountStep | null;
}

interface AmountPath {
  cost: number;
  open: OpenRun[];
  runs: number;
  items: number;
  steps: AmountStep | null;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.0051 + 0.0005 * Math.abs(b);
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The region's amounts cut into runs, one a block, with the blocks not yet named: the
 * cheaper of two readings. `categoryCount`: the 費目 cells of the region, one an item.
 * `hints`: amounts that are some block's 計.
 */
function decodeRuns(amounts: readonly number[], glued: readonly boolean[], blockCount: number, categoryCount: number, hints: readonly number[]): { runs: Run[]; rowByRow: boolean } | null {
  const endCost = (items: number, runs: number) => ITEM_COUNT_MISMATCH * Math.abs(items - categoryCount) + RUN_COUNT_MISMATCH * Math.max(0, runs - blockCount);
  const closeReward = (total: number) => CLOSE_REWARD + (hints.some((h) => sameAmount(h, total)) ? RECIPIENT_AMOUNT_REWARD : 0);
  const consecutive = consecutiveRuns(amounts, blockCount, closeReward);
  // A consecutive reading that places every amount in as many runs as there are blocks and
  // items cannot be bettered by the merged one, which is the costly search.
  const complete = consecutive && !consecutive.skips && consecutive.runs.length === blockCount && consecutive.runs.reduce((n, r) => n + r.items.length, 0) === categoryCount;
  const merged = complete ? null : mergedRuns(amounts, glued, blockCount, closeReward);
  const readings = [consecutive && { ...consecutive, rowByRow: false }, merged && { ...merged, rowByRow: true }].filter((r) => r !== null);
  const costOf = (r: { runs: Run[]; cost: number }) => r.cost + endCost(r.runs.reduce((n, run) => n + run.items.length, 0), r.runs.length);
  // On a tie the consecutive reading wins: the merged one is chosen only when runs interleave.
  return readings.sort((x, y) => costOf(x) - costOf(y))[0] ?? null;
}

/**
 * pdfminer's reading: each block's amounts are one run, items then 計, and the runs follow one
 * another. Found exactly, by dynamic programming over where runs start and how many there are.
 */
function consecutiveRuns(amounts: readonly number[], blockCount: number, closeReward: (total: number) => number): { runs: Run[]; cost: number; skips: number } | null {
  const n = amounts.length;
  // best[i][r]: the cheapest reading of the first i amounts as r runs; from[i][r] where its last run starts.
  const best = Array.from({ length: n + 1 }, () => Array<number>(blockCount + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => Array<number>(blockCount + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r <= blockCount; r++) {
      const here = best[i]![r]!;
      if (here === Infinity) continue;
      // Pass over amounts[i]: a stray value.
      if (here + SKIP_AMOUNT < best[i + 1]![r]!) { best[i + 1]![r] = here + SKIP_AMOUNT; from[i + 1]![r] = -1; }
      if (r === blockCount) continue;
      let sum = 0;
      for (let j = i; j < Math.min(n - 1, i + MAX_ROWS); j++) {
        sum += amounts[j]!;
        if (!sameAmount(sum, amounts[j + 1]!)) continue;
        const cost = here - closeReward(amounts[j + 1]!);
        if (cost < best[j + 2]![r + 1]!) { best[j + 2]![r + 1] = cost; from[j + 2]![r + 1] = i; }
      }
    }
  }
  let r = best[n]!.reduce((m, c, k) => (c < best[n]![m]! ? k : m), 0);
  const cost = best[n]![r]!;
  if (cost === Infinity) return null;
  const runs: Run[] = [];
  let skips = 0;
  for (let i = n; i > 0;) {
    const start = from[i]![r]!;
    if (start < 0) { i -= 1; skips += 1; continue; }
    runs.unshift({ items: amounts.slice(start, i - 1), positions: range(start, i - 1), total: amounts[i - 1]! });
    i = start;
    r -= 1;
  }
  return { runs, cost, skips };
}

/**
 * pdftotext's reading: the two blocks of a band alternate row by row, so up to two runs are
 * open at once, and a run's 計 may be missing.
 */
function mergedRuns(amounts: readonly number[], glued: readonly boolean[], blockCount: number, closeReward: (total: number) => number): { runs: Run[]; cost: number } | null {
  const expand = (path: AmountPath, { amount, position }: { amount: number; position: number }, offer: Offer<AmountPath>) => {
    // An amount glued to the text after it (`0.5 旅費`) ends a left block's cell beside the
    // right block's 費目 on the same row: it is an item of the left run, the earlier opened.
    const side = (j: number) => (path.open.length === 2 || j === 1 ? j : -1);
    const misplaced = (j: number, isTotal: boolean) => (glued[position] ? (isTotal || side(j) === 1 ? GLUE_MISMATCH : 0) : !isTotal && side(j) === 0 ? LEFT_UNGLUED : 0);
    // A move names the state it reaches by its key and builds it only if it is kept.
    const move = (cost: number, items: number, runs: number, open: () => OpenRun[], openKey: string, step: Omit<AmountStep, 'before' | 'amount' | 'position'> | null, closed: number) =>
      offer(path.cost + cost, `${items}|${runs}|${openKey}`,
        () => ({ cost: path.cost + cost, items, runs, open: open(), steps: step ? { ...step, amount, position, before: path.steps } : path.steps }),
        // Paths are compared only with those that closed as many runs.
        closed);
    const keys = path.open.map((r) => r.key);
    const without = (j: number) => path.open.filter((_, i) => i !== j);
    const keyWithout = (j: number) => keys.filter((_, i) => i !== j).join(',');
    const closedRuns = path.runs - path.open.length;
    move(SKIP_AMOUNT, path.items, path.runs, () => path.open, keys.join(','), null, closedRuns);
    // Moving between the two open runs is free: row-by-row text does it on every cell.
    path.open.forEach((run, j) => {
      if (run.count < MAX_ROWS) {
        const grown = runKey(run.count + 1, run.sum + amount);
        move(misplaced(j, false), path.items + 1, path.runs, () => path.open.with(j, openRun(run.id, run.count + 1, run.sum + amount)), keys.map((k, i) => (i === j ? grown : k)).join(','), { run: run.id, isTotal: false }, closedRuns);
      }
      if (sameAmount(run.sum, amount)) move(misplaced(j, true) - closeReward(amount), path.items, path.runs, () => without(j), keyWithout(j), { run: run.id, isTotal: true }, closedRuns + 1);
      // A run whose 計 is not in reach (printed elsewhere, or not at all) is given up, freeing its place.
      move(UNCLOSED, path.items, path.runs, () => without(j), keyWithout(j), null, closedRuns + 1);
    });
    if (path.open.length < 2 && path.runs < blockCount) {
      move(misplaced(path.open.length, false), path.items + 1, path.runs + 1, () => [...path.open, openRun(path.runs, 1, amount)], [...keys, runKey(1, amount)].join(','), { run: path.runs, isTotal: false }, closedRuns);
    }
  };
  const start: AmountPath = { cost: 0, open: [], runs: 0, items: 0, steps: null };
  const ends = beamSearch(amounts.map((amount, position) => ({ amount, position })), start, expand, AMOUNT_WIDTH);
  if (!ends.length) return null;
  const runsOf = (p: AmountPath) => {
    const runs: Run[] = Array.from({ length: p.runs }, () => ({ items: [], positions: [], total: null }));
    for (const s of walk(p.steps)) {
      if (s.isTotal) runs[s.run]!.total = s.amount;
      else {
        runs[s.run]!.items.push(s.amount);
        runs[s.run]!.positions.push(s.position);
      }
    }
    return runs;
  };
  // Unclosed runs are charged by the caller; rank the ends the same way here.
  // Runs still open at the end never reached a 計: charged as those given up on the way.
  return ends.map((p) => ({ runs: runsOf(p), cost: p.cost + UNCLOSED * p.open.length })).sort((x, y) => x.cost - y.cost)[0]!;
}

/**
 * Which run is which block's: a run whose 計 is the amount the recipients table gives a block's
 * recipient is that block's; the others go to the remaining blocks in letter order.
 */
function assignRuns(runs: readonly Run[], blocks: readonly StreamBlock[]): Array<Run | null> {
  const out: Array<Run | null> = blocks.map(() => null);
  const free = new Set(runs.map((_, i) => i));
  blocks.forEach((block, b) => {
    const r = [...free].find((i) => block.recipientAmounts.some((a) => sameAmount(a, runs[i]!.total ?? NaN)));
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
 * The texts as a merge of the blocks' cells, as many 費目 and 使途 as each block's run has
 * amounts. Where the amounts interleave (`rowByRow`), the texts were printed row by row with
 * them, a row's texts just before its amount: a text is drawn to the row of the amount after it.
 */
function decodeTexts(texts: readonly TextCell[], blocks: readonly StreamBlock[], runs: ReadonlyArray<Run | null>, rowByRow: boolean): TextPath | null {
  const k = blocks.length;
  const counts = runs.map((r) => r?.items.length ?? 0);
  const rowOfAmount = new Map<number, { block: number; row: number }>();
  runs.forEach((run, block) => run?.positions.forEach((position, row) => rowOfAmount.set(position, { block, row })));
  const beforeItsAmount = (cell: TextCell, block: number, row: number) => {
    if (!rowByRow) return false;
    const owner = rowOfAmount.get(cell.nextAmount);
    return owner !== undefined && owner.block === block && owner.row === row;
  };
  const taken = (p: TextPath, slot: number) => p.taken.charCodeAt(slot);
  const took = (p: TextPath, slot: number) => p.taken.slice(0, slot) + String.fromCharCode(taken(p, slot) + 1) + p.taken.slice(slot + 1);
  const finished = (p: TextPath, b: number) => taken(p, b) === counts[b] && taken(p, k + b) === counts[b];
  const expand = (path: TextPath, cell: TextCell, offer: Offer<TextPath>) => {
    const move = (cost: number, next: Omit<TextPath, 'cost' | 'steps'>, step: Omit<TextStep, 'before' | 'text'> | null) =>
      offer(path.cost + cost, `${next.current}|${next.lastPurpose}|${next.taken}`, () => ({ ...next, cost: path.cost + cost, steps: step ? { ...step, text: cell.text, before: path.steps } : path.steps }));
    move(SKIP_TEXT, { ...path, lastPurpose: -1 }, null);
    const from = path.current;
    const fromFinished = from >= 0 && finished(path, from);
    if (!cell.isCategory && path.lastPurpose >= 0) move(CONTINUE_TEXT, path, { block: path.lastPurpose, role: 'more' });
    let skippedOver = 0;
    for (let b = 0; b < k; b++) {
      const slot = cell.isCategory ? b : k + b;
      const fresh = taken(path, b) + taken(path, k + b) === 0;
      if (fresh && counts[b]! > 0) skippedOver += 1;
      if (taken(path, slot) >= counts[b]!) continue;
      // Opening a block past several unopened ones is dearer than any reading worth keeping.
      if (fresh && skippedOver > MAX_SKIPPED_OVER) continue;
      const cost = moveCost(blocks, from, b, fromFinished, fresh ? skippedOver - 1 : 0) - (beforeItsAmount(cell, b, taken(path, slot)) ? NEXT_TO_AMOUNT : 0);
      move(cost, { taken: took(path, slot), current: b, lastPurpose: cell.isCategory ? -1 : b }, { block: b, role: cell.isCategory ? 'category' : 'purpose' });
    }
  };
  const start: TextPath = { cost: 0, taken: String.fromCharCode(...Array<number>(2 * k).fill(0)), current: -1, lastPurpose: -1, steps: null };
  const unfilled = (p: TextPath) => counts.reduce((c, n, b) => c + (n - taken(p, b)) + (n - taken(p, k + b)), 0);
  const ends = beamSearch(texts, start, expand, TEXT_WIDTH);
  return ends.map((p) => ({ p, cost: p.cost + UNFILLED_SLOT * unfilled(p) })).sort((a, b) => a.cost - b.cost)[0]?.p ?? null;
}

function* walk<S extends { before: S | null }>(last: S | null): Generator<S> {
  const steps: S[] = [];
  for (let s = last; s; s = s.before) steps.push(s);
  yield* steps.reverse();
}

/**
 * Reads every block of the region from its cells, or null when the region is too large for
 * the search. A block's reading is null when no amount of it was found.
 */
export function readStreamBlocks(tokens: readonly Token[], blocks: readonly StreamBlock[]): Array<StreamReading | null> | null {
  const { amounts, glued, texts } = cellsOf(tokens, blocks);
  if (!blocks.length || blocks.length > MAX_BLOCKS || amounts.length > MAX_AMOUNTS) return null;
  const categoryCount = texts.filter((t) => t.isCategory).length;
  const found = decodeRuns(amounts, glued, blocks.length, categoryCount, blocks.flatMap((b) => b.recipientAmounts));
  if (!found) return null;
  const runs = assignRuns(found.runs, blocks);
  const words = decodeTexts(texts, blocks, runs, found.rowByRow);
  const readings = blocks.map(() => ({ categories: [] as string[], purposes: [] as string[] }));
  for (const s of walk(words?.steps ?? null)) {
    const r = readings[s.block]!;
    if (s.role === 'category') r.categories.push(s.text);
    else if (s.role === 'purpose') r.purposes.push(s.text);
    else r.purposes[r.purposes.length - 1] += s.text;
  }
  return runs.map((run, b) => {
    if (!run?.items.length) return null;
    const r = readings[b]!;
    const items = run.items.map((amount, i) => ({ category: r.categories[i] ?? null, purpose: r.purposes[i] ?? null, amount }));
    return { items, total: run.total ?? round(run.items.reduce((x, y) => x + y, 0)), balanced: run.total !== null };
  });
}
