// Plans an option: instance type, counts and autoscaling, Serverless memory and concurrency, async
// and transform settings, inference components. basePlan() makes the plan with default counts;
// sizePlan() writes the counts a request volume needs (from the capacity the cost model sized on
// this same plan). Every number comes from the limits table, the instance catalog or the run's
// price table; every choice carries the reason that goes into the file's comments.

import { flagRef } from '../flag-ref';
import type { InstanceSpec } from './cost';
import { asyncScalesToZero, type AsyncCapacity } from './options/async';
import type { BatchCapacity } from './options/batch-transform';
import type { RealTimeCapacity } from './options/real-time';
import { miniBatch } from './batch';
import { residency } from './residency';
import { formatActiveHours, scheduledActions } from './active-hours';
import { instanceSlots, targetConcurrentRequestsPerCopy } from './concurrency';
import type { Recommendation } from './engine';
import { serverlessMemoryMB, type ServerlessCapacity } from './options/serverless';
import { candidates, chooseInstance, largest, type InstanceChoice } from './instance-choice';
import { hasNvme, instance, type InstanceType } from '../facts/instances';
import { limit, type OptionId } from '../facts/limits';
import { BUILTIN_PRICES, instancePrice, type PriceTable } from '../facts/prices';
import { formatBytes, formatDuration, groupThousands } from '../units';
import { plural, withArticle } from '../text';
import type { Workload } from '../workload';
import type { Deployment } from '../plan/deployment';
import { icChoices, icCounts, icFallback, icLayout, icWorkers, type IcLayout, type IcTraffic } from './options/inference-components';
import { asyncScaling, icScaling, realTimeScaling } from '../plan/scaling';
import { NO_STARTUP, planQuotas, withStartup } from './plan-startup';
import type { Architecture, BatchPlan, Plan } from '../plan/types';

const GIB = 1024 ** 3;
/** Memory compared in one unit: GiB, to one decimal. */
const gib = (bytes: number) => `${Math.round((bytes / GIB) * 10) / 10} GiB`;

/** What to plan: an option, its architecture, and (inference components) whether it scales to zero. */
export interface Serve {
  option: OptionId;
  architecture: Architecture;
  /** Inference components only. */
  scaleToZero?: boolean;
  /** Serverless only: with Provisioned Concurrency (callers cannot wait out a cold start). */
  provisioned?: boolean;
  /** The type sizing chose for a volume (Batch Transform: the cheapest that meets the deadline), and why. */
  sizedType?: { type: string; why: string };
}

/** The chosen instance's type and the lines it adds to the file comments. */
function instanceLines(w: Workload, s: Serve, c: InstanceChoice, choices: string[], warnings: string[]): void {
  const gpuWord = w.gpu ? 'GPU ' : '';
  const what =
    w.modelSizeBytes === null
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
    choices.push(
      `instance ${c.type}: the ${c.how === 'cheapest-that-holds' ? 'cheapest' : 'smallest'} ${gpuWord}type in the catalog that holds the model (${what}; ${has(c.instance!)})${w.gpu && s.architecture === 'multi-model' ? '; multi-model on GPU needs a single-GPU type and a Triton container' : ''}`,
    );
  } else {
    warnings.push(`no instance in the catalog holds the model (${what}); ${c.type} was written: choose a type with ${flagRef('instanceType')}, or shard the model`);
    choices.push(`instance ${c.type}: the largest candidate; see the warning`);
  }
  if (c.fit && c.fit.holds && c.fit.gpusPerCopy > 1) {
    warnings.push(
      `the model does not fit one GPU of ${c.type} (${what}): it must be sharded across ${c.fit.gpusPerCopy} GPUs (tensor parallel), e.g. with a Large Model Inference (LMI) or Text Generation Inference (TGI) container; ${c.type} runs ${c.fit.copies} ${c.fit.copies === 1 ? 'copy' : 'copies'} of it`,
    );
  }
  const kv = kvCacheLine(w, c);
  if (kv) choices.push(kv);
}

