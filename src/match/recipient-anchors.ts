// The last resort for a recipient table a stream extractor scattered beyond reading as a
// table (the seed's pdfminer text prints one block's row before the debt table, the others
// after it, and a row's cells in three places). Each 法人番号 with a valid check digit anchors
// a row: the name before it, the 業務概要 after it, then the amount, method, bidders and rate.
// The fund flow then says which block each row is: its box has the row's amount.
import type { FundFlow, Recipient } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, isValidCorporateNumber } from '../tokenize/values.js';
import { classify, emptyRow, roleCompletes, setCell, type Word } from './recipient-cells.js';

/** A method glued to the number that follows it (総合評価入札7010001008844). */
const GLUED_NUMBER = /^(\D+?)(\d{13})$/;

interface Anchor {
  row: Recipient;
  token: Token;
}

/**
 * A box's words line by line (recipient-cells' wordsOf reads a box of several lines as one word):
 * text that wraps from one line onto the next is one word, and a number glued to text is split.
 */
function wordsByLine(token: Token): Word[] {
  const out: Word[] = [];
  token.lines.forEach((line, l) => {
    line.text.split(/ +/).filter(Boolean).forEach((p, k) => {
      const glued = GLUED_NUMBER.exec(fold(p));
      const words = glued ? [classify(glued[1]!, token), classify(glued[2]!, token)] : [classify(p, token)];
      const last = out.at(-1);
      if (l > 0 && k === 0 && last?.kind === 'text' && words[0]!.kind === 'text') last.text += words.shift()!.text;
      out.push(...words);
    });
  });
  return out;
}

const isCorporate = (w: Word) => w.kind === 'corporate' && isValidCorporateNumber(fold(w.text));
/** A box of values alone with a rate among them (`2 90.1％`): bidders and rate printed apart from their row. */
const isValuesApart = (words: readonly Word[]) => words.length > 0 && words.every((w) => w.kind === 'amount' || w.kind === 'rate' || w.kind === 'dash') && words.some((w) => w.kind === 'rate');

/** Reads the rows the 法人番号 in `tokens` anchor, and gives each the block of the fund-flow box with its amount. */
export function readByCorporateNumbers(tokens: readonly Token[], fundFlow: readonly FundFlow[]): Recipient[] {
  const cells = tokens.filter((t) => !isLabel(t));
  const anchors: Anchor[] = [];
  const taken = new Set<Token>();
  cells.forEach((t, i) => {
    const words = wordsByLine(t);
    const at = words.findIndex(isCorporate);
    if (at < 0) return;
    const row = emptyRow(null, 1);
    row.corporateNumber = fold(words[at]!.text);
    const before = words[at - 1];
    if (before?.kind === 'text') row.name = before.text;
    if (before?.kind === 'method') row.contractMethod = before.text;
    // What follows the number: its own box's rest, then the next boxes until the amount's.
    let rest = words.slice(at + 1);
    if (rest[0]?.kind === 'text') row.summary = rest.shift()!.text;
    for (let j = i + 1; j < cells.length && !rest.some((w) => w.kind === 'amount'); j++) {
      const next = wordsByLine(cells[j]!);
      if (next.some(isCorporate)) break;
      if (next.length === 1 && next[0]!.kind === 'text' && !row.summary) row.summary = next[0]!.text;
      else if (next[0]?.kind === 'amount') rest = [...rest, ...next];
      taken.add(cells[j]!);
    }
    const amountAt = rest.findIndex((w) => w.kind === 'amount');
    if (amountAt >= 0) {
      const [amount, ...after] = rest.slice(amountAt);
      setCell(row, 'amount', amount!);
      const fields = (['contractMethod', 'bidders', 'winningBidRate'] as const).filter((f) => row[f] === null);
      after.slice(0, fields.length).forEach((w, k) => setCell(row, fields[k]!, w));
    }
    anchors.push({ row, token: t });
    taken.add(t);
  });
  nameFromTwins(anchors.map((a) => a.row));
  const apart = cells.filter((t) => !taken.has(t)).map(wordsByLine).filter(isValuesApart);
  for (const row of anchors.map((a) => a.row)) {
    if (row.contractMethod === null || row.bidders !== null || !apart.length) continue;
    const [bidders, rate] = apart.shift()!;
    setCell(row, 'bidders', bidders!);
    if (rate) setCell(row, 'winningBidRate', rate);
  }
  return rankWithinBlocks(assignBlocks(anchors.map((a) => a.row), fundFlow), fundFlow);
}

/** A number printed twice (one company, two blocks) names both rows. */
function nameFromTwins(rows: Recipient[]): void {
  for (const r of rows) if (!r.name) r.name = rows.find((o) => o !== r && o.name && o.corporateNumber === r.corporateNumber)?.name ?? null;
}

/** Each row to the block whose fund-flow box holds its amount (and its name, when two boxes hold that amount). */
function assignBlocks(rows: Recipient[], fundFlow: readonly FundFlow[]): Recipient[] {
  const free = fundFlow.filter((f) => f.block !== null);
  for (const r of rows) {
    const same = free.filter((f) => f.amount !== null && r.amount !== null && Math.abs(f.amount - r.amount) < 0.001);
    const box = same.find((f) => r.name && f.name && fold(f.name) === fold(r.name)) ?? same[0];
    if (!box) continue;
    r.block = box.block;
    free.splice(free.indexOf(box), 1);
  }
  return rows.filter((r) => r.block !== null);
}

/** Rows of a block in the order of their amounts, largest first, as the template lists them; a clipped 業務概要 is completed from the block's box. */
function rankWithinBlocks(rows: Recipient[], fundFlow: readonly FundFlow[]): Recipient[] {
  const blocks = [...new Set(rows.map((r) => r.block))].sort();
  return blocks.flatMap((b) => {
    const inBlock = rows.filter((r) => r.block === b).sort((x, y) => (y.amount ?? 0) - (x.amount ?? 0));
    const role = fundFlow.find((f) => f.block === b)?.role;
    inBlock.forEach((r, k) => {
      r.rank = k + 1;
      if (role && k === 0 && roleCompletes(r.summary, role)) r.summary = role;
    });
    return inBlock;
  });
}
