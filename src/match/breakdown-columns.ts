// 予算内訳 read as columns: stream text may print its items apart from their amounts, the
// amounts column by column or in (当初予算, 要求) pairs. A reading counts only where its columns
// add up to the budget's amounts; this module holds that test and the column readers.
import type { BudgetBreakdown } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { amountCents, fold, isDash, parseAmount } from '../tokenize/values.js';
import { BUDGET_ITEM } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { amountOf, headerYear, valuesOf } from './values.js';

/** A row read, with its item's box and any other box its text took. */
export type FoundRow = BudgetBreakdown & { token: Token; more?: Token[] };

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

/**
 * A 内訳 of one item: its row is the whole of both columns, as its 計 is; taken only when the
 * row is named as the template's items are (委託費, 職員旅費), so that no 計 passes for it, and
 * holds an amount (zeros balance against any budget read as zeros).
 */
export const isSingleItem = (rows: readonly BudgetBreakdown[], targets: ReadonlySet<number>) =>
  rows.length === 1 && isItemName(rows[0]!.item) && (rows[0]!.currentYear ?? 0) + (rows[0]!.nextYearRequest ?? 0) > 0 && isBalanced(rows, targets);

/** Balanced, with no row the whole of both columns: such a row is the budget's own amounts. */
export function isSplit(rows: readonly BudgetBreakdown[], targets: ReadonlySet<number>): boolean {
  const [current, request] = columnSums(rows);
  return isBalanced(rows, targets) && !rows.some((r) => amountCents(r.currentYear ?? 0) === current && amountCents(r.nextYearRequest ?? 0) === request);
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
export function cellsAfter(ctx: MatchContext, header: Token): Cell[] {
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
    const glued = gluedLines(t);
    if (glued) out.push(...glued);
    // Items printed as one box (交付金 ⏎ 試験研究費): one cell a line.
    else if (t.lines.length > 1 && t.lines.every((l) => isItemName(l.text))) out.push(...t.lines.map((l) => ({ kind: 'text' as const, text: l.text, token: t })));
    else out.push({ kind: 'text', text: t.text, token: t });
  }
  return out;
}

/** An amount and the text glued after it (`12.4 所要額の精査`), or null. */
function gluedAmount(text: string, token: Token): Cell | null {
  const [first, ...rest] = text.trim().split(/\s+/);
  const value = parseAmount(first!);
  return value !== null && rest.length ? { kind: 'amount', value, reason: rest.join(''), token } : null;
}

/**
 * A box of 要求 amounts, each glued to its reason, one a line (`12.4 所要額の精査` ⏎ `52.1 事業の
 * 見直しによ` ⏎ `る減`): a cell a line, the lines without an amount a reason's further lines.
 */
function gluedLines(t: Token): Cell[] | null {
  if (t.lines.length > 1 && gluedAmount(t.lines[0]!.text, t)) return t.lines.map((l) => gluedAmount(l.text, t) ?? { kind: 'text', text: l.text, token: t });
  const cell = gluedAmount(t.text, t);
  return cell && [cell];
}

/** Boxes from the 内訳's first cell within which its items may be printed in several runs. */
const MULTI_RUN_REACH = 100;

