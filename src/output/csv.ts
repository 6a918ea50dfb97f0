// Tidy CSV tables of many sheets, one row per observation, joined on the sheet's key
// (review year, ministry, project number). UTF-8 with a BOM so that Excel reads the Japanese.
import type { Recipient, ReviewSheet } from '../assemble/schema.js';

type Cell = string | number | null | undefined;

interface TableSpec {
  name: string;
  columns: string[];
  rows: (sheet: ReviewSheet) => Cell[][];
}

const KEY_COLUMNS = ['reviewYear', 'ministry', 'projectNumber'];
const RECIPIENT_COLUMNS = ['block', 'rank', 'name', 'corporateNumber', 'summary', 'amount', 'contractMethod', 'bidders', 'winningBidRate', 'reason'];

const recipientRow = (r: Recipient): Cell[] => [r.block, r.rank, r.name, r.corporateNumber, r.summary, r.amount, r.contractMethod, r.bidders, r.winningBidRate, r.reason];
const joined = (list: readonly string[]) => list.join('; ');
const countOf = (s: ReviewSheet, level: string) => s.diagnostics.filter((d) => d.level === level).length;

export const TABLES: readonly TableSpec[] = [
  {
    name: 'sheets',
    columns: ['name', 'bureau', 'division', 'responsibleOfficial', 'startYear', 'endYear', 'accounts', 'legalBasis', 'relatedPlans', 'mainPolicies', 'mainExpense', 'purpose', 'overview', 'implementationMethods', 'budgetUnit', 'noQuantitativeTargetReason', 'policy', 'measure', 'policyContribution', 'unitCostBasis', 'unitCostUnit', 'unitCostFormulaUnit', 'checkResult', 'improvementDirection', 'externalOpinion', 'reviewTeamOpinion', 'reviewTeamVerdict', 'reflection', 'reflectionVerdict', 'remarks', 'errors', 'warnings'],
    rows: (s) => {
      const p = s.project;
      const r = s.review;
      return [[p.name, p.bureau, p.division, p.responsibleOfficial, p.startYear, p.endYear, joined(p.accounts), p.legalBasis, p.relatedPlans, joined(p.mainPolicies), p.mainExpense, p.purpose, p.overview, joined(p.implementationMethods), s.budget.unit, s.noQuantitativeTargetReason, s.policy.policy, s.policy.measure, s.policy.contribution, s.unitCost.basis, s.unitCost.unit, s.unitCost.formulaUnit, r.checkResult, r.improvementDirection, r.externalOpinion, r.reviewTeamOpinion, r.reviewTeamVerdict, r.reflection, r.reflectionVerdict, r.remarks, countOf(s, 'error'), countOf(s, 'warning')]];
    },
  },
  {
    name: 'budget_years',
    columns: ['fiscalYear', 'initial', 'supplementary', 'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed', 'executionRate', 'request'],
    rows: (s) => s.budget.years.map((y) => [y.fiscalYear, y.initial, y.supplementary, y.carriedFromPrevious, y.carriedToNext, y.reserveFund, y.total, y.executed, y.executionRate, y.request]),
  },
  {
    name: 'outcomes',
    columns: ['outcome', 'goal', 'indicator', 'unit', 'fiscalYear', 'actual', 'target', 'achievementRate', 'finalTargetYear', 'finalTarget'],
    rows: (s) => s.outcomes.flatMap((o, i) => o.values.map((v) => [i + 1, o.goal, o.indicator, o.unit, v.fiscalYear, v.actual, v.target, v.achievementRate, o.finalTarget.fiscalYear, o.finalTarget.value])),
  },
  {
    name: 'outputs',
    columns: ['output', 'indicator', 'unit', 'fiscalYear', 'actual', 'planned'],
    rows: (s) => s.outputs.flatMap((o, i) => o.values.map((v) => [i + 1, o.indicator, o.unit, v.fiscalYear, v.actual, v.planned])),
  },
  {
    name: 'self_check',
    columns: ['group', 'item', 'mark', 'explanation'],
    rows: (s) => s.selfCheck.map((c) => [c.group, c.item, c.mark, c.explanation]),
  },
  {
    name: 'fund_flow',
    columns: ['block', 'name', 'amount', 'role'],
    rows: (s) => s.fundFlow.map((f) => [f.block, f.name, f.amount, f.role]),
  },
  {
    name: 'expenses',
    columns: ['block', 'recipient', 'category', 'purpose', 'amount', 'blockTotal'],
    rows: (s) => s.expenses.flatMap((e) => e.items.map((i) => [e.block, e.recipient, i.category, i.purpose, i.amount, e.total])),
  },
  { name: 'recipients', columns: RECIPIENT_COLUMNS, rows: (s) => s.recipients.map(recipientRow) },
  { name: 'debt_contracts', columns: RECIPIENT_COLUMNS, rows: (s) => s.debtContracts.map(recipientRow) },
];

export const CSV_BOM = '\uFEFF';

function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export function csvHeader(table: TableSpec): string {
  return csvLine([...KEY_COLUMNS, ...table.columns]);
}

/** Each table's CSV lines for one sheet, keyed by table name (empty string when no rows). */
export function csvRowsOf(sheet: ReviewSheet): Record<string, string> {
  const key = [sheet.sheet.reviewYear, sheet.sheet.ministry, sheet.sheet.projectNumber];
  const out: Record<string, string> = {};
  for (const table of TABLES) out[table.name] = table.rows(sheet).map((row) => csvLine([...key, ...row])).join('');
  return out;
}
