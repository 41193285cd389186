// What an endpoint costs as deployed: its instances (or Serverless compute at the measured
// traffic), storage and data, priced from the run's price table with the same month, volume and
// data rules as the advisor's estimates (src/rules/advise/cost.ts), so that the two can be compared.
// A price the table lacks makes the cost unknown (null), never 0. Pure.

import { plural } from '../text';
import type { CostLine } from '../advise/cost';
import { monthHours, monthSeconds } from '../advise/cost';
import type { Architecture } from '../plan/types';
import { hasNvme, instance } from '../facts/instances';
import { limit, type OptionId } from '../facts/limits';
import { instancePrice, memoryPrice, type Price, type PriceTable } from '../facts/prices';
import type { DeployedEndpoint } from './types';

const GIB = 1024 ** 3;
const cents = (n: number) => Math.round(n * 100) / 100;

/** The deployed configuration, as audit reports it. */
export interface CurrentPlan {
  variants: {
    variantName: string;
    instanceType: string | null;
    instanceCount: number | null;
    serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
    autoscaling: { minCapacity: number; maxCapacity: number; policies: string[] } | null;
  }[];
  inferenceComponents: { name: string; copies: number | null }[];
}

export interface Current {
  option: OptionId;
  architecture: Architecture;
  monthlyUsd: number | null;
  breakdown: CostLine[];
  assumptions: string[];
  /** Prices the table lacks (then monthlyUsd is null). */
  unpriced: string[];
  plan: CurrentPlan;
}

/** The traffic the endpoint served, for Serverless compute and data charges; null when not known. */
export interface ServedTraffic {
  averageRps: number;
  processingSeconds: number;
  requestBytes: number;
  responseBytes: number;
}

export function deployedOption(e: DeployedEndpoint): OptionId {
  if (e.async) return 'async';
  if (e.variants.length > 0 && e.variants.every((v) => v.serverless)) return 'serverless';
  return 'real-time';
}

export function currentCost(e: DeployedEndpoint, traffic: ServedTraffic | null, prices: PriceTable): Current {
  const option = deployedOption(e);
  const architecture: Architecture = e.inferenceComponents.length ? 'inference-components' : 'single-model';
  const lines: CostLine[] = [];
  const unpriced: string[] = [];
  const assumptions: string[] = [`a month is ${monthHours()} hours; on-demand list prices from ${prices.source}`];
  const need = (p: Price | null, what: string): p is Price => {
    if (!p) unpriced.push(what);
    return p !== null;
  };
  const add = (item: string, usd: number) => lines.push({ item, usd: cents(usd) });
  const volumeGiB = Math.ceil(limit('policy.endpoint-volume') / GIB);

  for (const v of e.variants) {
    if (v.serverless) {
      const s = v.serverless;
      if (!traffic) {
        unpriced.push(`Serverless compute of ${v.variantName} (the request volume is not known)`);
        continue;
      }
      const billed = Math.ceil(traffic.processingSeconds * 1000 - 1e-9) / 1000;
      const seconds = traffic.averageRps * monthSeconds() * billed;
      if (s.provisionedConcurrency) {
        const pcSeconds = s.provisionedConcurrency * monthSeconds();
        const within = Math.min(seconds, pcSeconds);
        const keep = memoryPrice(prices.provisionedConcurrency, s.memoryMB);
        const run = memoryPrice(prices.provisionedInference, s.memoryMB);
        const over = memoryPrice(prices.serverless, s.memoryMB);
        if (need(keep, `Provisioned Concurrency at ${s.memoryMB} MB ($/s)`)) add(`${v.variantName}: Provisioned Concurrency ${s.provisionedConcurrency}, always on`, pcSeconds * keep.usd);
        if (need(run, `inference under Provisioned Concurrency at ${s.memoryMB} MB ($/s)`)) add(`${v.variantName}: compute under Provisioned Concurrency`, within * run.usd);
        if (seconds > within && need(over, `Serverless compute at ${s.memoryMB} MB ($/s)`)) add(`${v.variantName}: compute above it`, (seconds - within) * over.usd);
      } else {
        const p = memoryPrice(prices.serverless, s.memoryMB);
        if (need(p, `Serverless compute at ${s.memoryMB} MB ($/s)`)) add(`${v.variantName}: ${Math.round(seconds)} s of Serverless compute at ${s.memoryMB} MB`, seconds * p.usd);
      }
      continue;
    }
    if (!v.instanceType) continue;
    const count = v.currentInstanceCount ?? v.initialInstanceCount ?? 0;
    const use = option === 'async' ? 'async' : 'hosting';
    const p = instancePrice(prices, use, v.instanceType);
    if (need(p, `${v.instanceType} ${use === 'async' ? 'Asynchronous Inference' : 'Hosting'} ($/h)`)) add(`${v.variantName}: ${count} x ${v.instanceType} all month`, count * monthHours() * p.usd);
    if (v.currentInstanceCount === null) assumptions.push(`${v.variantName}: the current instance count is not reported; the config's InitialInstanceCount ${count} is used`);
    if (option === 'async' && v.autoscaling && v.autoscaling.minCapacity === 0) assumptions.push(`${v.variantName}: autoscaling may scale to zero; priced at the ${plural(count, 'instance')} running now, all month`);
    const nvme = instance(v.instanceType)?.nvme ?? hasNvme(v.instanceType) ?? false;
    if (!nvme && count > 0 && need(prices.storagePerGBMonth, 'ML storage ($/GB-month)')) add(`${v.variantName}: ML storage ${volumeGiB} GB x ${count}`, volumeGiB * count * prices.storagePerGBMonth.usd);
  }
  if (traffic) {
    const gb = (bytes: number) => (traffic.averageRps * monthSeconds() * bytes) / GIB;
    if (need(prices.dataInPerGB, 'data processed in ($/GB)')) add('data in', gb(traffic.requestBytes) * prices.dataInPerGB.usd);
    if (need(prices.dataOutPerGB, 'data processed out ($/GB)')) add('data out', gb(traffic.responseBytes) * prices.dataOutPerGB.usd);
  } else if (option !== 'serverless') {
    assumptions.push('data-processing charges are not counted: the request volume is not known');
  }
  const plan: CurrentPlan = {
    variants: e.variants.map((v) => ({
      variantName: v.variantName,
      instanceType: v.instanceType,
      instanceCount: v.serverless ? null : (v.currentInstanceCount ?? v.initialInstanceCount),
      serverless: v.serverless,
      autoscaling: v.autoscaling ? { minCapacity: v.autoscaling.minCapacity, maxCapacity: v.autoscaling.maxCapacity, policies: v.autoscaling.policies } : null,
    })),
    inferenceComponents: e.inferenceComponents.map((c) => ({ name: c.name, copies: c.copies })),
  };
  const monthlyUsd = unpriced.length || e.variants.length === 0 ? null : cents(lines.reduce((a, l) => a + l.usd, 0));
  return { option, architecture, monthlyUsd, breakdown: lines, assumptions, unpriced, plan };
}
