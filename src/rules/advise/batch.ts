// Batch Transform sizing (issue 19): the instance type and count that finish a run within its
// deadline at the lowest cost, and the mini-batch settings of each type. Pure: the caller gives
// the candidate types (every type the API accepts for transform jobs that holds the model) with
// their prices; this file decides, and returns data with reason ids, never prose.
//
// - Workers per instance: GPUs on GPU types, vCPUs on CPU types (a worker per vCPU is what the
//   framework containers start), unless the candidate says otherwise. MaxConcurrentTransforms is
//   the workers ("The ideal value for MaxConcurrentTransforms is equal to the number of compute
//   workers", Hosting FAQ), within MaxConcurrentTransforms x MaxPayloadInMB <= the API limit.
// - A mini-batch is one invocation, served by one worker: its records run one after another, so
//   it takes records x processing time. It must finish within InvocationsTimeoutInSeconds with
//   the policy's safety factor (policy.batch-timeout-factor), or the job retries it and fails.
//   MaxPayloadInMB is the largest (up to the default 6 MB) whose full mini-batch does; when not
//   even two records fit, or the content type cannot be split by line, SingleRecord.
// - A run on n instances takes start-up + records x time / (n x concurrent transforms); it must
//   finish within the deadline; n is the fewest that do, at most the API's instance count.
// - Cost of a run = hourly price x n x run time. Unknown prices rank after every known one and
//   stay unknown (null), never 0.

import { limit } from '../facts/limits';

const MIB = 1024 * 1024;
const HOUR = 60 * 60;

export interface BatchCandidate {
  type: string;
  vcpu: number;
  memoryGiB: number;
  gpus: number;
  /** On-demand $ an hour for transform jobs; null when no sourced price exists. */
  hourlyUsd: number | null;
  /** Workers of the model server on this type (default: GPUs, or vCPUs on CPU types). */
  workers?: number;
}

export interface BatchJob {
  /** Records in one run. */
  records: number;
  /** Size of one record, bytes (the largest, for the payload limit). */
  recordBytes: number;
  /** Worst-case processing time of one record, seconds. */
  processingSeconds: number;
  /** A run must finish within this many seconds. */
  deadlineSeconds: number;
  /** The content type is split by line (text/csv, JSON Lines), so records can share a mini-batch. */
  splittable: boolean;
}

/** CreateTransformJob BatchStrategy (test/rules/advise/batch.test.ts checks both against the API model's enum). */
export type BatchStrategy = `${'Multi' | 'Single'}Record`;

export type MiniBatchWhy = 'fits-timeout' | 'not-splittable' | 'one-record-per-payload';

export interface MiniBatch {
  strategy: BatchStrategy;
  maxPayloadMB: number;
  recordsPerInvocation: number;
  /** Worst-case time of one full invocation, seconds. */
  invocationSeconds: number;
  /** InvocationsTimeoutInSeconds to write. */
  timeoutSeconds: number;
  maxConcurrentTransforms: number;
  why: MiniBatchWhy;
}

export type UnfitWhy = 'record-too-large' | 'record-exceeds-timeout' | 'deadline-shorter-than-startup' | 'more-than-max-instances';

export interface BatchOption {
  type: string;
  hourlyUsd: number | null;
  workers: number;
  miniBatch: MiniBatch | null;
  /** Instances that meet the deadline; null when the type cannot. */
  instances: number | null;
  /** Run time on those instances, seconds (start-up included). */
  runSeconds: number | null;
  /** $ per run; null when the price is unknown or the type does not fit. */
  costPerRunUsd: number | null;
  fits: boolean;
  /** Why the type does not fit (with the instances it would need, when that is the reason). */
  unfit: { why: UnfitWhy; instancesNeeded?: number } | null;
}

