// What every section matcher shares: the tokens, a place to report what could not be placed,
// and a record of which input lines each value came from (for --provenance).
import type { Diagnostic } from '../assemble/schema.js';
import type { Token, TokenizedSheet } from '../tokenize/labels.js';
import type { LabelId } from '../tokenize/vocabulary.js';
import { isLabel } from '../tokenize/labels.js';

export class MatchContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly provenance: Record<string, number[]> = {};
  /** Tokens a matcher has taken as a value, so that no other field takes them too. */
  private readonly used = new Set<number>();

  /** Tokens by label id, built once: every matcher starts by asking where its labels are. */
  private readonly byLabel = new Map<LabelId, Token[]>();

  /** Tokens by the row they start on, for the layout lookups of nearby cells. */
  private readonly byRow = new Map<number, Token[]>();

  constructor(readonly sheet: TokenizedSheet) {
    for (const t of sheet.tokens) {
      const row = this.byRow.get(t.row);
      if (row) row.push(t);
      else this.byRow.set(t.row, [t]);
      const ids = t.inlineLabel ? [...t.labels, t.inlineLabel] : t.labels;
      for (const id of new Set(ids)) {
        const list = this.byLabel.get(id);
        if (list) list.push(t);
        else this.byLabel.set(id, [t]);
      }
    }
  }

  get tokens(): readonly Token[] {
    return this.sheet.tokens;
  }

  get isLayout(): boolean {
    return this.sheet.extractor === 'layout';
  }

  /** A viewer's copy, a table row a line (its wrapped texts are read by row-paragraphs.ts). */
  get isRows(): boolean {
    return this.sheet.extractor === 'rows';
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
    return [...(this.byLabel.get(label) ?? [])];
  }

  first(label: LabelId): Token | undefined {
    return this.byLabel.get(label)?.[0];
  }

  /** Tokens that start on rows `from` to `to`, in input order. */
  startingOnRows(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let row = from; row <= to; row++) out.push(...(this.byRow.get(row) ?? []));
    return out.sort((a, b) => a.index - b.index);
  }

  /** Tokens on the same printed row as `anchor`, to its right (layout text only). */
  rightOf(anchor: Token, slack = 1): Token[] {
    const lastRow = anchor.lines[anchor.lines.length - 1]!.line;
    return this.startingOnRows(anchor.row - slack, lastRow + slack)
      .filter((t) => t.col >= anchor.end)
      .sort((a, b) => a.col - b.col);
  }

  /**
   * Boxes to the right of `anchor` that start above it and run down past its row (layout text):
   * a cell's text is centred on its row, so a tall one starts lines above its label. Nearest first.
   */
  spanning(anchor: Token): Token[] {
    return this.sheet.tokens.filter((t) => t.row < anchor.row - 1 && t.lines.at(-1)!.line >= anchor.row && t.col >= anchor.end)
      .sort((a, b) => a.col - b.col);
  }

  /**
   * The value cell of a label: in layout text the nearest acceptable box to its right on the
   * same row; in stream text the first acceptable, unused, non-label box after it.
   */
  valueOf(anchor: Token, accept: (t: Token) => boolean = () => true, window = 12): Token | undefined {
    const ok = (t: Token) => !isLabel(t) && !this.isUsed(t) && accept(t);
    if (this.isLayout) return this.rightOf(anchor).find(ok) ?? this.spanning(anchor).find(ok);
    return this.sheet.tokens.slice(anchor.index + 1, anchor.index + 1 + window).find(ok);
  }
}

export type Matcher<T> = (ctx: MatchContext) => T;
