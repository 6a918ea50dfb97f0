// Whole sheets, graded by the project's shared scorer (../shared/tools/score.mjs).
// The floors are the scores measured when they were set: they may only go up.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSheetBytes } from '../src/parse.js';
import { reviewSheetSchema } from '../src/assemble/schema.js';
import { fixture, scorerPath, sharedScorerPath } from './helpers.js';

type Tally = { sections: Map<string, { right: number; total: number }>; right: number; total: number; misses: Array<{ path: string }> };
const scorer = (await import(scorerPath)) as { scoreSheet: (want: unknown, got: unknown) => Tally };

describe('the vendored scorer', () => {
  it.runIf(existsSync(sharedScorerPath))('is the shared scorer, line for line (bar its two-line note)', () => {
    const vendored = readFileSync(scorerPath, 'utf8').split('\n');
    vendored.splice(1, 2);
    expect(vendored.join('\n')).toBe(readFileSync(sharedScorerPath, 'utf8'));
  });
});

const load = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as unknown;
const sectionScore = (t: Tally, s: string) => { const x = t.sections.get(s); return x && x.total ? x.right / x.total : 1; };

describe('the seed sheet (h28 総務省 0092, pdfminer)', () => {
  const { sheet } = parseSheetBytes(readFileSync(fixture('h28-soumu-0092.pdfminer.txt')));
  const want = load('h28-soumu-0092.expected.json') as typeof sheet;

  it('passes the schema', () => {
    expect(reviewSheetSchema.safeParse(sheet).success).toBe(true);
  });
  it('reads the header and the budget table exactly', () => {
    expect(sheet.sheet).toEqual(want.sheet);
    const amounts = (ys: typeof sheet.budget.years) => ys.map((y) => [y.fiscalYear, y.initial ?? 0, y.total ?? 0, y.executed ?? 0, y.executionRate]);
    expect(amounts(sheet.budget.years)).toEqual(amounts(want.budget.years));
  });
  it('holds its per-section scores', () => {
    const t = scorer.scoreSheet(want, sheet);
    expect(sectionScore(t, 'sheet')).toBe(1);
    expect(sectionScore(t, 'project')).toBe(1);
    expect(sectionScore(t, 'budget')).toBe(1);
    expect(sectionScore(t, 'unitCost')).toBe(1);
    expect(sectionScore(t, 'policy')).toBe(1);
    expect(sectionScore(t, 'fundFlow')).toBe(1);
    expect(sectionScore(t, 'recipients')).toBe(1);
    expect(t.right / t.total).toBeGreaterThanOrEqual(0.71);
  });
});

describe('corpus fixtures, every extractor', () => {
  const dir = fixture('corpus');
  // The whole development corpus is here, so these are issue 3's own measures: overall at least
  // 98% for pdfminer text and 97% for pdftotext and -layout text, and no sheet under 90%. The
  // floors are the scores measured when they were set (overall 98.32%, 97.05%, 99.91%; the
  // lowest sheets 91.9%, 89.2%, 98.6%). One sheet (2016 外務省 0025) is still under 90% in
  // pdftotext text.
  const floors = { pdfminer: 0.983, pdftotext: 0.97, layout: 0.999 } as const;
  const sheetFloors: Record<keyof typeof floors, number> = { pdfminer: 0.919, pdftotext: 0.891, layout: 0.986 };
  for (const kind of Object.keys(floors) as Array<keyof typeof floors>) {
    it(`${kind} text scores at least ${floors[kind] * 100}% and always passes the schema`, () => {
      let right = 0;
      let total = 0;
      for (const f of readdirSync(dir).filter((f) => f.endsWith(`.${kind}.txt`))) {
        const { sheet } = parseSheetBytes(readFileSync(`${dir}/${f}`));
        expect(reviewSheetSchema.safeParse(sheet).success).toBe(true);
        expect(sheet.diagnostics.filter((d) => d.code === 'matcher-failed'), f).toEqual([]);
        const want = JSON.parse(readFileSync(`${dir}/${f.replace(`.${kind}.txt`, '.expected.json')}`, 'utf8'));
        const t = scorer.scoreSheet(want, sheet);
        expect(t.right / t.total, f).toBeGreaterThanOrEqual(sheetFloors[kind]);
        right += t.right;
        total += t.total;
        expect(sheet.sheet).toEqual(want.sheet);
      }
      expect(right / total).toBeGreaterThanOrEqual(floors[kind]);
    });
  }
});

