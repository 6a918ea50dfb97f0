// `review-parse batch`: many sheets → one JSON each under --out, plus NDJSON, CSV tables and a
// manifest. A file that fails is reported and skipped; the others still convert.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AtomicFileStream } from '../output/atomic-write.js';
import { CSV_BOM, TABLES, csvHeader } from '../output/csv.js';
import { expandInputs, outputPathFor } from '../input/files.js';
import { ManifestStream, manifestEntryOf } from './manifest.js';
import { runTasks } from './pool.js';
import type { FileResult, FileStatus, FileTask, TaskOptions } from './convert-file.js';

export interface BatchOptions {
  inputs: string[];
  out?: string | undefined;
  /** A file path, or `-` for stdout. */
  ndjson?: string | undefined;
  csv?: string | undefined;
  jobs: number;
  pretty?: boolean | undefined;
  provenance?: boolean | undefined;
}

export interface BatchHooks {
  stdout: (text: string) => void | Promise<void>;
  /** Called once the inputs are known. */
  onStart?: (total: number) => void;
  /** Called once per file, in input order. */
  onResult?: (result: FileResult) => void;
}

export interface BatchSummary {
  total: number;
  counts: Record<FileStatus, number>;
  elapsedMs: number;
  manifest: string | null;
}

/** Problems with the batch as a whole (nothing to convert, an output folder that cannot be written). */
export class BatchSetupError extends Error {}

const MANIFEST = 'manifest.json';

function ensureWritableFolder(dir: string, what: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new BatchSetupError(`${what} ${dir} cannot be written: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Inputs and their output paths. An output that would overwrite an input, another input's
 * output or the manifest is refused. Outputs all end in `.json`, so only inputs that do are
 * looked up by their full path, and outputs, all joined to the same folder, by their own.
 */
function planTasks(options: BatchOptions): FileTask[] {
  const inputs = expandInputs(options.inputs);
  if (!inputs.length) throw new BatchSetupError(`no files match ${options.inputs.join(' ')}`);
  const jsonInputs = new Map<string, string>();
  for (const input of inputs) if (/\.json$/i.test(input.path)) jsonInputs.set(resolve(input.path), input.path);
  const claimed = new Map<string, string>();
  if (options.out) claimed.set(join(options.out, MANIFEST), 'the manifest');
  const claimant = (output: string, input: string) => {
    const other = claimed.get(output) ?? (jsonInputs.size ? jsonInputs.get(resolve(output)) : undefined);
    return other === input ? 'the input itself' : other;
  };
  return inputs.map((input, id) => {
    const output = options.out ? outputPathFor(options.out, input) : null;
    const task: FileTask = { id, input: input.path, output };
    if (input.problem) task.problem = input.problem;
    if (output) {
      const other = claimant(output, input.path);
      if (other) task.problem = `its output ${output} would overwrite ${other}`;
      else claimed.set(output, `the output of ${input.path}`);
    }
    return task;
  });
}

export async function runBatch(options: BatchOptions, hooks: BatchHooks): Promise<BatchSummary> {
  const started = Date.now();
  const tasks = planTasks(options);
  if (options.out) ensureWritableFolder(options.out, 'the output folder');
  if (options.csv) ensureWritableFolder(options.csv, 'the CSV folder');
  hooks.onStart?.(tasks.length);
  const manifest = options.out ? new ManifestStream(join(options.out, MANIFEST)) : null;
  const ndjson = options.ndjson && options.ndjson !== '-' ? new AtomicFileStream(options.ndjson) : null;
  const csvFiles = options.csv ? TABLES.map((t) => ({ name: t.name, file: new AtomicFileStream(join(options.csv!, `${t.name}.csv`)) })) : [];
  for (const { name, file } of csvFiles) void file.write(CSV_BOM + csvHeader(TABLES.find((t) => t.name === name)!));

  const taskOptions: TaskOptions = { pretty: options.pretty ?? false, provenance: options.provenance ?? false, ndjson: Boolean(options.ndjson), csv: Boolean(options.csv) };
  const counts: Record<FileStatus, number> = { ok: 0, warnings: 0, failed: 0 };
  try {
    await runTasks(tasks, taskOptions, options.jobs, async (r) => {
      counts[r.status]++;
      await manifest?.add(manifestEntryOf(r));
      hooks.onResult?.(r);
      if (r.ndjson !== undefined) {
        const line = `${r.ndjson}\n`;
        await (ndjson ? ndjson.write(line) : hooks.stdout(line));
      }
      if (r.csv) for (const { name, file } of csvFiles) if (r.csv[name]) await file.write(r.csv[name]!);
    });
    await ndjson?.commit();
    for (const { file } of csvFiles) await file.commit();
    await manifest?.commit(counts);
  } catch (e) {
    await manifest?.abandon();
    await ndjson?.abandon();
    for (const { file } of csvFiles) await file.abandon();
    throw e;
  }
  return { total: tasks.length, counts, elapsedMs: Date.now() - started, manifest: manifest?.path ?? null };
}
