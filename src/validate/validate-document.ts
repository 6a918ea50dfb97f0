// `review-parse validate`: a JSON document, from review-parse or anyone else, against the
// schema and against the sheet's own consistency rules.
import type { z } from 'zod';
import { reviewSheetSchema } from '../assemble/schema.js';
import { consistencyFindings } from '../assemble/checks.js';

export interface Finding {
  level: 'error' | 'warning';
  code: string;
  /** JSON path in the document: `budget.years[2].total`; empty for the whole document. */
  path: string;
  message: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function schemaFindings(error: z.ZodError): Finding[] {
  return error.issues.map((issue) => ({ level: 'error', code: 'schema', path: jsonPath(issue.path), message: issue.message }));
}

/** Findings for one parsed JSON value; the consistency rules need a document of the right shape. */
export function validateDocument(value: unknown): Finding[] {
  const parsed = reviewSheetSchema.safeParse(value);
  if (!parsed.success) return schemaFindings(parsed.error);
  return consistencyFindings(parsed.data).map((d) => ({ level: d.level === 'error' ? 'error' : 'warning', code: d.code, path: d.field ?? '', message: d.message }));
}

/** Findings for a file's text: one JSON document, or NDJSON with one document per line. */
export function validateText(text: string, ndjson: boolean): Finding[] {
  const documents = ndjson ? text.split('\n').map((line, i) => ({ line, prefix: `line ${i + 1}: ` })).filter((d) => d.line.trim()) : [{ line: text, prefix: '' }];
  if (!documents.length) return [{ level: 'error', code: 'empty', path: '', message: 'the file is empty' }];
  return documents.flatMap(({ line, prefix }) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      return [{ level: 'error' as const, code: 'invalid-json', path: '', message: `${prefix}not JSON: ${(e as Error).message}` }];
    }
    return validateDocument(value).map((f) => (prefix ? { ...f, path: `${prefix}${f.path}` } : f));
  });
}
