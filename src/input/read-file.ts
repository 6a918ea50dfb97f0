// Stage 1a: a path → its bytes, or one clear sentence on why not. Every command reads through
// here, so a missing path, a folder or an oversized file is said the same way everywhere.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

export class InputError extends Error {}

/** A review sheet's text is tens of kilobytes (the largest seen, ~50 kB); 4 MB is far beyond any
 * sheet and still parses in about two seconds, so anything larger is refused unread. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Why the system would not do it: its code (`EACCES`), or the message when there is none. */
export const systemReason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

export function readInputFile(path: string): Buffer {
  let size: number;
  let regular: boolean;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError('is a folder, not a file');
    size = stat.size;
    regular = stat.isFile();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot be read: ${systemReason(e)}`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`is ${(size / 1024 / 1024).toFixed(0)} MB; a review sheet's text is far smaller, so it is refused unread (limit ${MAX_INPUT_BYTES / 1024 / 1024} MB)`);
  }
  // A pipe (`<(pdftotext …)`) or a device has no size to check first: it is read in pieces,
  // and refused past the limit, rather than read to an end that may never come (/dev/zero).
  if (!regular) return readOpened(path);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot be read: ${systemReason(e)}`);
  }
}

/** Standard input, read in pieces so that an endless or oversized stream is refused, not hoarded. */
export const readStdinBounded = (): Buffer => readBounded(0);

function readBounded(fd: number): Buffer {
  const pieces: Buffer[] = [];
  let total = 0;
  for (const piece of piecesOf(fd)) {
    total += piece.length;
    if (total > MAX_INPUT_BYTES) throw new InputError(`is over ${MAX_INPUT_BYTES / 1024 / 1024} MB; a review sheet's text is far smaller, so it is refused`);
    pieces.push(Buffer.from(piece));
  }
  return Buffer.concat(pieces, total);
}

/** A path opened for reading; what cannot be opened is an InputError. */
function openForReading(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    throw new InputError(`cannot be read: ${systemReason(e)}`);
  }
}

function readOpened(path: string): Buffer {
  const fd = openForReading(path);
  try {
    return readBounded(fd);
  } finally {
    closeSync(fd);
  }
}

/** A descriptor's bytes, 64 KB at a time, until its end. The buffer is reused: copy what you keep. */
function* piecesOf(fd: number): Generator<Buffer> {
  const piece = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, piece, 0, piece.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') return;
      throw new InputError(`cannot be read: ${systemReason(e)}`);
    }
    if (n === 0) return;
    yield piece.subarray(0, n);
  }
}

export interface TextLine {
  /** 1-based. */
  number: number;
  /** The line without its end (`\n`, `\r\n`), or null for one longer than the limit, left unread. */
  text: string | null;
}

/**
 * A file's lines, read in pieces: an NDJSON file of a year's sheets runs to a hundred MB or
 * more, which no one document comes near, so the limit holds for each line, not for the file.
 */
export function* linesOf(path: string, maxLineBytes = MAX_INPUT_BYTES): Generator<TextLine> {
  const fd = openForReading(path);
  try {
    let parts: Buffer[] = [];
    let size = 0;
    let tooLong = false;
    let number = 0;
    const take = (bytes: Buffer) => {
      size += bytes.length;
      if (size > maxLineBytes) tooLong = true;
      if (tooLong) parts = [];
      else parts.push(Buffer.from(bytes));
    };
    const line = (): TextLine => {
      const text = tooLong ? null : Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '');
      [parts, size, tooLong] = [[], 0, false];
      number++;
      return { number, text: number === 1 && text ? text.replace(/^\uFEFF/, '') : text };
    };
    for (const piece of piecesOf(fd)) {
      let start = 0;
      for (let end = piece.indexOf(10); end !== -1; end = piece.indexOf(10, start)) {
        take(piece.subarray(start, end));
        yield line();
        start = end + 1;
      }
      take(piece.subarray(start));
    }
    if (size > 0) yield line();
  } finally {
    closeSync(fd);
  }
}
