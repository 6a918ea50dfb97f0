// Process wiring for the CLI: real stdin/stdout/stderr and the exit code.
import { readStdinBounded, systemReason } from '../input/read-file.js';
import { run } from './program.js';

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
// Any other failure to write (a full disk) ends the command with a message, not a stack trace.
for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (name === 'stdout') process.stderr.write(`review-parse: cannot write to stdout: ${systemReason(e)}\n`);
    process.exit(1);
  });
}

const io = {
  stdout: (t: string) => process.stdout.write(t),
  stderr: (t: string) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  readStdin: () => readStdinBounded(),
};

run(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (e: Error) => {
    process.stderr.write(`review-parse: internal error: ${e.message}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  },
);
