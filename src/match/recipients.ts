// 支出先上位１０者リスト (per block) and 国庫債務負担行為等による契約先上位10者リスト.
// Each table row is typed: rank, name, 法人番号 (13 digits with a check digit), 業務概要,
// amount, contract method, bidders, winning-bid rate, reason. Extractors print a table by rows,
// by columns or half and half; we classify every word by type and zip each type's column.
// Stream text: recipient-tables.ts cuts the scope into tables in the ways it may be printed,
// each table is read row by row (recipient-ranked.ts) and by its chunks (recipient-chunks.ts),
// and of the readings the one that fills most cells is kept, block by block.
import type { FundFlow, Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { LEGAL_FORM } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { readRecipientLines } from './recipient-lines.js';
import { fillValues, fillValuesWithOwnPairs, readByChunks } from './recipient-chunks.js';
import { readByCorporateNumbers } from './recipient-anchors.js';
import { giveTuples, setApartTuples } from './recipient-apart.js';
import { filled, fullest, fullestByBlock, namesByCorporateNumber, relabelByFundFlow } from './recipient-references.js';
import type { Table } from './recipient-pieces.js';
import { surplusBackward, surplusForward } from './recipient-surplus.js';
import { emptyRow, opensRow, rankOf, roleCompletes, wordsOf, type Word } from './recipient-cells.js';
import { firstRowValuesInPlace, highestNamedRank, nameBeforeFirstRank, readRankedRows, REASON_FROM_AMOUNT, withLateAmount, withReasonsInOrder, withTrailingColumns } from './recipient-ranked.js';
import { tablesWithLateBand } from './recipient-late-band.js';
import { isLetterMark, letterOf, tables } from './recipient-tables.js';

const DEBT_HEAD = /契約先|ﾌﾞﾛｯｸ|ブロック|契約額/;

/** Reads a table's words in order: text before a 法人番号 is a name, text after it a summary. */
function readRows(table: Table, flow: FlowCells): Recipient[] {
  const words = firstRowValuesInPlace(nameBeforeFirstRank(table.tokens.flatMap(wordsOf)));
  const ranked = withLateAmount(withTrailingColumns(readRankedRows(table.block, words, flow.names), words), words);
  // Rows read one after another, each with its name and amount, need no other reading.
  // A rank past the last row read may be a later row's, printed after the cells (… 2 3): then
  // the chunk reading is tried too.
  const lateRank = ranked !== null && words.some((w) => rankOf(w) === ranked.length + 1);
  const complete = ranked !== null && ranked.every((r) => r.name !== null && r.amount !== null) && highestNamedRank(words) <= ranked.length && !lateRank;
  const chunked = complete ? null : readByChunks(table.block, words);
  if (chunked && (!ranked || filled(chunked) > filled(ranked))) return completeSummaries(withReasonsInOrder(withNamesAfterLegalForms(chunked, ranked), words), flow);
  if (ranked && ranked.every((r) => r.name !== null)) return completeSummaries(withReasonsInOrder(ranked, words), flow);
  const rows: Recipient[] = [];
  let row: Recipient | null = null;
  const valueQueue: Word[] = [];
  // The row each queued value was printed in (the last row opened before it).
  const queuedIn: number[] = [];
  let pendingName: string | null = null;
  const newRow = () => {
    row = emptyRow(table.block, rows.length + 1);
    rows.push(row);
    return row;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (opensRow(words, i, rows.length + 1)) {
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
    queuedIn.push(rows.length - 1);
  }
  const withOwnPairs = fillValuesWithOwnPairs(rows, valueQueue, queuedIn);
  if (withOwnPairs) return completeSummaries(withReasonsInOrder(withOwnPairs, words), flow);
  fillValues(rows, valueQueue);
  return completeSummaries(withReasonsInOrder(rows, words), flow);
}

/**
 * A name cut after its legal form (`(一社)`, `㈲`) that the row-by-row reading joined with the
 * text that goes on with it, printed rows later (`3 ㈲ 4 可茂森林組合 スキルアドバンス`): the
 * chunk reading, which reads other cells better, takes that rank's whole name.
 */
function withNamesAfterLegalForms(rows: Recipient[], ranked: readonly Recipient[] | null): Recipient[] {
  if (!ranked) return rows;
  return rows.map((r) => {
    const whole = r.name !== null && LEGAL_FORM.test(fold(r.name)) ? ranked.find((o) => o.rank === r.rank)?.name : null;
    return whole && whole.length > r.name!.length && whole.startsWith(r.name!) ? { ...r, name: whole } : r;
  });
}

/** What the fund flow tells the tables: each box's role (業務概要) and its recipient's name. */
interface FlowCells {
  /** Roles by roleKey: by block and name, and by name alone while one box gives that name a role. */
  roles: ReadonlyMap<string, string>;
  /** The boxes' names, folded: a name the table prints in two parts is one of them. */
  names: ReadonlySet<string>;
}

/** A fund-flow role's key: the recipient's folded name, with its block when given. */
const roleKey = (name: string, block?: string | null) => (block === undefined ? fold(name) : `${block ?? ''}|${fold(name)}`);

function flowCells(fundFlow: readonly FundFlow[]): FlowCells {
  const roles = new Map<string, string>();
  for (const f of fundFlow) {
    if (!f.name || !f.role) continue;
    roles.set(roleKey(f.name, f.block), f.role);
    const byName = roleKey(f.name);
    roles.set(byName, roles.has(byName) && roles.get(byName) !== f.role ? '' : f.role);
  }
  return { roles, names: new Set(fundFlow.flatMap((f) => (f.name ? [fold(f.name)] : []))) };
}

/** The stream text's tables read; of two cuttings into tables, the one that fills more cells. */
function readTables(whole: readonly Token[], flow: FlowCells): Recipient[] {
  const { rest: scope, tuples } = setApartTuples(whole, (i) => blockBefore(whole, i), isLetterMark);
  const cut = tables(scope);
  // The cuttings share most of their tables: each table is read once.
  const readings = new Map<string, Recipient[]>();
  const readOnce = (t: Table) => {
    const key = `${t.block}:${t.tokens.map((x) => x.index).join(',')}`;
    let rows = readings.get(key);
    if (!rows) readings.set(key, (rows = readRows(t, flow)));
    return rows;
  };
  const read = (c: Table[]) => c.flatMap(readOnce);
  const candidates = [cut.tables, cut.pieces, cut.byHeaders, tablesWithLateBand(scope), surplusForward(cut.tables), surplusBackward(cut.tables), cut.byLetter && surplusBackward(cut.byLetter)].filter((c) => c !== null).map(read);
  // The letters' own cutting is read only for the blocks the others leave without a name.
  const letters = new Set(cut.byLetter?.map((t) => t.block));
  const best = fullest(candidates);
  if (cut.byLetter && [...letters].some((block) => !best.some((r) => r.block === block && (r.name !== null || r.corporateNumber !== null)))) candidates.push(read(cut.byLetter));
  return giveTuples(fullestByBlock(candidates), tuples);
}

/** The letter of the last block mark at or before scope position i. */
function blockBefore(scope: readonly Token[], i: number): string | null {
  for (let k = i; k >= 0; k--) if (isLetterMark(scope[k]!)) return letterOf(scope[k]!);
  return null;
}

/**
 * A summary the table lost or clipped is completed from the recipient's fund-flow box: its
 * block's, where one recipient heads several blocks (`B` and `C`, 学校法人早稲田大学).
 */
function completeSummaries(rows: Recipient[], { roles }: FlowCells): Recipient[] {
  for (const r of rows) {
    const full = r.name ? roles.get(roleKey(r.name, r.block)) ?? roles.get(roleKey(r.name)) : undefined;
    if (!full) continue;
    if (roleCompletes(r.summary, full)) r.summary = full;
  }
  return rows;
}

export function matchRecipients(ctx: MatchContext, fundFlow: FundFlow[]): { recipients: Recipient[]; debtContracts: Recipient[] } {
  const title = ctx.first('recipientsTitle');
  const debt = ctx.first('debtTitle');
  const flow = flowCells(fundFlow);
  if (!title) {
    ctx.report('warning', 'missing-section', 'recipients', 'no 支出先上位１０者リスト was found');
    return { recipients: [], debtContracts: [] };
  }
  // The recipients end where the debt-contract table's own column heads begin (契約先,
  // ﾌﾞﾛｯｸ名): a stream extractor may print that table's title long before its body.
  const debtHead = debt ? ctx.find('recipientHeader').find((t) => t.index > debt.index && DEBT_HEAD.test(t.folded)) : undefined;
  const end = debt && debt.index > title.index ? (debtHead ?? debt).index : ctx.tokens.length;
  let recipients = ctx.isLayout
    ? readRecipientLines(ctx.sheet.lines, title.row + 1, debt && debt.row > title.row ? debt.row : ctx.sheet.lines.length + 1).flatMap((b) => b.rows)
    : readTables(ctx.tokens.slice(title.index, end), flow);
  // Nothing read as a table: the rows the 法人番号 anchor, wherever the extractor put their cells.
  if (!ctx.isLayout && !recipients.some((r) => r.name || r.corporateNumber)) {
    recipients = readByCorporateNumbers(ctx.tokens.slice(title.index), fundFlow);
    if (recipients.length) ctx.report('info', 'recipients-anchored', 'recipients', `the 支出先 table could not be read as a table; ${recipients.length} rows were read from their 法人番号 and given the blocks of the fund-flow boxes with their amounts`);
  }
  const debtContracts = debt ? readDebt(ctx, debt) : [];
  recipients = relabelByFundFlow(namesByCorporateNumber(recipients), fundFlow);
  return { recipients: recipients.map((r, k) => withRateInScope(ctx, withReasonInScope(ctx, r, k), k)), debtContracts };
}

/** 落札率 is a bid's: only a contract let by tender (入札, 競争契約, 落札方式) has one. */
const BY_TENDER = /入札|競争契約|落札/;

/** A rate read beside a contract known not to be let by tender is another cell's number; kept in a diagnostic. */
function withRateInScope(ctx: MatchContext, row: Recipient, k: number): Recipient {
  if (row.winningBidRate === null || row.contractMethod === null || BY_TENDER.test(fold(row.contractMethod))) return row;
  ctx.report('info', 'rate-out-of-scope', `recipients[${k}].winningBidRate`, `block ${row.block ?? '?'} rank ${row.rank}: ${row.winningBidRate}% was read as its 落札率, but its contract (${row.contractMethod}) was not let by tender; it is left out`);
  return { ...row, winningBidRate: null };
}

/** A reason read for a row the column is not for is another cell's text; it is kept in a diagnostic. */
function withReasonInScope(ctx: MatchContext, row: Recipient, k: number): Recipient {
  if (row.reason === null || row.amount === null || row.amount >= REASON_FROM_AMOUNT) return row;
  ctx.report('info', 'reason-out-of-scope', `recipients[${k}].reason`, `block ${row.block ?? '?'} rank ${row.rank}: "${row.reason}" was read as its 理由及び改善策, which the template asks only of amounts of 10億円 or more; it is left out`);
  return { ...row, reason: null };
}

/** A row that opens with its block letter, then its rank (`A 1 日本電気（株）`, or `A 1` on a line of its own): indent, letter, rank. */
const OPENED_ROW = /^(\s*)([A-ZＡ-Ｚ])(?=\s+([\d０-９]{1,2})(?:\s+\S|\s*$))/;

/** The debt-contract table names its block in a column of its own (ﾌﾞﾛｯｸ名); a dash row is empty. */
function readDebt(ctx: MatchContext, title: Token): Recipient[] {
  const lines = ctx.sheet.lines.slice(title.row);
  // Layout text is read line by line like the 支出先 table, the block column set aside.
  const rows = ctx.isLayout
    ? readRecipientLines(ctx.sheet.lines.map((l, i) => (i >= title.row ? l.replace(OPENED_ROW, (_, lead: string, letter: string) => lead + ' '.repeat(letter.length)) : l)), title.row + 1, ctx.sheet.lines.length + 1).flatMap((b) => b.rows)
    : readTables(ctx.tokens.slice(title.index), flowCells([]));
  // A row opens with its block and rank (`A 1 日本電気（株）`): rows still without a block take
  // those letters, rank by rank, in order.
  const opened = lines.map((l) => OPENED_ROW.exec(l)).filter((m) => m !== null).map((m) => ({ block: m[2]!.normalize('NFKC'), rank: Number(fold(m[3]!)) }));
  for (const row of rows) {
    if (row.block !== null) continue;
    const at = opened.findIndex((o) => o.rank === row.rank);
    if (at >= 0) row.block = opened.splice(at, 1)[0]!.block;
  }
  return rows.filter((r) => r.name !== null || r.corporateNumber !== null);
}
