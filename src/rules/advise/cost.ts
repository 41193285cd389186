// Cost and capacity per hosting option, from the traffic and a price table. Pure functions.
//
// Every formula is written out in README.md ("How costs are estimated"). Policy numbers (the
// month, peak factors, utilisation, start-up overheads, default sizes) come from the limits
// table; prices from a PriceTable. A price that is not known makes the cost null (unknown),
// never 0 and never a partial sum.

import { limit, type LimitId } from '../facts/limits';
import { instancesAtPeak, provisionedConcurrency, queueingTarget, serverlessMaxConcurrency } from './queueing';
import { uptime } from './uptime';
import { instancePrice, memoryPrice, type InstanceUse, type Price, type PriceTable } from '../facts/prices';
import { formatCount, formatRate } from '../rate';
import { formatBytes, formatDuration, formatUsd, groupThousands } from '../units';
import { plural } from '../text';
import type { Traffic } from '../workload';
import type { Architecture } from '../plan/types';

const HOUR = 60 * 60;
const GIB = 1024 ** 3;

export interface CostLine {
  item: string;
  usd: number;
}

export interface Cost {
  monthlyUsd: number;
  breakdown: CostLine[];
  assumptions: string[];
}

/** The traffic an option is priced for, in base units. */
export interface TrafficInput {
  /** Average requests (for batch: records) per second. */
  averageRps: number;
  /** Peak requests per second (>= average). */
  peakRps: number;
  /** Average request size in bytes (data charges). */
  requestBytes: number;
  /** Average response size in bytes (data charges). */
  responseBytes: number;
  /** Share of the week the traffic comes in (--active-hours); absent: all week. */
  activeFraction?: number;
}

/** An instance type as the cost model needs it. */
export interface InstanceSpec {
  type: string;
  /** Requests one instance serves at once: GPUs, or vCPUs on CPU types. */
  workers: number;
  /** Local NVMe storage: no EBS volume to pay for. */
  nvme: boolean;
  /** The plan's VolumeSizeInGB, when it sets one: priced as deployed. */
  volumeGB?: number | null;
}

/** A limit the traffic was checked against (Serverless MaxConcurrency, a transform job's instances). */
export interface CapacityCheck {
  limit: LimitId;
  value: number;
  limitValue: number;
  pass: boolean;
  message: string;
}

export interface Estimate<C> {
  /** False when the traffic does not fit the option (reason says why). */
  fits: boolean;
  reason: string | null;
  /** The traffic's checks against the option's limits, passed or not (the failed one is the reason). */
  checks: CapacityCheck[];
  capacity: C | null;
  /** null when the option does not fit or a price it needs is unknown (see unpriced). */
  cost: Cost | null;
  /** Prices the estimate needed but the table does not have. */
  unpriced: string[];
}

export const monthSeconds = () => limit('policy.month');
export const monthHours = () => limit('policy.month') / HOUR;

const cents = (n: number) => Math.round(n * 100) / 100;
/** A share as a percentage: two significant digits below 10%. */
const pct = (x: number) => (x > 0 && x < 0.0001 ? 'under 0.01%' : `${x < 0.1 ? Number((x * 100).toPrecision(2)) : Math.round(x * 100)}%`);

/** Share of the month an endpoint that scales to zero is up (the up-time model, src/rules/advise/uptime.ts). */
export function upFraction(perSecond: number, scaleInDelaySeconds: number, startupSeconds: number, processingSeconds: number): number {
  return uptime({ perSecond, scaleInDelaySeconds, startupSeconds, processingSeconds, monthSeconds: monthSeconds() }).upFraction;
}
/** Inference components: up between the first request and 25 min after the last, plus each wake's start-up. */
export const icUpFraction = (perSecond: number, processingSeconds: number) => upFraction(perSecond, limit('inference-components.scale-in-to-zero'), limit('inference-components.scale-out-from-zero'), processingSeconds);
/** A unit price ($/h, $/s, $/GB): amounts of a dollar or more as every amount is written, smaller ones to 3 significant digits. */
const unitPrice = (n: number) => (n >= 1 ? formatUsd(n) : `$${Number(n.toPrecision(3))}`);
// Four significant digits, at most three decimals (as toLocaleString('en-US') wrote them).
const num = (n: number) => groupThousands(Number.isInteger(n) ? n : Number(Number(n.toPrecision(4)).toFixed(3)));

