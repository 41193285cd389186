// The generator's choices for a recommendation: instance type, serverless memory and
// concurrency, async and batch settings. Every number comes from the limits table or the
// instance catalog; every choice carries the reason that goes into the file's comments.

import type { Recommendation } from '../rules/engine';
import { serverlessMemoryMB } from '../rules/engine';
import { INSTANCES, MME_GPU_FAMILIES, familyOf, instance, type InstanceType } from '../rules/instances';
import { limit } from '../rules/limits';
import { formatBytes, formatDuration } from '../rules/units';
import type { Workload } from '../rules/workload';
import type { Deployment } from './deployment';
import { planInferenceComponents, type IcPlan } from './inference-components';

const GIB = 1024 ** 3;

export interface BatchPlan {
  splitType: 'None' | 'Line' | 'RecordIO' | 'TFRecord';
  batchStrategy: 'MultiRecord' | 'SingleRecord' | null;
  assembleWith: 'None' | 'Line';
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
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  async: { maxConcurrentInvocationsPerInstance: number } | null;
  batch: BatchPlan | null;
  /** Target tracking: invocations per instance per minute (real-time only). */
  targetInvocationsPerInstance: number | null;
  /** Why each choice was made, for the file comments. */
  choices: string[];
  /** Things the user should know (unknown instance type, values not given...). */
  warnings: string[];
  /** The inference-components architecture: components, instances and scaling. */
  ic?: IcPlan;
}

function workers(i: InstanceType): number {
  return i.gpus > 0 ? i.gpus : i.vcpu;
}

/** Candidates in order of preference: smallest first. */
export function candidates(w: Workload, rec: Recommendation): InstanceType[] {
  const batch = rec.option === 'batch-transform';
  const mme = rec.architecture === 'multi-model';
  const gpuFamilies = ['g4dn', 'g5', 'g6', 'p3', 'p4d', 'p5'];
  const cpuFamilies = batch ? ['m5', 'c5', 'm6i'] : ['m5', 'r5'];
  return INSTANCES.filter((i) => (batch ? i.transform : true))
    .filter((i) => (w.gpu ? gpuFamilies.includes(familyOf(i.type)) : cpuFamilies.includes(familyOf(i.type))))
    .filter((i) => !(w.gpu && mme) || (i.gpus === 1 && (MME_GPU_FAMILIES as readonly string[]).includes(familyOf(i.type))))
    .sort((a, b) => a.gpus * a.gpuMemoryGiB - b.gpus * b.gpuMemoryGiB || a.memoryGiB - b.memoryGiB || a.vcpu - b.vcpu);
}

function holds(i: InstanceType, need: number): boolean {
  return i.memoryGiB * GIB >= need && (i.gpus === 0 || i.gpus * i.gpuMemoryGiB * GIB >= need);
}

