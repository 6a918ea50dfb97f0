// 事業所管部局による点検・改善: for each template item, its mark (○ △ × - 有 無) and explanation.
import type { SelfCheck } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { endsSentence, fold, isDash, printedOnce } from '../tokenize/values.js';
import { ORGANIZATION_NAME, SELF_CHECK_GROUPS, SELF_CHECK_MARKS, YES_NO_ITEMS, YES_NO_MARKS } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { joinedText, paragraphCells } from './row-paragraphs.js';

const MARKS = new Set<string>(SELF_CHECK_MARKS);
/** The groups' names, which a stream extractor prints among the explanations. */
const GROUPS = new Set(SELF_CHECK_GROUPS.map((g) => fold(g.group)));
const ITEMS = SELF_CHECK_GROUPS.flatMap((g) => g.items.map((item) => ({ group: g.group, item, key: fold(item) })));

function isMark(t: Token): boolean {
  return MARKS.has(t.folded.normalize('NFKC')) || MARKS.has(t.folded);
}

const YES_NO = new Set<string>(YES_NO_MARKS);
const ASKS_YES_NO = ITEMS.map((i) => YES_NO_ITEMS.includes(i.item));
/** Whether item k takes the mark: 有/無 answer the two "were there any" items, ○ △ × the others; a dash any. */
const markFits = (k: number, mark: Token) => isDash(mark.text) || YES_NO.has(mark.folded) === ASKS_YES_NO[k];

/** Letters of a vertical group heading (効/性) a box may take under the item beside it. */
const HEADING_LETTERS = 2;

/** The item's text and, boxed with it, a heading letter or two or its group's vertical name (`…右に記載） ⏎ 関 ⏎ 連 ⏎ 事 ⏎ 業`). */
const itemWithHeading = (folded: string, key: string) => folded.startsWith(key) && (folded.length - key.length <= HEADING_LETTERS || GROUPS.has(folded.slice(key.length)));

/** An item token: its text is the item, or a long enough start of it (extractors wrap items), or the item and a heading. */
function findItem(tokens: readonly Token[], key: string): Token | undefined {
  return tokens.find((t) => t.folded === key) ?? tokens.find((t) => t.folded.length >= 12 && key.startsWith(t.folded))
    ?? tokens.find((t) => itemWithHeading(t.folded, key));
}

/** A box holding a template item's text, or a piece of it (extractors wrap items), or the item and a heading. */
export const isItemText = (t: Token) => ITEMS.some((i) => i.key === t.folded || (t.folded.length >= 8 && i.key.includes(t.folded)) || itemWithHeading(t.folded, i.key));

/** Lines below an item within which its mark may stand (the related-projects table's rows). */
const BELOW_REACH = 12;

/** The share of the marks standing between their item and a text that shows rows printed whole (item, mark, explanation). */
const MOST_ROWS = 0.75;

/** Tokens after the first item within which the table stands, when no 点検結果 follows it. */
const TABLE_REACH = 200;

/** The stretch of stream text the table stands in, and where its items were printed. */
interface StreamTable {
  ctx: MatchContext;
  items: ReadonlyArray<Token | undefined>;
  region: readonly Token[];
  itemAt: ReadonlyMap<Token, number>;
  /** Where in the region the last item printed stands. */
  lastItem: number;
  /** The items printed within the region. */
  inRegion: ReadonlySet<number>;
}

function streamTable(ctx: MatchContext, tokens: readonly Token[], items: ReadonlyArray<Token | undefined>): StreamTable {
  const present = items.map((t, k) => ({ t, k })).filter((x): x is { t: Token; k: number } => x.t !== undefined).sort((a, b) => a.t.index - b.t.index);
  const start = present[0]!.t.index;
  const end = ctx.find('checkResult').find((t) => t.index > start)?.index ?? start + TABLE_REACH;
  // The table starts at its title when that stands shortly before the first item printed, or
  // right after it: an item printed before the title stands apart from the table's columns.
  const titleBefore = (index: number) => ctx.find('selfCheckTitle').filter((t) => t.index < index && t.index >= index - TABLE_REACH / 2).at(-1);
  const title = titleBefore(start) ?? (present[1] ? titleBefore(present[1].t.index) : undefined);
  const from = title ? title.index + 1 : Math.max(0, start - TABLE_REACH / 10);
  const region = tokens.filter((t) => t.index >= from && t.index < end);
  const itemAt = new Map(present.map(({ t, k }) => [t, k]));
  return { ctx, items, region, itemAt, lastItem: region.findLastIndex((t) => itemAt.has(t)), inRegion: new Set(region.flatMap((t) => itemAt.get(t) ?? [])) };
}

