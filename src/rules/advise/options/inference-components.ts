// The inference-components architecture: several models on one Real-Time endpoint, each with its
// own reservation of CPU cores, accelerators and memory, its own copy count and autoscaling, and
// (for intermittent traffic) scale to zero. The layout (instance type, what each copy reserves)
// and the counts (copies and instances, for a request volume or by default) are planned here, and
// priced (the share of the month it is up, when it scales to zero); the emitters write them. Its
// checks are Real-Time's (./real-time.ts); the flowchart (../engine.ts) says when to use it.

import { flagRef } from '../../flag-ref';
import type { InstanceType } from '../../facts/instances';
import { targetConcurrentRequestsPerCopy } from '../concurrency';
import { limit } from '../../facts/limits';
import { formatRate } from '../../rate';
import { formatBytes, formatBytesAlike, formatDuration } from '../../units';
import { withArticle } from '../../text';
import type { Workload } from '../../workload';
import type { IcModel, IcPlan } from '../../plan/types';
import type { PriceTable } from '../../facts/prices';
import { Builder, dataLines, hourlyLine, monthAssumption, monthHours, storageLine, upFraction, type Estimate, type InstanceSpec, type TrafficInput } from '../cost';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Quarter cores (the API's minimum step), rounded down, at least the minimum. */
function cores(x: number): number {
  const step = limit('inference-components.cpu-cores-min');
  return Math.max(step, Math.floor(x / step) * step);
}

export interface Need {
  memoryMB: number;
  accelerators: number | null;
  cpus: number;
}

/** What one copy of a model reserves on a given instance type, or null if it does not fit. */
function needOn(sizeBytes: number | null, gpu: boolean, i: InstanceType): Need | null {
  const bytes = sizeBytes === null ? null : Math.ceil(sizeBytes * limit('policy.memory-headroom'));
  const memoryMB = bytes === null ? limit('policy.ic-memory-unknown') : Math.max(limit('inference-components.memory-min'), Math.ceil(bytes / MIB));
  if (memoryMB > i.memoryGiB * 1024) return null;
  if (gpu) {
    if (i.gpus === 0) return null;
    const accelerators = bytes === null ? limit('inference-components.accelerators-min') : Math.max(limit('inference-components.accelerators-min'), Math.ceil(bytes / (i.gpuMemoryGiB * GIB)));
    if (accelerators > i.gpus) return null;
    return { memoryMB, accelerators, cpus: cores((i.vcpu / i.gpus) * accelerators * limit('policy.ic-cpu-share')) };
  }
  return { memoryMB, accelerators: null, cpus: cores(i.vcpu * (memoryMB / (i.memoryGiB * 1024)) * limit('policy.ic-cpu-share')) };
}

/** Instances needed for a set of copies: first fit, largest first, by every resource. */
export function binsFor(needs: Need[], i: InstanceType): number {
  const bins: Array<{ mem: number; gpus: number; cpus: number }> = [];
  for (const n of [...needs].sort((a, b) => (b.accelerators ?? 0) - (a.accelerators ?? 0) || b.memoryMB - a.memoryMB)) {
    const fits = (b: (typeof bins)[number]) => b.mem >= n.memoryMB && b.gpus >= (n.accelerators ?? 0) && b.cpus >= n.cpus;
    let bin = bins.find(fits);
    if (!bin) {
      bin = { mem: i.memoryGiB * 1024, gpus: i.gpus, cpus: i.vcpu };
      bins.push(bin);
    }
    bin.mem -= n.memoryMB;
    bin.gpus -= n.accelerators ?? 0;
    bin.cpus -= n.cpus;
  }
  return bins.length;
}

/** Copies of one model that fit on one instance. */
function perInstance(n: Need, i: InstanceType): number {
  return Math.min(Math.floor((i.memoryGiB * 1024) / n.memoryMB), n.accelerators ? Math.floor(i.gpus / n.accelerators) : Infinity, Math.floor(i.vcpu / n.cpus));
}

/** Each model's size (as many as models; null where not known). */
export const icSizes = (w: Workload): Array<number | null> => (w.modelSizes?.length === w.models ? w.modelSizes : Array.from({ length: Math.max(1, w.models) }, () => w.modelSizeBytes));

/** What each copy reserves on a type, or null when one copy of a model does not fit it. */
export function icNeeds(w: Workload, i: InstanceType): Need[] | null {
  const needs = icSizes(w).map((s) => needOn(s, w.gpu, i));
  return needs.every((n): n is Need => n !== null) ? needs : null;
}

/** Where the components run: the type, what each copy reserves, and instances for one copy of each. */
export interface IcLayout {
  instance: InstanceType;
  /** Each model's size in bytes, as given (null where not known). */
  sizes: Array<number | null>;
  needs: Need[];
  /** Instances that hold one copy of every model. */
  bins: number;
}

/**
 * Where one copy of each model costs least an hour (instances x the type's price in the run's
 * table), the fewest instances on a tie; types without a price come after every priced one. With
 * no price at all, the first candidate (in the chooser's order) that holds one copy of every model
 * at once, else of each model. null when none holds them. `given` is a type named with --instance-type.
 */
export function icLayout(w: Workload, candidates: readonly InstanceType[], given: InstanceType | null, hourly: (i: InstanceType) => number | null): IcLayout | null {
  const at = (i: InstanceType): IcLayout | null => {
    const needs = icNeeds(w, i);
    return needs ? { instance: i, sizes: icSizes(w), needs, bins: binsFor(needs, i) } : null;
  };
  if (given) return at(given);
  const layouts = candidates.map(at).filter((l): l is IcLayout => l !== null);
  const cost = (l: IcLayout) => {
    const usd = hourly(l.instance);
    return usd === null ? null : usd * l.bins;
  };
  const priced = layouts.filter((l) => cost(l) !== null);
  if (priced.length > 0) return priced.reduce((best, l) => (cost(l)! < cost(best)! || (cost(l) === cost(best) && l.bins < best.bins) ? l : best));
  return layouts.find((l) => l.bins === 1) ?? layouts[0] ?? null;
}

/** A layout on a type where one copy does not fit: a placeholder reservation, with a warning. */
export function icFallback(w: Workload, i: InstanceType): IcLayout {
  const needs = icSizes(w).map(() => ({ memoryMB: Math.min(i.memoryGiB * 1024, limit('policy.ic-memory-unknown')), accelerators: w.gpu ? Math.max(1, i.gpus) : null, cpus: cores(i.vcpu * limit('policy.ic-cpu-share')) }));
  return { instance: i, sizes: icSizes(w), needs, bins: binsFor(needs, i) };
}

/** Concurrent requests the instances of a layout serve, one request per copy. */
export function icWorkers(l: IcLayout): number {
  // One model: as many copies as fit on an instance. Several: one copy of each per set of bins.
  return l.needs.length === 1 ? Math.max(1, perInstance(l.needs[0]!, l.instance)) : l.needs.length / l.bins;
}

export interface IcTraffic {
  averageRps: number;
  peakRps: number;
  processingSeconds: number;
}

/**
 * Copies and instances. With a request volume: each model's copies serve its share of the rate
 * (the models share it evenly), `perCopy` requests at once each, at the target utilisation, for the average (the copies kept) and
 * the peak (autoscaling's maximum); the instances are those that hold those copies. Without one:
 * one copy of each, and the policy maximum of instances.
 */
export function icCounts(l: IcLayout, scaleToZero: boolean, t: IcTraffic | null, perCopy = 1): IcPlan {
  const models = l.needs.length;
  const util = limit('policy.target-utilisation');
  const copiesFor = (rps: number) => Math.max(1, Math.ceil(((rps / models) * (t?.processingSeconds ?? 0)) / (perCopy * util) - 1e-9));
  const avg = t ? copiesFor(t.averageRps) : 1;
  const peak = t ? Math.max(avg, copiesFor(t.peakRps)) : 1;
  const repeat = (n: number) => l.needs.flatMap((need) => Array.from({ length: n }, () => need));
  const initialInstances = t ? binsFor(repeat(avg), l.instance) : l.bins;
  const maxInstances = t ? Math.max(initialInstances, binsFor(repeat(peak), l.instance)) : Math.max(initialInstances, limit('policy.max-instances'));
  const list: IcModel[] = l.needs.map((n, k) => ({
    index: k + 1,
    sizeBytes: l.sizes[k] ?? null,
    ...n,
    copies: avg,
    minCopies: scaleToZero ? limit('inference-components.copy-count-min') : avg,
    maxCopies: t ? peak : Math.max(1, Math.min(perInstance(n, l.instance) * maxInstances, limit('policy.max-instances'))),
    // Written by the start-up plan (../plan-startup.ts).
    startupTimeouts: null,
  }));
  return {
    models: list,
    initialInstances,
    minInstances: scaleToZero ? limit('inference-components.min-instances') : initialInstances,
    maxInstances,
    scaleToZero,
    routing: 'LEAST_OUTSTANDING_REQUESTS',
  };
}

/** The file comments that explain an inference-components plan. */
export function icChoices(w: Workload, l: IcLayout, ic: IcPlan, given: string | null, t: IcTraffic | null, perCopy = 1): string[] {
  const choices: string[] = [];
  const i = l.instance;
  const m = ic.models[0]!;
  const what =
    w.modelSizeBytes === null ? 'model size not given' : `${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} needs about ${formatBytesAlike(Math.ceil(w.modelSizeBytes * limit('policy.memory-headroom')), 1024 ** 3)[0]} with headroom`;
  if (given) choices.push(`instance ${given}: given with ${flagRef('instanceType')}`);
  else
    choices.push(
      `instance ${i.type}: the ${w.gpu ? 'cheapest GPU' : 'smallest'} type in the catalog that holds ${ic.models.length === 1 ? 'one copy of the model' : l.bins === 1 ? `one copy of each of the ${ic.models.length} models at once` : 'one copy of a model'} (${what}; ${i.type} has ${i.memoryGiB} GiB, ${i.vcpu} vCPUs${i.gpus ? `, ${i.gpus} x ${Number(i.gpuMemoryGiB.toFixed(1))} GiB usable GPU memory` : ''})`,
    );
  const copies = t
    ? `${m.copies} ${m.copies === 1 ? 'copy' : 'copies'} of each model for the average ${formatRate(t.averageRps)}, up to ${m.maxCopies} for the peak, at ${Math.round(limit('policy.target-utilisation') * 100)}% of one request per copy at a time`
    : `each component scales between ${m.minCopies} and ${m.maxCopies} copies`;
  choices.push(
    `each copy reserves ${m.memoryMB} MB of memory${m.accelerators ? `, ${m.accelerators} accelerator${m.accelerators === 1 ? '' : 's'}` : ''} and ${m.cpus} CPU cores (ComputeResourceRequirements)${w.modelSizeBytes === null ? `; give ${flagRef('modelSize')} to size the memory` : ''}`,
    `${ic.initialInstances} instance${ic.initialInstances === 1 ? '' : 's'} at first, up to ${ic.maxInstances} (ManagedInstanceScaling adds instances when copies need room); ${copies}, on concurrent requests per copy (target ${targetConcurrentRequestsPerCopy(perCopy)}: ${Math.round(limit('policy.target-utilisation') * 100)}% of the ${perCopy} ${perCopy === 1 ? 'request' : 'requests'} a copy serves at once, at least 1)`,
    'RoutingStrategy LEAST_OUTSTANDING_REQUESTS: requests go to the copy with the fewest in flight, which suits uneven request times',
    `invoke with InferenceComponentName (the X-Amzn-SageMaker-Inference-Component header) naming the component, not just the endpoint`,
  );
  if (ic.scaleToZero) {
    choices.push(
      `scale to zero: traffic is ${w.traffic}, so each component may scale to 0 copies and the endpoint to 0 instances (MinInstanceCount 0); after about ${formatDuration(limit('inference-components.scale-in-to-zero'))} idle nothing is billed`,
      `cold start: the first request at zero fails (HTTP 400, not queued) and a NoCapacityInvocationFailures alarm adds a copy; requests fail for several minutes (about ${formatDuration(limit('inference-components.scale-out-from-zero'))} as AWS measured for an 8B model) until it is in service, so callers must retry`,
    );
  }
  return choices;
}

// ---- cost ---------------------------------------------------------------------------------------

/** Inference components: up between the first request and 25 min after the last, plus each wake's start-up. */
export const icUpFraction = (perSecond: number, processingSeconds: number) => upFraction(perSecond, limit('inference-components.scale-in-to-zero'), limit('inference-components.scale-out-from-zero'), processingSeconds);

export interface IcCapacity {
  initialInstanceCount: number;
  minInstances: number;
  maxInstances: number;
  /** Copies of each model kept, and autoscaling's maximum. */
  copies: number;
  maxCopies: number;
}

export interface IcInput {
  instance: InstanceSpec;
  /** The plan's counts: instances that hold the copies kept, and those for the peak's copies. */
  initialInstances: number;
  maxInstances: number;
  copies: number;
  maxCopies: number;
  scaleToZero: boolean;
  traffic: TrafficInput;
  processingSeconds: number;
  modelSizeBytes: number | null;
}

/**
 * An endpoint that hosts inference components, at the plan's instance counts: warm all month, or
 * (scaling to zero) billed only the share of the month it is up. Up = 1 - e^(-rate x idle time
 * before scale-in), the share of time not inside an idle gap longer than the scale-in delay when
 * requests come at random; bursty traffic leaves longer gaps, so this understates the saving.
 */
export function icEstimate(input: IcInput, prices: PriceTable): Estimate<IcCapacity> & { upFraction: number } {
  const { instance: i, traffic: t, initialInstances: n } = input;
  const idle = limit('inference-components.scale-in-to-zero');
  const wake = limit('inference-components.scale-out-from-zero');
  const up = input.scaleToZero ? icUpFraction(t.averageRps, input.processingSeconds) : 1;
  const upPct = up >= 0.995 ? '100%' : `${Number((up * 100).toPrecision(2))}%`;
  const b = new Builder();
  hourlyLine(b, prices, 'hosting', i, n * monthHours() * up, input.scaleToZero ? `${n} x ${i.type} up ${upPct} of the month` : `${n} x ${i.type} all month`);
  storageLine(b, prices, i, n * up, input.modelSizeBytes);
  dataLines(b, prices, t);
  b.assumptions.unshift(
    ...(input.scaleToZero
      ? [
          `scales to zero: up ${upPct} of the month: each request that finds it at zero wakes it (${formatDuration(wake)} billed start-up), and it stays up until ${formatDuration(idle)} pass without a request, for requests at random at ${formatRate(t.averageRps)}; bursts leave longer idle gaps, so the saving may be larger`,
        ]
      : []),
    `${n} instance${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} ${input.copies} ${input.copies === 1 ? 'copy' : 'copies'} of each model for the average ${formatRate(t.averageRps)}; up to ${input.maxInstances} for the peak ${formatRate(t.peakRps)} (${input.maxCopies} ${input.maxCopies === 1 ? 'copy' : 'copies'}); hours above the average at peaks are not counted`,
    monthAssumption(),
  );
  const capacity: IcCapacity = { initialInstanceCount: n, minInstances: input.scaleToZero ? 0 : n, maxInstances: input.maxInstances, copies: input.copies, maxCopies: input.maxCopies };
  return { fits: true, reason: null, checks: [], capacity, cost: b.cost(), unpriced: b.unpriced, upFraction: up };
}