/** Workers per instance: one request per GPU, or per vCPU on CPU types. */
export function workersOf(i: { gpus: number; vcpu: number }): number {
  return i.gpus > 0 ? i.gpus : i.vcpu;
}

/** The peak assumed when --peak is not given: a policy multiple of the average, by traffic pattern. */
export function peakFactor(traffic: Traffic | null): number {
  switch (traffic) {
    case 'intermittent':
      return limit('policy.peak-factor-intermittent');
    case 'unpredictable':
      return limit('policy.peak-factor-unpredictable');
    default:
      return limit('policy.peak-factor-sustained');
  }
}

class Builder {
  lines: CostLine[] = [];
  assumptions: string[] = [];
  unpriced: string[] = [];
  grades = new Set<string>();

  need(p: Price | null, what: string): p is Price {
    if (!p) {
      this.unpriced.push(what);
      return false;
    }
    if (p.grade === 'D' && p.note) this.grades.add(`${what}: ${p.note}`);
    return true;
  }

  add(item: string, usd: number): void {
    this.lines.push({ item, usd: cents(usd) });
  }

  cost(): Cost | null {
    if (this.unpriced.length > 0) return null;
    return {
      monthlyUsd: cents(this.lines.reduce((s, l) => s + l.usd, 0)),
      breakdown: this.lines,
      assumptions: [...this.assumptions, ...[...this.grades].map((g) => `price ${g}`)],
    };
  }
}

function monthAssumption(): string {
  return `a month is ${num(monthHours())} hours; on-demand list prices`;
}

function dataLines(b: Builder, prices: PriceTable, t: TrafficInput): void {
  const requests = t.averageRps * monthSeconds();
  const inGB = (requests * t.requestBytes) / GIB;
  const outGB = (requests * t.responseBytes) / GIB;
  const pin = prices.dataInPerGB;
  const pout = prices.dataOutPerGB;
  if (b.need(pin, 'data processed in ($/GB)')) b.add(`data in: ${num(inGB)} GB at ${unitPrice(pin.usd)}/GB`, inGB * pin.usd);
  if (b.need(pout, 'data processed out ($/GB)')) b.add(`data out: ${num(outGB)} GB at ${unitPrice(pout.usd)}/GB`, outGB * pout.usd);
  b.assumptions.push(`${formatCount(requests)} requests a month of ${formatBytes(t.requestBytes)} in and ${formatBytes(t.responseBytes)} out on average`);
}

/** Storage volume per instance when the plan sets none: the policy default, or the model size when larger. */
function volumeGiB(modelSizeBytes: number | null): number {
  return Math.ceil(Math.max(limit('policy.endpoint-volume'), modelSizeBytes ?? 0) / GIB);
}

function storageLine(b: Builder, prices: PriceTable, i: InstanceSpec, instanceMonths: number, modelSizeBytes: number | null): void {
  if (i.nvme) {
    b.assumptions.push(`${i.type} stores the model on local NVMe: no ML storage volume to pay for`);
    return;
  }
  const gb = i.volumeGB ?? volumeGiB(modelSizeBytes);
  const p = prices.storagePerGBMonth;
  if (b.need(p, 'ML storage ($/GB-month)')) b.add(`ML storage: ${gb} GB x ${num(instanceMonths)} instance-months at ${unitPrice(p.usd)}/GB-month`, gb * instanceMonths * p.usd);
}

function hourlyLine(b: Builder, prices: PriceTable, use: InstanceUse, i: InstanceSpec, instanceHours: number, label: string): void {
  const p = instancePrice(prices, use, i.type);
  if (b.need(p, `${i.type} ${use === 'hosting' ? 'Hosting' : use === 'async' ? 'Asynchronous Inference' : 'Batch Transform'} ($/h)`)) {
    b.add(`${label}: ${num(instanceHours)} instance-hours of ${i.type} at ${unitPrice(p.usd)}/h`, instanceHours * p.usd);
  }
}

// ---- Real-Time ------------------------------------------------------------------------------

