// Queueing headroom (issue 19): how many concurrent slots keep the share of requests that are
// throttled (or that wait) at the peak under a target, for Poisson arrivals.
//
// Offered load a = arrival rate x service time (requests in flight on average, in Erlangs).
// - Erlang B (loss): a request that finds every slot busy is rejected. Serverless MaxConcurrency
//   throttles, and requests past Provisioned Concurrency spill to on-demand (cold) capacity.
//   B(0) = 1; B(n) = a B(n-1) / (n + a B(n-1)): each step is a ratio of positive numbers below 1,
//   so the recurrence neither overflows nor loses precision (no factorials, no powers).
// - Erlang C (wait): a request that finds every worker busy waits in a queue. Instance workers and
//   model copies. C(c, a) = B(c) / (1 - (a/c)(1 - B(c))) for a < c; 1 when a >= c.
// Source: shared/facts/sizing.md (Queueing). Pure: no CLI words, no prices.

import { limit } from '../facts/limits';

export type QueueModel = 'loss' | 'wait';

function checkLoad(load: number): void {
  if (!Number.isFinite(load) || load < 0) throw new RangeError(`offered load must be a finite number >= 0 (got ${load})`);
}

/**
 * Erlang B at n <= a, directly: 1/B(n, a) = sum over j of n!/((n-j)! a^j), each term the last times
 * (n - j + 1)/a <= 1, summed until the terms no longer change the sum (about 9 sqrt(a) terms at
 * n = a, fewer below). Costs O(sqrt(a)) where the recurrence from 0 costs O(a).
 */
function erlangBBelowLoad(n: number, load: number): number {
  let sum = 1;
  let term = 1;
  for (let j = 1; j <= n; j++) {
    term *= (n - j + 1) / load;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 1 / sum;
}

/** Erlang B: the share of requests blocked when `servers` slots serve an offered load of `load` Erlangs. */
export function erlangB(servers: number, load: number): number {
  checkLoad(load);
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number >= 0 (got ${servers})`);
  if (servers === 0) return 1;
  // Directly up to the load (O(sqrt(a))), then the recurrence, which stops once B underflows to 0.
  const start = Math.min(servers, Math.floor(load));
  let b = start === 0 ? 1 : erlangBBelowLoad(start, load);
  for (let n = start + 1; n <= servers && b > 0; n++) b = (load * b) / (n + load * b);
  return b;
}

/** Erlang C from Erlang B at the same count: the probability that a request waits. */
function cFromB(servers: number, load: number, b: number): number {
  if (load >= servers) return 1;
  return b / (1 - (load / servers) * (1 - b));
}

/** Erlang C: the probability that a request waits when `servers` workers serve `load` Erlangs (1 when load >= servers). */
export function erlangC(servers: number, load: number): number {
  if (servers === 0) return 1;
  return cFromB(servers, load, erlangB(servers, load));
}

/** Mean time a request waits in the queue (s), Erlang C: C x S / (c - a); Infinity when load >= servers. */
export function meanWaitSeconds(servers: number, load: number, serviceSeconds: number): number {
  if (load <= 0) return 0;
  if (load >= servers) return Infinity;
  return (erlangC(servers, load) * serviceSeconds) / (servers - load);
}

/** The share of requests throttled (loss) or kept waiting (wait) with `servers` slots: Erlang B or C. */
export function shareOver(servers: number, load: number, model: QueueModel): number {
  if (load <= 0) return 0;
  return model === 'loss' ? erlangB(servers, load) : erlangC(servers, load);
}

/** Loads past this are not sized (the count would not fit a double's whole numbers); the CLI refuses such workloads first. */
export const MAX_SIZED_LOAD = 1e12;

/**
 * The least number of slots that keeps the share throttled (loss) or waiting (wait) at or under
 * `target`, or null when even `max` slots do not. A load of 0 needs 0 slots. Fewer than a(1 - target)
 * slots never meet the target (the carried load a(1 - B) is at most n, so B >= 1 - n/a, and C >= B),
 * nor do a slots or fewer under wait (C = 1), so the recurrence starts there, from Erlang B computed
 * directly: O(sqrt(a) + answer - start) instead of O(answer).
 */
export function serversFor(load: number, target: number, model: QueueModel, max = Infinity): number | null {
  checkLoad(load);
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be a share between 0 and 1 (got ${target})`);
  if (load === 0) return 0;
  if (load > MAX_SIZED_LOAD) throw new RangeError(`offered load ${load} is past the ${MAX_SIZED_LOAD} Erlangs sized`);
  // Square-root staffing bounds the answer: a + 40 sqrt(a) + 100 slots leave a far smaller share than any double target.
  const stop = Math.min(max, Math.ceil(load + 40 * Math.sqrt(load) + 100));
  const start = Math.max(0, Math.min(Math.floor(load), model === 'wait' ? Math.floor(load) : Math.ceil(load * (1 - target)) - 1));
  if (start > stop) return null;
  let b = start === 0 ? 1 : erlangBBelowLoad(start, load);
  for (let n = start + 1; n <= stop; n++) {
    b = (load * b) / (n + load * b);
    const share = model === 'loss' ? b : cFromB(n, load, b);
    if (share <= target) return n;
  }
  return null;
}

