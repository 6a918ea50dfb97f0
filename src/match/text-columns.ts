// Two text cells side by side (成果目標 and 成果指標) that pdftotext printed as one box, line by
// line across both, or stacked one under the other: the lines dealt back to their columns by
// their widths, the brackets and sentences they leave open, and the section title beside them.
import type { Token } from '../tokenize/labels.js';
import { labelsOf } from '../tokenize/labels.js';
import { endsSentence, fold, readCell } from '../tokenize/values.js';
import { SECTION_TITLES, TABLE_ROW_LABELS, type LabelId } from '../tokenize/vocabulary.js';
import { FULL_LINE, linesWithoutLabels, textParts } from './text-field.js';

/**
 * Two text cells side by side that pdftotext printed as one box, line by line across both
 * (`goal-part indicator-part`, then a line of either alone), or null when the box is one text.
 * A line of one part goes to the column whose width it is nearer: each column wraps at its
 * own width, so all but a text's last line are as long as their column.
 */
export function splitTwoColumns(token: Token, continuation: readonly Token[] = []): [string, string] | null {
  const widths = columnWidths(token);
  return widths ? splitByWidths(token, widths, continuation) : null;
}

// Labels printed into the box (`目標値`) and one-letter fragments of a label (`績`) are not the
// cells' text; a full stop wrapped onto a line of its own is.
export const partsOf = (t: Token) => t.lines.map((l) => (l.text.trim() === '。' ? ['。'] : textParts(beforeRowLabel(l.text), 2))).filter((parts) => parts.length > 0);

const TITLES: ReadonlySet<LabelId> = new Set(SECTION_TITLES.map((t) => t.id));
const holdsTitleLine = (t: Token) => t.lines.some((l) => labelsOf(fold(l.text)).some((id) => TITLES.has(id)));

/**
 * A line cut at a table's row label printed after text (`goal-part indicator 目標値 法人数`): the
 * cells right of the label (the unit) are not the text columns'.
 */
function beforeRowLabel(line: string): string {
  const words = line.trim().split(/ +/);
  const at = words.findIndex((w, i) => i > 0 && labelsOf(fold(w)).some((id) => TABLE_ROW_LABELS.has(id)));
  return at > 0 ? words.slice(0, at).join(' ') : line;
}

/** The widths of the two columns a box was printed across, from its lines of two parts; null when it is one text. */
export function columnWidths(token: Token): [number, number] | null {
  const split = partsOf(token);
  // Two texts: a value beside a text is a table row (`1,127 事業の見直しによる減`).
  const pairs = split.filter((p) => p.length === 2 && p.every((s) => s.length >= 2 && readCell(s) === null));
  const firstPair = split.findIndex((p) => p.length === 2);
  if (!pairs.length || split.some((p) => p.length > 2)) return null;
  const widths = [0, 1].map((side) => Math.max(...pairs.map((p) => p[side]!.length))) as [number, number];
  // A box of one text has no line of two parts near its top. The taller of two texts may fill
  // three lines above it, each as long as its column (`招へい者に対する本事業の成果` ⏎ …).
  const above = split.slice(0, firstPair).map((p) => p[0]!.length);
  return firstPair < 3 || (firstPair === 3 && fittingColumns(above, widths).length === 1) ? widths : null;
}

/** The columns whose width every one of these line lengths fits: a full line of it, or a little short. */
const fittingColumns = (lengths: readonly number[], widths: readonly [number, number]) =>
  ([0, 1] as const).filter((c) => lengths.every((n) => n >= widths[c] * FULL_LINE && n <= widths[c] / FULL_LINE));

/**
 * Whether both texts of a two-column box go on past its last line: that line holds both, each
 * as long as its column and neither ending a sentence. A label's line cut such a box in two.
 */
export function goesOnBelow(token: Token, widths: readonly [number, number]): boolean {
  const last = partsOf(token).at(-1);
  return last?.length === 2 && last.every((part, side) => part.length >= widths[side]! * FULL_LINE && !/。$/.test(part));
}

/** A column's lines so far end on a full line that does not end a sentence: its text goes on. */
const goesOn = (lines: readonly string[], width: number) => {
  const last = lines.at(-1);
  return last !== undefined && !endsSentence(last) && last.length >= width * FULL_LINE;
};
/** A column's lines so far end a sentence on a short line: its text has ended. */
const endedShort = (lines: readonly string[], width: number) => {
  const last = lines.at(-1);
  return last !== undefined && /。$/.test(last) && last.length < width * FULL_LINE;
};

const DIGIT_END = /[0-9０-９]$/;
const DIGIT_START = /^[0-9０-９]/;

