// Property tests over mutations of real sheet text: boxes deleted, duplicated or shuffled, the
// text cut short, numbers changed. Whatever the mutation, parsing never throws (a text that is
// no longer a sheet is refused with the typed NotASheetError), the output always passes the
// schema, and the same input always gives byte-identical output.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseSheet, reviewSheetSchema } from '../src/index.js';
import { fixture } from './helpers.js';

const TEXTS = ['h28-soumu-0092.pdfminer.txt', 'corpus/2016_環境省_0217.pdftotext.txt', 'corpus/2015_外務省_0032.layout.txt'].map((f) => readFileSync(fixture(f), 'utf8'));

/** Boxes as the extractors print them: paragraphs; layout text is cut into lines instead. */
const piecesOf = (text: string) => (/\S {3,}\S/.test(text) ? text.split('\n') : text.split(/\n\n/));
const joinPieces = (text: string, pieces: string[]) => pieces.join(/\S {3,}\S/.test(text) ? '\n' : '\n\n');

type Mutation = (text: string) => string;

const deleteBoxes = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((picks): Mutation => (text) => {
  const pieces = piecesOf(text);
  const drop = new Set(picks.map((p) => p % pieces.length));
  return joinPieces(text, pieces.filter((_, i) => !drop.has(i)));
});
const duplicateBoxes = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((picks): Mutation => (text) => {
  const pieces = piecesOf(text);
  for (const p of picks) pieces.splice(p % pieces.length, 0, pieces[(p * 7) % pieces.length]!);
  return joinPieces(text, pieces);
});
const shuffleBoxes = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }).map((swaps): Mutation => (text) => {
  const pieces = piecesOf(text);
  for (const [a, b] of swaps) {
    const i = a % pieces.length;
    const j = b % pieces.length;
    [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
  }
  return joinPieces(text, pieces);
});
const truncate = fc.double({ min: 0, max: 1, noNaN: true }).map((share): Mutation => (text) => text.slice(0, Math.floor(text.length * share)));
const changeNumbers = fc.array(fc.oneof(fc.integer({ min: -9999999, max: 99999999 }).map(String), fc.constantFrom('-', '△5', '０．５', '12%', '1,234,567', '0.065')), { minLength: 1, maxLength: 40 })
  .map((replacements): Mutation => (text) => {
    let k = 0;
    return text.replace(/\d[\d,.]*/g, (m) => (k < replacements.length && m.length % 2 === k % 2 ? replacements[k++]! : m));
  });

const mutation = fc.oneof(deleteBoxes, duplicateBoxes, shuffleBoxes, truncate, changeNumbers);

function parseOrRefuse(text: string): string {
  const result = safeParseSheet(text);
  return result.ok ? JSON.stringify(result.sheet) : `refused: ${result.error.code}`;
}

describe('parsing mutated sheets', () => {
  it('never throws, always passes the schema, and is deterministic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (original, mutations) => {
        const text = mutations.reduce((t, m) => m(t), original);
        const first = parseOrRefuse(text);
        expect(parseOrRefuse(text)).toBe(first);
        if (first.startsWith('refused')) return;
        const sheet = JSON.parse(first);
        expect(reviewSheetSchema.safeParse(sheet).success).toBe(true);
        expect(sheet.diagnostics.filter((d: { code: string }) => d.code === 'schema')).toEqual([]);
      }),
      { numRuns: 150, seed: Number(process.env.FC_SEED ?? 20261125) },
    );
  });
});