export interface RealTimeCapacity {
  initialInstanceCount: number;
  /** Within the active hours (all week without them). */
  minInstances: number;
  /** Outside the active hours, when given: scheduled actions bring the fleet down to this. */
  offHoursMinInstances?: number;
  maxInstances: number;
  /** Target tracking: invocations per instance per minute. */
  targetInvocationsPerInstance: number;
}

export interface RealTimeInput {
  instance: InstanceSpec;
  processingSeconds: number;
  traffic: TrafficInput;
  modelSizeBytes: number | null;
  /** Multi-model endpoints share instances between models; multi-container instances hold every container. */
  architecture?: Architecture;
}

/** Instances needed to serve a rate at the target utilisation. */
export function instancesFor(rps: number, processingSeconds: number, workers: number): number {
  return Math.ceil((rps * processingSeconds) / (workers * limit('policy.target-utilisation')) - 1e-9);
}

export function realTimeEstimate(input: RealTimeInput, prices: PriceTable): Estimate<RealTimeCapacity> {
  const { instance: i, processingSeconds: p, traffic: t } = input;
  const util = limit('policy.target-utilisation');
  const share = t.activeFraction ?? 1;
  const minInstances = Math.max(limit('real-time.min-instances'), instancesFor(t.averageRps / share, p, i.workers));
  const off = limit('real-time.min-instances');
  // At the peak: the target utilisation, or more where queueing needs it (Erlang C).
  const queue = instancesAtPeak({ peakPerSecond: t.peakRps, processingSeconds: p, slotsPerInstance: Math.max(1, Math.round(i.workers)), min: minInstances });
  const maxInstances = Math.max(minInstances, instancesFor(t.peakRps, p, i.workers), queue.instances);
  const capacity: RealTimeCapacity = {
    initialInstanceCount: minInstances,
    minInstances,
    ...(share < 1 ? { offHoursMinInstances: off } : {}),
    maxInstances,
    targetInvocationsPerInstance: Math.max(1, Math.floor((60 / p) * i.workers * util)),
  };
  const b = new Builder();
  const instanceMonths = share < 1 ? minInstances * share + off * (1 - share) : minInstances;
  const hours = instanceMonths * monthHours();
  hourlyLine(b, prices, 'hosting', i, hours, share < 1 ? `${minInstances} x ${i.type} in the active hours (${pct(share)} of the month), ${off} outside` : `${minInstances} x ${i.type} all month`);
  storageLine(b, prices, i, instanceMonths, input.modelSizeBytes);
  dataLines(b, prices, t);
  b.assumptions.unshift(
    `instances = ceil(rate x ${formatDuration(p)} / (${plural(i.workers, 'worker')} x ${Math.round(util * 100)}% target utilisation)): ${minInstances} for the average ${formatRate(t.averageRps / share)}${share < 1 ? ' within the active hours' : ''} (at least ${limit('real-time.min-instances')}), ${maxInstances} for the peak ${formatRate(t.peakRps)}, where ${pct(queue.share)} of requests wait for a worker (Erlang C; the policy allows ${pct(queueingTarget())})`,
    `autoscaling runs ${minInstances} instance${minInstances === 1 ? '' : 's'} most of the month; hours above that at peaks are not counted`,
    monthAssumption(),
  );
  if (input.architecture === 'multi-model') b.assumptions.push('a multi-model endpoint: the models share these instances; the rate is all models together');
  if (input.architecture === 'multi-container') b.assumptions.push('a multi-container endpoint: each instance holds every container; the rate is all containers together');
  return { fits: true, reason: null, checks: [], capacity, cost: b.cost(), unpriced: b.unpriced };
}

// ---- Inference components -------------------------------------------------------------------

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

// ---- Serverless -----------------------------------------------------------------------------

export interface ServerlessCapacity {
  memoryMB: number;
  maxConcurrency: number;
  provisionedConcurrency: number | null;
}

export interface ServerlessInput {
  memoryMB: number;
  processingSeconds: number;
  traffic: TrafficInput;
  /** With Provisioned Concurrency, sized to cover the peak. */
  provisioned: boolean;
  /** The least MaxConcurrency to set (the default for the traffic pattern). */
  floor?: number;
}

/** Seconds billed per request: per millisecond, rounded up. */
const billedSeconds = (s: number) => Math.ceil(s * 1000 - 1e-9) / 1000;

