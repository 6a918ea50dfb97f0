// 成果目標 years that stream text scattered beyond any reading as rows (a row's first years
// printed apart from its last, the rows' pieces out of order): 達成度 = 成果実績 / 目標値 picks
// each year's triple out of the numbers printed around the outcome, and the order the pieces
// were printed in tells the years.
import type { Outcome } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';
import { PAST_COLUMNS, rateHolds, ratesAgree, type Rows } from './outcome-rows.js';
import { countOf, isYearHead, rateOf, valuesOf, type Value } from './values.js';

/** A printed number, and the piece of numbers printed one after another it belongs to. */
interface Placed {
  value: Value;
  at: number;
  piece: number;
}

/** 成果実績, 目標値 and 達成度 of one year: positions in the stream. */
type Triple = [number, number, number];

/** Past this many candidate triples the numbers explain too much to tell the years by. */
const MAX_CANDIDATES = 40;

/**
 * An outcome whose rows as read 達成度 does not bear out every year takes, instead, the three
 * triples of the numbers in its stretch of the section that 達成度 bears out, when exactly one
 * choice of them, in the order the table is printed in (rows top down, each row's cells left
 * to right), is best and holds the triples the rows as read bear out.
 */
export function takeBorneTriples(ctx: MatchContext, rows: Rows[], stretches: ReadonlyArray<[number, number]>): void {
  const read = rowTokens(rows);
  rows.forEach((r, k) => {
    const held = heldYears(r);
    if (held.length === PAST_COLUMNS) return;
    const [from, to] = stretches[k]!;
    // Cells another outcome's rows bear out are that outcome's.
    const theirs = new Set(rows.flatMap((o) => (o === r ? [] : heldYears(o).flatMap((y) => [o.actual, o.target, o.rate].map((row) => row.values[y]!.token)))));
    const years = borneYears(stream(ctx, from, to, read).filter((p) => !theirs.has(p.value.token)));
    // The triples the rows as read bear out are among them (perhaps in another year).
    const keys = new Set(years?.map((t) => tripleKey(t)));
    if (!years || held.some((y) => !keys.has(tripleKey([r.actual.values[y]!, r.target.values[y]!, r.rate.values[y]!])))) return;
    setYears(r, years.map((cells, y) => [y, cells]));
  });
}

/**
 * pdfminer may print several outcomes' cells in one stretch, their years interleaved (`46 25 184
 * 20 12 44 25 176 32 12 …`), past the stretches their labels give. An outcome whose years as
 * read 達成度 does not all bear out takes the triples of the section whose 目標値 is its
 * 目標最終年度's (a target kept each year), or a blank year's (`- 12 -`), when exactly three
 * and they hold the years it has; then the one such outcome left takes the three borne triples
 * no outcome took. Each outcome's years in print order.
 */
export function takeTriplesByFinalTarget(ctx: MatchContext, rows: readonly Rows[], outcomes: Outcome[], from: number, to: number): void {
  const borne = (o: Outcome) => o.values.filter((v) => ratesAgree(v.actual, v.target, v.achievementRate));
  const lacking = outcomes.filter((o) => borne(o).length < PAST_COLUMNS);
  if (!lacking.length) return;
  const numbers = stream(ctx, from, to, rowTokens(rows));
  const found = candidates(numbers);
  if (found.length > MAX_CANDIDATES * 3) return;
  const taken = new Set<number>();
  // The cells of outcomes every year of which 達成度 bears out are theirs.
  for (const o of outcomes.filter((x) => !lacking.includes(x))) {
    for (const v of o.values) {
      const t = found.find((c) => !c.some((p) => taken.has(p)) && sameTriple(numbers, c, [v.actual, v.target, v.achievementRate]));
      t?.forEach((p) => taken.add(p));
    }
  }
  // The years' triples in order.
  const give = (o: Outcome, years: Triple[]) => {
    const cells = years.map((t) => t.map((p) => numbers[p]!.value));
    // The years the outcome has stay as they are.
    if (o.values.some((v, y) => ratesAgree(v.actual, v.target, v.achievementRate) && !sameTriple(numbers, years[y]!, [v.actual, v.target, v.achievementRate]))) return false;
    cells.forEach(([a, t, r], y) => { o.values[y] = { ...o.values[y]!, actual: countOf(a), target: countOf(t), achievementRate: rateOf(r) }; });
    years.flat().forEach((p) => taken.add(p));
    return true;
  };
  const left = lacking.filter((o) => {
    const final = o.finalTarget.value;
    if (final === null) return true;
    const own = apartFrom([...found, ...blankYears(numbers)].filter((c) => countOf(numbers[c[1]]!.value) === final), taken, 1);
    return own.length !== PAST_COLUMNS || !give(o, own.sort((x, y) => numbers[x[1]]!.at - numbers[y[1]]!.at));
  });
  // Only where other outcomes took theirs by their targets: alone, the outcome's own stretch decides (takeBorneTriples).
  if (left.length !== 1 || left.length === lacking.length) return;
  // The numbers no outcome took, as the table printed them: the best choice of three years.
  const rest = numbers.flatMap((_, i) => (taken.has(i) ? [] : [i]));
  const years = borneYears(rest.map((i) => numbers[i]!));
  if (years) give(left[0]!, years.map((cells) => cells.map((v) => rest.find((i) => numbers[i]!.value === v)!) as Triple));
}

