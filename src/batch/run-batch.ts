// `review-parse batch`: many sheets → one JSON each under --out, plus NDJSON, CSV tables and a
// manifest. A file that fails is reported and skipped; the others still convert.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicFileStream, OutputWriteError } from '../output/atomic-write.js';
import { CSV_BOM, TABLES, csvHeader } from '../output/csv.js';
import { systemReason } from '../input/read-file.js';
import { ManifestStream, manifestEntryOf } from './manifest.js';
import { BatchInterrupted, BatchError } from './errors.js';
import { MANIFEST, planInWorker } from './plan.js';
import { runTasks } from './pool.js';
import type { FileResult, FileStatus, TaskOptions } from './convert-file.js';
import type { Extractor } from '../tokenize/extractors.js';

export interface BatchOptions {
  inputs: string[];
  out?: string | undefined;
  /** A file path, or `-` for stdout. */
  ndjson?: string | undefined;
  csv?: string | undefined;
  jobs: number;
  pretty?: boolean | undefined;
  provenance?: boolean | undefined;
  extractor?: Extractor | undefined;
}

export interface BatchHooks {
  stdout: (text: string) => void | Promise<void>;
  /** Called once the inputs are known. */
  onStart?: (total: number) => void;
  /** Called once per file, in input order. */
  onResult?: (result: FileResult) => void;
  /** Stops the batch (Ctrl-C): runBatch then rejects with BatchInterrupted, having written no manifest, NDJSON or CSV file. */
  signal?: AbortSignal;
}

export interface BatchSummary {
  total: number;
  counts: Record<FileStatus, number>;
  elapsedMs: number;
  manifest: string | null;
}

export { BatchInterrupted, BatchError };

function ensureWritableFolder(dir: string, what: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new BatchError(`${what} ${dir} cannot be written: ${systemReason(e)}`);
  }
}

export async function runBatch(options: BatchOptions, hooks: BatchHooks): Promise<BatchSummary> {
  const started = Date.now();
  const tasks = await planInWorker({ inputs: options.inputs, out: options.out });
  if (options.out) ensureWritableFolder(options.out, 'the output folder');
  if (options.csv) ensureWritableFolder(options.csv, 'the CSV folder');
  hooks.onStart?.(tasks.length);
  const taskOptions: TaskOptions = { pretty: options.pretty ?? false, provenance: options.provenance ?? false, extractor: options.extractor, ndjson: Boolean(options.ndjson), csv: Boolean(options.csv) };
  const counts: Record<FileStatus, number> = { ok: 0, warnings: 0, failed: 0 };
  let manifest: ManifestStream | null = null;
  let ndjson: AtomicFileStream | null = null;
  const csvFiles: Array<{ name: string; file: AtomicFileStream }> = [];
  try {
    if (options.out) manifest = new ManifestStream(join(options.out, MANIFEST));
    if (options.ndjson && options.ndjson !== '-') ndjson = new AtomicFileStream(options.ndjson);
    for (const table of options.csv ? TABLES : []) {
      const file = new AtomicFileStream(join(options.csv!, `${table.name}.csv`));
      csvFiles.push({ name: table.name, file });
      void file.write(CSV_BOM + csvHeader(table));
    }
    await runTasks(tasks, taskOptions, options.jobs, async (r) => {
      counts[r.status]++;
      await manifest?.add(manifestEntryOf(r));
      hooks.onResult?.(r);
      if (r.ndjson !== undefined) {
        const line = `${r.ndjson}\n`;
        await (ndjson ? ndjson.write(line) : hooks.stdout(line));
      }
      if (r.csv) for (const { name, file } of csvFiles) if (r.csv[name]) await file.write(r.csv[name]!);
    }, hooks.signal);
    await ndjson?.commit();
    for (const { file } of csvFiles) await file.commit();
    await manifest?.commit(counts);
  } catch (e) {
    await manifest?.abandon();
    await ndjson?.abandon();
    for (const { file } of csvFiles) await file.abandon();
    throw e instanceof OutputWriteError ? new BatchError(e.message) : e;
  }
  return { total: tasks.length, counts, elapsedMs: Date.now() - started, manifest: manifest?.path ?? null };
}
