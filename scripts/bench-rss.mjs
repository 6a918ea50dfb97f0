// Runs the compiled CLI with the given arguments and, at exit, prints the process's peak RSS
// (worker threads included) to stderr, for scripts/bench.ts.
import { writeSync } from 'node:fs';

process.argv.splice(1, 1, new URL('../bin/review-parse', import.meta.url).pathname);
process.on('exit', () => writeSync(2, `peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
await import('../dist/cli/main.js');
