// The cells of a recipient table: what kind of word each is, and which slot of a row takes
// which kind. Shared by the table readers (stream text by tokens, layout text by lines, and
// the column-chunk decoder).
import type { Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { fold, isDash, parseNumber, parseRate } from '../tokenize/values.js';
import { CONTRACT_METHODS } from '../tokenize/vocabulary.js';

export const CORPORATE = /^\d{13}$/;

export type Kind = 'rank' | 'corporate' | 'amount' | 'method' | 'rate' | 'dash' | 'text';
export interface Word {
  kind: Kind;
  text: string;
  token: Token;
}

export function isMethod(text: string): boolean {
  const f = fold(text);
  return CONTRACT_METHODS.some((m) => f === fold(m)) || /^(随意契約|一般競争|指名競争|総合評価)/.test(f);
}

export function classify(text: string, token: Token): Word {
  const f = fold(text);
  let kind: Kind = 'text';
  if (isDash(text)) kind = 'dash';
  else if (CORPORATE.test(f)) kind = 'corporate';
  else if (/%$/.test(f) && parseRate(text) !== null) kind = 'rate';
  else if (parseNumber(text) !== null) kind = 'amount';
  else if (isMethod(text)) kind = 'method';
  return { kind, text, token };
}

/** One kanji alone: no name, summary or method is one letter (〃, the ditto mark, is kept). */
const LONE_LETTER = /^\p{Script=Han}$/u;

/** Splits glued cells: `1 富士ソフト（株）`, `7010001008844 ヒグマ監視等業務`, `0.1 随意契約（少額）`. */
export function wordsOf(token: Token): Word[] {
  // Ranks printed together boxed line by line (`8 ⏎ 9`) are a word each, not one number (89).
  const ranksBoxed = token.lines.length > 1 && token.lines.every((l) => /^\d{1,2}$/.test(fold(l.text).trim()));
  const parts = ranksBoxed ? token.lines.map((l) => l.text.trim()) : token.lines.length === 1 ? token.text.split(/ +/) : [token.text];
  const out: Word[] = [];
  for (const part of parts) {
    // Letters of the vertical column heads (業 ⏎ 務 ⏎ 概 ⏎ 要) boxed beside each other are no cell.
    if (LONE_LETTER.test(part)) continue;
    const w = classify(part, token);
    const prev = out[out.length - 1];
    if (w.kind === 'text' && prev?.kind === 'text') prev.text += ` ${part}`;
    else out.push(w);
  }
  return out;
}

const isHead = (t: Token) => t.labels.includes('recipientHeader');

/** Each group of column heads (支出先 … 落札率) in the scope: where it starts, and where the cells after it begin. */
export function headerGroups(scope: readonly Token[]): Array<{ start: number; body: number }> {
  const out: Array<{ start: number; body: number }> = [];
  for (let i = 0; i < scope.length; i++) {
    if (!isHead(scope[i]!)) continue;
    const start = i;
    while (i < scope.length && isHead(scope[i]!)) i++;
    out.push({ start, body: i });
  }
  return out;
}

export function emptyRow(block: string | null, rank: number): Recipient {
  return { block, rank, name: null, corporateNumber: null, summary: null, amount: null, contractMethod: null, bidders: null, winningBidRate: null, reason: null };
}

/** The cells right of the 支出額, left to right: what a row's right half brings. */
export const RIGHT_HALF = ['contractMethod', 'bidders', 'winningBidRate', 'reason'] as const satisfies ReadonlyArray<keyof Recipient>;

/** A token of dashes only: an empty cell, or a column of them. */
export const isDashToken = (t: Token | undefined) => t !== undefined && wordsOf(t).every((w) => w.kind === 'dash');

/** The cells of a row, left to right, and the kinds of word each accepts. */
export const SLOTS: Array<{ field: keyof Recipient; kinds: Kind[] }> = [
  { field: 'name', kinds: ['text'] },
  { field: 'corporateNumber', kinds: ['corporate', 'dash'] },
  { field: 'summary', kinds: ['text', 'dash'] },
  { field: 'amount', kinds: ['amount', 'dash'] },
  { field: 'contractMethod', kinds: ['method', 'text', 'dash'] },
  { field: 'bidders', kinds: ['amount', 'dash'] },
  { field: 'winningBidRate', kinds: ['rate', 'amount', 'dash'] },
  { field: 'reason', kinds: ['text', 'dash'] },
];

export function setCell(r: Recipient, field: keyof Recipient, w: Word): void {
  if (w.kind === 'dash') return;
  if (field === 'amount' || field === 'bidders') r[field] = parseNumber(w.text);
  else if (field === 'winningBidRate') r.winningBidRate = parseRate(w.text);
  else if (field === 'name' || field === 'corporateNumber' || field === 'summary' || field === 'contractMethod' || field === 'reason') r[field] = w.text;
}

/** The rank a word can be (a number of one or two digits), or null. */
export const rankOf = (w: Word): number | null => (w.kind === 'amount' && /^\d{1,2}$/.test(fold(w.text)) ? Number(fold(w.text)) : null);
export const isRank = (w: Word, next: number) => rankOf(w) === next;

/** Word `i` opens row `rank`: the rank, then the row's name or 法人番号. */
export const opensRow = (words: readonly Word[], i: number, rank: number) => isRank(words[i]!, rank) && (words[i + 1]?.kind === 'text' || words[i + 1]?.kind === 'corporate');


/**
 * Whether a fund-flow box's role should stand for a row's 業務概要: the row has none, or one
 * the table clipped (shorter, and the role contains its start).
 */
export function roleCompletes(summary: string | null, role: string): boolean {
  return !summary || (fold(summary).length < fold(role).length && fold(role).includes(fold(summary).slice(0, 6)));
}