describe('full-width digits', () => {
  // Sheets print numbers in either width; a number's width must not change what is read.
  const dir = fixture('corpus');
  const wide = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  it('score as ASCII digits do, in every fixture text', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const want = JSON.parse(readFileSync(`${dir}/${f.replace(/\.(pdfminer|pdftotext|layout)\.txt$/, '.expected.json')}`, 'utf8'));
      const ascii = scorer.scoreSheet(want, parseSheetBytes(Buffer.from(text)).sheet);
      const fullWidth = scorer.scoreSheet(want, parseSheetBytes(Buffer.from(wide(text))).sheet);
      expect([fullWidth.right, fullWidth.total], f).toEqual([ascii.right, ascii.total]);
    }
  });
});

describe('form feeds', () => {
  // pdftotext ends each page with a form feed and so does pdfminer's extract_text; a copy may
  // have lost them. Stream text must read the same either way (-layout text still leans on them
  // to end a page's boxes).
  const dir = fixture('corpus');
  it('stream text scores the same without them', () => {
    for (const f of readdirSync(dir).filter((f) => /\.(pdfminer|pdftotext)\.txt$/.test(f))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const want = JSON.parse(readFileSync(`${dir}/${f.replace(/\.(pdfminer|pdftotext)\.txt$/, '.expected.json')}`, 'utf8'));
      const given = scorer.scoreSheet(want, parseSheetBytes(Buffer.from(text)).sheet);
      const without = scorer.scoreSheet(want, parseSheetBytes(Buffer.from(text.replace(/\f/g, ''))).sheet);
      expect([without.right, without.total], f).toEqual([given.right, given.total]);
    }
  });
  it('do not make pdfminer text read as pdftotext text', () => {
    const text = readFileSync(fixture('h28-soumu-0092.pdfminer.txt'), 'utf8');
    const want = load('h28-soumu-0092.expected.json');
    const paged = parseSheetBytes(Buffer.from(`${text}\f`)).sheet;
    expect(paged.diagnostics.find((d) => d.code === 'extractor')?.message).toBe('read as pdfminer text');
    expect(scorer.scoreSheet(want, paged).right).toBe(scorer.scoreSheet(want, parseSheetBytes(Buffer.from(text)).sheet).right);
  });
});

describe('blank lines', () => {
  // A viewer's copy or a clean-up may take out the blank lines that part stream text's cells.
  // Read as one box, such a text gave nothing (18% of the fields); line by line it keeps most.
  const dir = fixture('corpus');
  it('stream text without them still scores at least 80%', () => {
    for (const kind of ['pdfminer', 'pdftotext']) {
      let right = 0;
      let total = 0;
      for (const f of readdirSync(dir).filter((f) => f.endsWith(`.${kind}.txt`))) {
        const text = readFileSync(`${dir}/${f}`, 'utf8').replace(/\n\s*\n/g, '\n');
        const want = JSON.parse(readFileSync(`${dir}/${f.replace(`.${kind}.txt`, '.expected.json')}`, 'utf8'));
        const t = scorer.scoreSheet(want, parseSheetBytes(Buffer.from(text)).sheet);
        right += t.right;
        total += t.total;
      }
      expect(right / total, kind).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('-layout text moved right', () => {
  // A quoting or a code block indents every line: the columns keep their places to each other.
  const dir = fixture('corpus');
  it('reads every fixture the same', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.layout.txt'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const moved = parseSheetBytes(Buffer.from(text.replace(/^/gm, '    '))).sheet;
      expect(moved, f).toEqual(parseSheetBytes(Buffer.from(text)).sheet);
    }
  });
});

describe('row text (a viewer\'s copy)', () => {
  // A PDF viewer's or pdf.js copy keeps each table row on a line, its cells one space apart:
  // -layout text without its columns. Read as stream text it gave 43% of the fields.
  const dir = fixture('corpus');
  it('is told apart and read cell by cell, at least 83% of the fields', () => {
    let right = 0;
    let total = 0;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.layout.txt'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8').replace(/ {2,}/g, ' ').replace(/^ /gm, '');
      const want = JSON.parse(readFileSync(`${dir}/${f.replace('.layout.txt', '.expected.json')}`, 'utf8'));
      const { sheet, extractor } = parseSheetBytes(Buffer.from(text));
      expect(extractor, f).toBe('rows');
      const t = scorer.scoreSheet(want, sheet);
      right += t.right;
      total += t.total;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.83);
  });
});
