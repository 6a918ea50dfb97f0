// A label whose value is one free-text cell: 点検結果, 外部有識者の所見, 備考, …
import type { Token } from '../tokenize/labels.js';
import { ITEM_MARK, LONE_ITEM_MARK, type LabelId } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isLabel, labelsOf } from '../tokenize/labels.js';
import { endsSentence, fold, isDash } from '../tokenize/values.js';
import { isText } from './header-cells.js';

const isDashCell = (t: Token | undefined) => t !== undefined && isDash(t.text);


/** A heading printed one character a line down the margin (`平⏎成⏎2⏎7⏎…予算内訳`, `政⏎策⏎評⏎価`). */
export const isVerticalHeading = (t: Token) => t.lines.length > 1 && t.lines.filter((l) => l.text.trim().length <= 1).length > t.lines.length / 2;

/** A cell of prose, not a value, a dash or a mark. */
export function isProse(t: Token): boolean {
  return t.folded.length >= 2 && !/^[\d,.%△▲\-－―‐]*$/.test(t.folded);
}

export function textAfter(ctx: MatchContext, label: LabelId, field: string, accept: (t: Token) => boolean = isProse, window = 4): string | null {
  for (const anchor of ctx.find(label)) {
    // A dash in the cell beside the label is its value: nothing was written (spec).
    if (ctx.isLayout && isDashCell(ctx.rightOf(anchor, 0).find((t) => !isLabel(t)))) return null;
    const value = ctx.valueOf(anchor, accept, window);
    if (value) {
      const around = ctx.isLayout ? straddling(ctx, value) : undefined;
      if (around) {
        ctx.trace(field, around, value);
        const lineText = (l: { text: string }) => l.text.trim();
        return [...around.lines.filter((l) => l.line < value.row).map(lineText), value.text, ...around.lines.filter((l) => l.line > value.row).map(lineText)].join('');
      }
      if (!ctx.isLayout) {
        ctx.trace(field, value);
        // Stream text may box the next label with the value's last line (…の促進 ⏎ 目標).
        return textWithoutLabels(value);
      }
      const gapped = withGapped(ctx, value);
      const below = wrappedBelow(ctx, value, anchor);
      ctx.trace(field, ...gapped.tokens, ...below);
      return gapped.text + below.map((t) => t.text).join('');
    }
  }
  return null;
}

/**
 * Layout text: a value's lines, each with the prose after it on its row, up to a label. A wide
 * space in the text (`〔補助率　定額・1／2〕　　また、…`, `②　品質…`) prints as a gap that cuts the
 * line in boxes.
 */
export function withGapped(ctx: MatchContext, value: Token): { text: string; tokens: Token[] } {
  const tokens = [value];
  const text = value.lines.map((line) => {
    const after = gappedAfter(ctx, value, line.line);
    tokens.push(...after);
    return line.text.trim() + after.map((t) => t.text).join('');
  }).join('');
  return { text, tokens };
}

function gappedAfter(ctx: MatchContext, value: Token, row: number): Token[] {
  const out: Token[] = [];
  for (const t of ctx.startingOnRows(row, row).filter((t) => t.lines.length === 1 && t.col > value.col).sort((a, b) => a.col - b.col)) {
    if (isLabel(t) || ctx.isUsed(t) || !isProse(t)) break;
    out.push(t);
  }
  return out;
}

/** Blank rows (or rows of other cells: a label over two lines and a verdict's letter between) a wrapped text may skip in layout text. */
const WRAP_GAP = 4;

/**
 * Layout text: the lines of a text that its own label, beside it, broke with the label's lines
 * (所見を踏まえた改善点/ ⏎ 概算要求に…): boxes of their own below it in its column, on the label's rows.
 */
function wrappedBelow(ctx: MatchContext, value: Token, anchor: Token): Token[] {
  const out: Token[] = [];
  // The label may take boxes of its own, line after line, or with a line of a vertical verdict
  // between them (`所見を踏まえた改善点/概算要求に` ⏎ `等` ⏎ `おける反映状況`).
  let labelEnd = anchor.lines.at(-1)!.line;
  for (const t of ctx.tokens) if (t.row > labelEnd && t.row <= labelEnd + 2 && t.labels.some((l) => anchor.labels.includes(l))) labelEnd = t.lines.at(-1)!.line;
  if (value.row > anchor.row) return out;
  let last = value;
  for (;;) {
    const end = last.lines.at(-1)!.line;
    // A text that starts above its label's line, and has not ended its sentence, reaches as far
    // below it: the cell is centred on the label.
    const reach = labelEnd + 1 + (endsSentence(last.lines.at(-1)!.text) ? 0 : anchor.row - value.row);
    const next = ctx.tokens.find((t) => t.row > end && t.row <= Math.min(end + WRAP_GAP, reach) && Math.abs(t.col - value.col) <= 1 && !isLabel(t) && !ctx.isUsed(t) && isProse(t));
    if (!next) return out;
    out.push(next);
    last = next;
  }
}

/**
 * Layout text: the box whose lines run above and below the value's line but skip it, over the
 * same columns. The label's line cut that line out of the text (`本事業の成果と… 現を図るため…`).
 */
function straddling(ctx: MatchContext, value: Token): Token | undefined {
  if (value.lines.length !== 1) return undefined;
  return ctx.tokens.find((t) => !isLabel(t) && !ctx.isUsed(t) && t.row < value.row && t.lines.some((l) => l.line === value.row - 1) && t.lines.some((l) => l.line === value.row + 1)
    && !t.lines.some((l) => l.line === value.row) && t.col <= value.end && t.end >= value.col);
}

