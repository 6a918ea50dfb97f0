// Stage 2b: boxes → tokens. Each box is compared with the vocabulary once, here, so that the
// matchers ask "where is label X" instead of spelling Japanese strings themselves.
import type { Box, BoxLine, SheetDocument } from './document.js';
import { LABELS, REFLECTION_VERDICTS, REVIEW_TEAM_VERDICTS, type LabelId, type LabelDef } from './vocabulary.js';
import { fold } from './values.js';

export interface Token extends Box {
  /** Folded text: NFKC, no white space. */
  folded: string;
  /** Labels this box is, whole (a form can belong to more than one label: 計, 当初予算). */
  labels: LabelId[];
  /** Labels this box starts with, followed by values on the same line; `rest` holds those values. */
  inlineLabel: LabelId | null;
  rest: string;
}

export interface TokenizedSheet {
  extractor: SheetDocument['extractor'];
  lines: string[];
  tokens: Token[];
}

const ENTRIES = Object.entries(LABELS) as Array<[LabelId, LabelDef]>;

const WHOLE = new Map<string, LabelId[]>();
for (const [id, def] of ENTRIES) {
  for (const form of def.forms) {
    const key = fold(form);
    WHOLE.set(key, [...(WHOLE.get(key) ?? []), id]);
  }
}

/** Inline forms, longest first, so that 前年度から繰越し wins over a shorter form. */
const INLINE = ENTRIES.filter(([, def]) => def.inline)
  .flatMap(([id, def]) => def.forms.map((form) => ({ id, form: fold(form) })))
  .sort((a, b) => b.form.length - a.form.length);

function inlineLabelOf(box: Box): { id: LabelId; rest: string } | null {
  const first = box.lines[0]?.text ?? '';
  const firstFolded = fold(first);
  for (const { id, form } of INLINE) {
    if (!firstFolded.startsWith(form) || firstFolded === form) continue;
    // Find where the label ends in the unfolded first line, keeping the values' own spacing.
    let consumed = 0;
    let i = 0;
    while (i < first.length && consumed < form.length) {
      consumed += fold(first[i]!).length;
      i++;
    }
    // A label runs into its values across a space (`計 108`) or straight into a number
    // (`計108`); running into words (活動実績は…, 政策統括官) it is the start of a sentence.
    if (!/^[\s\u3000]|^[\d０-９△▲\-－―‐%％]/.test(first.slice(i)) && first.slice(i) !== '') continue;
    const rest = [first.slice(i), ...box.lines.slice(1).map((l) => l.text)].join('\n').trim();
    return { id, rest };
  }
  return null;
}

/**
 * Every piece of a long form (8+ characters), which extractors cut into pieces across boxes,
 * mapped to the labels of the first form that contains it. Built once so that labelling a box
 * is one look-up, not a scan of the vocabulary.
 */
const PIECES = new Map<string, LabelId[]>();
for (const [form, ids] of WHOLE) {
  if (form.length < 8) continue;
  for (let start = 0; start < form.length; start++) {
    for (let end = start + 2; end <= form.length; end++) {
      if (end - start === form.length) continue;
      const piece = form.slice(start, end);
      if (!PIECES.has(piece)) PIECES.set(piece, ids);
    }
  }
}

/** A piece of a long label: long enough not to be a value, or a bracketed tail like `内）`. */
function fragmentOf(folded: string): LabelId[] {
  if (folded.length < 2 || (folded.length < 4 && !/[（）()]/.test(folded))) return [];
  if (/^[\d,.%-]+$/.test(folded) || /^(平成|令和)?\d*年度/.test(folded)) return [];
  return PIECES.get(folded) ?? [];
}

export function labelsOf(folded: string): LabelId[] {
  return WHOLE.get(folded) ?? fragmentOf(folded);
}

/**
 * Some extractors print a whole table row as one line: `計 108 計 25`, `Ｍ２Ｍ実証事業 担当部局庁
 * 情報流通行政局 作成責任者`. Such a line is cut at every word that is a label by itself, so that
 * each label and each value stands in a box of its own, in the line's order.
 */
function splitAtLabels(box: Box, stream: boolean): Box[] {
  if (box.lines.length !== 1) {
    const [text, label] = stream ? splitTrailingLabel(box) : [box];
    return label ? [...splitLabelLines(text!, stream), label] : splitLabelLines(text!, stream);
  }
  const line = box.lines[0]!;
  const words = line.text.split(/ +/);
  if (words.length < 2 || !words.some((w) => WHOLE.has(fold(w)))) return [box];
  const parts: string[][] = [];
  for (const word of words) {
    const isLabelWord = WHOLE.has(fold(word));
    const last = parts[parts.length - 1];
    if (isLabelWord || !last || WHOLE.has(fold(last.join(' ')))) parts.push([word]);
    else last.push(word);
  }
  let col = box.col;
  return parts.map((p) => {
    const text = p.join(' ');
    const piece: Box = { ...box, lines: [{ text, line: line.line }], text, col, end: col + text.length };
    col += text.length + 1;
    return piece;
  });
}

