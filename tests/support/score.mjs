#!/usr/bin/env node
// Vendored copy of ../shared/tools/score.mjs, the project's shared scorer, so that the score floors
// hold in CI where ../shared is absent. tests/sheets.test.ts fails when the two differ.
// Scores review-parse output against hand-checked expectations, field by field.
//
//   node score.mjs EXPECTED.json ACTUAL.json            one sheet
//   node score.mjs --expected DIR --actual DIR          every <id>.expected.json in DIR
//                                                       against <id>.json in the other
//   options: --verbose (list every wrong field)  --json (summary as JSON)
//            --min 0.95 (exit 1 when the overall score is lower)
//
// A field is right when the two values agree after normalisation: text is compared after
// NFKC and with all white space removed; numbers to 0.001 (rates to 0.05); for amounts a
// null and a 0 agree. Rows of lists are matched by key (fiscal year, block and rank, item
// text, ...); a row the parse adds that the expectation lacks costs one field per non-null
// value, and a row it leaves out gets no credit for any of its fields.
// Score = right / (expected fields + fields of added rows).
import { readFileSync, readdirSync, existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';

const AMOUNT_KEYS = new Set(['initial', 'supplementary', 'carriedFromPrevious', 'carriedToNext',
  'reserveFund', 'total', 'executed', 'request', 'amount', 'currentYear', 'nextYearRequest']);
const RATE_KEYS = new Set(['executionRate', 'winningBidRate', 'achievementRate']);

const text = (v) => String(v).normalize('NFKC').replace(/[\s\u3000]+/g, '');
const isBlank = (v) => v === null || v === undefined || (typeof v === 'string' && text(v) === '');

function same(key, want, got) {
  if (AMOUNT_KEYS.has(key)) {
    const w = isBlank(want) ? 0 : Number(want);
    const g = isBlank(got) ? 0 : Number(got);
    return Number.isFinite(g) && Math.abs(w - g) <= 0.001;
  }
  if (isBlank(want) || isBlank(got)) return isBlank(want) && isBlank(got);
  if (typeof want === 'number') {
    const g = typeof got === 'number' ? got : Number(text(got).replace(/[,%]/g, ''));
    return Number.isFinite(g) && Math.abs(want - g) <= (RATE_KEYS.has(key) ? 0.05 : 0.001);
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return false;
    const a = want.map(text).sort(), b = got.map(text).sort();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return text(want) === text(got);
}

class Tally {
  constructor() { this.sections = new Map(); this.misses = []; }
  add(section, path, ok, want, got) {
    const s = this.sections.get(section) ?? { right: 0, total: 0 };
    s.total += 1; if (ok) s.right += 1;
    this.sections.set(section, s);
    if (!ok) this.misses.push({ path, want, got });
  }
  merge(other, prefix) {
    for (const [k, v] of other.sections) {
      const s = this.sections.get(k) ?? { right: 0, total: 0 };
      s.right += v.right; s.total += v.total; this.sections.set(k, s);
    }
    for (const m of other.misses) this.misses.push({ ...m, path: `${prefix}: ${m.path}` });
  }
  get right() { let r = 0; for (const s of this.sections.values()) r += s.right; return r; }
  get total() { let t = 0; for (const s of this.sections.values()) t += s.total; return t; }
}

const get = (o, k) => (o && typeof o === 'object' ? o[k] : undefined);

// A row or object that the parse left out entirely gets no credit, not even for its empty fields.
// A key the expectation does not have at all (as opposed to null) is not graded: a partial answer key
// grades only what it knows.
function fields(t, section, path, want, got, keys) {
  if (want === undefined) return;
  const present = got !== null && typeof got === 'object';
  for (const k of keys) {
    if (want !== null && typeof want === 'object' && !(k in want)) continue;
    t.add(section, `${path}.${k}`, present && same(k, get(want, k), get(got, k)), get(want, k), present ? get(got, k) : '(missing)');
  }
}

// Pairs expected rows with actual rows by a key; returns [want, got] pairs and unmatched actual rows.
function pair(wantRows, gotRows, keyOf) {
  if (wantRows === undefined) return { pairs: [], extra: [] };   // not in the answer key: not graded
  const got = Array.isArray(gotRows) ? [...gotRows] : [];
  const pairs = [];
  for (const w of wantRows ?? []) {
    const k = keyOf(w);
    const i = got.findIndex((g) => keyOf(g) === k);
    pairs.push([w, i >= 0 ? got.splice(i, 1)[0] : undefined]);
  }
  return { pairs, extra: got };
}

function extraRows(t, section, path, rows) {
  const counts = (k, v) => (AMOUNT_KEYS.has(k) ? !isBlank(v) && Number(v) !== 0
    : !isBlank(v) && !(Array.isArray(v) && v.length === 0));
  for (const row of rows) {
    for (const [k, v] of Object.entries(row ?? {})) if (counts(k, v)) t.add(section, `${path}+${k}`, false, null, v);
  }
}

const byYear = (r) => String(get(r, 'fiscalYear'));
const byText = (k) => (r) => text(get(r, k) ?? '').slice(0, 24);

function valuesByYear(t, section, path, want, got, keys) {
  const { pairs, extra } = pair(get(want, 'values'), get(got, 'values'), byYear);
  for (const [w, g] of pairs) fields(t, section, `${path}.values[${byYear(w)}]`, w, g, keys);
  extraRows(t, section, `${path}.values`, extra);
}

export function scoreSheet(want, got) {
  const t = new Tally();
  fields(t, 'sheet', 'sheet', want.sheet, get(got, 'sheet'), ['reviewYear', 'ministry', 'projectNumber']);
  fields(t, 'project', 'project', want.project, get(got, 'project'), ['name', 'bureau', 'division',
    'responsibleOfficial', 'startYear', 'endYear', 'accounts', 'legalBasis', 'relatedPlans', 'mainPolicies',
    'mainExpense', 'purpose', 'overview', 'implementationMethods']);

  const b = get(got, 'budget');
  fields(t, 'budget', 'budget', want.budget, b, ['unit']);
  {
    const { pairs, extra } = pair(want.budget?.years, get(b, 'years'), byYear);
    for (const [w, g] of pairs) fields(t, 'budget', `budget.years[${byYear(w)}]`, w, g, ['initial', 'supplementary',
      'carriedFromPrevious', 'carriedToNext', 'reserveFund', 'total', 'executed', 'executionRate', 'request']);
    extraRows(t, 'budget', 'budget.years', extra);
  }
  {
    const { pairs, extra } = pair(want.budget?.breakdown, get(b, 'breakdown'), byText('item'));
    for (const [w, g] of pairs) fields(t, 'budget', `budget.breakdown[${text(w.item)}]`, w, g, ['item', 'currentYear', 'nextYearRequest', 'reason']);
    extraRows(t, 'budget', 'budget.breakdown', extra);
  }

  {
    const { pairs, extra } = pair(want.outcomes, get(got, 'outcomes'), byText('indicator'));
    pairs.forEach(([w, g], i) => {
      fields(t, 'outcomes', `outcomes[${i}]`, w, g, ['goal', 'indicator', 'unit']);
      fields(t, 'outcomes', `outcomes[${i}].finalTarget`, w.finalTarget, get(g, 'finalTarget'), ['fiscalYear', 'value']);
      valuesByYear(t, 'outcomes', `outcomes[${i}]`, w, g, ['actual', 'target', 'achievementRate']);
    });
    extraRows(t, 'outcomes', 'outcomes', extra);
  }
  fields(t, 'outcomes', '', want, got, ['noQuantitativeTargetReason']);
  {
    const { pairs, extra } = pair(want.outputs, get(got, 'outputs'), byText('indicator'));
    pairs.forEach(([w, g], i) => {
      fields(t, 'outputs', `outputs[${i}]`, w, g, ['indicator', 'unit']);
      valuesByYear(t, 'outputs', `outputs[${i}]`, w, g, ['actual', 'planned']);
    });
    extraRows(t, 'outputs', 'outputs', extra);
  }
  if (want.unitCost) {
    fields(t, 'unitCost', 'unitCost', want.unitCost, get(got, 'unitCost'), ['basis', 'unit', 'formulaUnit']);
    valuesByYear(t, 'unitCost', 'unitCost', want.unitCost, get(got, 'unitCost'), ['value', 'formula']);
  }
  fields(t, 'policy', 'policy', want.policy, get(got, 'policy'), ['policy', 'measure', 'contribution']);

  {
    const { pairs, extra } = pair(want.selfCheck, get(got, 'selfCheck'), byText('item'));
    for (const [w, g] of pairs) fields(t, 'selfCheck', `selfCheck[${text(w.item).slice(0, 16)}]`, w, g, ['mark', 'explanation']);
    extraRows(t, 'selfCheck', 'selfCheck', extra);
  }
  {
    const { pairs, extra } = pair(want.relatedProjects, get(got, 'relatedProjects'), byText('name'));
    for (const [w, g] of pairs) fields(t, 'review', `relatedProjects[${text(w.name).slice(0, 16)}]`, w, g, ['owner', 'projectNumber', 'name']);
    extraRows(t, 'review', 'relatedProjects', extra);
  }
  fields(t, 'review', 'review', want.review, get(got, 'review'), ['checkResult', 'improvementDirection',
    'externalOpinion', 'reviewTeamOpinion', 'reviewTeamVerdict', 'reflection', 'reflectionVerdict', 'remarks']);
  {
    const key = (r) => `${get(r, 'reviewYear')}:${text(get(r, 'projectNumber') ?? '')}`;
    const { pairs, extra } = pair(want.pastProjectNumbers, get(got, 'pastProjectNumbers'), key);
    for (const [w, g] of pairs) t.add('review', `pastProjectNumbers[${key(w)}]`, g !== undefined, key(w), g && key(g));
    extraRows(t, 'review', 'pastProjectNumbers', extra);
  }

  {
    const key = (r) => `${get(r, 'block') ?? '-'}:${text(get(r, 'name') ?? '').slice(0, 6)}`;
    const { pairs, extra } = pair(want.fundFlow, get(got, 'fundFlow'), key);
    for (const [w, g] of pairs) fields(t, 'fundFlow', `fundFlow[${key(w)}]`, w, g, ['name', 'amount', 'role']);
    extraRows(t, 'fundFlow', 'fundFlow', extra);
  }
  {
    const { pairs, extra } = pair(want.expenses, get(got, 'expenses'), (r) => String(get(r, 'block')));
    for (const [w, g] of pairs) {
      fields(t, 'expenses', `expenses[${w.block}]`, w, g, ['recipient', 'total']);
      if (!Array.isArray(w.items)) continue;
      const gi = Array.isArray(get(g, 'items')) ? get(g, 'items') : [];
      w.items.forEach((item, i) => fields(t, 'expenses', `expenses[${w.block}].items[${i}]`, item, gi[i], ['category', 'purpose', 'amount']));
      extraRows(t, 'expenses', `expenses[${w.block}].items`, gi.slice(w.items.length));
    }
    extraRows(t, 'expenses', 'expenses', extra);
  }
  for (const list of ['recipients', 'debtContracts']) {
    const key = (r) => `${get(r, 'block')}:${get(r, 'rank')}`;
    const { pairs, extra } = pair(want[list], get(got, list), key);
    for (const [w, g] of pairs) fields(t, list, `${list}[${key(w)}]`, w, g, ['name', 'corporateNumber', 'summary',
      'amount', 'contractMethod', 'bidders', 'winningBidRate', 'reason']);
    extraRows(t, list, list, extra);
  }
  return t;
}

function report(t, { verbose, json, label }) {
  const rows = [...t.sections].map(([k, s]) => ({ section: k, right: s.right, total: s.total, score: s.total ? s.right / s.total : 1 }));
  const overall = t.total ? t.right / t.total : 1;
  if (json) {
    console.log(JSON.stringify({ label, overall, right: t.right, total: t.total, sections: rows }, null, 2));
    return overall;
  }
  if (verbose) for (const m of t.misses) console.log(`  wrong ${m.path}\n    want ${JSON.stringify(m.want)}\n    got  ${JSON.stringify(m.got)}`);
  for (const r of rows) console.log(`${r.section.padEnd(14)} ${String(r.right).padStart(6)} / ${String(r.total).padEnd(6)} ${(100 * r.score).toFixed(1).padStart(5)}%`);
  console.log(`${'overall'.padEnd(14)} ${String(t.right).padStart(6)} / ${String(t.total).padEnd(6)} ${(100 * overall).toFixed(1).padStart(5)}%${label ? `  (${label})` : ''}`);
  return overall;
}

function main(argv) {
  const opt = { verbose: false, json: false, min: null, expected: null, actual: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose') opt.verbose = true;
    else if (a === '--json') opt.json = true;
    else if (a === '--min') opt.min = Number(argv[++i]);
    else if (a === '--expected') opt.expected = argv[++i];
    else if (a === '--actual') opt.actual = argv[++i];
    else opt.files.push(a);
  }
  const total = new Tally();
  let sheets = 0, missing = 0, unreadable = 0;
  const load = (p) => JSON.parse(readFileSync(p, 'utf8'));
  const one = (wantPath, gotPath, id) => {
    const want = load(wantPath);
    let got = {};
    if (!existsSync(gotPath)) missing += 1;
    else { try { got = load(gotPath); } catch { unreadable += 1; } }
    total.merge(scoreSheet(want, got), id);
    sheets += 1;
  };
  if (opt.expected && opt.actual) {
    for (const f of readdirSync(opt.expected).filter((f) => f.endsWith('.expected.json')).sort()) {
      const id = f.slice(0, -'.expected.json'.length);
      one(join(opt.expected, f), join(opt.actual, `${id}.json`), id);
    }
  } else if (opt.files.length === 2) {
    one(opt.files[0], opt.files[1], basename(opt.files[1]));
  } else {
    console.error('usage: score.mjs EXPECTED.json ACTUAL.json | --expected DIR --actual DIR [--verbose] [--json] [--min N]');
    process.exit(2);
  }
  const overall = report(total, { ...opt, label: `${sheets} sheets, ${missing} without output, ${unreadable} unreadable` });
  if (opt.min !== null && !(overall >= opt.min)) process.exit(1);
}

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) main(process.argv.slice(2));
