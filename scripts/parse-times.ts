// Developer aid: how long each text of a folder takes to parse, in process, best of five runs
// (the least disturbed by other work on the machine). Usage: tsx scripts/parse-times.ts [DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSheetBytes } from '../src/parse.js';

const RUNS = 5;
const dir = process.argv[2] ?? '../shared/corpus/dev';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const best = new Map<string, number>();
for (let run = 0; run < RUNS; run++) {
  for (const { name, bytes } of files) {
    const start = performance.now();
    parseSheetBytes(bytes);
    const took = performance.now() - start;
    best.set(name, Math.min(best.get(name) ?? Infinity, took));
  }
}
const times = [...best.values()].sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(1);
const slowest = [...best].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, t]) => `${f} ${t.toFixed(0)} ms`);
console.log(`${files.length} texts, best of ${RUNS}: sum ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms`);
console.log(`slowest: ${slowest.join(', ')}`);
