// 点検結果, 改善の方向性, 外部有識者の所見, 推進チームの所見 (with its vertical verdict),
// 所見を踏まえた改善点 (with its verdict) and 備考.
import type { Review } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { REFLECTION_VERDICTS, REVIEW_TEAM_VERDICTS } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isProse, textAfter } from './text-field.js';

const isOpinion = (t: Token) => isProse(t) && t.folded.length > 3;

function verdictNear(ctx: MatchContext, anchor: Token | undefined, verdicts: readonly string[]): string | null {
  if (!anchor) return null;
  const near = ctx.isLayout
    ? ctx.tokens.filter((t) => Math.abs(t.row - anchor.row) <= 4 && t.col > anchor.col)
    : ctx.tokens.slice(Math.max(0, anchor.index - 4), anchor.index + 6);
  const token = near.find((t) => verdicts.includes(fold(t.text)) && !ctx.isUsed(t));
  if (token) {
    ctx.use(token);
    return fold(token.text);
  }
  return ctx.isLayout ? verticalVerdict(near, verdicts) : null;
}

/**
 * A vertical verdict (現/状/通/り) can break into pieces where the label beside it takes more
 * lines; the short pieces in one column, read top to bottom, are the verdict.
 */
function verticalVerdict(near: readonly Token[], verdicts: readonly string[]): string | null {
  const pieces = near.filter((t) => t.folded.length <= 4).sort((a, b) => a.row - b.row);
  for (const first of pieces) {
    const column = pieces.filter((t) => Math.abs(t.col - first.col) <= 1);
    const text = column.map((t) => t.folded).join('');
    const verdict = verdicts.find((v) => text.includes(v));
    if (verdict) return verdict;
  }
  return null;
}

export function matchReview(ctx: MatchContext): Review {
  const text = (label: Parameters<typeof textAfter>[1], field: string) => textAfter(ctx, label, `review.${field}`, isOpinion, 6);
  const reviewTeamVerdict = verdictNear(ctx, ctx.first('reviewTeamOpinion'), REVIEW_TEAM_VERDICTS);
  const reflectionVerdict = verdictNear(ctx, ctx.first('reflection'), REFLECTION_VERDICTS);
  return {
    checkResult: text('checkResult', 'checkResult'),
    improvementDirection: text('improvementDirection', 'improvementDirection'),
    externalOpinion: text('externalOpinion', 'externalOpinion'),
    reviewTeamOpinion: text('reviewTeamOpinion', 'reviewTeamOpinion'),
    reviewTeamVerdict,
    reflection: text('reflection', 'reflection'),
    reflectionVerdict,
    remarks: textAfter(ctx, 'remarks', 'review.remarks', isOpinion, 2),
  };
}
