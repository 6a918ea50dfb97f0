// Stage 3: one matcher per section of the sheet, run in the sheet's order. Each reads the
// shared tokens and reports what it could not place; none depends on another's output except
// where the sheet itself cross-references (recipients complete their text from the fund flow).
import type { Sections } from '../assemble/assemble.js';
import type { MatchContext } from './context.js';
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

export function matchAll(ctx: MatchContext): Sections {
  const sheet = matchSheetKey(ctx);
  const project = matchProject(ctx);
  const budget = matchBudget(ctx, sheet.reviewYear);
  const outcomes = matchOutcomes(ctx, sheet.reviewYear);
  const noQuantitativeTargetReason = matchNoTargetReason(ctx);
  const outputs = matchOutputs(ctx, sheet.reviewYear);
  const unitCost = matchUnitCost(ctx, sheet.reviewYear);
  const policy = matchPolicy(ctx);
  const selfCheck = matchSelfCheck(ctx);
  const relatedProjects = matchRelatedProjects(ctx);
  const review = matchReview(ctx);
  const pastProjectNumbers = matchPastProjectNumbers(ctx);
  const fundFlow = matchFundFlow(ctx);
  const expenses = matchExpenses(ctx, fundFlow);
  const { recipients, debtContracts } = matchRecipients(ctx, fundFlow);
  return {
    sheet, project, budget, outcomes, noQuantitativeTargetReason, outputs, unitCost, policy, selfCheck,
    relatedProjects, review, pastProjectNumbers, fundFlow, expenses, recipients, debtContracts,
  };
}
