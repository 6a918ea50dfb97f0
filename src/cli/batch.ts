// `review-parse batch <globs|folders...>`: the batch runner with a progress bar and a summary.
import { availableParallelism } from 'node:os';
import { Chalk } from 'chalk';
import { runBatch, BatchSetupError, type BatchOptions } from '../batch/run-batch.js';
import { ProgressBar } from '../output/progress.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './convert.js';

export interface BatchCliOptions {
  out?: string;
  ndjson?: string;
  csv?: string;
  jobs?: number;
  pretty?: boolean;
  provenance?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export const defaultJobs = (): number => availableParallelism();

export async function batch(inputs: string[], options: BatchCliOptions, io: Io): Promise<number> {
  if (!options.out && !options.ndjson && !options.csv) {
    io.stderr('review-parse batch: say where the output goes: --out DIR, --ndjson FILE|- or --csv DIR\n');
    return EXIT.usage;
  }
  const chalk = new Chalk({ level: io.stderrIsTTY ? 1 : 0 });
  let bar: ProgressBar | null = null;
  const report = (line: string) => (bar ? bar.above(line) : io.stderr(`${line}\n`));
  const batchOptions: BatchOptions = { inputs, out: options.out, ndjson: options.ndjson, csv: options.csv, jobs: options.jobs ?? defaultJobs(), pretty: options.pretty, provenance: options.provenance };
  try {
    const summary = await runBatch(batchOptions, {
      stdout: io.stdout,
      onResult: (r) => {
        if (r.status === 'failed') report(`review-parse: ${chalk.bold(r.input)}: ${chalk.red(r.message ?? 'failed')}`);
        bar?.tick();
      },
      onStart: (total) => {
        if (io.stderrIsTTY) bar = new ProgressBar(total, io.stderr);
      },
    });
    (bar as ProgressBar | null)?.clear();
    const { ok, warnings, failed } = summary.counts;
    const seconds = summary.elapsedMs / 1000;
    const parts = [`${summary.total} sheets`, chalk.green(`${ok} converted`), chalk.yellow(`${warnings} converted with warnings`), (failed ? chalk.red : chalk.dim)(`${failed} failed`)];
    io.stderr(`${parts.join(', ')} in ${seconds.toFixed(1)} s (${(summary.total / Math.max(seconds, 0.001)).toFixed(0)} sheets/s)${summary.manifest ? `; manifest: ${summary.manifest}` : ''}\n`);
    return failed ? EXIT.failed : EXIT.ok;
  } catch (e) {
    (bar as ProgressBar | null)?.clear();
    if (e instanceof BatchSetupError) {
      io.stderr(`review-parse batch: ${e.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`review-parse batch: internal error: ${(e as Error).message}\n`);
    if (options.debug) io.stderr(`${(e as Error).stack}\n`);
    return EXIT.failed;
  }
}
