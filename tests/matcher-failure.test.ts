// A matcher that throws costs its own section, not the sheet.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseSheet } from '../src/parse.js';
import { reviewSheetSchema } from '../src/assemble/schema.js';

vi.mock('../src/match/outputs.js', () => ({
  matchOutputs: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'folded')");
  },
}));

describe('a matcher that throws', () => {
  const text = readFileSync(new URL('../fixtures/h28-soumu-0092.pdfminer.txt', import.meta.url), 'utf8');
  it('leaves its section empty with an error, and the other sections as read', () => {
    const { sheet, diagnostics } = parseSheet(text);
    expect(sheet.outputs).toEqual([]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'error', code: 'matcher-failed', field: 'outputs' }));
    expect(sheet.sheet.projectNumber).not.toBeNull();
    expect(sheet.budget.years.length).toBeGreaterThan(0);
    expect(sheet.recipients.length).toBeGreaterThan(0);
    expect(reviewSheetSchema.safeParse(sheet).success).toBe(true);
  });
});
