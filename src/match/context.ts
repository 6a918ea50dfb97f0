// What every section matcher shares: the tokens, a place to report what could not be placed,
// and a record of which input lines each value came from (for --provenance).
import type { Diagnostic } from '../assemble/schema.js';
import type { Token, TokenizedSheet } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import { hasLabel, isLabel } from '../tokenize/labels.js';

export class MatchContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly provenance: Record<string, number[]> = {};
  /** Tokens a matcher has taken as a value, so that no other field takes them too. */
  private readonly used = new Set<number>();

  constructor(readonly sheet: TokenizedSheet) {}

  get tokens(): readonly Token[] {
    return this.sheet.tokens;
  }

  get isLayout(): boolean {
    return this.sheet.extractor === 'layout';
  }

  report(level: Diagnostic['level'], code: string, field: string | null, message: string): void {
    this.diagnostics.push({ level, code, field, message });
  }

  /** Records where a value came from; also marks the tokens as used. */
  trace(field: string, ...tokens: Array<Token | undefined>): void {
    const lines = new Set(this.provenance[field] ?? []);
    for (const t of tokens) {
      if (!t) continue;
      this.used.add(t.index);
      for (const l of t.lines) lines.add(l.line);
    }
    this.provenance[field] = [...lines].sort((a, b) => a - b);
  }

  isUsed(token: Token): boolean {
    return this.used.has(token.index);
  }

  use(token: Token): void {
    this.used.add(token.index);
  }

  find(label: LabelId): Token[] {
    return this.sheet.tokens.filter((t) => hasLabel(t, label));
  }

  first(label: LabelId): Token | undefined {
    return this.sheet.tokens.find((t) => hasLabel(t, label));
  }

  /** Tokens on the same printed row as `anchor`, to its right (layout text only). */
  rightOf(anchor: Token, slack = 1): Token[] {
    const lastRow = anchor.lines[anchor.lines.length - 1]!.line;
    return this.sheet.tokens
      .filter((t) => t.col >= anchor.end && t.row >= anchor.row - slack && t.row <= lastRow + slack)
      .sort((a, b) => a.col - b.col);
  }

  /**
   * The value cell of a label: in layout text the nearest acceptable box to its right on the
   * same row; in stream text the first acceptable, unused, non-label box after it.
   */
  valueOf(anchor: Token, accept: (t: Token) => boolean = () => true, window = 12): Token | undefined {
    const ok = (t: Token) => !isLabel(t) && !this.isUsed(t) && accept(t);
    if (this.isLayout) return this.rightOf(anchor).find(ok);
    return this.sheet.tokens.slice(anchor.index + 1, anchor.index + 1 + window).find(ok);
  }
}

export type Matcher<T> = (ctx: MatchContext) => T;
