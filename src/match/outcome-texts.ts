// The goal and indicator texts of the 成果目標 table's rows: in layout text the two text columns
// beside each row group; in stream text the section's prose, read as boxes across both cells,
// boxes that stack them by height, or texts one after another.
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { GOAL_WORDING, INDICATOR_ENDING } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isYearHead, opensWithYearHead } from './values.js';
import { isProse, isVerticalHeading, itemNumber, textWithoutLabels } from './text-field.js';
import { columnWidths, goesOnBelow, partsOf, splitByWidths, splitTwoColumns, stackedColumns } from './text-columns.js';
import { centredColumns } from './centred-columns.js';
import { columnTexts, labelColumnOf, lastRowOf, type RowGroup } from './table-rows.js';
import { isLabelPiece, joinedText, paragraphCells } from './row-paragraphs.js';

/** Goal and indicator: the two text columns beside the group (layout), or the prose before it. */
export function goalAndIndicator(ctx: MatchContext, group: RowGroup, previous: RowGroup | undefined): [string | null, string | null] {
  const opener = group.opener[0]!;
  if (ctx.isLayout) {
    const top = previous ? lastRowOf(previous).row + 1 : opener.row - 2;
    const [goal, indicator] = columnTexts(ctx, top, lastRowOf(group).row, 'outcomeTitle', labelColumnOf(group));
    return [goal ?? null, indicator ?? null];
  }
  const from = previous ? lastRowOf(previous).index + 1 : Math.max(0, opener.index - 12);
  const prose = ctx.tokens.slice(from, opener.index).filter((t) => isGoalText(ctx, t));
  // pdftotext prints the goal and indicator cells across one box, line by line.
  const box = prose.map((t) => splitTwoColumns(t)).findLast((s) => s !== null);
  if (box) return box;
  const [goal, indicator] = prose.slice(-2);
  if (prose.length >= 2) return [goal!.text, indicator!.text];
  return [null, goal?.text ?? null];
}

/**
 * Row text: the goal and indicator are the two texts of each line of the paragraph around the
 * group's first row, side by side (row-paragraphs.ts); a line with one text continues the goal
 * until the goal ends (。 or a closing bracket), then the indicator.
 */
export function rowsGoalAndIndicator(ctx: MatchContext, group: RowGroup, groups: readonly RowGroup[]): [string | null, string | null] {
  const isText = (t: Token) => !isLabel(t) && isProse(t) && [...t.folded].length > 1 && !isYearHead(t) && !isLabelPiece('outcomeTitle', t);
  const cells = paragraphCells(ctx, group.opener[0]!.row, groups.map((g) => g.opener[0]!.row), isText);
  const goal: Token[] = [];
  const indicator: Token[] = [];
  for (const row of [...new Set(cells.map((t) => t.row))]) {
    const [first, ...rest] = cells.filter((t) => t.row === row);
    const goalEnded = goal.length > 0 && /[。）)]$/.test(goal.at(-1)!.text);
    if (rest.length) goal.push(first!), indicator.push(...rest);
    else (goalEnded ? indicator : goal).push(first!);
  }
  const k = groups.indexOf(group);
  return [joinedText(ctx, goal, `outcomes[${k}].goal`), joinedText(ctx, indicator, `outcomes[${k}].indicator`)];
}

/** The section's first label: its title or its 成果指標 column head, whichever comes first. */
export function sectionStart(ctx: MatchContext): number | null {
  const heads = [ctx.first('outcomeIndicator'), ctx.first('outcomeTitle')].filter((t) => t !== undefined);
  return heads.length ? Math.min(...heads.map((t) => t.index)) : null;
}

/**
 * Stream text, the section's goals and indicators in order when each is a pair: a box that
 * pdftotext printed across both cells, line by line, or two texts one after the other; else
 * boxes that stack both cells by height (centredPairs).
 */
export function streamPairs(ctx: MatchContext, end: number, groupCount: number): Array<[string, string]> {
  const start = sectionStart(ctx);
  if (start === null) return [];
  const texts = ctx.tokens.slice(start, end).filter((t) => isGoalText(ctx, t));
  const pairs = pairsOfTexts(ctx, texts, end, groupCount);
  return pairs.length === groupCount ? pairs : centredPairs(texts, groupCount) ?? pairs;
}

/**
 * The texts of several lines as one box a row, each holding the row's goal and indicator
 * centred side by side (centred-columns.ts), when there is one such box a row and the widths
 * read every one. Only where some line holds both texts: then pdftotext printed the cells
 * across one box.
 */
