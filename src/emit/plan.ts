// The generator's choices for a recommendation: instance type, serverless memory and
// concurrency, async and batch settings. Every number comes from the limits table or the
// instance catalog; every choice carries the reason that goes into the file's comments.

import { flagRef } from '../rules/flag-ref';
import type { AsyncCapacity, BatchCapacity, Cost, InstanceSpec, RealTimeCapacity, ServerlessCapacity } from '../rules/cost';
import { optionLabel, type PricedOption } from '../rules/cost-choice';
import type { Recommendation } from '../rules/engine';
import { serverlessMemoryMB } from '../rules/engine';
import { chooseInstance, type InstanceChoice } from '../rules/instance-choice';
import { hasNvme, instance, type InstanceType } from '../rules/instances';
import { limit, type OptionId } from '../rules/limits';
import { formatBytes, formatDuration } from '../rules/units';
import { plural, withArticle } from '../rules/text';
import type { Workload } from '../rules/workload';
import type { Deployment } from './deployment';
import { planInferenceComponents, type IcPlan } from './inference-components';

const GIB = 1024 ** 3;
/** Memory compared in one unit: GiB, to one decimal. */
const gib = (bytes: number) => `${Math.round((bytes / GIB) * 10) / 10} GiB`;

export interface BatchPlan {
  /** Values of TransformInput.SplitType, CreateTransformJob BatchStrategy and TransformOutput.AssembleWith (api.generated.ts). */
  splitType: string;
  batchStrategy: string | null;
  assembleWith: string;
  maxPayloadInMB: number;
  maxConcurrentTransforms: number;
  invocationsTimeoutInSeconds: number;
  invocationsMaxRetries: number;
}

export interface Plan {
  rec: Recommendation;
  workload: Workload;
  /** null for serverless. */
  instanceType: string | null;
  /** Catalog entry, when the type is known. */
  instance: InstanceType | null;
  /** Containers in the model: 1, or one per framework or pipeline step. */
  containers: number;
  /** Whether a KmsKeyId may be set on the endpoint config (not for local-NVMe types or serverless). */
  kmsAllowed: boolean;
  /** Whether the models get EnableNetworkIsolation (not for serverless or async, nor when the deployment turns it off). */
  networkIsolation: boolean;
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  async: { maxConcurrentInvocationsPerInstance: number } | null;
  batch: BatchPlan | null;
  /** Target tracking: invocations per instance per minute (real-time only). */
  targetInvocationsPerInstance: number | null;
  /** Why each choice was made, for the file comments. */
  choices: string[];
  /** Things the user should know (unknown instance type, values not given...). */
  warnings: string[];
  /** Instance counts sized for a request volume (--requests); null: the generator's defaults. */
  capacity: PlanCapacity | null;
  /** The monthly estimate for the header comment; null without --requests or when unknown. */
  cost: (Cost & { label: string }) | null;
  /** The inference-components architecture: components, instances and scaling. */
  ic?: IcPlan;
}

/** Capacity sized for the traffic, from the cost model. */
export interface PlanCapacity {
  initialInstanceCount?: number;
  minInstances?: number;
  maxInstances?: number;
  targetInvocationsPerInstance?: number;
  maxConcurrency?: number;
  provisionedConcurrency?: number | null;
  transformInstanceCount?: number;
  /** Why, for the file comments. */
  why: string;
}

/** What --requests adds to a plan: sized capacity and the estimate. */
export interface Sizing {
  capacity: PlanCapacity;
  cost: (Cost & { label: string }) | null;
}

/** The capacity and estimate of a priced option, for the generated files. */
export function sizingFor(p: PricedOption): Sizing | null {
  if (!p.fits || !p.capacity) return null;
  const cost = p.cost ? { ...p.cost, label: optionLabel(p) } : null;
  switch (p.option) {
    case 'real-time': {
      const c = p.capacity as RealTimeCapacity;
      return { cost, capacity: { ...c, why: `InitialInstanceCount ${c.initialInstanceCount}, autoscaling ${c.minInstances} to ${c.maxInstances} instances at ${plural(c.targetInvocationsPerInstance, 'invocation')} per instance per minute: sized for the average and peak request rates (see Estimated cost)` } };
    }
    case 'async': {
      const c = p.capacity as AsyncCapacity;
      return { cost, capacity: { initialInstanceCount: c.initialInstanceCount, minInstances: c.minInstances, maxInstances: c.maxInstances, why: `autoscaling ${c.minInstances} to ${c.maxInstances} instances: ${c.minInstances === 0 ? 'scales to zero between bursts' : 'one instance stays up, since callers cannot wait for a scale-out from zero'}; the maximum serves the peak` } };
    }
    case 'serverless': {
      const c = p.capacity as ServerlessCapacity;
      return { cost, capacity: { maxConcurrency: c.maxConcurrency, provisionedConcurrency: c.provisionedConcurrency, why: `the peak concurrency (peak rate x processing time)${c.provisionedConcurrency ? '; Provisioned Concurrency holds the average concurrency warm, since callers cannot wait out a cold start' : ''}` } };
    }
    case 'batch-transform': {
      const c = p.capacity as BatchCapacity;
      return { cost, capacity: { transformInstanceCount: c.instanceCount, why: `InstanceCount ${c.instanceCount}: the fewest instances that finish each run in time (see Estimated cost)` } };
    }
  }
}

