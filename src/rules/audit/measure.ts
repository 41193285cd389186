// From an endpoint's own metrics to the answers `recommend` takes: a Workload and the traffic
// answers, each measured answer naming the metric it came from, and a list of what CloudWatch
// cannot say (payload sizes, the answer time callers need). Pure.

import type { CostAnswers } from '../advise/cost-choice';
import { instance } from '../facts/instances';
import { limit, limitBytes } from '../facts/limits';
import { formatRate, rateFromPerSecond } from '../rate';
import { formatBytes, formatDuration } from '../units';
import type { Traffic, Workload } from '../workload';
import { NS_ENDPOINT, NS_INVOCATIONS, seriesOf } from './metrics';
import type { DeployedEndpoint, DeployedVariant, EndpointMetrics, Series, Window } from './types';

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const HOUR = 60 * 60;
/** ModelLatency, OverheadLatency and ModelSetupTime are in microseconds. */
/** Microseconds to seconds, without float noise (100000 us is 0.1 s, not 0.09999999999999999). */
const seconds = (us: number) => Math.round(us) / 1e6;

/** One answer read from the metrics: its key in the input table, the value, and where it came from. */
export interface MeasuredAnswer {
  key: 'requests' | 'peak' | 'traffic' | 'processingTime' | 'modelSize' | 'gpu';
  value: number | string | boolean;
  /** The value for people (20/s, 1.2s, 3.4 GiB). */
  text: string;
  /** The metric (namespace, name, statistic) or field it was read from. */
  source: string;
}

/** An answer the metrics do not give, and what was assumed instead. */
export interface Unmeasured {
  key: string;
  assumed: string;
  why: string;
}

/** Peaks over the window as a share of the instance (0-1); null where CloudWatch had no data. */
export interface Utilisation {
  cpu: number | null;
  memory: number | null;
  gpu: number | null;
  gpuMemory: number | null;
}

export interface Measurement {
  /** Invocations in the window (async: InvocationsProcessed), or null when neither metric had data. */
  invocations: number | null;
  averageRps: number | null;
  peakRps: number | null;
  /** Hours of the window with at least one request (or a backlog). */
  activeHours: number;
  hours: number;
  /** Requests per hour of the day (UTC, 0-23) over the window: the hourly shape. */
  byHourOfDay: number[];
  /** Hours of the day (UTC) in which requests were seen. */
  activeHoursOfDay: number[];
  traffic: Traffic | null;
  processingSeconds: number | null;
  modelSizeBytes: number | null;
  gpu: boolean;
  utilisation: Utilisation;
  errors4xx: number;
  errors5xx: number;
  /** Serverless: the highest ServerlessConcurrentExecutionsUtilization (1 = at MaxConcurrency). */
  serverlessConcurrencyPeak: number | null;
  /** Serverless: the longest ModelSetupTime (cold start), seconds. */
  coldStartSeconds: number | null;
  /** Async: the largest backlog, and whether requests waited with no instance to serve them. */
  backlogMax: number | null;
  backlogWithoutCapacity: boolean;
  answers: MeasuredAnswer[];
  unmeasured: Unmeasured[];
  /** The workload the advisor is run on, or null when the request volume is not known. */
  workload: Workload | null;
  cost: CostAnswers | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);

/** Values of one metric across scopes, added up hour by hour. */
function hourly(series: (Series | undefined)[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of series) if (s) s.timestamps.forEach((t, i) => m.set(t, (m.get(t) ?? 0) + s.values[i]!));
  return m;
}

const isGpuType = (type: string) => (instance(type)?.gpus ?? (/^ml\.(g|p)\d/.test(type) ? 1 : 0)) > 0;

/** The traffic pattern from the share of hours with requests. */
export function trafficFromShape(activeShare: number): Traffic {
  if (activeShare >= limit('policy.audit-active-hours-sustained')) return 'sustained';
  if (activeShare < limit('policy.audit-active-hours-intermittent')) return 'intermittent';
  return 'unpredictable';
}

