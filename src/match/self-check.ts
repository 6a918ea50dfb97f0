// 事業所管部局による点検・改善: for each template item, its mark (○ △ × - 有 無) and explanation.
import type { SelfCheck } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, isDash } from '../tokenize/values.js';
import { SELF_CHECK_GROUPS, SELF_CHECK_MARKS } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';

const MARKS = new Set<string>(SELF_CHECK_MARKS);
const ITEMS = SELF_CHECK_GROUPS.flatMap((g) => g.items.map((item) => ({ group: g.group, item, key: fold(item) })));

function isMark(t: Token): boolean {
  return MARKS.has(t.folded.normalize('NFKC')) || MARKS.has(t.folded);
}

/** An item token: its text is the item, or a long enough start of it (extractors wrap items). */
function findItem(tokens: readonly Token[], key: string): Token | undefined {
  return tokens.find((t) => t.folded === key) ?? tokens.find((t) => t.folded.length >= 12 && key.startsWith(t.folded));
}

const isItemText = (t: Token) => ITEMS.some((i) => i.key === t.folded || (t.folded.length >= 8 && i.key.includes(t.folded)));

/**
 * Stream text that prints each item followed by its mark and explanation (pdftotext): an item's
 * mark is the first mark after it, before the next item. An item printed out of its place
 * (the first, often) takes the unclaimed mark just before the next item. Null when the text
 * is not printed so (the marks then stand in one run).
 */
function interleavedMarks(ctx: MatchContext, items: ReadonlyArray<Token | undefined>): Array<Token | undefined> | null {
  const starts = items.filter((t): t is Token => t !== undefined).map((t) => t.index).sort((a, b) => a - b);
  const nextItemAfter = (index: number) => starts.find((i) => i > index) ?? index + WINDOW;
  const claimed = new Set<Token>();
  const windows = items.map((t) => (t ? ctx.tokens.slice(t.index + 1, nextItemAfter(t.index)).filter(isMark) : []));
  // Marks in one run after the items leave every window but the last one empty.
  const last = starts.at(-1);
  const inner = windows.filter((_, k) => items[k] && items[k]!.index !== last);
  if (inner.filter((w) => w.length > 0).length < inner.length / 2) return null;
  const marks = windows.map((w) => {
    const mark = w[0];
    if (!mark || claimed.has(mark)) return undefined;
    claimed.add(mark);
    return mark;
  });
  items.forEach((_, k) => {
    const next = items[k + 1];
    if (marks[k] || !next) return;
    const from = Math.max(-1, ...starts.filter((i) => i < next.index));
    const before = ctx.tokens.slice(from + 1, next.index).filter((m) => isMark(m) && !claimed.has(m));
    const mark = before[0];
    if (mark) {
      claimed.add(mark);
      marks[k] = mark;
    }
  });
  return marks;
}

/** How far past an item its mark may stand when no item follows it. */
const WINDOW = 12;

export function matchSelfCheck(ctx: MatchContext): SelfCheck[] {
  const found = ITEMS.map((i) => ({ ...i, token: findItem(ctx.tokens, i.key) }));
  if (!found.some((f) => f.token)) {
    ctx.report('warning', 'missing-section', 'selfCheck', 'no 点検・改善 items were found');
    return [];
  }
  const explanationOf = (mark: Token | undefined): Token | undefined => {
    if (!mark) return undefined;
    if (ctx.isLayout) {
      return ctx.tokens.filter((t) => t.col > mark.end && t.row <= mark.row + 2 && t.lines.at(-1)!.line >= mark.row - 1 && !isLabel(t) && !isItemText(t))
        .sort((a, b) => Math.abs(a.row - mark.row) - Math.abs(b.row - mark.row))[0];
    }
    const next = ctx.tokens[mark.index + 1];
    return next && !isMark(next) && !isLabel(next) && !isItemText(next) && next.folded.length > 3 ? next : undefined;
  };
  // Marks stand in the items' order: beside each item in layout text, in one run in stream text.
  const marks = ctx.tokens.filter(isMark).filter((m) => !ctx.isUsed(m));
  const startAt = found.find((f) => f.token)!.token!;
  const streamMarks = marks.filter((m) => m.index > startAt.index - 40);
  const interleaved = ctx.isLayout ? null : interleavedMarks(ctx, found.map((f) => f.token));
  return found.map((f, k) => {
    let mark: Token | undefined;
    if (ctx.isLayout && f.token) {
      mark = marks.filter((m) => Math.abs(m.row - f.token!.row) <= 1 && m.col > f.token!.col).sort((a, b) => a.col - b.col)[0];
    } else {
      mark = interleaved ? interleaved[k] : streamMarks[k];
    }
    const explanation = explanationOf(mark);
    if (mark) ctx.trace(`selfCheck[${k}].mark`, mark);
    if (explanation) ctx.trace(`selfCheck[${k}].explanation`, explanation);
    // A dash in a text cell means nothing was written there (spec): null, for mark and explanation alike.
    const text = (t: Token | undefined) => (t && !isDash(t.text) ? t.text : null);
    return { group: f.group, item: f.item, mark: text(mark), explanation: text(explanation) };
  });
}
