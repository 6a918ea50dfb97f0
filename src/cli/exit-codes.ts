/** Exit codes, documented in the README and in --help. */
export const EXIT = {
  ok: 0,
  /** A sheet or document failed: unreadable, not a review sheet, or invalid. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  a sheet or document failed (unreadable, not a review sheet, invalid)
  2  usage error`;
