// 点検結果, 改善の方向性, 外部有識者の所見, 推進チームの所見 (with its vertical verdict),
// 所見を踏まえた改善点 (with its verdict) and 備考.
import type { Review } from '../assemble/schema.js';
import { isLabel, VERDICT_WORDS, type Token } from '../tokenize/labels.js';
import { endsSentence, fold, isDash } from '../tokenize/values.js';
import { REFLECTION_VERDICTS, REVIEW_TEAM_VERDICTS } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isProse, textAfter } from './text-field.js';
import { isYearHead } from './values.js';
import { paragraphCells, paragraphText } from './row-paragraphs.js';

const VERDICT_LIST = [...VERDICT_WORDS];

/**
 * Prose, not a verdict or a piece of one (a long verdict wraps: 事業全体の / 抜本的な改善) nor a
 * year cell of the past review sheets' table (平成21年度), which stream text prints beside these labels.
 */
const isOpinion = (t: Token) => isProse(t) && t.folded.length > 3 && !isYearHead(t) && !VERDICT_LIST.some((v) => v.includes(t.folded));

/** Rows above and below its label within which a verdict stands; a vertical one (事/業/全/体/の/抜/本/…) reaches further. */
const VERDICT_REACH = 4;
const VERTICAL_VERDICT_REACH = 8;

function verdictNear(ctx: MatchContext, anchor: Token | undefined, verdicts: readonly string[]): string | null {
  if (!anchor) return null;
  if (ctx.isLayout) return layoutVerdict(ctx, anchor, verdicts);
  const token = ctx.tokens.slice(Math.max(0, anchor.index - 4), anchor.index + 6).find((t) => verdicts.includes(fold(t.text)) && !ctx.isUsed(t));
  if (!token) return null;
  ctx.use(token);
  return fold(token.text);
}

/** How far a run of tokens stands from a label's row: from the middle of its lines. */
const rowsFrom = (anchor: Token, run: readonly Token[]) => Math.abs((run[0]!.row + run.at(-1)!.lines.at(-1)!.line) / 2 - anchor.row);

/**
 * Layout text: the verdict right of the label, whole in one box or spelt down a column in
 * pieces; of those near it (the team's verdict may stand within reach of the 改善点's label),
 * the nearest. Tokens another verdict took are not read again.
 */
function layoutVerdict(ctx: MatchContext, anchor: Token, verdicts: readonly string[]): string | null {
  // Tokens right of the label whose lines come within `reach` rows of it (a vertical verdict
  // joined into one box starts well above its label).
  const beside = (reach: number) => ctx.tokens.filter((t) => t.row <= anchor.row + reach && t.lines.at(-1)!.line >= anchor.row - reach && t.col > anchor.col && !ctx.isUsed(t));
  const whole = beside(VERDICT_REACH).filter((t) => verdicts.includes(fold(t.text))).map((t) => ({ verdict: fold(t.text), run: [t] }));
  const found = [...whole, ...verticalVerdicts(beside(VERTICAL_VERDICT_REACH), verdicts)];
  if (!found.length) return null;
  const nearest = found.reduce((a, b) => (rowsFrom(anchor, b.run) < rowsFrom(anchor, a.run) ? b : a));
  nearest.run.forEach((t) => ctx.use(t));
  return nearest.verdict;
}

/**
 * Stream text with one verdict near the two labels, wherever it stands among them: it is the
 * 改善点's verdict, which every sheet has (three of the corpus's sixty have no team verdict,
 * none lacks the 改善点's); the team gave none.
 */
function reflectionOnlyVerdict(ctx: MatchContext): boolean {
  const team = ctx.first('reviewTeamOpinion');
  const reflection = ctx.first('reflection');
  if (ctx.isLayout || !team || !reflection || reflection.index < team.index) return false;
  const verdicts = ctx.tokens.slice(Math.max(0, team.index - 4), reflection.index + 6).filter((t) => VERDICT_WORDS.has(t.folded));
  return verdicts.length === 1;
}