/**
 * A model that streams (an LLM) serves its concurrent requests from the GPU memory its weights leave
 * free: the KV cache of every request in flight lives there. Not sized (its bytes per token depend
 * on the model's layers, heads and precision, which deploy-advisor is not told): stated, so that the
 * user can hold it against their model and context length.
 */
function kvCacheLine(w: Workload, c: InstanceChoice): string | null {
  if (!w.gpu || !w.streaming || w.modelSizeBytes === null || !c.instance || !c.fit?.holds || c.fit.gpusPerCopy < 1) return null;
  const copyBytes = c.fit.gpusPerCopy * c.instance.gpuMemoryGiB * GIB;
  const free = copyBytes - w.modelSizeBytes;
  const n = perCopy(w);
  return `KV cache: one copy has ${gib(copyBytes)} of GPU memory; after the ${formatBytes(w.modelSizeBytes)} of weights, about ${gib(free)} is left for the KV cache and activations of its ${plural(n, 'concurrent request')}, about ${gib(free / n)} each; a request's KV cache is its tokens x 2 x layers x KV heads x head size x bytes per value: if your context needs more, lower ${flagRef('concurrencyPerCopy')}`;
}

/**
 * Requests an instance serves at once: its model copies times the requests a copy serves
 * (--concurrency-per-copy; an LLM container's batch when the model streams; one otherwise), or
 * on CPU the model server's workers. 1 when the type is not known.
 */
function workersOf(w: Workload, c: InstanceChoice): number {
  if (!c.instance) return 1;
  const s = instanceSlots({
    instance: c.instance,
    modelBytes: w.modelSizeBytes === null ? null : c.needBytes / limit('policy.memory-headroom'),
    gpu: w.gpu,
    streaming: w.streaming,
    processingSeconds: w.processingSeconds,
    ...(w.concurrencyPerCopy !== undefined ? { concurrencyPerCopy: w.concurrencyPerCopy } : {}),
  });
  return Math.max(1, s.slots);
}

/** Requests one copy of the model serves at once. */
export const perCopy = (w: Workload): number => w.concurrencyPerCopy ?? (w.gpu && w.streaming ? limit('policy.concurrency-per-copy-llm') : 1);

/** TransformInput.SplitType for a content type: by line, RecordIO or TFRecord records, or None (one object, one request). */
export function splitTypeOf(contentType: string | null): string {
  const ct = (contentType ?? '').toLowerCase();
  let splitType = 'None';
  if (/csv|jsonlines|json-lines|x-ndjson|text\/plain/.test(ct)) splitType = 'Line';
  else if (/recordio/.test(ct)) splitType = 'RecordIO';
  else if (/tfrecord/.test(ct)) splitType = 'TFRecord';
  return splitType;
}

