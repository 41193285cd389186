// How many requests a model copy serves at once, and what that gives an instance (issue 19,
// `--concurrency-per-copy`). Pure: no CLI words.
//
// - CPU: one model server per instance whose workers each serve a request; by default a worker
//   per vCPU, as many as the instance's memory holds (fitOn's copies).
// - GPU: copies per instance follow from GPU memory (a model larger than one GPU is sharded over
//   1, 2, 4, 8 or 16 GPUs, as instance-choice's fitOn decides). A copy serves one request at a
//   time, unless the model streams: LLM containers (LMI, TGI, vLLM) batch requests continuously,
//   policy.concurrency-per-copy-llm at once by default.
// - Throughput of a copy = concurrent requests / time per request (while the batch fits GPU
//   memory; the KV cache is not modelled).

import type { InstanceType } from '../facts/instances';
import { fitOn, type InstanceFit } from './instance-choice';
import { limit } from '../facts/limits';

/** Requests a second one copy serves: concurrency / processing time. */
export function copyThroughput(x: { processingSeconds: number; concurrencyPerCopy: number }): number {
  if (!(x.processingSeconds > 0)) throw new RangeError(`processing time must be above 0 (got ${x.processingSeconds})`);
  return x.concurrencyPerCopy / x.processingSeconds;
}

/** Memory one copy needs: the model size x policy.memory-headroom, in whole bytes. */
export const copyNeedBytes = (modelBytes: number): number => Math.ceil(modelBytes * limit('policy.memory-headroom'));

/** Copies of a GPU model an instance runs, from GPU memory (fitOn's tensor-parallel degrees). */
export function copiesPerInstance(instance: InstanceType, modelBytes: number): InstanceFit {
  return fitOn(instance, copyNeedBytes(modelBytes), true);
}

export type ConcurrencySource = 'given' | 'cpu-workers' | 'llm-policy' | 'one-per-copy';

export interface Slots {
  /** Model copies on one instance (CPU: one model server). */
  copies: number;
  /** GPUs one copy spans (its tensor-parallel degree; 0 on CPU). */
  gpusPerCopy: number;
  /** Requests one copy serves at once. */
  concurrencyPerCopy: number;
  /** Where concurrencyPerCopy came from. */
  source: ConcurrencySource;
  /** Requests the instance serves at once: copies x concurrency. */
  slots: number;
  /** Requests a second the instance serves. */
  perSecond: number;
}

/**
 * Concurrent slots of one instance for a model: copies x requests per copy, and its throughput.
 * `modelBytes` null: the size is not known (no memory bound on CPU workers; one copy per GPU).
 */
export function instanceSlots(x: { instance: InstanceType; modelBytes: number | null; gpu: boolean; streaming: boolean; processingSeconds: number; concurrencyPerCopy?: number }): Slots {
  const need = x.modelBytes === null ? 0 : copyNeedBytes(x.modelBytes);
  const fit = fitOn(x.instance, need, x.gpu);
  const onGpu = x.gpu && x.instance.gpus > 0;
  const copies = onGpu ? fit.copies : fit.holds ? 1 : 0;
  const [concurrencyPerCopy, source]: [number, ConcurrencySource] =
    x.concurrencyPerCopy !== undefined ? [x.concurrencyPerCopy, 'given'] : !onGpu ? [fit.copies, 'cpu-workers'] : x.streaming ? [limit('policy.concurrency-per-copy-llm'), 'llm-policy'] : [1, 'one-per-copy'];
  const slots = copies * concurrencyPerCopy;
  return { copies, gpusPerCopy: fit.gpusPerCopy, concurrencyPerCopy, source, slots, perSecond: slots === 0 ? 0 : copyThroughput({ processingSeconds: x.processingSeconds, concurrencyPerCopy: slots }) };
}

/** Target tracking on instances: invocations per instance a minute at policy.target-utilisation of the slots' throughput (at least 1). */
export function targetInvocationsPerInstance(s: Pick<Slots, 'slots'>, processingSeconds: number): number {
  return Math.max(1, Math.floor(((60 * s.slots) / processingSeconds) * limit('policy.target-utilisation')));
}

/** Target tracking on inference components: ConcurrentRequestsPerCopy at policy.target-utilisation of a copy's concurrency (at least 1). */
export function targetConcurrentRequestsPerCopy(concurrencyPerCopy: number): number {
  return Math.max(1, Math.floor(concurrencyPerCopy * limit('policy.target-utilisation')));
}