interface DealOptions {
  /** Whether a value may be an item's (有 and 無 only the "were there any" items'). */
  fits?: (k: number, t: Token) => boolean;
  /** Rows are printed whole (item, mark, explanation). */
  besideItem?: boolean;
  /** The values are the marks, a column stream text prints whole and in the template's order. */
  markColumn?: boolean;
}

/**
 * Deals a column's values (`isValue`) to the items that `wants` one, into `into`: each to the
 * first item printed before it still waiting, first come first served; what comes before any
 * item waits for the items printed late, in the template's order; what comes after the last
 * item, as many as the items still without one, goes to them in that order (fewer marks, to the
 * last of them).
 */
function deal(table: StreamTable, isValue: (t: Token) => boolean, into: Array<Token | undefined>, wants: (k: number) => boolean, { fits = () => true, besideItem = false, markColumn = false }: DealOptions = {}): void {
  const { ctx, items, region, itemAt, lastItem, inRegion } = table;
  const waiting: number[] = [];
  const early: Token[] = [];
  const isFree = (t: Token) => !itemAt.has(t) && isValue(t) && !ctx.isUsed(t);
  // The values after the last item, as many as the items still without one, whether printed
  // among the others or not: the rest of the column in the template's order (an item printed
  // apart, before the table's title, takes its place in it).
  const tail = region.slice(lastItem + 1).filter(isFree);
  // Where rows are printed whole, a value between its item and a text is that item's, before
  // the earlier items still waiting (an item printed out of its row's place); not where items
  // or values come in runs (item, item, mark: the first item's).
  const inItsRow = (w: number, t: Token) => {
    const [before, after] = [ctx.tokens[t.index - 2], ctx.tokens[t.index + 1]];
    return items[w]!.index === t.index - 1 && !(before && itemAt.has(before)) && !(after && (isMark(after) || itemAt.has(after)));
  };
  const toWaiting = (t: Token) => {
    const beside = besideItem ? waiting.findIndex((w) => inItsRow(w, t) && fits(w, t)) : -1;
    const at = beside >= 0 ? beside : waiting.findIndex((w) => fits(w, t));
    if (at >= 0) into[waiting.splice(at, 1)[0]!] = t;
    else early.push(t);
  };
  for (const t of region.slice(0, lastItem + 1)) {
    const k = itemAt.get(t);
    if (k !== undefined) {
      if (wants(k)) waiting.push(k);
    } else if (isFree(t)) toWaiting(t);
  }
  const open = [...items.keys()].filter((k) => !into[k] && wants(k) && (waiting.includes(k) || !inRegion.has(k)));
  // Fewer marks than those items, all printed: the last items', the column's end; the earlier
  // ones take the marks printed before them.
  const last = open.slice(Math.max(0, open.length - tail.length));
  const fewer = markColumn && tail.length < open.length && open.every((k) => waiting.includes(k));
  if ((tail.length === open.length || fewer) && tail.every((t, i) => fits(last[i]!, t))) {
    last.forEach((k, i) => { into[k] = tail[i]; });
    for (const k of last) if (waiting.includes(k)) waiting.splice(waiting.indexOf(k), 1);
  } else tail.forEach(toWaiting);
  // Values printed before their items belong to the items still without one, in order.
  for (const k of items.keys()) {
    const at = !into[k] && wants(k) ? early.findIndex((t) => fits(k, t)) : -1;
    if (at >= 0) into[k] = early.splice(at, 1)[0];
  }
}

