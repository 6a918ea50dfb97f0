// 政策・施策 and the 本事業の成果と上位施策・測定指標との関係 text.
import type { Policy } from '../assemble/schema.js';
import type { MatchContext } from './context.js';
import { isProse, textAfter } from './text-field.js';

const POLICY_TEXT = /^(政策|施策)[\s　]+(.+)$/;

function inlineOrNext(ctx: MatchContext, label: 'policy' | 'measure'): string | null {
  const glued = ctx.tokens.find((t) => t.inlineLabel === label && t.rest);
  if (glued) {
    ctx.trace(`policy.${label}`, glued);
    return glued.rest;
  }
  const line = ctx.tokens.find((t) => POLICY_TEXT.test(t.text) && t.text.startsWith(label === 'policy' ? '政策' : '施策'));
  if (line) return POLICY_TEXT.exec(line.text)![2]!.trim();
  return textAfter(ctx, label, `policy.${label}`, (t) => isProse(t) && /^[^\s]{1,4}[．.]/.test(t.folded), 6);
}

export function matchPolicy(ctx: MatchContext): Policy {
  return {
    policy: inlineOrNext(ctx, 'policy'),
    measure: inlineOrNext(ctx, 'measure'),
    contribution: textAfter(ctx, 'contribution', 'policy.contribution', (t) => isProse(t) && t.folded.length > 10, 6),
  };
}