export type BatchReason =
  /** The chosen type is the cheapest that meets the deadline, and the first candidate (the smallest) does too. */
  | { id: 'cheapest-meets-deadline'; runnerUp: { type: string; costPerRunUsd: number } | null }
  /** Smaller candidates cannot meet the deadline within the instance limit; a larger type does. */
  | { id: 'larger-type-fits'; smallest: { type: string; why: UnfitWhy; instancesNeeded?: number } }
  /** Every type that meets the deadline has an unknown price: the fewest instance-hours is chosen. */
  | { id: 'price-unknown' }
  /** No candidate meets the deadline: the fastest run there is, and on which type (never a traffic change: the records are given). */
  | { id: 'nothing-fits'; fastest: { type: string; runSeconds: number; instances: number } | null; maxInstances: number };

export interface BatchChoice {
  chosen: BatchOption | null;
  /** Every candidate: fitting ones by cost (unknown prices after known ones), then the rest. */
  ranked: BatchOption[];
  reason: BatchReason;
}

export const workersOf = (c: BatchCandidate): number => c.workers ?? (c.gpus > 0 ? c.gpus : c.vcpu);

/** InvocationsTimeoutInSeconds: the worst-case time x policy.batch-timeout-factor, at least the default, at most the API maximum. */
export function invocationTimeout(worstSeconds: number): number {
  return Math.min(limit('batch-transform.invocation-timeout'), Math.max(limit('batch-transform.invocation-timeout-default'), Math.ceil(worstSeconds * limit('policy.batch-timeout-factor'))));
}

/**
 * Mini-batch settings for a job on a type with `workers` workers, or null when one record is
 * over the payload limit or cannot finish within the longest invocation timeout.
 */
export function miniBatch(job: BatchJob, workers: number): MiniBatch | { unfit: UnfitWhy } {
  const maxPayload = limit('batch-transform.payload');
  const product = limit('batch-transform.concurrency-times-payload');
  const factor = limit('policy.batch-timeout-factor');
  const recordMB = Math.max(1, Math.ceil(job.recordBytes / MIB));
  if (recordMB > maxPayload) return { unfit: 'record-too-large' };
  if (job.processingSeconds > limit('batch-transform.invocation-timeout')) return { unfit: 'record-exceeds-timeout' };
  const single = (why: MiniBatchWhy): MiniBatch => ({
    strategy: 'SingleRecord',
    maxPayloadMB: recordMB,
    recordsPerInvocation: 1,
    invocationSeconds: job.processingSeconds,
    timeoutSeconds: invocationTimeout(job.processingSeconds),
    maxConcurrentTransforms: Math.max(1, Math.min(workers, Math.floor(product / recordMB))),
    why,
  });
  if (!job.splittable) return single('not-splittable');
  const timeout = limit('batch-transform.invocation-timeout-default');
  // Records one invocation may hold: within the timeout with the safety factor.
  const byTime = Math.floor(timeout / factor / job.processingSeconds);
  // MB per invocation: at most the default, and within the concurrency x payload limit at full workers.
  const byPayload = Math.min(limit('batch-transform.payload-default'), Math.floor(product / workers));
  const payloadMB = Math.min(byPayload, Math.floor((byTime * job.recordBytes) / MIB));
  const records = payloadMB >= recordMB ? Math.floor((payloadMB * MIB) / job.recordBytes) : 0;
  if (records < 2) return single('one-record-per-payload');
  return {
    strategy: 'MultiRecord',
    maxPayloadMB: payloadMB,
    recordsPerInvocation: records,
    invocationSeconds: records * job.processingSeconds,
    timeoutSeconds: timeout,
    maxConcurrentTransforms: Math.min(workers, Math.floor(product / payloadMB)),
    why: 'fits-timeout',
  };
}