/** The chosen instance's type and the lines it adds to the file comments. */
function instanceLines(w: Workload, rec: Recommendation, d: Deployment, choices: string[], warnings: string[]): InstanceChoice {
  const c = chooseInstance(w, rec, d.instanceType);
  const gpuWord = w.gpu ? 'GPU ' : '';
  const what = w.modelSizeBytes === null
    ? 'model size not given'
    : `${c.residentModels > 1 ? `${c.residentModels} resident models of ${formatBytes(w.modelSizeBytes)} need` : `${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} needs`} about ${gib(c.needBytes)} of ${gpuWord}memory`;
  const has = (i: InstanceType) => `${i.type} has ${gib(i.memoryGiB * GIB)}${i.gpus ? `, ${i.gpus} x ${gib(i.gpuMemoryGiB * GIB)} usable GPU memory` : ''}`;
  const apiList = c.use === 'transform' ? 'TransformInstanceType' : 'ProductionVariantInstanceType';

  if (c.how === 'given') {
    choices.push(`instance ${c.type}: given with ${flagRef('instanceType')}`);
    for (const p of c.problems) {
      if (p.id === 'not-accepted') warnings.push(`${c.type} is not listed for ${c.use === 'transform' ? 'Batch Transform' : 'endpoints'} in the SageMaker API (${apiList}): the request will be rejected; choose another type`);
      else if (p.id === 'not-in-catalog') warnings.push(`${c.type} is not in deploy-advisor's instance catalog: check that it exists in your Region and holds the model`);
      else if (p.id === 'no-gpu') warnings.push(`${c.type} has no GPU, but the workload needs one`);
      else if (p.id === 'too-small') warnings.push(`${c.type} may be too small: ${what}; ${has(c.instance!)}`);
    }
  } else if (c.how === 'smallest-that-holds' || c.how === 'cheapest-that-holds') {
    choices.push(`instance ${c.type}: the ${c.how === 'cheapest-that-holds' ? 'cheapest' : 'smallest'} ${gpuWord}type in the catalog that holds the model (${what}; ${has(c.instance!)})${w.gpu && rec.architecture === 'multi-model' ? '; multi-model on GPU needs a single-GPU type and a Triton container' : ''}`);
  } else {
    warnings.push(`no instance in the catalog holds the model (${what}); ${c.type} was written: choose a type with ${flagRef('instanceType')}, or shard the model`);
    choices.push(`instance ${c.type}: the largest candidate; see the warning`);
  }
  if (c.fit && c.fit.holds && c.fit.gpusPerCopy > 1) {
    warnings.push(`the model does not fit one GPU of ${c.type} (${what}): it must be sharded across ${c.fit.gpusPerCopy} GPUs (tensor parallel), e.g. with a Large Model Inference (LMI) or Text Generation Inference (TGI) container; ${c.type} runs ${c.fit.copies} ${c.fit.copies === 1 ? 'copy' : 'copies'} of it`);
  }
  return c;
}

/** Requests an instance serves at once: one per model copy it runs (1 when the type is not known). */
const workers = (c: InstanceChoice) => (c.fit ? Math.max(1, c.fit.copies) : 1);

/**
 * The instance an option would run on, as the cost model needs it: workers per instance (for
 * Batch Transform, MaxConcurrentTransforms) and local NVMe. The same choice the plan makes.
 */
export function instanceSpecFor(w: Workload, option: OptionId, architecture: Recommendation['architecture'], d: Deployment): InstanceSpec | null {
  if (option === 'serverless') return null;
  const c = chooseInstance(w, { option, architecture } as Recommendation, d.instanceType ?? null);
  const n = option === 'batch-transform' ? batchPlan(w, c, []).maxConcurrentTransforms : workers(c);
  return { type: c.type, workers: n, nvme: c.instance ? c.instance.nvme : hasNvme(c.type) ?? false };
}