export function serverlessEstimate(input: ServerlessInput, prices: PriceTable): Estimate<ServerlessCapacity> {
  const { memoryMB: mem, processingSeconds: p, traffic: t } = input;
  const max = limit('serverless.max-concurrency');
  // The least MaxConcurrency that throttles under the policy share of the peak's requests (Erlang B).
  const q = serverlessMaxConcurrency({ peakPerSecond: t.peakRps, processingSeconds: p });
  const load = `${formatRate(t.peakRps)} x ${formatDuration(p)} = ${num(q.load)} requests in flight`;
  const check: CapacityCheck = {
    limit: 'serverless.max-concurrency',
    value: q.count,
    limitValue: max,
    pass: !q.capped,
    message: !q.capped
      ? `MaxConcurrency ${q.count} throttles ${pct(q.share)} of the peak's requests (${load}; Erlang B, the policy allows ${pct(queueingTarget())}), within Serverless's limit of ${max}`
      : `at the peak (${load}), even Serverless's MaxConcurrency limit of ${max} throttles ${pct(q.share)} of requests, more than the ${pct(queueingTarget())} the policy allows (Erlang B)`,
  };
  if (q.capped) return { fits: false, reason: check.message, checks: [check], capacity: null, cost: null, unpriced: [] };
  // Provisioned Concurrency covers the peak: callers cannot wait out a cold start.
  const pcSizing = input.provisioned ? provisionedConcurrency({ peakPerSecond: t.peakRps, processingSeconds: p, averagePerSecond: t.averageRps, coldStartAbsorbed: false, maxConcurrency: max }) : null;
  const pc = pcSizing ? pcSizing.count : null;
  // MaxConcurrency costs nothing until used: never below the default for the traffic pattern.
  const capacity: ServerlessCapacity = { memoryMB: mem, maxConcurrency: Math.min(max, Math.max(q.count, pc ?? 0, input.floor ?? 1)), provisionedConcurrency: pc };
  const b = new Builder();
  const requests = t.averageRps * monthSeconds();
  const seconds = requests * billedSeconds(p);
  const gb = mem / 1024;
  if (pc === null) {
    const price = memoryPrice(prices.serverless, mem);
    if (b.need(price, `Serverless compute at ${mem} MB ($/s)`)) b.add(`compute: ${num(seconds)} s at ${mem} MB, ${unitPrice(price.usd)}/s`, seconds * price.usd);
  } else {
    const keep = memoryPrice(prices.provisionedConcurrency, mem);
    const run = memoryPrice(prices.provisionedInference, mem);
    const onDemand = memoryPrice(prices.serverless, mem);
    const provisionedSeconds = pc * monthSeconds();
    const within = Math.min(seconds, provisionedSeconds);
    const spill = seconds - within;
    if (b.need(keep, `Provisioned Concurrency at ${mem} MB ($/s)`)) b.add(`Provisioned Concurrency ${pc} x ${num(monthHours())} h, always on, at ${unitPrice(keep.usd)}/s`, provisionedSeconds * keep.usd);
    if (b.need(run, `inference under Provisioned Concurrency at ${mem} MB ($/s)`)) b.add(`compute under Provisioned Concurrency: ${num(within)} s at ${unitPrice(run.usd)}/s`, within * run.usd);
    if (spill > 0 && b.need(onDemand, `Serverless compute at ${mem} MB ($/s)`)) b.add(`compute above it: ${num(spill)} s at ${unitPrice(onDemand.usd)}/s`, spill * onDemand.usd);
    b.assumptions.push(`Provisioned Concurrency ${pc}: covers the peak, so that at most ${pct(pcSizing!.share)} of its requests spill to on-demand capacity and meet a cold start (Erlang B; the policy allows ${pct(queueingTarget())})`);
  }
  dataLines(b, prices, t);
  b.assumptions.unshift(
    `${formatDuration(billedSeconds(p))} billed per request (per millisecond) at ${mem} MB (${gb} GB)`,
    `MaxConcurrency ${capacity.maxConcurrency}: ${q.count} keeps throttling at the peak (${load}) under ${pct(queueingTarget())} (Erlang B)${capacity.maxConcurrency > q.count ? `; ${capacity.maxConcurrency}, the default for the traffic pattern, since unused concurrency costs nothing` : ''}`,
    monthAssumption(),
  );
  if (capacity.maxConcurrency > limit('serverless.account-concurrency-observed')) {
    b.assumptions.push(`MaxConcurrency ${capacity.maxConcurrency} needs a Region-wide serverless concurrency quota above ${limit('serverless.account-concurrency-observed')}, which new accounts have reported`);
  }
  return { fits: true, reason: null, checks: [check], capacity, cost: b.cost(), unpriced: b.unpriced };
}

