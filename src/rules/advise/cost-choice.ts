// Prices every option that fits a workload, and picks the cheapest when a volume is given.
// Pure: the assessment, the traffic answers, a price table and the instance each option would
// use come in; estimates, a choice and its reasons go out.

import { flagRef } from '../flag-ref';
import { reason, type Reason } from '../reason';
import { peakFactor, type Cost, type Estimate, type TrafficInput } from './cost';
import { asyncEstimate } from './options/async';
import { batchEstimate, batchRun } from './options/batch-transform';
import { icEstimate } from './options/inference-components';
import { realTimeEstimate } from './options/real-time';
import type { Check } from './checks';
import { onlyColdStart, OPTION_NAMES, withProvisioned, type Assessment, type OptionAssessment } from './engine';
import { serverlessEstimate, serverlessMemoryMB } from './options/serverless';
import type { Deployment } from '../plan/deployment';
import { basePlan, instanceSpec, residentFloor, sizePlan, splitTypeOf, type Serve } from './plan-option';
import type { Plan } from '../plan/types';
import { limit, limitEntry, type OptionId } from '../facts/limits';
import { instancePrice, type PriceTable } from '../facts/prices';
import { chooseBatch } from './batch';
import { activeFraction, formatActiveHours } from './active-hours';
import { breakEvenRegions, ceilBoundaries, crossingsWithin, regionsPerDay } from './break-even';
import { candidates, fitOn } from './instance-choice';
import { formatCount, formatRate, type Rate } from '../rate';
import { formatBytes, formatDuration, formatUsd as usd } from '../units';
import { formatVolume } from '../text';
import type { Workload } from '../workload';

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
  /** The traffic's checks against the option's limits (peak concurrency, a transform job's instances). */
  checks: Check[];
  capacity: Estimate<unknown>['capacity'];
  cost: Cost | null;
  unpriced: string[];
  /** What this option's files would deploy at this traffic; null when it does not fit. */
  plan: Plan | null;
}

/** Average and peak traffic in base units, and what was assumed to get them. */
export function trafficFor(w: Workload, a: CostAnswers): { traffic: TrafficInput; assumptions: string[] } {
  const assumptions: string[] = [];
  const avg = a.requests.perSecond;
  // With active hours, the requests come within them: the average and the peak there are higher.
  const share = w.activeHours && !w.batch ? activeFraction(w.activeHours) : 1;
  const active = avg / share;
  if (share < 1)
    assumptions.push(
      `active ${formatActiveHours(w.activeHours!)}, ${Math.round(share * 1000) / 10}% of the week: ${formatRate(active)} on average within those hours, none outside; scheduled actions bring the fleet to its minimum outside them`,
    );
  let peak: number;
  if (a.peak) peak = Math.max(active, a.peak.perSecond);
  else {
    const f = peakFactor(w.traffic);
    peak = active * f;
    if (!w.batch) assumptions.push(`peak ${formatRate(peak)}: ${f} x the average${share < 1 ? ' within the active hours' : ''} for ${w.traffic ?? 'sustained'} traffic (give ${flagRef('peak')} to change it)`);
  }
  const requestBytes = a.requestBytes ?? w.payloadBytes;
  const responseBytes = a.responseBytes ?? limit('policy.response-size');
  if (a.requestBytes === null && !w.batch) assumptions.push(`average request ${formatBytes(requestBytes)}: the largest payload, an upper bound (give ${flagRef('requestSize')})`);
  if (a.responseBytes === null && !w.batch) assumptions.push(`average response ${formatBytes(responseBytes)} (give ${flagRef('responseSize')})`);
  return { traffic: { averageRps: avg, peakRps: peak, requestBytes, responseBytes, ...(share < 1 ? { activeFraction: share } : {}) }, assumptions };
}

function fromEstimate(option: OptionId, variant: ServerlessVariant | null, plan: Plan | null, e: Estimate<unknown>): PricedOption {
  const checks = e.checks.map((c): Check => ({ ...c, source: limitEntry(c.limit).source }));
  return { option, variant, fits: e.fits, reason: e.reason, instanceType: plan?.instanceType ?? null, checks, capacity: e.capacity, cost: e.cost, unpriced: e.unpriced, plan: e.fits ? plan : null };
}

function notFitting(option: OptionId, reason: string): PricedOption {
  return { option, variant: null, fits: false, reason, instanceType: null, checks: [], capacity: null, cost: null, unpriced: [], plan: null };
}