/** How one candidate type does: the fewest instances that meet the deadline, the run time and the cost of a run. */
export function batchOption(job: BatchJob, c: BatchCandidate): BatchOption {
  const workers = workersOf(c);
  const base = { type: c.type, hourlyUsd: c.hourlyUsd, workers };
  const mb = miniBatch(job, workers);
  if ('unfit' in mb) return { ...base, miniBatch: null, instances: null, runSeconds: null, costPerRunUsd: null, fits: false, unfit: { why: mb.unfit } };
  const startup = limit('policy.batch-job-startup');
  const work = job.records * job.processingSeconds; // worker-seconds
  const perInstance = mb.maxConcurrentTransforms;
  const unfit = (why: UnfitWhy, instancesNeeded?: number): BatchOption => ({ ...base, miniBatch: mb, instances: null, runSeconds: null, costPerRunUsd: null, fits: false, unfit: { why, ...(instancesNeeded ? { instancesNeeded } : {}) } });
  if (job.deadlineSeconds <= startup) return unfit('deadline-shorter-than-startup');
  const needed = Math.max(1, Math.ceil(work / (perInstance * (job.deadlineSeconds - startup))));
  if (needed > limit('batch-transform.instances')) return unfit('more-than-max-instances', needed);
  const runSeconds = startup + work / (needed * perInstance);
  const costPerRunUsd = c.hourlyUsd === null ? null : (c.hourlyUsd * needed * runSeconds) / HOUR;
  return { ...base, miniBatch: mb, instances: needed, runSeconds, costPerRunUsd, fits: true, unfit: null };
}

/** The fastest run a type can give at the instance limit (for "nothing fits"). */
function fastestRun(job: BatchJob, c: BatchCandidate): { type: string; runSeconds: number; instances: number } | null {
  const mb = miniBatch(job, workersOf(c));
  if ('unfit' in mb) return null;
  const instances = limit('batch-transform.instances');
  return { type: c.type, instances, runSeconds: limit('policy.batch-job-startup') + (job.records * job.processingSeconds) / (instances * mb.maxConcurrentTransforms) };
}

/**
 * The transform type and count that meet the deadline at the lowest cost. `candidates` come in
 * the caller's order of preference (smallest first): that order breaks ties and names "the
 * smallest" in the reason.
 */
export function chooseBatch(job: BatchJob, candidates: readonly BatchCandidate[]): BatchChoice {
  const options = candidates.map((c) => batchOption(job, c));
  const order = new Map(options.map((o, i) => [o, i]));
  const instanceSeconds = (o: BatchOption) => (o.instances ?? Infinity) * (o.runSeconds ?? Infinity);
  const rank = (a: BatchOption, b: BatchOption) =>
    Number(b.fits) - Number(a.fits) ||
    Number(a.costPerRunUsd === null) - Number(b.costPerRunUsd === null) ||
    (a.costPerRunUsd ?? 0) - (b.costPerRunUsd ?? 0) ||
    (a.fits && a.costPerRunUsd === null ? instanceSeconds(a) - instanceSeconds(b) : 0) ||
    order.get(a)! - order.get(b)!;
  const ranked = [...options].sort(rank);
  const chosen = ranked[0]?.fits ? ranked[0] : null;
  if (!chosen) {
    const fastest =
      candidates
        .map((c) => fastestRun(job, c))
        .filter((x) => x !== null)
        .sort((a, b) => a.runSeconds - b.runSeconds)[0] ?? null;
    return { chosen: null, ranked, reason: { id: 'nothing-fits', fastest, maxInstances: limit('batch-transform.instances') } };
  }
  if (chosen.costPerRunUsd === null) return { chosen, ranked, reason: { id: 'price-unknown' } };
  const smallest = options[0]!;
  if (!smallest.fits) return { chosen, ranked, reason: { id: 'larger-type-fits', smallest: { type: smallest.type, ...smallest.unfit! } } };
  const next = ranked[1];
  return { chosen, ranked, reason: { id: 'cheapest-meets-deadline', runnerUp: next?.fits && next.costPerRunUsd !== null ? { type: next.type, costPerRunUsd: next.costPerRunUsd } : null } };
}