function centredPairs(texts: readonly Token[], groupCount: number): Array<[string, string]> | null {
  const boxes = texts.map((token) => ({ token, lines: partsOf(token) })).filter((box) => box.lines.length >= 2);
  if (boxes.length !== groupCount || !boxes.some((box) => box.lines.some((parts) => parts.length === 2))) return null;
  const pairs = centredColumns(boxes.map((box) => box.token));
  return pairs.every((p) => p !== null) ? pairs.map((p) => p.pair) : null;
}

/** The section's goal texts, read as boxes across both cells where they are such boxes. */
interface SectionTexts {
  ctx: MatchContext;
  texts: readonly Token[];
  /** Where the section ends. */
  end: number;
  /** Each text's two columns, or null for a text of one column. */
  boxes: ReadonlyArray<[string, string] | null>;
  /** Where the boxes of two columns stand among the texts. */
  boxAt: readonly number[];
}

/** The pairs the section's texts make as boxes printed across both cells, or texts one after the other. */
function pairsOfTexts(ctx: MatchContext, texts: readonly Token[], end: number, groupCount: number): Array<[string, string]> {
  // Boxes across both cells are surer than texts that happen to follow one another.
  const boxes = texts.map((t) => splitTwoColumns(t));
  const section: SectionTexts = { ctx, texts, end, boxes, boxAt: boxes.flatMap((box, i) => (box ? [i] : [])) };
  const { boxAt } = section;
  if (boxAt.length && boxAt.length === groupCount) return boxesOneARow(section);
  const pieces = boxAt.length > groupCount ? boxesInPieces(section, groupCount) : null;
  if (pieces) return pieces;
  const stacked = boxAt.length && boxAt.length < groupCount ? stackedBesideBoxes(section, groupCount) : null;
  if (stacked) return stacked;
  if (groupCount === 1 && !boxAt.length && texts.length >= 2) return oneOutcome(texts);
  return textsInTurn(section);
}

/** One box an outcome: the texts after a box, up to the next, are its wrapped lines. */
function boxesOneARow({ ctx, texts, end, boxAt }: SectionTexts): Array<[string, string]> {
  // A box's wrapped lines may be short (`た調査の割合`): any prose up to the next box.
  const wrapped = (i: number, k: number) => ctx.tokens.slice(texts[i]!.index + 1, texts[boxAt[k + 1]!]?.index ?? end).filter((t) => isWrappedLine(ctx, t));
  return boxAt.map((i, k) => {
    const [goal, indicator] = splitTwoColumns(texts[i]!, wrapped(i, k))!;
    // The box's first lines, stacked by height before a label's line cut them off (`果実績 ⏎
    // goal line ⏎ indicator line`, `（アウトカム）`, the box): split at the box's widths.
    const before = texts[i - 1];
    const cut = before && (k === 0 || i - 1 > boxAt[k - 1]!) && before.lines.length >= 2 && ctx.tokens.slice(before.index + 1, texts[i]!.index).every(isLabel);
    if (!cut) return [goal, indicator] as [string, string];
    const [goalStart, indicatorStart] = splitByWidths(before, columnWidths(texts[i]!)!);
    return [goalStart + goal, indicatorStart + indicator] as [string, string];
  });
}

/**
 * More boxes than outcomes: a box the labels' lines cut into pieces (`果実績 ⏎ goal indicator`,
 * `（アウトカム）`, `goal indicator`): boxes one after another are one outcome's, in order.
 */
function boxesInPieces({ texts, boxes, boxAt }: SectionTexts, groupCount: number): Array<[string, string]> | null {
  // Boxes that follow one another, where `joins` lets box i go on from box i - 1.
  const runsOf = (joins: (i: number) => boolean) => boxAt.reduce<number[][]>((out, i) => {
    const last = out.at(-1);
    if (last && last.at(-1) === i - 1 && joins(i)) last.push(i);
    else out.push([i]);
    return out;
  }, []);
  // Else only a box whose both texts go on past its last line continues in the next.
  const widths = widestColumns(boxAt.map((i) => columnWidths(texts[i]!)!));
  const joined = [runsOf(() => true), runsOf((i) => goesOnBelow(texts[i - 1]!, widths))].find((r) => r.length === groupCount);
  return joined ? joined.map((run) => [0, 1].map((side) => run.map((i) => boxes[i]![side]).join('')) as [string, string]) : null;
}

