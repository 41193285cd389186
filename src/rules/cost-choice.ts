// Prices every option that fits a workload, and picks the cheapest when a volume is given.
// Pure: the assessment, the traffic answers, a price table and the instance each option would
// use come in; estimates, a choice and its reasons go out.

import {
  asyncEstimate,
  batchEstimate,
  peakFactor,
  realTimeEstimate,
  serverlessEstimate,
  type Cost,
  type Estimate,
  type InstanceSpec,
  type TrafficInput,
} from './cost';
import { OPTION_NAMES, serverlessMemoryMB, type Assessment, type OptionAssessment } from './engine';
import { limit, type OptionId } from './limits';
import type { PriceTable } from './prices';
import { formatCount, formatRate, type Rate } from './rate';
import { formatBytes, groupThousands } from './units';
import type { Workload } from './workload';

/** The traffic answers: --requests, --peak, request and response sizes, --deadline. */
export interface CostAnswers {
  requests: Rate;
  peak: Rate | null;
  requestBytes: number | null;
  responseBytes: number | null;
  deadlineSeconds: number | null;
}

export type ServerlessVariant = 'on-demand' | 'provisioned-concurrency';

export interface PricedOption {
  option: OptionId;
  /** Serverless only: on demand, or with Provisioned Concurrency (answer times below the cold-start tolerance). */
  variant: ServerlessVariant | null;
  /** Fits every limit, the answer time and the traffic. */
  fits: boolean;
  /** Why it does not fit, when it does not. */
  reason: string | null;
  instanceType: string | null;
  capacity: Estimate<unknown>['capacity'];
  cost: Cost | null;
  unpriced: string[];
}

/** Average and peak traffic in base units, and what was assumed to get them. */
export function trafficFor(w: Workload, a: CostAnswers): { traffic: TrafficInput; assumptions: string[] } {
  const assumptions: string[] = [];
  const avg = a.requests.perSecond;
  let peak: number;
  if (a.peak) peak = Math.max(avg, a.peak.perSecond);
  else {
    const f = peakFactor(w.traffic);
    peak = avg * f;
    if (!w.batch) assumptions.push(`peak ${formatRate(peak)}: ${f} x the average for ${w.traffic ?? 'sustained'} traffic (give --peak to change it)`);
  }
  const requestBytes = a.requestBytes ?? w.payloadBytes;
  const responseBytes = a.responseBytes ?? limit('policy.response-size');
  if (a.requestBytes === null && !w.batch) assumptions.push(`average request ${formatBytes(requestBytes)}: the largest payload, an upper bound (give --request-size)`);
  if (a.responseBytes === null && !w.batch) assumptions.push(`average response ${formatBytes(responseBytes)} (give --response-size)`);
  return { traffic: { averageRps: avg, peakRps: peak, requestBytes, responseBytes }, assumptions };
}

const onlyColdStart = (o: OptionAssessment) => {
  const failed = o.checks.filter((c) => !c.pass);
  return failed.length > 0 && failed.every((c) => c.limit === 'policy.cold-start-tolerance');
};

function fromEstimate(option: OptionId, variant: ServerlessVariant | null, instanceType: string | null, e: Estimate<unknown>): PricedOption {
  return { option, variant, fits: e.fits, reason: e.reason, instanceType, capacity: e.capacity, cost: e.cost, unpriced: e.unpriced };
}

function notFitting(option: OptionId, reason: string): PricedOption {
  return { option, variant: null, fits: false, reason, instanceType: null, capacity: null, cost: null, unpriced: [] };
}