/**
 * A vertical verdict (現/状/通/り) can break into pieces where the label beside it takes more
 * lines; the short pieces in one column, read top to bottom, spell the verdicts.
 */
function verticalVerdicts(near: readonly Token[], verdicts: readonly string[]): Array<{ verdict: string; run: Token[] }> {
  const vertical = (t: Token) => t.folded.length <= 4 || t.lines.every((l) => [...l.text.trim()].length === 1);
  const pieces = near.filter(vertical).sort((a, b) => a.row - b.row);
  return pieces.flatMap((first, k) => {
    const column = pieces.slice(k).filter((t) => Math.abs(t.col - first.col) <= 1);
    let text = '';
    for (let n = 0; n < column.length; n++) {
      text += column[n]!.folded;
      const verdict = verdicts.find((v) => text === v || (n === 0 && text.includes(v)));
      if (verdict) return [{ verdict, run: column.slice(0, n + 1) }];
    }
    return [];
  });
}

/** Tokens after a group of labels printed together within which their texts stand. */
const GROUP_WINDOW = 12;

/** The text cells a sheet may leave empty, the most often empty first. */
const MAY_BE_EMPTY = ['remarks', 'externalOpinion', 'reviewTeamOpinion'] as const;

/** The review's text labels, in the template's order. */
const TEXT_LABELS = ['checkResult', 'improvementDirection', 'externalOpinion', 'reviewTeamOpinion', 'reflection', 'remarks'] as const;

/**
 * How far after its label a text is looked for. Where the text follows its label, an empty
 * cell's window ends at the next text label (else it would take that label's text); where the
 * labels come together and the texts after them all (as pdfminer may print them), the window
 * reaches past the group to its texts, which the labels take in order.
 */
function windowOf(ctx: MatchContext, label: (typeof TEXT_LABELS)[number], window: number): number {
  const anchor = ctx.first(label);
  if (!anchor || ctx.isLayout) return window;
  const isTextLabel = (i: number) => TEXT_LABELS.some((id) => ctx.tokens[i]?.labels.includes(id));
  // Labels in a row are printed together when as many texts follow them; a label followed by
  // another and fewer texts than labels has an empty cell.
  let first = anchor.index;
  while (isTextLabel(first - 1)) first--;
  // The verdicts printed beside their labels may stand between the group's labels (`推進チームの所見`,
  // `改善点`, `廃止`, `現状通り`, `備考`).
  const isVerdict = (i: number) => VERDICT_WORDS.has(ctx.tokens[i]?.folded ?? '');
  let last = anchor.index;
  for (let i = last + 1; isTextLabel(i) || isVerdict(i); i++) if (isTextLabel(i)) last = i;
  if (last > first) {
    const labels = labelsOf(ctx, first, last);
    // Verdicts and the past sheets' year cells may stand between the labels and the texts.
    const texts = textsAfter(ctx, last, GROUP_WINDOW).length;
    // The window reaches past the group's other labels.
    const reach = last - anchor.index + GROUP_WINDOW;
    if (texts >= labels.length) return reach;
    // A dash before the texts is the first label's empty cell: the cells are the labels', in order.
    const cells = cellsAfter(ctx, last, GROUP_WINDOW);
    if (texts > 0 && cells[0] && isDash(cells[0].text)) {
      const cell = cells[labels.indexOf(label)];
      return cell && !isDash(cell.text) ? reach : 0;
    }
    // Fewer texts than labels printed in the template's order (pdfminer prints the labels, then
    // the texts): the empty cells are those a sheet may leave empty, 備考 first, then 外部有識者の
    // 所見 (only projects reviewed from outside have one), then 推進チームの所見; the 点検結果,
    // 改善の方向性 and 改善点 never are. The texts are the other labels', in order.
    const inOrder = labels.every((l, i) => i === 0 || TEXT_LABELS.indexOf(l) > TEXT_LABELS.indexOf(labels[i - 1]!));
    if (texts > 0 && inOrder) {
      let filled = labels;
      for (const empty of MAY_BE_EMPTY) if (filled.length > texts) filled = filled.filter((l) => l !== empty);
      const at = filled.indexOf(label);
      if (filled.length === texts || labels.at(-1) === 'remarks') return at >= 0 && at < texts ? reach : 0;
    }
  }
  let end = anchor.index + 1;
  while (end <= anchor.index + window && end < ctx.tokens.length && !isTextLabel(end)) end++;
  return end - anchor.index - 1;
}