/**
 * Boxes of several lines and no two parts, beside such boxes, are the same cells stacked by
 * height (goal line, indicator, goal line): split at the widths the others show.
 */
function stackedBesideBoxes({ texts, boxes, boxAt }: SectionTexts, groupCount: number): Array<[string, string]> | null {
  const widths = widestColumns(boxAt.map((i) => columnWidths(texts[i]!)!));
  const stackedAt = texts.flatMap((t, i) => (boxes[i] || t.lines.length >= 2 ? [i] : []));
  if (stackedAt.length !== groupCount) return null;
  // A box whose lines all fit one centred reading exactly is surer than widths from elsewhere.
  const centred = centredColumns(stackedAt.map((i) => texts[i]!));
  const pairs = stackedAt.map((i, k) => boxes[i] ?? (centred[k]?.exact ? centred[k].pair : splitByWidths(texts[i]!, widths)));
  return pairs.every(([goal, indicator]) => goal && indicator) ? pairs : null;
}

/**
 * One outcome and no box: its goal may wrap over several texts, its indicator is the last; of
 * two texts, the first when it reads as the indicator and the other as the goal (pdftotext
 * prints the taller cell first, whichever column it is in).
 */
function oneOutcome(texts: readonly Token[]): Array<[string, string]> {
  const stacked = stackedColumns(texts);
  if (stacked) return [readsAsIndicator(stacked[0]) > readsAsIndicator(stacked[1]) ? [stacked[1], stacked[0]] : stacked];
  const parts = texts.map(textWithoutLabels);
  if (parts.length === 2) return [inOrder(parts[0]!, parts[1]!)];
  return [[parts.slice(0, -1).join(''), parts.at(-1)!]];
}

/** Boxes as they are, other texts two by two, a note (`※24年度は活動していない。`) in a box of its own ending the text before it. */
function textsInTurn({ texts, boxes }: SectionTexts): Array<[string, string]> {
  const units: Array<{ text: string; box: [string, string] | null }> = [];
  texts.forEach((t, i) => {
    const last = units.at(-1);
    if (last && !last.box && t.folded.startsWith('※')) last.text += `\n${t.text}`;
    else units.push({ text: t.text, box: boxes[i]! });
  });
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < units.length; i++) {
    const box = units[i]!.box;
    if (box) pairs.push(box);
    else if (units[i + 1] && !units[i + 1]!.box) pairs.push(inOrder(units[i]!.text, units[++i]!.text));
  }
  return pairs;
}

/**
 * Pairs in the order their goals number them (`①【ASEAN…】`, `②…`): pdftotext may print a later
 * row's cells first. A pair without a number takes the first place no number claims.
 */
export function inItemOrder(pairs: Array<[string, string]>): Array<[string, string]> {
  const places = pairs.map(([goal]) => itemNumber(goal));
  const claimed = places.filter((p) => p !== null);
  if (!claimed.length || new Set(claimed).size < claimed.length || claimed.some((p) => p >= pairs.length)) return pairs;
  const out: Array<[string, string] | undefined> = pairs.map((_, k) => (places.includes(k) ? pairs[places.indexOf(k)] : undefined));
  const unnumbered = pairs.filter((_, k) => places[k] === null);
  return out.map((pair) => pair ?? unnumbered.shift()!);
}

const widestColumns = (widths: Array<[number, number]>) => widths.reduce((a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1])]);

/** +1 for an indicator's ending (…件数, …数（件）), −1 for a goal's wording (…とする。, 程度). */
const readsAsIndicator = (text: string) => (INDICATOR_ENDING.test(text.trim()) ? 1 : 0) - (GOAL_WORDING.test(text) ? 1 : 0);
/** Two texts of one outcome as goal and indicator: in print order, unless the first reads as the indicator and the second as the goal. */
const inOrder = (first: string, second: string): [string, string] => (readsAsIndicator(first) - readsAsIndicator(second) >= 2 ? [second, first] : [first, second]);

/** Prose that can be a goal or an indicator (`１０カ国` is one; a unit such as `か国` is not): not a label, a year, a vertical heading, or a 予算内訳 reason after its amount (`2 所要額の精査`). */
const isGoalText = (ctx: MatchContext, t: Token) => isWrappedLine(ctx, t) && t.folded.length > 3;
const isWrappedLine = (ctx: MatchContext, t: Token) => !isLabel(t) && isProse(t) && !isYearHead(t) && !opensWithYearHead(t) && !/^[\d０-９,.]+ /.test(t.text) && !isVerticalHeading(t) && !ctx.isUsed(t);
