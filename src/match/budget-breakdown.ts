// 予算内訳: per 歳出予算目, this year's 当初予算, next year's 要求 and the 主な増減理由. It stands
// right of the budget table; its rows end at its own 計.
import type { BudgetBreakdown, BudgetYear } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { amountCents, fold, parseAmount } from '../tokenize/values.js';
import { BUDGET_ITEM } from '../tokenize/vocabulary.js';
import { lineWords } from '../tokenize/document.js';
import type { MatchContext } from './context.js';
import { amountOf, headerYear, isYearHead, valuesOf } from './values.js';

/** 予算内訳: item, this year's 当初予算, next year's 要求, 主な増減理由; it ends at 計. */
export function breakdown(ctx: MatchContext, years: readonly BudgetYear[], sheetAmounts: readonly number[] = []): BudgetBreakdown[] {
  if (ctx.isLayout) {
    const itemHead = ctx.first('breakdownItem');
    if (itemHead) return breakdownLines(ctx, itemHead);
  }
  const header = ctx.first('breakdownReason') ?? ctx.first('breakdownItem');
  if (!header) return [];
  const { rows: found } = breakdownRows(ctx, header);
  const rows = found.map(({ token: _, more: __, ...row }) => row);
  // The 内訳's columns add up to this year's 当初予算 and next year's 要求; the budget table's
  // amounts are the targets (any year's, as a misread table may have them in the wrong column).
  // A request of 0 (the project ends) is a target too: the 内訳's 要求 column is all zeros.
  const budgetAmounts = years.flatMap((y) => [y.initial, y.total, y.request]).filter((a): a is number => a !== null && a > 0);
  const zeroRequest = years.some((y) => y.request === 0) ? [0] : [];
  // A budget table not read at all leaves every amount the sheet prints as a target.
  const targets = new Set([...(budgetAmounts.length ? budgetAmounts : sheetAmounts), ...zeroRequest].map(amountCents));
  if (isSplit(rows, targets)) return traced(ctx, found);
  return withHeadlessRow(ctx, header, targets) ?? breakdownColumns(ctx, headsFrom(ctx, header), targets) ?? traced(ctx, found);
}

/** A row read, with its item's box and any other box its text took. */
type FoundRow = BudgetBreakdown & { token: Token; more?: Token[] };

/**
 * Where a reading may start: the 主な増減理由 head, then the 歳出予算目 head. Stream text may
 * print either far from the rows (pdftotext prints 主な増減理由 after them at times).
 */
const headsFrom = (ctx: MatchContext, header: Token): Token[] =>
  [...new Set([header, ctx.first('breakdownItem'), ctx.first('breakdownReason')].filter((t) => t !== undefined))];

/** The rows taken, each traced to its item's box. */
function traced(ctx: MatchContext, rows: readonly FoundRow[]): BudgetBreakdown[] {
  rows.forEach((row, n) => ctx.trace(`budget.breakdown[${n}]`, row.token, ...(row.more ?? [])));
  return rows.map(({ token: _, more: __, ...row }) => row);
}

/**
 * pdftotext may print the first row's item apart from its amounts, after the other rows and
 * even after the column heads (`66`, `69 所要額の精査`, `委託費 35 44…`, … `負担金`): the
 * amounts before the first item are a row whose item is an item name left without amounts.
 * Its reason's first line may come before them (`事業の見直しによ`, `15,982`, `39,462 る減`),
 * read as an item that is no item name. Read from the earliest of the 内訳's heads, and taken
 * only where the columns then add up.
 */
/** The 主な増減理由 column is narrow: a longer text is other prose, not a reason's first line. */
const REASON_LINE = 12;
const isReasonLine = (text: string) => [...fold(text)].length <= REASON_LINE;
/** Shorter is a unit or a mark (`％`), not a reason's first line. */
const MIN_REASON_LINE = 3;

function withHeadlessRow(ctx: MatchContext, header: Token, targets: ReadonlySet<number>): BudgetBreakdown[] | null {
  for (const head of headsFrom(ctx, header)) {
    const { rows, headless, unread } = breakdownRows(ctx, head);
    const [first, ...rest] = rows;
    // One row adds up to itself: the 内訳's own 計 would pass for it.
    if (!first || (!headless && (!rest.length || isItemName(first.item)))) continue;
    for (const item of unread) {
      const withIt = headless
        ? [{ item: item.text, ...headless, token: item }, ...rows]
        : [{ ...first, item: item.text, reason: isReasonLine(first.item) ? first.item + (first.reason ?? '') : first.reason, token: item }, ...rest];
      // The rows read on past the 内訳 into prose until the item's late place: the 内訳 is
      // the first rows that add up.
      for (let n = 2; n <= withIt.length; n++) if (isSplit(withIt.slice(0, n), targets)) return traced(ctx, withIt.slice(0, n));
    }
  }
  return null;
}

