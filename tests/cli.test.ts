// The built command, as a user runs it (npm test builds dist/ first).
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixture, root, runCli as run } from './helpers.js';
const seed = fixture('h28-soumu-0092.pdfminer.txt');

describe('review-parse CLI', () => {
  it('writes the sheet as JSON to stdout and diagnostics as JSON lines to stderr', () => {
    const r = run([seed]);
    expect(r.status).toBe(0);
    const sheet = JSON.parse(r.stdout);
    expect(sheet.sheet).toEqual({ reviewYear: 2016, ministry: '総務省', projectNumber: '0092' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(JSON.parse(line)).toHaveProperty('code');
  });
  it('reads stdin with -, and --pretty indents', () => {
    const r = run(['-', '--pretty'], readFileSync(seed));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n  "schemaVersion": "1"');
  });
  it('adds input line numbers with --provenance', () => {
    const sheet = JSON.parse(run([seed, '--provenance']).stdout);
    expect(sheet.provenance['sheet.projectNumber']).toEqual([readFileSync(seed, 'utf8').split('\n').findIndex((l) => l.includes('0092')) + 1]);
  });
  it('reads the text as the kind --extractor names, and refuses a kind it does not know', () => {
    const r = run([seed, '--extractor', 'pdftotext']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('"message":"read as pdftotext text"');
    expect(run([seed]).stderr).toContain('"message":"read as pdfminer text"');
    const wrong = run([seed, '--extractor', 'pdfjs']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/'pdfjs' is invalid.*layout, pdfminer, pdftotext, rows/);
  });
  it('exits 1 naming the file for a missing, empty, binary or foreign file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4 binary');
    writeFileSync(join(dir, 'novel.txt'), '吾輩は猫である。名前はまだ無い。\n');
    for (const [file, says] of [['missing.txt', 'no such file'], ['empty.txt', 'empty'], ['scan.pdf', 'PDF'], ['novel.txt', 'not a 行政事業レビューシート']]) {
      const r = run([join(dir, file!)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(says);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(run([dir]).stderr).toContain('folder');
  });
  it('exits 2 on a usage error and 0 for --version', () => {
    expect(run(['--no-such-option']).status).toBe(2);
    expect(run([]).status).toBe(2);
    // Two sheets to the one-sheet command: a usage error that names the command for several.
    const two = run([seed, seed]);
    expect([two.status, two.stdout]).toEqual([2, '']);
    expect(two.stderr).toContain('review-parse batch');
    expect(run(['schema', 'extra']).stderr).not.toContain('review-parse batch');
    const v = run(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
  it('prints the JSON Schema', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).properties).toHaveProperty('recipients');
  });
  it('stops quietly when its reader closes the pipe early (| head)', async () => {
    const child = spawn(join(root, 'bin/review-parse'), [seed, '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it.runIf(existsSync('/dev/zero'))('reads a pipe given as a path, and refuses an endless one past 4 MB instead of reading on', () => {
    // A shell's pipe, as `<(pdftotext …)` gives (Node's own stdin for a child is a socket, which /dev/stdin cannot open).
    const piped = spawnSync('sh', ['-c', `cat "$0" | "$1" /dev/stdin -q`, seed, join(root, 'bin/review-parse')], { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).sheet.projectNumber).toBe('0092');
    const endless = spawnSync(join(root, 'bin/review-parse'), ['/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    expect(endless.status).toBe(1);
    expect(endless.stderr.trim()).toBe("review-parse: /dev/zero: is over 4 MB; a review sheet's text is far smaller, so it is refused");
  }, 30_000);

  it.runIf(existsSync('/dev/full'))('says it cannot write its stdout to a full disk, exiting 1 without a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [[seed, '-q'], ['batch', join(root, 'fixtures', 'corpus'), '--ndjson', '-', '--jobs', '2']]) {
        const r = spawnSync(join(root, 'bin/review-parse'), args, { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('review-parse: cannot write to stdout: ENOSPC');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      closeSync(full);
    }
  }, 60_000);
});