function chooseInstance(w: Workload, rec: Recommendation, d: Deployment, choices: string[], warnings: string[]): string {
  const headroom = limit('policy.memory-headroom');
  // A multi-container endpoint keeps every container's model in memory on each instance.
  const resident = rec.architecture === 'multi-container' ? w.frameworks : 1;
  const need = w.modelSizeBytes === null ? 0 : Math.ceil(w.modelSizeBytes * resident * headroom);
  const list = candidates(w, rec);
  const holding = list.find((i) => holds(i, need));
  const what = w.modelSizeBytes === null
    ? 'model size not given'
    : `${resident > 1 ? `${resident} resident models of ${formatBytes(w.modelSizeBytes)} need` : `a ${formatBytes(w.modelSizeBytes)} model needs`} about ${formatBytes(need)} of ${w.gpu ? 'GPU ' : ''}memory`;

  if (d.instanceType) {
    const known = instance(d.instanceType);
    choices.push(`instance ${d.instanceType}: given with --instance-type`);
    if (!known) warnings.push(`${d.instanceType} is not in deploy-advisor's instance catalog: check that it exists in your Region and holds the model`);
    else {
      if (w.gpu && known.gpus === 0) warnings.push(`${d.instanceType} has no GPU, but the workload needs one`);
      if (!holds(known, need)) warnings.push(`${d.instanceType} may be too small: ${what}`);
      if (rec.option === 'batch-transform' && !known.transform) warnings.push(`${d.instanceType} is not listed for Batch Transform (TransformInstanceType)`);
    }
    return d.instanceType;
  }
  if (holding) {
    choices.push(`instance ${holding.type}: the smallest ${w.gpu ? 'GPU ' : ''}type in the catalog that holds the model (${what}; ${holding.type} has ${holding.memoryGiB} GiB${holding.gpus ? `, ${holding.gpus} x ${holding.gpuMemoryGiB} GiB GPU` : ''})${w.gpu && rec.architecture === 'multi-model' ? '; multi-model on GPU needs a single-GPU type and a Triton container' : ''}`);
    return holding.type;
  }
  const largest = list[list.length - 1]!;
  warnings.push(`no instance in the catalog holds the model (${what}); ${largest.type} was written: choose a type with --instance-type, or shard the model`);
  choices.push(`instance ${largest.type}: the largest candidate; see the warning`);
  return largest.type;
}

function batchPlan(w: Workload, i: InstanceType | null, choices: string[]): BatchPlan {
  const ct = (w.contentType ?? '').toLowerCase();
  let splitType: BatchPlan['splitType'] = 'None';
  if (/csv|jsonlines|json-lines|x-ndjson|text\/plain/.test(ct)) splitType = 'Line';
  else if (/recordio/.test(ct)) splitType = 'RecordIO';
  else if (/tfrecord/.test(ct)) splitType = 'TFRecord';
  const batchStrategy = splitType === 'None' ? null : 'MultiRecord';
  const assembleWith = splitType === 'Line' ? 'Line' : 'None';

  const cap = limit('batch-transform.concurrency-times-payload');
  const recordMB = Math.ceil(w.payloadBytes / (1024 * 1024));
  const maxPayloadInMB = Math.min(limit('batch-transform.payload'), Math.max(recordMB, limit('batch-transform.payload-default')));
  const maxConcurrentTransforms = Math.max(1, Math.min(i ? workers(i) : 1, Math.floor(cap / maxPayloadInMB)));
  const timeout = Math.min(
    limit('batch-transform.invocation-timeout'),
    Math.max(limit('batch-transform.invocation-timeout-default'), Math.ceil(w.processingSeconds * limit('policy.batch-timeout-factor'))),
  );

  choices.push(
    splitType === 'None'
      ? `SplitType None: each S3 object is one request${w.contentType ? ` (${w.contentType} is not split by line)` : ' (content type not given)'}`
      : `SplitType ${splitType}, BatchStrategy MultiRecord${assembleWith === 'Line' ? ', AssembleWith Line' : ''}: ${w.contentType} records are batched into mini-batches`,
    `MaxPayloadInMB ${maxPayloadInMB} and MaxConcurrentTransforms ${maxConcurrentTransforms}: records up to ${formatBytes(w.payloadBytes)}, ${maxConcurrentTransforms} x ${maxPayloadInMB} MB within the ${cap} MB limit`,
    `InvocationsTimeoutInSeconds ${timeout}: ${formatDuration(w.processingSeconds)} worst case per request, with room to spare (at most ${limit('batch-transform.invocation-timeout')})`,
  );
  return { splitType, batchStrategy, assembleWith, maxPayloadInMB, maxConcurrentTransforms, invocationsTimeoutInSeconds: timeout, invocationsMaxRetries: limit('batch-transform.max-retries') };
}

