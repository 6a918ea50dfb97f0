// `review-parse FILE|-`: one sheet's text → its JSON on stdout, diagnostics on stderr.
import { InputError, readInputFile } from '../input/read-file.js';
import { parseSheetBytes, NotASheetError } from '../parse.js';
import { formatDiagnostics } from '../output/diagnostics.js';
import { EXIT } from './exit-codes.js';
import type { Extractor } from '../tokenize/extractors.js';

export interface ConvertOptions {
  pretty?: boolean;
  provenance?: boolean;
  extractor?: Extractor;
  quiet?: boolean;
  debug?: boolean;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  readStdin: () => Buffer;
}

export function readInput(path: string, io: Io): Buffer {
  if (path === '-') return io.readStdin();
  try {
    return readInputFile(path);
  } catch (e) {
    if (e instanceof InputError && e.message.startsWith('is a folder')) throw new InputError(`${e.message} (use \`review-parse batch\` for folders)`);
    throw e;
  }
}

export function convert(path: string, options: ConvertOptions, io: Io): number {
  const name = path === '-' ? '<stdin>' : path;
  try {
    const { sheet, diagnostics } = parseSheetBytes(readInput(path, io), { provenance: options.provenance ?? false, extractor: options.extractor });
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
