// `npm run bench`: speed and memory of the compiled tool (dist/), on a workload of sheet files
// built from the fixtures. It prints the figures the README quotes; nothing here is a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'review-parse');
const probe = join(root, 'scripts', 'bench-rss.mjs');
const cores = availableParallelism();
const files = Number(process.env.BENCH_FILES ?? 5000);

function fixtureTexts(): string[] {
  const dirs = [join(root, 'fixtures'), join(root, 'fixtures', 'corpus')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
}

function buildWorkload(dir: string, count: number): void {
  const sources = fixtureTexts();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, String(Math.floor(i / 500)).padStart(2, '0'));
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    copyFileSync(sources[i % sources.length]!, join(folder, `sheet-${String(i).padStart(5, '0')}.txt`));
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function parseTimes(): Promise<{ median: number; p95: number; runs: number }> {
  const { parseSheet } = (await import(join(root, 'dist', 'index.js'))) as typeof import('../src/index.js');
  const texts = fixtureTexts().map((f) => readFileSync(f, 'utf8'));
  // About 1,100 timed parses whatever the number of fixtures (50 rounds of the 22 texts the
  // fixtures once held), after a warm-up of about 440.
  const rounds = (parses: number) => Math.max(1, Math.ceil(parses / texts.length));
  for (let i = 0; i < rounds(440); i++) for (const t of texts) parseSheet(t);
  const times: number[] = [];
  for (let i = 0; i < rounds(1100); i++) {
    for (const t of texts) {
      const start = performance.now();
      parseSheet(t);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), runs: times.length };
}

/** Runs a batch in a child process; returns wall time and the process's peak RSS. */
function runBatch(input: string, jobs: number): { seconds: number; rssMb: number; sheets: number } {
  const out = mkdtempSync(join(tmpdir(), 'review-parse-bench-out-'));
  const start = performance.now();
  const child = spawnSync(process.execPath, [probe, 'batch', input, '--out', out, '--jobs', String(jobs)], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  rmSync(out, { recursive: true, force: true });
  const rss = /peak-rss-kb (\d+)/.exec(child.stderr);
  const done = /(\d+) sheets, /.exec(child.stderr);
  if (child.status !== 0 || !rss || !done) throw new Error(`batch failed (exit ${child.status}):\n${child.stderr}`);
  return { seconds, rssMb: Number(rss[1]) / 1024, sheets: Number(done[1]) };
}

function coldStart(): { median: number; nodeAlone: number } {
  const time = (args: string[]) => {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      execFileSync(process.execPath, args);
      runs.push(performance.now() - start);
    }
    return quantile(runs.sort((a, b) => a - b), 0.5);
  };
  return { median: time([bin, '--version']), nodeAlone: time(['-e', '0']) };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'review-parse-bench-'));
  try {
    const small = join(work, 'small');
    const large = join(work, 'large');
    buildWorkload(small, Math.round(files / 5));
    buildWorkload(large, files);
    console.log(`machine: ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`);
    console.log(`workload: ${files} sheet files copied from the ${fixtureTexts().length} fixture texts\n`);
    const parse = await parseTimes();
    console.log(`single-sheet parse (in process, warm, ${parse.runs} runs): median ${parse.median.toFixed(2)} ms, p95 ${parse.p95.toFixed(2)} ms`);
    for (const jobs of [...new Set([1, cores])]) {
      const r = runBatch(large, jobs);
      console.log(`batch --jobs ${jobs}: ${r.sheets} sheets in ${r.seconds.toFixed(2)} s = ${(r.sheets / r.seconds).toFixed(0)} sheets/s, peak RSS ${r.rssMb.toFixed(0)} MB`);
    }
    const fewer = runBatch(small, cores);
    console.log(`batch --jobs ${cores} on ${fewer.sheets} sheets: peak RSS ${fewer.rssMb.toFixed(0)} MB (compare with ${files} sheets above)`);
    const cold = coldStart();
    console.log(`cold start \`review-parse --version\`: median ${cold.median.toFixed(0)} ms (node -e 0 alone: ${cold.nodeAlone.toFixed(0)} ms)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