export function makePlan(rec: Recommendation, w: Workload, d: Deployment): Plan {
  const choices: string[] = [];
  const warnings: string[] = [];
  const containers = rec.architecture === 'serial-pipeline' ? w.pipeline : rec.architecture === 'multi-container' ? w.frameworks : 1;

  if (rec.option === 'serverless') {
    const memoryMB = serverlessMemoryMB(w.modelSizeBytes)!;
    const maxConcurrency = limit(w.traffic === 'unpredictable' ? 'policy.serverless-concurrency-unpredictable' : 'policy.serverless-concurrency-intermittent');
    const provisionedConcurrency = w.latencySeconds !== null && w.latencySeconds < limit('serverless.startup') ? 1 : null;
    choices.push(
      `MemorySizeInMB ${memoryMB}: ${w.modelSizeBytes === null ? 'the smallest step (model size not given)' : `the smallest 1 GB step that holds a ${formatBytes(w.modelSizeBytes)} model with headroom`}`,
      `MaxConcurrency ${maxConcurrency}: for ${w.traffic} traffic (at most ${limit('serverless.max-concurrency')} per endpoint; new accounts have reported a Region-wide quota of ${limit('serverless.account-concurrency-observed')})`,
    );
    if (provisionedConcurrency) {
      choices.push(`ProvisionedConcurrency ${provisionedConcurrency}: callers wait at most ${formatDuration(w.latencySeconds!)}, less than a worst-case cold start (${formatDuration(limit('serverless.startup'))}), so one instance is kept warm (billed while provisioned)`);
    }
    if (d.instanceType) warnings.push(`--instance-type ${d.instanceType} is ignored: Serverless endpoints have no instance type`);
    return { rec, workload: w, instanceType: null, instance: null, containers, kmsAllowed: false, serverless: { memoryMB, maxConcurrency, provisionedConcurrency }, async: null, batch: null, targetInvocationsPerInstance: null, choices, warnings };
  }

  const ic = rec.architecture === 'inference-components' ? planInferenceComponents(rec, w, d, choices, warnings) : undefined;
  const instanceType = ic ? ic.instanceType : chooseInstance(w, rec, d, choices, warnings);
  const known = instance(instanceType) ?? null;
  const kmsAllowed = known !== null && !known.nvme;
  if (known?.nvme) choices.push(`no KmsKeyId: ${instanceType} has local NVMe storage, encrypted by the instance; the API rejects a KmsKeyId for it`);
  else if (!known) warnings.push(`no KmsKeyId parameter: whether ${instanceType} has local NVMe storage (which rejects a KmsKeyId) is not known`);

  let asyncPlan: Plan['async'] = null;
  let targetInvocationsPerInstance: number | null = null;
  let batch: BatchPlan | null = null;
  if (rec.option === 'async') {
    const n = Math.min(limit('async.max-concurrent-invocations'), known ? workers(known) : 1);
    asyncPlan = { maxConcurrentInvocationsPerInstance: n };
    choices.push(`MaxConcurrentInvocationsPerInstance ${n}: one request per ${known && known.gpus ? 'GPU' : 'vCPU'} at a time`);
    if (w.processingSeconds > limit('async.invocation-timeout-default')) {
      choices.push(`invoke with InvocationTimeoutSeconds of at least ${Math.ceil(w.processingSeconds)}: the default is ${formatDuration(limit('async.invocation-timeout-default'))}`);
    }
  } else if (rec.option === 'real-time' && !ic) {
    const perMinute = (60 / w.processingSeconds) * (known ? workers(known) : 1);
    targetInvocationsPerInstance = Math.max(1, Math.floor(perMinute * limit('policy.target-utilisation')));
    choices.push(`target tracking at ${targetInvocationsPerInstance} invocations per instance per minute: ${Math.round(limit('policy.target-utilisation') * 100)}% of an estimated ${Math.floor(perMinute)} (${formatDuration(w.processingSeconds)} per request x ${known ? workers(known) : 1} workers); confirm with a load test`);
  } else if (rec.option === 'batch-transform') {
    batch = batchPlan(w, known, choices);
  }
  return { rec, workload: w, instanceType, instance: known, containers, kmsAllowed, serverless: null, async: asyncPlan, batch, targetInvocationsPerInstance, choices, warnings, ...(ic ? { ic } : {}) };
}

