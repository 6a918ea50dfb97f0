// 支出先上位１０者リスト (per block) and 国庫債務負担行為等による契約先上位10者リスト.
// Each table row is typed: rank, name, 法人番号 (13 digits with a check digit), 業務概要,
// amount, contract method, bidders, winning-bid rate, reason. Extractors print a table by rows,
// by columns or half and half; we classify every word by type and zip each type's column.
import type { FundFlow, Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, isDash, isValidCorporateNumber, parseNumber, parseRate } from '../tokenize/values.js';
import { CONTRACT_METHODS } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';

const BLOCK_MARK = /^([A-ZＡ-Ｚ])[.．]?$/;
const CORPORATE = /^\d{13}$/;

type Kind = 'rank' | 'corporate' | 'amount' | 'method' | 'rate' | 'dash' | 'text';
interface Word {
  kind: Kind;
  text: string;
  token: Token;
}

function isMethod(text: string): boolean {
  const f = fold(text);
  return CONTRACT_METHODS.some((m) => f === fold(m)) || /^(随意契約|一般競争|指名競争|総合評価)/.test(f);
}

function classify(text: string, token: Token): Word {
  const f = fold(text);
  let kind: Kind = 'text';
  if (isDash(text)) kind = 'dash';
  else if (CORPORATE.test(f)) kind = 'corporate';
  else if (/%$/.test(f) && parseRate(text) !== null) kind = 'rate';
  else if (parseNumber(text) !== null) kind = 'amount';
  else if (isMethod(text)) kind = 'method';
  return { kind, text, token };
}

/** Splits glued cells: `1 富士ソフト（株）`, `7010001008844 ヒグマ監視等業務`, `0.1 随意契約（少額）`. */
function wordsOf(token: Token): Word[] {
  const parts = token.lines.length === 1 ? token.text.split(/ +/) : [token.text];
  const out: Word[] = [];
  for (const part of parts) {
    const w = classify(part, token);
    const prev = out[out.length - 1];
    if (w.kind === 'text' && prev?.kind === 'text') prev.text += ` ${part}`;
    else out.push(w);
  }
  return out;
}

interface Table {
  block: string | null;
  tokens: Token[];
}

/** Header groups (支出先 … 落札率) start tables; the block letters listed beside them name them. */
function tables(ctx: MatchContext, from: number, to: number): Table[] {
  const scope = ctx.tokens.slice(from, to);
  const letters = scope.filter((t) => BLOCK_MARK.test(t.folded) || /^[A-Z]\.?$/.test(t.lines.at(-1)!.text.trim()))
    .map((t) => (BLOCK_MARK.exec(t.folded) ?? /^([A-Z])/.exec(t.lines.at(-1)!.text.trim()))![1]!.normalize('NFKC'));
  const starts: number[] = [];
  scope.forEach((t, i) => {
    if (t.labels.includes('recipientHeader') && (i === 0 || !scope[i - 1]!.labels.includes('recipientHeader'))) starts.push(i);
  });
  return starts.map((s, k) => {
    let body = s;
    while (body < scope.length && scope[body]!.labels.includes('recipientHeader')) body++;
    const end = starts[k + 1] ?? scope.length;
    return { block: letters[k] ?? null, tokens: scope.slice(body, end).filter((t) => !isLabel(t) && !BLOCK_MARK.test(t.folded)) };
  });
}

function emptyRow(block: string | null, rank: number): Recipient {
  return { block, rank, name: null, corporateNumber: null, summary: null, amount: null, contractMethod: null, bidders: null, winningBidRate: null, reason: null };
}

