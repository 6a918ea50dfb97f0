// The amounts of the 費目・使途 region in stream text, cut into runs: one block's items in row
// order, then its 計. pdfminer prints the runs one after another; pdftotext alternates the two
// blocks of a band row by row, so two runs are open at once. Both readings are tried and the
// sheet's arithmetic (a run's items add up to its 計) chooses; where two ways of dealing a band's
// items add up alike, the other ways are offered for the texts to choose (otherSplits).
import { amountCents } from '../tokenize/values.js';
import { beamSearch, walk, type Offer } from './beam.js';

/** Paths kept per number of runs closed. */
const AMOUNT_WIDTH = 20;
/** Paths kept in all: the strata are many where blocks are, and most of theirs are hopeless. */
const MAX_AMOUNT_PATHS = 120;
/** Paths that passed over this many strays or more share one stratum. */
const MAX_SKIP_STRATA = 1;

// Costs. A 計 reached is worth more than any few moves between blocks, so the arithmetic
// decides; moves decide only between readings the arithmetic cannot tell apart.
const CLOSE_REWARD = 8;
/** A 計 that is the amount the recipients table gives the block. */
const RECIPIENT_AMOUNT_REWARD = 2;
const SKIP_AMOUNT = 5;
const UNCLOSED = 3;
/** A glued amount (`0.5 旅費`) read as the right block's, or as a 計. */
const GLUE_MISMATCH = 1.5;
/** An unglued item of the left block while the right one is open: its row had no right cell. */
const LEFT_UNGLUED = 0.5;
const ITEM_COUNT_MISMATCH = 2;
/**
 * Row-by-row text: a run of one item (and zeros) closed by that item's amount (`0.1`, `0.1`).
 * Among many equal small amounts such pairs are everywhere, and each would earn a 計's reward;
 * it costs what passing over a stray amount costs, so the runs of several items that the same
 * amounts make win. pdfminer's consecutive runs are not charged: there a lone item and its 計
 * stand together.
 */
const ONE_ITEM_RUN = SKIP_AMOUNT;
const RUN_COUNT_MISMATCH = 12;
/** More rows than a block of the template has: a run this long is not one block's. */
const MAX_ROWS = 12;

/** A block's amounts as the stream shows them: its items in row order, then its 計 if printed. */
export interface Run {
  items: number[];
  /** Where each item stands among the region's amounts. */
  positions: number[];
  total: number | null;
  /** Where the 計 stands among the region's amounts, when printed. */
  totalPosition: number | null;
}

interface OpenRun {
  id: number;
  count: number;
  sum: number;
  /** count and sum, as a state key. */
  key: string;
  /** Items that are not zero: a zero beside one item does not make a run of several. */
  nonZero: number;
}

const runKey = (count: number, sum: number) => `${count}:${Math.round(sum * 1e4)}`;
const openRun = (id: number, count: number, sum: number, nonZero: number): OpenRun => ({ id, count, sum, key: runKey(count, sum), nonZero });

interface AmountStep {
  run: number;
  amount: number;
  position: number;
  isTotal: boolean;
  before: AmountStep | null;
}

