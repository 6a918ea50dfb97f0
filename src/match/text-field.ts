// A label whose value is one free-text cell: 点検結果, 外部有識者の所見, 備考, …
import type { Token } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { isLabel } from '../tokenize/labels.js';
import { isDash } from '../tokenize/values.js';

const isDashCell = (t: Token | undefined) => t !== undefined && isDash(t.text);

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
      ctx.trace(field, value);
      return value.text;
    }
  }
  return null;
}