/** Reads a table's words in order: text before a 法人番号 is a name, text after it a summary. */
function readRows(table: Table, summaries: Map<string, string>): Recipient[] {
  const words = table.tokens.flatMap(wordsOf);
  const rows: Recipient[] = [];
  let row: Recipient | null = null;
  const valueQueue: Word[] = [];
  let pendingName: string | null = null;
  const newRow = () => {
    row = emptyRow(table.block, rows.length + 1);
    rows.push(row);
    return row;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.kind === 'amount' && Number.isInteger(Number(w.text)) && Number(w.text) === rows.length + 1 && next && (next.kind === 'text' || next.kind === 'corporate')) {
      pendingName = null;
      newRow();
      continue;
    }
    if (w.kind === 'corporate' || (w.kind === 'text' && next?.kind === 'corporate')) {
      if (w.kind === 'text') {
        pendingName = w.text;
        continue;
      }
      const r: Recipient = row && (row as Recipient).corporateNumber === null && ((row as Recipient).name === null || pendingName === null) ? row : newRow();
      r.name = pendingName ?? r.name;
      pendingName = null;
      r.corporateNumber = w.text;
      const after = words[i + 1];
      if (after?.kind === 'text') {
        r.summary = after.text;
        i++;
      }
      continue;
    }
    if (w.kind === 'text' && row && (row as Recipient).name === null && (row as Recipient).corporateNumber === null) {
      (row as Recipient).name = w.text;
      continue;
    }
    valueQueue.push(w);
  }
  assignValues(rows, valueQueue);
  for (const r of rows) {
    if (r.summary) continue;
    const complete = r.name ? summaries.get(fold(r.name)) : undefined;
    if (complete) r.summary = complete;
  }
  return rows;
}

/** Amount, method, bidders, rate, reason per row: row by row when they come so, else column by column. */
function assignValues(rows: Recipient[], values: Word[]): void {
  if (!rows.length) return;
  const n = rows.length;
  const rowWise = values.length >= 2 && values[1]!.kind !== 'amount';
  const cells: Array<keyof Recipient> = ['amount', 'contractMethod', 'bidders', 'winningBidRate', 'reason'];
  const put = (r: Recipient, field: keyof Recipient, w: Word) => {
    if (w.kind === 'dash') return;
    if (field === 'amount' && w.kind === 'amount') r.amount = parseNumber(w.text);
    else if (field === 'contractMethod' && (w.kind === 'method' || w.kind === 'text')) r.contractMethod = w.text;
    else if (field === 'bidders' && w.kind === 'amount') r.bidders = parseNumber(w.text);
    else if (field === 'winningBidRate' && (w.kind === 'rate' || w.kind === 'amount')) r.winningBidRate = parseRate(w.text);
    else if (field === 'reason' && w.kind === 'text') r.reason = w.text;
  };
  if (rowWise) {
    let r = 0;
    let c = 0;
    for (const w of values) {
      if (r >= n) break;
      // A method can be missing from its row; skip its slot when the word is not one.
      if (cells[c] === 'contractMethod' && w.kind === 'amount' && !isMethod(w.text)) c++;
      put(rows[r]!, cells[c]!, w);
      c++;
      if (c >= cells.length) { c = 0; r++; }
    }
    return;
  }
  values.forEach((w, i) => {
    const field = cells[Math.floor(i / n)];
    if (field) put(rows[i % n]!, field, w);
  });
}

export function matchRecipients(ctx: MatchContext, fundFlow: FundFlow[]): { recipients: Recipient[]; debtContracts: Recipient[] } {
  const title = ctx.first('recipientsTitle');
  const debt = ctx.first('debtTitle');
  const summaries = new Map<string, string>();
  for (const f of fundFlow) if (f.name && f.role) summaries.set(fold(f.name), f.role);
  if (!title) {
    ctx.report('warning', 'missing-section', 'recipients', 'no 支出先上位１０者リスト was found');
    return { recipients: [], debtContracts: [] };
  }
  const end = debt && debt.index > title.index ? debt.index : ctx.tokens.length;
  const recipients = tables(ctx, title.index, end).flatMap((t) => readRows(t, summaries));
  const debtContracts = debt ? readDebt(ctx, debt) : [];
  recipients.forEach((r, i) => {
    if (r.corporateNumber && !isValidCorporateNumber(r.corporateNumber)) {
      ctx.report('warning', 'corporate-number-check-digit', `recipients[${i}].corporateNumber`, `法人番号 ${r.corporateNumber} fails its check digit`);
    }
  });
  return { recipients, debtContracts };
}

/** The debt-contract table names its block in a column of its own (ﾌﾞﾛｯｸ名); a dash row is empty. */
function readDebt(ctx: MatchContext, title: Token): Recipient[] {
  const rows = tables(ctx, title.index, ctx.tokens.length).flatMap((t) => readRows(t, new Map()));
  return rows.filter((r) => r.name !== null || r.corporateNumber !== null);
}
