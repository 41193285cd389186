// The engine: holds a workload against every hosting option's checks (./options/, one module per
// option) and walks the decision flowchart: the pick, its reasons, and advice when nothing fits.
// Pure: data in, data out.

import { flagRef } from '../flag-ref';
import { canScaleToZero } from './uptime';
import { reason, type Reason } from '../reason';
import { limit, limitBytes, type OptionId } from '../facts/limits';
import { formatBytes, formatDuration } from '../units';
import { withArticle } from '../text';
import { INSTANCES, MME_GPU_FAMILIES, familyOf } from '../facts/instances';
import type { Workload } from '../workload';
import type { Architecture } from '../plan/types';
import type { Check } from './checks';
import { CHECKS } from './options';
import { realTimeTimeout } from './options/real-time';
import { serverlessMemoryMB } from './options/serverless';

export const OPTIONS: readonly OptionId[] = ['real-time', 'serverless', 'async', 'batch-transform'];

export const OPTION_NAMES: Record<OptionId, string> = {
  'real-time': 'Real-Time Inference',
  serverless: 'Serverless Inference',
  async: 'Asynchronous Inference',
  'batch-transform': 'Batch Transform',
};

export const ARCHITECTURE_NAMES: Record<Architecture, string> = {
  'single-model': 'single model',
  'multi-model': 'multi-model endpoint',
  'multi-container': 'multi-container endpoint',
  'serial-pipeline': 'serial inference pipeline',
  'inference-components': 'inference components',
};

export interface OptionAssessment {
  option: OptionId;
  fits: boolean;
  checks: Check[];
}

export interface Recommendation {
  option: OptionId;
  architecture: Architecture;
  summary: string;
  reasons: Reason[];
  /** Inference components only: whether the endpoint scales to zero instances between bursts. */
  scaleToZero?: boolean;
  /** Serverless only: with Provisioned Concurrency (callers cannot wait out a cold start). */
  provisioned?: boolean;
}

export interface Assessment {
  recommendation: Recommendation | null;
  options: OptionAssessment[];
  advice: string[];
}

// ---- the flowchart ---------------------------------------------------------------------------

function architectureOf(w: Workload): Architecture {
  if (w.pipeline > 1) return 'serial-pipeline';
  if (w.frameworks > 1) return 'multi-container';
  if (w.models > 1) return 'multi-model';
  return 'single-model';
}

const failed = (a: OptionAssessment) => a.checks.filter((c) => !c.pass);
const failing = (a: OptionAssessment, id: Check['limit']) => a.checks.some((c) => c.limit === id && !c.pass);

function architectureReasons(w: Workload, arch: Architecture): Reason[] {
  switch (arch) {
    case 'serial-pipeline':
      return [
        reason('arch.serial-pipeline', `${w.pipeline} containers run in sequence on every request: a serial inference pipeline (2-${limit('serial-pipeline.containers-max')} containers) keeps them on the same instance`, {
          containers: w.pipeline,
        }),
      ];
    case 'multi-container':
      return [
        reason('arch.multi-container', `${w.frameworks} different frameworks: a multi-container endpoint (up to ${limit('multi-container.containers')} containers, Direct mode) keeps every one warm, with no cold starts`, {
          frameworks: w.frameworks,
        }),
        ...(w.models > w.frameworks ? [reason('arch.multi-container-models', `${w.models} models over ${w.frameworks} containers: each container serves its framework's models`, { models: w.models, frameworks: w.frameworks })] : []),
      ];
    case 'multi-model':
      return [
        reason('arch.multi-model', `${w.models} models of one framework: a multi-model endpoint shares one container and loads models from S3 on demand`, { models: w.models }),
        ...(w.gpu ? [reason('arch.multi-model-gpu', 'on GPU, multi-model endpoints need NVIDIA Triton Inference Server and a single-GPU instance type')] : []),
      ];
    default:
      return [];
  }
}

// ---- inference components (issue 14) ----------------------------------------------------------

const GIB = 1024 ** 3;