/**
 * Stream text: items, marks and explanations come in runs of any length (pdfminer prints five
 * items, four explanations, five marks; pdftotext item, mark, explanation in turn). Marks go to
 * the items, then explanations to the items whose mark is not a dash (deal).
 */
function readStream(ctx: MatchContext, tokens: readonly Token[], items: ReadonlyArray<Token | undefined>): { marks: Array<Token | undefined>; explanations: Array<Token | undefined> } {
  const table = streamTable(ctx, tokens, items);
  const { region, itemAt } = table;
  const marks: Array<Token | undefined> = items.map(() => undefined);
  const explanations: Array<Token | undefined> = items.map(() => undefined);
  const printed = region.filter((t) => isMark(t) && !ctx.isUsed(t));
  // Printed row by row (item, mark, explanation), no two marks but dashes stand side by side.
  const rowByRow = printed.every((t, i) => i === 0 || isDash(t.text) || isDash(printed[i - 1]!.text) || printed[i - 1]!.index !== t.index - 1);
  const inOrder = rowByRow ? marksInOrder(printed, items.length) : null;
  if (inOrder) inOrder.forEach((m, k) => { marks[k] = m; });
  else deal(table, isMark, marks, () => true, { fits: markFits, besideItem: rowsPrintedWhole(region, printed, (t) => itemAt.has(t)), markColumn: true });
  // The 関連事業 table's owners stand in the same stretch of stream text.
  const isExplanation = (t: Token) => !isLabel(t) && !isMark(t) && !isItemText(t) && !GROUPS.has(t.folded) && t.folded.length > 3 && !/^([\d,.%-]|年度)+$/.test(t.folded) && !ORGANIZATION_NAME.test(t.folded);
  // An item marked with a dash has no explanation, unless one follows its mark at once (pdftotext
  // prints item, mark, explanation in turn).
  const after = (t: Token) => region[region.indexOf(t) + 1];
  const explained = (k: number) => !(marks[k] && isDash(marks[k]!.text)) || (after(marks[k]!) !== undefined && isExplanation(after(marks[k]!)!) && !itemAt.has(after(marks[k]!)!));
  const whole = inOrder ? [] : textsOfWholeRows(region, marks, (t) => isExplanation(t) && !itemAt.has(t), (t) => itemAt.has(t) || isItemText(t));
  whole.forEach((t, k) => { explanations[k] = t; });
  const taken = new Set(whole.filter((t) => t !== undefined));
  deal(table, (t) => isExplanation(t) && !taken.has(t), explanations, (k) => explained(k) && !explanations[k]);
  // Marks read in order, and a text right after every one but the dashes: the rows were printed
  // whole (mark, explanation), so that text is the mark's item's explanation.
  const explanationAfter = (m: Token) => {
    // The mark's own item (or a heading) may come between them.
    const next = region.slice(region.indexOf(m) + 1).find((t) => !itemAt.has(t) && !isItemText(t) && !isLabel(t));
    return next && isExplanation(next) ? next : undefined;
  };
  if (inOrder?.every((m) => isDash(m.text) || explanationAfter(m))) {
    inOrder.forEach((m, k) => {
      const next = explanationAfter(m);
      if (next) explanations[k] = next;
    });
  }
  return { marks, explanations };
}

/** Whether most marks printed (MOST_ROWS) stand between an item and a text: pdftotext's rows printed whole. */
function rowsPrintedWhole(region: readonly Token[], printed: readonly Token[], isItem: (t: Token) => boolean): boolean {
  const solid = printed.filter((m) => !isDash(m.text));
  const whole = solid.filter((m) => {
    const [before, after] = [region[region.indexOf(m) - 1], region[region.indexOf(m) + 1]];
    return before !== undefined && isItem(before) && after !== undefined && !isItem(after) && !isMark(after);
  });
  return solid.length >= 3 && whole.length >= MOST_ROWS * solid.length;
}

