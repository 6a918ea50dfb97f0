// 関連する過去のレビューシートの事業番号: 平成22年度 … 平成27年度, each with a number or a dash.
import type { PastProjectNumber } from '../assemble/schema.js';
import { eraYear } from '../tokenize/values.js';
import type { MatchContext } from './context.js';

const PAST_NUMBER = /^(?:新\d{2}-)?\d{4}$|^新\d{2}-\d{4}$/;

export function matchPastProjectNumbers(ctx: MatchContext): PastProjectNumber[] {
  const title = ctx.first('pastNumbers');
  if (!title) return [];
  const scope = ctx.tokens.slice(Math.max(0, title.index - 20), title.index + 30);
  const numbers = scope.filter((t) => PAST_NUMBER.test(t.folded.replace('－', '-')) && t.folded.includes('新'));
  return numbers.map((t) => {
    const m = /新(\d{2})-/.exec(t.folded.replace('－', '-'));
    ctx.trace('pastProjectNumbers', t);
    return { reviewYear: eraYear(`${m![1]}年度`)!, projectNumber: t.folded.replace('－', '-') };
  });
}