/** The text labels from token `first` to `last`, one per label (a label may take two boxes). */
function labelsOf(ctx: MatchContext, first: number, last: number): Array<(typeof TEXT_LABELS)[number]> {
  const out: Array<(typeof TEXT_LABELS)[number]> = [];
  for (let i = first; i <= last; i++) {
    const id = TEXT_LABELS.find((l) => ctx.tokens[i]!.labels.includes(l));
    if (id && out.at(-1) !== id) out.push(id);
  }
  return out;
}

/** The boxes within `window` tokens after `last`, up to the next label. */
function boxesAfter(ctx: MatchContext, last: number, window: number): Token[] {
  const out: Token[] = [];
  for (let i = last + 1; i <= last + window && i < ctx.tokens.length && !isLabel(ctx.tokens[i]!); i++) out.push(ctx.tokens[i]!);
  return out;
}

/** The opinions within `window` tokens after `last`, up to the next label. */
const textsAfter = (ctx: MatchContext, last: number, window: number) => boxesAfter(ctx, last, window).filter(isOpinion);

/**
 * The cells after a group of labels, opinions and dashes (an empty cell), past the verdicts,
 * up to the past review sheets' table (its year cells and dashes follow the texts).
 */
function cellsAfter(ctx: MatchContext, last: number, window: number): Token[] {
  const boxes = boxesAfter(ctx, last, window);
  const table = boxes.findIndex(isYearHead);
  return (table < 0 ? boxes : boxes.slice(0, table)).filter((t) => isOpinion(t) || isDash(t.text));
}

/**
 * Row text: each text is the paragraph around its label's line (row-paragraphs.ts), without
 * labels and the letters of a vertical verdict, which spell the label's verdict where one stands.
 */
function readRows(ctx: MatchContext): Review {
  const text = (id: (typeof TEXT_LABELS)[number]) => paragraphText(ctx, id, `review.${id}`, TEXT_LABELS);
  const anchorRows = TEXT_LABELS.flatMap((id) => ctx.first(id)?.row ?? []);
  const verdict = (id: (typeof TEXT_LABELS)[number], verdicts: readonly string[]) => {
    const anchor = ctx.first(id);
    const letters = anchor ? paragraphCells(ctx, anchor.row, anchorRows, (t) => [...t.folded].length === 1 && !isDash(t.text)) : [];
    const spelt = letters.map((t) => t.folded).join('');
    return verdicts.find((v) => fold(v) === spelt) ?? null;
  };
  return {
    checkResult: text('checkResult'),
    improvementDirection: text('improvementDirection'),
    externalOpinion: text('externalOpinion'),
    reviewTeamOpinion: text('reviewTeamOpinion'),
    reviewTeamVerdict: verdict('reviewTeamOpinion', REVIEW_TEAM_VERDICTS),
    reflection: text('reflection'),
    reflectionVerdict: verdict('reflection', REFLECTION_VERDICTS),
    remarks: text('remarks'),
  };
}

