// Which files a batch converts, and where each one's JSON goes.
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expandInputs, outputPathFor } from '../input/files.js';
import { BatchError } from './errors.js';
import type { FileTask } from './convert-file.js';

export interface PlanOptions {
  inputs: string[];
  out?: string | undefined;
}

export const MANIFEST = 'manifest.json';

/**
 * Inputs and their output paths. An output that would overwrite an input, another input's
 * output or the manifest is refused. Outputs all end in `.json`, so only inputs that do are
 * looked up by their full path, and outputs, all joined to the same folder, by their own.
 */
export function planTasks(options: PlanOptions): FileTask[] {
  const inputs = expandInputs(options.inputs);
  if (!inputs.length) throw new BatchError(`no files match ${options.inputs.join(' ')}`);
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

export type PlanMessage = { tasks: FileTask[] } | { batchError: string };

/**
 * Plans in a worker thread of its own. Listing and naming tens of thousands of files leaves
 * the heap that did it grown by tens of MB (the main thread's reached 60 MB on 25,000 files),
 * and V8 keeps that until a collection it has no reason to make while the parse workers grow
 * theirs beside it: the batch's peak memory then grew with the number of files. A worker's
 * heap goes with it; only the plan (a few hundred bytes a file) comes back.
 */
export function planInWorker(options: PlanOptions): Promise<FileTask[]> {
  return new Promise((resolvePlan, reject) => {
    const worker = new Worker(new URL('./plan-worker.js', import.meta.url), { workerData: options });
    worker.once('message', (message: PlanMessage) => {
      void worker.terminate();
      if ('tasks' in message) resolvePlan(message.tasks);
      else reject(new BatchError(message.batchError));
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the planning worker stopped without a plan')));
  });
}
