// `review-parse validate <files|folders|globs>`: JSON documents against the schema and the
// sheet's consistency rules. Exit 0 when clean, 1 when any error (or, with --strict, warning).
import { expandInputs } from '../input/files.js';
import { InputError, MAX_INPUT_BYTES, linesOf, readInputFile } from '../input/read-file.js';
import { validateJsonText, type Finding } from '../validate/validate-document.js';
import { formatGithub, formatHuman, formatJson, type FileFindings, type FindingsFormat } from '../output/findings.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './convert.js';

export interface ValidateOptions {
  format?: FindingsFormat;
  strict?: boolean;
}

const unreadable = (message: string): Finding => ({ level: 'error', code: 'unreadable', path: '', message });

/** How many documents were checked, and how they fared. */
interface Tally {
  documents: number;
  clean: number;
  withWarnings: number;
  withErrors: number;
}

const emptyTally = (): Tally => ({ documents: 0, clean: 0, withWarnings: 0, withErrors: 0 });

function count(tally: Tally, documentFindings: readonly Finding[]): void {
  tally.documents++;
  if (documentFindings.some((f) => f.level === 'error')) tally.withErrors++;
  else if (documentFindings.length) tally.withWarnings++;
  else tally.clean++;
}

interface Checked {
  findings: Finding[];
  tally: Tally;
}

/** NDJSON, one document a line, read line by line: a year's file is far larger than any one document. */
function checkNdjson(path: string): Checked {
  const checked: Checked = { findings: [], tally: emptyTally() };
  for (const { number, text } of linesOf(path)) {
    if (text !== null && !text.trim()) continue;
    const prefix = `line ${number}: `;
    const findings = text === null ? [unreadable(`${prefix}is over ${MAX_INPUT_BYTES / 1024 / 1024} MB, far more than a sheet's document; left unread`)] : validateJsonText(text, prefix);
    count(checked.tally, findings);
    checked.findings.push(...findings);
  }
  return checked.tally.documents ? checked : whole([{ level: 'error', code: 'empty', path: '', message: 'the file is empty' }]);
}

/** A file checked as one document. */
function whole(findings: Finding[]): Checked {
  const tally = emptyTally();
  count(tally, findings);
  return { findings, tally };
}

function check(path: string, problem: string | undefined): Checked {
  if (problem) return whole([unreadable(problem)]);
  try {
    if (/\.ndjson$|\.jsonl$/i.test(path)) return checkNdjson(path);
    return whole(validateJsonText(readInputFile(path).toString('utf8').replace(/^\uFEFF/, '')));
  } catch (e) {
    if (e instanceof InputError) return whole([unreadable(e.message)]);
    throw e;
  }
}

export function validate(inputs: string[], options: ValidateOptions, io: Io): number {
  const files = expandInputs(inputs, { extension: 'json', skipNames: ['manifest.json'] });
  if (!files.length) {
    io.stderr(`review-parse validate: no files match ${inputs.join(' ')}\n`);
    return EXIT.failed;
  }
  const results: FileFindings[] = [];
  const counts = { files: files.length, ...emptyTally() };
  for (const f of files) {
    const { findings, tally } = check(f.path, f.problem);
    results.push({ file: f.path, findings });
    for (const key of ['documents', 'clean', 'withWarnings', 'withErrors'] as const) counts[key] += tally[key];
  }
  const strict = options.strict ?? false;
  const failing = (f: Finding) => f.level === 'error' || strict;
  const format = options.format ?? 'human';
  if (format === 'json') io.stdout(formatJson(results, counts));
  else if (format === 'github') io.stdout(formatGithub(results));
  else {
    io.stdout(formatHuman(results, io.stdoutIsTTY));
    const files = counts.files === counts.documents ? '' : ` in ${counts.files} ${counts.files === 1 ? 'file' : 'files'}`;
    io.stderr(`${counts.documents} ${counts.documents === 1 ? 'document' : 'documents'}${files}: ${counts.clean} clean, ${counts.withWarnings} with warnings, ${counts.withErrors} with errors\n`);
  }
  return results.some((r) => r.findings.some(failing)) ? EXIT.failed : EXIT.ok;
}