/**
 * pdftotext may end a text box with the row label printed beside its last line (`…科 ⏎ 学雑誌等
 * による、報告書の参照数 目標値`): the label is a box of its own, after the text.
 */
function splitTrailingLabel(box: Box): Box[] {
  const last = box.lines.at(-1)!;
  const words = last.text.trim().split(/ +/);
  const label = words.at(-1)!;
  if (words.length < 2 || !WHOLE.has(fold(label))) return [box];
  const head = [...box.lines.slice(0, -1), { ...last, text: words.slice(0, -1).join(' ') }];
  return [{ ...box, lines: head, text: joinLines(head) }, { ...box, lines: [{ text: label, line: last.line }], text: label, row: last.line }];
}

/** A box's text from some of its lines: trimmed and joined with no space, as stream text wraps. */
const joinLines = (lines: readonly BoxLine[]) => lines.map((l) => l.text.trim()).join('');

/** A box cut from another: some of its lines, from the first of which it starts. */
const pieceOf = (box: Box, lines: BoxLine[]): Box => ({ ...box, lines, text: joinLines(lines), row: lines[0]!.line });

/**
 * A paragraph that is several labels, each over one or more lines (`単位⏎成果実⏎績`), cut into
 * them; null when its lines do not fall into whole labels.
 */
