// A table read row by row: each row opened by its rank, its words filling the row's cells left
// to right (pdftotext's order, and pdfminer's for tables it prints whole), with the ways the
// extractors print a cell late or early put back in place, and the 理由及び改善策 column given
// to the rows the template asks it of.
import type { Recipient } from '../assemble/schema.js';
import { fold } from '../tokenize/values.js';
import { LEGAL_FORM } from '../tokenize/vocabulary.js';
import { RIGHT_HALF, SLOTS, emptyRow, isRank, opensRow, rankOf, setCell, type Word } from './recipient-cells.js';

/** The 理由及び改善策 column is for 支出額10億円以上 only (its head says so): 1,000 百万円. */
export const REASON_FROM_AMOUNT = 1000;

/**
 * Rows printed one after another, each opened by its rank: its words fill the row's cells left
 * to right, a word skipping the cells whose kind it is not (a missing 法人番号, an empty method).
 */
export function readRankedRows(block: string | null, words: Word[], names: ReadonlySet<string> = new Set()): Recipient[] | null {
  const rows: Recipient[] = [];
  let slot = 0;
  // pdftotext may print two ranks together before the first's name (`8 9 個人Ｈ … 個人Ｉ`): the
  // second opens its row at the first name after the first row's amount.
  let pendingRank = false;
  // Rows whose 入札者数 cell was read, a dash included (it leaves the count null).
  const biddersRead = new Set<Recipient>();
  // Rows with a cell of their right half read (契約方式 on), a dash included.
  const rightRead = new Set<Recipient>();
  // pdftotext may print the first row's name before its rank, among the column heads' letters
  // (`法 人 エム・アール・アイ リサーチアソシエイツ（株） 1 番 号`): a name the fund flow gives.
  let leadingName: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!rows.length && w.kind === 'text' && names.has(fold(w.text))) leadingName = w.text;
    const twoRanks = isRank(w, rows.length + 1) && words[i + 1] !== undefined && isRank(words[i + 1]!, rows.length + 2) && words[i + 2]?.kind === 'text';
    // A dash between a rank and its name (`10 - 個人Ｊ - …`) is the row above's last cell, printed late.
    const dashBeforeName = isRank(w, rows.length + 1) && words[i + 1]?.kind === 'dash' && words[i + 2]?.kind === 'text' && isNameLength(words[i + 2]!)
      && ['dash', 'corporate'].includes(words[i + 3]?.kind ?? '');
    if (opensRow(words, i, rows.length + 1) || twoRanks || dashBeforeName) {
      rows.push(emptyRow(block, rows.length + 1));
      slot = 0;
      if (rows.length === 1 && leadingName !== null && !(words[i + 1]?.kind === 'text' && names.has(fold(words[i + 1]!.text)))) {
        rows[0]!.name = leadingName;
        slot = 1;
      }
      if (twoRanks) pendingRank = true;
      if (twoRanks || dashBeforeName) i++;
      continue;
    }
    const row = rows[rows.length - 1];
    if (!row) continue;
    if (pendingRank && w.kind === 'text' && row.amount !== null) {
      rows.push(emptyRow(block, rows.length + 1));
      rows.at(-1)!.name = w.text;
      slot = 1;
      pendingRank = false;
      continue;
    }
    // A name cut after its legal form (`(一社)`, `㈲`): the next text goes on with it, even when
    // pdftotext printed the next row's name first (`3 ㈲`, `4 可茂森林組合`, `スキルアドバンス`).
    const cut = w.kind === 'text' && row.name !== null ? rows.find((r) => r.name !== null && LEGAL_FORM.test(fold(r.name))) : undefined;
    if (cut) {
      cut.name += w.text;
      continue;
    }
    // A dash just before an amount, with its method or with the row's 法人番号 still empty
    // (`-`, `98 随意契約（企画競争）`), is an earlier cell's (the 法人番号 printed late): the
    // amount is the amount's.
    // A second text before the 法人番号 cell (or its dash), with the 業務概要 after that cell, is
    // the name's second part: pdftotext prints a name that a wide space splits as two boxes
    // (`本土新聞` `那覇西部販売所` `-` `新聞`).
    const namePart = w.kind === 'text' && row.name !== null && SLOTS[slot]?.field === 'corporateNumber'
      && (words[i + 1]?.kind === 'corporate' || words[i + 1]?.kind === 'dash') && words[i + 2]?.kind === 'text';
    // A name's second part printed apart, the column heads' letters between (`非特定営利活動法人`
    // `先` `法` `人` `安全工学会`): the two make a name the fund flow gives (`names`, folded).
    const namedPart = w.kind === 'text' && row.name !== null && row.corporateNumber === null && row.summary === null && names.has(fold(row.name + w.text));
    if (namePart || namedPart) {
      row.name += w.text;
      continue;
    }
    // A second text after the 業務概要, just before the amount: the summary's wrapped line, which
    // pdftotext prints as a box of its own (`エスプライン インフルエンザ` `購入代金` `0.1`).
    const summaryPart = w.kind === 'text' && row.summary !== null && SLOTS[slot]?.field === 'amount' && words[i + 1]?.kind === 'amount';
    if (summaryPart) {
      row.summary += w.text;
      continue;
    }
    const lateDash = w.kind === 'dash' && SLOTS[slot]?.field === 'amount' && words[i + 1]?.kind === 'amount';
    if (lateDash && (words[i + 2]?.kind === 'method' || row.corporateNumber === null)) continue;
    // A second dash after the 法人番号's, before the 業務概要 and its amount (`6 個人Ｆ - - 総合労働相談の実施 2`), is an earlier row's cell printed late.
    const lateSecondDash = w.kind === 'dash' && SLOTS[slot]?.field === 'summary' && words[i - 1]?.kind === 'dash' && words[i + 1]?.kind === 'text' && words[i + 2]?.kind === 'amount';
    if (lateSecondDash) continue;
    // A second right half after a row's (`… 2 随意契約（少額） - - - その他 1 -`) when the row
    // before it has none: the first was that row's, printed after this row's left half.
    const before = rows.at(-2);
    // A method after the dashes of a row's right half (`0.07 - - - 随意契約（少額）`), that row's or,
    // past the next row's right half, the row before's: printed after the cells beside it.
    // Only right after those cells: a method past a label (a note under the table) is not the row's.
    const adjacent = words[i - 1] !== undefined && w.token.index - words[i - 1]!.token.index <= 1;
    const lateFor = w.kind === 'method' && slot > METHOD_SLOT && adjacent ? (row.contractMethod === null ? row : before && rightRead.has(before) && before.contractMethod === null ? before : null) : null;
    if (lateFor) {
      setCell(lateFor, 'contractMethod', w);
      continue;
    }
    if (w.kind === 'method' && row.contractMethod !== null && before && !rightRead.has(before) && before.amount !== null) {
      for (const field of RIGHT_HALF) {
        (before as Record<string, unknown>)[field] = row[field];
        (row as Record<string, unknown>)[field] = null;
      }
      if (biddersRead.delete(row)) biddersRead.add(before);
      rightRead.add(before);
      setCell(row, 'contractMethod', w);
      slot = METHOD_SLOT + 1;
      continue;
    }
    const chunk = SLOTS[slot]?.field === 'bidders' ? biddersChunk(rows, words, i, biddersRead) : 0;
    if (chunk) {
      i += chunk - 1;
      slot++;
      continue;
    }
    while (slot < SLOTS.length && !SLOTS[slot]!.kinds.includes(w.kind)) slot++;
    if (slot >= SLOTS.length) continue;
    setCell(row, SLOTS[slot]!.field, w);
    if (SLOTS[slot]!.field === 'bidders') biddersRead.add(row);
    if (slot >= METHOD_SLOT) rightRead.add(row);
    slot++;
  }
  return rows.length ? rows : null;
}

