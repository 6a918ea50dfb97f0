// 政策・施策 and the 本事業の成果と上位施策・測定指標との関係 text.
import type { Policy } from '../assemble/schema.js';
import type { MatchContext } from './context.js';
import { isLabel, type Token } from '../tokenize/labels.js';
import { isItemText } from './self-check.js';
import { isProse, isVerticalHeading, textAfter } from './text-field.js';
import { endsSentence } from '../tokenize/values.js';

const POLICY_TEXT = /^(政策|施策)[\s　]+(.+)$/;
/** A 政策 or 施策 is numbered: `Ⅸ．その他`, `８．経済財政政策の効果分析等の推進`. */
const NUMBERED = /^[^\s]{1,4}[．.]/;

function inlineOrNext(ctx: MatchContext, label: 'policy' | 'measure'): string | null {
  // 政策統括官 starts with 政策 too: the value after the label must be numbered.
  const glued = ctx.tokens.find((t) => t.inlineLabel === label && NUMBERED.test(t.rest.normalize('NFKC')));
  if (glued) {
    ctx.trace(`policy.${label}`, glued);
    return glued.rest;
  }
  const line = ctx.tokens.find((t) => POLICY_TEXT.test(t.text) && t.text.startsWith(label === 'policy' ? '政策' : '施策'));
  if (line) return POLICY_TEXT.exec(line.text)![2]!.trim();
  const numbered = (t: Token) => isProse(t) && NUMBERED.test(t.folded);
  // The box textAfter takes, looked up before it marks it used.
  const anchor = ctx.first(label);
  const cell = anchor && !ctx.isLayout ? ctx.valueOf(anchor, numbered, 6) : undefined;
  const after = textAfter(ctx, label, `policy.${label}`, numbered, 6);
  if (after !== null) return after + (cell ? continuation(ctx, label, cell) : '');
  if (label === 'measure') return byForm(ctx, label, MEASURE_NUMBER);
  // pdftotext may print the 政策 cell just before the 施策 label, its own label far away.
  const measure = ctx.first('measure');
  const before = measure ? ctx.tokens[measure.index - 1] : undefined;
  if (before && !isLabel(before) && !ctx.isUsed(before) && NUMBERED.test(before.folded) && isProse(before)) {
    ctx.trace('policy.policy', before);
    return before.text;
  }
  return byForm(ctx, label, POLICY_NUMBER);
}

/** The longest second part of a 政策 or 施策 cell that pdftotext boxed apart. */
const CELL_PART = 20;

/**
 * pdftotext may box a cell's second part apart, cut at a wide space (`６．固定翼哨戒機` ⏎
 * `Ｐ-１等の推進`): a short line of prose right after the cell, not numbered, the next label after it.
 */
function continuation(ctx: MatchContext, label: 'policy' | 'measure', cell: Token): string {
  const next = ctx.tokens[cell.index + 1];
  // Not a unit cost's formula printed there (`80,706／26`).
  const fits = next && next.lines.length === 1 && !isLabel(next) && isProse(next) && !NUMBERED.test(next.folded) && !/[／/]/.test(next.folded) && [...next.folded].length <= CELL_PART;
  if (!fits || !isLabel(ctx.tokens[next.index + 1] ?? next)) return '';
  ctx.trace(`policy.${label}`, next);
  return next.text;
}

/** 政策 are numbered in Roman numerals (Ⅲ．その他), 施策 in Arabic ones and a full-width stop (８．日仏…). */
const POLICY_NUMBER = /^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+[．.]/;
const MEASURE_NUMBER = /^[0-9０-９]{1,2}．\S/;

/** Stream text printed the cell far from its label: the one box of the sheet numbered its way. */
function byForm(ctx: MatchContext, label: 'policy' | 'measure', form: RegExp): string | null {
  if (ctx.isLayout) return null;
  const boxes = ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && form.test(t.text.trim()) && isProse(t));
  if (boxes.length !== 1) return null;
  ctx.trace(`policy.${label}`, boxes[0]);
  return boxes[0]!.text;
}

/** A cell of prose as long as the 関係 text's smallest. */
const LONG_PROSE = 20;
/** Boxes after the label the text may stand in when pdftotext printed other tables' cells first. */
const FAR_WINDOW = 20;

/** The labels that follow the 関係 text in stream text: the next section's title, or the 2016 sheets' reform table. */
const CLOSING = ['selfCheckTitle', 'reformItem'] as const;

/**
 * Stream text: the section's last cell is the 関係 text, which pdftotext prints after the
 * 施策の進捗状況 tables, just before the next section's title (事業所管部局による点検・改善).
 */
function closingText(ctx: MatchContext): string | null {
  const label = ctx.first('contribution');
  // 2016 sheets print the 経済・財政再生アクション・プログラム table (分野：, ＫＰＩ) after the 関係 text.
  const next = label && ctx.tokens.find((t) => t.index > label.index && CLOSING.some((id) => t.labels.includes(id)));
  if (ctx.isLayout || !label || !next) return null;
  // pdfminer may print the self-check's item texts before its title: they are not the 関係 text.
  const before = ctx.tokens.slice(label.index + 1, next.index).filter((t) => !isLabel(t) && !isItemText(t));
  const last = before.at(-1);
  if (!last || !isProse(last) || last.index < next.index - 2) return null;
  // The text's last box may be a short wrapped tail (`算となる。`) when the label sits in the text.
  const inText = labelInText(ctx, label, next.index);
  if (inText) {
    ctx.trace('policy.contribution', ...inText);
    return inText.map((t) => t.text).join('');
  }
  if (last.folded.length < LONG_PROSE) return null;
  ctx.trace('policy.contribution', last);
  return last.text;
}

