// Large models start on the first try (issue 24): the start-up estimate, the start-up timeouts,
// the ML storage volume and the Serverless start-up check (the service quotas a plan needs are
// facts: src/rules/facts/quotas.ts).
// Pure functions of sizes and plan facts, every number from the limits table; the plan (plan-startup.ts)
// wires them in, and every target writes what they return.

import { hasNvme } from '../facts/instances';
import { limit, limitBytes } from '../facts/limits';

/** The documents say GB; start-up and volume sizes read it as 10^9 bytes. */
const GB = 1e9;

// ---- 1. start-up estimate ---------------------------------------------------------------------

export interface StartupEstimate {
  /** Bytes downloaded and loaded at start-up (the model, or every model an instance loads). */
  readonly modelBytes: number;
  /** Estimated seconds from instance start to a first successful /ping. */
  readonly seconds: number;
  /** Seconds per GB: the download at policy.model-load-throughput, times policy.startup-load-factor. */
  readonly secondsPerGB: number;
}

/** Download and load time of a model of this size: size in GB x seconds per GB, rounded up. */
export function startupEstimate(modelBytes: number): StartupEstimate {
  const secondsPerGB = (GB / limit('policy.model-load-throughput')) * limit('policy.startup-load-factor');
  return { modelBytes, seconds: Math.ceil((modelBytes / GB) * secondsPerGB), secondsPerGB };
}

// ---- 2. start-up timeouts ---------------------------------------------------------------------

export type StartupTimeouts =
  /** The platform window holds the estimate with headroom: set no timeout (the defaults apply). */
  | { readonly kind: 'default'; readonly estimateSeconds: number; readonly windowSeconds: number }
  /** Set both timeouts (ProductionVariant, or an inference component's StartupParameters). */
  | {
      readonly kind: 'set';
      readonly estimateSeconds: number;
      readonly windowSeconds: number;
      readonly modelDataDownloadTimeoutInSeconds: number;
      readonly containerStartupHealthCheckTimeoutInSeconds: number;
      /** The headroom the policy wanted could not be given: the API maximum caps the timeouts. */
      readonly capped: boolean;
    }
  /** No timeout the API accepts covers the estimate: the plan must refuse the model (exit 1). */
  | { readonly kind: 'refused'; readonly reason: 'startup-exceeds-max-timeout'; readonly estimateSeconds: number; readonly maxSeconds: number };

/**
 * The start-up timeouts for an estimate (seconds). When the estimate times policy.startup-headroom
 * exceeds the platform window (model.startup-window), both timeouts are set to that, rounded up to
 * a whole minute, within model.startup-timeout-min/max. An estimate beyond the maximum is refused.
 */
export function startupTimeouts(estimateSeconds: number): StartupTimeouts {
  const windowSeconds = limit('model.startup-window');
  const min = limit('model.startup-timeout-min');
  const max = limit('model.startup-timeout-max');
  if (estimateSeconds > max) return { kind: 'refused', reason: 'startup-exceeds-max-timeout', estimateSeconds, maxSeconds: max };
  const wanted = estimateSeconds * limit('policy.startup-headroom');
  if (wanted <= windowSeconds) return { kind: 'default', estimateSeconds, windowSeconds };
  const minute = 60;
  const t = Math.min(max, Math.max(min, Math.ceil(wanted / minute) * minute));
  return { kind: 'set', estimateSeconds, windowSeconds, modelDataDownloadTimeoutInSeconds: t, containerStartupHealthCheckTimeoutInSeconds: t, capped: wanted > max };
}

// ---- 3. ML storage volume ---------------------------------------------------------------------

export interface VolumeSize {
  /** VolumeSizeInGB to write; null when it must not (or need not) be set: see why. */
  readonly gb: number | null;
  readonly why:
    | 'sized' // set: the stored models with headroom need more than the volume assumed by default
    | 'default-suffices' // not set: the default volume (policy.endpoint-volume) holds them
    | 'nvme' // never set: the type has local NVMe storage and the API rejects VolumeSizeInGB
    | 'unknown-storage' // not set: whether the family has local NVMe storage is not known
    | 'no-model-size' // not set: the model size is not known
    | 'too-large'; // not set: even the largest volume (model.volume-size-max) is too small
  /** Bytes stored on each instance (sum of the models it must store). */
  readonly storedBytes: number;
  /** GB the stored models need with policy.volume-headroom. */
  readonly needGB: number;
  readonly maxGB: number;
}

