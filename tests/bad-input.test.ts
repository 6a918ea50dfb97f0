// Issue 5's list of bad inputs, one test each, through the built command: a clear one-line
// message naming the file, the right exit code, and never a crash or a stack trace.
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers.js';
import { parseSheetBytes } from '../src/parse.js';

const seedPath = fixture('h28-soumu-0092.pdfminer.txt');
const seedText = readFileSync(seedPath, 'utf8');
let dir: string;
let seedJson: string;

/** Writes `content` to a temporary file and converts it. */
function convert(name: string, content: string | Buffer) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, ...runCli([path]) };
}

function expectOneLineFailure(r: { status: number | null; stdout: string; stderr: string }, name: string, says: RegExp) {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(says);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rp-bad-'));
  seedJson = runCli([seedPath]).stdout;
});

describe('bad input', () => {
  it('an empty file', () => {
    expectOneLineFailure(convert('empty.txt', ''), 'empty.txt', /empty/);
  });
  it('a PDF passed by mistake', () => {
    expectOneLineFailure(convert('sheet.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'), Buffer.alloc(200, 7)])), 'sheet.pdf', /PDF/);
  });
  it('a PNG passed by mistake', () => {
    expectOneLineFailure(convert('scan.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 3)])), 'scan.png', /PNG/);
  });
  it('random text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = Array.from({ length: 5000 }, () => (random() < 0.1 ? '\n' : String.fromCharCode(0x3041 + Math.floor(random() * 0x5000)))).join('');
    expectOneLineFailure(convert('random.txt', text), 'random.txt', /not a 行政事業レビューシート/);
  });
  it('a text that is not a review sheet', () => {
    expectOneLineFailure(convert('novel.txt', '吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。\n'), 'novel.txt', /not a 行政事業レビューシート/);
  });
  it('a sheet cut off halfway: what is there is parsed, the rest is reported', () => {
    const r = convert('half.txt', seedText.slice(0, Math.floor(seedText.length / 2)));
    expect(r.status).toBe(0);
    const sheet = JSON.parse(r.stdout);
    expect(sheet.sheet).toEqual({ reviewYear: 2016, ministry: '総務省', projectNumber: '0092' });
    expect(sheet.project.name).toBe(JSON.parse(seedJson).project.name);
    expect(sheet.recipients).toEqual([]);
    expect(sheet.diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', code: 'cut-off' }));
  });
  it('Shift_JIS (CP932) text parses exactly like UTF-8', () => {
    const r = runCli([fixture('encodings/h28-soumu-0092.cp932.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(seedJson);
  });
  it('EUC-JP text parses exactly like UTF-8', () => {
    const r = runCli([fixture('encodings/h28-soumu-0092.eucjp.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(seedJson);
  });
  it('UTF-16 with a byte-order mark parses exactly like UTF-8', () => {
    const le = convert('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
    expect(le.stdout).toBe(seedJson);
    const be = Buffer.from(seedText, 'utf16le').swap16();
    expect(convert('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])).stdout).toBe(seedJson);
  });
  it('a UTF-8 BOM, CRLF, CR or doubled CR line ends and NUL bytes change nothing', () => {
    expect(convert('bom.txt', `\uFEFF${seedText}`).stdout).toBe(seedJson);
    expect(convert('crlf.txt', seedText.replace(/\n/g, '\r\n')).stdout).toBe(seedJson);
    expect(convert('cr.txt', seedText.replace(/\n/g, '\r')).stdout).toBe(seedJson);
    // A CRLF file converted to CRLF again: CR CR LF ends every line, and is one line end.
    expect(convert('crcrlf.txt', seedText.replace(/\n/g, '\r\r\n')).stdout).toBe(seedJson);
    expect(convert('nul.txt', seedText.replace(/。/g, '。\u0000')).stdout).toBe(seedJson);
  });
  it('no-break and thin spaces read as spaces', () => {
    expect(convert('nbsp.txt', seedText.replace(/ /g, '\u00A0')).stdout).toBe(seedJson);
    expect(convert('thin.txt', seedText.replace(/ /g, '\u2009')).stdout).toBe(seedJson);
  });
  it('tabs in -layout text stand for the spaces to the next stop of eight, which keeps its columns', () => {
    // What `unexpand -a` does, counting characters: runs of spaces that end at a stop become a tab.
    const unexpand = (line: string) => (line.match(/.{1,8}/gu) ?? []).map((chunk) => (chunk.length === 8 && chunk.endsWith('  ') ? chunk.replace(/ +$/, '\t') : chunk)).join('');
    for (const name of ['2015_内閣府_0136', '2016_外務省_0025']) {
      const text = readFileSync(fixture(`corpus/${name}.layout.txt`), 'utf8');
      const tabbed = text.split('\n').map(unexpand).join('\n');
      expect(tabbed).toContain('\t');
      expect(parseSheetBytes(Buffer.from(tabbed)).sheet, name).toEqual(parseSheetBytes(Buffer.from(text)).sheet);
    }
  });
  it('a 100 MB file is refused unread, in bounded time and memory', () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, seedText);
    truncateSync(path, 100 * 1024 * 1024);
    expectOneLineFailure(runCli([path]), 'huge.txt', /100 MB.*refused/);
  });
  it('a missing path, a folder, an unreadable file', () => {
    expectOneLineFailure(runCli([join(dir, 'missing.txt')]), 'missing.txt', /no such file/);
    expectOneLineFailure(runCli([dir]), dir, /folder/);
    // root reads any file whatever its mode; Linux's /proc/self/mem refuses a plain read to all.
    const unreadable = process.getuid?.() === 0 ? '/proc/self/mem' : join(dir, 'locked.txt');
    if (unreadable !== '/proc/self/mem') {
      writeFileSync(unreadable, seedText);
      chmodSync(unreadable, 0o000);
    } else if (!existsSync(unreadable)) return;
    expectOneLineFailure(runCli([unreadable]), unreadable, /cannot be read/);
  });
  it('an output folder that cannot be written (batch)', () => {
    const blocker = join(dir, 'plain-file');
    writeFileSync(blocker, '');
    const r = runCli(['batch', seedPath, '--out', join(blocker, 'json')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/plain-file\/json cannot be written/)]);
  });
});