/**
 * The options as the engine checked them, plus the traffic's checks, so that every place that says
 * whether an option fits (the reasons, the cost table, Other options, JSON options[], the
 * generated file's header) says the same. Serverless whose only failure is an answer time below
 * the cold-start tolerance fits when priced with Provisioned Concurrency.
 */
export function withTraffic(options: OptionAssessment[], priced: PricedOption[]): OptionAssessment[] {
  return options.map((o) => {
    const p = priced.find((x) => x.option === o.option);
    if (!p) return o;
    const checks = p.variant === 'provisioned-concurrency' ? withProvisioned(o).checks : [...o.checks];
    checks.push(...p.checks);
    // A reason that is none of the checks (no instance holds the model, no Serverless memory) is one more failed check.
    if (!p.fits && checks.every((c) => c.pass)) checks.push({ limit: 'workload.capacity', value: false, limitValue: true, pass: false, message: p.reason ?? 'does not fit this traffic', source: null });
    return { option: o.option, fits: checks.every((c) => c.pass), checks };
  });
}

/** Default plans by what they serve, per context: break-even searches price the same plans at many volumes. */
const PLANS = new WeakMap<CostContext['deployment'], Map<string, Plan>>();
function planOf(ctx: CostContext, serve: Serve): Plan {
  let byServe = PLANS.get(ctx.deployment);
  if (!byServe) PLANS.set(ctx.deployment, (byServe = new Map()));
  const key = JSON.stringify([serve, ctx.prices.region, ctx.prices.asOf, ctx.workload]);
  let p = byServe.get(key);
  if (!p) byServe.set(key, (p = basePlan(serve, ctx.workload, ctx.deployment, ctx.prices)));
  return p;
}

/** Prices one option's plan at a traffic, and sizes the plan for it; exported for break-even searches and tests. */
export function priceOption(o: OptionAssessment, ctx: CostContext, traffic: TrafficInput): PricedOption {
  const { workload: w, answers: a, prices } = ctx;
  const failed = o.checks.filter((c) => !c.pass).map((c) => c.message);
  switch (o.option) {
    case 'serverless': {
      // Callers cannot wait out a cold start: the engine's check says so, failed, or met by the
      // Provisioned Concurrency the flowchart already chose.
      const coldStart = o.checks.find((c) => c.limit === 'policy.cold-start-tolerance');
      const pc = (!o.fits && onlyColdStart(o)) || (o.fits && coldStart !== undefined && Number(coldStart.value) < Number(coldStart.limitValue));
      if (!o.fits && !pc) return notFitting('serverless', failed.join('; '));
      const memoryMB = serverlessMemoryMB(w.modelSizeBytes);
      if (memoryMB === null) return notFitting('serverless', 'the model does not fit Serverless memory');
      const floor = limit(w.traffic === 'unpredictable' ? 'policy.serverless-concurrency-unpredictable' : 'policy.serverless-concurrency-intermittent');
      const e = serverlessEstimate({ memoryMB, processingSeconds: w.processingSeconds, traffic, provisioned: pc, floor }, prices);
      const base = planOf(ctx, { option: 'serverless', architecture: 'single-model', provisioned: pc });
      return fromEstimate('serverless', pc ? 'provisioned-concurrency' : 'on-demand', e.capacity ? sizePlan(base, { option: 'serverless', capacity: e.capacity }) : null, e);
    }
    case 'real-time':
    case 'async':
    case 'batch-transform': {
      if (!o.fits) return notFitting(o.option, failed.join('; '));
      const serve = ctx.serve(o.option);
      const base = planOf(ctx, serve);
      const i = instanceSpec(base);
      if (!i) return notFitting(o.option, 'no instance type in the catalog holds the model');
      if (base.ic) {
        const sized = basePlan(serve, w, ctx.deployment, prices, { averageRps: traffic.averageRps, peakRps: traffic.peakRps, processingSeconds: w.processingSeconds });
        const ic = sized.ic!;
        const m = ic.models[0]!;
        const e = icEstimate(
          {
            instance: i,
            initialInstances: ic.initialInstances,
            maxInstances: ic.maxInstances,
            copies: m.copies,
            maxCopies: m.maxCopies,
            scaleToZero: ic.scaleToZero,
            traffic,
            processingSeconds: w.processingSeconds,
            modelSizeBytes: w.modelSizeBytes,
          },
          prices,
        );
        return fromEstimate('real-time', null, sized, e);
      }
      if (o.option === 'real-time') {
        const e = realTimeEstimate({ instance: i, processingSeconds: w.processingSeconds, traffic, modelSizeBytes: w.modelSizeBytes, architecture: serve.architecture, residentFloor: residentFloor(base, w) }, prices);
        return fromEstimate(o.option, null, sizePlan(base, { option: 'real-time', capacity: e.capacity! }, w), e);
      }
      if (o.option === 'async') {
        const e = asyncEstimate({ instance: i, processingSeconds: w.processingSeconds, traffic, latencySeconds: w.latencySeconds, modelSizeBytes: w.modelSizeBytes }, prices);
        return fromEstimate(o.option, null, sizePlan(base, { option: 'async', capacity: e.capacity! }), e);
      }
      const volume = { recordsPerSecond: traffic.averageRps, periodSeconds: a.requests.periodSeconds, deadlineSeconds: a.deadlineSeconds };
      // The type and count that finish each run in time at the lowest cost, among the types that hold the model.
      const sized = ctx.deployment.instanceType ? null : cheapestTransform(w, serve, volume, prices);
      if (sized && !sized.chosen) return notFitting('batch-transform', sized.why);
      const plan = sized?.chosen ? basePlan({ ...serve, sizedType: { type: sized.chosen.type, why: sized.why } }, w, ctx.deployment, prices) : base;
      const e = batchEstimate({ instance: instanceSpec(plan)!, processingSeconds: w.processingSeconds, ...volume }, prices);
      return fromEstimate(o.option, null, e.capacity ? sizePlan(plan, { option: 'batch-transform', capacity: e.capacity }) : plan, e);
    }
  }
}

