// Grades every sheet of a corpus folder in each extractor's text as given, and again after
// changes a user's text may bring (full-width digits, CRLF, no form feeds, ...): a change that
// costs fields shows where the readers lean on a detail they should not.
// Usage: tsx scripts/score-variants.ts [CORPUS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseSheetBytes } from '../src/parse.js';

interface Tally {
  right: number;
  total: number;
}

const dir = process.argv[2] ?? '../shared/corpus/dev';
const scorer = existsSync('../shared/tools/score.mjs') ? '../shared/tools/score.mjs' : 'tests/support/score.mjs';
const { scoreSheet } = (await import(join(process.cwd(), scorer))) as { scoreSheet: (want: unknown, got: unknown) => Tally };

const VARIANTS: Record<string, (text: string) => string> = {
  'as given': (t) => t,
  'full-width digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'CR CR LF line ends': (t) => t.replace(/\n/g, '\r\r\n'),
  'no form feeds': (t) => t.replace(/\f/g, ''),
  'spaces at line ends': (t) => t.replace(/(\S)\n/g, '$1  \n'),
  'every line indented': (t) => t.replace(/^/gm, '    '),
  '％ for %': (t) => t.replace(/%/g, '％'),
  'no-break spaces': (t) => t.replace(/ /g, '\u00A0'),
  'no blank lines': (t) => t.replace(/\n\s*\n/g, '\n'),
  // A viewer's copy keeps a row's cells on a line, one space apart: -layout text without its columns.
  'cells one space apart': (t) => t.replace(/ {2,}/g, ' ').replace(/^ /gm, ''),
  // `unexpand -a`, counting characters: runs of spaces that end at a stop of eight become a tab.
  'tabs at stops of 8': (t) => t.split('\n').map((line) => (line.match(/.{1,8}/gu) ?? []).map((c) => (c.length === 8 && c.endsWith('  ') ? c.replace(/ +$/, '\t') : c)).join('')).join('\n'),
};
// GNU unexpand counts bytes, not characters: its tabs after Japanese text stand elsewhere.
if (spawnSync('unexpand', ['--version']).status === 0) VARIANTS['GNU unexpand -a'] = (t) => execFileSync('unexpand', ['-a'], { input: t, maxBuffer: 1 << 26 }).toString('utf8');
// A Japanese text pipeline's clean-up (unicodedata, neologdn) turns （株） into (株) and Ⅹ into X:
// the values change form with the text, so the answers and the documents are NFKC-normalized
// too before grading, and what is lost is the readers' own.
const nfkc = (value: unknown): unknown =>
  typeof value === 'string' ? value.normalize('NFKC')
    : Array.isArray(value) ? value.map(nfkc)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfkc(v)])) : value;
VARIANTS['NFKC (graded NFKC)'] = (t) => t.normalize('NFKC');
const GRADED_NORMALIZED = new Set(['NFKC (graded NFKC)']);

for (const kind of ['pdfminer', 'pdftotext', 'layout']) {
  const files = readdirSync(dir).filter((f) => f.endsWith(`.${kind}.txt`));
  const sheets = files.map((f) => ({
    text: readFileSync(join(dir, f), 'utf8'),
    want: JSON.parse(readFileSync(join(dir, f.replace(`.${kind}.txt`, '.expected.json')), 'utf8')) as unknown,
  }));
  console.log(`== ${kind} (${files.length} sheets)`);
  for (const [name, change] of Object.entries(VARIANTS)) {
    let right = 0;
    let total = 0;
    for (const { text, want } of sheets) {
      const sheet = parseSheetBytes(Buffer.from(change(text))).sheet;
      const t = GRADED_NORMALIZED.has(name) ? scoreSheet(nfkc(want), nfkc(sheet)) : scoreSheet(want, sheet);
      right += t.right;
      total += t.total;
    }
    console.log(`${name.padEnd(20)} ${String(right).padStart(6)} / ${String(total).padEnd(6)} ${((100 * right) / total).toFixed(1)}%`);
  }
}