interface AmountPath {
  cost: number;
  open: OpenRun[];
  runs: number;
  items: number;
  /** Amounts passed over as strays. */
  skips: number;
  steps: AmountStep | null;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
/**
 * Two amounts alike to the cent, or to a ten-thousandth of a large one. Looser, small amounts
 * after a large item would close its run at its own amount (520 + 0.1 + 0.1 read as 計 520).
 */
export const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.0051 + 0.0001 * Math.abs(b);

/**
 * The region's amounts cut into runs, one a block, with the blocks not yet named: the
 * cheaper of two readings. `categoryCount`: the 費目 cells of the region, one an item.
 * `hints`: amounts that are some block's 計.
 */
export function decodeRuns(amounts: readonly number[], glued: readonly boolean[], blockCount: number, categoryCount: number, hints: readonly number[]): { runs: Run[] } | null {
  const endCost = (items: number, runs: number) => ITEM_COUNT_MISMATCH * Math.abs(items - categoryCount) + RUN_COUNT_MISMATCH * Math.max(0, runs - blockCount);
  const closeReward = (total: number) => CLOSE_REWARD + (hints.some((h) => sameAmount(h, total)) ? RECIPIENT_AMOUNT_REWARD : 0);
  const consecutive = consecutiveRuns(amounts, blockCount, closeReward);
  // A consecutive reading that places every amount in as many runs as there are blocks and
  // items cannot be bettered by the merged one, which is the costly search.
  const complete = consecutive && !consecutive.skips && consecutive.runs.length === blockCount && consecutive.runs.reduce((n, r) => n + r.items.length, 0) === categoryCount;
  const merged = complete ? null : mergedRuns(amounts, glued, blockCount, closeReward);
  const readings = [consecutive, merged].filter((r) => r !== null);
  const costOf = (r: { runs: Run[]; cost: number }) => r.cost + endCost(r.runs.reduce((n, run) => n + run.items.length, 0), r.runs.length);
  // On a tie the consecutive reading wins: the merged one is chosen only when runs interleave.
  return readings.sort((x, y) => costOf(x) - costOf(y))[0] ?? null;
}

/**
 * pdfminer's reading: each block's amounts are one run, items then 計, and the runs follow one
 * another. Found exactly, by dynamic programming over where runs start and how many there are.
 */
function consecutiveRuns(amounts: readonly number[], blockCount: number, closeReward: (total: number) => number): { runs: Run[]; cost: number; skips: number } | null {
  const n = amounts.length;
  // best[i][r]: the cheapest reading of the first i amounts as r runs; from[i][r] where its last run starts.
  const best = Array.from({ length: n + 1 }, () => Array<number>(blockCount + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => Array<number>(blockCount + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r <= blockCount; r++) {
      const here = best[i]![r]!;
      if (here === Infinity) continue;
      // Pass over amounts[i]: a stray value.
      if (here + SKIP_AMOUNT < best[i + 1]![r]!) { best[i + 1]![r] = here + SKIP_AMOUNT; from[i + 1]![r] = -1; }
      if (r === blockCount) continue;
      let sum = 0;
      for (let j = i; j < Math.min(n - 1, i + MAX_ROWS); j++) {
        sum += amounts[j]!;
        if (!sameAmount(sum, amounts[j + 1]!)) continue;
        const cost = here - closeReward(amounts[j + 1]!);
        if (cost < best[j + 2]![r + 1]!) { best[j + 2]![r + 1] = cost; from[j + 2]![r + 1] = i; }
      }
    }
  }
  let r = best[n]!.reduce((m, c, k) => (c < best[n]![m]! ? k : m), 0);
  const cost = best[n]![r]!;
  if (cost === Infinity) return null;
  const runs: Run[] = [];
  let skips = 0;
  for (let i = n; i > 0;) {
    const start = from[i]![r]!;
    if (start < 0) { i -= 1; skips += 1; continue; }
    runs.unshift({ items: amounts.slice(start, i - 1), positions: range(start, i - 1), total: amounts[i - 1]!, totalPosition: i - 1 });
    i = start;
    r -= 1;
  }
  return { runs, cost, skips };
}

/** Whether some amount after `position` may be the 計 of a run summing to `sum` (to the cent). */
function closableAfter(amounts: readonly number[]): (sum: number, position: number) => boolean {
  const last = new Map<number, number>();
  amounts.forEach((a, i) => last.set(amountCents(a), i));
  const after = (k: number, position: number) => (last.get(k) ?? -1) > position;
  return (sum, position) => {
    const c = amountCents(sum);
    return after(c, position) || after(c - 1, position) || after(c + 1, position);
  };
}

/**
 * pdftotext's reading: the two blocks of a band alternate row by row, so up to two runs are
 * open at once, and a run's 計 may be missing.
 */
function mergedRuns(amounts: readonly number[], glued: readonly boolean[], blockCount: number, closeReward: (total: number) => number): { runs: Run[]; cost: number } | null {
  const closable = closableAfter(amounts);
  const expand = (path: AmountPath, { amount, position }: { amount: number; position: number }, offer: Offer<AmountPath>) => {
    // An amount glued to the text after it (`0.5 旅費`) ends a left block's cell beside the
    // right block's 費目 on the same row: it is an item of the left run, the earlier opened.
    const side = (j: number) => (path.open.length === 2 || j === 1 ? j : -1);
    const misplaced = (j: number, isTotal: boolean) => (glued[position] ? (isTotal || side(j) === 1 ? GLUE_MISMATCH : 0) : !isTotal && side(j) === 0 ? LEFT_UNGLUED : 0);
    // A move names the state it reaches by its key and builds it only if it is kept. At most
    // two runs are open, so the key and the hope are built from the (one or two) runs left open.
    const hopeOf = (x: number | undefined, y: number | undefined) => () => CLOSE_REWARD * ((x !== undefined && closable(x, position) ? 1 : 0) + (y !== undefined && closable(y, position) ? 1 : 0));
    const keyOf = (x: string | undefined, y: string | undefined) => (x === undefined ? '' : y === undefined ? x : `${x},${y}`);
    const move = (cost: number, items: number, runs: number, open: () => OpenRun[], keys: [string | undefined, string | undefined], sums: [number | undefined, number | undefined], step: Omit<AmountStep, 'before' | 'amount' | 'position'> | null, closed: number, skips = path.skips) =>
      offer(path.cost + cost, `${items}|${runs}|${keyOf(...keys)}`,
        () => ({ cost: path.cost + cost, items, runs, skips, open: open(), steps: step ? { ...step, amount, position, before: path.steps } : path.steps }),
        // Paths are compared only with those that closed as many runs and passed over as many
        // strays: a stray's cost is paid at once, the 計 it lets a run reach is earned later.
        closed * (MAX_SKIP_STRATA + 1) + Math.min(skips, MAX_SKIP_STRATA),
        hopeOf(...sums));
    const [first, second] = path.open;
    const other = (j: number) => (j === 0 ? second : first);
    const without = (j: number) => (other(j) ? [other(j)!] : []);
    const closedRuns = path.runs - path.open.length;
    move(SKIP_AMOUNT, path.items, path.runs, () => path.open, [first?.key, second?.key], [first?.sum, second?.sum], null, closedRuns, path.skips + 1);
    // Moving between the two open runs is free: row-by-row text does it on every cell.
    path.open.forEach((run, j) => {
      const rest = other(j);
      if (run.count < MAX_ROWS) {
        const sum = run.sum + amount;
        const grown = runKey(run.count + 1, sum);
        move(misplaced(j, false), path.items + 1, path.runs, () => path.open.with(j, openRun(run.id, run.count + 1, sum, run.nonZero + (amount === 0 ? 0 : 1))),
          j === 0 ? [grown, rest?.key] : [rest?.key, grown], j === 0 ? [sum, rest?.sum] : [rest?.sum, sum], { run: run.id, isTotal: false }, closedRuns);
      }
      if (sameAmount(run.sum, amount)) move(misplaced(j, true) - closeReward(amount) + (run.nonZero <= 1 ? ONE_ITEM_RUN : 0), path.items, path.runs, () => without(j), [rest?.key, undefined], [rest?.sum, undefined], { run: run.id, isTotal: true }, closedRuns + 1);
      // A run whose 計 is not in reach (printed elsewhere, or not at all) is given up, freeing its place.
      move(UNCLOSED, path.items, path.runs, () => without(j), [rest?.key, undefined], [rest?.sum, undefined], null, closedRuns + 1);
    });
    if (path.open.length < 2 && path.runs < blockCount) {
      move(misplaced(path.open.length, false), path.items + 1, path.runs + 1, () => [...path.open, openRun(path.runs, 1, amount, amount === 0 ? 0 : 1)], [first?.key ?? runKey(1, amount), first ? runKey(1, amount) : undefined], [first?.sum ?? amount, first ? amount : undefined], { run: path.runs, isTotal: false }, closedRuns);
    }
  };
  const start: AmountPath = { cost: 0, open: [], runs: 0, items: 0, skips: 0, steps: null };
  const ends = beamSearch(amounts.map((amount, position) => ({ amount, position })), start, expand, AMOUNT_WIDTH, MAX_AMOUNT_PATHS);
  if (!ends.length) return null;
  const runsOf = (p: AmountPath) => {
    const runs: Run[] = Array.from({ length: p.runs }, () => ({ items: [], positions: [], total: null, totalPosition: null }));
    for (const s of walk(p.steps)) {
      if (s.isTotal) {
        runs[s.run]!.total = s.amount;
        runs[s.run]!.totalPosition = s.position;
      } else {
        runs[s.run]!.items.push(s.amount);
        runs[s.run]!.positions.push(s.position);
      }
    }
    return runs;
  };
  // Runs still open at the end never reached a 計: charged as those given up on the way.
  return ends.map((p) => ({ runs: runsOf(p), cost: p.cost + UNCLOSED * p.open.length })).sort((x, y) => x.cost - y.cost)[0]!;
}

/** Beyond this many amounts left over, the subsets are too many to try, and too many to be sure of one. */
const MAX_LEFT_OVER = 16;

/**
 * A run for a block that no run reached with its 計, where the recipients table or the fund
 * flow gives that 計 (`hints`) and it is printed among the amounts no closed run holds: the
 * left-over amounts that add up to it, when exactly one set of them does. Zero amounts are
 * left out of the sets (any set could take them). The items keep their print order.
 */
export function runFromTotal(amounts: readonly number[], runs: ReadonlyArray<Run | null>, hints: readonly number[]): Run | null {
  const held = new Set<number>();
  for (const run of runs) {
    if (run?.totalPosition == null) continue;
    run.positions.forEach((p) => held.add(p));
    held.add(run.totalPosition);
  }
  for (const total of hints) {
    const totalPosition = amounts.findIndex((a, p) => !held.has(p) && sameAmount(total, a));
    if (totalPosition < 0) continue;
    const free = amounts.map((_, p) => p).filter((p) => !held.has(p) && p !== totalPosition && amounts[p]! > 0);
    if (free.length > MAX_LEFT_OVER) continue;
    const sets: number[][] = [];
    for (let mask = 1; mask < 1 << free.length && sets.length < 2; mask++) {
      const set = free.filter((_, k) => mask & (1 << k));
      if (set.length <= MAX_ROWS && sameAmount(set.reduce((sum, p) => sum + amounts[p]!, 0), total)) sets.push(set);
    }
    if (sets.length === 1) return { items: sets[0]!.map((p) => amounts[p]!), positions: sets[0]!, total: amounts[totalPosition]!, totalPosition };
  }
  return null;
}

/** Pairs of runs with their 計 open at once (a band's two blocks printed row by row). */
export function interleavedRuns(runs: ReadonlyArray<Run | null>): Array<[number, number]> {
  const span = (r: Run) => [Math.min(...r.positions), Math.max(...r.positions, r.totalPosition ?? -1)] as const;
  const out: Array<[number, number]> = [];
  runs.forEach((x, i) => runs.forEach((y, j) => {
    if (j <= i || !x?.items.length || !y?.items.length || x.total === null || y.total === null) return;
    const [[a0, a1], [b0, b1]] = [span(x), span(y)];
    if (a0 < b1 && b0 < a1) out.push([i, j]);
  }));
  return out;
}

/** Beyond this many items in two runs, their other splits are not tried. */
const MAX_SPLIT_ITEMS = 10;

/**
 * The other ways to deal two interleaved runs' items between them, in print order, so that each
 * still adds up to its 計 (`0.2 0.5` and `0.1 0.3 0.1` against `0.1 0.3 0.1 0.2` and `0.5`):
 * the arithmetic cannot choose between them, the texts can.
 */
export function otherSplits(x: Run, y: Run): Array<[Run, Run]> {
  const items = [...x.positions.map((p, k) => ({ p, a: x.items[k]! })), ...y.positions.map((p, k) => ({ p, a: y.items[k]! }))].sort((u, v) => u.p - v.p);
  if (items.length > MAX_SPLIT_ITEMS) return [];
  const own = new Set(x.positions);
  const out: Array<[Run, Run]> = [];
  for (let mask = 1; mask < (1 << items.length) - 1; mask++) {
    const inX = items.filter((_, k) => mask & (1 << k));
    const inY = items.filter((_, k) => !(mask & (1 << k)));
    if (inX.length === x.items.length && inX.every((i) => own.has(i.p))) continue;
    if (!sameAmount(inX.reduce((t, i) => t + i.a, 0), x.total!) || !sameAmount(inY.reduce((t, i) => t + i.a, 0), y.total!)) continue;
    const run = (of: Run, cells: typeof items): Run => ({ ...of, items: cells.map((i) => i.a), positions: cells.map((i) => i.p) });
    out.push([run(x, inX), run(y, inY)]);
  }
  return out;
}

/**
 * The other ways to give zero items to a run: a zero adds nothing to any 計, so the arithmetic
 * cannot tell whose it is (`0.08 0 0 0.08 … 0 0.07 0.07`: block D's first three rows are zeros
 * printed among C's cells). A run may take the last one, two… of the zeros that other runs hold
 * before its own first item, up to `room(run)` of them; the texts choose.
 */
export function zeroShifts(runs: ReadonlyArray<Run | null>, room: (run: number) => number): Array<Array<Run | null>> {
  const zeros = runs.flatMap((run, owner) => run?.items.flatMap((a, k) => (a === 0 ? [{ owner, position: run.positions[k]! }] : [])) ?? []).sort((x, y) => x.position - y.position);
  const out: Array<Array<Run | null>> = [];
  runs.forEach((run, taker) => {
    if (!run?.items.length || run.total === null) return;
    const first = Math.min(...run.positions);
    const before = zeros.filter((z) => z.owner !== taker && z.position < first);
    for (let k = 1; k <= Math.min(before.length, room(taker)); k++) {
      const moved = before.slice(-k);
      out.push(runs.map((r, b) => {
        if (!r) return r;
        const gone = new Set(moved.filter((z) => z.owner === b).map((z) => z.position));
        const cells = r.positions.map((p, i) => ({ p, a: r.items[i]! })).filter((c) => !gone.has(c.p));
        if (b === taker) cells.unshift(...moved.map((z) => ({ p: z.position, a: 0 })));
        cells.sort((x, y) => x.p - y.p);
        return { ...r, items: cells.map((c) => c.a), positions: cells.map((c) => c.p) };
      }));
    }
  });
  return out;
}