function batchPlan(w: Workload, workers: number, choices: string[]): BatchPlan {
  const splitType = splitTypeOf(w.contentType);
  const assembleWith = splitType === 'Line' ? 'Line' : 'None';
  const cap = limit('batch-transform.concurrency-times-payload');
  const mb = miniBatch({ records: 0, recordBytes: w.payloadBytes, processingSeconds: w.processingSeconds, deadlineSeconds: 0, splittable: splitType !== 'None' }, workers);
  // Records too large or too slow for a transform job are ruled out by the engine; the API's maxima stand in.
  const m =
    'unfit' in mb
      ? {
          strategy: 'SingleRecord' as const,
          maxPayloadMB: limit('batch-transform.payload'),
          maxConcurrentTransforms: 1,
          timeoutSeconds: limit('batch-transform.invocation-timeout'),
          recordsPerInvocation: 1,
          invocationSeconds: w.processingSeconds,
        }
      : mb;
  const batchStrategy = splitType === 'None' ? null : m.strategy;

  choices.push(
    splitType === 'None'
      ? `SplitType None: each S3 object is one request${w.contentType ? ` (${w.contentType} is not split by line)` : ' (content type not given)'}`
      : batchStrategy === 'MultiRecord'
        ? `SplitType ${splitType}, BatchStrategy MultiRecord${assembleWith === 'Line' ? ', AssembleWith Line' : ''}: ${w.contentType} records are batched, about ${groupThousands(m.recordsPerInvocation)} to a mini-batch of ${m.maxPayloadMB} MB, which takes about ${formatDuration(m.invocationSeconds)} at ${formatDuration(w.processingSeconds)} a record, within the ${formatDuration(m.timeoutSeconds)} invocation timeout`
        : `SplitType ${splitType}, BatchStrategy SingleRecord${assembleWith === 'Line' ? ', AssembleWith Line' : ''}: one ${w.contentType} record per request, since two records would not finish within the invocation timeout`,
    `MaxPayloadInMB ${m.maxPayloadMB} (${formatBytes(m.maxPayloadMB * 1024 * 1024)}) and MaxConcurrentTransforms ${m.maxConcurrentTransforms}: one request per worker (${workers} on the instance, the hosting FAQ's ideal), ${m.maxConcurrentTransforms} x ${formatBytes(m.maxPayloadMB * 1024 * 1024)} within the ${formatBytes(cap * 1024 * 1024)} limit`,
    `InvocationsTimeoutInSeconds ${m.timeoutSeconds}: ${formatDuration(m.invocationSeconds)} worst case per request, with room to spare (at most ${limit('batch-transform.invocation-timeout')})`,
  );
  return {
    splitType,
    batchStrategy,
    assembleWith,
    contentType: w.contentType,
    maxPayloadInMB: m.maxPayloadMB,
    maxConcurrentTransforms: m.maxConcurrentTransforms,
    invocationsTimeoutInSeconds: m.timeoutSeconds,
    invocationsMaxRetries: limit('batch-transform.max-retries'),
    instanceCount: 1,
  };
}

/**
 * Multi-model endpoints: how many of the models in regular use (--hot-models) the fleet keeps
 * loaded, and what a reload from S3 costs against the answer time. A line for the file comments,
 * and a warning when requests will reload their model.
 */
function residencyLines(p: Plan, w: Workload, instances: number): void {
  if (p.architecture !== 'multi-model' || !p.instance || w.modelSizeBytes === null) return;
  const sizes = w.modelSizes?.length === w.models ? w.modelSizes : Array.from({ length: w.models }, () => w.modelSizeBytes!);
  const r = residency({ modelBytes: sizes, ...(w.hotModels !== undefined ? { hotModels: w.hotModels } : {}), instance: p.instance, instances, gpu: w.gpu, answerSeconds: w.latencySeconds, processingSeconds: w.processingSeconds });
  const where = w.gpu ? 'GPU memory' : 'memory';
  const hot = `${r.hot} ${r.hot === 1 ? 'model' : 'models'} in regular use`;
  if (r.hotFit) {
    p.choices.push(`resident models: ${instances === 1 ? 'the instance keeps' : `${instances} instances keep`} all ${hot} loaded (${r.perInstance} fit each instance's ${where} with headroom)`);
    return;
  }
  const reload = `${formatDuration(r.reloadSeconds)} to load the largest from S3`;
  const answer = r.reloadWithinAnswer === null ? '' : r.reloadWithinAnswer ? `, within the ${formatDuration(w.latencySeconds!)} answer time` : `, more than the ${formatDuration(w.latencySeconds!)} answer time`;
  const hold = r.instancesForHot !== null ? `; ${r.instancesForHot} instances would keep them all loaded` : '';
  p.warnings.push(
    `resident models: of the ${hot}, ${r.fleet} stay loaded (${r.perInstance} per instance's ${where}); about ${Math.round(r.missShare * 100)}% of requests find their model unloaded and wait ${reload}${answer}${hold}${w.hotModels === undefined ? ` (give ${flagRef('hotModels')} if fewer are in regular use)` : ''}`,
  );
}

/**
 * Multi-model endpoints whose callers cannot wait for a reload: the fewest instances that keep every
 * model in regular use (--hot-models, when given) loaded, when one instance does not and a reload
 * from S3 takes longer than the answer time. Null when no such floor applies. The cost model sizes
 * the instances with this floor (realTimeEstimate's residentFloor), so the plan and its cost agree.
 */