/** The 当初予算 and 要求 columns' sums, in cents. */
function columnSums(rows: readonly BudgetBreakdown[]): [number, number] {
  const sumOf = (pick: (r: BudgetBreakdown) => number | null) => amountCents(rows.reduce((a, r) => a + (pick(r) ?? 0), 0));
  return [sumOf((r) => r.currentYear), sumOf((r) => r.nextYearRequest)];
}

/** Each column adds up to one of the budget's amounts. */
function isBalanced(rows: readonly BudgetBreakdown[], targets: ReadonlySet<number>): boolean {
  const [current, request] = columnSums(rows);
  return rows.length > 0 && rows.every((r) => r.currentYear !== null && r.nextYearRequest !== null) && targets.has(current) && targets.has(request);
}

/** Balanced, with no row the whole of both columns: such a row is the budget's own amounts. */
function isSplit(rows: readonly BudgetBreakdown[], targets: ReadonlySet<number>): boolean {
  const [current, request] = columnSums(rows);
  return isBalanced(rows, targets) && !rows.some((r) => amountCents(r.currentYear ?? 0) === current && amountCents(r.nextYearRequest ?? 0) === request);
}

type Amounts = Omit<BudgetBreakdown, 'item'>;

/**
 * The item rows read row by row: an item, then its amounts and reason. Also what did not make
 * a row: the amounts before the first item (`headless`), and item names with no amounts.
 */
function breakdownRows(ctx: MatchContext, header: Token): { rows: FoundRow[]; headless: Amounts | null; unread: Token[] } {
  const out: FoundRow[] = [];
  const unread: Token[] = [];
  let headless: Amounts | null = null;
  let item: Token | null = null;
  let numbers: number[] = [];
  let reason: string | null = null;
  // An amount past a row's two is the 内訳's 計 (or another table's): no reason follows it.
  let sealed = false;
  // A short text that made no row, just before the next item: a reason's first line, printed
  // above its row (`事業の見直しによ`, `委託費`, `2,237`, `2,364 る減`).
  let above: Token | null = null;
  const flush = () => {
    if (item && numbers.length >= 1) {
      const lineAbove = above && reason && above.index === item.index - 1 ? above : null;
      out.push({ item: item.text, currentYear: numbers[0] ?? null, nextYearRequest: numbers[1] ?? null, reason: lineAbove ? lineAbove.text + reason : reason, token: item, ...(lineAbove ? { more: [lineAbove] } : {}) });
    } else if (item && isItemName(item.text)) unread.push(item);
    else if (!item && !out.length && numbers.length === 2) headless = { currentYear: numbers[0]!, nextYearRequest: numbers[1]!, reason };
    item = null;
    numbers = [];
    reason = null;
    sealed = false;
  };
  const tokens = ctx.isLayout ? ctx.tokens.filter((t) => t.col >= header.col - 50 && t.row > header.row).sort((a, b) => a.row - b.row || a.col - b.col) : ctx.tokens.slice(header.index + 1);
  for (const t of tokens) {
    if (t.labels.includes('total') || t.inlineLabel === 'total') break;
    // A rate is the budget table's 執行率, printed among the 内訳's cells.
    if (isLabel(t) || isYearHead(t) || t.lines.length > 3 || valuesOf(t)?.some((v) => v.cell.kind === 'rate')) continue;
    const words = t.text.split(/\s+/);
    const amount = parseAmount(words[0]!);
    // Amounts before any item: the last two may be a row whose item is printed elsewhere.
    if (amount !== null && !item && !out.length) {
      numbers = [...numbers, amount].slice(-2);
      reason = words.slice(1).join('') || null;
    } else if (amount !== null && item) {
      if (numbers.length === 2) sealed = true;
      else numbers.push(amount);
      const rest = words.slice(1).join('');
      if (rest && !sealed) reason = rest;
    } else if (amount === null && item && numbers.length === 2 && !reason && !sealed && !BUDGET_ITEM.test(t.folded)) {
      reason = t.text;
    } else if (amount === null) {
      const dropped = item && !numbers.length && !isItemName(item.text) && isReasonLine(item.text) && [...item.folded].length >= MIN_REASON_LINE ? item : null;
      flush();
      above = dropped;
      item = t;
    }
    if (out.length > 30) break;
  }
  flush();
  return { rows: out, headless, unread };
}

/** How far left of its column head a 予算内訳 cell may start (columns drift with wide characters). */
const BREAKDOWN_DRIFT = 8;
/** Lines of the 予算内訳 below its head: more than any sheet's items and their wraps. */
const BREAKDOWN_LINES = 40;

/**
 * 予算内訳 in layout text, line by line right of the budget table: item, 当初予算, 要求 and
 * reason on one line; a reason or item that wraps goes on below. Single characters are the
 * table's vertical title (平成28・29年度予算内訳) and are passed over.
 */