function batchPlan(w: Workload, c: InstanceChoice, choices: string[]): BatchPlan {
  const ct = (w.contentType ?? '').toLowerCase();
  let splitType = 'None';
  if (/csv|jsonlines|json-lines|x-ndjson|text\/plain/.test(ct)) splitType = 'Line';
  else if (/recordio/.test(ct)) splitType = 'RecordIO';
  else if (/tfrecord/.test(ct)) splitType = 'TFRecord';
  const batchStrategy = splitType === 'None' ? null : 'MultiRecord';
  const assembleWith = splitType === 'Line' ? 'Line' : 'None';

  const cap = limit('batch-transform.concurrency-times-payload');
  const recordMB = Math.ceil(w.payloadBytes / (1024 * 1024));
  const maxPayloadInMB = Math.min(limit('batch-transform.payload'), Math.max(recordMB, limit('batch-transform.payload-default')));
  const maxConcurrentTransforms = Math.max(1, Math.min(workers(c), Math.floor(cap / maxPayloadInMB)));
  const timeout = Math.min(
    limit('batch-transform.invocation-timeout'),
    Math.max(limit('batch-transform.invocation-timeout-default'), Math.ceil(w.processingSeconds * limit('policy.batch-timeout-factor'))),
  );

  choices.push(
    splitType === 'None'
      ? `SplitType None: each S3 object is one request${w.contentType ? ` (${w.contentType} is not split by line)` : ' (content type not given)'}`
      : `SplitType ${splitType}, BatchStrategy MultiRecord${assembleWith === 'Line' ? ', AssembleWith Line' : ''}: ${w.contentType} records are batched into mini-batches`,
    `MaxPayloadInMB ${maxPayloadInMB} (${formatBytes(maxPayloadInMB * 1024 * 1024)}) and MaxConcurrentTransforms ${maxConcurrentTransforms}: records up to ${formatBytes(w.payloadBytes)}, ${maxConcurrentTransforms} x ${formatBytes(maxPayloadInMB * 1024 * 1024)} within the ${formatBytes(cap * 1024 * 1024)} limit`,
    `InvocationsTimeoutInSeconds ${timeout}: ${formatDuration(w.processingSeconds)} worst case per request, with room to spare (at most ${limit('batch-transform.invocation-timeout')})`,
  );
  return { splitType, batchStrategy, assembleWith, maxPayloadInMB, maxConcurrentTransforms, invocationsTimeoutInSeconds: timeout, invocationsMaxRetries: limit('batch-transform.max-retries') };
}

