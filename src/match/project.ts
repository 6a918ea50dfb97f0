// Sheet header (year, 府省庁, 事業番号) and project basics (事業名 … 実施方法).
import type { Project, SheetKey } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { eraYear, fold } from '../tokenize/values.js';
import {
  ACCOUNT_PATTERN, HEADER_ROWS, IMPLEMENTATION_METHODS, MAIN_EXPENSES, MAIN_POLICIES, MINISTRIES, OFFICIAL_TITLE, ORGANIZATION_END, PLAN_CITATIONS, TITLE_ALONE, type LabelId,
} from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { headerYearOf } from './values.js';

const TITLE = /(平成|令和)(\d{1,2}|元)年度行政事業レビューシート/;
const PROJECT_NUMBER = /^(?:新\d{2}-)?\d{4}$/;
const YEAR_TEXT = /^(?:平成|令和|昭和)?(?:-?\d{1,2}|元)年度$|^\d{4}年度$/;
/**
 * Boxes that are never a free-text value: column-head pieces stream text prints on their own,
 * and the empty brackets beside the 事業番号 (（ ）).
 */
const HEAD_PIECE = /^(?:年度)+$|^[（(][）)]$/;
const END_OPEN = '終了予定なし';

function ministryIn(folded: string): string | null {
  return MINISTRIES.find((m) => folded === m || folded.endsWith(`レビューシート${m}`)) ?? null;
}

