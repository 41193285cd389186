// Multi-model residency (issue 19, `--hot-models`): how many models stay loaded on an instance
// and across the fleet, whether the models in regular use (the hot ones) fit, and what a reload
// from S3 costs against the answer time. Pure: no CLI words, no prices.
//
// Memory: a model needs its size x policy.memory-headroom. On CPU a model lives in the instance's
// memory; on GPU (multi-model GPU endpoints use single-GPU types) in one GPU's memory. Counting is
// done by construction without rounding errors: sizes are whole bytes, and a memory holds a set
// of models when the sum of their sizes (exact integer arithmetic) is at most memory / headroom.
// Rounding each model's need up, or dividing floating-point GiB figures, can drop a model that fits
// (four 2 GiB models in 9.6 GiB counted as three).
//
// Which models are hot is not known: the largest `hot` models are taken (the conservative case).
// Requests for models that are not resident reload them from S3 at policy.model-load-throughput.

import { limit } from '../facts/limits';

const GIB = 1024 ** 3;
/** Relative slack for the float division memory / headroom (a hundredth of a byte per 10 GB). */
const SLACK = 1e-12;

export interface ResidencyHost {
  memoryGiB: number;
  gpus: number;
  /** Usable memory of one GPU, GiB. */
  gpuMemoryGiB: number;
}

export interface ResidencyInput {
  /** Size in memory of every model behind the endpoint, bytes. */
  modelBytes: readonly number[];
  /** Models in regular use (default: all). */
  hotModels?: number;
  instance: ResidencyHost;
  /** Instances in the fleet. */
  instances: number;
  /** Models live in GPU memory (one GPU each). */
  gpu: boolean;
  /** The answer time callers need, seconds (null: they collect queued results). */
  answerSeconds: number | null;
  /** Processing time of one request, seconds. */
  processingSeconds: number;
}

export interface Residency {
  /** Hot models (the largest `hotModels` of the models). */
  hot: number;
  /** Hot models one instance keeps loaded at once. */
  perInstance: number;
  /** Hot models the whole fleet keeps loaded at once (at most `hot`). */
  fleet: number;
  /** Every hot model stays loaded. */
  hotFit: boolean;
  /** Fewest instances that keep every hot model loaded; null when one model alone does not fit. */
  instancesForHot: number | null;
  /** The largest model fits one instance (CPU) or one GPU with headroom. */
  largestFits: boolean;
  /** Share of requests (spread evenly over the hot models) that find their model unloaded. */
  missShare: number;
  /** Time to load the largest hot model from S3, seconds. */
  reloadSeconds: number;
  /** A reload plus the processing time is within the answer time (null: no answer time). */
  reloadWithinAnswer: boolean | null;
}

/** Model bytes one memory of `gib` GiB holds with headroom: floor(gib x 2^30 / headroom), with slack for float division. */
export function residentBytes(gib: number): number {
  return Math.floor(((gib * GIB) / limit('policy.memory-headroom')) * (1 + SLACK));
}

/** First fit of sizes (in the order given) into bins of `cap` bytes; returns how many were placed. */
function firstFit(sizes: readonly number[], bins: number, cap: number): number {
  const free: number[] = [];
  let placed = 0;
  for (const s of sizes) {
    let i = free.findIndex((f) => f >= s);
    if (i < 0 && free.length < bins && s <= cap) {
      free.push(cap);
      i = free.length - 1;
    }
    if (i < 0) continue;
    free[i]! -= s;
    placed++;
  }
  return placed;
}

/** Bins that first fit decreasing needs for all sizes (each at most cap). */
function binsNeeded(sizesDescending: readonly number[], cap: number): number {
  const free: number[] = [];
  for (const s of sizesDescending) {
    const i = free.findIndex((f) => f >= s);
    if (i < 0) free.push(cap - s);
    else free[i]! -= s;
  }
  return free.length;
}

export function residency(x: ResidencyInput): Residency {
  if (x.modelBytes.length === 0) throw new RangeError('residency needs at least one model');
  if (!Number.isInteger(x.instances) || x.instances < 1) throw new RangeError(`instances must be a whole number >= 1 (got ${x.instances})`);
  const hot = Math.min(x.hotModels ?? x.modelBytes.length, x.modelBytes.length);
  if (!Number.isInteger(hot) || hot < 1) throw new RangeError(`hot models must be a whole number >= 1 (got ${x.hotModels})`);
  const sizes = x.modelBytes.map((b) => Math.round(b));
  const hotSizes = [...sizes].sort((a, b) => b - a).slice(0, hot); // the largest, descending
  const ascending = [...hotSizes].reverse();
  const binsPerInstance = x.gpu ? x.instance.gpus : 1;
  const cap = residentBytes(x.gpu ? x.instance.gpuMemoryGiB : x.instance.memoryGiB);
  const largestFits = binsPerInstance > 0 && hotSizes[0]! <= cap;
  // Smallest first keeps the most models loaded (exactly so for one memory).
  const perInstance = firstFit(ascending, binsPerInstance, cap);
  const fleet = firstFit(ascending, binsPerInstance * x.instances, cap);
  const instancesForHot = largestFits ? Math.ceil(binsNeeded(hotSizes, cap) / binsPerInstance) : null;
  const hotFit = fleet === hot || (instancesForHot !== null && instancesForHot <= x.instances);
  const reloadSeconds = hotSizes[0]! / limit('policy.model-load-throughput');
  return {
    hot,
    perInstance,
    fleet: hotFit ? hot : fleet,
    hotFit,
    instancesForHot,
    largestFits,
    missShare: hotFit ? 0 : (hot - fleet) / hot,
    reloadSeconds,
    reloadWithinAnswer: x.answerSeconds === null ? null : reloadSeconds + x.processingSeconds <= x.answerSeconds,
  };
}
