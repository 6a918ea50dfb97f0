// 費目・使途 in stream text when the sheet has one block: pdfminer and pdftotext print its
// 費目, 使途 and 金額 cells in runs of their own (人件費 研究員の人件費 一般管理費 事務経費 計 0.6
// 1.4 2), so the line reader cannot pair them. The amounts are known by their sum, which is
// the 計 after them; the texts are twice as many, 費目 and 使途 interleaved in one of a few
// ways, and the template's 費目 vocabulary says which.
import type { Expense } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { lineWords } from '../tokenize/document.js';
import { fold, parseNumber } from '../tokenize/values.js';
import { EXPENSE_CATEGORY, EXPENSE_COLUMN_HEAD_WORD, LABELS } from '../tokenize/vocabulary.js';

/** The section's own notes, which pdftotext glues to the cells beside them; their words are never cell values. */
const NOTES = [LABELS.expensesTitle.forms[0], LABELS.fundFlowTitle.forms[0]].map(fold);
const isNoteWord = (w: string) => fold(w).length >= 2 && !EXPENSE_CATEGORY.test(fold(w)) && NOTES.some((n) => n.includes(fold(w)));

type Item = Expense['items'][number];

/** A block letter alone (`B.`): a block of the template left empty. */
const EMPTY_BLOCK = /^[A-ZＡ-Ｚ]?[.．]$/;

/** Words of a box, line by line and space by space: a line may glue an amount to a text (`0.5 旅費`). */
const wordsOf = (t: Token) => t.lines.flatMap((l) => lineWords(l.text).map((w) => w.text));

/** The ways extractors interleave n 費目 (c) and n 使途 (p): row by row, or a column then the other. */
function orders(n: number): Array<Array<'c' | 'p'>> {
  const rowByRow = Array.from({ length: 2 * n }, (_, i) => (i % 2 ? 'p' : 'c') as 'c' | 'p');
  const columns = [...Array<'c'>(n).fill('c'), ...Array<'p'>(n).fill('p')];
  return n > 1 ? [rowByRow, columns] : [rowByRow];
}

/** How well an order fits: 費目 slots holding 費目 words, less 使途 slots holding them. */
function fit(texts: readonly string[], order: ReadonlyArray<'c' | 'p'>): number {
  return texts.reduce((n, t, i) => n + (EXPENSE_CATEGORY.test(fold(t)) ? (order[i] === 'c' ? 1 : -1) : 0), 0);
}

/**
 * The block's items from the boxes between its header and the recipients' title, or null when
 * no run of amounts adds up to a 計 after it or the texts are not two per amount.
 */
export function readStreamBlock(tokens: readonly Token[]): { items: Item[]; total: number } | null {
  const numbers: number[] = [];
  const texts: string[] = [];
  for (const t of tokens) {
    if (isLabel(t) || EMPTY_BLOCK.test(t.folded)) continue;
    for (const w of wordsOf(t)) {
      if (isNoteWord(w) || EMPTY_BLOCK.test(w) || EXPENSE_COLUMN_HEAD_WORD.test(fold(w))) continue;
      const n = parseNumber(w);
      if (n !== null) numbers.push(n);
      else texts.push(w);
    }
  }
  // The first amount that is the sum of all before it is the 計.
  let count = 0;
  for (let k = 1; k < numbers.length; k++) {
    const sum = numbers.slice(0, k).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - numbers[k]!) < 0.0051 && numbers[k]! > 0) {
      count = k;
      break;
    }
  }
  // Two texts an amount, no more: a wrapped cell in two boxes would shift every pairing.
  if (!count || texts.length !== 2 * count) return null;
  const cells = texts;
  const order = orders(count).reduce((best, o) => (fit(cells, o) > fit(cells, best) ? o : best));
  const categories = cells.filter((_, i) => order[i] === 'c');
  const purposes = cells.filter((_, i) => order[i] === 'p');
  const items = numbers.slice(0, count).map((amount, i) => ({ category: categories[i]!, purpose: purposes[i]!, amount }));
  return { items, total: numbers[count]! };
}
