// `review-parse FILE|-`: one sheet's text → its JSON on stdout, diagnostics on stderr.
import { readFileSync, statSync } from 'node:fs';
import { parseSheetBytes, NotASheetError } from '../parse.js';
import { formatDiagnostics } from '../output/diagnostics.js';
import { EXIT } from './exit-codes.js';

export interface ConvertOptions {
  pretty?: boolean;
  provenance?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  readStdin: () => Buffer;
}

export class InputError extends Error {}

export function readInput(path: string, io: Io): Buffer {
  if (path === '-') return io.readStdin();
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError('no such file');
  }
  if (stat.isDirectory()) throw new InputError('is a folder, not a file (use `review-parse batch` for folders)');
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function convert(path: string, options: ConvertOptions, io: Io): number {
  const name = path === '-' ? '<stdin>' : path;
  try {
    const { sheet, diagnostics } = parseSheetBytes(readInput(path, io), { provenance: options.provenance ?? false });
    io.stdout(`${JSON.stringify(sheet, null, options.pretty ? 2 : undefined)}\n`);
    const text = formatDiagnostics(name, diagnostics, { color: io.stderrIsTTY, quiet: options.quiet ?? io.stderrIsTTY });
    if (text) io.stderr(`${text}\n`);
    return diagnostics.some((d) => d.level === 'error' && d.code === 'schema') ? EXIT.failed : EXIT.ok;
  } catch (e) {
    if (e instanceof InputError || e instanceof NotASheetError) {
      io.stderr(`review-parse: ${name}: ${e.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`review-parse: ${name}: internal error: ${(e as Error).message}\n`);
    if (options.debug) io.stderr(`${(e as Error).stack}\n`);
    return EXIT.failed;
  }
}
