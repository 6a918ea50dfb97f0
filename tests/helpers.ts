import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../src/tokenize/document.js';
import type { Extractor } from '../src/tokenize/extractors.js';
import { tokenize } from '../src/tokenize/labels.js';
import { MatchContext } from '../src/match/context.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
/** The shared scorer, beside the repository when it is there. */
export const sharedScorerPath = fileURLToPath(new URL('../../shared/tools/score.mjs', import.meta.url));
/** The copy the tests run, so that the floors hold in CI too. */
export const scorerPath = fileURLToPath(new URL('./support/score.mjs', import.meta.url));

/** A matcher context over a snippet written in a test. */
export function contextOf(text: string, extractor: Extractor = 'pdfminer'): MatchContext {
  return new MatchContext(tokenize(buildDocument(text, extractor)));
}

/** A line of layout text: each cell's text at its column (`line([5, '1'], [11, '名前'])`). */
export const layoutLine = (...cells: Array<[number, string]>) => cells.reduce((l, [col, text]) => l.padEnd(col) + text, '');

/** The built command, as a user runs it (npm test builds dist/ first). */
export function runCli(args: string[], input?: Buffer | string, cwd?: string) {
  // NDJSON of every fixture runs to megabytes: past spawnSync's 1 MB default the child is killed.
  return spawnSync(join(root, 'bin/review-parse'), args, { input, cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
}