/** CPU models whose sizes lie far apart: too different to share one multi-model container. */
function cpuSpread(w: Workload): Reason | null {
  const sizes = w.modelSizes ?? [];
  if (sizes.length < 2 || Math.max(...sizes) < Math.min(...sizes) * limit('policy.ic-size-spread')) return null;
  return reason(
    'ic.cpu-size-spread',
    `${w.models} models from ${formatBytes(Math.min(...sizes))} to ${formatBytes(Math.max(...sizes))}: too different to share one multi-model container's memory, so inference components reserve memory for each as it needs`,
    { models: w.models, smallestBytes: Math.min(...sizes), largestBytes: Math.max(...sizes) },
  );
}

/** Why several models need resource guarantees of their own (inference components), or null. */
function ownResources(w: Workload): Reason | null {
  if (w.models < 2 || w.pipeline > 1) return null;
  if (!w.gpu) return cpuSpread(w);
  if (w.frameworks > 1) {
    return reason(
      'ic.gpu-frameworks',
      `${w.models} GPU models in ${w.frameworks} different containers: inference components give each model its own accelerators, memory and copy count on shared instances (a multi-container endpoint shares the GPUs without guarantees)`,
      { models: w.models, frameworks: w.frameworks },
    );
  }
  const sizes = w.modelSizes ?? [];
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  if (sizes.length > 1 && large > small) {
    return reason(
      'ic.gpu-sizes',
      `${w.models} GPU models of different sizes (${formatBytes(small)} to ${formatBytes(large)}): inference components reserve GPUs and memory for each model as it needs, where a GPU multi-model endpoint shares one GPU among them`,
      { models: w.models, smallestBytes: small, largestBytes: large },
    );
  }
  const mmeGpu = Math.max(...INSTANCES.filter((i) => i.gpus === 1 && (MME_GPU_FAMILIES as readonly string[]).includes(familyOf(i.type))).map((i) => i.gpuMemoryGiB)) * GIB;
  const need = w.modelSizeBytes === null ? 0 : Math.ceil(w.modelSizeBytes * limit('policy.memory-headroom'));
  if (need > mmeGpu) {
    return reason(
      'ic.gpu-memory',
      `${w.models} models that each need about ${formatBytes(need)} of GPU memory: more than the single GPU (${formatBytes(mmeGpu)}) a GPU multi-model endpoint runs on, so inference components give each model GPUs of its own`,
      { models: w.models, needBytes: need, gpuBytes: mmeGpu },
    );
  }
  return null;
}

function recommendInferenceComponents(w: Workload, ownWhy: Reason | null, scaleToZero: boolean): Recommendation {
  const reasons: Reason[] = [];
  if (ownWhy) reasons.push(ownWhy);
  if (!scaleToZero && (w.traffic === 'intermittent' || w.traffic === 'unpredictable')) {
    reasons.push(noZero(w));
  } else if (scaleToZero) {
    reasons.push(
      reason('ic.scale-to-zero', `traffic is ${w.traffic} and the model needs a GPU, which Serverless does not offer: an endpoint that hosts inference components is the only Real-Time endpoint that scales to zero instances`, {
        traffic: w.traffic!,
      }),
    );
    // What keeping it warm costs is said by the advisor, from the plan (src/rules/advise/decide.ts).
    reasons.push(
      reason(
        'ic.cold-start',
        `cold start: after an idle period the first request fails (HTTP 400, not queued) and wakes the endpoint; requests fail for several minutes (about ${formatDuration(limit('inference-components.scale-out-from-zero'))} as AWS measured for an 8B model) until a copy is in service, so callers must retry, or keep a minimum of one copy`,
      ),
    );
  } else {
    reasons.push(reason('ic.sustained', `traffic is sustained and callers need answers within ${formatDuration(w.latencySeconds!)}: each model keeps warm copies, scaled on its own`, { latencySeconds: w.latencySeconds! }));
  }
  reasons.push(reason('limits.fit', `${payloadAndTime(w)} fit Real-Time's ${formatBytes(limit('real-time.payload'))} and ${formatDuration(limit(realTimeTimeout(w)))} limits`, { option: 'real-time' }));
  reasons.push(reason('ic.invoke', 'invoke each model with InferenceComponentName; one endpoint config (ExecutionRoleArn, no model in the variant) hosts them all'));
  return {
    option: 'real-time',
    architecture: 'inference-components',
    summary: inferenceComponentsSummary(w, scaleToZero),
    reasons,
    scaleToZero,
  };
}

