// The cost model's shared pieces: the estimate's shape, the month, the traffic's peak, instances for a
// rate, and the line builder every option's estimate (./options/*.ts) prices its lines with. Pure.
//
// Every formula is written out in README.md ("How costs are estimated"). Policy numbers (the
// month, peak factors, utilisation, start-up overheads, default sizes) come from the limits
// table; prices from a PriceTable. A price that is not known makes the cost null (unknown),
// never 0 and never a partial sum.

import { limit, type LimitId } from '../facts/limits';
import { uptime } from './uptime';
import { instancePrice, type InstanceUse, type Price, type PriceTable } from '../facts/prices';
import { formatCount } from '../rate';
import { formatBytes, formatUsd, groupThousands } from '../units';
import type { Traffic } from '../workload';

export const HOUR = 60 * 60;
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
export const pct = (x: number) => (x > 0 && x < 0.0001 ? 'under 0.01%' : `${x < 0.1 ? Number((x * 100).toPrecision(2)) : Math.round(x * 100)}%`);

/** Share of the month an endpoint that scales to zero is up (the up-time model, src/rules/advise/uptime.ts). */
export function upFraction(perSecond: number, scaleInDelaySeconds: number, startupSeconds: number, processingSeconds: number): number {
  return uptime({ perSecond, scaleInDelaySeconds, startupSeconds, processingSeconds, monthSeconds: monthSeconds() }).upFraction;
}
/** A unit price ($/h, $/s, $/GB): amounts of a dollar or more as every amount is written, smaller ones to 3 significant digits. */
export const unitPrice = (n: number) => (n >= 1 ? formatUsd(n) : `$${Number(n.toPrecision(3))}`);
// Four significant digits, at most three decimals (as toLocaleString('en-US') wrote them).
export const num = (n: number) => groupThousands(Number.isInteger(n) ? n : Number(Number(n.toPrecision(4)).toFixed(3)));

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

export class Builder {
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

export function monthAssumption(): string {
  return `a month is ${num(monthHours())} hours; on-demand list prices`;
}

export function dataLines(b: Builder, prices: PriceTable, t: TrafficInput): void {
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

export function storageLine(b: Builder, prices: PriceTable, i: InstanceSpec, instanceMonths: number, modelSizeBytes: number | null): void {
  if (i.nvme) {
    b.assumptions.push(`${i.type} stores the model on local NVMe: no ML storage volume to pay for`);
    return;
  }
  const gb = i.volumeGB ?? volumeGiB(modelSizeBytes);
  const p = prices.storagePerGBMonth;
  if (b.need(p, 'ML storage ($/GB-month)')) b.add(`ML storage: ${gb} GB x ${num(instanceMonths)} instance-months at ${unitPrice(p.usd)}/GB-month`, gb * instanceMonths * p.usd);
}

export function hourlyLine(b: Builder, prices: PriceTable, use: InstanceUse, i: InstanceSpec, instanceHours: number, label: string): void {
  const p = instancePrice(prices, use, i.type);
  if (b.need(p, `${i.type} ${use === 'hosting' ? 'Hosting' : use === 'async' ? 'Asynchronous Inference' : 'Batch Transform'} ($/h)`)) {
    b.add(`${label}: ${num(instanceHours)} instance-hours of ${i.type} at ${unitPrice(p.usd)}/h`, instanceHours * p.usd);
  }
}

/** Instances needed to serve a rate at the target utilisation. */
export function instancesFor(rps: number, processingSeconds: number, workers: number): number {
  return Math.ceil((rps * processingSeconds) / (workers * limit('policy.target-utilisation')) - 1e-9);
}
