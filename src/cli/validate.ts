// `review-parse validate <files|folders|globs>`: JSON documents against the schema and the
// sheet's consistency rules. Exit 0 when clean, 1 when any error (or, with --strict, warning).
import { expandInputs } from '../input/files.js';
import { readInputFile } from '../input/read-file.js';
import { validateText, type Finding } from '../validate/validate-document.js';
import { formatGithub, formatHuman, formatJson, type FileFindings, type FindingsFormat } from '../output/findings.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './convert.js';

export interface ValidateOptions {
  format?: FindingsFormat;
  strict?: boolean;
}

function findingsOf(path: string, problem: string | undefined): Finding[] {
  if (problem) return [{ level: 'error', code: 'unreadable', path: '', message: problem }];
  let text: string;
  try {
    text = readInputFile(path).toString('utf8');
  } catch (e) {
    return [{ level: 'error', code: 'unreadable', path: '', message: (e as Error).message }];
  }
  return validateText(text.replace(/^\uFEFF/, ''), /\.ndjson$|\.jsonl$/i.test(path));
}

export function validate(inputs: string[], options: ValidateOptions, io: Io): number {
  const files = expandInputs(inputs, { extension: 'json', skipNames: ['manifest.json'] });
  if (!files.length) {
    io.stderr(`review-parse validate: no files match ${inputs.join(' ')}\n`);
    return EXIT.failed;
  }
  const results: FileFindings[] = files.map((f) => ({ file: f.path, findings: findingsOf(f.path, f.problem) }));
  const strict = options.strict ?? false;
  const failing = (f: Finding) => f.level === 'error' || strict;
  const counts = {
    files: results.length,
    clean: results.filter((r) => !r.findings.length).length,
    withWarnings: results.filter((r) => r.findings.length && !r.findings.some((f) => f.level === 'error')).length,
    withErrors: results.filter((r) => r.findings.some((f) => f.level === 'error')).length,
  };
  const format = options.format ?? 'human';
  if (format === 'json') io.stdout(formatJson(results, counts));
  else if (format === 'github') io.stdout(formatGithub(results));
  else {
    io.stdout(formatHuman(results, io.stdoutIsTTY));
    io.stderr(`${counts.files} documents: ${counts.clean} clean, ${counts.withWarnings} with warnings, ${counts.withErrors} with errors\n`);
  }
  return results.some((r) => r.findings.some(failing)) ? EXIT.failed : EXIT.ok;
}