/** Prices one option at a traffic; exported for break-even searches and tests. */
export function priceOption(
  o: OptionAssessment,
  w: Workload,
  a: CostAnswers,
  traffic: TrafficInput,
  prices: PriceTable,
  instanceFor: (option: OptionId) => InstanceSpec | null,
  architecture: Parameters<typeof realTimeEstimate>[0]['architecture'] = 'single-model',
): PricedOption {
  const failed = o.checks.filter((c) => !c.pass).map((c) => c.message);
  switch (o.option) {
    case 'serverless': {
      const pc = !o.fits && onlyColdStart(o);
      if (!o.fits && !pc) return notFitting('serverless', failed.join('; '));
      const memoryMB = serverlessMemoryMB(w.modelSizeBytes);
      if (memoryMB === null) return notFitting('serverless', 'the model does not fit Serverless memory');
      const e = serverlessEstimate({ memoryMB, processingSeconds: w.processingSeconds, traffic, provisioned: pc }, prices);
      return fromEstimate('serverless', pc ? 'provisioned-concurrency' : 'on-demand', null, e);
    }
    case 'real-time':
    case 'async':
    case 'batch-transform': {
      if (!o.fits) return notFitting(o.option, failed.join('; '));
      const i = instanceFor(o.option);
      if (!i) return notFitting(o.option, 'no instance type in the catalog holds the model');
      const e =
        o.option === 'real-time'
          ? realTimeEstimate({ instance: i, processingSeconds: w.processingSeconds, traffic, modelSizeBytes: w.modelSizeBytes, architecture }, prices)
          : o.option === 'async'
            ? asyncEstimate({ instance: i, processingSeconds: w.processingSeconds, traffic, latencySeconds: w.latencySeconds, modelSizeBytes: w.modelSizeBytes }, prices)
            : batchEstimate({ instance: i, processingSeconds: w.processingSeconds, recordsPerSecond: traffic.averageRps, periodSeconds: a.requests.periodSeconds, deadlineSeconds: a.deadlineSeconds }, prices);
      return fromEstimate(o.option, null, i.type, e);
    }
  }
}

export function optionLabel(p: Pick<PricedOption, 'option' | 'variant'>): string {
  return p.variant === 'provisioned-concurrency' ? 'Serverless Inference with Provisioned Concurrency' : OPTION_NAMES[p.option];
}

/** Options that compete on cost: those that serve the workload's kind (per request, or batch). */
function competes(w: Workload, p: PricedOption, flowchart: OptionId | null): boolean {
  if (!p.fits) return false;
  if (w.batch) return p.option === 'batch-transform' || (p.option === 'async' && flowchart === 'async');
  if (p.option === 'batch-transform') return false;
  // Async answers through a queue: a candidate when callers can wait for a queued result, or
  // when the flowchart already had to choose it.
  if (p.option === 'async') return w.latencySeconds === null || flowchart === 'async';
  return true;
}

export interface CostChoice {
  /** The cheapest option that fits, or null when none can be priced (the flowchart decides). */
  best: PricedOption | null;
  /** The runner-up, for the reasons. */
  next: PricedOption | null;
  reasons: string[];
  /** The options that were compared (the others serve another kind of caller). */
  candidates: OptionId[];
  /** Why the choice was not made by cost, when it was not. */
  note: string | null;
}

const usd = (n: number) => `$${groupThousands(n, 2)}`;

/** Everything pricing needs, for one workload. */
export interface CostContext {
  workload: Workload;
  assessment: Assessment;
  answers: CostAnswers;
  traffic: TrafficInput;
  prices: PriceTable;
  /** The instance type (and its workers) each instance-based option would use. */
  instanceFor: (option: OptionId) => InstanceSpec | null;
  architecture?: Parameters<typeof realTimeEstimate>[0]['architecture'];
}

/** Every option priced at the context's traffic, in the assessment's order. */
export function priceAll(ctx: CostContext, traffic: TrafficInput = ctx.traffic): PricedOption[] {
  return ctx.assessment.options.map((o) => priceOption(o, ctx.workload, ctx.answers, traffic, ctx.prices, ctx.instanceFor, ctx.architecture));
}

/** A traffic scaled by a multiplier (average and peak alike). */
export function scaled(t: TrafficInput, m: number): TrafficInput {
  return { ...t, averageRps: t.averageRps * m, peakRps: t.peakRps * m };
}

/** The monthly cost of an option at m times the volume: Infinity when it no longer fits, null when unknown. */
function costAt(ctx: CostContext, p: PricedOption, m: number): number | null {
  const o = ctx.assessment.options.find((x) => x.option === p.option)!;
  const q = priceOption(o, ctx.workload, ctx.answers, scaled(ctx.traffic, m), ctx.prices, ctx.instanceFor, ctx.architecture);
  if (!q.fits) return Infinity;
  return q.cost ? q.cost.monthlyUsd : null;
}

