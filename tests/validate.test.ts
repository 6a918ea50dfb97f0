// `review-parse validate`, through the built command.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers.js';

let dir: string;
const expected = () => JSON.parse(readFileSync(fixture('h28-soumu-0092.expected.json'), 'utf8'));

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rp-validate-'));
});

describe('review-parse validate', () => {
  it('passes a clean document with exit 0', () => {
    const r = runCli(['validate', write('clean.json', expected())]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 document: 1 clean');
  });
  it('reports schema errors with the file and JSON path, exit 1', () => {
    const doc = expected();
    doc.budget.years[1].total = '108';
    delete doc.project.name;
    const path = write('broken.json', doc);
    const r = runCli(['validate', path]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${path} error +budget\\.years\\[1\\]\\.total .*\\[schema\\]`));
    expect(r.stdout).toMatch(/project\.name/);
  });
  it('reports consistency warnings; exit 0, or 1 with --strict', () => {
    const doc = expected();
    doc.recipients[0].amount = 108_000_000;
    const path = write('slip.json', doc);
    const r = runCli(['validate', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/warning +recipients\[0\]\.amount .*10⁶× .*\[unit-slip\]/);
    expect(runCli(['validate', '--strict', path]).status).toBe(1);
  });
  it('gives a machine report with --format json and annotations with --format github', () => {
    const doc = expected();
    doc.recipients[0].corporateNumber = '8010001008844';
    const path = write('digit.json', doc);
    const report = JSON.parse(runCli(['validate', '--format', 'json', path]).stdout);
    expect(report.files[0].file).toBe(path);
    expect(report.files[0].findings).toEqual([expect.objectContaining({ level: 'warning', code: 'corporate-number-check-digit', path: 'recipients[0].corporateNumber' })]);
    expect(report.counts).toMatchObject({ files: 1, withWarnings: 1 });
    const github = runCli(['validate', '--format', 'github', path]).stdout.trim().split('\n');
    expect(github).toEqual([expect.stringMatching(/^::warning file=.*digit\.json,title=review-parse corporate-number-check-digit::recipients\[0\]\.corporateNumber: /)]);
  });
  it('walks folders for .json, leaving out batch manifests, and reads NDJSON line by line', () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'sub', 'a.json'), JSON.stringify(expected()));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ files: [] }));
    const r = runCli(['validate', folder]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 document:');
    const ndjson = write('all.ndjson', `${JSON.stringify(expected())}\n{"schemaVersion":"1"}\n`);
    const n = runCli(['validate', ndjson]);
    expect(n.status).toBe(1);
    expect(n.stdout).toContain('line 2: sheet');
    expect(n.stdout).not.toContain('line 1:');
    expect(n.stderr).toContain('2 documents in 1 file: 1 clean, 0 with warnings, 1 with errors');
  });
  it('reads NDJSON far over the 4 MB a document may take, line by line; a line over it is reported and skipped', () => {
    const line = JSON.stringify(expected());
    const copies = Math.ceil((5 * 1024 * 1024) / line.length);
    const huge = `{"note":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    const path = write('year.ndjson', `${Array(copies).fill(line).join('\r\n')}\r\n${huge}\n${line}\n`);
    const r = runCli(['validate', path]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`line ${copies + 1}: is over 4 MB.*\\[unreadable\\]$`))]);
    expect(r.stderr).toContain(`${copies + 2} documents in 1 file: ${copies + 1} clean, 0 with warnings, 1 with errors`);
  });
  it('fails clearly on text that is not JSON, a missing file, and a bad --format', () => {
    const r = runCli(['validate', write('not.json', '{"schemaVersion": '), join(dir, 'missing.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/not\.json error .*not JSON/);
    expect(r.stdout).toMatch(/missing\.json error .*no such file/);
    expect(runCli(['validate', '--format', 'xml', join(dir, 'clean.json')]).status).toBe(2);
  });
});