/** A year left blank but for its 目標値 (`- 12 -`): three cells printed one after another. */
function blankYears(numbers: readonly Placed[]): Triple[] {
  const blank = (p: Placed | undefined) => p !== undefined && p.value.cell.kind === 'dash';
  return numbers.flatMap((p, i) => (blank(numbers[i - 1]) && countOf(p.value) !== null && blank(numbers[i + 1]) ? [[i - 1, i, i + 1] as Triple] : []));
}

/** Triples sharing no number with each other or with those taken, chosen in print order of their cell `by` (0 成果実績, 1 目標値, 2 達成度). */
function apartFrom(triples: readonly Triple[], taken: ReadonlySet<number>, by: 0 | 1 | 2): Triple[] {
  const used = new Set(taken);
  const out: Triple[] = [];
  const order = [by, ...([0, 1, 2] as const).filter((k) => k !== by)];
  for (const t of [...triples].sort((x, y) => order.reduce<number>((c, k) => c || x[k] - y[k], 0))) {
    if (t.some((p) => used.has(p))) continue;
    t.forEach((p) => used.add(p));
    out.push(t);
  }
  return out;
}

const sameTriple = (numbers: readonly Placed[], t: Triple, [a, target, r]: ReadonlyArray<number | null>) =>
  countOf(numbers[t[0]]!.value) === a && countOf(numbers[t[1]]!.value) === target && rateOf(numbers[t[2]]!.value) === r;

/** The rows' own cells: numbers to place again, where those another matcher took are not. */
const rowTokens = (rows: readonly Rows[]): Set<Token> => new Set(rows.flatMap((r) => [r.actual, r.target, r.rate].flatMap((row) => row.values.map((v) => v.token))));

/** Sets years' three cells, in fresh arrays: rows read from one run may share theirs. */
function setYears(r: Rows, years: ReadonlyArray<[number, readonly Value[]]>): void {
  const rows = [r.actual, r.target, r.rate];
  const fresh = rows.map((row) => [...row.values]);
  for (const [y, cells] of years) cells.forEach((v, i) => { fresh[i]![y] = v; });
  rows.forEach((row, i) => { row.values = fresh[i]!; });
}

/**
 * pdfminer may print the cells of outcomes it left without any (the later years' columns, the
 * first years blank) after the section, as one run of numbers and dashes among the outputs
 * (`16,500 28,500 12,000 24,000 137.5 118.8 - - - 2 4 50`). In the first run after `from` that
 * holds a triple 達成度 bears out, the triples whose cells interleave are one outcome's, in
 * order; when there are as many such outcomes as rows without cells, each takes its own, its
 * last years in print order.
 */