/** Batch Transform: the cheapest type and count that meet the deadline (src/rules/advise/batch.ts), with why. */
function cheapestTransform(w: Workload, serve: Serve, volume: { recordsPerSecond: number; periodSeconds: number; deadlineSeconds: number | null }, prices: PriceTable): { chosen: { type: string } | null; why: string } {
  const { recordsPerRun, deadline } = batchRun(volume);
  const need = w.modelSizeBytes === null ? 0 : Math.ceil(w.modelSizeBytes * limit('policy.memory-headroom'));
  const list = candidates(w, serve, prices, 'transform').filter((i) => fitOn(i, need, w.gpu).holds);
  const job = { records: recordsPerRun, recordBytes: w.payloadBytes, processingSeconds: w.processingSeconds, deadlineSeconds: deadline, splittable: splitTypeOf(w.contentType) !== 'None' };
  const c = chooseBatch(
    job,
    list.map((i) => ({ type: i.type, vcpu: i.vcpu, memoryGiB: i.memoryGiB, gpus: i.gpus, hourlyUsd: instancePrice(prices, 'batch', i.type)?.usd ?? null, workers: Math.max(1, fitOn(i, need, w.gpu).copies) })),
  );
  const within = `${formatCount(recordsPerRun)} records within ${formatDuration(deadline)}`;
  switch (c.reason.id) {
    case 'nothing-fits': {
      const f = c.reason.fastest;
      return {
        chosen: null,
        why: `no transform instance type finishes ${within}, even with ${c.reason.maxInstances} instances${f ? ` (the fastest: ${formatDuration(f.runSeconds)} on ${f.instances} x ${f.type})` : ''}; give a later deadline, or make processing faster`,
      };
    }
    case 'price-unknown':
      return { chosen: c.chosen, why: `the type that finishes ${within} with the fewest instance-hours (the prices of the types that meet the deadline are unknown)` };
    case 'larger-type-fits':
      return { chosen: c.chosen, why: `the cheapest type that finishes ${within}: ${c.reason.smallest.type} would need more than ${limit('batch-transform.instances')} instances` };
    default:
      return { chosen: c.chosen, why: `the cheapest type and count that finish ${within}${c.reason.runnerUp ? ` (next: ${c.reason.runnerUp.type} at ${usd(c.reason.runnerUp.costPerRunUsd)} a run)` : ''}` };
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

const andList = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** Why an option that fits is not compared on cost with the others (it serves another kind of caller). */
export function notComparedWhy(w: Workload, option: OptionId): string {
  if (w.batch) return 'an offline job is compared only with the options that run offline';
  if (option === 'batch-transform') return 'Batch Transform processes a dataset that is available up front, not requests one by one';
  return 'Asynchronous Inference answers through a queue, so it is compared only when callers can collect a queued result';
}

export interface CostChoice {
  /** The cheapest option that fits, or null when none can be priced (the flowchart decides). */
  best: PricedOption | null;
  /** The runner-up, for the reasons. */
  next: PricedOption | null;
  reasons: Reason[];
  /** The options that were compared (the others serve another kind of caller). */
  candidates: OptionId[];
  /** Why the choice was not made by cost, when it was not. */
  note: string | null;
  /** How best was chosen, for the summary: "the cheapest option that fits", "the only option that fits". */
  headline: string | null;
  /** Which compared option is cheapest from a thousandth to a thousand times the volume; empty with fewer than two. */
  regions: BreakEven;
}

/** Everything pricing needs, for one workload. */
export interface CostContext {
  workload: Workload;
  assessment: Assessment;
  answers: CostAnswers;
  traffic: TrafficInput;
  prices: PriceTable;
  deployment: Deployment;
  /** What each option would serve: its architecture (and, inference components, scale to zero). */
  serve: (option: OptionId) => Serve;
}

/** Every option priced at the context's traffic, in the assessment's order. */
export function priceAll(ctx: CostContext, traffic: TrafficInput = ctx.traffic): PricedOption[] {
  return ctx.assessment.options.map((o) => priceOption(o, ctx, traffic));
}

/** A traffic scaled by a multiplier (average and peak alike). */
export function scaled(t: TrafficInput, m: number): TrafficInput {
  return { ...t, averageRps: t.averageRps * m, peakRps: t.peakRps * m };
}

/** The monthly cost of an option at m times the volume: Infinity when it no longer fits, null when unknown. */
function costAt(ctx: CostContext, p: PricedOption, m: number): number | null {
  const o = ctx.assessment.options.find((x) => x.option === p.option)!;
  const q = priceOption(o, ctx, scaled(ctx.traffic, m));
  if (!q.fits) return Infinity;
  return q.cost ? q.cost.monthlyUsd : null;
}

/** The cheapest option that fits, the runner-up, and the reasons (by how much; the break-even). */
export function chooseByCost(ctx: CostContext, priced: PricedOption[] = priceAll(ctx)): CostChoice {
  const { workload: w, assessment, answers: a } = ctx;
  const flowchart = assessment.recommendation?.option ?? null;
  const candidates = priced.filter((p) => competes(w, p, flowchart));
  if (candidates.length === 0) return { best: null, next: null, reasons: [], candidates: [], note: null, headline: null, regions: [] };
  const compared = candidates.map((p) => p.option);
  const unknown = candidates.filter((p) => p.cost === null);
  if (unknown.length > 0) {
    return {
      best: null,
      next: null,
      reasons: [],
      candidates: compared,
      note: `costs are unknown for ${unknown.map(optionLabel).join(', ')} (${[...new Set(unknown.flatMap((p) => p.unpriced))].join('; ')}), so the flowchart decides`,
      headline: null,
      regions: [],
    };
  }
  const sorted = [...candidates].sort((x, y) => x.cost!.monthlyUsd - y.cost!.monthlyUsd);
  const best = sorted[0]!;
  const next = sorted[1] ?? null;
  const reasons: Reason[] = [];
  const what = w.batch ? 'records' : 'requests';
  // The volume as the user wrote it (5M/day), and what it counts.
  const volume = formatVolume(a.requests, what);
  if (!next) {
    const others = priced.filter((p) => p.fits && !compared.includes(p.option));
    reasons.push(
      others.length === 0
        ? reason('cost.only-fit', `the only option that fits: about ${usd(best.cost!.monthlyUsd)} a month for ${volume}`, { option: best.option, monthlyUsd: best.cost!.monthlyUsd })
        : reason(
            'cost.only-compared-fit',
            `the only option compared that fits: about ${usd(best.cost!.monthlyUsd)} a month for ${volume} (${andList(others.map(optionLabel))} also fit${others.length === 1 ? 's' : ''}, but ${[...new Set(others.map((p) => notComparedWhy(w, p.option)))].join('; ')})`,
            { option: best.option, monthlyUsd: best.cost!.monthlyUsd },
          ),
    );
    return { best, next, reasons, candidates: compared, note: null, headline: others.length === 0 ? 'the only option that fits' : 'the only option compared that fits', regions: [] };
  }
  const diff = next.cost!.monthlyUsd - best.cost!.monthlyUsd;
  const pct = next.cost!.monthlyUsd > 0 ? Math.round((diff / next.cost!.monthlyUsd) * 100) : 0;
  reasons.push(
    reason('cost.cheapest', `cheapest option that fits: about ${usd(best.cost!.monthlyUsd)} a month, ${usd(diff)} (${pct}%) less than ${optionLabel(next)} at ${usd(next.cost!.monthlyUsd)}`, {
      option: best.option,
      monthlyUsd: best.cost!.monthlyUsd,
      next: next.option,
      nextMonthlyUsd: next.cost!.monthlyUsd,
    }),
  );
  const { regions, text } = breakEvenOf(ctx, candidates, what);
  reasons.push(text);
  return { best, next, reasons, candidates: compared, note: null, headline: 'the cheapest option that fits', regions };
}

/** Which option is cheapest from a thousandth to a thousand times the volume, and the reason that names the crossings within ten times. */
function breakEvenOf(ctx: CostContext, candidates: PricedOption[], what: string): { regions: BreakEven; text: Reason } {
  const a = ctx.answers;
  const perDay = a.requests.perSecond * 86_400;
  const byOption = new Map(candidates.map((p) => [p.option, p]));
  const cost = (o: OptionId, m: number) => costAt(ctx, byOption.get(o)!, m);
  // Instance counts step where the average load crosses a whole instance: every such step within
  // ten times the volume either way is a boundary (where the text names crossings); beyond that,
  // the scan's grid of 24 points a decade finds where the cheapest option changes.
  const util = limit('policy.target-utilisation');
  const near = { from: 0.1, to: 10 };
  const boundaries = candidates.flatMap((p) => (p.plan?.workers ? ceilBoundaries((ctx.traffic.averageRps * ctx.workload.processingSeconds) / (p.plan.workers * util), near, 1000) : []));
  const regions = breakEvenRegions(
    candidates.map((p) => p.option),
    cost,
    boundaries,
  );
  const list = regionsPerDay(regions, perDay);
  const at = (m: number) => `${formatCount(perDay * m)} ${what} a day`;
  const name = (o: OptionId | null) => (o ? optionLabel(byOption.get(o)!) : 'no option compared');
  const crossings = crossingsWithin(regions, 10);
  const best = candidates.reduce((x, y) => (y.cost!.monthlyUsd < x.cost!.monthlyUsd ? y : x));
  if (crossings.length === 0) {
    return { regions: list, text: reason('cost.stays-cheaper', `${optionLabel(best)} stays the cheapest from a tenth to ten times this volume (${at(0.1)} to ${at(10)})`, { option: best.option }) };
  }
  // A crossing where the cheaper option stops fitting is a limit, not a price.
  const stops = crossings.find((c) => c.from !== null && !Number.isFinite(cost(c.from, c.atMultiplier * 1.001) ?? Infinity));
  const inRange = regions.filter((r) => r.toMultiplier > 0.1 && r.fromMultiplier < 10);
  const parts = inRange.map((r, i) => {
    if (i === 0) return `${name(r.option)} is the cheapest below about ${at(r.toMultiplier)}`;
    if (i === inRange.length - 1) return `${name(r.option)} above it`;
    return `${name(r.option)} from there to about ${at(r.toMultiplier)}`;
  });
  const data = { option: best.option, crossings: crossings.length, firstAtPerDay: perDay * crossings[0]!.atMultiplier };
  if (stops && crossings.length === 1) {
    const beyond = priceOption(
      ctx.assessment.options.find((x) => x.option === stops.from)!,
      ctx,
      scaled(ctx.traffic, stops.atMultiplier * 1.01),
    );
    const cheaperBelow = stops.atMultiplier >= 1;
    return { regions: list, text: reason('cost.no-longer-fits', `${cheaperBelow ? 'above' : 'below'} about ${at(stops.atMultiplier)}, ${name(stops.from)} no longer fits (${beyond.reason}); ${name(stops.to)} does`, data) };
  }
  return { regions: list, text: reason('cost.break-even', `break-even: ${parts.join(', ')}`, data) };
}

/** Which option is cheapest, by volume: JSON's breakEven. */
export type BreakEven = Array<{ fromPerDay: number; toPerDay: number; option: OptionId | null }>;
