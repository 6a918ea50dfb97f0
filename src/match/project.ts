// Sheet header (year, 府省庁, 事業番号) and project basics (事業名 … 実施方法).
import type { Project, SheetKey } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { eraYear, fold } from '../tokenize/values.js';
import {
  ACCOUNT_PATTERN, IMPLEMENTATION_METHODS, MAIN_EXPENSES, MAIN_POLICIES, MINISTRIES, OFFICIAL_TITLE, PLAN_CITATIONS, type LabelId,
} from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { END_OPEN, isText, isYear, textField, YEAR_TEXT } from './header-cells.js';
import { responsibleOfficial } from './officials.js';
import { layoutTextColumn } from './text-field.js';
import { paragraphText } from './row-paragraphs.js';

/** The header's texts of several lines, one above the other (row text cuts a paragraph they share between them). */
const LONG_TEXTS = ['purpose', 'overview'] as const;

const TITLE = /(平成|令和)(\d{1,2}|元)年度行政事業レビューシート/;
const PROJECT_NUMBER = /^(?:新\d{2}-)?\d{4}$/;

function ministryIn(folded: string): string | null {
  return MINISTRIES.find((m) => folded === m || folded.endsWith(`レビューシート${m}`)) ?? null;
}

export function matchSheetKey(ctx: MatchContext): SheetKey {
  const title = ctx.tokens.find((t) => TITLE.test(t.folded));
  const m = title ? TITLE.exec(title.folded) : null;
  const reviewYear = m ? eraYear(`${m[1]}${m[2]}年度`) : null;
  if (title) ctx.trace('sheet.reviewYear', title);
  else ctx.report('error', 'missing-title', 'sheet.reviewYear', 'no 行政事業レビューシート title with its year was found');
  // One sheet prints its title once: more are likely sheets run together, read as one.
  const titles = ctx.tokens.filter((t) => TITLE.exec(t.folded)?.index === 0);
  if (titles.length > 1) {
    ctx.report('warning', 'several-titles', 'sheet', `the text holds ${titles.length} 行政事業レビューシート titles (lines ${titles.map((t) => t.row).join(', ')}): if it is several sheets run together, their values are mixed in this one document; give each sheet its own file`);
  }

  const ministryToken = ctx.tokens.find((t) => ministryIn(t.folded));
  const ministry = ministryToken ? ministryIn(ministryToken.folded) : null;
  if (ministryToken) ctx.trace('sheet.ministry', ministryToken);
  else ctx.report('warning', 'missing-ministry', 'sheet.ministry', 'no 府省庁 name was found in the header');

  const numberToken = projectNumberToken(ctx);
  if (numberToken) ctx.trace('sheet.projectNumber', numberToken);
  else ctx.report('warning', 'missing-project-number', 'sheet.projectNumber', 'no 事業番号 was found');
  return { reviewYear, ministry, projectNumber: numberToken ? numberToken.folded.replace('－', '-') : null };
}

function projectNumberToken(ctx: MatchContext): Token | undefined {
  const looksLikeNumber = (t: Token) => PROJECT_NUMBER.test(t.folded.replace('－', '-'));
  const label = ctx.first('projectNumber');
  const near = label ? ctx.valueOf(label, looksLikeNumber, 4) : undefined;
  // A real 事業番号 keeps its leading zeros; a bare four-digit amount does not.
  return near ?? ctx.tokens.find((t) => looksLikeNumber(t) && /^(新|0)/.test(t.folded));
}

const isMainExpense = (t: Token) => !isLabel(t) && MAIN_EXPENSES.some((m) => t.folded === m);
const isMethodsText = (text: string) => fold(text).split(/[、,，・\s]/).every((w) => w === '' || IMPLEMENTATION_METHODS.some((m) => m.includes(w)));
/** The 実施方法 cell, which pdftotext may box with a year head below it (`委託・請負 ⏎ 24年度`). */
const isImplementationMethods = (t: Token) => isMethodsText(t.text) || t.lines.every((l) => isMethodsText(l.text) || YEAR_TEXT.test(fold(l.text)));

/** Tokens after a year label within which its cell may stand when the labels come together. */
const YEAR_REACH = 12;
/** YEAR_TEXT with its era required: column heads (25年度) have none. */
const ERA_YEAR = /^(?:平成|令和|昭和)(?:-?\d{1,2}|元)年度$|^終了予定なし$/;

/**
 * Stream text may print the year row's labels together and its cells further on, the start
 * year first: a year with its era (平成29年度), which no column head has, is the end year.
 */
function eraYearAfter(ctx: MatchContext, label: LabelId): Token | undefined {
  const anchor = ctx.first(label);
  if (!anchor || ctx.isLayout) return undefined;
  const year = ctx.tokens.slice(anchor.index + 1, anchor.index + 1 + YEAR_REACH).find((t) => !isLabel(t) && !ctx.isUsed(t) && ERA_YEAR.test(t.folded));
  if (year) ctx.trace(`project.${label}`, year);
  return year;
}

function yearOf(t: Token | undefined): number | null {
  return t && t.folded !== END_OPEN ? eraYear(t.folded) : null;
}


/**
 * A cell that stream text printed away from its label, known by its form: the first free box of
 * that form, when the sheet has the label at all.
 */
function boxOfForm(ctx: MatchContext, label: LabelId, field: string, isForm: (t: Token) => boolean): string | null {
  const box = ctx.first(label) && ctx.tokens.find((t) => !isLabel(t) && !ctx.isUsed(t) && isForm(t));
  if (!box) return null;
  ctx.trace(field, box);
  return box.text;
}

