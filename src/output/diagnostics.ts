// Diagnostics for people: coloured lines on a terminal, JSON lines otherwise.
import { Chalk } from 'chalk';
import type { Diagnostic } from '../assemble/schema.js';

export interface DiagnosticWriterOptions {
  color: boolean;
  /** Hide info-level diagnostics (they say how the text was read, not what is wrong). */
  quiet?: boolean;
}

export function formatDiagnostics(file: string, diagnostics: readonly Diagnostic[], options: DiagnosticWriterOptions): string {
  const shown = diagnostics.filter((d) => !options.quiet || d.level !== 'info');
  if (!options.color) return shown.map((d) => JSON.stringify({ file, ...d })).join('\n');
  const chalk = new Chalk({ level: 1 });
  const paint = { error: chalk.red.bold, warning: chalk.yellow, info: chalk.dim } as const;
  return shown
    .map((d) => `${chalk.bold(file)} ${paint[d.level](d.level.padEnd(7))} ${chalk.cyan(d.field ?? '-')} ${d.message} ${chalk.dim(`[${d.code}]`)}`)
    .join('\n');
}