/** Brackets a text leaves open (`…（目標値：`, `①【ASEAN…会`), and whether a line closes one it did not open (`12人）…`, `合】`). */
const OPENERS = '（(【「『［';
const CLOSERS = '）)】」』］';
const openBrackets = (text: string) => [...text].reduce((depth, c) => depth + (OPENERS.includes(c) ? 1 : CLOSERS.includes(c) ? -1 : 0), 0);
const closesBracketFirst = (line: string) => {
  let depth = 0;
  for (const c of line) if ((depth += OPENERS.includes(c) ? 1 : CLOSERS.includes(c) ? -1 : 0) < 0) return true;
  return false;
};

/**
 * The column of the lines above a box's first line of two parts. The cells are centred in
 * their rows, so those lines are the taller text's, all of them, and as long as its column:
 * the one column whose width two or more such lines all fit. Else the column that goes on after the other ended
 * a sentence or a bracket on the last line of two. Null when nothing tells (the widths seen on
 * lines of two parts understate the narrower column's).
 */
function topSide(split: readonly string[][], widths: readonly [number, number]): 0 | 1 | null {
  const firstPair = split.findIndex((p) => p.length === 2);
  if (firstPair <= 0) return null;
  const above = split.slice(0, firstPair).map((p) => p[0]!.length);
  // One line may be a short paragraph of its own (`日本人職員数（職員全体）`) and tells nothing.
  const fits = fittingColumns(above, widths);
  if (above.length >= 2 && fits.length === 1) return fits[0]!;
  const lastPair = split.findLast((p) => p.length === 2)!;
  const ended = ([0, 1] as const).filter((c) => endsSentence(lastPair[c]!));
  return ended.length === 1 ? (ended[0] === 0 ? 1 : 0) : null;
}

/**
 * The lines below a box's last line of two, each a box of its own, when they take turns (a box
 * of several lines is one column's, so they do not): the
 * cells are centred in their row, so the taller text's lines and the other's lie half a line
 * apart. The column the first line goes to when exactly one start puts the one line that ends
 * a sentence (the goal's end) last in the left column; null when nothing tells.
 */
function alternation(lines: readonly string[]): 0 | 1 | null {
  const ends = lines.flatMap((l, k) => (/。$/.test(l) ? [k] : []));
  if (lines.length < 3 || ends.length !== 1) return null;
  const fits = ([0, 1] as const).filter((start) => {
    const leftLines = lines.flatMap((_, k) => ((start + k) % 2 === 0 ? [k] : []));
    return leftLines.at(-1) === ends[0];
  });
  return fits.length === 1 ? fits[0]! : null;
}

/**
 * A box's lines dealt to two columns of the given widths. It also splits a box with no line of
 * two parts whose cells pdftotext stacked by height (goal line, indicator, goal line), given
 * the widths its neighbours' boxes show.
 */
export function splitByWidths(token: Token, widths: readonly [number, number], continuation: readonly Token[] = []): [string, string] {
  const split = partsOf(token);
  const out: [string[], string[]] = [[], []];
  let lastSingle: 0 | 1 = 1;
  const top = topSide(split, widths);
  // The box's last lines may stand in boxes of their own after it (`continuation`), one part a line.
  // A box that stacks the section title's lines with its own (`…平成24 ⏎ 果実績 ⏎ 年4月の…`) holds
  // the left column's: the goal's cell stands beside the title's.
  const below = continuation.flatMap((t) => partsOf(t).filter((p) => p.length === 1).map((p) => ({ line: p[0]!, besideTitle: holdsTitleLine(t) })));
  const alternate = split.at(-1)?.length === 2 && continuation.every((t) => t.lines.length === 1) ? alternation(below.map((b) => b.line)) : null;
  const place = (parts: readonly string[], next?: readonly string[]) => {
    if (parts.length === 2) {
      out[0].push(parts[0]!);
      out[1].push(parts[1]!);
      return;
    }
    const line = parts[0]!;
    // A line the next line of two prints again in one column is the other's: a goal restates
    // its indicator (`アンケート評価の平均値` ⏎ `（会合参加者へ… アンケート評価の平均値`), and a cell
    // does not print one line twice.
    const restated = ([0, 1] as const).filter((c) => next?.length === 2 && next[c] === line);
    if (restated.length === 1) {
      out[1 - restated[0]!]!.push(line);
      lastSingle = (1 - restated[0]!) as 0 | 1;
      return;
    }
    if (top !== null && !out[0].length && !out[1].length) {
      out[top].push(line);
      return;
    }
    // A short line ends a text: the column that did not end last.
    const nearer: 0 | 1 = Math.abs(line.length - widths[0]) <= Math.abs(line.length - widths[1]) ? 0 : 1;
    // A line that ends a sentence, shorter than the left column, ends the left text (the goal,
    // a sentence, beside its indicator, a noun phrase) even when its length fits the right one.
    // A line that ends a sentence ends the column left open: the other's text ended its
    // sentence on a short line, and this one's last line was full.
    const endsOpenText = /。$/.test(line) ? ([0, 1] as const).filter((c) => goesOn(out[c], widths[c]) && endedShort(out[1 - c]!, widths[1 - c]!)) : [];
    const endsLeftText = /。$/.test(line) && line.length < widths[0];
    // A number the wrap broke (`（※１` ⏎ `００％…`) goes on in the column whose last line it ends.
    const numberGoesOn = ([0, 1] as const).filter((c) => DIGIT_END.test(out[c].at(-1) ?? '') && DIGIT_START.test(line));
    // A line that closes a bracket it did not open (`12人）【SDG3.2】`) goes on in the column that left one open.
    const bracketGoesOn = closesBracketFirst(line) ? ([0, 1] as const).filter((c) => openBrackets(out[c].join('')) > 0) : [];
    const side: 0 | 1 = numberGoesOn.length === 1 ? numberGoesOn[0]! : bracketGoesOn.length === 1 ? bracketGoesOn[0]! : endsOpenText.length === 1 ? endsOpenText[0]! : endsLeftText ? 0 : line.length >= Math.min(...widths) * FULL_LINE ? nearer : lastSingle === 0 ? 1 : 0;
    out[side].push(line);
    lastSingle = side;
  };
  split.forEach((parts, k) => place(parts, split[k + 1]));
  const inBox = [out[0].length, out[1].length] as const;
  if (alternate === null) below.forEach((b) => (b.besideTitle ? out[0].push(b.line) : place([b.line])));
  else below.forEach((b, k) => out[((alternate + k) % 2) as 0 | 1].push(b.line));
  return [topFirst(out[0], inBox[0]), topFirst(out[1], inBox[1])];
}