/**
 * VolumeSizeInGB for an instance type that stores these models (bytes each; see storedModelBytes).
 * Null on NVMe types, always (the family table lint uses: hasNvme).
 */
export function volumeSizeGB(instanceType: string, storedModelBytes: readonly number[]): VolumeSize {
  const storedBytes = storedModelBytes.reduce((a, b) => a + b, 0);
  const maxGB = limit('model.volume-size-max');
  const needGB = Math.max(limit('model.volume-size-min'), Math.ceil((storedBytes * limit('policy.volume-headroom')) / GB));
  const base = { storedBytes, needGB, maxGB };
  const nvme = hasNvme(instanceType);
  if (nvme === true) return { ...base, gb: null, why: 'nvme' };
  if (nvme === null) return { ...base, gb: null, why: 'unknown-storage' };
  if (storedBytes === 0) return { ...base, gb: null, why: 'no-model-size' };
  if (needGB > maxGB) return { ...base, gb: null, why: 'too-large' };
  if (needGB * GB <= limitBytes('policy.endpoint-volume')) return { ...base, gb: null, why: 'default-suffices' };
  return { ...base, gb: needGB, why: 'sized' };
}

export interface StoredModels {
  readonly modelSizeBytes: number | null;
  readonly modelSizes?: readonly number[];
  readonly models: number;
  readonly frameworks: number;
}

/**
 * The model sizes one instance must store. A multi-model endpoint caches the models it is asked for
 * on its volume and deletes unused ones when the volume is full (the guide's multi-model caching):
 * it stores the models in regular use (hotModels), or every model when that is not given;
 * a multi-container endpoint one model per container; inference components every component's
 * model; otherwise the one model. Empty when the size is not known.
 */
export function storedModelBytes(w: StoredModels, architecture: string, hotModels: number | null = null): number[] {
  if (w.modelSizeBytes === null) return [];
  const each = (n: number) => (w.modelSizes && w.modelSizes.length === w.models ? [...w.modelSizes].sort((a, b) => b - a).slice(0, n) : Array.from({ length: n }, () => w.modelSizeBytes!));
  if (architecture === 'multi-model') return each(Math.min(w.models, hotModels ?? w.models));
  if (architecture === 'inference-components') return each(w.models);
  if (architecture === 'multi-container') return each(w.frameworks);
  return [w.modelSizeBytes];
}

// ---- 4. Serverless start-up -------------------------------------------------------------------

export type ServerlessStartupProblem = { readonly id: 'startup-too-slow'; readonly estimateSeconds: number; readonly limitSeconds: number } | { readonly id: 'image-too-large'; readonly imageBytes: number; readonly maxBytes: number };

export interface ServerlessStartupCheck {
  readonly fits: boolean;
  /** The download-plus-load estimate; null when the model size is not known. */
  readonly estimateSeconds: number | null;
  readonly limitSeconds: number;
  readonly imageBytes: number | null;
  readonly maxImageBytes: number;
  readonly problems: readonly ServerlessStartupProblem[];
}

/**
 * Serverless must download the model and answer /ping within serverless.startup, from an image of
 * at most serverless.image-size. Unknown sizes pass (the caller says they were not checked).
 */
export function serverlessStartup(modelBytes: number | null, imageBytes: number | null = null): ServerlessStartupCheck {
  const limitSeconds = limit('serverless.startup');
  const maxImageBytes = limitBytes('serverless.image-size');
  const estimateSeconds = modelBytes === null ? null : startupEstimate(modelBytes).seconds;
  const problems: ServerlessStartupProblem[] = [];
  if (estimateSeconds !== null && estimateSeconds > limitSeconds) problems.push({ id: 'startup-too-slow', estimateSeconds, limitSeconds });
  if (imageBytes !== null && imageBytes > maxImageBytes) problems.push({ id: 'image-too-large', imageBytes, maxBytes: maxImageBytes });
  return { fits: problems.length === 0, estimateSeconds, limitSeconds, imageBytes, maxImageBytes, problems };
}
