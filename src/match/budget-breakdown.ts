// 予算内訳: per 歳出予算目, this year's 当初予算, next year's 要求 and the 主な増減理由. It stands
// right of the budget table; its rows end at its own 計.
import type { BudgetBreakdown } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, parseAmount } from '../tokenize/values.js';
import { lineWords } from '../tokenize/document.js';
import type { MatchContext } from './context.js';
import { headerYear } from './values.js';

/** 予算内訳: item, this year's 当初予算, next year's 要求, 主な増減理由; it ends at 計. */
export function breakdown(ctx: MatchContext): BudgetBreakdown[] {
  if (ctx.isLayout) {
    const itemHead = ctx.first('breakdownItem');
    if (itemHead) return breakdownLines(ctx, itemHead);
  }
  const header = ctx.first('breakdownReason') ?? ctx.first('breakdownItem');
  if (!header) return [];
  const out: BudgetBreakdown[] = [];
  let item: Token | null = null;
  let numbers: number[] = [];
  let reason: string | null = null;
  const flush = () => {
    if (item && numbers.length >= 1) {
      out.push({ item: item.text, currentYear: numbers[0] ?? null, nextYearRequest: numbers[1] ?? null, reason });
      ctx.trace(`budget.breakdown[${out.length - 1}]`, item);
    }
    item = null;
    numbers = [];
    reason = null;
  };
  const tokens = ctx.isLayout ? ctx.tokens.filter((t) => t.col >= header.col - 50 && t.row > header.row).sort((a, b) => a.row - b.row || a.col - b.col) : ctx.tokens.slice(header.index + 1);
  for (const t of tokens) {
    if (t.labels.includes('total') || t.inlineLabel === 'total') break;
    if (isLabel(t) || headerYear(t) !== null || t.lines.length > 3) continue;
    const words = t.text.split(/\s+/);
    const amount = parseAmount(words[0]!);
    if (amount !== null && item) {
      if (numbers.length < 2) numbers.push(amount);
      const rest = words.slice(1).join('');
      if (rest) reason = rest;
    } else if (amount === null && item && numbers.length === 2 && !reason) {
      reason = t.text;
    } else if (amount === null) {
      flush();
      item = t;
    }
    if (out.length > 30) break;
  }
  flush();
  return out;
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
  const out: Array<BudgetBreakdown & { reasonCol: number; itemCol: number }> = [];
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
      });
      ctx.trace(`budget.breakdown[${out.length - 1}]`, ...ctx.startingOnRows(row, row));
    } else if (firstAmount < 0 && out.length) {
      const last = out[out.length - 1]!;
      const text = words.map((w) => w.text).join('');
      if (words[0]!.col >= last.reasonCol - 3) last.reason = (last.reason ?? '') + text;
      else if (Math.abs(words[0]!.col - last.itemCol) <= 3) last.item += text;
    }
  }
  return out.map(({ item, currentYear, nextYearRequest, reason }) => ({ item, currentYear, nextYearRequest, reason }));
}
