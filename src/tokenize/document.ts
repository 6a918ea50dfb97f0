// Stage 2a: text → boxes. Every extractor prints the sheet's cells as runs of text; we call
// one cell's text a box. pdfminer and pdftotext print a box as a paragraph (lines with no blank
// line between them) in an order of their own; `pdftotext -layout` keeps the page's columns
// with spaces, so there a box is a run of segments stacked at the same column; a viewer's copy
// puts a table row on a line, and there each cell, one space from the next, is a box. Either
// way the matchers see the same thing: boxes in reading order, each with its input line numbers
// and, for layout and row text, its position on the page.

import { ENDS_WITH_LEGAL_FORM, IDEOGRAPHIC_SPACED_HEADINGS, LABELS, LONE_ITEM_MARK } from './vocabulary.js';
import { endsSentence, fold } from './values.js';
import type { Extractor } from './extractors.js';

export interface BoxLine {
  text: string;
  /** 1-based input line number, for provenance. */
  line: number;
}

export interface Box {
  index: number;
  lines: BoxLine[];
  /** Lines joined with no space (Japanese wraps anywhere), trimmed. */
  text: string;
  /** Page position in layout text: row = first input line, col = first character column. */
  row: number;
  col: number;
  /** Last character column + 1 over all lines (layout text); 0 otherwise. */
  end: number;
}

/** A word of a raw line and the column it starts at: the unit the line-based table readers use. */
export interface LineWord {
  text: string;
  col: number;
}

export function lineWords(line: string): LineWord[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], col: m.index }));
}

export interface SheetDocument {
  extractor: Extractor;
  lines: string[];
  boxes: Box[];
}

/** Two or more spaces (or a tab) separate columns in layout text; one space belongs to the text. */
const COLUMN_GAP = /(?: {2,}|\t|\u3000{2,})/;

function isLayout(lines: readonly string[]): boolean {
  let wide = 0;
  let filled = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    filled++;
    if (/\S {3,}\S/.test(line) || /^ {8,}\S/.test(line)) wide++;
  }
  return filled > 0 && wide / filled > 0.3;
}

/**
 * Row text: a row's cells one space apart on most lines. pdfminer and pdftotext put a space
 * inside at most a tenth of their lines (the seed 11%, the corpus 6% at most); a row copy of
 * the corpus's sheets, half of them.
 */
const ROW_LINES = 0.3;

function isRows(lines: readonly string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  return filled.length > 0 && filled.filter((l) => / \S/.test(l.trim())).length > ROW_LINES * filled.length;
}

export function detectExtractor(text: string, lines: readonly string[]): Extractor {
  if (isLayout(lines)) return 'layout';
  if (isRows(lines)) return 'rows';
  // Form feeds do not tell them apart: pdfminer's extract_text ends pages with them as pdftotext
  // does, and a user's copy may have lost them.
  return IDEOGRAPHIC_SPACED_HEADINGS.some((heading) => text.includes(heading)) ? 'pdfminer' : 'pdftotext';
}

function makeBox(index: number, lines: BoxLine[], row: number, col: number, end: number): Box {
  return { index, lines, text: lines.map((l) => l.text.trim()).join(''), row, col, end };
}

/**
 * Below this share of blank lines a stream text has had them taken out (a viewer's copy, a
 * clean-up): pdfminer's and pdftotext's texts are over a third blank lines.
 */
const FEW_BLANK_LINES = 0.05;
/** More lines than a cell's text wraps over (32 at most in the dev corpus): a text, not a box. */
const LONGEST_BOX = 60;

/** A line at least this long is a wrapped cell's line, which may go on in the next: labels and values are shorter. */
const WRAPPED_WIDTH = 20;

/**
 * Without blank lines, a line goes on in the next when it is as long as a wrapped cell's and
 * ends no sentence or bracket, and the next is no number.
 */
const goesOn = (line: string, next: string) => [...line.trim()].length >= WRAPPED_WIDTH && !/[。）)]$/.test(line.trim()) && !/^[\d,.%△▲\-\s]+$/.test(next.trim());

/**
 * Paragraph boxes: pdfminer and pdftotext separate cells with blank lines. Without them each
 * line is a box of its own, or goes on in the next (goesOn): cells are kept apart, though a
 * wrapped text may be cut.
 */
function paragraphBoxes(lines: readonly string[]): Box[] {
  const boxes: Box[] = [];
  let current: BoxLine[] = [];
  const flush = () => {
    if (current.length) boxes.push(makeBox(boxes.length, current, current[0]!.line, 0, 0));
    current = [];
  };
  const linePerBox = lines.length > LONGEST_BOX && lines.filter((l) => l.trim() === '').length < FEW_BLANK_LINES * lines.length;
  lines.forEach((text, i) => {
    if (text.trim() === '' || text.includes('\f') || (linePerBox && !(i > 0 && goesOn(lines[i - 1]!, text)))) flush();
    if (text.trim() === '') return;
    current.push({ text: text.replace(/\f/g, '').trim(), line: i + 1 });
  });
  flush();
  return boxes;
}

