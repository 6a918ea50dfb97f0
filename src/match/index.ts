// Stage 3: one matcher per section of the sheet, run in the sheet's order except where a
// section's cells are surer to find first (below). Each reads the shared tokens, marks what it
// takes, and reports what it could not place; none depends on another's output except where
// the sheet itself cross-references (recipients complete their text from the fund flow; a
// 費目・使途 block's 計 is its recipient's amount).
import type { Sections } from '../assemble/assemble.js';
import { emptyOf, policySchema, projectSchema, reviewSchema, sheetKeySchema, type Budget, type UnitCost } from '../assemble/schema.js';
import type { MatchContext } from './context.js';
import { SECTION_TITLES } from '../tokenize/vocabulary.js';
import { matchProject, matchSheetKey } from './project.js';
import { matchBudget } from './budget.js';
import { matchOutcomes, matchNoTargetReason } from './outcomes.js';
import { matchOutputs } from './outputs.js';
import { matchUnitCost } from './unit-cost.js';
import { matchPolicy } from './policy.js';
import { matchSelfCheck } from './self-check.js';
import { matchRelatedProjects } from './related-projects.js';
import { matchReview } from './review.js';
import { matchPastProjectNumbers } from './past-numbers.js';
import { matchFundFlow } from './fund-flow.js';
import { matchExpenses } from './expenses.js';
import { matchRecipients } from './recipients.js';

/** What the year-dated tables are when the sheet's review year cannot be read. */
const undatedBudget = (): Budget => ({ unit: '百万円', years: [], breakdown: [] });
const undatedUnitCost = (): UnitCost => ({ basis: null, unit: null, formulaUnit: null, values: [] });

/** A text that shows the first sections but not the last ones was cut off (a failed download, a page limit). */
function reportCutOff(ctx: MatchContext): void {
  const present = SECTION_TITLES.map((s) => ctx.first(s.id) !== undefined);
  const lastPresent = present.lastIndexOf(true);
  if (lastPresent < 0 || lastPresent === SECTION_TITLES.length - 1) return;
  const missing = SECTION_TITLES.slice(lastPresent + 1).map((s) => s.name);
  ctx.report('warning', 'cut-off', null, `the text ends before ${missing.join('、')}: it looks cut off, so those sections are empty`);
}

/**
 * A matcher that throws (a bug met on a sheet unlike those it was built on) costs its own
 * section, not the sheet: that section comes back empty with an error, the others as read.
 */
function guarded<T>(ctx: MatchContext, section: string, empty: () => T, match: () => T): T {
  try {
    return match();
  } catch (e) {
    ctx.report('error', 'matcher-failed', section, `the ${section} section could not be read, so it is left empty: ${(e as Error).message}`);
    return empty();
  }
}

const none = () => [];

export function matchAll(ctx: MatchContext): Sections {
  reportCutOff(ctx);
  const sheet = guarded(ctx, 'sheet', () => emptyOf(sheetKeySchema), () => matchSheetKey(ctx));
  const project = guarded(ctx, 'project', () => emptyOf(projectSchema), () => matchProject(ctx));
  const year = sheet.reviewYear;
  if (year === null) {
    ctx.report('error', 'no-review-year', 'sheet.reviewYear', 'the review year is unknown, so the year columns of the budget, outcome, output and unit-cost tables cannot be dated: they are left empty');
  }
  const budget = year === null ? undatedBudget() : guarded(ctx, 'budget', undatedBudget, () => matchBudget(ctx, year));
  const outcomes = year === null ? [] : guarded(ctx, 'outcomes', none, () => matchOutcomes(ctx, year));
  const noQuantitativeTargetReason = guarded(ctx, 'noQuantitativeTargetReason', () => null, () => matchNoTargetReason(ctx, outcomes));
  // The unit cost and the policy first: stream text can print their cells (a 算出根拠
  // `費用／入力数`, a numbered 施策) where an output's indicator is looked for.
  const unitCost = year === null ? undatedUnitCost() : guarded(ctx, 'unitCost', undatedUnitCost, () => matchUnitCost(ctx, year));
  const policy = guarded(ctx, 'policy', () => emptyOf(policySchema), () => matchPolicy(ctx));
  const outputs = year === null ? [] : guarded(ctx, 'outputs', none, () => matchOutputs(ctx, year, unitCost));
  // The related projects before the self-check: stream text prints their names among the
  // self-check's explanations, which must not take them.
  const relatedProjects = guarded(ctx, 'relatedProjects', none, () => matchRelatedProjects(ctx));
  const selfCheck = guarded(ctx, 'selfCheck', none, () => matchSelfCheck(ctx));
  const review = guarded(ctx, 'review', () => emptyOf(reviewSchema), () => matchReview(ctx));
  const pastProjectNumbers = guarded(ctx, 'pastProjectNumbers', none, () => matchPastProjectNumbers(ctx, relatedProjects));
  const fundFlow = guarded(ctx, 'fundFlow', none, () => matchFundFlow(ctx));
  const { recipients, debtContracts } = guarded(ctx, 'recipients', () => ({ recipients: [], debtContracts: [] }), () => matchRecipients(ctx, fundFlow));
  // A block's 計 of 費目・使途 is the amount of the recipient it describes, as the recipients
  // table or the fund-flow box gives it.
  const expenses = guarded(ctx, 'expenses', none, () => matchExpenses(ctx, recipients, fundFlow));
  return {
    sheet, project, budget, outcomes, noQuantitativeTargetReason, outputs, unitCost, policy, selfCheck,
    relatedProjects, review, pastProjectNumbers, fundFlow, expenses, recipients, debtContracts,
  };
}