export function matchSheetKey(ctx: MatchContext): SheetKey {
  const title = ctx.tokens.find((t) => TITLE.test(t.folded));
  const m = title ? TITLE.exec(title.folded) : null;
  const reviewYear = m ? eraYear(`${m[1]}${m[2]}年度`) : null;
  if (title) ctx.trace('sheet.reviewYear', title);
  else ctx.report('error', 'missing-title', 'sheet.reviewYear', 'no 行政事業レビューシート title with its year was found');

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

/**
 * The value printed just before the next label of the same header row, on one line with it.
 * A year may also share a box with it (stream text boxes the narrow year cell with the label
 * beside it: 平成27年度 ⏎ 事業終了); a free text so placed is as often another row's cell.
 */
function gluedBefore(ctx: MatchContext, label: LabelId, accept: (t: Token) => boolean): Token | undefined {
  const row = HEADER_ROWS.find((r) => r.includes(label));
  const next = row?.[row.indexOf(label) + 1];
  if (!next) return undefined;
  for (const anchor of ctx.find(next)) {
    const before = ctx.tokens[anchor.index - 1];
    if (!before || isLabel(before) || ctx.isUsed(before) || !accept(before)) continue;
    if (before.row === anchor.row || (isYear(before) && isBoxedWith(before, anchor))) return before;
  }
  return undefined;
}

/** `before` ends on the line above `anchor`, with no blank line between: one stream box. */
function isBoxedWith(before: Token, anchor: Token): boolean {
  const lastLine = before.lines[before.lines.length - 1]?.line ?? before.row;
  return !anchor.col && lastLine + 1 === anchor.lines[0]?.line;
}

/** Text value of a header label: beside it, or glued before the next label of its row. */
function textField(ctx: MatchContext, label: LabelId, field: string, accept: (t: Token) => boolean = isText): Token | undefined {
  // A value glued on one line to the next label of its row is the strongest evidence there is.
  const glued = gluedBefore(ctx, label, accept);
  if (glued) {
    ctx.trace(field, glued);
    return glued;
  }
  for (const anchor of labelPieces(ctx, label)) {
    const after = ctx.valueOf(anchor, accept, 3);
    const value = (after && !isAnotherFieldsValue(ctx, after, label) ? after : undefined) ?? valueBefore(ctx, anchor, accept);
    if (value) {
      const below = ctx.isLayout ? secondLine(ctx, anchor, value) : undefined;
      ctx.trace(field, value, ...(below ? [below] : []));
      return below ? { ...value, text: value.text + below.text } : value;
    }
  }
  return undefined;
}

/**
 * Layout text: a two-line cell is centred on its label's line, one line above it and one
 * below (資源エネルギー庁 ⏎ 担当部局庁 ⏎ 電力・ガス事業部): the line below, when the value is above.
 */
function secondLine(ctx: MatchContext, anchor: Token, value: Token): Token | undefined {
  if (value.lines.length !== 1 || value.row !== anchor.row - 1) return undefined;
  return ctx.tokens.find((t) => t.row === anchor.row + 1 && t.lines.length === 1 && Math.abs(t.col - value.col) <= 2 && !isLabel(t) && !ctx.isUsed(t) && isText(t));
}

/** Labels of free-text cells that are often empty: a text just after one of them is its own. */
const OFTEN_EMPTY_TEXT_LABELS = new Set<LabelId>(['legalBasis', 'relatedPlans']);

/**
 * A value reached past another such label that it follows at once is that label's: stream
 * text prints an empty cell as nothing (根拠法令 ⏎ 関係する計画、通知等 ⏎ 「成長戦略」…), and
 * layout text has it right of that label. Not so for the year row, whose labels pdftotext
 * prints together before the start year.
 */
function isAnotherFieldsValue(ctx: MatchContext, value: Token, label: LabelId): boolean {
  const isOther = (t: Token) => !t.labels.includes(label) && t.labels.some((l) => OFTEN_EMPTY_TEXT_LABELS.has(l));
  // Layout text: such a label stands between this label and the value, beside the value's line.
  if (ctx.isLayout) return ctx.tokens.some((t) => isOther(t) && t.col < value.col && Math.abs(t.row - value.row) <= 1 && ctx.find(label).some((a) => a.end <= t.col));
  const before = ctx.tokens[value.index - 1];
  return before !== undefined && isOther(before);
}

/** Rows (layout) or boxes (stream) from a label's first piece within which its other pieces stand. */
const PIECES_REACH = 5;

/**
 * The pieces of a header label (根拠法令 / （具体的な / 条項も記載）) near its first: a fragment
 * that matches elsewhere on the sheet (a note's `載）`) is not the label.
 */
function labelPieces(ctx: MatchContext, label: LabelId): Token[] {
  const [first, ...rest] = ctx.find(label);
  if (!first) return [];
  const near = (t: Token) => (ctx.isLayout ? t.row - first.row : t.index - first.index) <= PIECES_REACH;
  return [first, ...rest.filter(near)];
}

/**
 * pdftotext prints a cell that stands higher on the page before its label (経済財政政策の効果分析
 * ⏎ 事業名): when nothing follows the label, the text just before it is its value.
 */
function valueBefore(ctx: MatchContext, anchor: Token, accept: (t: Token) => boolean): Token | undefined {
  // pdfminer orders boxes otherwise: there the text before a label is often another cell's value.
  if (ctx.sheet.extractor !== 'pdftotext') return undefined;
  const before = ctx.tokens[anchor.index - 1];
  return before && !isLabel(before) && !ctx.isUsed(before) && accept(before) ? before : undefined;
}

/** Free text, not a number, a year or a dash. */
function isText(t: Token): boolean {
  return !/^[\d,.%△▲-]*$/.test(t.folded) && !YEAR_TEXT.test(t.folded) && headerYearOf(t.folded) === null && !HEAD_PIECE.test(t.folded) && t.folded !== END_OPEN;
}

const isMainExpense = (t: Token) => !isLabel(t) && MAIN_EXPENSES.some((m) => t.folded === m);
const isMethodsText = (text: string) => fold(text).split(/[、,，・\s]/).every((w) => w === '' || IMPLEMENTATION_METHODS.some((m) => m.includes(w)));
/** The 実施方法 cell, which pdftotext may box with a year head below it (`委託・請負 ⏎ 24年度`). */
const isImplementationMethods = (t: Token) => isMethodsText(t.text) || t.lines.every((l) => isMethodsText(l.text) || YEAR_TEXT.test(fold(l.text)));

function isYear(t: Token): boolean {
  return YEAR_TEXT.test(t.folded) || t.folded === END_OPEN;
}

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

/** How far left of its label the 作成責任者 cell's text may start. */
const CELL_LEFT_REACH = 12;

/**
 * In layout text a cell's value can stand under its label: 作成責任者 over 課長 藤井 雅文. The
 * cell is wider than its label and may start left of it, up to the cell beside it
 * (`leftBound`); a title alone on its line has the name on the line below.
 */
function layoutCellBelow(ctx: MatchContext, anchor: Token, leftBound: number): Token[] {
  const from = Math.max(anchor.col - CELL_LEFT_REACH, leftBound);
  const below = ctx.tokens.filter((t) => t.row > anchor.row && t.row <= anchor.row + 4 && t.col >= from && t.col < anchor.end + 16 && !isLabel(t));
  const firstRow = below[0]?.row;
  const first = below.filter((t) => t.row === firstRow);
  const second = first.length === 1 ? below.filter((t) => t.row === firstRow! + 1) : [];
  return [...first, ...second];
}

function responsibleOfficial(ctx: MatchContext, division: Token | undefined): string | null {
  const anchor = ctx.first('responsibleOfficial');
  if (anchor && ctx.isLayout) {
    const cells = [...ctx.rightOf(anchor, 0).filter((t) => !isLabel(t)), ...layoutCellBelow(ctx, anchor, division ? division.end + 2 : 0)];
    if (cells.length) {
      ctx.trace('project.responsibleOfficial', ...cells);
      return cells.map((t) => t.text).join('　');
    }
  }
  const inDivision = division ? OFFICIAL_TITLE.exec(division.text) : null;
  if (inDivision) return inDivision[1]!.trim();
  // The title and the name may be lines of one box (`農地政策課長 ⏎ 栗原 秀忠`).
  const isOfficial = (t: Token) => isText(t) && OFFICIAL_TITLE.test(` ${t.lines.map((l) => l.text.trim()).join(' ')}`);
  const value = textField(ctx, 'responsibleOfficial', 'project.responsibleOfficial', isOfficial);
  if (value) return officialsByLines(ctx, value) ?? withGivenName(ctx, value);
  // pdfminer prints the header's labels first, then its cells row by row: the official's cell
  // right after the division's, whatever the distance from its label.
  const afterDivision = division && !ctx.isLayout ? ctx.tokens[division.index + 1] : undefined;
  if (afterDivision && !isLabel(afterDivision) && isOfficial(afterDivision)) {
    ctx.trace('project.responsibleOfficial', afterDivision);
    return afterDivision.text;
  }
  const run = anchor && !ctx.isLayout ? officialRun(ctx, anchor, division) : [];
  if (!run.length) return null;
  ctx.trace('project.responsibleOfficial', ...run);
  return run.map((t) => t.text).join('　');
}

/**
 * Two officials' cells side by side, which stream text boxes line by line across both: their
 * titles in one box (`課長 ⏎ 室長`), then their family and given names likewise (`河邉 ⏎ 中村`,
 * `賢裕 ⏎ 仁威`). Each line of the boxes is one official's part.
 */
function officialsByLines(ctx: MatchContext, titles: Token): string | null {
  const count = titles.lines.length;
  if (ctx.isLayout || count < 2 || !titles.lines.every((l) => TITLE_ALONE.test(fold(l.text.trim())))) return null;
  const names: Token[] = [];
  for (let i = titles.index + 1; i < ctx.tokens.length && names.length < 2; i++) {
    const t = ctx.tokens[i]!;
    if (isLabel(t) || t.lines.length !== count || !t.lines.every((l) => NAME_KANJI.test(fold(l.text.trim())))) break;
    names.push(t);
  }
  if (!names.length) return null;
  ctx.trace('project.responsibleOfficial', titles, ...names);
  return titles.lines.map((l, k) => [l, ...names.map((t) => t.lines[k]!)].map((x) => x.text.trim()).join('　')).join('　');
}

/** A family or given name of a few kanji (河邉, 正名). */
const NAME_KANJI = /^\p{Script=Han}{1,3}$/u;

/**
 * A title and a family name alone (`室長 江澤`): stream text may box the given name on its own
 * right after (`正名`), which goes with them.
 */
function withGivenName(ctx: MatchContext, official: Token): string {
  const next = ctx.isLayout || official.lines.length > 1 ? undefined : ctx.tokens[official.index + 1];
  const familyOnly = official.text.trim().split(/[\s　]+/).length === 2;
  if (!familyOnly || !next || isLabel(next) || ctx.isUsed(next) || !NAME_KANJI.test(next.folded) || ORGANIZATION_END.test(next.folded)) return official.text;
  ctx.trace('project.responsibleOfficial', official, next);
  return `${official.text}　${next.text}`;
}

/** The 作成責任者 cell is a title and a name, which stream text may print as a few short boxes. */
const OFFICIAL_PIECE = 20;
const OFFICIAL_PIECES = 4;
/** A family or given name printed as a box of its own (木塚, 欽也). */
const NAME_PIECE = 6;
/** The cells of the row below the official's: 事業開始年度 and 事業終了（予定）年度. */
const ROW_YEAR_CELL = /年度$|予定/;

/**
 * Stream text: the short boxes right after 作成責任者 (課長 / 松澤 / 裕), or, when a label
 * follows it at once, those right before 会計区分 back to the 担当課室 value (pdfminer prints
 * the header's labels first and the cells of a row together).
 */
function officialRun(ctx: MatchContext, anchor: Token, division: Token | undefined): Token[] {
  const piece = (t: Token | undefined): t is Token =>
    t !== undefined && t !== division && !isLabel(t) && !ctx.isUsed(t) && [...t.folded].length <= OFFICIAL_PIECE && !/^(?:平成|令和)?.*年度$|会計|予定/.test(t.folded);
  const forward: Token[] = [];
  for (let i = anchor.index + 1; forward.length < OFFICIAL_PIECES && piece(ctx.tokens[i]); i++) forward.push(ctx.tokens[i]!);
  if (forward.length) return forward;
  // The 担当課室 label and value printed next: the pieces after that value, past the labels and
  // the year cells of the next row (木塚, 事業開始年度, 平成-20年度, 終了予定なし, 欽也).
  if (division && division.index > anchor.index) {
    const after: Token[] = [];
    for (let i = division.index + 1; i < ctx.tokens.length && after.length < OFFICIAL_PIECES; i++) {
      const t = ctx.tokens[i]!;
      if (isLabel(t) || ROW_YEAR_CELL.test(t.folded)) continue;
      if (!piece(t) || [...t.folded].length > NAME_PIECE) break;
      after.push(t);
    }
    if (after.length) return after;
  }
  const accounts = ctx.find('accounts').find((t) => t.index > anchor.index);
  if (!accounts) return [];
  const backward: Token[] = [];
  for (let i = accounts.index - 1; i > anchor.index && backward.length < OFFICIAL_PIECES && piece(ctx.tokens[i]); i--) backward.unshift(ctx.tokens[i]!);
  return backward;
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

/** Blank lines a long text cell's column may have between its lines. */
const COLUMN_GAP = 1;

/**
 * Layout text: a long text cell (事業の目的, 事業概要) is a column of lines beside its label,
 * above and below the label's own line: the boxes that start where the text on the label's
 * line starts, on lines joined to it with at most COLUMN_GAP blank lines between, up to a line
 * where another label stands on the left.
 */
function layoutTextColumn(ctx: MatchContext, label: LabelId): string | null {
  const anchor = ctx.first(label);
  // The text's box may start above the label's line and run past it.
  const onLabelLines = (t: Token) => t.col >= (anchor?.end ?? 0) && t.lines.some((l) => anchor!.lines.some((a) => a.line === l.line));
  const first = anchor && ctx.isLayout ? ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && isText(t) && onLabelLines(t)).sort((a, b) => a.col - b.col)[0] : undefined;
  if (!anchor || !first) return null;
  const others = ctx.tokens.filter((t) => isLabel(t) && t.col < first.col && !t.labels.includes(label));
  const blocked = (line: number) => others.some((t) => t.lines.some((l) => l.line === line));
  const inColumn = ctx.tokens.filter((t) => !isLabel(t) && !ctx.isUsed(t) && Math.abs(t.col - first.col) <= 1 && isText(t));
  const cells = new Set([first]);
  const lines = (t: Token) => t.lines.map((l) => l.line);
  for (let grown = true; grown;) {
    grown = false;
    const rows = [...cells].flatMap(lines);
    const [top, bottom] = [Math.min(...rows), Math.max(...rows)];
    for (const t of inColumn) {
      if (cells.has(t)) continue;
      const [from, to] = [Math.min(...lines(t)), Math.max(...lines(t))];
      const joins = (to < top && top - to <= COLUMN_GAP + 1) || (from > bottom && from - bottom <= COLUMN_GAP + 1);
      if (!joins || lines(t).some(blocked)) continue;
      cells.add(t);
      grown = true;
    }
  }
  const ordered = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  ctx.trace(`project.${label}`, ...ordered);
  return ordered.map((t) => t.text).join('');
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
    purpose: layoutTextColumn(ctx, 'purpose') ?? text('purpose', 'purpose'),
    overview: layoutTextColumn(ctx, 'overview') ?? text('overview', 'overview'),
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