export function takeLateTriples(ctx: MatchContext, rows: Rows[], from: number): void {
  const empty = rows.filter((r) => [r.actual, r.target, r.rate].every((row) => row.values.slice(0, PAST_COLUMNS).every((v) => countOf(v) === null)));
  if (!empty.length) return;
  for (const run of valueRuns(ctx, from)) {
    // Each outcome's rows top down, whether printed row by row or year by year.
    const triples = disjoint(candidates(run).filter(([a, t, r]) => a < t && t < r));
    if (!triples.length) continue;
    const outcomes = interleaved(triples);
    // The run is the outcomes' cells: few numbers are left over (another row's, a year with no 達成度).
    const leftOver = run.filter((p, i) => countOf(p.value) !== null && !triples.some((t) => t.includes(i))).length;
    if (leftOver >= triples.length || outcomes.length !== empty.length || outcomes.some((o) => o.length > PAST_COLUMNS)) return;
    empty.forEach((r, k) => {
      const own = outcomes[k]!;
      setYears(r, own.map((triple, i) => [PAST_COLUMNS - own.length + i, triple.map((p) => run[p]!.value)]));
    });
    return;
  }
}

/** The runs of tokens that are numbers or dashes alone, from `from` on, that a year head ends. */
function valueRuns(ctx: MatchContext, from: number): Placed[][] {
  const runs: Placed[][] = [];
  let current: Placed[] = [];
  for (const t of ctx.tokens.slice(from)) {
    const values = ctx.isUsed(t) ? null : valuesOf(t);
    if (values) for (const value of values) current.push({ value, at: current.length, piece: 0 });
    else if (current.length) {
      // The run ends where the 目標最終年度 column begins, with 中間目標's blank year (年度).
      if (isYearHead(t)) runs.push(current);
      current = [];
    }
  }
  return runs;
}

/** Triples taken in print order of their 達成度, each number once, in print order. */
function disjoint(found: readonly Triple[]): Triple[] {
  return apartFrom(found, new Set(), 2).sort((x, y) => Math.min(...x) - Math.min(...y));
}

/** Triples grouped where their cells interleave (one outcome's rows printed row by row), in order. */
function interleaved(triples: readonly Triple[]): Triple[][] {
  const groups: Array<{ triples: Triple[]; end: number }> = [];
  for (const t of triples) {
    const last = groups.at(-1);
    if (last && Math.min(...t) < last.end) {
      last.triples.push(t);
      last.end = Math.max(last.end, ...t);
    } else groups.push({ triples: [t], end: Math.max(...t) });
  }
  return groups.map((g) => g.triples.sort((x, y) => x[0] - y[0]));
}

const tripleKey = (cells: readonly Value[]) => cells.map((v) => v.raw).join('/');

/** The years whose three cells as read 達成度 bears out. */
const heldYears = (r: Rows) => Array.from({ length: PAST_COLUMNS }, (_, y) => y).filter((y) => rateHolds(r.actual.values[y], r.target.values[y], r.rate.values[y]));

/** The numbers from `from` to `to`, each with its piece: anything else between two numbers starts a new piece. */
function stream(ctx: MatchContext, from: number, to: number, read: ReadonlySet<Token>): Placed[] {
  let piece = 0;
  const out: Placed[] = [];
  for (const t of ctx.tokens.slice(from, to)) {
    if (ctx.isUsed(t) && !read.has(t)) continue;
    const values = boxValues(t);
    if (!values) piece++;
    else for (const value of values) out.push({ value, at: out.length, piece });
  }
  return out;
}

/**
 * A whole rate under 10 holds for too many pairs (±0.5 of 1% lets 1 / 104.6 pass) to pick one
 * out of a stretch of numbers.
 */
const plausibleRate = (rate: number) => rate >= 1 && (rate >= 10 || !Number.isInteger(rate));

/** A box's numbers, line by line: pdftotext boxes a column's cells stacked (`5,700,000 ⏎ 135.2`). */
function boxValues(t: Token): Value[] | null {
  const values = valuesOf(t);
  if (values || t.lines.length < 2) return values;
  const lines = t.lines.map((l) => valuesOf(t, l.text));
  return lines.every((l) => l !== null) ? lines.flat() as Value[] : null;
}

