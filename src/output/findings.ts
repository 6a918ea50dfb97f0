// Validation findings for people (coloured on a terminal), for programs (JSON) and for GitHub
// Actions (workflow annotations).
import { Chalk } from 'chalk';
import type { Finding } from '../validate/validate-document.js';

export type FindingsFormat = 'human' | 'json' | 'github';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

export function formatHuman(files: readonly FileFindings[], color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const paint = { error: chalk.red.bold, warning: chalk.yellow } as const;
  return files
    .flatMap(({ file, findings }) => findings.map((f) => `${chalk.bold(file)} ${paint[f.level](f.level.padEnd(7))} ${chalk.cyan(f.path || '-')} ${f.message} ${chalk.dim(`[${f.code}]`)}`))
    .map((line) => `${line}\n`)
    .join('');
}

export function formatJson(files: readonly FileFindings[], counts: Record<string, number>): string {
  return `${JSON.stringify({ files, counts }, null, 2)}\n`;
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(files: readonly FileFindings[]): string {
  return files
    .flatMap(({ file, findings }) => findings.map((f) => `::${f.level} file=${escapeProperty(file)},title=${escapeProperty(`review-parse ${f.code}`)}::${escapeData(`${f.path ? `${f.path}: ` : ''}${f.message}`)}\n`))
    .join('');
}