function breakdownLines(ctx: MatchContext, head: Token): BudgetBreakdown[] {
  const out: Array<BudgetBreakdown & { reasonCol: number; itemCol: number; row: number }> = [];
  const wrapped: Array<{ row: number; col: number; text: string }> = [];
  for (let row = head.row + 1; row <= head.row + BREAKDOWN_LINES; row++) {
    const words = lineWords(ctx.sheet.lines[row - 1] ?? '')
      .filter((w) => w.col >= head.col - BREAKDOWN_DRIFT);
    while (words.length && [...words[0]!.text].length === 1) words.shift();
    if (!words.length) continue;
    if (words.some((w) => fold(w.text) === '計')) break;
    const amounts = words.map((w) => parseAmount(w.text));
    const firstAmount = amounts.findIndex((a) => a !== null);
    if (firstAmount > 0) {
      const numbers = amounts.slice(firstAmount).filter((a, i) => a !== null && i < 2) as number[];
      const reasonWords = words.slice(firstAmount + numbers.length);
      out.push({
        item: words.slice(0, firstAmount).map((w) => w.text).join(''),
        currentYear: numbers[0] ?? null,
        nextYearRequest: numbers[1] ?? null,
        reason: reasonWords.length ? reasonWords.map((w) => w.text).join('') : null,
        itemCol: words[0]!.col,
        reasonCol: reasonWords[0]?.col ?? words[firstAmount + numbers.length - 1]!.col + 2,
        row,
      });
      ctx.trace(`budget.breakdown[${out.length - 1}]`, ...ctx.startingOnRows(row, row));
    } else if (firstAmount < 0) {
      const text = words.map((w) => w.text).join('');
      // The vertical title's 年度 (平成27・28年度予算内訳) is no cell.
      if (/^\d*年度$/.test(fold(text))) continue;
      const last = out.at(-1);
      if (last && Math.abs(words[0]!.col - last.itemCol) <= 3 && words[0]!.col < last.reasonCol - 3) last.item += text;
      else wrapped.push({ row, col: words[0]!.col, text });
    }
  }
  // A reason wrapped over lines is centred on its row: its lines go to the nearest item's row,
  // before that row's own words when above it.
  const above = new Map<(typeof out)[number], string[]>();
  for (const line of wrapped) {
    // Between two rows as near, the one below whose own reason it begins (`る減` on the row).
    const distance = (r: (typeof out)[number]) => Math.abs(r.row - line.row) - (r.row > line.row && r.reason ? 0.5 : 0);
    const nearest = out.reduce<(typeof out)[number] | undefined>((a, b) => (!a || distance(b) < distance(a) ? b : a), undefined);
    if (!nearest || line.col < nearest.reasonCol - 3) continue;
    if (line.row < nearest.row) above.set(nearest, [...(above.get(nearest) ?? []), line.text]);
    else nearest.reason = (nearest.reason ?? '') + line.text;
  }
  for (const [row, lines] of above) row.reason = lines.join('') + (row.reason ?? '');
  return out.map(({ item, currentYear, nextYearRequest, reason }) => ({ item, currentYear, nextYearRequest, reason }));
}

/** Tokens after the 内訳's head that its cells may be among: further is another section. */
const COLUMN_REGION = 300;
/** Longer texts are reasons or prose, not 歳出予算目 items. */
const ITEM_LENGTH = 25;

/** A 歳出予算目 item's name (委託費, 諸謝金): short, ending as the template's items end. */
export const isItemName = (text: string) => [...fold(text)].length <= ITEM_LENGTH && BUDGET_ITEM.test(fold(text));
const MAX_ITEMS = 12;

type Cell = { kind: 'text'; text: string; token: Token } | { kind: 'amount'; value: number; reason: string | null; token: Token };

/** The region's cells in stream order: amounts (a reason glued after one is its own) and texts. */
function cellsAfter(ctx: MatchContext, header: Token): Cell[] {
  const out: Cell[] = [];
  for (const t of ctx.tokens.slice(header.index + 1, header.index + 1 + COLUMN_REGION)) {
    // Single characters are the 内訳's vertical title (平成28・29年度予算内訳).
    const values = valuesOf(t);
    if (isLabel(t) || headerYear(t) !== null || (!values && [...t.folded].length === 1)) continue;
    if (values) {
      for (const v of values) {
        const value = amountOf(v);
        if (value !== null) out.push({ kind: 'amount', value, reason: null, token: t });
      }
      continue;
    }
    const [first, ...rest] = t.text.split(/\s+/);
    const value = parseAmount(first!);
    if (value !== null && rest.length) out.push({ kind: 'amount', value, reason: rest.join(''), token: t });
    // Items printed as one box (交付金 ⏎ 試験研究費): one cell a line.
    else if (t.lines.length > 1 && t.lines.every((l) => isItemName(l.text))) out.push(...t.lines.map((l) => ({ kind: 'text' as const, text: l.text, token: t })));
    else out.push({ kind: 'text', text: t.text, token: t });
  }
  return out;
}

