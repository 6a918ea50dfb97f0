// Reading the sheet's values: amounts, rates, counts and years, as the output contract defines them.

/** The characters the template prints in an empty cell (spec: a dash). */
export const DASHES = new Set(['-', '－', '―', '‐', '—', '–', '‑', '−', 'ｰ']);

/** NFKC makes full-width digits, ％ and ． readable; white space inside a number is dropped. */
export function fold(text: string): string {
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
    // Matchers fold the same short cell texts over and over; a bounded memo keeps that cheap
    // without letting a huge input grow it without limit.
    if (FOLDED.size >= FOLD_MEMO_LIMIT) FOLDED.clear();
    FOLDED.set(text, folded);
  }
  return folded;
}
const FOLD_MEMO_LIMIT = 10_000;
const FOLDED = new Map<string, string>();

/** An amount to the thousandth: sums of 百万円 amounts carry float noise past it. */
export function roundAmount(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** An amount in hundredths, a whole number: a key under which sums and printed amounts meet. */
export const amountCents = (x: number): number => Math.round(x * 100);

/** A line that ends a sentence or a bracket (`…とする。`, `…（予定）`): no text runs on past it. */
export const endsSentence = (line: string) => /[。）)]$/.test(line.trim());

export function isDash(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return t.length === 1 && DASHES.has(t);
}

const NUMBER = /^[△▲-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[△▲-]?\d+(?:\.\d+)?$|^[△▲-]?\.\d+$/;

/** A plain number as printed: `1,234`, `０．５`, `△12` (−12). Not a dash, not a rate. */
export function parseNumber(text: string): number | null {
  const t = fold(text).replace(/^[△▲]/, '-');
  if (!NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export type CellValue = { kind: 'number'; value: number } | { kind: 'dash' } | { kind: 'rate'; value: number };

/** Classifies one table cell; null when it is text. */
export function readCell(text: string): CellValue | null {
  if (isDash(text)) return { kind: 'dash' };
  const t = fold(text);
  const rate = /^([△▲-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (rate) return { kind: 'rate', value: Number(rate[1]!.replace(/^[△▲]/, '-')) };
  const n = parseNumber(t);
  return n === null ? null : { kind: 'number', value: n };
}

/** An amount cell: a dash means 0 (spec), text means "not an amount". */
export function parseAmount(text: string): number | null {
  const cell = readCell(text);
  if (!cell || cell.kind === 'rate') return null;
  return cell.kind === 'dash' ? 0 : cell.value;
}

/** A rate cell: `79%` → 79, `90.1` → 90.1; a dash is null. */
export function parseRate(text: string): number | null {
  const cell = readCell(text);
  return cell && cell.kind !== 'dash' ? cell.value : null;
}

/** A count or measured value; a dash is null. */
export function parseCount(text: string): number | null {
  const cell = readCell(text);
  return cell && cell.kind === 'number' ? cell.value : null;
}

/**
 * Japanese fiscal years to Gregorian: 平成27 → 2015, 令和元 → 2019. A bare number is read in
 * the template family's era: 平成 for 20 and over, 令和 below (the 2015–2019 sheets show years
 * from 平成2x up to 令和2).
 */
export function eraYear(text: string): number | null {
  const t = fold(text);
  // A year before an era's first may be printed as a negative year of it (平成-20年度 = 1968).
  const m = /(昭和|平成|令和|S|H|R)?(元|-?\d{1,2})年(?:度)?/.exec(t);
  if (!m) {
    const western = /((?:19|20)\d{2})年/.exec(t);
    return western ? Number(western[1]) : null;
  }
  const n = m[2] === '元' ? 1 : Number(m[2]);
  const era = m[1];
  if (era === '昭和' || era === 'S') return 1925 + n;
  if (era === '平成' || era === 'H') return 1988 + n;
  if (era === '令和' || era === 'R') return 2018 + n;
  return n >= 20 ? 1988 + n : 2018 + n;
}

/** 法人番号: 13 digits whose first digit is the check digit over the other twelve. */
/** The quotient of a 計算式 (`118／4`, `1,693/765,310`), or null when it is not one. */
export function formulaQuotient(formula: string): number | null {
  const operands = formulaOperands(formula);
  return operands && operands.dividend / operands.divisor;
}

/** A 計算式's two numbers, and the decimals its dividend is printed to; null when it is not one. */
export function formulaOperands(formula: string): { dividend: number; divisor: number; decimals: number } | null {
  const parts = fold(formula).split('/').map((x) => x.replace(/,/g, ''));
  const [a, b] = parts.map(Number);
  if (parts.length !== 2 || !Number.isFinite(a) || !Number.isFinite(b) || !b) return null;
  return { dividend: a!, divisor: b!, decimals: (parts[0]!.split('.')[1] ?? '').length };
}

export function isValidCorporateNumber(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const body = digits.slice(1);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const d = Number(body[11 - i]);
    sum += d * (i % 2 === 0 ? 1 : 2);
  }
  return Number(digits[0]) === 9 - (sum % 9);
}

/** Text cell content as the contract wants it: wrapped lines joined with no space, trimmed. */
export function joinWrapped(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).filter(Boolean).join('');
}

/**
 * A text the sheet printed twice over, one copy under the other (-layout prints a tall cell's
 * text beside each of its rows at times), once. No cell says all it says twice.
 */
export function printedOnce(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && half > 0 && text.slice(0, half) === text.slice(half) ? text.slice(0, half) : text;
}