export function columnsAfter(cells: readonly Cell[], targets: ReadonlySet<number>): FoundRow[] | null {
  const isItem = (c: Cell | undefined): boolean => c?.kind === 'text' && isItemName(c.text);
  for (let i = 0; i < cells.length; i++) {
    if (!isItem(cells[i]) || isItem(cells[i - 1])) continue;
    let k = 0;
    while (isItem(cells[i + k]) && k < MAX_ITEMS) k++;
    // Amounts before the first of the items' may be other sections' cells, and dashes (zeros)
    // among them may add up too: of the readings that add up, the one whose 要求 carry the
    // most reasons, as the 主な増減理由 column stands beside the 要求 column.
    let best: FoundRow[] | null = null;
    for (let j = i + k; j < cells.length; j++) {
      if (cells[j]!.kind !== 'amount') continue;
      const found = readFrom(cells, j, cells.slice(i, i + k) as TextCell[], isItem, targets);
      if (found && (!best || reasonCount(found) > reasonCount(best))) best = found;
    }
    if (best) return best;
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

const reasonCount = (rows: readonly BudgetBreakdown[]) => rows.filter((r) => r.reason !== null).length;

/** The 主な増減理由 column is narrow: a longer text is other prose, not a reason's line. */
const REASON_LINE = 12;
const YEAR_CELL = /^(平成|令和)?\d*年度$/;
export const isReasonLine = (text: string) => [...fold(text)].length <= REASON_LINE;

/** The short texts right after cell `at`, up to the next amount or item, as one reason (`事業の見直しによ` `る減`); null when none. */
function reasonAfter(cells: readonly Cell[], at: number, isItem: (c: Cell) => boolean): string | null {
  const lines: string[] = [];
  for (let i = at + 1; i < cells.length; i++) {
    const cell = cells[i]!;
    // A blank year cell of the table below (`年度`) is no reason's line.
    if (cell.kind !== 'text' || isItem(cell) || !isReasonLine(cell.text) || YEAR_CELL.test(fold(cell.text))) break;
    lines.push(cell.text);
  }
  return lines.length ? lines.join('') : null;
}

/**
 * Rows printed apart, some with the budget table and the rest after the 内訳's vertical title:
 * an item name followed by its two amounts, or a run of names followed by their amounts in
 * (当初予算, 要求) pairs, each 要求 with its reason; from the first, as far as they add up.
 */
export function rowsAmong(cells: readonly Cell[], targets: ReadonlySet<number>): FoundRow[] | null {
  const isItem = (c: Cell | undefined) => c?.kind === 'text' && isItemName(c.text);
  const rows: FoundRow[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!isItem(cells[i]) || isItem(cells[i - 1])) continue;
    let k = 0;
    while (isItem(cells[i + k]) && k < MAX_ITEMS) k++;
    const pairs = pairsAfter(cells, i + k, k, isItem);
    if (!pairs) continue;
    pairs.forEach(([current, request], n) => rows.push({ item: (cells[i + n] as TextCell).text, currentYear: current.value, nextYearRequest: request.value, reason: request.reason, token: cells[i + n]!.token }));
    i += k - 1;
  }
  for (let n = rows.length; n >= 2; n--) if (isSplit(rows.slice(0, n), targets)) return rows.slice(0, n);
  return null;
}

/** `count` (当初予算, 要求) pairs right from `at`, a 要求's reason the texts after it; null when the cells are not that. */
function pairsAfter(cells: readonly Cell[], at: number, count: number, isItem: (c: Cell) => boolean): Array<[AmountCell, { value: number; reason: string | null }]> | null {
  const out: Array<[AmountCell, { value: number; reason: string | null }]> = [];
  let i = at;
  while (out.length < count) {
    const [current, request] = [cells[i], cells[i + 1]];
    if (current?.kind !== 'amount' || request?.kind !== 'amount' || current.reason) return null;
    const reason = request.reason ?? reasonAfter(cells, i + 1, isItem);
    out.push([current, { value: request.value, reason }]);
    i += 2;
    while (cells[i]?.kind === 'text' && !isItem(cells[i]!) && reason !== null) i++;
  }
  return out;
}

/**
 * Rows printed with this year's 当初予算 only (`情報処理業務庁費 58.2 交付金 22`), their 要求
 * column further on, each 要求 glued to its reason (`12.4 所要額の精査`, `52.1 事業の見直しによ`
 * `る減`): read where both columns add up.
 */
export function requestsApart(cells: readonly Cell[], targets: ReadonlySet<number>): FoundRow[] | null {
  const isItem = (c: Cell | undefined) => c?.kind === 'text' && isItemName(c.text);
  const isPlain = (c: Cell | undefined): c is AmountCell => c?.kind === 'amount' && c.reason === null;
  for (let i = 0; i < cells.length; i++) {
    if (!isItem(cells[i]) || !isPlain(cells[i + 1]) || isPlain(cells[i - 1])) continue;
    const rows: Array<{ item: TextCell; current: AmountCell }> = [];
    let at = i;
    while (rows.length < MAX_ITEMS && isItem(cells[at]) && isPlain(cells[at + 1])) {
      rows.push({ item: cells[at] as TextCell, current: cells[at + 1] as AmountCell });
      at += 2;
    }
    if (rows.length < 2) continue;
    for (let j = at; j < cells.length; j++) {
      const requests = gluedRequests(cells, j, rows.length, isItem);
      if (!requests) continue;
      const found = rows.map(({ item, current }, n) => ({ item: item.text, currentYear: current.value, nextYearRequest: requests[n]!.value, reason: requests[n]!.reason, token: item.token }));
      if (isSplit(found, targets)) return found;
    }
  }
  return null;
}

/**
 * The amounts printed right after the 内訳's heads, column by column (`4 2 0 0 実績を踏まえた増`),
 * the items only after the budget table (`交付金 負担金`, or one item name among the table's
 * values and the next after them): the first half of those amounts this year's 当初予算, the
 * rest the 要求 with their reasons, and as many items, the first names that follow; read where
 * both columns add up.
 */
export function itemsLate(head: Token, cells: readonly Cell[], targets: ReadonlySet<number>): FoundRow[] | null {
  const isItem = (c: Cell | undefined) => c?.kind === 'text' && isItemName(c.text);
  // Right after the head, nothing between: further on, amounts are the budget table's.
  if (cells[0]?.token.index !== head.index + 1) return null;
  const amounts: Array<{ value: number; reason: string | null }> = [];
  let end = 0;
  for (; end < cells.length && amounts.length < 2 * MAX_ITEMS; end++) {
    const cell = cells[end]!;
    const last = amounts.at(-1);
    if (cell.kind === 'amount') {
      // A dash is the budget table's empty cell; the 内訳's amounts are printed.
      if (isDash(cell.token.text)) break;
      amounts.push({ value: cell.value, reason: cell.reason });
    }
    // A text after an amount is its reason (a 要求's, as the split below holds).
    else if (last && !isItem(cell) && last.reason === null && isReasonLine(cell.text)) last.reason = cell.text;
    else if (last && !isItem(cell) && last.reason !== null && isReasonLine(cell.text)) last.reason += cell.text;
    else break;
  }
  const items = cells.slice(end).filter(isItem) as TextCell[];
  for (let count = 2; count <= Math.min(items.length, MAX_ITEMS) && 2 * count <= amounts.length; count++) {
    if (amounts.slice(0, count).some((a) => a.reason !== null)) break;
    const rows = items.slice(0, count).map((item, n) => ({ item: item.text, currentYear: amounts[n]!.value, nextYearRequest: amounts[count + n]!.value, reason: amounts[count + n]!.reason, token: item.token }));
    if (isSplit(rows, targets)) return rows;
  }
  return null;
}

/** `count` amounts from `at`, each glued to a reason whose further lines follow it; null when the cells are not that. */
function gluedRequests(cells: readonly Cell[], at: number, count: number, isItem: (c: Cell) => boolean): Array<{ value: number; reason: string }> | null {
  const out: Array<{ value: number; reason: string }> = [];
  let i = at;
  while (out.length < count) {
    const cell = cells[i];
    if (cell?.kind !== 'amount' || cell.reason === null) return null;
    const more = reasonAfter(cells, i, isItem);
    out.push({ value: cell.value, reason: cell.reason + (more ?? '') });
    i++;
    while (cells[i]?.kind === 'text' && !isItem(cells[i]!) && more !== null) i++;
  }
  return out;
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
      if (!isSplit(rows, targets)) continue;
      // The last amount is the last row's 要求: the texts right after it are its reason's lines.
      const last = rows.at(-1)!;
      if (last.reason === null) last.reason = reasonAfter(cells, at, isItem);
      return rows;
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
