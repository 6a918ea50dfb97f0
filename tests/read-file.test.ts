// Reading files line by line (validate's NDJSON): pieces of 64 KB, lines of any length up to a limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesOf } from '../src/input/read-file.js';

const fileOf = (content: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'rp-lines-')), 'lines.ndjson');
  writeFileSync(path, content);
  return path;
};

describe('linesOf', () => {
  it('keeps a character whole where a 64 KB piece ends inside it, and drops the BOM and CR line ends', () => {
    // 予 is three bytes in UTF-8: after the BOM's three and 65,532 more, it spans the first piece's end (65,536).
    const first = `${'a'.repeat(65532)}予算`;
    const path = fileOf(`\uFEFF${first}\r\nsecond\n\nlast`);
    expect([...linesOf(path)]).toEqual([
      { number: 1, text: first },
      { number: 2, text: 'second' },
      { number: 3, text: '' },
      { number: 4, text: 'last' },
    ]);
  });

  it('gives null for a line past the limit, without reading it into memory, and goes on', () => {
    const path = fileOf(`short\n${'x'.repeat(200_000)}\nafter\n`);
    expect([...linesOf(path, 100_000)]).toEqual([
      { number: 1, text: 'short' },
      { number: 2, text: null },
      { number: 3, text: 'after' },
    ]);
  });
});