/**
 * Row text: each cell, one space apart from the next on its row's line, is a box of its own, at
 * its line and column. A text wrapped inside a cell comes apart line by line; cells keep apart.
 */
function rowBoxes(lines: readonly string[]): Box[] {
  const boxes: Box[] = [];
  lines.forEach((text, i) => {
    for (const m of text.matchAll(/[^ ]+/g)) boxes.push(makeBox(boxes.length, [{ text: m[0], line: i + 1 }], i + 1, m.index, m.index + m[0].length));
  });
  return boxes;
}

interface Segment {
  text: string;
  line: number;
  col: number;
  end: number;
}

/** Headings the template spaces out letter by letter (`支   出   先`) are one word again. */
const SPACED_LETTER_GAP = 4;
const isLetter = (text: string) => text.length === 1 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);

function joinSpacedLetters(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  // Only letters spaced out join: a word followed by a one-letter cell (目標値   件) stays two.
  let spacedRun = false;
  for (const seg of segments) {
    const prev = out[out.length - 1];
    const joins = prev && isLetter(seg.text) && (isLetter(prev.text) || spacedRun) && seg.col - prev.end <= SPACED_LETTER_GAP;
    if (joins) {
      out[out.length - 1] = { ...prev, text: prev.text + seg.text, end: seg.end };
      spacedRun = true;
    } else {
      out.push(seg);
      spacedRun = false;
    }
  }
  return out;
}

function segmentsOf(text: string, line: number): Segment[] {
  return joinSpacedLetters(splitSegments(text, line).flatMap(splitBeforeRowLabel));
}

/** Row labels that carry values to their right (目標値, 達成度, 計, …), as folded text. */
const ROW_LABELS = new Set(Object.values(LABELS).filter((d) => 'inline' in d && d.inline).flatMap((d) => d.forms.map(fold)).filter((f) => f.length >= 3));

/**
 * Wrapped text in the column left of a row label can end one space short of it
 * (`…女性の身体や 目標値`); the label starts a segment of its own.
 */
function splitBeforeRowLabel(seg: Segment): Segment[] {
  if (!seg.text.includes(' ')) return [seg];
  const words = lineWords(seg.text);
  const k = words.findIndex((w, i) => i > 0 && ROW_LABELS.has(fold(w.text)));
  if (k < 0) return [seg];
  const cut = words[k]!.col;
  const left = seg.text.slice(0, cut).trimEnd();
  return [
    { text: left, line: seg.line, col: seg.col, end: seg.col + left.length },
    { text: seg.text.slice(cut), line: seg.line, col: seg.col + cut, end: seg.end },
  ];
}

function splitSegments(text: string, line: number): Segment[] {
  const out: Segment[] = [];
  let offset = 0;
  for (const part of text.split(COLUMN_GAP)) {
    const at = text.indexOf(part, offset);
    if (part.trim()) {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      out.push({ text: trimmed, line, col: at + lead, end: at + lead + trimmed.length });
    }
    offset = at + part.length;
  }
  return out;
}

/** Prose: words of the language, not a number, a dash, a label or a vertical heading's letter. */
const isProseSegment = (seg: Segment) => [...seg.text].length >= 2 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(seg.text) && !LABEL_FORMS.has(fold(seg.text));

/** Most spaces pdftotext -layout prints for the full-width space after a legal form. */
const NAME_GAP = 4;

/**
 * Two prose segments of a line that one cell's text runs across on the line above or below
 * (starting where the first does and reaching past where the second starts) are one text:
 * pdftotext -layout prints the cell's full-width spaces (`事業　　また、`) as a gap of spaces,
 * which stands for one full-width space again.
 */
function joinSpacedWords(segs: readonly Segment[], neighbours: ReadonlyArray<readonly Segment[]>): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const prev = out.at(-1);
    const oneCell = prev !== undefined && isProseSegment(prev) && isProseSegment(seg)
      && neighbours.some((line) => line.some((n) => Math.abs(n.col - prev.col) <= 1 && n.end > seg.col && isProseSegment(n)));
    // A legal form and the name after it (`B．（研）   産業技術総合研究所`): one name.
    const nameAfterForm = prev !== undefined && isProseSegment(seg) && ENDS_WITH_LEGAL_FORM.test(fold(prev.text)) && seg.col - prev.end <= NAME_GAP;
    // A list's mark and its item's text (`①   備蓄穀物の保管を…`): no cell holds a mark alone.
    const itemAfterMark = prev !== undefined && isProseSegment(seg) && LONE_ITEM_MARK.test(prev.text) && seg.col - prev.end <= NAME_GAP;
    if (oneCell || nameAfterForm || itemAfterMark) out[out.length - 1] = { ...prev, text: `${prev.text}\u3000${seg.text}`, end: seg.end };
    else out.push(seg);
  }
  return out;
}

/**
 * Layout boxes: a segment continues the box above it when it starts at nearly the same column
 * on the next line (wrapped cell text is left-aligned). Everything else starts a new box.
 */
