// The batch's manifest.json: one entry per input, then the counts. It is streamed to disk
// entry by entry, so that the batch holds nothing per file in memory however many files it
// converts, and it appears whole (atomically) once the batch is done, or not at all.
import { AtomicFileStream } from '../output/atomic-write.js';
import type { FileResult, FileStatus } from './convert-file.js';

export interface ManifestEntry {
  input: string;
  sha256: string | null;
  status: FileStatus;
  diagnostics: FileResult['diagnostics'];
  output: string | null;
  message?: string;
}

/** `JSON.stringify(value, null, 2)`, as it reads nested `depth` levels deep. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

export function manifestEntryOf(result: FileResult): ManifestEntry {
  const entry: ManifestEntry = { input: result.input, sha256: result.sha256, status: result.status, diagnostics: result.diagnostics, output: result.output };
  if (result.message) entry.message = result.message;
  return entry;
}

/** Writes what `JSON.stringify({ files, counts }, null, 2)` would, without holding `files`. */
export class ManifestStream {
  private readonly file: AtomicFileStream;
  private entries = 0;

  constructor(readonly path: string) {
    this.file = new AtomicFileStream(path);
  }

  add(entry: ManifestEntry): Promise<void> | void {
    const opening = this.entries++ === 0 ? '{\n  "files": [\n    ' : ',\n    ';
    return this.file.write(opening + indented(entry, 2));
  }

  async commit(counts: Record<FileStatus, number>): Promise<void> {
    const files = this.entries === 0 ? '{\n  "files": [],' : '\n  ],';
    await this.file.write(`${files}\n  "counts": ${indented(counts, 1)}\n}\n`);
    await this.file.commit();
  }

  abandon(): Promise<void> {
    return this.file.abandon();
  }
}
