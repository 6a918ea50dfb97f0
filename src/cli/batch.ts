// `review-parse batch <globs|folders...>`: the batch runner with a progress bar and a summary.
import { availableParallelism } from 'node:os';
import { Chalk } from 'chalk';
import { runBatch, BatchInterrupted, BatchError, type BatchOptions } from '../batch/run-batch.js';
import { ProgressBar } from '../output/progress.js';
import { EXIT, exitCodeOnSignal } from './exit-codes.js';
import type { Io } from './convert.js';
import type { Extractor } from '../tokenize/extractors.js';

export interface BatchCliOptions {
  out?: string;
  ndjson?: string;
  csv?: string;
  jobs?: number;
  pretty?: boolean;
  provenance?: boolean;
  extractor?: Extractor;
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
  const batchOptions: BatchOptions = { inputs, out: options.out, ndjson: options.ndjson, csv: options.csv, jobs: options.jobs ?? defaultJobs(), pretty: options.pretty, provenance: options.provenance, extractor: options.extractor };
  // Ctrl-C stops the batch cleanly: the unfinished manifest, NDJSON and CSV files are removed,
  // the JSON files already written (each whole) are kept, and the exit code says which signal.
  const stopper = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => stopper.abort(new BatchInterrupted(signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  let done = 0;
  let total = 0;
  try {
    const summary = await runBatch(batchOptions, {
      stdout: io.stdout,
      signal: stopper.signal,
      onResult: (r) => {
        done++;
        if (r.status === 'failed') report(`review-parse: ${chalk.bold(r.input)}: ${chalk.red(r.message ?? 'failed')}`);
        bar?.tick();
      },
      onStart: (count) => {
        total = count;
        if (io.stderrIsTTY) bar = new ProgressBar(count, io.stderr);
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
    if (e instanceof BatchError) {
      io.stderr(`review-parse batch: ${e.message}\n`);
      return EXIT.failed;
    }
    if (e instanceof BatchInterrupted) {
      // Workers write each sheet's JSON themselves, so a few past `done` may be written too.
      const kept = options.out ? `; the JSON files written so far are kept in ${options.out}, each whole` : '';
      const dropped = [options.out && 'manifest.json', options.ndjson && options.ndjson !== '-' && options.ndjson, options.csv && 'the CSV tables'].filter(Boolean);
      const notWritten = dropped.length ? `; not written: ${dropped.join(', ')}` : '';
      io.stderr(`review-parse batch: ${e.message} after ${done} of ${total} sheets${kept}${notWritten}\n`);
      return exitCodeOnSignal(e.signal ?? 'SIGINT');
    }
    io.stderr(`review-parse batch: internal error: ${(e as Error).message}\n`);
    if (options.debug) io.stderr(`${(e as Error).stack}\n`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