function labelRuns(lines: readonly BoxLine[]): BoxLine[][] | null {
  if (!lines.length) return [];
  for (let end = lines.length; end >= 1; end--) {
    const head = lines.slice(0, end);
    if (!WHOLE.has(fold(head.map((l) => l.text).join('')))) continue;
    const rest = labelRuns(lines.slice(end));
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * A vertical label whose halves enclose the row's unit cell (`成果実⏎法人数⏎績`): the label,
 * then the unit, which is where a row reader looks for it. A unit that wraps in its narrow
 * column too prints its first piece beside the label's and its last under the label's
 * (`成果実 累積件⏎績⏎数`); the lines after those, the row's texts, stay a box of their own.
 */
function labelAroundUnit(box: Box): Box[] | null {
  const [head, unit, tail] = box.lines;
  if (box.lines.length === 3 && WHOLE.has(fold(head!.text + tail!.text)) && !WHOLE.has(fold(unit!.text)) && fold(unit!.text).length <= MAX_UNIT) {
    return [pieceOf(box, [head!, tail!]), pieceOf(box, [unit!])];
  }
  return wrappedUnitBesideLabel(box);
}

/** The 単位 head boxed over the unit cell below it (`単位 ⏎ 円`): the head, then the unit. */
function labelOverUnit(box: Box): Box[] | null {
  const [label, unit] = box.lines;
  if (box.lines.length !== 2 || !WHOLE.get(fold(label!.text))?.includes('unit') || labelsOf(fold(unit!.text)).length || fold(unit!.text).length > MAX_UNIT) return null;
  return [pieceOf(box, [label!]), pieceOf(box, [unit!])];
}

/** The longest unit cell (`累積件数`, `百万kWh`): longer text beside a label is the row's text. */
const MAX_UNIT = 6;

function wrappedUnitBesideLabel(box: Box): Box[] | null {
  const [first, labelTail, unitTail, ...rest] = box.lines;
  const words = first?.text.trim().split(/ +/) ?? [];
  if (words.length !== 2 || !labelTail || !unitTail) return null;
  const [labelHead, unitHead] = words as [string, string];
  const unit = fold(unitHead + unitTail.text);
  if (!WHOLE.has(fold(labelHead + labelTail.text)) || unit.length > MAX_UNIT || WHOLE.has(unit) || WHOLE.has(fold(unitTail.text))) return null;
  const pieces = [pieceOf(box, [{ ...first!, text: labelHead }, labelTail]), pieceOf(box, [{ ...first!, text: unitHead }, unitTail])];
  return rest.length ? [...pieces, pieceOf(box, rest)] : pieces;
}

/** Shorter text beside a title is rather the end of a label cut in two. */
const MIN_VALUE_BESIDE_TITLE = 4;

/**
 * Two labels side by side that pdftotext printed as one box, line by line across both
 * (`予算 前年度から繰越 ⏎ の状 し ⏎ 況`: the vertical 予算の状況 beside a row label): the left
 * parts and the right parts, each a whole label. Lines of one part are the left column's. Or
 * a title over several lines beside its first value, the title's labels, then the value.
 */
function labelColumns(box: Box): Box[] | null {
  const parts = box.lines.map((l) => l.text.trim().split(/ +/));
  if (box.lines.length < 2 || parts.some((p) => p.length > 2) || !parts.some((p) => p.length === 2)) return null;
  const side = (k: 0 | 1): BoxLine[] => box.lines.flatMap((l, i) => (parts[i]![k] ? [{ text: parts[i]![k]!, line: l.line }] : []));
  const [left, right] = [side(0), side(1)];
  const rightText = { ...box, lines: right, text: joinLines(right), row: right[0]!.line };
  if (WHOLE.has(fold(joinLines(left))) && WHOLE.has(fold(rightText.text))) return [{ ...box, lines: left, text: joinLines(left) }, rightText];
  // A title over several lines beside its first value (`活動指標及び活 民事上の…件数 ⏎ 動実績
  // ⏎ （アウトプット）`): the title's labels, then the value, which is no label. A shorter
  // right part is rather the end of a label cut in two (`予算 し ⏎ の状 ⏎ 況`: 繰越し).
  const labels = labelRuns(left);
  if (!labels || left.length < 2 || fold(rightText.text).length < MIN_VALUE_BESIDE_TITLE || labelsOf(fold(rightText.text)).length) return null;
  return [...labels.map((lines) => pieceOf(box, lines)), rightText];
}

/**
 * A paragraph whose lines mix a value and a label (`平成２７年度⏎事業終了`) is cut between them.
 * In stream text, so is a paragraph of several labels; layout text's boxes are column runs,
 * which the matchers read line by line, and are left whole.
 */
function splitLabelLines(box: Box, stream: boolean): Box[] {
  const aroundUnit = stream ? labelAroundUnit(box) ?? labelOverUnit(box) : null;
  if (aroundUnit) return aroundUnit;
  const columns = stream ? labelColumns(box) : null;
  if (columns) return columns;
  const runs = stream && box.lines.length <= 6 && !WHOLE.has(fold(box.text)) ? labelRuns(box.lines) : null;
  if (runs && runs.length > 1) return runs.map((lines) => pieceOf(box, lines));
  // A short label is one at the box's top or under another label: the pieces of a title cut
  // over lines, the text beside them after (`成果目標及び成 ⏎ 果実績 ⏎ ②【水道…`).
  const folded = box.lines.map((l) => fold(l.text));
  const long = folded.map((f) => f.length >= 4 && WHOLE.has(f));
  const labelLines = folded.map((f, i) => long[i]! || (stream && f.length >= 3 && WHOLE.has(f) && (i === 0 || long[i - 1]!)));
  if (WHOLE.has(fold(box.text)) || !labelLines.some(Boolean) || labelLines.every(Boolean)) return [box];
  const groups: BoxLine[][] = [];
  let previousWasLabel: boolean | null = null;
  for (const [i, line] of box.lines.entries()) {
    const label = labelLines[i]!;
    if (label !== previousWasLabel || label) groups.push([]);
    groups[groups.length - 1]!.push(line);
    previousWasLabel = label;
  }
  const pieces = groups.map((lines) => pieceOf(box, lines));
  return stream ? pieces.flatMap((piece) => labelOverUnit(piece) ?? [piece]) : pieces;
}

/** The review's verdicts (推進チームの所見, 反映状況), folded. */
export const VERDICT_WORDS: ReadonlySet<string> = new Set([...REVIEW_TEAM_VERDICTS, ...REFLECTION_VERDICTS].map(fold));

/**
 * A text whose box ends with a verdict printed one letter a line (`…を実施。⏎現⏎状⏎通⏎り`):
 * stream text boxes the vertical verdict with the opinion above it. Cut into the two.
 */
function splitTrailingVerdict(box: Box): Box[] {
  const single = (l: BoxLine) => [...l.text.trim()].length === 1;
  let from = box.lines.length;
  while (from > 0 && single(box.lines[from - 1]!)) from--;
  const letters = box.lines.slice(from);
  if (from === 0 || letters.length < 2 || !VERDICT_WORDS.has(fold(letters.map((l) => l.text).join('')))) return [box];
  const text = box.lines.slice(0, from);
  return [{ ...box, lines: text, text: joinLines(text) }, { ...box, lines: letters, text: joinLines(letters), row: letters[0]!.line }];
}

export function tokenize(doc: SheetDocument): TokenizedSheet {
  const stream = doc.extractor !== 'layout';
  const boxes = stream ? doc.boxes.flatMap(splitTrailingVerdict) : doc.boxes;
  const tokens = boxes.flatMap((box) => splitAtLabels(box, stream)).map((box, index): Token => {
    const folded = fold(box.text);
    const labels = labelsOf(folded);
    const inline = labels.length ? null : inlineLabelOf(box);
    // Fields spelled out rather than spread: tokens then share one object shape, which keeps
    // the matchers' many property reads fast.
    return {
      index,
      lines: box.lines,
      text: box.text,
      row: box.row,
      col: box.col,
      end: box.end,
      folded,
      labels,
      inlineLabel: inline?.id ?? null,
      rest: inline?.rest ?? '',
    };
  });
  return { extractor: doc.extractor, lines: doc.lines, tokens };
}

export function isLabel(token: Token): boolean {
  return token.labels.length > 0;
}

export function hasLabel(token: Token, id: LabelId): boolean {
  return token.labels.includes(id) || token.inlineLabel === id;
}