/**
 * pdftotext prints a row as item, mark, explanation: where most marks dealt (MOST_ROWS) stand
 * so, between an item and a text, each such text is its mark's item's. So is the text after a
 * mark that stands between two texts, its item printed elsewhere (`…行う。 有 さらに、…`, the
 * item later), when no other mark's row holds it. Empty otherwise.
 */
function textsOfWholeRows(region: readonly Token[], marks: ReadonlyArray<Token | undefined>, isText: (t: Token) => boolean, isItem: (t: Token) => boolean): Array<Token | undefined> {
  const at = (t: Token, offset: number) => region[region.indexOf(t) + offset];
  const textAfter = (m: Token | undefined) => {
    const next = m && !isDash(m.text) ? at(m, 1) : undefined;
    return next && isText(next) ? next : undefined;
  };
  const after = (before: (t: Token) => boolean) => (m: Token | undefined) => {
    const previous = m ? at(m, -1) : undefined;
    return previous !== undefined && before(previous) ? textAfter(m) : undefined;
  };
  const texts = marks.map(after(isItem));
  const marked = marks.filter((m) => m && !isDash(m.text)).length;
  if (marked < 3 || texts.filter(Boolean).length < MOST_ROWS * marked) return [];
  const taken = new Set(texts.filter((t) => t !== undefined));
  // A mark between two texts: the row before it ended, its own item printed elsewhere.
  const betweenTexts = after(isText);
  return texts.map((t, k) => {
    const text = t ?? betweenTexts(marks[k]);
    return text && (t || !taken.has(text)) ? text : undefined;
  });
}

/**
 * The marks of the region in print order, one an item: stream text prints the mark column in
 * the template's order even where it prints the items elsewhere. An item marked with a dash has
 * a dash for its explanation too (`- -`), which is no mark. Null unless that leaves exactly one
 * mark an item.
 */
function marksInOrder(printed: readonly Token[], itemCount: number): Token[] | null {
  const marks: Token[] = [];
  for (let i = 0; i < printed.length; i++) {
    marks.push(printed[i]!);
    if (isDash(printed[i]!.text) && printed[i + 1] && isDash(printed[i + 1]!.text)) i++;
  }
  return marks.length === itemCount && marks.every((m, k) => markFits(k, m)) ? marks : null;
}

/** A leading mark (`○`, `有`…), the space after it, and what follows it in the box. */
const GLUED_MARK = /^([○〇△×有無])(\s*)(\S.{3,})$/s;

/**
 * pdfminer may box a mark with the text beside it (`○ 活動実績は当初の見込みを達成している。`,
 * `○整備された施設や…`): the box is read as the mark, then the text. With no space between,
 * only an item's text is split off: an explanation may itself open with 〇 or 有 (有識者…).
 */
function splitLeadingMark(t: Token): Token[] {
  const m = isLabel(t) ? null : GLUED_MARK.exec(t.text);
  if (!m) return [t];
  const piece = (text: string): Token => ({ ...t, text, folded: fold(text) });
  const rest = piece(m[3]!);
  return m[2] || isItemText(rest) ? [piece(m[1]!), rest] : [t];
}

/** Blank lines a layout explanation may leave between its first line and the rest. */
const EXPLANATION_GAP = 3;

/**
 * Layout text: an explanation centred on its item's row may start a few lines above, in a box
 * of its own: the box just above in the same column that does not end its sentence (。).
 */
function unfinishedAbove(ctx: MatchContext, box: Token): Token | undefined {
  return ctx.tokens.find((t) => Math.abs(t.col - box.col) <= 1 && t.row < box.row && box.row - t.lines.at(-1)!.line <= EXPLANATION_GAP
    && !isLabel(t) && !isItemText(t) && !isMark(t) && !endsSentence(t.text) && t.folded.length > 3);
}

/**
 * Layout text may join items into one box: two printed a blank line apart (`政策目的の…事業か。 ⏎
 * 競争性が確保…妥当か。`), or the last of a page and the first of the next where no form feed
 * parts the pages. A box made of whole items, each starting a line and perhaps wrapping onto the
 * next (`…具体的な内容を ⏎ 各事業の右に記載）`), is read as those items, each on its first line's
 * row, where its mark stands.
 */
