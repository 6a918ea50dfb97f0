// Cross-references that settle what one reading of the 支出先 tables cannot: other cuttings of
// the same words, the rows' own 法人番号, and the fund-flow boxes each block's rows must fit.
import type { FundFlow, Recipient } from '../assemble/schema.js';
import { fold } from '../tokenize/values.js';
import { RECIPIENT_COUNT } from '../tokenize/vocabulary.js';

/** How many cells a reading filled: the fuller of two readings of the same words is the truer. */
export const filled = (rows: readonly Recipient[]) => rows.reduce((n, r) => n + Object.values(r).filter((v) => v !== null).length, 0);

/** Of readings of the same words, the one that fills the most cells (the first of equals). */
export const fullest = (readings: readonly Recipient[][]) => readings.reduce((a, c) => (filled(c) > filled(a) ? c : a));

const whole = (r: Recipient) => r.name !== null && r.amount !== null;
const wholeRows = (rows: readonly Recipient[]) => rows.filter(whole).length;
/** A row's own cells, which no two blocks' rows share. */
const cellsOf = (r: Recipient) => `${r.summary}|${r.amount}`;

/** Rows whose 業務概要 is a name of the block's rows: cells read one column off (`2 個人Ｂ 個人A`). */
const namesAsSummaries = (rows: readonly Recipient[]) => {
  const names = new Set(rows.flatMap((r) => (r.name ? [fold(r.name)] : [])));
  return rows.filter((r) => r.summary !== null && names.has(fold(r.summary))).length;
};

/**
 * The fullest cutting, each block of it taking instead the rows of another cutting that reads
 * more of its rows whole (a name and an amount) over as many rows, when no other block as
 * taken reads those cells: one cutting can get one block's cells right and the next block's
 * wrong (pdfminer printing a block's last rows' cells after the next block's names).
 */
function wholerBlocks(best: readonly Recipient[], candidates: readonly Recipient[][]): Recipient[] {
  const blocks = [...new Set(best.map((r) => r.block))];
  const chosen = new Map(blocks.map((block) => [block, best.filter((r) => r.block === block)]));
  // A block taking other rows frees cells another block's better rows need: until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const block of blocks) {
      const own = chosen.get(block)!;
      const others = new Set([...chosen].flatMap(([b, rows]) => (b === block ? [] : rows.filter(whole).map(cellsOf))));
      const better = candidates.map((c) => c.filter((r) => r.block === block))
        .filter((rows) => rows.length === own.length && wholeRows(rows) > wholeRows(own) && !rows.some((r) => whole(r) && others.has(cellsOf(r))));
      if (!better.length) continue;
      chosen.set(block, better.reduce((a, c) => (wholeRows(c) > wholeRows(a) || (wholeRows(c) === wholeRows(a) && namesAsSummaries(c) < namesAsSummaries(a)) ? c : a)));
      changed = true;
    }
  }
  return [...chosen.values()].flat();
}

/**
 * The cutting that fills the most cells, its blocks perhaps taken whole from others
 * (wholerBlocks); a block it reads no name of, or leaves out, takes its rows from the fullest
 * other cutting that reads whole rows (a name and an amount) for it, when none of those is
 * read in another block already.
 */
export function fullestByBlock(candidates: readonly Recipient[][]): Recipient[] {
  const best = wholerBlocks(fullest(candidates), candidates);
  const pair = (r: Recipient) => `${fold(r.name!)}|${r.amount}`;
  const blocks = [...new Set([...best, ...candidates.flat()].map((r) => r.block))];
  let added = false;
  const rows = blocks.flatMap((block) => {
    const of = (c: readonly Recipient[]) => c.filter((r) => r.block === block);
    const own = of(best);
    if (own.some((r) => r.name !== null || r.corporateNumber !== null)) return own;
    const elsewhere = new Set(best.filter((r) => r.block !== block && whole(r)).map(pair));
    const fresh = (rs: Recipient[]) => rs.some(whole) && !rs.some((r) => whole(r) && elsewhere.has(pair(r)));
    const taken = fullest([own, ...candidates.map(of).filter(fresh)]);
    added ||= !own.length && taken.length > 0;
    return taken;
  });
  // Blocks the fullest cutting left out go in their letters' places.
  return added ? inLetterOrder(rows) : rows;
}

/**
 * A row whose name the extractor printed out of reach takes the name another row prints with the
 * same 法人番号: the number names one corporation, which blocks often pay more than once.
 */
export function namesByCorporateNumber(rows: Recipient[]): Recipient[] {
  const names = new Map<string, string>();
  for (const r of rows) if (r.name !== null && r.corporateNumber !== null && !names.has(r.corporateNumber)) names.set(r.corporateNumber, r.name);
  return rows.map((r) => (r.name === null && r.corporateNumber !== null && names.has(r.corporateNumber) ? { ...r, name: names.get(r.corporateNumber)! } : r));
}

/**
 * Rows that their block's fund-flow box does not describe (neither the first row's name nor its
 * 業務概要 is the box's), while exactly one other box does, with as many rows as its `（5者）`,
 * belong to that box's block when its own rows are missing or misfit too: pdfminer can print the
 * letters out of order (E. before C. and D.), and a cutting can then swap two blocks' letters.
 */
export function relabelByFundFlow(rows: Recipient[], fundFlow: readonly FundFlow[]): Recipient[] {
  const boxes = fundFlow.filter((f) => f.block !== null);
  const rowsOf = (block: string | null) => rows.filter((r) => r.block === block);
  const same = (a: string | null, b: string | null | undefined) => a !== null && b != null && fold(a) === fold(b);
  const fits = (box: FundFlow, own: readonly Recipient[]) => same(box.name, own[0]?.name) || same(box.role, own[0]?.summary);
  const counted = (box: FundFlow, own: readonly Recipient[]) => {
    const count = RECIPIENT_COUNT.exec(fold(box.name ?? ''));
    return !count || Number(count[1]) === own.length;
  };
  const misfit = (block: string | null) => {
    const box = boxes.find((f) => f.block === block);
    const own = rowsOf(block);
    return own.length === 0 || (box !== undefined && !fits(box, own));
  };
  const renamed = new Map<string | null, string>();
  for (const block of new Set(rows.map((r) => r.block))) {
    if (!misfit(block)) continue;
    const own = rowsOf(block);
    const others = boxes.filter((f) => f.block !== block && misfit(f.block) && fits(f, own) && counted(f, own));
    if (others.length === 1) renamed.set(block, others[0]!.block!);
  }
  // Each block's rows go to one block, whose own rows are none or go elsewhere too.
  const targets = [...renamed.values()];
  if (new Set(targets).size < targets.length || targets.some((t) => rowsOf(t).length > 0 && !renamed.has(t))) return rows;
  return renamed.size ? inLetterOrder(rows.map((r) => (renamed.has(r.block) ? { ...r, block: renamed.get(r.block)! } : r))) : rows;
}

/** Rows in their blocks' letter order, each block's rows as they were. */
const inLetterOrder = (rows: Recipient[]) => rows.sort((a, b) => (a.block ?? '~').localeCompare(b.block ?? '~'));
