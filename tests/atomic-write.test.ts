// Output streams on a disk that fills up: /dev/full stands in for the temporary file of any
// output whose name says so, and fails every write with ENOSPC.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AtomicFileStream, OutputWriteError } from '../src/output/atomic-write.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = (path: string, flags: string) => fs.openSync(String(path).includes('full-disk') ? '/dev/full' : path, flags);
  return { ...fs, openSync, default: { ...fs, openSync } };
});

describe('AtomicFileStream', () => {
  it('rejects a write once the disk is full instead of waiting for a drain that never comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-atomic-'));
    const stream = new AtomicFileStream(join(dir, 'full-disk.ndjson'));
    const big = 'x'.repeat(64 * 1024); // past the stream's buffer, so the write waits for the disk
    let error: unknown = null;
    for (let i = 0; i < 10 && !error; i++) {
      try {
        await stream.write(big);
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe(`${join(dir, 'full-disk.ndjson')} cannot be written: ENOSPC`);
    await expect(stream.commit()).rejects.toThrow(/full-disk\.ndjson cannot be written: ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a file whole under its name once committed, and nothing once abandoned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-atomic-'));
    const kept = new AtomicFileStream(join(dir, 'kept.csv'));
    const dropped = new AtomicFileStream(join(dir, 'dropped.csv'));
    for (const s of [kept, dropped]) await s.write('a,b\r\n');
    expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp'))).toEqual([]);
    await kept.commit();
    await dropped.abandon();
    expect(readdirSync(dir)).toEqual(['kept.csv']);
  });
});