export function measure(e: DeployedEndpoint, m: EndpointMetrics, window: Window): Measurement {
  const s = m.series;
  const hours = Math.round((window.days * 24 * HOUR) / window.periodSeconds);
  const variants = e.variants;
  const scopes = variants.map((v) => ({ variantName: v.variantName }));
  const components = e.inferenceComponents.map((c) => ({ inferenceComponentName: c.name }));
  const answers: MeasuredAnswer[] = [];
  const unmeasured: Unmeasured[] = [];

  // Volume: Invocations by variant; for async, InvocationsProcessed; for components without variant data, theirs.
  let volumeSource = `${NS_INVOCATIONS} Invocations (Sum)`;
  let perHour = hourly(scopes.map((v) => seriesOf(s, 'Invocations', 'Sum', v)));
  let peakMinute = hourly(scopes.map((v) => seriesOf(s, 'Invocations', 'Maximum', v)));
  if (perHour.size === 0 && components.length) {
    perHour = hourly(components.map((c) => seriesOf(s, 'Invocations', 'Sum', c)));
    peakMinute = hourly(components.map((c) => seriesOf(s, 'Invocations', 'Maximum', c)));
    volumeSource = `${NS_INVOCATIONS} Invocations by InferenceComponentName (Sum)`;
  }
  if (perHour.size === 0 && e.async) {
    perHour = hourly([seriesOf(s, 'InvocationsProcessed', 'Sum')]);
    peakMinute = new Map();
    volumeSource = `${NS_INVOCATIONS} InvocationsProcessed (Sum)`;
  }
  const backlog = seriesOf(s, 'ApproximateBacklogSize', 'Maximum');
  const backlogMax = e.async ? max(backlog?.values ?? []) : null;
  const backlogWithoutCapacity = (max(seriesOf(s, 'HasBacklogWithoutCapacity', 'Maximum')?.values ?? []) ?? 0) > 0;

  const total = perHour.size ? sum([...perHour.values()]) : null;
  const active = new Set([...perHour].filter(([, n]) => n > 0).map(([t]) => t));
  if (backlog) backlog.timestamps.forEach((t, i) => backlog.values[i]! > 0 && active.add(t));
  const byHourOfDay = Array.from({ length: 24 }, () => 0);
  for (const [t, n] of perHour) byHourOfDay[new Date(t).getUTCHours()]! += n;
  const activeHoursOfDay = [...new Set([...active].map((t) => new Date(t).getUTCHours()))].sort((a, b) => a - b);

  // A backlog with no count of requests: busy, but the volume is not known.
  const averageRps = total === null ? (backlogMax ? null : 0) : total / (hours * window.periodSeconds);
  let peakRps: number | null = null;
  if (averageRps !== null) {
    const minute = max([...peakMinute.values()]);
    const hour = max([...perHour.values()]);
    peakRps = Math.max(averageRps, minute !== null ? minute / 60 : hour !== null ? hour / window.periodSeconds : 0);
    answers.push({
      key: 'requests',
      value: averageRps,
      text: formatRate(averageRps),
      source: total === null ? `${NS_INVOCATIONS} Invocations: no data points in ${window.days} days` : `${volumeSource} over ${window.days} days: ${total} requests`,
    });
    answers.push({
      key: 'peak',
      value: peakRps,
      text: formatRate(peakRps),
      source: peakMinute.size ? `${NS_INVOCATIONS} Invocations (Maximum): the busiest minute` : perHour.size ? `${volumeSource}: the busiest hour (per-minute peaks not available)` : 'no requests',
    });
  } else {
    unmeasured.push({ key: 'requests', assumed: 'none', why: `a backlog of up to ${backlogMax} requests was seen, but neither Invocations nor InvocationsProcessed has data: the volume, and so the costs, are not known` });
  }
  const activeShare = active.size / Math.max(1, hours);
  const traffic = active.size ? trafficFromShape(activeShare) : null;
  if (traffic) answers.push({ key: 'traffic', value: traffic, text: traffic, source: `hours with requests: ${active.size} of ${hours} (UTC hours of day: ${activeHoursOfDay.join(', ')})` });

  // Processing time: ModelLatency p90 where the service gives percentiles, else the busiest hour's average.
  const latencyScopes = [...scopes, ...components];
  const p90 = max(latencyScopes.flatMap((x) => seriesOf(s, 'ModelLatency', 'p90', x)?.values ?? []));
  const avgLatency = max(latencyScopes.flatMap((x) => seriesOf(s, 'ModelLatency', 'Average', x)?.values ?? []));
  let processingSeconds: number | null = null;
  if (p90 !== null) {
    processingSeconds = seconds(p90);
    answers.push({ key: 'processingTime', value: processingSeconds, text: formatDuration(processingSeconds), source: `${NS_INVOCATIONS} ModelLatency (p90), the highest hour` });
  } else if (avgLatency !== null) {
    processingSeconds = seconds(avgLatency);
    answers.push({
      key: 'processingTime',
      value: processingSeconds,
      text: formatDuration(processingSeconds),
      source: `${NS_INVOCATIONS} ModelLatency (Average), the highest hour${m.fallbacks.some((f) => f.includes('p90')) ? '; p90 was not available' : ''}`,
    });
  } else {
    unmeasured.push({ key: 'processingTime', assumed: formatDuration(limit('policy.audit-processing-time')), why: 'ModelLatency has no data points in the window' });
  }

  // Utilisation and model size, from the instance-based variants.
  const util: Utilisation = { cpu: null, memory: null, gpu: null, gpuMemory: null };
  let modelSizeBytes: number | null = null;
  let modelSource = '';
  const gpu = variants.some((v) => v.instanceType !== null && isGpuType(v.instanceType));
  const peakShare = (v: DeployedVariant, metric: string, per: number) => {
    const x = max(seriesOf(s, metric, 'Maximum', { variantName: v.variantName })?.values ?? []);
    return x === null || per <= 0 ? null : x / (100 * per);
  };
  const higher = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  for (const v of variants) {
    if (!v.instanceType) continue;
    const spec = instance(v.instanceType);
    if (!spec) continue;
    util.cpu = higher(util.cpu, peakShare(v, 'CPUUtilization', spec.vcpu));
    util.memory = higher(util.memory, peakShare(v, 'MemoryUtilization', 1));
    util.gpu = higher(util.gpu, peakShare(v, 'GPUUtilization', spec.gpus));
    util.gpuMemory = higher(util.gpuMemory, peakShare(v, 'GPUMemoryUtilization', spec.gpus));
    const gm = peakShare(v, 'GPUMemoryUtilization', spec.gpus);
    const mm = peakShare(v, 'MemoryUtilization', 1);
    if (spec.gpus > 0 && gm !== null) {
      const bytes = gm * spec.gpus * spec.gpuMemoryGiB * GIB;
      if (modelSizeBytes === null || bytes > modelSizeBytes) {
        modelSizeBytes = bytes;
        modelSource = `${NS_ENDPOINT} GPUMemoryUtilization (Maximum) x ${spec.gpus} x ${spec.gpuMemoryGiB.toFixed(1)} GiB of ${spec.type}`;
      }
    } else if (mm !== null) {
      const bytes = mm * spec.memoryGiB * GIB;
      if (modelSizeBytes === null || bytes > modelSizeBytes) {
        modelSizeBytes = bytes;
        modelSource = `${NS_ENDPOINT} MemoryUtilization (Maximum) x ${spec.memoryGiB} GiB of ${spec.type}; includes the serving runtime, so an upper bound`;
      }
    }
  }
  const unknownTypes = variants.filter((v) => v.instanceType && !instance(v.instanceType)).map((v) => v.instanceType!);
  const serverless = variants.find((v) => v.serverless)?.serverless;
  if (modelSizeBytes !== null) answers.push({ key: 'modelSize', value: modelSizeBytes, text: formatBytes(modelSizeBytes), source: modelSource });
  else if (serverless) {
    // Serverless publishes no memory metric: the model is taken to need the memory it was given,
    // so that the advice does not shrink it unseen.
    modelSizeBytes = Math.floor((serverless.memoryMB * MIB) / limit('policy.memory-headroom'));
    unmeasured.push({ key: 'modelSize', assumed: `${formatBytes(modelSizeBytes)} (needs the configured ${serverless.memoryMB} MB)`, why: 'Serverless endpoints publish no memory utilisation' });
  } else {
    unmeasured.push({
      key: 'modelSize',
      assumed: 'not known',
      why: unknownTypes.length ? `${unknownTypes.join(', ')} is not in the instance catalog, so its memory is not known` : 'MemoryUtilization has no data points in the window',
    });
  }
  const typed = variants.find((v) => v.instanceType);
  if (typed) answers.push({ key: 'gpu', value: gpu, text: gpu ? 'yes' : 'no', source: `instance type ${typed.instanceType}` });
  else unmeasured.push({ key: 'gpu', assumed: 'no', why: 'Serverless endpoints run on CPU' });

  unmeasured.push(
    { key: 'payload', assumed: formatBytes(limitBytes('policy.audit-payload')), why: 'payload sizes are not in CloudWatch; a recommendation of Serverless holds only for payloads within its limit' },
    { key: 'latency', assumed: e.async ? 'none (queued results)' : formatDuration(limit('real-time.invocation-timeout')), why: 'the answer time callers need is not in CloudWatch; the invocation timeout bounds it' },
    { key: 'requestSize', assumed: formatBytes(limit('policy.response-size')), why: 'request and response sizes are not in CloudWatch (data-processing charges use this for every option alike)' },
    { key: 'streaming', assumed: 'no', why: 'whether callers stream responses is not in CloudWatch' },
  );

  const errors4xx = sum(scopes.flatMap((v) => seriesOf(s, 'Invocation4XXErrors', 'Sum', v)?.values ?? []));
  const errors5xx = sum(scopes.flatMap((v) => seriesOf(s, 'Invocation5XXErrors', 'Sum', v)?.values ?? []));
  const serverlessConcurrencyPeak = max(scopes.flatMap((v) => seriesOf(s, 'ServerlessConcurrentExecutionsUtilization', 'Maximum', v)?.values ?? []));
  const coldStart = max(scopes.flatMap((v) => seriesOf(s, 'ModelSetupTime', 'Maximum', v)?.values ?? []));

  let workload: Workload | null = null;
  let cost: CostAnswers | null = null;
  if (averageRps !== null && peakRps !== null) {
    workload = {
      batch: false,
      payloadBytes: limitBytes('policy.audit-payload'),
      processingSeconds: processingSeconds ?? limit('policy.audit-processing-time'),
      latencySeconds: e.async ? null : limit('real-time.invocation-timeout'),
      streaming: false,
      traffic: traffic ?? 'intermittent',
      modelSizeBytes,
      gpu,
      models: Math.max(1, e.inferenceComponents.length),
      frameworks: 1,
      pipeline: 1,
      contentType: null,
    };
    cost = { requests: rateFromPerSecond(averageRps), peak: rateFromPerSecond(peakRps), requestBytes: limit('policy.response-size'), responseBytes: null, deadlineSeconds: null };
  }
  return {
    invocations: total,
    averageRps,
    peakRps,
    activeHours: active.size,
    hours,
    byHourOfDay,
    activeHoursOfDay,
    traffic,
    processingSeconds,
    modelSizeBytes,
    gpu,
    utilisation: util,
    errors4xx,
    errors5xx,
    serverlessConcurrencyPeak,
    coldStartSeconds: coldStart === null ? null : seconds(coldStart),
    backlogMax,
    backlogWithoutCapacity,
    answers,
    unmeasured,
    workload,
    cost,
  };
}