/** Why a GPU endpoint with low traffic keeps a warm copy: callers cannot wait out a scale-out from zero. */
function noZero(w: Workload): Reason {
  return reason(
    'ic.no-scale-to-zero',
    `traffic is ${w.traffic}, but callers need answers within ${formatDuration(w.latencySeconds!)}: scaling to zero would fail requests for several minutes after each idle period (a scale-out from zero takes about ${formatDuration(limit('inference-components.scale-out-from-zero'))}), so ${w.models > 1 ? 'each model keeps a warm copy' : 'one instance stays warm'}`,
    { latencySeconds: w.latencySeconds!, scaleOutSeconds: limit('inference-components.scale-out-from-zero') },
  );
}

/** The inference-components summary; the CLI says it again without scaling to zero when that saves too little. */
export function inferenceComponentsSummary(w: Workload, scaleToZero: boolean): string {
  return `Real-Time Inference (inference components): ${w.models > 1 ? `${w.models} GPU models with resources of their own` : 'a GPU model'}${scaleToZero ? ', scaling to zero between bursts' : ''}, with ${payloadAndTime(w)}.`;
}

function payloadAndTime(w: Workload): string {
  return `${formatBytes(w.payloadBytes)} payloads and ${formatDuration(w.processingSeconds)} processing`;
}

/** Batch Transform's MaxPayloadInMB maximum, in the units the rest of the output uses (MiB). */
const batchPayloadMax = () => formatBytes(limitBytes('batch-transform.payload'));

function recommendBatch(w: Workload): Recommendation {
  const reasons: Reason[] = [
    reason('batch.up-front', 'all data is available up front: a transform job processes it and stops, so nothing runs (or bills) between jobs'),
    reason('batch.records-fit', `records of ${formatBytes(w.payloadBytes)} fit MaxPayloadInMB (at most ${batchPayloadMax()})`, { payloadBytes: w.payloadBytes }),
  ];
  if (w.processingSeconds > limit('batch-transform.invocation-timeout-default')) {
    reasons.push(
      reason(
        'limits.timeout-default',
        `${formatDuration(w.processingSeconds)} per invocation is above the default ${formatDuration(limit('batch-transform.invocation-timeout-default'))}: set ModelClientConfig.InvocationsTimeoutInSeconds (up to ${formatDuration(limit('batch-transform.invocation-timeout'))})`,
        { option: 'batch-transform', processingSeconds: w.processingSeconds },
      ),
    );
  }
  if (w.contentType && /csv/i.test(w.contentType)) reasons.push(reason('batch.csv', 'CSV input: split it by line (SplitType Line, AssembleWith Line) so records are batched'));
  if (w.models > 1 && w.pipeline === 1) reasons.push(reason('batch.per-model', `${w.models} models: run one transform job per model (multi-model containers are an endpoint feature)`, { models: w.models }));
  const arch: Architecture = w.pipeline > 1 ? 'serial-pipeline' : 'single-model';
  return {
    option: 'batch-transform',
    architecture: arch,
    summary: `Batch Transform${arch === 'serial-pipeline' ? ' with a serial inference pipeline' : ''}: the data is available up front, so an offline job processes it without a standing endpoint.`,
    reasons: [...reasons, ...architectureReasons(w, arch)],
  };
}

