// Runs file tasks over worker threads and hands the results back in input order, whatever the
// number of workers: the batch's outputs are then the same for any --jobs.
import { Worker } from 'node:worker_threads';
import { convertFile, failed, type FileResult, type FileTask, type TaskOptions } from './convert-file.js';
import { interruption } from './errors.js';

/**
 * Each worker's heap limits, in MB. Given none, V8 lets a worker's heap grow far past what it
 * holds live (about 20 MB after a collection), and the peak grows with the number of files:
 * two workers peaked at 312 MB on 8,000 fixture copies and 281 MB on 2,000. With an old
 * generation limit V8 collects sooner: 274 and 254 MB at those counts, at the same speed
 * within the machine's noise (77 and 73 sheets/s against 83 and 76 in the same minutes), given
 * a young generation of 48 MB. With a 12 MB one the workers kept less (181–198 MB) but ran
 * 13–50% slower in alternated pairs, presumably as more of each parse's short-lived garbage
 * reached the old generation. The old generation's limit leaves room for the largest text the
 * batch accepts (MAX_INPUT_BYTES, 4 MB: some 1.3 million characters, which take about 130 MB
 * to parse); a worker that still runs out is replaced, and only that file fails.
 * (scripts/bench-rss.mjs running `batch --jobs 2`.)
 */
const YOUNG_GENERATION_MB = 48;
const OLD_GENERATION_MB = 192;

/** Files per message: enough to make messaging cheap, few enough to keep the workers even. */
const CHUNK = 16;
/** Chunks queued per worker, so that none waits for the main thread between chunks. */
const QUEUED_PER_WORKER = 2;

export type ResultHandler = (result: FileResult) => void | Promise<void>;

const crashed = (task: FileTask, error: Error): FileResult => failed(task, `internal error: the worker stopped (${error.message})`);

/** Lets the event loop run (a signal's handler among others) between files parsed inline. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rejects with BatchInterrupted once `signal` aborts: no result is handed on after that. */
export async function runTasks(tasks: readonly FileTask[], options: TaskOptions, jobs: number, onResult: ResultHandler, signal?: AbortSignal): Promise<void> {
  if (jobs <= 1 || tasks.length <= CHUNK) {
    for (const task of tasks) {
      await yieldToEventLoop();
      if (signal?.aborted) throw interruption(signal);
      await onResult(convertFile(task, options));
    }
    return;
  }
  const queue: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) queue.push(tasks.slice(i, i + CHUNK));
  const ready = new Map<number, FileResult>();
  let nextToHand = 0;
  let handing: Promise<void> = Promise.resolve();
  const workers = new Set<Worker>();
  /** Set once every result is handed on, or the batch is interrupted. */
  let finished = false;

  // Results arrive out of order; each is handed on once all before it have been.
  const handInOrder = async () => {
    while (!finished && ready.has(nextToHand)) {
      const result = ready.get(nextToHand)!;
      ready.delete(nextToHand);
      nextToHand++;
      await onResult(result);
    }
  };

  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      finished = true;
      signal?.removeEventListener('abort', interrupt);
      for (const w of workers) void w.terminate();
    };
    // A result that cannot be handed on (its output cannot be written) stops the batch too.
    const fail = (e: unknown) => {
      if (finished) return;
      stop();
      reject(e);
    };
    const interrupt = () => fail(interruption(signal!));
    if (signal?.aborted) return interrupt();
    signal?.addEventListener('abort', interrupt);
    const accept = (results: FileResult[]) => {
      for (const r of results) ready.set(r.id, r);
      handing = handing.then(handInOrder).then(() => {
        if (finished || nextToHand < tasks.length) return;
        stop();
        resolve();
      });
      handing.catch(fail);
    };
    const startWorker = () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } });
      const inFlight: FileTask[][] = [];
      let alive = true;
      const feed = () => {
        while (alive && !finished && inFlight.length < QUEUED_PER_WORKER && queue.length) {
          const chunk = queue.shift()!;
          inFlight.push(chunk);
          worker.postMessage(chunk);
        }
      };
      worker.on('message', (results: FileResult[]) => {
        inFlight.shift();
        accept(results);
        // The next chunk goes out once these results are handed on, so a slow writer holds
        // the workers back instead of letting results pile up in memory.
        handing.then(feed, fail);
      });
      // A worker that dies (out of memory, a bug) is replaced. Its files are tried again one
      // by one, so that only the file that kills a worker fails.
      worker.on('error', (e) => {
        alive = false;
        workers.delete(worker);
        const lost = inFlight.splice(0);
        for (const chunk of lost) {
          if (chunk.length > 1) queue.unshift(...chunk.map((t) => [t]));
          else accept([crashed(chunk[0]!, e)]);
        }
        if (queue.length && !finished) startWorker();
      });
      workers.add(worker);
      feed();
    };
    for (let i = 0; i < Math.min(jobs, queue.length); i++) startWorker();
  });
}