/** The policy target for throttled or waiting requests at the peak (policy.queueing-target). */
export const queueingTarget = (): number => limit('policy.queueing-target');

// ---- helpers for the plan ----------------------------------------------------------------------

export interface ConcurrencySizing {
  /** Slots set (MaxConcurrency, ProvisionedConcurrency, or instances x slots). */
  count: number;
  /** Offered load at the peak, in Erlangs (requests in flight on average). */
  load: number;
  /** Share of peak requests throttled, spilled or waiting with `count`. */
  share: number;
  /** The target the count was sized for. */
  target: number;
  /** True when an API limit stopped the count before the target was met (share > target). */
  capped: boolean;
}

export interface PeakTraffic {
  /** Requests per second at the peak. */
  peakPerSecond: number;
  /** Time a request holds its slot, in seconds. */
  processingSeconds: number;
  /** Share allowed to be throttled or to wait (default policy.queueing-target). */
  target?: number;
}

const loadOf = (t: PeakTraffic) => t.peakPerSecond * t.processingSeconds;

/** Least count in [min, max] meeting the target under `model`; max (capped) when none does. */
function sized(load: number, target: number, model: QueueModel, min: number, max: number): ConcurrencySizing {
  const need = serversFor(load, target, model, max);
  const count = need === null ? max : Math.max(min, need);
  return { count, load, share: shareOver(count, load, model), target, capped: need === null };
}

/**
 * Serverless MaxConcurrency at the peak: Erlang B (a request over the limit is throttled), at
 * least 1 and at most the API limit (serverless.max-concurrency).
 */
export function serverlessMaxConcurrency(t: PeakTraffic): ConcurrencySizing {
  return sized(loadOf(t), t.target ?? queueingTarget(), 'loss', 1, limit('serverless.max-concurrency'));
}

export interface ProvisionedConcurrencySizing extends ConcurrencySizing {
  /** 'peak': PC covers the peak (cold starts cannot be absorbed); 'average': PC covers the average load and the rest spills to on-demand capacity, with cold starts. */
  covers: 'peak' | 'average';
  /** Share of the requests at the peak that spill past PC to on-demand capacity (Erlang B at the peak). */
  peakSpillShare: number;
}

/**
 * Serverless ProvisionedConcurrency. When the answer time cannot absorb a cold start, PC covers
 * the peak (Erlang B at the peak rate under the target). Otherwise it covers the average load
 * under the same target, and `peakSpillShare` says what spills at the peak, for pricing at the
 * on-demand rate. Within 1 .. serverless.provisioned-concurrency, and never above `maxConcurrency`
 * when given (the API requires PC <= MaxConcurrency).
 */
export function provisionedConcurrency(t: PeakTraffic & { averagePerSecond: number; coldStartAbsorbed: boolean; maxConcurrency?: number }): ProvisionedConcurrencySizing {
  const target = t.target ?? queueingTarget();
  const max = Math.min(limit('serverless.provisioned-concurrency'), t.maxConcurrency ?? Infinity);
  const covers = t.coldStartAbsorbed ? 'average' : 'peak';
  const load = covers === 'peak' ? loadOf(t) : t.averagePerSecond * t.processingSeconds;
  const s = sized(load, target, 'loss', 1, max);
  return { ...s, covers, peakSpillShare: shareOver(s.count, loadOf(t), 'loss') };
}

export interface InstanceSizing extends ConcurrencySizing {
  instances: number;
  slotsPerInstance: number;
  /** Mean queueing delay at the peak with that many instances, seconds. */
  meanWaitSeconds: number;
}

/**
 * Instances at the peak: Erlang C over instances x slots (workers or copies x concurrency per
 * copy): the fewest instances whose slots keep the share of requests that wait under the target.
 * At least `min` (default 1) and at most `max` (capped when the target is not met).
 */
export function instancesAtPeak(t: PeakTraffic & { slotsPerInstance: number; min?: number; max?: number }): InstanceSizing {
  const k = t.slotsPerInstance;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`slots per instance must be a whole number >= 1 (got ${k})`);
  const target = t.target ?? queueingTarget();
  const load = loadOf(t);
  const min = t.min ?? 1;
  const max = t.max ?? Infinity;
  const slots = serversFor(load, target, 'wait', max === Infinity ? Infinity : max * k);
  const instances = slots === null ? max : Math.max(min, Math.ceil(slots / k));
  const count = instances * k;
  return {
    instances,
    slotsPerInstance: k,
    count,
    load,
    target,
    capped: slots === null,
    share: shareOver(count, load, 'wait'),
    meanWaitSeconds: meanWaitSeconds(count, load, t.processingSeconds),
  };
}

/**
 * What spills with a given count at the peak: the share of requests throttled (loss) or waiting
 * (wait), and the requests per second that makes, for the plan to say and to price.
 */
export function spill(count: number, t: PeakTraffic, model: QueueModel): { share: number; perSecond: number } {
  const share = shareOver(count, loadOf(t), model);
  return { share, perSecond: share * t.peakPerSecond };
}
