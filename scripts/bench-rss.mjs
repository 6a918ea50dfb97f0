// Runs the compiled CLI with the given arguments and, at exit, prints the process's peak RSS
// (worker threads included) to stderr, for scripts/bench.ts.
import { writeSync } from 'node:fs';

process.argv.splice(1, 1, new URL('../bin/review-parse', import.meta.url).pathname);
// maxRSS is in KiB; the MB beside it are MiB, as scripts/bench.ts reports them.
process.on('exit', () => {
  const kib = process.resourceUsage().maxRSS;
  writeSync(2, `peak-rss-kb ${kib} (${(kib / 1024).toFixed(0)} MB)\n`);
});
await import('../dist/cli/main.js');
