// 予算内訳: per 歳出予算目, this year's 当初予算, next year's 要求 and the 主な増減理由. It stands
// right of the budget table; its rows end at its own 計.
import type { BudgetBreakdown, BudgetYear } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { amountCents, fold, parseAmount } from '../tokenize/values.js';
import { BUDGET_ITEM } from '../tokenize/vocabulary.js';
import { cellsAfter, columnsAfter, isItemName, isReasonLine, isSingleItem, isSplit, itemsLate, requestsApart, rowsAmong, type FoundRow } from './breakdown-columns.js';
import { lineWords } from '../tokenize/document.js';
import type { MatchContext } from './context.js';
import { isYearHead, valuesOf } from './values.js';

/** 予算内訳: item, this year's 当初予算, next year's 要求, 主な増減理由; it ends at 計. */
export function breakdown(ctx: MatchContext, years: readonly BudgetYear[], sheetAmounts: readonly number[] = []): BudgetBreakdown[] {
  if (ctx.isLayout) {
    const itemHead = ctx.first('breakdownItem');
    if (itemHead) return breakdownLines(ctx, itemHead);
  }
  const header = ctx.first('breakdownReason') ?? ctx.first('breakdownItem');
  if (!header) return [];
  const reading = breakdownRows(ctx, header);
  const { rows: found } = reading;
  const rows = withoutBoxes(found);
  // The 内訳's columns add up to this year's 当初予算 and next year's 要求; the budget table's
  // amounts are the targets (any year's, as a misread table may have them in the wrong column).
  // A request of 0 (the project ends) is a target too: the 内訳's 要求 column is all zeros; so is
  // this year's 当初予算 of 0 (a new project, funded from next year): its 当初予算 column.
  const budgetAmounts = years.flatMap((y) => [y.initial, y.total, y.request]).filter((a): a is number => a !== null && a > 0);
  const zeroRequest = years.some((y) => y.request === 0) || years.at(-2)?.initial === 0 ? [0] : [];
  // A budget table not read at all leaves every amount the sheet prints as a target.
  const targets = new Set([...(budgetAmounts.length ? budgetAmounts : sheetAmounts), ...zeroRequest].map(amountCents));
  if (isSplit(rows, targets)) return traced(ctx, found);
  const readAt = (head: Token) => (head === header ? reading : breakdownRows(ctx, head));
  const single = headsFrom(ctx, header).map((head) => withLoneItem(readAt(head))).find((r) => isSingleItem(withoutBoxes(r), targets));
  if (single) return traced(ctx, single);
  return withHeadlessRow(ctx, headsFrom(ctx, header), readAt, targets) ?? breakdownColumns(ctx, headsFrom(ctx, header), targets) ?? traced(ctx, found);
}

/**
 * A single row read under a text that is no item name (a goal's last line printed between the
 * heads and the amounts), with one item name read without amounts: that item's row.
 */
function withLoneItem({ rows, unread }: RowsReading): FoundRow[] {
  const [only] = rows;
  if (rows.length !== 1 || unread.length !== 1 || isItemName(only!.item)) return [...rows];
  return [{ ...only!, item: unread[0]!.text, token: unread[0]! }];
}

/**
 * Where a reading may start: the 主な増減理由 head, then the 歳出予算目 head. Stream text may
 * print either far from the rows (pdftotext prints 主な増減理由 after them at times).
 */
const headsFrom = (ctx: MatchContext, header: Token): Token[] =>
  [...new Set([header, ctx.first('breakdownItem'), ctx.first('breakdownReason')].filter((t) => t !== undefined))];

/** The rows taken, each traced to its item's box. */
function traced(ctx: MatchContext, rows: readonly FoundRow[]): BudgetBreakdown[] {
  rows.forEach((row, n) => ctx.trace(`budget.breakdown[${n}]`, row.token, ...(row.more ?? [])));
  return withReasonHeads(ctx, withoutBoxes(rows), rows.at(-1)?.token);
}

/** A reason's later line, which no reason starts with: okurigana or a particle (`る減`). */
const CONTINUED_REASON = /^[ぁ-ゖ]/;
/** Boxes after the last row within which pdftotext prints the reasons' first lines it left behind. */
const REASON_HEADS_REACH = 12;

/**
 * pdftotext may print the first line of wrapped reasons (`事業の見直しによ`) after the rows, each
 * in a box of its own, and leave the rows their later lines (`19 る減`): when the reasons that
 * start mid-word are as many as the short lines of one box after the last row, before the next
 * label, those lines start them in order.
 */
