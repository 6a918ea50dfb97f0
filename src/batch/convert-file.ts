// One batch item: read the file, parse it, write its JSON whole or not at all, and return what
// the batch needs to know. It runs in a worker thread or inline; it never throws.
import { createHash } from 'node:crypto';
import { parseSheetBytes, NotASheetError } from '../parse.js';
import { readInputFile, systemReason } from '../input/read-file.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { csvRowsOf } from '../output/csv.js';
import type { Diagnostic } from '../assemble/schema.js';
import type { Extractor } from '../tokenize/extractors.js';

export interface FileTask {
  id: number;
  input: string;
  output: string | null;
  /** A problem found before reading (e.g. a path that does not exist). */
  problem?: string;
}

export interface TaskOptions {
  pretty: boolean;
  provenance: boolean;
  /** Read every text as this kind instead of detecting it. */
  extractor?: Extractor | undefined;
  /** Return the document as one NDJSON line. */
  ndjson: boolean;
  /** Return each table's CSV lines. */
  csv: boolean;
}

export type FileStatus = 'ok' | 'warnings' | 'failed';

export interface FileResult {
  id: number;
  input: string;
  sha256: string | null;
  status: FileStatus;
  diagnostics: Record<Diagnostic['level'], number>;
  output: string | null;
  message?: string;
  ndjson?: string;
  csv?: Record<string, string>;
}

export function failed(task: Pick<FileTask, 'id' | 'input'>, message: string, sha256: string | null = null): FileResult {
  return { id: task.id, input: task.input, sha256, status: 'failed', diagnostics: { error: 0, warning: 0, info: 0 }, output: null, message };
}

export function convertFile(task: FileTask, options: TaskOptions): FileResult {
  if (task.problem) return failed(task, task.problem);
  let bytes: Buffer;
  try {
    bytes = readInputFile(task.input);
  } catch (e) {
    return failed(task, (e as Error).message);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const { sheet, diagnostics } = parseSheetBytes(bytes, { provenance: options.provenance, extractor: options.extractor });
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) counts[d.level]++;
    const json = JSON.stringify(sheet, null, options.pretty ? 2 : undefined);
    if (task.output) {
      try {
        writeFileAtomic(task.output, `${json}\n`);
      } catch (e) {
        return failed(task, `cannot write ${task.output}: ${systemReason(e)}`, sha256);
      }
    }
    // Failed means what `review-parse FILE` exits 1 for: no valid document. A sheet whose
    // diagnostics hold errors (an unreadable year, say) still converted, with warnings.
    const invalid = diagnostics.find((d) => d.level === 'error' && d.code === 'schema');
    const status: FileStatus = invalid ? 'failed' : counts.error + counts.warning > 0 ? 'warnings' : 'ok';
    const result: FileResult = { id: task.id, input: task.input, sha256, status, diagnostics: counts, output: task.output };
    if (invalid) result.message = `the document does not pass the schema: ${invalid.field}: ${invalid.message}`;
    if (options.ndjson) result.ndjson = options.pretty ? JSON.stringify(sheet) : json;
    if (options.csv) result.csv = csvRowsOf(sheet);
    return result;
  } catch (e) {
    if (e instanceof NotASheetError) return failed(task, e.message, sha256);
    return failed(task, `internal error: ${(e as Error).message}`, sha256);
  }
}
