import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewSheetJsonSchema } from '../src/output/json-schema.js';
import { reviewSheetSchema } from '../src/assemble/schema.js';
import { fixture, root } from './helpers.js';

describe('schema', () => {
  it('schemas/review-sheet.schema.json is up to date (run `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(`${root}/schemas/review-sheet.schema.json`, 'utf8'));
    expect(committed).toEqual(reviewSheetJsonSchema());
  });
  it('accepts the hand-checked answer and rejects a broken document', () => {
    const want = JSON.parse(readFileSync(fixture('h28-soumu-0092.expected.json'), 'utf8'));
    expect(reviewSheetSchema.safeParse(want).success).toBe(true);
    expect(reviewSheetSchema.safeParse({ ...want, recipients: [{ ...want.recipients[0], corporateNumber: '123' }] }).success).toBe(false);
    expect(reviewSheetSchema.safeParse({ ...want, schemaVersion: '2' }).success).toBe(false);
  });
});
