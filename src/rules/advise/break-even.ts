// Break-even as regions (issue 19): which option is cheapest at every volume from 1/1000 to 1000
// times the given one. Instance counts and Provisioned Concurrency units are steps, so the cost
// curves cross several times; one bisection finds one crossing and misses the rest. Pure.
//
// Method: the caller gives every step boundary (a multiplier at which some option's instance
// count or PC units change; stepBoundaries and ceilBoundaries derive them). Between two boundaries
// each cost is affine in the volume (per-request and per-byte charges are linear; fixed charges
// are constant), and an affine function that is cheapest at both ends of an interval is cheapest
// throughout it. So the scan compares the options just inside both ends of every interval, and
// bisects only the intervals whose ends disagree, to 1e-12 of the multiplier. A log grid
// (GRID_PER_DECADE points a decade) is added to the boundaries as a guard for costs that are not
// affine between them.

export const RANGE = { from: 1 / 1000, to: 1000 } as const;
const GRID_PER_DECADE = 24;
const INSIDE = 1e-9;
const PRECISION = 1e-12;

/** $ a month of an option at multiplier x of the volume; null or Infinity when it does not fit. */
export type CostAt<O extends string> = (option: O, multiplier: number) => number | null;

export interface Region<O extends string> {
  fromMultiplier: number;
  toMultiplier: number;
  /** The cheapest option that fits; null when none fits. */
  option: O | null;
}

/** The cheapest option at m (ties go to the earlier option), or null when none fits. */
function cheapest<O extends string>(options: readonly O[], costAt: CostAt<O>, m: number): O | null {
  let best: O | null = null;
  let bestCost = Infinity;
  for (const o of options) {
    const c = costAt(o, m);
    if (c === null || !Number.isFinite(c)) continue;
    if (c < bestCost) [best, bestCost] = [o, c];
  }
  return best;
}

/** Log-spaced points between from and to (both included). */
function grid(from: number, to: number): number[] {
  const n = Math.max(1, Math.ceil(Math.log10(to / from) * GRID_PER_DECADE));
  return Array.from({ length: n + 1 }, (_, i) => from * (to / from) ** (i / n));
}

/**
 * The cheapest option over [from, to], as merged regions. `boundaries` are the multipliers where
 * some option's cost steps; those outside the range are ignored.
 */
export function breakEvenRegions<O extends string>(options: readonly O[], costAt: CostAt<O>, boundaries: readonly number[], range: { from: number; to: number } = RANGE): Array<Region<O>> {
  const { from, to } = range;
  if (!(from > 0 && to > from)) throw new RangeError(`the range must have 0 < from < to (got ${from}..${to})`);
  const points = [...new Set([...grid(from, to), ...boundaries.filter((b) => b > from && b < to)])].sort((a, b) => a - b);
  points[points.length - 1] = to;
  const changes: Array<{ at: number; option: O | null }> = [];
  const push = (at: number, option: O | null) => {
    if (changes.length === 0 || changes.at(-1)!.option !== option) changes.push({ at, option });
  };
  const at = (m: number) => cheapest(options, costAt, m);
  const bisect = (lo: number, hi: number, wLo: O | null, wHi: O | null): void => {
    if (hi - lo <= PRECISION * hi) {
      push(hi, wHi);
      return;
    }
    const mid = (lo + hi) / 2;
    const wMid = at(mid);
    if (wMid !== wLo) bisect(lo, mid, wLo, wMid);
    if (wHi !== wMid) bisect(mid, hi, wMid, wHi);
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i]!;
    const hi = points[i + 1]!;
    const a = lo + (hi - lo) * INSIDE;
    const b = hi - (hi - lo) * INSIDE;
    const wA = at(a);
    const wB = at(b);
    if (changes.length === 0) changes.push({ at: lo, option: wA });
    else push(lo, wA); // a step at the boundary itself
    if (wA !== wB) bisect(a, b, wA, wB);
  }
  return changes.map((c, i) => ({ fromMultiplier: c.at, toMultiplier: changes[i + 1]?.at ?? to, option: c.option }));
}

/**
 * Boundaries of a count that is ceil(loadAtOne x m) (or any count that steps at whole multiples
 * of 1/loadAtOne): m = j / loadAtOne for whole j, within the range. Exact and fast for capacities
 * that are linear in the volume.
 */
export function ceilBoundaries(loadAtOne: number, range: { from: number; to: number } = RANGE, maxSteps = 100_000): number[] {
  if (!(loadAtOne > 0)) return [];
  const first = Math.ceil(range.from * loadAtOne);
  const last = Math.floor(range.to * loadAtOne);
  const out: number[] = [];
  for (let j = Math.max(first, 1); j <= last && out.length < maxSteps; j++) out.push(j / loadAtOne);
  return out;
}

/**
 * Boundaries of any count that does not decrease with the volume (instances, PC units): the
 * multipliers at which capacity(m) changes, found by bisection to 1e-12 (null: the option stops
 * fitting, a boundary too). At most maxSteps boundaries are returned; the count should be cheap
 * to compute, since each boundary costs about 45 calls.
 */
export function stepBoundaries(capacity: (m: number) => number | null, range: { from: number; to: number } = RANGE, maxSteps = 10_000): number[] {
  const value = (m: number) => capacity(m) ?? Infinity;
  const out: number[] = [];
  let lo = range.from;
  let v = value(lo);
  const top = value(range.to);
  while (v < top && out.length < maxSteps) {
    let hi = range.to;
    let l = lo;
    while (hi - l > PRECISION * hi) {
      const mid = (l + hi) / 2;
      if (value(mid) > v) hi = mid;
      else l = mid;
    }
    out.push(hi);
    lo = hi;
    v = value(hi);
  }
  return out;
}

/** Regions in requests a day, as JSON gives them: { fromPerDay, toPerDay, option }. */
export function regionsPerDay<O extends string>(regions: ReadonlyArray<Region<O>>, basePerDay: number): Array<{ fromPerDay: number; toPerDay: number; option: O | null }> {
  return regions.map((r) => ({ fromPerDay: r.fromMultiplier * basePerDay, toPerDay: r.toMultiplier * basePerDay, option: r.option }));
}

/** The crossings within `factor` times the volume either way (for the text: "name every crossing within 10 times"). */
export function crossingsWithin<O extends string>(regions: ReadonlyArray<Region<O>>, factor = 10): Array<{ atMultiplier: number; from: O | null; to: O | null }> {
  const out: Array<{ atMultiplier: number; from: O | null; to: O | null }> = [];
  for (let i = 1; i < regions.length; i++) {
    const m = regions[i]!.fromMultiplier;
    if (m >= 1 / factor && m <= factor) out.push({ atMultiplier: m, from: regions[i - 1]!.option, to: regions[i]!.option });
  }
  return out;
}