function layoutBoxes(lines: readonly string[], pageStarts: ReadonlySet<number>): Box[] {
  const open: Array<{ seg: Segment; lines: BoxLine[]; col: number; end: number; lastLine: number; last: Segment }> = [];
  const done: typeof open = [];
  const segments = lines.map((text, i) => segmentsOf(text, i + 1));
  lines.forEach((_, i) => {
    // No cell runs on across a page break, and each page has its own left margin.
    if (pageStarts.has(i)) done.push(...open.splice(0));
    const segs = joinSpacedWords(segments[i]!, [segments[i - 1] ?? [], segments[i + 1] ?? []]);
    for (const seg of segs) {
      // A label left of the segment opens a new row of the form (改善の beside its text).
      const besideLabel = segs.some((s) => s.col < seg.col && LABEL_FORMS.has(fold(s.text)));
      const above = open.find((b) => continues(b, seg, i, besideLabel));
      if (above) {
        above.lines.push({ text: seg.text, line: seg.line });
        above.lastLine = i + 1;
        above.end = Math.max(above.end, seg.end);
        above.last = seg;
      } else {
        open.push({ seg, lines: [{ text: seg.text, line: seg.line }], col: seg.col, end: seg.end, lastLine: i + 1, last: seg });
      }
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.lastLine < i - MAX_GAP) done.push(...open.splice(k, 1));
    }
  });
  done.push(...open);
  done.sort((a, b) => a.seg.line - b.seg.line || a.col - b.col);
  return done.map((b, index) => makeBox(index, b.lines, b.seg.line, b.col, b.end));
}

const LABEL_FORMS = new Set(Object.values(LABELS).flatMap((d) => d.forms.map(fold)));

/** A line this long filled its cell: the text goes on below it, even across a blank line. */
const FULL_LINE = 30;

/** Wrapped text may skip a line where the label beside it takes more lines. */
const MAX_GAP = 1;

function continues(box: { lastLine: number; col: number; lines: BoxLine[]; last: Segment }, seg: Segment, lineIndex: number, besideLabel: boolean): boolean {
  const gap = lineIndex + 1 - box.lastLine;
  if (gap < 1 || gap > MAX_GAP + 1 || startsNewCell(seg.text) || (gap > 1 && besideLabel)) return false;
  // A label starts a cell of its own; it never continues a value above it (百万円/件 / 政策).
  if (LABEL_FORMS.has(fold(seg.text)) && !LABEL_FORMS.has(fold(box.lines[box.lines.length - 1]!.text))) return false;
  if (gap === 1 && endsCentredText(box.last, seg)) return true;
  if (Math.abs(box.col - seg.col) > (gap === 1 ? 2 : 0)) return false;
  const last = box.lines[box.lines.length - 1]!.text;
  if (startsNewCell(last)) return false;
  // Across blank lines only a wrapped line continues: one that filled its cell's width, not
  // one that ended its sentence with 。 (`…維持する必要がある。`; the text below is the next label's).
  if (gap > 1 && /。$/.test(last.trim())) return false;
  const widest = Math.max(...box.lines.map((l) => l.text.length));
  return gap === 1 || (box.lines.length >= 2 && last.length >= 10 && last.length >= 0.8 * widest) || (last.length >= FULL_LINE && !LABEL_FORMS.has(fold(last)));
}

/**
 * -layout prints each character in one column, whatever its width (`NPO 情報管理…` is wider on
 * the page than its count): centres agree to two columns.
 */
const CENTRED = 2;

/**
 * The short last line of a centred cell (the fund flow's boxes: `…及び機器一` ⏎ `式`), centred
 * under the line before it, which did not end its sentence.
 */
function endsCentredText(above: Segment, seg: Segment): boolean {
  const centre = (x: Segment) => (x.col + x.end) / 2;
  return seg.text.length < above.text.length && Math.abs(centre(seg) - centre(above)) <= CENTRED && !endsSentence(above.text) && isProseSegment(above);
}

/** Wrapped prose may start with a number (2014」等において…); a cell this short that does is a value. */
const SHORT_CELL = 12;

/** A value or a bracketed note never continues the cell above it in a table. */
function startsNewCell(text: string): boolean {
  return (/^[-－―‐△▲]?[\d０-９]/.test(text) && [...text].length < SHORT_CELL) || (/^[【（(]/.test(text) && text.length < 3);
}

export function buildDocument(text: string, extractor?: Extractor): SheetDocument {
  const rawLines = text.split('\n');
  const kind = extractor ?? detectExtractor(text, rawLines);
  // A form feed opens a page; it is no character of the page, and takes no column.
  const pageStarts = new Set(rawLines.flatMap((l, i) => (l.includes('\f') ? [i] : [])));
  const lines = rawLines.map((l) => l.replace(/\f/g, ''));
  const boxes = kind === 'layout' ? layoutBoxes(lines, pageStarts) : kind === 'rows' ? rowBoxes(lines) : paragraphBoxes(rawLines);
  return { extractor: kind, lines, boxes };
}
