// Which instance type hosts (or transforms with) a model: a decision on the workload and the
// recommendation, which the generator writes and a cost model can price. Pure: no CLI words.
//
// Memory is compared in bytes. GPU memory is the usable memory the driver reports (less than the
// marketed size). A model larger than one GPU is sharded across several (tensor parallel), and
// the instance then runs as many model copies as its GPUs hold, not one per GPU.

import { acceptedFor, familyOf, INSTANCES, instance, MME_GPU_FAMILIES, type InstanceType } from '../facts/instances';
import type { Architecture } from '../plan/types';
import { limit } from '../facts/limits';
import { instancePrice, type PriceTable } from '../facts/prices';
import type { OptionId } from '../facts/limits';
import type { Workload } from '../workload';

const GIB = 1024 ** 3;

export type InstanceUse = 'hosting' | 'transform';

export interface InstanceFit {
  /** Whether one copy of the model (with headroom) fits the instance's memory and GPUs. */
  holds: boolean;
  /** GPUs one model copy spans (1 when it fits one GPU; 0 for CPU types). */
  gpusPerCopy: number;
  /** Model copies the instance runs at once: its workers. */
  copies: number;
}

export interface InstanceChoice {
  type: string;
  /** Catalog entry; null for a type the catalog does not know. */
  instance: InstanceType | null;
  use: InstanceUse;
  /** How the type was chosen. */
  how: 'given' | 'smallest-that-holds' | 'cheapest-that-holds' | 'largest-none-holds';
  /** Models resident on each instance (multi-container endpoints keep every container's model). */
  residentModels: number;
  /** Memory one copy needs in bytes, headroom included (0 when the model size is not known). */
  needBytes: number;
  /** Fit on the chosen type; null when the catalog does not know it. */
  fit: InstanceFit | null;
  /** Problems with a given type, as ids with data (rendered by the caller). */
  problems: Array<{ id: 'not-in-catalog' | 'not-accepted' | 'no-gpu' | 'too-small' }>;
}

const TENSOR_PARALLEL_DEGREES = (gpus: number) => [1, 2, 4, 8, 16].filter((d) => d <= gpus);

/** How a model needing `needBytes` of memory fits an instance. */
export function fitOn(i: InstanceType, needBytes: number, gpu: boolean): InstanceFit {
  const hostHolds = i.memoryGiB * GIB >= needBytes;
  if (!gpu || i.gpus === 0) {
    const copies = needBytes === 0 ? i.vcpu : Math.min(i.vcpu, Math.floor((i.memoryGiB * GIB) / needBytes));
    return { holds: hostHolds && (!gpu || i.gpus > 0), gpusPerCopy: 0, copies: Math.max(hostHolds ? 1 : 0, copies) };
  }
  const perGpu = i.gpuMemoryGiB * GIB;
  // Tensor-parallel degrees are powers of two (attention heads split evenly across GPUs).
  const degree = TENSOR_PARALLEL_DEGREES(i.gpus).find((d) => d * perGpu >= needBytes);
  if (degree === undefined) return { holds: false, gpusPerCopy: i.gpus, copies: 0 };
  return { holds: hostHolds, gpusPerCopy: degree, copies: hostHolds ? Math.floor(i.gpus / degree) : 0 };
}

/** GPU memory, then host memory, then vCPUs: which of two types is bigger. */
const bySize = (a: InstanceType, b: InstanceType) => a.gpus * a.gpuMemoryGiB - b.gpus * b.gpuMemoryGiB || a.memoryGiB - b.memoryGiB || a.vcpu - b.vcpu;

/** What an instance serves: an option and its architecture. */
export interface Serving {
  option: OptionId;
  architecture: Architecture;
}

/** $ an hour for a use in the run's price table; unpriced types come last. */
const hourly = (prices: PriceTable, use: InstanceUse, i: InstanceType) => instancePrice(prices, use === 'transform' ? 'batch' : 'hosting', i.type)?.usd ?? Infinity;

/**
 * Candidates in order of preference. CPU types: smallest first. GPU types: cheapest first (by the
 * run's price table: --region or --prices when given), since GPU sizes and prices do not go
 * together (a 16 GB V100 costs more than a 24 GB A10G), then smallest.
 */
export function candidates(w: Workload, rec: Serving, prices: PriceTable, use: InstanceUse = rec.option === 'batch-transform' ? 'transform' : 'hosting'): InstanceType[] {
  const mme = rec.architecture === 'multi-model';
  const gpuFamilies = ['g4dn', 'g5', 'g6', 'g6e', 'g7e', 'p3', 'p4d', 'p4de', 'p5', 'p5e', 'p5en'];
  const cpuFamilies = use === 'transform' ? ['m5', 'c5', 'm6i'] : ['m5', 'r5'];
  return INSTANCES.filter((i) => acceptedFor(i.type, use))
    .filter((i) => (w.gpu ? gpuFamilies.includes(familyOf(i.type)) : cpuFamilies.includes(familyOf(i.type))))
    .filter((i) => !(w.gpu && mme) || (i.gpus === 1 && (MME_GPU_FAMILIES as readonly string[]).includes(familyOf(i.type))))
    .sort((a, b) => (w.gpu ? hourly(prices, use, a) - hourly(prices, use, b) || bySize(a, b) : bySize(a, b)));
}

/** The biggest of some types (the last resort when none holds the model). */
export const largest = (list: readonly InstanceType[]): InstanceType => list.reduce((big, i) => (bySize(i, big) > 0 ? i : big));

/**
 * The instance type for a recommendation that runs on instances (not Serverless): the type given,
 * or the first catalog type the API accepts for this use that holds the model (see candidates).
 */
export function chooseInstance(w: Workload, rec: Serving, prices: PriceTable, given: string | null = null): InstanceChoice {
  const use: InstanceUse = rec.option === 'batch-transform' ? 'transform' : 'hosting';
  const residentModels = rec.architecture === 'multi-container' ? w.frameworks : 1;
  const needBytes = w.modelSizeBytes === null ? 0 : Math.ceil(w.modelSizeBytes * residentModels * limit('policy.memory-headroom'));
  const base = { use, residentModels, needBytes };

  if (given) {
    const known = instance(given) ?? null;
    const fit = known ? fitOn(known, needBytes, w.gpu) : null;
    const problems: InstanceChoice['problems'] = [];
    if (!acceptedFor(given, use)) problems.push({ id: 'not-accepted' });
    if (!known) problems.push({ id: 'not-in-catalog' });
    else {
      if (w.gpu && known.gpus === 0) problems.push({ id: 'no-gpu' });
      else if (!fit!.holds) problems.push({ id: 'too-small' });
    }
    return { ...base, type: given, instance: known, how: 'given', fit, problems };
  }
  const list = candidates(w, rec, prices, use);
  const holding = list.find((i) => fitOn(i, needBytes, w.gpu).holds);
  const chosen = holding ?? largest(list);
  return { ...base, type: chosen.type, instance: chosen, how: holding ? (w.gpu ? 'cheapest-that-holds' : 'smallest-that-holds') : 'largest-none-holds', fit: fitOn(chosen, needBytes, w.gpu), problems: [] };
}