function splitItemLines(t: Token): Token[] {
  if (t.lines.length < 2) return [t];
  const pieces: Array<Token['lines'][number][]> = [];
  for (const line of t.lines) {
    const startsItem = ITEMS.some((i) => i.key.startsWith(fold(line.text)) || fold(line.text).startsWith(i.key));
    const last = pieces.at(-1);
    if (!last || (startsItem && isWholeItem(last))) pieces.push([line]);
    else last.push(line);
  }
  if (pieces.length < 2 || !pieces.every(isWholeItem)) return [t];
  return pieces.map((lines) => {
    const text = lines.map((l) => l.text.trim()).join('');
    return { ...t, lines, text, folded: fold(text), row: lines[0]!.line };
  });
}

const isWholeItem = (lines: ReadonlyArray<{ text: string }>) => {
  const folded = fold(lines.map((l) => l.text).join(''));
  return ITEMS.some((i) => i.key === folded);
};

export function matchSelfCheck(ctx: MatchContext): SelfCheck[] {
  const tokens = ctx.isLayout ? ctx.tokens.flatMap(splitItemLines) : ctx.tokens.flatMap(splitLeadingMark);
  const found = ITEMS.map((i) => ({ ...i, token: findItem(tokens, i.key) }));
  if (!found.some((f) => f.token)) {
    ctx.report('warning', 'missing-section', 'selfCheck', 'no 点検・改善 items were found');
    return [];
  }
  // Layout text: an explanation stands right of its mark, on the mark's rows.
  const explanationBeside = (mark: Token | undefined): Token | undefined =>
    mark && ctx.tokens.filter((t) => t.col > mark.end && t.row <= mark.row + 2 && t.lines.at(-1)!.line >= mark.row - 1 && !isLabel(t) && !isItemText(t))
      .sort((a, b) => Math.abs(a.row - mark.row) - Math.abs(b.row - mark.row))[0];
  // Layout text: each item's mark stands beside it, on its row.
  const marks = ctx.tokens.filter(isMark).filter((m) => !ctx.isUsed(m));
  const stream = ctx.isLayout ? null : readStream(ctx, tokens, found.map((f) => f.token));
  const chosen = found.map((f, k): Token | undefined => {
    if (stream) return stream.marks[k];
    return f.token ? marks.filter((m) => Math.abs(m.row - f.token!.row) <= 1 && m.col > f.token!.col).sort((a, b) => a.col - b.col)[0] : undefined;
  });
  // Layout text: a mark two items chose, a line apart, is the one's on its row.
  if (!stream) chosen.forEach((m, k) => {
    const rival = m ? chosen.findIndex((o, j) => j !== k && o === m) : -1;
    if (rival < 0) return;
    const off = (j: number) => Math.abs(m!.row - found[j]!.token!.row);
    if (off(k) > off(rival) || (off(k) === off(rival) && k > rival)) chosen[k] = undefined;
  });
  // The 関連事業 item's mark stands on the rows of the related projects below it, not beside it:
  // an item still without a mark takes the nearest free one below it, before the next item.
  if (!stream) {
    found.forEach((f, k) => {
      if (chosen[k] || !f.token) return;
      const nextRow = found.slice(k + 1).find((g) => g.token && g.token.row > f.token!.row)?.token!.row ?? f.token.row + BELOW_REACH;
      chosen[k] = marks.filter((m) => m.row > f.token!.row && m.row < Math.min(nextRow, f.token!.row + BELOW_REACH) && !chosen.includes(m)).sort((a, b) => a.row - b.row)[0];
    });
  }
  const explanations = stream ? stream.explanations : chosen.map(explanationBeside);
  const layoutTexts = ctx.isRows ? paragraphTexts(ctx, found.map((f) => f.token), chosen) : stream ? null : explanationTexts(ctx, explanations, chosen);
  return found.map((f, k) => {
    const mark = chosen[k];
    const explanation = explanations[k];
    if (mark) ctx.trace(`selfCheck[${k}].mark`, mark);
    if (explanation) ctx.trace(`selfCheck[${k}].explanation`, explanation);
    // A dash in a text cell means nothing was written there (spec): null, for mark and explanation alike.
    const text = (t: Token | undefined) => (t && !isDash(t.text) ? t.text : null);
    return { group: f.group, item: f.item, mark: text(mark), explanation: layoutTexts ? layoutTexts[k]! : text(explanation) };
  });
}