/** Lines above the label within which the text's first line stands. */
const TEXT_ABOVE = 2;

/**
 * pdftotext may print the label into the text's box, on one of its middle lines (`…にお ⏎
 * 本事業の成果と上位施策・測定指標との関係 いて被害が… ⏎ …`, or the label alone on a line of
 * the box): the text is then the line just above, the rest of the label's line and the lines
 * after it, up to the next section.
 */
function labelInText(ctx: MatchContext, label: Token, end: number): Token[] | null {
  const rest = ctx.tokens[label.index + 1];
  const above = ctx.tokens[label.index - 1];
  // A heading printed down the margin (`政 ⏎ 策 ⏎ 評 ⏎ 価 …`) stands above the label, not the text.
  if (!rest || isLabel(rest) || !above || isLabel(above) || !isProse(above) || isVerticalHeading(above) || ctx.isUsed(above)) return null;
  const aboveEnds = above.lines.at(-1)!.line;
  if (aboveEnds >= label.row || aboveEnds < label.row - TEXT_ABOVE || above.folded.length < LONG_PROSE) return null;
  // The text goes on beside the label, or on the next line of the same box (no blank line between).
  const goesOn = (rest.row === label.row && rest.col > 0) || (aboveEnds === label.row - 1 && rest.row === label.lines.at(-1)!.line + 1);
  if (!goesOn) return null;
  const after = ctx.tokens.slice(label.index + 1, end).filter((t) => !isLabel(t) && isProse(t));
  return [above, ...after];
}

/** A line this short at a box's end is the next label's (`改革 ⏎ 項目`), not the text's. */
const LABEL_PIECE = 4;

/**
 * Stream text: the label printed into the text's box elsewhere than at the section's end: the
 * line above, broken off mid-sentence, then the rest of the box after the label (the boxes that
 * follow it within two lines), without the next label's short lines boxed at its end.
 */
function textAroundLabel(ctx: MatchContext): string | null {
  const label = ctx.first('contribution');
  const parts = label && !ctx.isLayout ? labelInText(ctx, label, label.index + 2) : null;
  // The cell after the label may be no text (a number of the 施策 tables): then there is no box to go on in.
  if (!parts || parts.length < 2) return null;
  const [above, rest] = parts as [Token, Token];
  // The box goes on past the label only when its line above breaks off mid-sentence.
  if (endsSentence(above.lines.at(-1)!.text)) return null;
  const box = [rest];
  for (let next = ctx.tokens[rest.index + 1]; next && !isLabel(next) && isProse(next) && next.row <= box.at(-1)!.lines.at(-1)!.line + 2; next = ctx.tokens[next.index + 1]) box.push(next);
  const lines = box.flatMap((t) => t.lines.map((l) => l.text.trim()));
  while (lines.length > 1 && isLabelPiece(lines.at(-1)!)) lines.pop();
  ctx.trace('policy.contribution', above, ...box);
  return above.text + lines.join('');
}

const isLabelPiece = (line: string) => [...line].length <= LABEL_PIECE && !endsSentence(line);

/** Lines between the label's row and the text's halves above and below it. */
const AROUND_LABEL = 2;

/**
 * Layout text: -layout may leave the label's own line empty in the text beside it (the text's
 * lines above the label's row, then below it): one box right of the label ending just above
 * its row and one at the same column starting just below, read as one text.
 */
function textSplitAroundLabel(ctx: MatchContext): string | null {
  const label = ctx.first('contribution');
  if (!ctx.isLayout || !label) return null;
  const right = ctx.tokens.filter((t) => t.col > label.end && !isLabel(t) && isProse(t));
  const above = right.find((t) => t.lines.at(-1)!.line < label.row && t.lines.at(-1)!.line >= label.row - AROUND_LABEL && t.folded.length >= LONG_PROSE);
  const below = above && right.find((t) => t.row > label.row && t.row <= label.row + AROUND_LABEL && Math.abs(t.col - above.col) <= 2);
  if (!above || !below || endsSentence(above.lines.at(-1)!.text)) return null;
  ctx.trace('policy.contribution', above, below);
  return above.text + below.text;
}

export function matchPolicy(ctx: MatchContext): Policy {
  return {
    policy: inlineOrNext(ctx, 'policy'),
    measure: inlineOrNext(ctx, 'measure'),
    contribution: closingText(ctx) ?? textAroundLabel(ctx) ?? textAfter(ctx, 'contribution', 'policy.contribution', (t) => isProse(t) && t.folded.length > 10, 6) ?? textSplitAroundLabel(ctx)
      // pdftotext may print the text after the reform table's first cells and the 施策 progress cells: the first long prose within reach.
      ?? textAfter(ctx, 'contribution', 'policy.contribution', (t) => isProse(t) && t.folded.length >= LONG_PROSE, FAR_WINDOW),
  };
}