/** A box's text without the labels pdftotext printed into it (`活動指標及び活 指標の文 動実績`). */
export function textWithoutLabels(token: Token): string {
  const lines = linesWithoutLabels(token);
  return lines.length ? lines.join('') : token.text;
}

/** The number a text opens with (`①…` is 0, `②…` is 1), or null. */
export const itemNumber = (text: string): number | null => (ITEM_MARK.test(text) ? text.codePointAt(0)! - '①'.codePointAt(0)! : null);

/**
 * The items of a numbered list that one box stacks (`①…⏎…`, `②…`), each item's lines joined,
 * labels printed into the box left out; null unless the box opens with an item and holds two.
 */
export function numberedItems(token: Token): string[] | null {
  const lines = linesWithoutLabels(token);
  if (!ITEM_MARK.test(lines[0] ?? '')) return null;
  const items = lines.reduce<string[]>((out, line) => {
    if (ITEM_MARK.test(line)) out.push(line);
    else out[out.length - 1] += line;
    return out;
  }, []);
  return items.length >= 2 ? items : null;
}

/**
 * The texts a box stacks one under another, cut after each line shorter than the box's
 * longest: a wrapped text fills its lines but its last (the labels printed into it left out).
 */
export function stackedTexts(token: Token): string[] {
  const lines = linesWithoutLabels(token);
  const full = Math.max(...lines.map((l) => l.length)) * FULL_LINE;
  return lines.reduce<string[][]>((out, line, i) => {
    if (i === 0 || lines[i - 1]!.length < full) out.push([line]);
    else out.at(-1)!.push(line);
    return out;
  }, []).map((text) => text.join(''));
}

/**
 * A box's lines without the labels printed into it, empty lines dropped. Words of a line keep
 * their space: a pdf.js copy glues the unit to the text that way (`課題件数 件`).
 */
export const linesWithoutLabels = (token: Token) => token.lines.map((l) => textParts(l.text, 1).join(' ')).filter((l) => l);

/**
 * A line's space-separated parts that are not labels printed into the box, of at least
 * `minLength` characters. A list's mark alone (`ア 環境・生態系保全`) opens the part after it: no
 * cell holds a mark alone.
 */
export const textParts = (line: string, minLength: number) =>
  line.trim().split(/ +/)
    .reduce<string[]>((parts, part) => (LONE_ITEM_MARK.test(parts.at(-1) ?? '') ? [...parts.slice(0, -1), `${parts.at(-1)}\u3000${part}`] : [...parts, part]), [])
    .filter((part) => part.length >= minLength && !labelsOf(fold(part)).length);

/**
 * A line at least this share of a column's width is a full line of that column. Lines fall
 * short of the width where they wrap before punctuation or a wide letter.
 */
export const FULL_LINE = 0.8;

/** Blank lines a long text cell's column may have between its lines. */
const COLUMN_GAP = 1;
/**
 * Columns by which a cell's lines may start apart: an item's number and the lines under it
 * (`１ 水産多面的…` at one column, `漁業者等が…` indented by three, `ア 環境…` by two).
 */
const COLUMN_INDENT = 3;

/**
 * Layout text: a long text cell (事業の目的, 事業概要, 算出根拠) is a column of lines beside its
 * label, above and below the label's own line: the boxes that start where the text on the
 * label's line starts (give or take COLUMN_INDENT), on lines joined to it with at most
 * COLUMN_GAP blank lines between, up to a line where another label stands on the left. The
 * cells are taken (traced to `field`) only when `accept` takes their text.
 */
export function layoutTextColumn(ctx: MatchContext, label: LabelId, field: string, accept: (text: string) => boolean = () => true): string | null {
  const anchor = ctx.first(label);
  // The text's box may start above the label's line and run past it.
  const onLabelLines = (t: Token) => t.col >= (anchor?.end ?? 0) && t.lines.some((l) => anchor!.lines.some((a) => a.line === l.line));
  const first = anchor && ctx.isLayout ? ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && isText(t) && onLabelLines(t)).sort((a, b) => a.col - b.col)[0] : undefined;
  if (!anchor || !first) return null;
  const others = ctx.tokens.filter((t) => isLabel(t) && t.col < first.col && !t.labels.includes(label));
  const blocked = (line: number) => others.some((t) => t.lines.some((l) => l.line === line));
  const inColumn = ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && Math.abs(t.col - first.col) <= COLUMN_INDENT && isText(t));
  const cells = new Set([first]);
  const lines = (t: Token) => t.lines.map((l) => l.line);
  for (let grown = true; grown;) {
    grown = false;
    const rows = [...cells].flatMap(lines);
    const [top, bottom] = [Math.min(...rows), Math.max(...rows)];
    for (const t of inColumn) {
      if (cells.has(t)) continue;
      const [from, to] = [Math.min(...lines(t)), Math.max(...lines(t))];
      const joins = (to < top && top - to <= COLUMN_GAP + 1) || (from > bottom && from - bottom <= COLUMN_GAP + 1);
      if (!joins || lines(t).some(blocked)) continue;
      cells.add(t);
      grown = true;
    }
  }
  const ordered = [...cells].sort((a, b) => a.row - b.row || a.col - b.col).map((t) => withGapped(ctx, t));
  const text = ordered.map((g) => g.text).join('');
  if (!accept(text)) return null;
  ctx.trace(field, ...ordered.flatMap((g) => g.tokens));
  return text;
}