/** The cheapest option that fits, the runner-up, and the reasons (by how much; the break-even). */
export function chooseByCost(ctx: CostContext, priced: PricedOption[] = priceAll(ctx)): CostChoice {
  const { workload: w, assessment, answers: a } = ctx;
  const flowchart = assessment.recommendation?.option ?? null;
  const candidates = priced.filter((p) => competes(w, p, flowchart));
  if (candidates.length === 0) return { best: null, next: null, reasons: [], candidates: [], note: null };
  const compared = candidates.map((p) => p.option);
  const unknown = candidates.filter((p) => p.cost === null);
  if (unknown.length > 0) {
    return { best: null, next: null, reasons: [], candidates: compared, note: `costs are unknown for ${unknown.map(optionLabel).join(', ')} (${unknown.flatMap((p) => p.unpriced).join('; ')}), so the flowchart decides` };
  }
  const sorted = [...candidates].sort((x, y) => x.cost!.monthlyUsd - y.cost!.monthlyUsd);
  const best = sorted[0]!;
  const next = sorted[1] ?? null;
  const reasons: string[] = [];
  const what = w.batch ? 'records' : 'requests';
  if (!next) {
    reasons.push(`the only option that fits: about ${usd(best.cost!.monthlyUsd)} a month for ${formatRate(a.requests.perSecond)}`);
    return { best, next, reasons, candidates: compared, note: null };
  }
  const diff = next.cost!.monthlyUsd - best.cost!.monthlyUsd;
  const pct = next.cost!.monthlyUsd > 0 ? Math.round((diff / next.cost!.monthlyUsd) * 100) : 0;
  reasons.push(`cheapest option that fits: about ${usd(best.cost!.monthlyUsd)} a month, ${usd(diff)} (${pct}%) less than ${optionLabel(next)} at ${usd(next.cost!.monthlyUsd)}`);
  const be = breakEven(best, next, (p, m) => costAt(ctx, p, m));
  if (be !== null) {
    const perDay = `${formatCount(a.requests.perSecond * be.multiplier * 24 * 60 * 60)} ${what} a day`;
    // A crossing where one side stops fitting is a limit, not a price.
    const past = be.below ? be.multiplier * 1.01 : be.multiplier / 1.01;
    const o = assessment.options.find((x) => x.option === best.option)!;
    const beyond = priceOption(o, w, a, scaled(ctx.traffic, past), ctx.prices, ctx.instanceFor, ctx.architecture);
    if (!beyond.fits) reasons.push(`${be.below ? 'above' : 'below'} about ${perDay}, ${optionLabel(best)} no longer fits (${beyond.reason}); ${optionLabel(next)} does`);
    else reasons.push(`break-even: ${optionLabel(best)} is cheaper ${be.below ? 'below' : 'above'} about ${perDay}; ${optionLabel(next)} ${be.below ? 'above' : 'below'} it`);
  } else {
    reasons.push(`${optionLabel(best)} stays cheaper from a thousandth to a thousand times this volume`);
  }
  return { best, next, reasons, candidates: compared, note: null };
}

/**
 * Where the two costs cross, as a multiple of today's volume (peak scaled alike), searched from
 * 1/1000 to 1000 times. below: best is cheaper below the crossing.
 */
export function breakEven(best: PricedOption, next: PricedOption, costAt: (p: PricedOption, m: number) => number | null): { multiplier: number; below: boolean } | null {
  const cheaper = (m: number) => {
    const b = costAt(best, m);
    const n = costAt(next, m);
    return b === null || n === null ? null : b <= n;
  };
  const search = (lo: number, hi: number, bestAtLo: boolean) => {
    // Geometric bisection: lo keeps bestAtLo, hi the other.
    for (let k = 0; k < 40; k++) {
      const mid = Math.sqrt(lo * hi);
      const c = cheaper(mid);
      if (c === null) return null;
      if (c === bestAtLo) lo = mid;
      else hi = mid;
    }
    return Math.sqrt(lo * hi);
  };
  if (cheaper(1000) === false) {
    const m = search(1, 1000, true);
    return m === null ? null : { multiplier: m, below: true };
  }
  if (cheaper(0.001) === false) {
    const m = search(0.001, 1, false);
    return m === null ? null : { multiplier: m, below: false };
  }
  return null;
}