// ---- Asynchronous ---------------------------------------------------------------------------

export interface AsyncCapacity {
  initialInstanceCount: number;
  minInstances: number;
  maxInstances: number;
  /** ApproximateBacklogSizePerInstance target. */
  backlogPerInstance: number;
}

export interface AsyncInput {
  instance: InstanceSpec;
  processingSeconds: number;
  traffic: TrafficInput;
  /** How long callers can wait for a result; null: as long as it takes. */
  latencySeconds: number | null;
  modelSizeBytes: number | null;
}

/** Whether an Asynchronous endpoint may scale to zero: callers wait longer than a scale-out from zero. */
export function asyncScalesToZero(latencySeconds: number | null): boolean {
  return latencySeconds === null || latencySeconds > limit('policy.async-scale-out-from-zero');
}

export function asyncEstimate(input: AsyncInput, prices: PriceTable): Estimate<AsyncCapacity> {
  const { instance: i, processingSeconds: p, traffic: t } = input;
  const util = limit('policy.target-utilisation');
  const toZero = asyncScalesToZero(input.latencySeconds);
  const minInstances = toZero ? limit('async.min-instances') : 1;
  const maxInstances = Math.max(1, minInstances, instancesFor(t.peakRps, p, i.workers));
  const capacity: AsyncCapacity = { initialInstanceCount: 1, minInstances, maxInstances, backlogPerInstance: limit('policy.async-backlog-per-instance') };
  const busyHours = (t.averageRps * monthSeconds() * p) / i.workers / util / HOUR;
  // Scaled to zero, an instance is up from each wake (its start-up billed) until the queue has been
  // empty for the scale-in delay (the up-time model); the busy hours when they are more.
  const up = toZero ? upFraction(t.averageRps, limit('policy.target-tracking-scale-in-delay'), limit('policy.async-scale-out-from-zero'), p) : 1;
  const hours = Math.max(busyHours, toZero ? up * monthHours() : minInstances * monthHours());
  const b = new Builder();
  // The label says what the hours count: the busy hours, or the minimum kept up when that is more.
  const floorBinds = !toZero && busyHours < minInstances * monthHours();
  const upBinds = toZero && up * monthHours() >= busyHours;
  hourlyLine(b, prices, 'async', i, hours, toZero ? (upBinds ? `1 instance up ${pct(up)} of the month` : 'busy instances') : floorBinds ? `${minInstances} instance kept up all month` : `busy instances (at least ${minInstances} up)`);
  storageLine(b, prices, i, hours / monthHours(), input.modelSizeBytes);
  dataLines(b, prices, t);
  const wait = input.latencySeconds === null ? 'callers wait for queued results' : `callers wait up to ${formatDuration(input.latencySeconds)}`;
  b.assumptions.unshift(
    `busy instance-hours = requests x ${formatDuration(p)} / (${plural(i.workers, 'worker')} x ${Math.round(util * 100)}% utilisation)`,
    toZero
      ? `scales to zero when the queue is empty: ${wait}, longer than a scale-out from zero (about ${formatDuration(limit('policy.async-scale-out-from-zero'))}); up ${pct(up)} of the month: each request that finds it at zero wakes it (start-up billed) and it stays up until ${formatDuration(limit('policy.target-tracking-scale-in-delay'))} pass with an empty queue, for requests at random at ${formatRate(t.averageRps)}`
      : `keeps ${minInstances} instance running: ${wait}, less than a scale-out from zero (about ${formatDuration(limit('policy.async-scale-out-from-zero'))})`,
    `up to ${maxInstances} instance${maxInstances === 1 ? '' : 's'} for the peak ${formatRate(t.peakRps)}`,
    monthAssumption(),
  );
  b.assumptions.push('S3 storage of requests and results, and SNS notifications, are not counted');
  return { fits: true, reason: null, checks: [], capacity, cost: b.cost(), unpriced: b.unpriced };
}

