// 費目・使途: per block, the largest recipient's items (費目, 使途, 金額) and their 計.
// The items must add up to 計; a block's 計 is checked against the fund flow afterwards.
import type { Expense, FundFlow } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { hasLabel, isLabel } from '../tokenize/labels.js';
import { fold, parseNumber } from '../tokenize/values.js';
import type { MatchContext } from './context.js';

const HEADER = /^([A-Z])[.．]\s*(.+)$/;

interface Part {
  block: string;
  recipient: string;
  tokens: Token[];
}

function blockHeaders(ctx: MatchContext, flowTokens: Set<number>): Token[] {
  return ctx.tokens.filter((t) => HEADER.test(t.text.normalize('NFKC')) && !flowTokens.has(t.index) && !/百万円/.test(t.text) && t.lines.length <= 2 && !/百万円/.test(ctx.tokens[t.index + 1]?.text ?? ''));
}

function itemsOf(part: Part): Expense {
  const texts: string[] = [];
  const amounts: number[] = [];
  let total: number | null = null;
  for (const t of part.tokens) {
    if (hasLabel(t, 'total')) {
      const rest = t.inlineLabel === 'total' ? parseNumber(t.rest) : null;
      if (rest !== null) total = rest;
      continue;
    }
    if (isLabel(t)) continue;
    for (const word of t.lines.length === 1 ? t.text.split(/ +/) : [t.text]) {
      const n = parseNumber(word);
      if (n !== null) amounts.push(n);
      else if (fold(word)) texts.push(word);
    }
  }
  // The last amount is the 計 when the items before it add up to it.
  if (total === null && amounts.length >= 2) {
    const last = amounts[amounts.length - 1]!;
    const sum = amounts.slice(0, -1).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - last) < 0.051) total = amounts.pop()!;
  }
  const count = Math.max(amounts.length, Math.floor(texts.length / 2));
  const items = Array.from({ length: count }, (_, i) => ({
    category: texts[i] ?? null,
    purpose: texts[count + i] ?? null,
    amount: amounts[i] ?? null,
  }));
  return { block: part.block, recipient: part.recipient, items, total };
}

export function matchExpenses(ctx: MatchContext, fundFlow: FundFlow[]): Expense[] {
  const flowTokens = new Set<number>(fundFlow.flatMap((_, i) => (ctx.provenance[`fundFlow[${i}]`] ? [] : [])));
  const headers = blockHeaders(ctx, flowTokens).filter((h) => !fundFlow.some((f) => f.block && fold(h.text).endsWith(fold(f.name ?? '')) && /百万円/.test(ctx.tokens[h.index + 1]?.text ?? '')));
  const end = ctx.first('expensesNote')?.index ?? ctx.first('recipientsTitle')?.index ?? ctx.tokens.length;
  const parts: Part[] = headers.filter((h) => h.index < end).map((h, k, all) => {
    const m = HEADER.exec(h.text.normalize('NFKC'))!;
    const next = all[k + 1]?.index ?? end;
    return { block: m[1]!, recipient: h.text.replace(/^[A-ZＡ-Ｚ][.．]\s*/, '').trim(), tokens: ctx.tokens.slice(h.index + 1, next) };
  });
  const seen = new Set<string>();
  return parts.filter((p) => !seen.has(p.block) && seen.add(p.block)).map(itemsOf);
}
