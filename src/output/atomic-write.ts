// Output files are written whole or not at all: into a temporary file beside the target, then
// renamed over it. A crash or a full disk leaves the old file (or none), never half a document.
import { createWriteStream, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { systemReason } from '../input/read-file.js';

function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

/**
 * A device or a pipe (`--ndjson /dev/null`, `/dev/stdout`, a FIFO) is written to as it is: a
 * file renamed over it would replace it (run as root, /dev/null became a plain file), and what
 * it passes on was never a file to be left half written.
 */
function isSpecial(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

export function writeFileAtomic(path: string, data: string): void {
  if (isSpecial(path)) return writeFileSync(path, data);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * The temporary files of streams neither committed nor abandoned. A process that ends first (the
 * CLI exits at once when a reader closes its stdout, `| head`) removes them as it exits.
 */
const unfinished = new Set<string>();
let removesUnfinishedOnExit = false;

function removeOnExit(path: string): void {
  if (!removesUnfinishedOnExit) {
    process.on('exit', () => { for (const p of unfinished) rmSync(p, { force: true }); });
    removesUnfinishedOnExit = true;
  }
  unfinished.add(path);
}

/** A stream's file that cannot be written, named, with the system's reason (`ENOSPC`). */
export class OutputWriteError extends Error {
  constructor(readonly path: string, cause: unknown) {
    super(`${path} cannot be written: ${systemReason(cause)}`);
  }
}

/**
 * A file written as a stream (NDJSON, CSV) that appears under its name only when complete. Its
 * temporary file is opened at once, so that a path that cannot be written fails before a batch
 * converts anything, not when it ends.
 */
export class AtomicFileStream {
  private readonly temporary: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  /** A device or a pipe, written to directly (isSpecial). */
  private readonly direct: boolean;

  constructor(readonly path: string) {
    this.direct = isSpecial(path);
    this.temporary = this.direct ? path : temporaryPathFor(path);
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(this.temporary, 'w');
    } catch (e) {
      throw new OutputWriteError(path, e);
    }
    if (!this.direct) removeOnExit(this.temporary);
    this.stream = createWriteStream(this.temporary, { fd });
    this.stream.on('error', (e) => { this.failure = e; });
  }

  /**
   * Resolves when the stream can take more, so that a slow disk holds the batch back; rejects
   * once the file cannot be written (a full disk), which would otherwise never drain.
   */
  write(text: string): Promise<void> | void {
    if (this.failure) return Promise.reject(new OutputWriteError(this.path, this.failure));
    if (this.stream.write(text)) return;
    return new Promise((resolve, reject) => {
      const settle = () => {
        this.stream.off('drain', settle).off('close', settle);
        if (this.failure) reject(new OutputWriteError(this.path, this.failure));
        else resolve();
      };
      this.stream.on('drain', settle).on('close', settle);
    });
  }

  async commit(): Promise<void> {
    await this.end();
    if (this.failure) {
      this.removeTemporary();
      throw new OutputWriteError(this.path, this.failure);
    }
    if (this.direct) return;
    renameSync(this.temporary, this.path);
    unfinished.delete(this.temporary);
  }

  async abandon(): Promise<void> {
    await this.end();
    this.removeTemporary();
  }

  /** Flushes and closes the file; a stream an error destroyed is closed already. */
  private end(): Promise<void> {
    if (this.stream.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }

  private removeTemporary(): void {
    if (this.direct) return;
    rmSync(this.temporary, { force: true });
    unfinished.delete(this.temporary);
  }
}