/**
 * A column's text: the box's lines, then those printed after it, unless the box's lines end
 * their sentence and the later ones do not: those are the column's first lines, which pdftotext
 * printed with the section title's lines beside them (`日本の活動の…`, `成果目標及び成 100%とする。`,
 * `…加盟国のユ`, then the box's `ネスコ国内委員会…`).
 */
function topFirst(lines: readonly string[], inBox: number): string {
  const [box, after] = [lines.slice(0, inBox).join(''), lines.slice(inBox).join('')];
  return box && after && /。$/.test(box) && !endsSentence(after) && !after.startsWith('※') ? after + box : box + after;
}

/**
 * A line's width as printed, in kanji: a digit or a Latin letter takes half. Full-width digits
 * count as half too (NFKC), as everywhere in the parser: a text's digit width changes nothing.
 */
export const printedWidth = (line: string) => [...line.normalize('NFKC')].reduce((w, c) => w + (c.codePointAt(0)! < 0x100 ? 0.5 : 1), 0);

type Column = 'wide' | 'narrow';

/**
 * Two cells side by side whose lines pdftotext stacked one under another, no line holding both
 * (`東京湾における新たな干潟域に` ⏎ `底生生物の生息域拡大等による水質浄化` ⏎ …): a box whose first
 * line is narrower than a later one could wrap at shows them. A line as wide as one column is
 * that column's; a short line ends the text of the line before it in its box, else of the column
 * still open. The two texts in the order of their first lines; null when no box shows two widths.
 */
export function stackedColumns(texts: readonly Token[]): [string, string] | null {
  const boxes = texts.map((t) => linesWithoutLabels(t).map((text) => ({ text, width: printedWidth(text) })));
  if (!boxes.some((lines) => lines.some((line) => line.width > lines[0]!.width / FULL_LINE))) return null;
  const widths = boxes.flat().map((l) => l.width);
  const wide = Math.max(...widths);
  const narrow = Math.max(...widths.filter((w) => w < wide * FULL_LINE));
  const columnOf = (w: number): Column | null => (w >= wide * FULL_LINE ? 'wide' : w >= narrow * FULL_LINE ? 'narrow' : null);
  // The narrower width is one a text wraps at: a line of it goes on, in its box, with a line no
  // wider (`おいて着底が見込まれる底生生` ⏎ `物の種類`), not a short paragraph before wider lines.
  if (!boxes.some((lines) => lines.some((line, i) => columnOf(line.width) === 'narrow' && (lines[i + 1]?.width ?? Infinity) <= line.width))) return null;
  const columns = new Map<Column, string[]>();
  const ended = new Set<Column>();
  for (const lines of boxes) {
    let before: Column | null = null;
    for (const line of lines) {
      const full = columnOf(line.width);
      const open = (['wide', 'narrow'] as const).filter((c) => !ended.has(c));
      const column: Column | null = full ?? (before && !ended.has(before) ? before : open.length === 1 ? open[0]! : null);
      if (!column) return null;
      if (!full) ended.add(column);
      columns.set(column, [...(columns.get(column) ?? []), line.text]);
      before = column;
    }
  }
  const [first, second] = [...columns.values()].map((lines) => lines.join(''));
  return first !== undefined && second !== undefined ? [first, second] : null;
}
