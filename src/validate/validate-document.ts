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

/** Findings for one document's JSON text; `prefix` places it in its file (`line 12: `). */
export function validateJsonText(text: string, prefix = ''): Finding[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [{ level: 'error', code: 'invalid-json', path: '', message: `${prefix}not JSON: ${(e as Error).message}` }];
  }
  return validateDocument(value).map((f) => (prefix ? { ...f, path: `${prefix}${f.path}` } : f));
}