/** Every (成果実績, 目標値, 達成度) the numbers hold that 達成度 bears out. */
function candidates(numbers: readonly Placed[]): Triple[] {
  const out: Triple[] = [];
  numbers.forEach((r, l) => {
    const rate = countOf(r.value);
    if (rate === null || !plausibleRate(rate)) return;
    numbers.forEach((a, i) => {
      if (i === l || countOf(a.value) === null) return;
      numbers.forEach((t, j) => {
        if (j !== i && j !== l && rateHolds(a.value, t.value, r.value)) out.push([i, j, l]);
      });
    });
  });
  return out;
}

/**
 * The three years' triples: of the choices of three triples using each number once, each in
 * each order, the one printed most nearly in the table's order (disorder); null when another
 * choice of different numbers does as well.
 */
function borneYears(numbers: readonly Placed[]): Array<[Value, Value, Value]> | null {
  const found = candidates(numbers);
  if (found.length < PAST_COLUMNS || found.length > MAX_CANDIDATES) return null;
  let best: { cost: [number, number, number]; years: Triple[]; key: string } | null = null;
  let tied = false;
  const keyOf = (years: Triple[]) => JSON.stringify(years.map((t) => t.map((p) => numbers[p]!.value.raw)));
  const up = found.map((t) => rowsUp(numbers, t));
  const apart = (x: Triple, y: Triple) => !x.some((p) => y.includes(p));
  for (let p = 0; p < found.length; p++) {
    for (let q = p + 1; q < found.length; q++) {
      if (!apart(found[p]!, found[q]!)) continue;
      for (let s = q + 1; s < found.length; s++) {
        // The years' order leaves the triples' own disorder as it is: a choice worse in it cannot win.
        if (!apart(found[p]!, found[s]!) || !apart(found[q]!, found[s]!) || (best && up[p]! + up[q]! + up[s]! > best.cost[0])) continue;
        for (const years of orders([found[p]!, found[q]!, found[s]!])) {
          const cost = disorder(numbers, years);
          const key = keyOf(years);
          const cmp = best ? compareCosts(cost, best.cost) : -1;
          if (cmp < 0) {
            best = { cost, years, key };
            tied = false;
          } else if (cmp === 0 && key !== best!.key) tied = true;
        }
      }
    }
  }
  if (!best || tied) return null;
  return best.years.map((t) => t.map((p) => numbers[p]!.value) as [Value, Value, Value]);
}

const compareCosts = (a: readonly number[], b: readonly number[]) => a.reduce((c, x, i) => c || x - b[i]!, 0);

const orders = <T>([a, b, c]: T[]): T[][] => [[a!, b!, c!], [a!, c!, b!], [b!, a!, c!], [b!, c!, a!], [c!, a!, b!], [c!, b!, a!]];

/**
 * How far the years' cells stand from top to bottom and left to right in print: years whose
 * rows were printed bottom up, then, row by row, pairs of years printed the other way round
 * in the same piece, then anywhere. Equal numbers tell nothing.
 */
function disorder(numbers: readonly Placed[], years: readonly Triple[]): [number, number, number] {
  let inPiece = 0;
  let anywhere = 0;
  for (let row = 0; row < 3; row++) {
    for (let y = 0; y < years.length; y++) {
      for (let z = y + 1; z < years.length; z++) {
        const [early, late] = [numbers[years[y]![row]!]!, numbers[years[z]![row]!]!];
        if (early.value.raw === late.value.raw || early.at < late.at) continue;
        anywhere++;
        if (early.piece === late.piece) inPiece++;
      }
    }
  }
  return [years.reduce((n, t) => n + rowsUp(numbers, t), 0), inPiece, anywhere];
}

/**
 * 1 when a year's cells were printed bottom up: the rows are printed top down, a year's cells
 * too, and a 目標値 after its 達成度 reads the two the other way round (a / t = r and a / r = t
 * hold alike).
 */
const rowsUp = (numbers: readonly Placed[], [a, t, r]: Triple) => (numbers[a]!.at > numbers[t]!.at || numbers[t]!.at > numbers[r]!.at ? 1 : 0);
