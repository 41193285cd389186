// Serverless Inference: the memory step that holds the model, the workload held against its limits
// (payload, invocation timeout, memory, cold starts, what Serverless does not support, start-up),
// and the capacity and cost for a traffic (MaxConcurrency, Provisioned Concurrency, billed seconds).

import { limit, limitBytes, limitEntry } from '../../facts/limits';
import { withArticle } from '../../text';
import { formatBytes, formatBytesAlike, formatDuration } from '../../units';
import type { Workload } from '../../workload';
import { atMost, latencyCheck, unsupported, type Check } from '../checks';
import { serverlessStartupChecks } from '../startup-checks';
import { memoryPrice, type PriceTable } from '../../facts/prices';
import { formatRate } from '../../rate';
import { Builder, dataLines, monthAssumption, monthHours, monthSeconds, num, pct, unitPrice, type CapacityCheck, type Estimate, type TrafficInput } from '../cost';
import { provisionedConcurrency, queueingTarget, serverlessMaxConcurrency } from '../queueing';

/** Memory a model needs on Serverless, before rounding to a memory step. */
function serverlessMemoryNeed(modelBytes: number): number {
  return Math.ceil(modelBytes * limit('policy.memory-headroom'));
}

/** The smallest Serverless memory step (in MB) that holds the model, or null if none does. */
export function serverlessMemoryMB(modelBytes: number | null): number | null {
  const step = limit('serverless.memory-step');
  const min = limit('serverless.memory-min');
  const max = limit('serverless.memory-max');
  if (modelBytes === null) return min;
  const mib = 1024 * 1024;
  const need = Math.max(min, Math.ceil(serverlessMemoryNeed(modelBytes) / mib / step) * step);
  return need <= max ? need : null;
}

export function serverlessChecks(w: Workload): Check[] {
  const checks: Check[] = [atMost('serverless.payload', w.payloadBytes, 'payload', 'bytes'), atMost('serverless.invocation-timeout', w.processingSeconds, 'processing time', 'seconds')];
  const latency = latencyCheck(w);
  if (latency) checks.push(latency);
  checks.push(unsupported('serverless.gpu', w.gpu, 'the model needs a GPU'));
  if (w.modelSizeBytes !== null) {
    const need = serverlessMemoryNeed(w.modelSizeBytes);
    const max = limitBytes('serverless.memory-max');
    const headroom = Math.round((limit('policy.memory-headroom') - 1) * 100);
    const pass = need <= max;
    checks.push({
      limit: 'serverless.memory-max',
      value: need,
      limitValue: max,
      pass,
      message: `${withArticle(`${formatBytes(w.modelSizeBytes)} model`)} needs about ${formatBytesAlike(need, max)[0]} of memory with ${headroom}% headroom; Serverless offers ${pass ? 'up to' : 'at most'} ${formatBytesAlike(need, max)[1]}`,
      source: limitEntry('serverless.memory-max').source,
    });
  }
  if (w.latencySeconds !== null) {
    const tolerance = limit('policy.cold-start-tolerance');
    const pass = w.latencySeconds >= tolerance;
    checks.push({
      limit: 'policy.cold-start-tolerance',
      value: w.latencySeconds,
      limitValue: tolerance,
      pass,
      message: pass
        ? `callers can wait ${formatDuration(w.latencySeconds)}, enough to ride out a cold start`
        : `callers need answers within ${formatDuration(w.latencySeconds)}, but a cold start takes seconds (up to ${formatDuration(limit('serverless.startup'))}); Provisioned Concurrency avoids them at an hourly cost`,
      source: limitEntry('policy.cold-start-tolerance').source,
    });
  }
  checks.push(unsupported('serverless.multi-model', w.models > 1 && w.frameworks === 1 && w.pipeline === 1, `${w.models} models`));
  checks.push(unsupported('serverless.multi-container', w.frameworks > 1 && w.pipeline === 1, `${w.frameworks} frameworks`));
  checks.push(unsupported('serverless.pipeline', w.pipeline > 1, withArticle(`${w.pipeline}-container pipeline`)));
  checks.push(...serverlessStartupChecks(w));
  return checks;
}

// ---- capacity and cost ------------------------------------------------------------------------

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
