// The library's entry points as a JavaScript caller may misuse them: each wrong argument is a
// TypeError that names it, thrown before any parsing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSheet, parseSheetBytes, safeParseSheet } from '../src/index.js';
import { fixture } from './helpers.js';

const bytes = readFileSync(fixture('h28-soumu-0092.pdfminer.txt'));
const text = bytes.toString('utf8');
// Plain JavaScript callers: the types do not stop them.
const loose = parseSheet as (text: unknown, options?: unknown) => ReturnType<typeof parseSheet>;

describe('parseSheet arguments', () => {
  it('reads the text as the extractor named, or detects it', () => {
    expect(parseSheet(text).extractor).toBe('pdfminer');
    expect(parseSheet(text, { extractor: 'pdftotext' }).extractor).toBe('pdftotext');
    expect(Object.keys(parseSheet(text, { provenance: true }).sheet.provenance ?? {}).length).toBeGreaterThan(0);
  });

  it('refuses an unknown extractor, a misspelt option and a value of the wrong kind, naming each', () => {
    expect(() => loose(text, { extractor: 'pdfjs' })).toThrow(new TypeError('review-parse options: extractor: Invalid option: expected one of "layout"|"pdfminer"|"pdftotext"|"rows"'));
    expect(() => loose(text, { provenance: 'yes' })).toThrow(/^review-parse options: provenance: .*expected boolean/);
    expect(() => loose(text, { provenence: true })).toThrow(/Unrecognized key: "provenence"/);
    expect(() => loose(text, 'pdfminer')).toThrow(TypeError);
  });

  it('points bytes to parseSheetBytes and text to parseSheet', () => {
    expect(() => loose(bytes)).toThrow("parseSheet takes the sheet's text as a string, not Buffer; bytes go to parseSheetBytes");
    expect(() => (parseSheetBytes as (b: unknown) => unknown)(text)).toThrow(/not string; text goes to parseSheet/);
    expect(parseSheetBytes(new Uint8Array(bytes)).sheet).toEqual(parseSheet(text).sheet);
  });

  it('safeParseSheet returns a text that is no sheet, and still throws on a wrong argument', () => {
    const refused = safeParseSheet('hello');
    expect(refused.ok).toBe(false);
    expect(() => (safeParseSheet as (t: unknown) => unknown)(42)).toThrow(TypeError);
  });
});