function recommendAsync(w: Workload, why: Reason[]): Recommendation {
  const arch = architectureOf(w);
  const reasons = [...why];
  reasons.push(
    reason(
      'async.queue',
      `Asynchronous Inference queues requests, takes payloads up to ${formatBytes(limitBytes('async.payload'))} through S3 and up to ${formatDuration(limit('async.invocation-timeout'))} of processing, and can scale to zero instances when the queue is empty`,
    ),
  );
  if (w.processingSeconds > limit('async.invocation-timeout-default')) {
    reasons.push(
      reason(
        'limits.timeout-default',
        `${formatDuration(w.processingSeconds)} per request is above the default ${formatDuration(limit('async.invocation-timeout-default'))}: set InvocationTimeoutSeconds when invoking (up to ${formatDuration(limit('async.invocation-timeout'))})`,
        { option: 'async', processingSeconds: w.processingSeconds },
      ),
    );
  }
  if (w.latencySeconds !== null) {
    reasons.push(
      reason(
        'async.latency',
        `results arrive in S3 after the queue: ${formatDuration(w.processingSeconds)} of processing plus about ${formatDuration(limit('policy.async-overhead'))} of queue, S3 and notification overhead fits the ${formatDuration(w.latencySeconds)} answer time, but it is not guaranteed under load or while scaling up from zero`,
        { latencySeconds: w.latencySeconds },
      ),
    );
  }
  return {
    option: 'async',
    architecture: arch,
    summary: `Asynchronous Inference${arch === 'single-model' ? '' : ` (${ARCHITECTURE_NAMES[arch]})`}: ${payloadAndTime(w)} are handled through a queue, with results written to S3.`,
    reasons: [...reasons, ...architectureReasons(w, arch)],
  };
}

/** Whether an option would fit the workload with some answers changed: advice is computed from this. */
function fitsWith(option: OptionId, w: Workload): boolean {
  return CHECKS[option](w).every((c) => c.pass);
}

/** How a model could be made faster, without suggesting what the user already has. */
const faster = (w: Workload) => (w.gpu ? 'a larger or newer GPU instance, compilation or quantisation' : 'a GPU, a larger instance, compilation or quantisation');