/** Beside its label, or elsewhere the box that only cites plans. */
function relatedPlans(ctx: MatchContext): string | null {
  const beside = textField(ctx, 'relatedPlans', 'project.relatedPlans', (t) => isText(t) && !isMainExpense(t) && !isImplementationMethods(t));
  return beside?.text ?? boxOfForm(ctx, 'relatedPlans', 'project.relatedPlans', (t) => PLAN_CITATIONS.test(t.folded));
}

/** A box that names only policies of the template's list (not その他 alone, which other sections print too). */
function isPolicyList(t: Token): boolean {
  const names = splitList(t.folded);
  return names.length > 0 && names.every((n) => MAIN_POLICIES.includes(n)) && names.some((n) => n !== 'その他');
}

function splitList(text: string): string[] {
  return text.split(/[、,，\n]/).map((s) => s.trim()).filter(Boolean);
}

function accountsOf(ctx: MatchContext): string[] {
  const anchor = ctx.first('accounts');
  const value = anchor ? ctx.valueOf(anchor, (t) => ACCOUNT_PATTERN.test(t.text) && (ACCOUNT_PATTERN.lastIndex = 0) === 0, 6) : undefined;
  const source = value ?? ctx.tokens.find((t) => /^(一般会計|.*特別会計.*)$/.test(t.folded) && t.folded.length < 60);
  if (!source) {
    ctx.report('warning', 'missing-accounts', 'project.accounts', 'no 会計区分 (一般会計 or a 特別会計) was found');
    return [];
  }
  ctx.trace('project.accounts', source);
  return [...source.text.replace(/\s+/g, '').matchAll(ACCOUNT_PATTERN)].map((m) => m[0]);
}

/** A text's words that can name a method: a 主要経費 (その他の事項経費, 地方交付税交付金) names none. */
const withoutMainExpenses = (folded: string) => FOLDED_MAIN_EXPENSES.reduce((text, e) => text.replaceAll(e, ''), folded);
const FOLDED_MAIN_EXPENSES = MAIN_EXPENSES.map(fold);

function implementationMethods(ctx: MatchContext): string[] {
  const names = (folded: string) => IMPLEMENTATION_METHODS.some((m) => folded.includes(m));
  const has = (t: Token) => names(t.folded) && names(withoutMainExpenses(t.folded));
  const anchor = ctx.first('implementationMethod');
  const value = anchor ? ctx.valueOf(anchor, has, 40) : undefined;
  const source = value ?? ctx.tokens.find((t) => has(t) && t.folded.length <= 30 && !isLabel(t));
  if (!source) return [];
  ctx.trace('project.implementationMethods', source);
  return IMPLEMENTATION_METHODS.filter((m) => withoutMainExpenses(source.folded).includes(m));
}

export function matchProject(ctx: MatchContext): Project {
  const text = (label: LabelId, field: string) => textField(ctx, label, `project.${field}`)?.text ?? null;
  const name = text('projectName', 'name');
  const bureau = text('bureau', 'bureau');
  const divisionToken = textField(ctx, 'division', 'project.division');
  const official = responsibleOfficial(ctx, divisionToken);
  const division = divisionToken ? divisionToken.text.replace(OFFICIAL_TITLE, '').trim() : null;

  // Closed vocabularies are read first, so the free-text fields around them cannot take their cells.
  const mainExpense = textField(ctx, 'mainExpense', 'project.mainExpense', isMainExpense)?.text ?? ctx.tokens.find((t) => isMainExpense(t) && !ctx.isUsed(t))?.text ?? null;
  const start = textField(ctx, 'startYear', 'project.startYear', isYear);
  const end = textField(ctx, 'endYear', 'project.endYear', isYear) ?? eraYearAfter(ctx, 'endYear');
  const accounts = accountsOf(ctx);
  const mainPoliciesToken = ctx.first('mainPolicies');
  const policiesText = mainPoliciesToken?.inlineLabel === 'mainPolicies' ? mainPoliciesToken.rest : text('mainPolicies', 'mainPolicies') ?? boxOfForm(ctx, 'mainPolicies', 'project.mainPolicies', isPolicyList);
  const project: Project = {
    name,
    bureau,
    division,
    responsibleOfficial: official,
    startYear: yearOf(start),
    endYear: yearOf(end),
    accounts,
    legalBasis: text('legalBasis', 'legalBasis'),
    relatedPlans: relatedPlans(ctx),
    mainPolicies: policiesText ? splitList(policiesText) : [],
    mainExpense: mainExpense ?? text('mainExpense', 'mainExpense'),
    purpose: layoutTextColumn(ctx, 'purpose', 'project.purpose') ?? paragraphText(ctx, 'purpose', 'project.purpose', LONG_TEXTS) ?? text('purpose', 'purpose'),
    overview: layoutTextColumn(ctx, 'overview', 'project.overview') ?? paragraphText(ctx, 'overview', 'project.overview', LONG_TEXTS) ?? text('overview', 'overview'),
    implementationMethods: implementationMethods(ctx),
  };
  for (const [key, value] of Object.entries(project)) {
    if (value === null && key !== 'endYear' && key !== 'relatedPlans') {
      ctx.report('warning', 'unplaced-field', `project.${key}`, `no value was found for project.${key}`);
    }
  }
  if (!start && fold(ctx.sheet.lines.join('')).includes('事業開始年度')) {
    ctx.report('warning', 'unplaced-field', 'project.startYear', 'the 事業開始年度 label has no year beside it');
  }
  return project;
}
