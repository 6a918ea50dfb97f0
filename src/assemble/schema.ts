// The output contract (../shared/spec/output.md, version 1) as zod schemas.
// These schemas are the single source of truth: the TypeScript types below are inferred from
// them and schemas/review-sheet.schema.json is generated from them (`npm run schema`).
import { z } from 'zod';

const text = z.string().nullable();
/** Amounts in the sheet's unit (百万円 for budgets and recipients); a dash reads as 0. */
const amount = z.number().nullable();
/** A percentage as a number: `79%` → 79. */
const rate = z.number().nullable();
const fiscalYear = z.number().int().min(1900).max(2100);
const count = z.number().nullable();
const block = z.string().regex(/^[A-Z]{1,2}$/);

export const diagnosticSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  field: z.string().nullable(),
  message: z.string(),
});

export const sheetKeySchema = z.object({
  reviewYear: fiscalYear.nullable(),
  ministry: text,
  projectNumber: text,
});

export const projectSchema = z.object({
  name: text,
  bureau: text,
  division: text,
  responsibleOfficial: text,
  startYear: fiscalYear.nullable(),
  /** null for 終了予定なし */
  endYear: fiscalYear.nullable(),
  /** 会計区分: one entry per account named */
  accounts: z.array(z.string()),
  legalBasis: text,
  relatedPlans: text,
  mainPolicies: z.array(z.string()),
  mainExpense: text,
  purpose: text,
  overview: text,
  /** 直接実施, 補助, 負担, 交付, 貸付, 委託・請負, その他 */
  implementationMethods: z.array(z.string()),
});

export const budgetYearSchema = z.object({
  fiscalYear,
  initial: amount,
  supplementary: amount,
  carriedFromPrevious: amount,
  carriedToNext: amount,
  reserveFund: amount,
  total: amount,
  executed: amount,
  executionRate: rate,
  /** Only on the 要求 column. */
  request: amount,
});

export const budgetBreakdownSchema = z.object({
  item: z.string(),
  currentYear: amount,
  nextYearRequest: amount,
  reason: text,
});

export const budgetSchema = z.object({
  unit: z.string(),
  years: z.array(budgetYearSchema),
  breakdown: z.array(budgetBreakdownSchema),
});

export const outcomeSchema = z.object({
  goal: text,
  indicator: text,
  unit: text,
  values: z.array(z.object({ fiscalYear, actual: count, target: count, achievementRate: rate })),
  finalTarget: z.object({ fiscalYear: fiscalYear.nullable(), value: count }),
});

export const outputSchema = z.object({
  indicator: text,
  unit: text,
  values: z.array(z.object({ fiscalYear, actual: count, planned: count })),
});

export const unitCostSchema = z.object({
  basis: text,
  unit: text,
  formulaUnit: text,
  values: z.array(z.object({ fiscalYear, value: count, formula: text })),
});

export const policySchema = z.object({ policy: text, measure: text, contribution: text });

export const selfCheckSchema = z.object({
  group: text,
  item: z.string(),
  /** ○ △ × - 有 無, as printed */
  mark: text,
  explanation: text,
});

export const relatedProjectSchema = z.object({ owner: text, projectNumber: text, name: text });

export const reviewSchema = z.object({
  checkResult: text,
  improvementDirection: text,
  externalOpinion: text,
  reviewTeamOpinion: text,
  reviewTeamVerdict: text,
  reflection: text,
  reflectionVerdict: text,
  remarks: text,
});

export const pastProjectNumberSchema = z.object({ reviewYear: fiscalYear, projectNumber: z.string() });

export const fundFlowSchema = z.object({
  /** null for the ministry's own box */
  block: block.nullable(),
  name: text,
  amount,
  role: text,
});

export const expenseSchema = z.object({
  block,
  recipient: text,
  items: z.array(z.object({ category: text, purpose: text, amount })),
  total: amount,
});

export const recipientSchema = z.object({
  block: block.nullable(),
  rank: z.number().int().positive(),
  name: text,
  /** 法人番号: 13 digits */
  corporateNumber: z.string().regex(/^\d{13}$/).nullable(),
  summary: text,
  amount,
  contractMethod: text,
  bidders: count,
  winningBidRate: rate,
  reason: text,
});

export const reviewSheetSchema = z.object({
  schemaVersion: z.literal('1'),
  sheet: sheetKeySchema,
  project: projectSchema,
  budget: budgetSchema,
  outcomes: z.array(outcomeSchema),
  noQuantitativeTargetReason: text,
  outputs: z.array(outputSchema),
  unitCost: unitCostSchema,
  policy: policySchema,
  selfCheck: z.array(selfCheckSchema),
  relatedProjects: z.array(relatedProjectSchema),
  review: reviewSchema,
  pastProjectNumbers: z.array(pastProjectNumberSchema),
  fundFlow: z.array(fundFlowSchema),
  expenses: z.array(expenseSchema),
  recipients: z.array(recipientSchema),
  debtContracts: z.array(recipientSchema),
  diagnostics: z.array(diagnosticSchema),
  /** Only with the provenance option: JSON path → 1-based input line numbers. */
  provenance: z.record(z.string(), z.array(z.number().int().positive())).optional(),
});

/** A section with nothing read: null for each field, an empty list for each list. */
export function emptyOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): z.infer<z.ZodObject<Shape>> {
  const empty = (field: unknown): unknown => (field instanceof z.ZodArray ? [] : field instanceof z.ZodObject ? emptyOf(field) : null);
  return Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, empty(field)])) as z.infer<z.ZodObject<Shape>>;
}

export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type SheetKey = z.infer<typeof sheetKeySchema>;
export type Project = z.infer<typeof projectSchema>;
export type BudgetYear = z.infer<typeof budgetYearSchema>;
export type BudgetBreakdown = z.infer<typeof budgetBreakdownSchema>;
export type Budget = z.infer<typeof budgetSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Output = z.infer<typeof outputSchema>;
export type UnitCost = z.infer<typeof unitCostSchema>;
export type Policy = z.infer<typeof policySchema>;
export type SelfCheck = z.infer<typeof selfCheckSchema>;
export type RelatedProject = z.infer<typeof relatedProjectSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type PastProjectNumber = z.infer<typeof pastProjectNumberSchema>;
export type FundFlow = z.infer<typeof fundFlowSchema>;
export type Expense = z.infer<typeof expenseSchema>;
export type Recipient = z.infer<typeof recipientSchema>;
export type ReviewSheet = z.infer<typeof reviewSheetSchema>;