export function residentFloor(p: Plan, w: Workload): { instances: number; why: string } | null {
  // Which models are in regular use is the user's answer: without it, the plan warns (residencyLines) rather than multiply the fleet.
  if (p.architecture !== 'multi-model' || p.option !== 'real-time' || !p.instance || w.modelSizeBytes === null || w.hotModels === undefined) return null;
  const sizes = w.modelSizes?.length === w.models ? w.modelSizes : Array.from({ length: w.models }, () => w.modelSizeBytes!);
  const r = residency({ modelBytes: sizes, ...(w.hotModels !== undefined ? { hotModels: w.hotModels } : {}), instance: p.instance, instances: 1, gpu: w.gpu, answerSeconds: w.latencySeconds, processingSeconds: w.processingSeconds });
  if (r.hotFit || r.reloadWithinAnswer !== false || r.instancesForHot === null || r.instancesForHot <= 1) return null;
  return {
    instances: r.instancesForHot,
    why: `at least ${r.instancesForHot} instances keep the ${r.hot} models in regular use loaded (${r.perInstance} per instance's ${w.gpu ? 'GPU memory' : 'memory'}): a reload from S3 takes ${formatDuration(r.reloadSeconds)}, more than the ${formatDuration(w.latencySeconds!)} answer time`,
  };
}

/** Target tracking's invocations per instance per minute: the policy share of the estimated throughput. */
export const targetInvocations = (processingSeconds: number, workers: number) => Math.max(1, Math.floor((60 / processingSeconds) * workers * limit('policy.target-utilisation')));

function isolationChoice(p: Plan, d: Deployment): string {
  if (p.option === 'serverless') return 'no network isolation: Serverless Inference does not support it';
  if (p.option === 'async') return 'no network isolation: async endpoints need models with network connectivity (AWS Marketplace guide; see DA1013)';
  if (d.networkIsolation === false) return `no network isolation: turned off on request (${flagRef('networkIsolation', true)}), so the container can reach the network`;
  const several = p.containers > 1 || (p.ic?.models.length ?? 1) > 1;
  return `EnableNetworkIsolation: the container${several ? 's' : ''} cannot make network calls (SageMaker still fetches the image${several ? 's' : ''} and model data); generate with ${flagRef('networkIsolation', true)} if ${several ? 'one' : 'it'} downloads at start-up or calls other services`;
}

/** The layout of an inference-components plan (needed again to size it for a volume). */
function layoutFor(w: Workload, s: Serve, d: Deployment, prices: PriceTable, warnings: string[]): IcLayout {
  const list = candidates(w, s, prices);
  const given = d.instanceType ? (instance(d.instanceType) ?? null) : null;
  if (d.instanceType && !given) warnings.push(`${d.instanceType} is not in deploy-advisor's instance catalog: the components' resource requirements assume ${list[0]!.type}; check them against the type`);
  const layout = icLayout(w, list, given, (i) => instancePrice(prices, 'hosting', i.type)?.usd ?? null);
  if (layout) return layout;
  const at = given ?? largest(list);
  warnings.push(`one copy of a model does not fit on ${at.type}${at === largest(list) ? ', the largest candidate in the catalog' : ''}: choose a larger type with ${flagRef('instanceType')}, or shard the model`);
  return icFallback(w, at);
}