export function makePlan(rec: Recommendation, w: Workload, d: Deployment, sizing: Sizing | null = null): Plan {
  const choices: string[] = [];
  const warnings: string[] = [];
  const containers = rec.architecture === 'serial-pipeline' ? w.pipeline : rec.architecture === 'multi-container' ? w.frameworks : 1;

  if (rec.option === 'serverless') {
    const memoryMB = serverlessMemoryMB(w.modelSizeBytes)!;
    const sized = sizing?.capacity.maxConcurrency !== undefined ? sizing.capacity : null;
    const maxConcurrency = sized ? sized.maxConcurrency! : limit(w.traffic === 'unpredictable' ? 'policy.serverless-concurrency-unpredictable' : 'policy.serverless-concurrency-intermittent');
    const provisionedConcurrency = sized ? (sized.provisionedConcurrency ?? null) : w.latencySeconds !== null && w.latencySeconds < limit('serverless.startup') ? 1 : null;
    choices.push(
      `MemorySizeInMB ${memoryMB}: ${w.modelSizeBytes === null ? 'the smallest step (model size not given)' : `the smallest 1 GB step that holds ${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} with headroom`}`,
      sized
        ? `MaxConcurrency ${maxConcurrency}${provisionedConcurrency ? ` and ProvisionedConcurrency ${provisionedConcurrency}` : ''}: ${sized.why}`
        : `MaxConcurrency ${maxConcurrency}: for ${w.traffic} traffic (at most ${limit('serverless.max-concurrency')} per endpoint; new accounts have reported a Region-wide quota of ${limit('serverless.account-concurrency-observed')})`,
    );
    if (provisionedConcurrency && !sized) {
      choices.push(`ProvisionedConcurrency ${provisionedConcurrency}: callers wait at most ${formatDuration(w.latencySeconds!)}, less than a worst-case cold start (${formatDuration(limit('serverless.startup'))}), so one instance is kept warm (billed while provisioned)`);
    }
    if (d.instanceType) warnings.push(`${flagRef('instanceType')} ${d.instanceType} is ignored: Serverless endpoints have no instance type`);
    choices.push('no network isolation: Serverless Inference does not support it');
    return { rec, workload: w, instanceType: null, instance: null, containers, kmsAllowed: false, networkIsolation: false, serverless: { memoryMB, maxConcurrency, provisionedConcurrency }, async: null, batch: null, targetInvocationsPerInstance: null, choices, warnings, capacity: sized, cost: sizing?.cost ?? null };
  }

  const ic = rec.architecture === 'inference-components' ? planInferenceComponents(rec, w, d, choices, warnings) : undefined;
  const choice = ic ? null : instanceLines(w, rec, d, choices, warnings);
  const instanceType = ic ? ic.instanceType : choice!.type;
  const known = ic ? (instance(instanceType) ?? null) : choice!.instance;
  const nvme = hasNvme(instanceType);
  const kmsAllowed = nvme === false;
  if (nvme) choices.push(`no KmsKeyId: ${instanceType} has local NVMe storage, encrypted by the instance; the API rejects a KmsKeyId for it`);
  else if (nvme === null) warnings.push(`no KmsKeyId parameter: whether ${instanceType} has local NVMe storage (which rejects a KmsKeyId) is not known`);

  let asyncPlan: Plan['async'] = null;
  let targetInvocationsPerInstance: number | null = null;
  let batch: BatchPlan | null = null;
  if (rec.option === 'async') {
    const n = Math.min(limit('async.max-concurrent-invocations'), workers(choice!));
    asyncPlan = { maxConcurrentInvocationsPerInstance: n };
    const per = !choice!.fit ? 'vCPU' : choice!.fit.gpusPerCopy > 1 ? `model copy (${choice!.fit.gpusPerCopy} GPUs each)` : choice!.fit.gpusPerCopy === 1 ? 'GPU' : n < choice!.instance!.vcpu ? 'model copy that fits in memory' : 'vCPU';
    choices.push(`MaxConcurrentInvocationsPerInstance ${n}: one request per ${per} at a time`);
    if (w.processingSeconds > limit('async.invocation-timeout-default')) {
      choices.push(`invoke with InvocationTimeoutSeconds of at least ${Math.ceil(w.processingSeconds)}: the default is ${formatDuration(limit('async.invocation-timeout-default'))}`);
    }
  } else if (rec.option === 'real-time' && !ic) {
    const perMinute = (60 / w.processingSeconds) * workers(choice!);
    targetInvocationsPerInstance = sizing?.capacity.targetInvocationsPerInstance ?? Math.max(1, Math.floor(perMinute * limit('policy.target-utilisation')));
    choices.push(`target tracking at ${plural(targetInvocationsPerInstance, 'invocation')} per instance per minute: ${Math.round(limit('policy.target-utilisation') * 100)}% of an estimated ${Math.floor(perMinute)} (${formatDuration(w.processingSeconds)} per request x ${plural(workers(choice!), 'worker')}); confirm with a load test`);
  } else if (rec.option === 'batch-transform') {
    batch = batchPlan(w, choice!, choices);
  }
  const networkIsolation = rec.option !== 'async' && d.networkIsolation !== false;
  if (rec.option === 'async') choices.push('no network isolation: async endpoints need models with network connectivity (AWS Marketplace guide; see DA1013)');
  else if (!networkIsolation) choices.push(`no network isolation: turned off on request (${flagRef('networkIsolation', true)}), so the container can reach the network`);
  else {
    const several = containers > 1 || (ic?.models.length ?? 1) > 1;
    choices.push(`EnableNetworkIsolation: the container${several ? 's' : ''} cannot make network calls (SageMaker still fetches the image${several ? 's' : ''} and model data); generate with ${flagRef('networkIsolation', true)} if ${several ? 'one' : 'it'} downloads at start-up or calls other services`);
  }
  const capacity = sizing ? sizing.capacity : null;
  if (capacity) choices.push(capacity.why);
  return { rec, workload: w, instanceType, instance: known, containers, kmsAllowed, networkIsolation, serverless: null, async: asyncPlan, batch, targetInvocationsPerInstance, choices, warnings, capacity, cost: sizing?.cost ?? null, ...(ic ? { ic } : {}) };
}

