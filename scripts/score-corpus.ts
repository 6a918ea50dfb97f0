// Parses every sheet of a corpus folder with each extractor's text and grades it with the
// shared scorer: per-section scores, the worst sheets, and the fields most often wrong.
// Usage: tsx scripts/score-corpus.ts [CORPUS_DIR] [--kind pdfminer|pdftotext|layout] [--verbose] [--worst N]
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSheetBytes } from '../src/parse.js';

interface Tally {
  right: number;
  total: number;
  misses: Array<{ path: string }>;
}

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args.find((a, i) => !a.startsWith('--') && !['--kind', '--worst'].includes(args[i - 1] ?? '')) ?? '../shared/corpus/dev';
const kinds = option('--kind') ? [option('--kind')!] : ['pdfminer', 'pdftotext', 'layout'];
const worst = Number(option('--worst') ?? 5);
const scorer = existsSync('../shared/tools/score.mjs') ? '../shared/tools/score.mjs' : 'tests/support/score.mjs';
const { scoreSheet } = (await import(join(process.cwd(), scorer))) as { scoreSheet: (want: unknown, got: unknown) => Tally };

/** `recipients[A:3].amount` → `recipients[].amount`: the field, whatever its row. */
const fieldOf = (path: string) => path.replace(/\[[^\]]*\]/g, '[]').replace(/\+.*$/, '+(added row)');

for (const kind of kinds) {
  const out = mkdtempSync(join(tmpdir(), `score-${kind}-`));
  const sheets: Array<{ id: string; score: number }> = [];
  const fields = new Map<string, number>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(`.${kind}.txt`))) {
    const id = f.slice(0, -`.${kind}.txt`.length);
    const want = JSON.parse(readFileSync(join(dir, `${id}.expected.json`), 'utf8')) as unknown;
    copyFileSync(join(dir, `${id}.expected.json`), join(out, `${id}.expected.json`));
    try {
      const { sheet } = parseSheetBytes(readFileSync(join(dir, f)));
      writeFileSync(join(out, `${id}.json`), JSON.stringify(sheet));
      const t = scoreSheet(want, sheet);
      sheets.push({ id, score: t.right / t.total });
      for (const m of t.misses) fields.set(fieldOf(m.path), (fields.get(fieldOf(m.path)) ?? 0) + 1);
    } catch (e) {
      console.error(`${f}: ${(e as Error).message}`);
    }
  }
  console.log(`== ${kind}`);
  console.log(execFileSync('node', [scorer, '--expected', out, '--actual', out, ...(args.includes('--verbose') ? ['--verbose'] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd());
  sheets.sort((a, b) => a.score - b.score);
  const below90 = sheets.filter((s) => s.score < 0.9).length;
  console.log(`sheets below 90%: ${below90} of ${sheets.length}; worst: ${sheets.slice(0, worst).map((s) => `${s.id} ${(100 * s.score).toFixed(1)}%`).join(', ')}`);
  const top = [...fields].sort((a, b) => b[1] - a[1]).slice(0, worst);
  console.log(`fields most often wrong: ${top.map(([f, n]) => `${f} ×${n}`).join(', ')}\n`);
}