/** Where a row's right half (RIGHT_HALF) starts among its slots. */
const METHOD_SLOT = SLOTS.findIndex((s) => s.field === RIGHT_HALF[0]);

/** Longer texts are reasons or summaries, not a recipient's name. */
const MAX_NAME = 30;
export const isNameLength = (w: Word) => [...fold(w.text)].length <= MAX_NAME && !/。$/.test(w.text);

/**
 * pdfminer may print the 入札者数 column of the rows so far after a row's method, as a chunk
 * (`… 362 随意契約（少額） 1 1 1`, then the next row): when the chunk's counts are as many as
 * the rows with a method and no count yet, this one included, and the table goes on with other
 * cells (a reason, the next row), they are those rows' in order.
 * Returns how many words it took (0 for none).
 */
function biddersChunk(rows: Recipient[], words: readonly Word[], at: number, read: Set<Recipient>): number {
  let end = at;
  while (end < words.length && (isCount(words[end]!) || words[end]!.kind === 'dash') && !opensRow(words, end, rows.length + 1)) end++;
  const lacking = rows.filter((r) => r.contractMethod !== null && !read.has(r));
  // A 落札率 column after it is the trailing columns' (withTrailingColumns), read together.
  const columnsGoOn = end >= words.length || words[end]!.kind === 'rate';
  const counts = words.slice(at, end).filter(isCount).length;
  if (end - at < 2 || !counts || lacking.length !== end - at || columnsGoOn) return 0;
  lacking.forEach((r, k) => {
    setCell(r, 'bidders', words[at + k]!);
    read.add(r);
  });
  return end - at;
}

/** A number of bidders: a whole number, no amount in the millions. */
export const isCount = (w: Word) => w.kind === 'amount' && /^\d{1,3}$/.test(fold(w.text));

/** The highest rank printed with its name in one box (`4 佐賀県…`): the table has at least that many rows. */
export const highestNamedRank = (words: readonly Word[]) =>
  Math.max(0, ...words.map((w, i) => (words[i + 1]?.kind === 'text' && words[i + 1]!.token === w.token ? rankOf(w) ?? 0 : 0)));

