// The library's one entry point: text in, { sheet, diagnostics } out. Each stage is a folder:
// input → tokenize → match → assemble. What a sheet lacks or gets wrong is a diagnostic; only a
// text that is no review sheet at all throws (NotASheetError; safeParseSheet returns it
// instead), and a wrong argument (TypeError), which is the caller's bug, said once, plainly.
import { z } from 'zod';
import type { Diagnostic, ReviewSheet } from './assemble/schema.js';
import { assemble } from './assemble/assemble.js';
import { consistencyFindings } from './assemble/checks.js';
import { decode, normalizeText } from './input/decode.js';
import { buildDocument } from './tokenize/document.js';
import { EXTRACTORS, EXTRACTOR_NAMES, type Extractor } from './tokenize/extractors.js';
import { tokenize } from './tokenize/labels.js';
import { MatchContext } from './match/context.js';
import { matchAll } from './match/index.js';

const parseOptionsSchema = z
  .object({
    /** Add, for every value, the input lines it came from (JSON path → 1-based line numbers). */
    provenance: z.boolean().optional(),
    /** Which extractor produced the text; detected when absent. */
    extractor: z.enum(EXTRACTORS).optional(),
  })
  .strict();

export type ParseOptions = z.infer<typeof parseOptionsSchema>;

/** The options, checked once per call: a misspelt key or a wrong value is a TypeError naming it. */
function checkOptions(options: unknown): ParseOptions {
  const checked = parseOptionsSchema.safeParse(options ?? {});
  if (checked.success) return checked.data;
  const problems = checked.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new TypeError(`review-parse options: ${problems.join('; ')}`);
}

const kindOf = (value: unknown) => (value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value);

export interface ParseResult {
  sheet: ReviewSheet;
  diagnostics: Diagnostic[];
  /** The extractor the text was read as. */
  extractor: Extractor;
}

export class NotASheetError extends Error {
  constructor(readonly code: 'empty' | 'binary' | 'not-a-sheet', message: string) {
    super(message);
    this.name = 'NotASheetError';
  }
}

/** How many template labels a text must show before it is taken for a review sheet. */
const MIN_LABELS = 5;

export function parseSheet(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') throw new TypeError(`parseSheet takes the sheet's text as a string, not ${kindOf(text)}; bytes go to parseSheetBytes`);
  options = checkOptions(options);
  const doc = buildDocument(normalizeText(text), options.extractor);
  const sheet = tokenize(doc);
  const labelled = new Set(sheet.tokens.flatMap((t) => t.labels));
  if (labelled.size < MIN_LABELS) {
    throw new NotASheetError('not-a-sheet', `this text is not a 行政事業レビューシート: only ${labelled.size} of the template's labels were found`);
  }
  const ctx = new MatchContext(sheet);
  ctx.report('info', 'extractor', null, `read as ${EXTRACTOR_NAMES[doc.extractor]}`);
  const sections = matchAll(ctx);
  ctx.diagnostics.push(...consistencyFindings(sections));
  const result = assemble(sections, ctx.diagnostics, { provenance: options.provenance ? ctx.provenance : undefined });
  return { sheet: result, diagnostics: result.diagnostics, extractor: doc.extractor };
}

/** Bytes from a file or stdin: decoded (UTF-8, UTF-16, Shift_JIS, EUC-JP) before parsing. */
export function parseSheetBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`parseSheetBytes takes the file's bytes (a Buffer or Uint8Array), not ${kindOf(bytes)}; text goes to parseSheet`);
  const decoded = decode(bytes);
  if (!decoded.ok) throw new NotASheetError(decoded.code, decoded.message);
  return parseSheet(decoded.text, options);
}

export type SafeParseResult = ({ ok: true } & ParseResult) | { ok: false; error: NotASheetError };

/**
 * parseSheet that never throws, in zod's safeParse manner: a text that is no review sheet at
 * all comes back as `{ ok: false, error }`. (Anything else thrown would be a bug, and is not
 * caught here.)
 */
export function safeParseSheet(text: string, options: ParseOptions = {}): SafeParseResult {
  try {
    return { ok: true, ...parseSheet(text, options) };
  } catch (e) {
    if (e instanceof NotASheetError) return { ok: false, error: e };
    throw e;
  }
}
