// pdftotext may print an outcome's rows in two parts: the first years' cells with the row labels
// (`成果実績 人 176,391 184,229`, `目標値 人 176,520`, `達成度 ％ 99.9 -`) and, before the labels,
// the rest of each row in turn: 成果実績's later years, its 中間目標 and its final year (`195,297
// - 27年度`), 目標値's later years, 中間目標 and final value (`184,276 194,640 - 205761`), 達成度's
// later years and 中間目標 (`100 100.3 -`). How many later years each row lacks tells where each
// part starts; 達成度 = 成果実績 / 目標値 must bear out every year so completed.
import type { Token } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { countOf, oneValueOf, rateOf, type Value } from './values.js';
import { PAST_COLUMNS, rateHolds } from './outcome-rows.js';
import { isFinalYearCell } from './outcome-final-column.js';
import type { Row } from './table-rows.js';

interface OutcomeRows {
  actual: Row;
  target: Row;
  rate: Row;
}

/** The row's first cells that hold numbers: the years read with its label. */
const leadingYears = (values: readonly Value[], isNumber: (v: Value) => boolean) => {
  const end = values.findIndex((v) => !isNumber(v));
  return (end < 0 ? values : values.slice(0, end)).slice(0, PAST_COLUMNS);
};

/**
 * Completes the rows of the outcome whose first label is `opener` from the cells printed just
 * before it, when they fall into the three rows' later parts as described above and 達成度 bears
 * out every year they complete.
 */
export function takeLeadingTails(ctx: MatchContext, rows: OutcomeRows, opener: Token): void {
  const actual = leadingYears(rows.actual.values, (v) => countOf(v) !== null);
  const target = leadingYears(rows.target.values, (v) => countOf(v) !== null);
  const rate = leadingYears(rows.rate.values, (v) => rateOf(v) !== null);
  if (!actual.length || !target.length || !rate.length) return;
  const lacking = [actual, target, rate].map((read) => PAST_COLUMNS - read.length) as [number, number, number];
  if (!lacking.some((n) => n > 0)) return;
  // Each row's later years, then: 成果実績's 中間目標 and final year, 目標値's 中間目標 and
  // final value, 達成度's 中間目標.
  const [na, nt, nr] = lacking;
  const length = na + 2 + nt + 2 + nr + 1;
  if (opener.index < length) return;
  const cells = ctx.tokens.slice(opener.index - length, opener.index);
  const yearAt = na + 1;
  if (!isFinalYearCell(cells[yearAt])) return;
  const values = cells.map((t, i) => (i === yearAt ? null : oneValueOf(t)));
  if (values.some((v, i) => i !== yearAt && v === null)) return;
  const part = (from: number, count: number) => values.slice(from, from + count) as Value[];
  const full = {
    actual: [...actual, ...part(0, na), ...part(na, 1)],
    target: [...target, ...part(na + 2, nt), ...part(na + 2 + nt, 2)],
    rate: [...rate, ...part(na + 2 + nt + 2, nr + 1)],
  };
  const completed = Array.from({ length: PAST_COLUMNS }, (_, y) => y).filter((y) => y >= Math.min(actual.length, target.length, rate.length));
  const holds = completed.every((y) => rateOf(full.rate[y]) === null || rateHolds(full.actual[y], full.target[y], full.rate[y]));
  if (!holds || !completed.some((y) => rateOf(full.rate[y]) !== null)) return;
  rows.actual.values = full.actual;
  rows.target.values = full.target;
  rows.rate.values = full.rate;
  // The final year as a cell of the row, where the outcome's 目標最終年度 is looked for.
  rows.actual.cells = [...rows.actual.cells, cells[yearAt]!];
}
