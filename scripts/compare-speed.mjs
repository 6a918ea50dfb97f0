// Developer aid: two builds' parse times on the same texts, in one process, alternating (so
// that the machine's drift from minute to minute falls on both alike). Usage:
//   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
//   node scripts/compare-speed.mjs /tmp/base/dist [dist] [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 5;
const [baseDist, dist = 'dist', dir = '../shared/corpus/dev'] = process.argv.slice(2);
if (!baseDist) {
  console.error('usage: node scripts/compare-speed.mjs BASE_DIST [DIST] [DIR]');
  process.exit(2);
}
const load = async (d) => (await import(pathToFileURL(resolve(d, 'parse.js')).href)).parseSheetBytes;
const builds = [['base', await load(baseDist)], ['this', await load(dist)]];
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f)));
const time = (parse) => {
  const start = performance.now();
  for (const bytes of texts) parse(bytes);
  return performance.now() - start;
};
for (const [, parse] of builds) time(parse);
const runs = new Map(builds.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, parse] of builds) runs.get(name).push(time(parse));
for (const [name, times] of runs) {
  times.sort((a, b) => a - b);
  console.log(`${name}: best ${times[0].toFixed(0)} ms, median ${times[RUNS >> 1].toFixed(0)} ms for ${texts.length} texts`);
}
