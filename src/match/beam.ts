// A beam search over a sequence of cells: each cell extends every path by the moves it allows;
// of the paths that reach the same state only the cheapest goes on, and of those the `width`
// cheapest. The stream readers use it to decode which block or column each cell belongs to.
//
// Moves are offered as (cost, key, build): most are dropped, so a path is built only when it
// survives.

/**
 * Offers a move: `key` names the state it reaches (paths with equal keys have the same future;
 * the cheaper is kept). `stratum`: paths of different strata are not compared; each keeps its
 * own `width` cheapest, so a search whose rewards come late does not let paths that earned an
 * early one crowd out those yet to earn theirs. `hope`: a reward the state can still earn
 * (equal for equal keys), so that a path which paid now for a later reward is not dropped first.
 */
export type Offer<P> = (cost: number, key: string | number, build: () => P, stratum?: number, hope?: () => number) => void;

interface Candidate<P> {
  cost: number;
  /** What the path's state may still earn: paths are kept by cost less hope. */
  hope: (() => number) | undefined;
  rank: number;
  stratum: number;
  build: () => P;
}

export function beamSearch<P extends { cost: number }, C>(cells: readonly C[], start: P, expand: (path: P, cell: C, offer: Offer<P>) => void, width: number, maxPaths = Infinity): P[] {
  let paths = [start];
  for (const cell of cells) {
    const best = new Map<string | number, Candidate<P>>();
    const offer: Offer<P> = (cost, key, build, stratum = 0, hope) => {
      const had = best.get(key);
      if (!had || cost < had.cost) best.set(key, { cost, hope, rank: cost, stratum, build });
    };
    for (const path of paths) expand(path, cell, offer);
    const kept = new Map<number, number>();
    // Hope is asked only of the states that survive: equal keys have equal hope.
    const candidates = [...best.values()];
    for (const c of candidates) if (c.hope) c.rank = c.cost - c.hope();
    paths = candidates
      .sort((a, b) => a.rank - b.rank)
      .filter((c) => {
        const n = kept.get(c.stratum) ?? 0;
        kept.set(c.stratum, n + 1);
        return n < width;
      })
      .slice(0, maxPaths)
      .map((c) => c.build());
  }
  return paths;
}

/** The steps of a path, first to last, from its newest step back. */
export function* walk<S extends { before: S | null }>(last: S | null): Generator<S> {
  const steps: S[] = [];
  for (let s = last; s; s = s.before) steps.push(s);
  yield* steps.reverse();
}