function adviceFor(w: Workload, a: Record<OptionId, OptionAssessment>): string[] {
  const advice: string[] = [];
  const asyncA = a.async;
  const asyncMax = limitBytes('async.payload');
  const rtMax = limit('real-time.payload');
  if (failing(asyncA, 'async.payload') && (!w.batch || failing(a['batch-transform'], 'batch-transform.payload'))) {
    // Say where the parts could go only where they would fit.
    const to: string[] = [];
    if (fitsWith('async', { ...w, payloadBytes: asyncMax })) to.push('send the parts to an Asynchronous endpoint');
    if (!w.batch && fitsWith('real-time', { ...w, payloadBytes: rtMax })) to.push(`parts below ${formatBytes(rtMax)} can go to Real-Time`);
    advice.push(`Split each payload below ${formatBytes(asyncMax)} (for example, a video into frames or short clips)${to.length ? `; ${to.join('; ')}` : ', the most Asynchronous Inference takes'}.`);
  }
  if (w.batch && failing(a['batch-transform'], 'batch-transform.payload')) {
    advice.push(`Split records below ${batchPayloadMax()} (SplitType Line, RecordIO or TFRecord), or set MaxPayloadInMB to 0 to stream each object in chunks if your container supports it.`);
  }
  if (failing(asyncA, 'async.invocation-timeout')) {
    advice.push(
      `Bring processing below ${formatDuration(limit('async.invocation-timeout'))} per request: split the work into smaller requests, use ${faster(w)}, or run it as a SageMaker Processing or Training job rather than a hosted model.`,
    );
  }
  if (failing(a['real-time'], 'workload.latency')) {
    const wait = fitsWith('async', { ...w, latencySeconds: null }) ? ` or let callers wait for a queued result (${flagRef('latency')} none, Asynchronous Inference)` : '';
    advice.push(`The model takes ${formatDuration(w.processingSeconds)} but callers need an answer within ${formatDuration(w.latencySeconds!)}: make the model faster (${faster(w)})${wait}.`);
  } else if (failing(asyncA, 'policy.async-overhead') && fitsWith('async', { ...w, latencySeconds: null })) {
    const need = w.processingSeconds + limit('policy.async-overhead');
    advice.push(
      `Asynchronous Inference would take this workload if callers could wait at least ${formatDuration(need)} (processing plus about ${formatDuration(limit('policy.async-overhead'))} of queue, S3 and notification overhead), or for a queued result (${flagRef('latency')} none).`,
    );
  }
  if (w.pipeline > limit('serial-pipeline.containers-max')) {
    advice.push(`Shorten the pipeline to at most ${limit('serial-pipeline.containers-max')} containers, for example by merging pre- and post-processing steps into one container.`);
  } else if (w.pipeline === 1 && w.frameworks > limit('multi-container.containers')) {
    advice.push(`Spread the ${w.frameworks} frameworks over several endpoints: one endpoint holds at most ${limit('multi-container.containers')} containers; models of one framework can share a multi-model endpoint.`);
  }
  if (failing(asyncA, 'async.multi-model') && fitsWith('async', { ...w, models: 1 })) {
    advice.push(`Asynchronous endpoints cannot pick a model per request: deploy one Asynchronous endpoint per model (${w.models}), or package the ${w.models} models in one container that picks the model from the request.`);
  }
  if (failing(asyncA, 'async.multi-container')) {
    const perModel = w.models > w.frameworks;
    const split = fitsWith('async', { ...w, frameworks: 1, models: 1 })
      ? [`deploy one Asynchronous endpoint per ${perModel ? `model (${w.models}; a framework's models cannot share an asynchronous multi-model endpoint either)` : `framework (${w.frameworks})`}`]
      : [];
    const pipelineOf = Math.max(w.frameworks, limit('serial-pipeline.containers-min'));
    if (fitsWith('async', { ...w, frameworks: 1, models: 1, pipeline: pipelineOf }))
      split.push(`if each container's output is the next one's input, chain them in a serial inference pipeline (${flagRef('pipeline')} ${pipelineOf}), which needs no target container`);
    if (split.length) advice.push(`Asynchronous endpoints cannot pick a container per request (no TargetContainerHostname): ${split.join('; or, ')}.`);
  }
  if (advice.length === 0) {
    for (const opt of OPTIONS) for (const c of failed(a[opt]).filter((x) => x.limit !== 'workload.batch')) advice.push(`${OPTION_NAMES[opt]}: ${c.message}.`);
  }
  return advice;
}

function choose(w: Workload, a: Record<OptionId, OptionAssessment>): Recommendation | null {
  if (w.batch) {
    if (a['batch-transform'].fits) return recommendBatch(w);
    // Records too big for a transform job but within Async's limits: an Async endpoint can work
    // through them from a queue and scale to zero afterwards.
    if (a.async.fits && failing(a['batch-transform'], 'batch-transform.payload') && !failing(a['batch-transform'], 'batch-transform.invocation-timeout')) {
      return recommendAsync(w, [
        reason(
          'batch.records-too-large',
          `records of ${formatBytes(w.payloadBytes)} are above Batch Transform's ${batchPayloadMax()} MaxPayloadInMB; an Asynchronous endpoint can work through them from its queue and scale to zero when done`,
          { payloadBytes: w.payloadBytes },
        ),
      ]);
    }
    return null;
  }

  const why: Reason[] = [];
  if (w.payloadBytes > limit('real-time.payload'))
    why.push(reason('limits.real-time-payload', `payloads of ${formatBytes(w.payloadBytes)} are above Real-Time's ${formatBytes(limit('real-time.payload'))} limit`, { payloadBytes: w.payloadBytes }));
  if (w.processingSeconds > limit(realTimeTimeout(w))) {
    why.push(
      reason('limits.real-time-timeout', `processing of ${formatDuration(w.processingSeconds)} is above Real-Time's ${formatDuration(limit(realTimeTimeout(w)))} limit${w.streaming ? ' for a streamed response' : ''}`, {
        processingSeconds: w.processingSeconds,
      }),
    );
    if (!w.streaming && w.processingSeconds <= limit('real-time.streaming-timeout') && w.payloadBytes <= limit('real-time.payload')) {
      why.push(
        reason('limits.streaming', `if the model streams its response (InvokeEndpointWithResponseStream, as LLM servers do), Real-Time allows up to ${formatDuration(limit('real-time.streaming-timeout'))} and answers without a queue`),
      );
    }
  }
  if (w.latencySeconds === null) why.push(reason('traffic.can-wait', 'callers can wait for a queued result'));
  // The flowchart prefers Async here. When Async is ruled out, the next option that fits is
  // taken (Serverless or Real-Time, which only fit if the payload and processing time allowed
  // them anyway), and the reasons say why Async was passed over.
  const passedOver: Reason[] = [];
  if (why.length > 0) {
    if (a.async.fits) return recommendAsync(w, why);
    passedOver.push(
      reason(
        'async.ruled-out',
        `${why.map((r) => r.text).join('; ')}, so Asynchronous Inference would come first, but it is ruled out: ${failed(a.async)
          .map((c) => c.message)
          .join('; ')}`,
        {
          failed: failed(a.async)
            .map((c) => c.limit)
            .join(','),
        },
      ),
    );
  }

  const lowTraffic = w.traffic === 'intermittent' || w.traffic === 'unpredictable';
  // Serverless that fails only because callers cannot wait out a cold start: with Provisioned
  // Concurrency (issue 21: the hosting FAQ's own payroll chatbot).
  const provisioned = onlyColdStart(a.serverless);
  if (lowTraffic && (a.serverless.fits || provisioned)) {
    const memory = serverlessMemoryMB(w.modelSizeBytes);
    return {
      option: 'serverless',
      architecture: 'single-model',
      ...(provisioned ? { provisioned: true } : {}),
      summary: provisioned
        ? `Serverless Inference with Provisioned Concurrency: ${w.traffic} traffic with ${payloadAndTime(w)} fits, and one unit of Provisioned Concurrency keeps an instance warm for callers who cannot wait out a cold start.`
        : `Serverless Inference: ${w.traffic} traffic with ${payloadAndTime(w)} fits, and you pay only while requests run.`,
      reasons: [
        ...passedOver,
        reason('traffic.intermittent', `traffic is ${w.traffic}: Serverless scales to zero between bursts and bills per request`, { traffic: w.traffic! }),
        reason(
          'limits.fit',
          `${formatBytes(w.payloadBytes)} payloads and ${formatDuration(w.processingSeconds)} processing fit its ${formatBytes(limit('serverless.payload'))} and ${formatDuration(limit('serverless.invocation-timeout'))} limits`,
          { option: 'serverless' },
        ),
        w.modelSizeBytes === null
          ? reason('serverless.memory-assumed', `model size not given: the smallest memory size (${memory} MB) is assumed; give the model size to size it`, { memoryMB: memory! })
          : reason('serverless.memory', `${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} fits in ${memory} MB of memory (MemorySizeInMB)`, { modelSizeBytes: w.modelSizeBytes, memoryMB: memory! }),
        provisioned
          ? reason(
              'serverless.provisioned',
              `callers need answers within ${formatDuration(w.latencySeconds!)}, less than a cold start (up to ${formatDuration(limit('serverless.startup'))}): one unit of Provisioned Concurrency keeps an instance warm, so requests up to that concurrency meet no cold start; it bills all month whatever the traffic (give the volume with ${flagRef('requests')} to size and price it)`,
              { latencySeconds: w.latencySeconds!, provisionedConcurrency: 1 },
            )
          : w.latencySeconds === null
            ? reason('serverless.cold-starts', 'callers can wait, so cold starts after idle periods are acceptable')
            : reason('serverless.cold-starts', `callers can wait ${formatDuration(w.latencySeconds)}, enough to ride out cold starts after idle periods`, { latencySeconds: w.latencySeconds }),
      ],
    };
  }
  if (!a['real-time'].fits) return null;

  // Several GPU models that need their own resources, or a GPU model idle between bursts (issue 14).
  const own = ownResources(w);
  // Scaling to zero only where callers can wait out a scale-out from zero: requests fail meanwhile.
  const zeroOk = lowTraffic && canScaleToZero(w.latencySeconds, limit('inference-components.scale-out-from-zero')).ok;
  if (own || (zeroOk && w.gpu && w.pipeline === 1 && w.models === 1)) return recommendInferenceComponents(w, own, zeroOk);

  const arch = architectureOf(w);
  const reasons: Reason[] = [...passedOver];
  if (lowTraffic && w.gpu && w.models === 1 && w.pipeline === 1) reasons.push(noZero(w));
  if (lowTraffic) {
    const ruledOut = failed(a.serverless).map((c) => c.message);
    reasons.push(
      reason('serverless.ruled-out', `traffic is ${w.traffic}, but Serverless is ruled out: ${ruledOut.join('; ')}`, {
        traffic: w.traffic!,
        failed: failed(a.serverless)
          .map((c) => c.limit)
          .join(','),
      }),
    );
    reasons.push(
      reason(
        'real-time.autoscaling',
        `Real-Time keeps at least one instance running; use target-tracking autoscaling to follow the load${fitsWith('async', { ...w, latencySeconds: null }) ? ', or Asynchronous Inference (scales to zero) if callers can wait' : ''}`,
      ),
    );
  } else if (w.latencySeconds === null) {
    reasons.push(reason('traffic.sustained', 'traffic is sustained: a Real-Time endpoint keeps instances warm and answers each request directly'));
  } else {
    reasons.push(
      reason('traffic.sustained-latency', `traffic is sustained and callers need answers within ${formatDuration(w.latencySeconds)}: a Real-Time endpoint keeps instances warm for low, steady latency`, { latencySeconds: w.latencySeconds }),
    );
  }
  reasons.push(
    reason('limits.fit', `${formatBytes(w.payloadBytes)} payloads and ${formatDuration(w.processingSeconds)} processing fit its ${formatBytes(limit('real-time.payload'))} and ${formatDuration(limit(realTimeTimeout(w)))} limits`, {
      option: 'real-time',
    }),
  );
  return {
    option: 'real-time',
    architecture: arch,
    summary: `Real-Time Inference (${ARCHITECTURE_NAMES[arch]}): ${w.traffic} traffic with ${payloadAndTime(w)} needs instances that are always warm.`,
    reasons: [...reasons, ...architectureReasons(w, arch)],
  };
}

/** Adds "use Asynchronous Inference" to Real-Time's failed limits, only when Async fits. */
function pointToAsync(a: Record<OptionId, OptionAssessment>): void {
  if (!a.async.fits) return;
  const hints: Partial<Record<Check['limit'], string>> = {
    'real-time.payload': 'Asynchronous Inference takes larger payloads',
    'real-time.invocation-timeout': 'Asynchronous Inference allows longer processing',
    'real-time.streaming-timeout': 'Asynchronous Inference allows longer processing',
  };
  for (const c of a['real-time'].checks) {
    const hint = hints[c.limit];
    if (!c.pass && hint) c.message += `; ${hint}`;
  }
}

/** Serverless ruled out only because callers cannot wait out a cold start: Provisioned Concurrency makes it fit. */
export function onlyColdStart(o: OptionAssessment): boolean {
  const f = failed(o);
  return f.length > 0 && f.every((c) => c.limit === 'policy.cold-start-tolerance');
}

/** Serverless's checks with the cold-start tolerance met by Provisioned Concurrency. */
export function withProvisioned(o: OptionAssessment): OptionAssessment {
  const checks = o.checks.map((c) =>
    c.limit === 'policy.cold-start-tolerance' && !c.pass
      ? { ...c, pass: true, message: `callers need answers within ${formatDuration(Number(c.value))}, shorter than a cold start: Provisioned Concurrency keeps instances warm, at an always-on charge` }
      : c,
  );
  return { option: o.option, fits: checks.every((c) => c.pass), checks };
}

/** Holds the workload against every option and picks one by the flowchart. */
export function assess(w: Workload): Assessment {
  const byOption = Object.fromEntries(
    OPTIONS.map((option) => {
      const checks = CHECKS[option](w);
      return [option, { option, fits: checks.every((c) => c.pass), checks }];
    }),
  ) as Record<OptionId, OptionAssessment>;
  pointToAsync(byOption);
  const recommendation = choose(w, byOption);
  // Serverless with Provisioned Concurrency: its only failed check, the cold start, is met by the
  // warm capacity, so every output says it fits.
  if (recommendation?.provisioned) byOption.serverless = withProvisioned(byOption.serverless);
  return {
    recommendation,
    options: OPTIONS.map((o) => byOption[o]),
    advice: recommendation ? [] : adviceFor(w, byOption),
  };
}
