// A batch worker thread: converts the chunks of files it is sent and posts the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { convertFile, type FileTask, type TaskOptions } from './convert-file.js';

const options = workerData as TaskOptions;
parentPort!.on('message', (tasks: FileTask[]) => {
  parentPort!.postMessage(tasks.map((task) => convertFile(task, options)));
});