/**
 * Row text: an explanation is the paragraph its item's line stands in (paragraphCells), the
 * item, its mark and the group's vertical heading letters left out.
 */
function paragraphTexts(ctx: MatchContext, items: ReadonlyArray<Token | undefined>, marks: ReadonlyArray<Token | undefined>): Array<string | null> {
  const itemRows = items.flatMap((t) => (t ? [t.row] : []));
  const isCell = (t: Token) => !isLabel(t) && !isMark(t) && !isItemText(t) && !isItemPiece(t) && [...t.folded].length > 1 && !GROUPS.has(t.folded);
  return items.map((item, k) => {
    const mark = marks[k];
    if (!item || !mark || isDash(mark.text)) return null;
    return joinedText(ctx, paragraphCells(ctx, item.row, itemRows, isCell), `selfCheck[${k}].explanation`);
  });
}

/** The end of an item wrapped onto the next line (`のはないか。`), which is no explanation. */
const isItemPiece = (t: Token) => t.folded.length >= 3 && ITEMS.some((i) => i.key.endsWith(t.folded));

/**
 * Layout text: each item's explanation text. A box that several items' marks chose runs over
 * their explanations, one under the other (the column's lines joined into one box): its lines
 * are cut into runs, each centred on its mark's row as an explanation is. A box may also have
 * its first line a few lines above it (unfinishedAbove).
 */
function explanationTexts(ctx: MatchContext, boxes: ReadonlyArray<Token | undefined>, marks: ReadonlyArray<Token | undefined>): Array<string | null> {
  const out: Array<string | null> = boxes.map(() => null);
  boxes.forEach((box, k) => {
    if (!box || isDash(box.text) || out[k] !== null) return;
    // An item marked with a dash has no explanation: the box is the others'.
    const sharing = boxes.flatMap((b, j) => (b === box && marks[j] && !isDash(marks[j]!.text) ? [j] : [])).sort((a, b) => marks[a]!.row - marks[b]!.row);
    if (!sharing.includes(k) && sharing.length) return;
    if (sharing.length > 1 && box.lines.length >= sharing.length) {
      const runs = centredRuns(box.lines.map((l) => l.line), sharing.map((j) => marks[j]!.row));
      sharing.forEach((j, n) => { out[j] = box.lines.slice(runs[n]!, runs[n + 1] ?? box.lines.length).map((l) => l.text.trim()).join(''); });
      return;
    }
    const above = unfinishedAbove(ctx, box);
    out[k] = printedOnce((above ? above.text : '') + box.text);
  });
  return out;
}

/** Where each run of `lines` starts, one run per row in `centres`, each run's middle nearest its row. */
function centredRuns(lines: readonly number[], centres: readonly number[]): number[] {
  const off = (from: number, to: number, centre: number) => Math.abs((lines[from]! + lines[to - 1]!) / 2 - centre);
  // The cheapest cut of lines[from..] into runs for centres[run..]: its cost and the runs' starts.
  const cut = (run: number, from: number): { cost: number; starts: number[] } => {
    if (run === centres.length - 1) return { cost: off(from, lines.length, centres[run]!), starts: [from] };
    let best = { cost: Infinity, starts: [] as number[] };
    for (let next = from + 1; next <= lines.length - (centres.length - 1 - run); next++) {
      const rest = cut(run + 1, next);
      const cost = off(from, next, centres[run]!) + rest.cost;
      if (cost < best.cost) best = { cost, starts: [from, ...rest.starts] };
    }
    return best;
  };
  return cut(0, 0).starts;
}