export function matchReview(ctx: MatchContext): Review {
  if (ctx.isRows) return readRows(ctx);
  const text = (label: (typeof TEXT_LABELS)[number], field: string) => textAfter(ctx, label, `review.${field}`, isOpinion, windowOf(ctx, label, 6));
  // Layout text: the 改善点's verdict first, as every sheet has one while the team may give none;
  // then the team's, from the verdicts left. Stream text tells them apart by order instead.
  const readReflectionVerdict = () => verdictNear(ctx, ctx.first('reflection'), REFLECTION_VERDICTS);
  const layoutReflectionVerdict = ctx.isLayout ? readReflectionVerdict() : null;
  const reviewTeamVerdict = reflectionOnlyVerdict(ctx) ? null : verdictNear(ctx, ctx.first('reviewTeamOpinion'), REVIEW_TEAM_VERDICTS);
  const reflectionVerdict = ctx.isLayout ? layoutReflectionVerdict : readReflectionVerdict();
  const afterEmptyRemarks = textAfterEmptyRemarks(ctx);
  // pdftotext may print a text before its label when the cell after the label is empty (the next label follows).
  const [checkResult, ownDirection] = withTextBefore(ctx, 'improvementDirection', text('checkResult', 'checkResult'), () => text('improvementDirection', 'improvementDirection'));
  const [improvementDirection, externalOpinion] = withTextBefore(ctx, 'externalOpinion', ownDirection, () => text('externalOpinion', 'externalOpinion'));
  return {
    checkResult,
    improvementDirection,
    externalOpinion,
    reviewTeamOpinion: text('reviewTeamOpinion', 'reviewTeamOpinion'),
    reviewTeamVerdict,
    reflection: text('reflection', 'reflection') ?? afterEmptyRemarks,
    reflectionVerdict,
    remarks: afterEmptyRemarks === null ? textAfter(ctx, 'remarks', 'review.remarks', isOpinion, windowOf(ctx, 'remarks', 2)) : null,
  };
}

/**
 * A 備考 cell printed as a dash is empty; pdfminer may print the 反映状況 text after it, which
 * is then that text (`備考 - JSCが行う…`).
 */
function textAfterEmptyRemarks(ctx: MatchContext): string | null {
  const label = ctx.first('remarks');
  const cell = label && ctx.tokens[label.index + 1];
  const next = label && ctx.tokens[label.index + 2];
  if (ctx.isLayout || !cell || !next || !isDash(cell.text) || isLabel(next) || !isOpinion(next)) return null;
  ctx.trace('review.reflection', next);
  return next.text;
}

/** A line this much shorter than its box's longest ends a paragraph when it ends a sentence. */
const SHORT_LINE = 0.85;

/**
 * Stream text may print a cell's text before its label, with its own cell empty after it
 * (`改善の方向性`, its text, 外部有識者の所見's text, `外部有識者の所見`, `推進チームの所見`):
 * the box just before the label is its text when no other label took it; pdftotext may box the
 * two texts as one, the second starting after a short line that ends a sentence.
 */
function withTextBefore(ctx: MatchContext, label: (typeof TEXT_LABELS)[number], previous: string | null, own: () => string | null): [string | null, string | null] {
  const anchor = ctx.first(label);
  const before = anchor && !ctx.isLayout && windowOf(ctx, label, 6) === 0 ? ctx.tokens[anchor.index - 1] : undefined;
  if (!before || isLabel(before) || !isOpinion(before)) return [previous, own()];
  if (!ctx.isUsed(before)) {
    ctx.trace(`review.${label}`, before);
    return [previous, before.text];
  }
  const cut = previous === before.text ? paragraphCut(before) : 0;
  if (!cut) return [previous, own()];
  const join = (lines: readonly { text: string }[]) => lines.map((l) => l.text.trim()).join('');
  return [join(before.lines.slice(0, cut)), join(before.lines.slice(cut))];
}

/** Where a box's last paragraph starts: after its last short line that ends a sentence; 0 if none. */
function paragraphCut(token: Token): number {
  const width = (text: string) => [...text.trim()].length;
  const longest = Math.max(...token.lines.map((l) => width(l.text)));
  for (let i = token.lines.length - 2; i >= 0; i--) {
    const line = token.lines[i]!.text.trim();
    if (endsSentence(line) && width(line) < SHORT_LINE * longest) return i + 1;
  }
  return 0;
}
