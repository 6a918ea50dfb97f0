// Parses every sheet of a corpus folder with each extractor's text and grades it with the
// shared scorer. Usage: tsx scripts/score-corpus.ts [CORPUS_DIR] [--kind pdfminer|pdftotext|layout] [--verbose]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSheetBytes } from '../src/parse.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--kind') ?? '../shared/corpus/dev';
const kindArg = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : null;
const kinds = kindArg ? [kindArg] : ['pdfminer', 'pdftotext', 'layout'];
const scorer = '../shared/tools/score.mjs';
if (!existsSync(scorer)) throw new Error(`the scorer ${scorer} is not there`);
for (const kind of kinds) {
  const out = mkdtempSync(join(tmpdir(), `score-${kind}-`));
  for (const f of readdirSync(dir).filter((f) => f.endsWith(`.${kind}.txt`))) {
    const id = f.slice(0, -`.${kind}.txt`.length);
    copyFileSync(join(dir, `${id}.expected.json`), join(out, `${id}.expected.json`));
    try {
      const { sheet } = parseSheetBytes(readFileSync(join(dir, f)));
      writeFileSync(join(out, `${id}.json`), JSON.stringify(sheet));
    } catch (e) {
      console.error(`${f}: ${(e as Error).message}`);
    }
  }
  console.log(`== ${kind}`);
  console.log(execFileSync('node', [scorer, '--expected', out, '--actual', out, ...(args.includes('--verbose') ? ['--verbose'] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