// ---- Batch Transform ------------------------------------------------------------------------

export interface BatchCapacity {
  instanceCount: number;
  runsPerMonth: number;
  recordsPerRun: number;
  /** Wall-clock time of one run, start-up included. */
  runSeconds: number;
}

export interface BatchInput {
  instance: InstanceSpec;
  processingSeconds: number;
  /** Average records per second; the run interval is periodSeconds. */
  recordsPerSecond: number;
  /** The period the volume was given in: one run per period (at least policy.batch-min-run-interval apart). */
  periodSeconds: number;
  /** When a run must finish, start-up included; null: within the run interval. */
  deadlineSeconds: number | null;
}

/** One run of a batch volume: how often, how many records, and when it must finish. */
export function batchRun(input: Pick<BatchInput, 'recordsPerSecond' | 'periodSeconds' | 'deadlineSeconds'>): { interval: number; recordsPerRun: number; deadline: number } {
  const interval = Math.max(input.periodSeconds, limit('policy.batch-min-run-interval'));
  return { interval, recordsPerRun: input.recordsPerSecond * interval, deadline: input.deadlineSeconds ?? interval };
}

export function batchEstimate(input: BatchInput, prices: PriceTable): Estimate<BatchCapacity> {
  const { instance: i, processingSeconds: p } = input;
  const { interval, recordsPerRun, deadline } = batchRun(input);
  const runsPerMonth = monthSeconds() / interval;
  const startup = limit('policy.batch-job-startup');
  const work = recordsPerRun * p; // worker-seconds per run
  const maxCount = limit('batch-transform.instances');
  const deadlineText = input.deadlineSeconds === null ? `the run interval (${formatDuration(interval)})` : `the ${formatDuration(deadline)} deadline`;
  if (deadline <= startup) {
    const check: CapacityCheck = { limit: 'policy.batch-job-startup', value: deadline, limitValue: startup, pass: false, message: `${deadlineText} is not longer than a job's start-up (about ${formatDuration(startup)})` };
    return { fits: false, reason: check.message, checks: [check], capacity: null, cost: null, unpriced: [] };
  }
  const instanceCount = Math.max(1, Math.ceil(work / (i.workers * (deadline - startup)) - 1e-9));
  const fitsCount = instanceCount <= maxCount;
  const check: CapacityCheck = {
    limit: 'batch-transform.instances',
    value: instanceCount,
    limitValue: maxCount,
    pass: fitsCount,
    message: fitsCount
      ? `finishing ${formatCount(recordsPerRun)} records within ${deadlineText} needs ${instanceCount} instance${instanceCount === 1 ? '' : 's'} of ${i.type}, within the ${maxCount} a transform job takes`
      : `finishing ${formatCount(recordsPerRun)} records within ${deadlineText} needs ${instanceCount} instances of ${i.type}; a transform job takes at most ${maxCount}`,
  };
  if (!fitsCount) return { fits: false, reason: check.message, checks: [check], capacity: null, cost: null, unpriced: [] };
  const runSeconds = work / (instanceCount * i.workers) + startup;
  const capacity: BatchCapacity = { instanceCount, runsPerMonth, recordsPerRun, runSeconds };
  const hours = (runsPerMonth * instanceCount * runSeconds) / HOUR;
  const b = new Builder();
  hourlyLine(b, prices, 'batch', i, hours, `${num(runsPerMonth)} runs x ${instanceCount} instance${instanceCount === 1 ? '' : 's'} x ${formatDuration(runSeconds)}`);
  b.assumptions.push(
    `one run every ${formatDuration(interval)}, ${formatCount(recordsPerRun)} records each: ${formatCount(recordsPerRun)} x ${formatDuration(p)} / (${instanceCount} instance${instanceCount === 1 ? '' : 's'} x ${plural(i.workers, 'worker')}) + ${formatDuration(startup)} start-up per job`,
    `InstanceCount ${instanceCount}: the fewest that finish within ${deadlineText}`,
    monthAssumption(),
    'S3 storage of input and output is not counted',
  );
  return { fits: true, reason: null, checks: [check], capacity, cost: b.cost(), unpriced: b.unpriced };
}
