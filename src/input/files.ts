// Which files a command works on: globs (fast-glob), folders (every file of the kind below
// them) and plain paths, each with the path relative to where it was found, so that batch's
// --out can mirror it.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import fg from 'fast-glob';

export interface BatchInput {
  /** The path as found (relative to the working folder when the pattern was). */
  path: string;
  /** Where it goes under --out: its path below the folder or the glob's fixed part. */
  relative: string;
  /** Set when a plain path given on the command line cannot be converted at all. */
  problem?: string;
}

/** The fixed folder a glob starts from: `sheets/2016/**\/*.txt` → `sheets/2016`. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (part && fg.isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join('/') || '.';
}

export interface ExpandOptions {
  /** What a folder stands for: its files with this extension, at any depth. */
  extension: string;
  /** File names a folder never stands for (the batch's own manifest.json). */
  skipNames?: readonly string[];
}

function expandOne(arg: string, options: ExpandOptions): BatchInput[] {
  let isFolder = false;
  try {
    isFolder = statSync(arg).isDirectory();
  } catch {
    if (!fg.isDynamicPattern(arg)) return [{ path: arg, relative: basename(arg), problem: 'no such file' }];
  }
  if (isFolder) {
    const ignore = (options.skipNames ?? []).map((name) => `**/${name}`);
    return fg.sync(`${fg.convertPathToPattern(arg)}/**/*.${options.extension}`, { onlyFiles: true, ignore }).map((path) => ({ path, relative: relative(arg, path) }));
  }
  if (!fg.isDynamicPattern(arg)) return [{ path: arg, relative: basename(arg) }];
  const base = staticBase(arg);
  return fg.sync(arg, { onlyFiles: true }).map((path) => ({ path, relative: relative(base, path) }));
}

/** The file a path leads to, through symbolic links; the path itself when it leads nowhere. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * All inputs, each file once, in path order: the order of the batch's outputs. A file reached
 * by several paths (two arguments, a symbolic link, a link back up the tree that fast-glob
 * follows round and round) is kept under the first of them.
 */
export function expandInputs(args: readonly string[], options: ExpandOptions = { extension: 'txt' }): BatchInput[] {
  const all = args.flatMap((arg) => expandOne(arg, options)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  return all.filter((input) => {
    const key = realPathOf(input.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `2016/soumu-0092.pdfminer.txt` → `OUT/2016/soumu-0092.pdfminer.json`. */
export function outputPathFor(outDir: string, input: BatchInput): string {
  const rel = input.relative.replace(/\.txt$/i, '') + '.json';
  return join(outDir, dirname(rel), basename(rel));
}
