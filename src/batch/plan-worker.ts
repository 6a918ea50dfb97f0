// The batch's planning thread (see planInWorker): plans once, posts the plan and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { BatchError } from './errors.js';
import { planTasks, type PlanMessage, type PlanOptions } from './plan.js';

let message: PlanMessage;
try {
  message = { tasks: planTasks(workerData as PlanOptions) };
} catch (e) {
  if (!(e instanceof BatchError)) throw e;
  message = { batchError: e.message };
}
parentPort!.postMessage(message);