/**
 * Stream text may print the 内訳 apart from its rows: a run of items, then their 当初予算 and
 * then their 要求 (column by column), or the amounts in (当初予算, 要求) pairs; more items may
 * follow among the amounts, each with its pair. A reason follows its 要求. From each run of
 * items, the amounts that follow are read both ways, and a reading is taken where both columns
 * add up to the budget's amounts.
 */
function breakdownColumns(ctx: MatchContext, heads: readonly Token[], targets: ReadonlySet<number>): BudgetBreakdown[] | null {
  for (const head of heads) {
    const found = columnsAfter(cellsAfter(ctx, head), targets);
    if (found) return traced(ctx, found);
  }
  return null;
}

/** Boxes from the 内訳's first cell within which its items may be printed in several runs. */
const MULTI_RUN_REACH = 100;

function columnsAfter(cells: readonly Cell[], targets: ReadonlySet<number>): FoundRow[] | null {
  const isItem = (c: Cell | undefined): boolean => c?.kind === 'text' && isItemName(c.text);
  for (let i = 0; i < cells.length; i++) {
    if (!isItem(cells[i]) || isItem(cells[i - 1])) continue;
    let k = 0;
    while (isItem(cells[i + k]) && k < MAX_ITEMS) k++;
    // Amounts before the first of the items' may be other sections' cells.
    for (let j = i + k; j < cells.length; j++) {
      if (cells[j]!.kind !== 'amount') continue;
      const found = readFrom(cells, j, cells.slice(i, i + k) as TextCell[], isItem, targets);
      if (found) return found;
    }
  }
  // The items printed in more than one run (負担金 … 委託費 事業費), their amounts after them all;
  // near the head, for further on the names are other sections' (費目・使途's 人件費).
  const near = (c: Cell) => c.token.index - cells[0]!.token.index < MULTI_RUN_REACH;
  const items = cells.filter((c) => isItem(c) && near(c)) as TextCell[];
  for (let j = cells.findIndex((c) => c === items[1]); j >= 0 && j < cells.length; j++) {
    if (cells[j]!.kind !== 'amount' || cells[j - 1]?.kind === 'amount') continue;
    const found = readFrom(cells, j, items.filter((c) => cells.indexOf(c) < j), isItem, targets);
    if (found) return found;
  }
  return null;
}

type TextCell = Extract<Cell, { kind: 'text' }>;
type AmountCell = Extract<Cell, { kind: 'amount' }>;

/** Walks from `from`, gathering amounts (and items printed among them), until a reading adds up. */
function readFrom(cells: readonly Cell[], from: number, items: readonly TextCell[], isItem: (c: Cell) => boolean, targets: ReadonlySet<number>): Array<BudgetBreakdown & { token: Token }> | null {
  const names = [...items];
  const amounts: Array<{ cell: AmountCell; reason: string | null }> = [];
  for (let at = from; at < cells.length && amounts.length < 2 * MAX_ITEMS; at++) {
    const cell = cells[at]!;
    if (isItem(cell)) names.push(cell as TextCell);
    else if (cell.kind === 'text') {
      // A text after an amount is its reason, when that amount is a 要求.
      const last = amounts[amounts.length - 1];
      if (last && !last.reason) last.reason = cell.text;
      continue;
    } else amounts.push({ cell, reason: cell.reason });
    // One item's amounts add up to themselves: the 内訳's own 計 would pass for them.
    if (amounts.length !== 2 * names.length || names.length < 2) continue;
    for (const [current, request] of splits(amounts, items.length)) {
      if (current!.some((c) => c.reason)) continue;
      const rows = names.map((name, n) => ({ item: name.text, currentYear: current![n]!.cell.value, nextYearRequest: request![n]!.cell.value, reason: request![n]!.reason, token: name.token }));
      if (isSplit(rows, targets)) return rows;
    }
  }
  return null;
}

/**
 * The amounts as (当初予算, 要求) columns: the first run's items column by column, and items
 * printed among the amounts in pairs after them; or every item in pairs.
 */
function splits<T>(xs: readonly T[], run: number): Array<[T[], T[]]> {
  const pairs = (ys: readonly T[]): [T[], T[]] => [ys.filter((_, i) => i % 2 === 0), ys.filter((_, i) => i % 2 === 1)];
  const [rest0, rest1] = pairs(xs.slice(2 * run));
  return [[[...xs.slice(0, run), ...rest0], [...xs.slice(run, 2 * run), ...rest1]], pairs(xs)];
}
