// 政策・施策 and the 本事業の成果と上位施策・測定指標との関係 text.
import type { Policy } from '../assemble/schema.js';
import type { MatchContext } from './context.js';
import { isProse, textAfter } from './text-field.js';

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
  return textAfter(ctx, label, `policy.${label}`, (t) => isProse(t) && NUMBERED.test(t.folded), 6);
}

export function matchPolicy(ctx: MatchContext): Policy {
  return {
    policy: inlineOrNext(ctx, 'policy'),
    measure: inlineOrNext(ctx, 'measure'),
    contribution: textAfter(ctx, 'contribution', 'policy.contribution', (t) => isProse(t) && t.folded.length > 10, 6),
  };
}
