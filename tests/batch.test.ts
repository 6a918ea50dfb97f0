// `review-parse batch`, through the built command.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli } from './helpers.js';

/** Runs the built command, sends it `signal` once `ready()` holds, and resolves with its exit code and stderr. */
function interruptCli(args: string[], ready: () => boolean, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'bin/review-parse'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      child.kill(signal);
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
  });
}

interface Manifest {
  files: Array<{ input: string; sha256: string | null; status: string; output: string | null; message?: string; diagnostics: Record<string, number> }>;
  counts: Record<string, number>;
}

const allFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));

describe('review-parse batch', () => {
  let sheets: string;
  beforeAll(() => {
    // The fixtures (more texts than one worker chunk) plus two bad files in a subfolder.
    sheets = mkdtempSync(join(tmpdir(), 'rp-batch-'));
    cpSync(join(root, 'fixtures'), join(sheets, 'in'), { recursive: true, filter: (src) => !src.endsWith('.json') && !src.endsWith('.md') });
    mkdirSync(join(sheets, 'in', 'bad'));
    writeFileSync(join(sheets, 'in', 'bad', 'empty.txt'), '');
    writeFileSync(join(sheets, 'in', 'bad', 'scan.txt'), Buffer.from('%PDF-1.7\n\u0000\u0001\u0002binary'));
  });

  it('mirrors the inputs under --out, skips the bad files, and exits 1 because some failed', () => {
    const out = join(sheets, 'out');
    const r = runCli(['batch', join(sheets, 'in'), '--out', out, '--jobs', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: .*empty/);
    expect(r.stderr).toMatch(/scan\.txt: .*PDF/);
    const total = allFiles(join(sheets, 'in')).filter((f) => f.endsWith('.txt')).length;
    expect(r.stderr).toMatch(new RegExp(`${total} sheets, \\d+ converted, \\d+ converted with warnings, 2 failed`));
    const seedOut = join(out, 'h28-soumu-0092.pdfminer.json');
    expect(JSON.parse(readFileSync(seedOut, 'utf8')).sheet.projectNumber).toBe('0092');
    expect(existsSync(join(out, 'corpus', '2016_総務省_0039.layout.json'))).toBe(true);
    expect(existsSync(join(out, 'bad', 'empty.json'))).toBe(false);
    expect(allFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files).toHaveLength(total);
    expect(manifest.counts.failed).toBe(2);
    const seed = manifest.files.find((f) => f.input.endsWith('h28-soumu-0092.pdfminer.txt'))!;
    expect(seed.sha256).toBe(createHash('sha256').update(readFileSync(seed.input)).digest('hex'));
    expect(seed.output).toBe(seedOut);
    expect(manifest.files.find((f) => f.input.endsWith('scan.txt'))).toMatchObject({ status: 'failed', output: null });
    // Streamed entry by entry, it still reads as JSON.stringify(..., null, 2) would write it.
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('applies its own --pretty and --provenance, which the program once took for itself', () => {
    const out = join(sheets, 'out-pretty');
    const r = runCli(['batch', join(sheets, 'in', 'h28-soumu-0092.pdfminer.txt'), '--out', out, '--pretty', '--provenance', '--jobs', '1']);
    expect(r.status).toBe(0);
    const written = readFileSync(join(out, 'h28-soumu-0092.pdfminer.json'), 'utf8');
    expect(written.startsWith('{\n  "schemaVersion": "1",')).toBe(true);
    expect(JSON.parse(written).provenance['sheet.projectNumber']).toHaveLength(1);
  });

  it('reads every input as the kind --extractor names, in the worker threads too', () => {
    const seed = join(sheets, 'in', 'h28-soumu-0092.pdfminer.txt');
    for (const jobs of ['1', '2']) {
      const r = runCli(['batch', seed, join(sheets, 'in', 'corpus', '2015_内閣府_0136.pdftotext.txt'), '--ndjson', '-', '--extractor', 'pdftotext', '--jobs', jobs]);
      expect(r.status).toBe(0);
      const kinds = r.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { diagnostics: Array<{ code: string; message: string }> }).diagnostics.find((d) => d.code === 'extractor')?.message);
      expect(kinds).toEqual(['read as pdftotext text', 'read as pdftotext text']);
    }
  });

  it('refuses an output that would overwrite an input, another output or the manifest, and converts the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-clash-'));
    const seed = readFileSync(join(root, 'fixtures', 'h28-soumu-0092.pdfminer.txt'));
    for (const name of ['one/x.txt', 'two/x.txt', 'manifest.txt', 'self/s.txt']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), seed);
    }
    writeFileSync(join(dir, 'self', 's.json'), '{}');
    const out = join(dir, 'out');
    const r = runCli(['batch', join(dir, 'one'), join(dir, 'two'), join(dir, 'manifest.txt'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`its output ${join(out, 'x.json')} would overwrite the output of ${join(dir, 'one', 'x.txt')}`);
    expect(r.stderr).toContain(`its output ${join(out, 'manifest.json')} would overwrite the manifest`);
    expect(r.stderr).toMatch(/3 sheets, 0 converted, 1 converted with warnings, 2 failed/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files.map((f) => f.status)).toEqual(['failed', 'warnings', 'failed']);

    const self = runCli(['batch', `${join(dir, 'self')}/*`, '--out', join(dir, 'self')]);
    expect(self.stderr).toContain(`would overwrite ${join(dir, 'self', 's.json')}`);
    expect(readFileSync(join(dir, 'self', 's.json'), 'utf8')).toBe('{}');
  });

  it.each([['SIGINT', 1, 130], ['SIGTERM', 2, 143]] as const)('stops on %s (--jobs %i) exiting %i, keeping the JSON written and leaving no partial manifest, NDJSON or CSV', async (signal, jobs, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-stop-'));
    const [out, ndjson, csv] = [join(dir, 'out'), join(dir, 'all.ndjson'), join(dir, 'csv')];
    const someWritten = () => existsSync(out) && allFiles(out).some((f) => f.endsWith('.json'));
    const r = await interruptCli(['batch', join(sheets, 'in'), '--out', out, '--ndjson', ndjson, '--csv', csv, '--jobs', String(jobs)], someWritten, signal);
    expect(r.code).toBe(code);
    const total = allFiles(join(sheets, 'in')).filter((f) => f.endsWith('.txt')).length;
    const done = Number(new RegExp(`interrupted by ${signal} after (\\d+) of ${total} sheets`).exec(r.stderr)?.[1]);
    expect(done).toBeLessThan(total);
    expect(r.stderr).toContain(`not written: manifest.json, ${ndjson}, the CSV tables`);
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect([existsSync(join(out, 'manifest.json')), existsSync(ndjson), readdirSync(csv)]).toEqual([false, false, []]);
    const written = allFiles(out).filter((f) => f.endsWith('.json'));
    expect(written.length).toBeGreaterThanOrEqual(done - 2); // the two bad files, first in path order, write none
    for (const f of written) expect(JSON.parse(readFileSync(f, 'utf8')).sheet).toBeDefined();
  }, 60_000);

  it('leaves no temporary file when the reader of its NDJSON closes the pipe early (`| head`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-pipe-'));
    const child = spawn(join(root, 'bin/review-parse'), ['batch', join(sheets, 'in'), '--out', join(dir, 'out'), '--csv', join(dir, 'csv'), '--ndjson', '-', '--jobs', '2'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false); // it stopped early
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('writes --ndjson into a pipe (a FIFO, /dev/stdout, /dev/null) as it is, never replacing it with a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-fifo-'));
    const fifo = join(dir, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to check
    const reader = spawn('sh', ['-c', 'cat "$0" | wc -l', fifo], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let lines = '';
    reader.stdout.on('data', (d: Buffer) => (lines += d.toString()));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const r = runCli(['batch', join(root, 'fixtures', 'corpus', '2016_総務省_0039.layout.txt'), '--ndjson', fifo]);
    const stillAPipe = statSync(fifo).isFIFO();
    if (!stillAPipe) process.kill(-reader.pid!); // replaced by a file, the pipe never gets its writer: stop sh and cat
    await readerDone;
    expect(r.status).toBe(0);
    expect(stillAPipe).toBe(true);
    expect(lines.trim()).toBe('1');
    expect(readdirSync(dir)).toEqual(['fifo']);
  }, 60_000);

  it('converts a file reached by several paths once: a link back up the tree, a link to it, the file named again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-links-'));
    mkdirSync(join(dir, 'a'));
    cpSync(join(root, 'fixtures', 'h28-soumu-0092.pdfminer.txt'), join(dir, 'a', 's.txt'));
    symlinkSync('..', join(dir, 'a', 'up'));
    symlinkSync(join(dir, 'a', 's.txt'), join(dir, 'a', 't.txt'));
    const r = runCli(['batch', dir, join(dir, 'a', 'up', 'a', 's.txt'), '--out', join(dir, 'out')]);
    expect(r.stderr).toMatch(/^1 sheets, /);
    expect(allFiles(join(dir, 'out')).sort()).toEqual([join(dir, 'out', 'a'), join(dir, 'out', 'a', 's.json'), join(dir, 'out', 'manifest.json')]);
  });

  it('gives byte-identical NDJSON in input order whatever the number of workers', () => {
    const one = runCli(['batch', `${join(sheets, 'in')}/**/*.txt`, '--ndjson', '-', '--jobs', '1']);
    const two = runCli(['batch', `${join(sheets, 'in')}/**/*.txt`, '--ndjson', '-', '--jobs', '2']);
    const good = allFiles(join(sheets, 'in')).filter((f) => f.endsWith('.txt') && !f.includes('bad')).length;
    expect(good).toBeGreaterThan(16); // more than one chunk, so that two workers share the work
    // Exit 1 for the two bad files; a child killed mid-output would have no status at all.
    expect([one.status, two.status]).toEqual([1, 1]);
    expect(one.stdout.split('\n').filter(Boolean)).toHaveLength(good);
    expect(two.stdout).toBe(one.stdout);
    const keys = one.stdout.trim().split('\n').map((l) => JSON.parse(l).sheet.projectNumber);
    expect(keys).toContain('0092');
  });

  it('converts in a worker the largest text it accepts, whatever the workers\' heap limits', () => {
    // 17 files, one worker chunk and more, so that workers parse them; one just under the 4 MB limit.
    const dir = mkdtempSync(join(tmpdir(), 'rp-batch-big-'));
    const sheet = readFileSync(join(root, 'fixtures', 'corpus', '2015_厚生労働省_0471.pdftotext.txt'), 'utf8');
    const copies = Math.floor((4 * 1024 * 1024 - 1024) / Buffer.byteLength(`${sheet}\n`));
    writeFileSync(join(dir, 'big.txt'), Array(copies).fill(sheet).join('\n'));
    for (let i = 0; i < 16; i++) writeFileSync(join(dir, `small-${String(i).padStart(2, '0')}.txt`), sheet);
    const r = runCli(['batch', dir, '--out', join(dir, 'out'), '--jobs', '2']);
    expect(r.stderr).toMatch(/17 sheets, \d+ converted, \d+ converted with warnings, 0 failed/);
    expect(existsSync(join(dir, 'out', 'big.json'))).toBe(true);
  }, 60_000);
  it('writes CSV tables with a BOM that join on the sheet key', () => {
    const csv = join(sheets, 'csv');
    const r = runCli(['batch', join(sheets, 'in', 'h28-soumu-0092.pdfminer.txt'), '--csv', csv]);
    expect(r.status).toBe(0);
    expect(readdirSync(csv).sort()).toEqual(['budget_years.csv', 'debt_contracts.csv', 'expenses.csv', 'fund_flow.csv', 'outcomes.csv', 'outputs.csv', 'recipients.csv', 'self_check.csv', 'sheets.csv']);
    const budget = readFileSync(join(csv, 'budget_years.csv'), 'utf8');
    expect(budget.startsWith('\uFEFFreviewYear,ministry,projectNumber,fiscalYear,')).toBe(true);
    const rows = budget.trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.startsWith('2016,総務省,0092,')).toBe(true);
  });

  it('refuses an output folder it cannot write, naming it, and writes nothing', () => {
    // A folder below a plain file cannot be made, whoever runs the test (root ignores modes).
    const blocker = join(sheets, 'a-file');
    writeFileSync(blocker, '');
    const out = join(blocker, 'out');
    const r = runCli(['batch', join(sheets, 'in'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toContain('cannot be written');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // An NDJSON file there is refused as plainly, before any sheet is converted, its name given.
    const ndjson = join(blocker, 'all.ndjson');
    const n = runCli(['batch', join(sheets, 'in'), '--ndjson', ndjson, '--csv', join(sheets, 'csv-unused')]);
    expect(n.status).toBe(1);
    expect(n.stderr.trim()).toMatch(new RegExp(`^review-parse batch: ${ndjson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be written: E[A-Z]+$`));
    expect(allFiles(join(sheets, 'csv-unused'))).toEqual([]);
  });

  it('says what is missing: no output option is a usage error, no matching file a failure', () => {
    expect(runCli(['batch', join(sheets, 'in')]).status).toBe(2);
    const none = runCli(['batch', join(sheets, 'nothing', '*.txt'), '--ndjson', '-']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no files match');
  });
});