/** The plan with its default counts (no request volume): what the files deploy without --requests. */
export function basePlan(s: Serve, w: Workload, d: Deployment, prices: PriceTable, icTraffic: IcTraffic | null = null): Plan {
  const choices: string[] = [];
  const warnings: string[] = [];
  const containers = s.architecture === 'serial-pipeline' ? w.pipeline : s.architecture === 'multi-container' ? w.frameworks : 1;
  const base: Pick<Plan, 'option' | 'architecture' | 'containers' | 'choices' | 'warnings' | 'sized' | 'scaling' | 'ic' | 'async' | 'batch' | 'serverless' | 'instances' | 'startup' | 'volumeGB' | 'quotas'> = {
    option: s.option,
    architecture: s.architecture,
    containers,
    choices,
    warnings,
    sized: false,
    scaling: [],
    ic: null,
    async: null,
    batch: null,
    serverless: null,
    instances: null,
    ...NO_STARTUP,
  };

  if (s.option === 'serverless') {
    const memoryMB = serverlessMemoryMB(w.modelSizeBytes)!;
    const maxConcurrency = limit(w.traffic === 'unpredictable' ? 'policy.serverless-concurrency-unpredictable' : 'policy.serverless-concurrency-intermittent');
    const provisioned = s.provisioned ?? (w.latencySeconds !== null && w.latencySeconds < limit('serverless.startup'));
    const provisionedConcurrency = provisioned ? 1 : null;
    choices.push(
      `MemorySizeInMB ${memoryMB}: ${w.modelSizeBytes === null ? 'the smallest step (model size not given)' : `the smallest 1 GB step that holds ${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} with headroom`}`,
      `MaxConcurrency ${maxConcurrency}: for ${w.traffic} traffic (at most ${limit('serverless.max-concurrency')} per endpoint; new accounts have reported a Region-wide quota of ${limit('serverless.account-concurrency-observed')})`,
    );
    if (provisionedConcurrency) {
      choices.push(
        `ProvisionedConcurrency ${provisionedConcurrency}: callers wait at most ${formatDuration(w.latencySeconds!)}, less than a worst-case cold start (${formatDuration(limit('serverless.startup'))}), so one instance is kept warm (billed while provisioned)`,
      );
    }
    if (d.instanceType) warnings.push(`${flagRef('instanceType')} ${d.instanceType} is ignored: Serverless endpoints have no instance type`);
    const p: Plan = {
      ...base,
      variant: provisioned ? 'provisioned-concurrency' : 'on-demand',
      instanceType: null,
      instance: null,
      workers: null,
      nvme: null,
      kmsAllowed: false,
      networkIsolation: false,
      serverless: { memoryMB, maxConcurrency, provisionedConcurrency },
      scaling: [],
    };
    choices.push(isolationChoice(p, d));
    return withStartup(p, w);
  }

  let type: string;
  let known: InstanceType | null;
  let workers: number;
  let ic: Plan['ic'] = null;
  let choice: InstanceChoice | null = null;
  if (s.architecture === 'inference-components') {
    const layout = layoutFor(w, s, d, prices, warnings);
    const scaleToZero = s.scaleToZero ?? (w.traffic === 'intermittent' || w.traffic === 'unpredictable');
    ic = icCounts(layout, scaleToZero, icTraffic, perCopy(w));
    choices.push(...icChoices(w, layout, ic, d.instanceType ?? null, icTraffic, perCopy(w)));
    type = d.instanceType ?? layout.instance.type;
    known = instance(type) ?? null;
    workers = icWorkers(layout) * perCopy(w);
    if (!w.gpu && ['m5', 'm5d', 'c5', 'c5d', 'p2'].includes(type.split('.')[1] ?? '')) {
      warnings.push(`${type}: one unattributed source claims this family does not support inference components (not in AWS's docs); if CreateInferenceComponent fails, try ml.m6i or ml.r5`);
    }
  } else {
    const c = chooseInstance(w, s, prices, d.instanceType ?? s.sizedType?.type ?? null);
    if (s.sizedType && !d.instanceType) {
      c.how = 'smallest-that-holds';
      c.problems = [];
      choices.push(`instance ${c.type}: ${s.sizedType.why}`);
    } else instanceLines(w, s, c, choices, warnings);
    choice = c;
    type = c.type;
    known = c.instance;
    workers = workersOf(w, c);
  }
  const nvme = known ? known.nvme : hasNvme(type);
  const kmsAllowed = nvme === false;
  if (nvme) choices.push(`no KmsKeyId: ${type} has local NVMe storage, encrypted by the instance; the API rejects a KmsKeyId for it`);
  else if (nvme === null) warnings.push(`no KmsKeyId parameter: whether ${type} has local NVMe storage (which rejects a KmsKeyId) is not known`);

  const p: Plan = { ...base, variant: null, instanceType: type, instance: known, workers, nvme, kmsAllowed, networkIsolation: s.option !== 'async' && d.networkIsolation !== false, ic, sized: icTraffic !== null };
  if (ic) {
    p.scaling = icScaling(ic, targetConcurrentRequestsPerCopy(perCopy(w)));
  } else if (s.option === 'async') {
    const n = Math.min(limit('async.max-concurrent-invocations'), workers);
    const toZero = asyncScalesToZero(w.latencySeconds);
    p.async = { maxConcurrentInvocationsPerInstance: n, scaleToZero: toZero };
    p.workers = n;
    const min = toZero ? limit('async.min-instances') : 1;
    p.instances = { initial: 1, min, max: Math.max(1, limit('policy.max-instances')) };
    p.scaling = [asyncScaling(min, p.instances.max)];
    const fit = choice!.fit;
    const per = !fit ? 'vCPU' : fit.gpusPerCopy > 1 ? `model copy (${fit.gpusPerCopy} GPUs each)` : fit.gpusPerCopy === 1 ? 'GPU' : n < choice!.instance!.vcpu ? 'model copy that fits in memory' : 'vCPU';
    choices.push(`MaxConcurrentInvocationsPerInstance ${n}: one request per ${per} at a time`);
    if (w.processingSeconds > limit('async.invocation-timeout-default')) {
      choices.push(`invoke with InvocationTimeoutSeconds of at least ${Math.ceil(w.processingSeconds)}: the default is ${formatDuration(limit('async.invocation-timeout-default'))}`);
    }
  } else if (s.option === 'real-time') {
    const floor = residentFloor(p, w);
    const min = Math.max(limit('real-time.min-instances'), floor?.instances ?? 0);
    p.instances = { initial: min, min, max: Math.max(min, limit('policy.max-instances')) };
    if (floor) choices.push(`InitialInstanceCount and minimum ${min}: ${floor.why}`);
    residencyLines(p, w, p.instances.min);
    const target = targetInvocations(w.processingSeconds, workers);
    p.scaling = [realTimeScaling(p.instances.min, p.instances.max, target)];
    const perMinute = Math.floor((60 / w.processingSeconds) * workers);
    choices.push(
      `target tracking at ${plural(target, 'invocation')} per instance per minute: ${Math.round(limit('policy.target-utilisation') * 100)}% of an estimated ${perMinute} (${formatDuration(w.processingSeconds)} per request x ${plural(workers, 'worker')}); confirm with a load test`,
    );
  } else {
    p.batch = batchPlan(w, workers, choices);
    p.workers = p.batch.maxConcurrentTransforms;
  }
  choices.push(isolationChoice(p, d));
  return withStartup(p, w);
}

