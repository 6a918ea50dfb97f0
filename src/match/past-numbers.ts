// 関連する過去のレビューシートの事業番号: 平成22年度 … 平成27年度, each with a number or a dash.
import type { PastProjectNumber, RelatedProject } from '../assemble/schema.js';
import { eraYear, fold } from '../tokenize/values.js';
import type { MatchContext } from './context.js';

const PAST_NUMBER = /^(?:新\d{2}-)?\d{4}$|^新\d{2}-\d{4}$/;

/**
 * The numbers printed near the title; stream text may print the related projects' table just
 * before it, whose numbers (`新27- ⏎ 0041`) are other projects', not this one's past sheets'.
 */
export function matchPastProjectNumbers(ctx: MatchContext, related: readonly RelatedProject[] = []): PastProjectNumber[] {
  const title = ctx.first('pastNumbers');
  if (!title) return [];
  // Folded text (NFKC) already reads a full-width hyphen as `-`.
  const others = new Set(related.map((r) => r.projectNumber).filter((n): n is string => n !== null).map((n) => fold(n)));
  const scope = ctx.tokens.slice(Math.max(0, title.index - 20), title.index + 30);
  const numbers = scope.filter((t) => PAST_NUMBER.test(t.folded) && t.folded.includes('新') && !others.has(t.folded));
  return numbers.map((t) => {
    const m = /新(\d{2})-/.exec(t.folded);
    ctx.trace('pastProjectNumbers', t);
    return { reviewYear: eraYear(`${m![1]}年度`)!, projectNumber: t.folded };
  });
}
