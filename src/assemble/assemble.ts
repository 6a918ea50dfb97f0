// Stage 4: section results → one document, validated against the schema.
import type { Diagnostic, ReviewSheet } from './schema.js';
import { reviewSheetSchema } from './schema.js';

export type Sections = Omit<ReviewSheet, 'schemaVersion' | 'diagnostics' | 'provenance'>;

export interface AssembleOptions {
  provenance?: Record<string, number[]> | undefined;
}

/**
 * Builds the document in the contract's key order and validates it. A schema failure here is a
 * bug in a matcher, not in the input: it is reported as an error diagnostic, never thrown.
 */
export function assemble(sections: Sections, diagnostics: Diagnostic[], options: AssembleOptions = {}): ReviewSheet {
  const sheet: ReviewSheet = {
    schemaVersion: '1',
    sheet: sections.sheet,
    project: sections.project,
    budget: sections.budget,
    outcomes: sections.outcomes,
    noQuantitativeTargetReason: sections.noQuantitativeTargetReason,
    outputs: sections.outputs,
    unitCost: sections.unitCost,
    policy: sections.policy,
    selfCheck: sections.selfCheck,
    relatedProjects: sections.relatedProjects,
    review: sections.review,
    pastProjectNumbers: sections.pastProjectNumbers,
    fundFlow: sections.fundFlow,
    expenses: sections.expenses,
    recipients: sections.recipients,
    debtContracts: sections.debtContracts,
    diagnostics,
  };
  if (options.provenance) sheet.provenance = options.provenance;
  const result = reviewSheetSchema.safeParse(sheet);
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, 20)) {
      diagnostics.push({ level: 'error', code: 'schema', field: issue.path.join('.'), message: `internal: ${issue.message}` });
    }
  }
  return sheet;
}