function withReasonHeads(ctx: MatchContext, rows: BudgetBreakdown[], last: Token | undefined): BudgetBreakdown[] {
  const continued = rows.filter((r) => r.reason !== null && CONTINUED_REASON.test(r.reason));
  if (ctx.isLayout || !last || !continued.length) return rows;
  const after = ctx.tokens.slice(last.index + 1, last.index + 1 + REASON_HEADS_REACH);
  const end = after.findIndex(isLabel);
  const heads = (end < 0 ? after : after.slice(0, end)).filter((t) => t.lines.length === 1 && isReasonLine(t.text) && !isItemName(t.text) && parseAmount(t.text.split(/\s+/)[0]!) === null && !/。$/.test(t.text) && !CONTINUED_REASON.test(t.text));
  if (heads.length !== continued.length) return rows;
  continued.forEach((r, k) => { r.reason = heads[k]!.text + r.reason; });
  return rows;
}

const withoutBoxes = (rows: readonly FoundRow[]): BudgetBreakdown[] => rows.map(({ token: _, more: __, ...row }) => row);


/** Shorter is a unit or a mark (`％`), not a reason's first line. */
const MIN_REASON_LINE = 3;

/**
 * pdftotext may print the first row's item apart from its amounts, after the other rows and
 * even after the column heads (`66`, `69 所要額の精査`, `委託費 35 44…`, … `負担金`): the
 * amounts before the first item are a row whose item is an item name left without amounts.
 * Its reason's first line may come before them (`事業の見直しによ`, `15,982`, `39,462 る減`),
 * read as an item that is no item name. Read from the earliest of the 内訳's heads, and taken
 * only where the columns then add up.
 */
function withHeadlessRow(ctx: MatchContext, heads: readonly Token[], readAt: (head: Token) => RowsReading, targets: ReadonlySet<number>): BudgetBreakdown[] | null {
  for (const head of heads) {
    const { rows, headless, unread } = readAt(head);
    const [first, ...rest] = rows;
    // One row adds up to itself: the 内訳's own 計 would pass for it.
    if (!first || (!headless && (!rest.length || isItemName(first.item)))) continue;
    for (const item of unread) {
      const reasonStart = isReasonLine(first.item) && [...fold(first.item)].length >= MIN_REASON_LINE;
      const named = [{ ...first, item: item.text, reason: reasonStart ? first.item + (first.reason ?? '') : first.reason, token: item }, ...rest];
      // Amounts before the first item may be another table's (the budget's 要求 printed with the
      // 内訳's heads): then the first row read, under a text that is no item name, is the item's.
      const readings = headless ? [[{ item: item.text, ...headless, token: item }, ...rows], ...(isItemName(first.item) ? [] : [named])] : [named];
      // The rows read on past the 内訳 into prose until the item's late place: the 内訳 is
      // the first rows that add up.
      for (const withIt of readings) {
        for (let n = 2; n <= withIt.length; n++) if (isSplit(withIt.slice(0, n), targets)) return traced(ctx, withIt.slice(0, n));
      }
    }
  }
  return null;
}

type Amounts = Omit<BudgetBreakdown, 'item'>;

/**
 * The item rows read row by row: an item, then its amounts and reason. Also what did not make
 * a row: the amounts before the first item (`headless`), and item names with no amounts.
 */
type RowsReading = { rows: FoundRow[]; headless: Amounts | null; unread: Token[] };

function breakdownRows(ctx: MatchContext, header: Token): RowsReading {
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
  const early: Array<{ row: number; amount: number; text: string }> = [];
  for (let row = head.row + 1; row <= head.row + BREAKDOWN_LINES; row++) {
    const words = lineWords(ctx.sheet.lines[row - 1] ?? '')
      .filter((w) => w.col >= head.col - BREAKDOWN_DRIFT);
    // The 計 row ends the table; it is one letter, as the vertical title's are, so look first.
    if (words.some((w) => fold(w.text) === '計')) break;
    while (words.length && [...words[0]!.text].length === 1) words.shift();
    if (!words.length) continue;
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
    } else if (firstAmount === 0) {
      // A row's 要求 and the start of its reason printed on the line above it (`313 事業の見直しによ`).
      const numbers = amounts.filter((a): a is number => a !== null);
      if (numbers.length === 1) early.push({ row, amount: numbers[0]!, text: words.filter((_, i) => amounts[i] === null).map((w) => w.text).join('') });
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
  for (const line of early) {
    const below = out.find((r) => r.row === line.row + 1);
    if (!below || below.nextYearRequest !== null) continue;
    below.nextYearRequest = line.amount;
    if (line.text) below.reason = line.text + (below.reason ?? '');
  }
  return out.map(({ item, currentYear, nextYearRequest, reason }) => ({ item, currentYear, nextYearRequest, reason }));
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
    const cells = cellsAfter(ctx, head);
    const found = itemsLate(head, cells, targets) ?? columnsAfter(cells, targets) ?? rowsAmong(cells, targets) ?? requestsApart(cells, targets);
    if (found) return traced(ctx, found);
  }
  return null;
}
