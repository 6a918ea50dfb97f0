import os from 'node:os';

/** Exit codes, documented in the README and in --help. */
export const EXIT = {
  ok: 0,
  /** A sheet or document failed: unreadable, not a review sheet, or invalid. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
} as const;

/** A batch stopped by a signal exits as a shell reports a process killed by it: 128 + its number (Ctrl-C: 130). */
export const exitCodeOnSignal = (signal: NodeJS.Signals): number => 128 + (os.constants.signals[signal] ?? 0);

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  a sheet or document failed (unreadable, not a review sheet, invalid)
  2  usage error
  130, 143  a batch stopped by Ctrl-C (SIGINT) or SIGTERM`;