/** The instance a plan runs on, as the cost model prices it. */
export function instanceSpec(p: Plan): InstanceSpec | null {
  if (p.instanceType === null || p.workers === null) return null;
  return { type: p.instanceType, workers: p.workers, nvme: p.nvme ?? false, volumeGB: p.volumeGB };
}

/** The capacity the cost model sized on a plan, for its option. */
export type Capacity = { option: 'real-time'; capacity: RealTimeCapacity } | { option: 'async'; capacity: AsyncCapacity } | { option: 'serverless'; capacity: ServerlessCapacity } | { option: 'batch-transform'; capacity: BatchCapacity };

/** The plan with the counts a request volume needs (see Estimated cost). */
export function sizePlan(p: Plan, sized: Capacity, w?: Workload): Plan {
  const activeHours = w?.activeHours;
  const choices = [...p.choices];
  const out: Plan = { ...p, choices, sized: true };
  switch (sized.option) {
    case 'real-time': {
      const c = sized.capacity;
      // With active hours, the registered minimum is the one outside them: the scheduled action at
      // the start of the hours raises it, so a fleet created after hours is not kept at the in-hours size.
      const min = c.offHoursMinInstances ?? c.minInstances;
      out.instances = { initial: c.initialInstanceCount, min, max: c.maxInstances };
      const scaling = realTimeScaling(min, c.maxInstances, c.targetInvocationsPerInstance);
      if (activeHours && c.offHoursMinInstances !== undefined) {
        scaling.scheduled = scheduledActions(activeHours, { inHours: { min: c.minInstances, max: c.maxInstances }, outOfHours: { min: c.offHoursMinInstances, max: c.maxInstances } });
        choices.push(`scheduled actions: ${c.minInstances} to ${c.maxInstances} instances in the active hours (${formatActiveHours(activeHours)}), ${c.offHoursMinInstances} to ${c.maxInstances} outside them`);
      }
      out.scaling = [scaling];
      if (w && p.architecture === 'multi-model') {
        out.warnings = p.warnings.filter((x) => !x.startsWith('resident models:'));
        out.choices.splice(0, out.choices.length, ...choices.filter((x) => !x.startsWith('resident models:') && !x.startsWith('InitialInstanceCount and minimum')));
        residencyLines(out, w, c.minInstances);
      }
      choices.push(
        `InitialInstanceCount ${c.initialInstanceCount}, autoscaling ${c.minInstances} to ${c.maxInstances} instances at ${plural(c.targetInvocationsPerInstance, 'invocation')} per instance per minute: ${c.residentFloor ? `${c.residentFloor.why}; the maximum covers the peak request rate` : 'sized for the average and peak request rates'} (see Estimated cost)`,
      );
      break;
    }
    case 'async': {
      const c = sized.capacity;
      out.instances = { initial: c.initialInstanceCount, min: c.minInstances, max: c.maxInstances };
      out.scaling = [asyncScaling(c.minInstances, c.maxInstances)];
      choices.push(
        `autoscaling ${c.minInstances} to ${c.maxInstances} instances: ${c.minInstances === 0 ? 'scales to zero between bursts' : 'one instance stays up, since callers cannot wait for a scale-out from zero'}; the maximum serves the peak`,
      );
      break;
    }
    case 'serverless': {
      const c = sized.capacity;
      out.serverless = { memoryMB: c.memoryMB, maxConcurrency: c.maxConcurrency, provisionedConcurrency: c.provisionedConcurrency };
      out.variant = c.provisionedConcurrency ? 'provisioned-concurrency' : 'on-demand';
      const why = `MaxConcurrency ${c.maxConcurrency}${c.provisionedConcurrency ? ` and ProvisionedConcurrency ${c.provisionedConcurrency}` : ''}: the peak concurrency (peak rate x processing time)${c.provisionedConcurrency ? '; Provisioned Concurrency holds the average concurrency warm, since callers cannot wait out a cold start' : ''}`;
      replaceChoice(choices, 'MaxConcurrency ', why);
      const pc = choices.findIndex((x) => x.startsWith('ProvisionedConcurrency '));
      if (pc >= 0) choices.splice(pc, 1);
      break;
    }
    case 'batch-transform': {
      const c = sized.capacity;
      out.batch = { ...p.batch!, instanceCount: c.instanceCount };
      choices.push(`InstanceCount ${c.instanceCount}: the fewest instances that finish each run in time (see Estimated cost)`);
      if (c.instanceCount > 1) {
        const perObject = limit('batch-transform.instances-per-object');
        out.warnings = [
          ...p.warnings,
          `split the input into at least ${c.instanceCount * perObject} S3 objects (files) under the input prefix: Batch Transform hands each object to one instance, so with fewer the other instances of the ${c.instanceCount} sit idle and the run misses its deadline`,
        ];
      }
      break;
    }
  }
  out.quotas = planQuotas(out);
  return out;
}

function replaceChoice(choices: string[], prefix: string, text: string): void {
  const k = choices.findIndex((c) => c.startsWith(prefix));
  if (k >= 0) choices[k] = text;
  else choices.push(text);
}

/** The default plan (no volume) of a recommendation, priced and ranked by a table (the built-in one unless given). */
export function makePlan(rec: Pick<Recommendation, 'option' | 'architecture' | 'scaleToZero'>, w: Workload, d: Deployment, prices: PriceTable = BUILTIN_PRICES): Plan {
  return basePlan({ option: rec.option, architecture: rec.architecture, ...(rec.scaleToZero !== undefined ? { scaleToZero: rec.scaleToZero } : {}) }, w, d, prices);
}