/**
 * pdfminer may print rows up to their contract method one after another, then the 入札者数
 * column of every row, the 落札率 column and the 理由 column (`- 1 - 8 …`, `- - 63.3％ …`,
 * `- - …`): the rows read one by one took those as the last row's. When the words after the
 * last row's method are two or three columns' worth, of numbers, rates and dashes alone, and no
 * other row has a cell of them, they fill the columns row by row.
 */
export function withTrailingColumns(rows: Recipient[] | null, words: readonly Word[]): Recipient[] | null {
  if (!rows || rows.length < 2) return rows;
  const n = rows.length;
  let from = words.length;
  while (from > 0 && ['amount', 'dash', 'rate'].includes(words[from - 1]!.kind)) from--;
  const tail = words.slice(from);
  const earlier = rows.slice(0, -1).some((r) => r.bidders !== null || r.winningBidRate !== null || r.reason !== null);
  if (earlier || (tail.length !== 2 * n && tail.length !== 3 * n) || words[from - 1]?.kind !== 'method') return rows;
  return rows.map((r, k) => {
    const row = { ...r, bidders: null, winningBidRate: null, reason: null };
    setCell(row, 'bidders', tail[k]!);
    setCell(row, 'winningBidRate', tail[n + k]!);
    return row;
  });
}

/**
 * pdftotext may print the last row's 支出額 after every other cell of the table, past a run of
 * dashes (`10 出張者Ｊ - 出張旅費 随意契約（その他） 1 - - … - - - - 0.9`): when the last row
 * alone has no amount but has its right half, and the words end with an amount after a dash
 * that keeps the list sorted (largest first), it is that row's.
 */
export function withLateAmount(rows: Recipient[] | null, words: readonly Word[]): Recipient[] | null {
  const last = rows?.at(-1);
  const [before, end] = words.slice(-2);
  if (!rows || !last || last.amount !== null || rows.slice(0, -1).some((r) => r.amount === null) || last.contractMethod === null || last.bidders === null) return rows;
  if (end?.kind !== 'amount' || before?.kind !== 'dash') return rows;
  const row = { ...last };
  setCell(row, 'amount', end);
  const above = rows.at(-2)?.amount;
  return row.amount !== null && (above === undefined || above === null || row.amount <= above) ? [...rows.slice(0, -1), row] : rows;
}

/**
 * pdftotext may print the first row's name before its rank, the heads' letters between
 * (`(株）ＩＨＩ 1 - Ｐ－１用エンジン 4,897`): the name goes after the rank.
 */
export function nameBeforeFirstRank(words: Word[]): Word[] {
  const [name, rank, after] = words;
  if (!name || !rank || name.kind !== 'text' || !isNameLength(name) || !isRank(rank, 1) || !['dash', 'corporate'].includes(after?.kind ?? '')) return words;
  return [rank, name, ...words.slice(2)];
}

/**
 * pdftotext may print the first row's amount, method and the rest before the row's rank and
 * name (`33,393 随意契約（少額） 1 - … 1 岩手県 4000020030007 …`): they go back after that row's
 * summary, before the second row opens.
 */
export function firstRowValuesInPlace(words: Word[]): Word[] {
  const first = words.findIndex((_, i) => opensRow(words, i, 1));
  if (first <= 0 || words[0]!.kind !== 'amount' || !words.slice(0, first).some((w) => w.kind === 'method')) return words;
  const second = words.findIndex((_, i) => i > first && opensRow(words, i, 2));
  const end = second < 0 ? words.length : second;
  return [...words.slice(first, end), ...words.slice(0, first), ...words.slice(end)];
}

/** A contract the 理由及び改善策 column is for: 10億円 or more, let without competition (随意契約). */
const owesReason = (r: Recipient) => r.amount !== null && r.amount >= REASON_FROM_AMOUNT && r.contractMethod !== null && /随意契約/.test(fold(r.contractMethod));

/**
 * pdfminer prints the 理由及び改善策 column as a run of texts after other rows' cells (`… 1 1 1
 * 在外選挙制度の… 社会経済情勢等を… - - -`), which row-by-row reading gives the row at hand:
 * when the table's texts that are no row's name, 業務概要 or method are as many as the rows the
 * column is for, they are those rows' reasons, in order, and no other row keeps one of them.
 */
export function withReasonsInOrder(rows: Recipient[], words: readonly Word[]): Recipient[] {
  const cells = new Set(rows.flatMap((r) => [r.name, r.summary, r.contractMethod]));
  const reasons = words.filter((w) => w.kind === 'text' && !isNameLength(w) && !cells.has(w.text));
  const owing = rows.filter(owesReason);
  if (!reasons.length || reasons.length !== owing.length) return rows;
  const placed = new Set(reasons.map((w) => w.text));
  return rows.map((r) => ({ ...r, reason: owesReason(r) ? reasons[owing.indexOf(r)]!.text : r.reason !== null && placed.has(r.reason) ? null : r.reason }));
}
