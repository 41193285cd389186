import { describe, expect, it } from 'vitest';
import { chooseByCost, priceAll, trafficFor, type CostAnswers, type CostContext } from '../../src/rules/advise/cost-choice';
import type { InstanceSpec } from '../../src/rules/advise/cost';
import { assess } from '../../src/rules/advise/engine';
import { BUILTIN_PRICES, emptyPrices } from '../../src/rules/facts/prices';
import { parseRate } from '../../src/rules/rate';
import type { Workload } from '../../src/rules/workload';

const base: Workload = {
  batch: false,
  payloadBytes: 10_000,
  processingSeconds: 0.8,
  latencySeconds: 30,
  traffic: 'sustained',
  streaming: false,
  modelSizeBytes: null,
  gpu: false,
  models: 1,
  frameworks: 1,
  pipeline: 1,
  contentType: null,
};
const answers = (requests: string, more: Partial<CostAnswers> = {}): CostAnswers => ({ requests: parseRate(requests), peak: null, requestBytes: 10_000, responseBytes: 10_000, deadlineSeconds: null, ...more });

function context(w: Workload, a: CostAnswers, instance: InstanceSpec, prices = BUILTIN_PRICES): CostContext {
  // The instance is pinned as --instance-type pins it; every option's plan runs on it.
  return { workload: w, assessment: assess(w), answers: a, traffic: trafficFor(w, a).traffic, prices, deployment: { instanceType: instance.type }, serve: (option) => ({ option, architecture: 'single-model' }) };
}
const m5xl: InstanceSpec = { type: 'ml.m5.xlarge', workers: 4, nvme: false };
const m5l: InstanceSpec = { type: 'ml.m5.large', workers: 2, nvme: false };

describe('trafficFor', () => {
  it('assumes the peak from the traffic pattern and the sizes from the payload and policy', () => {
    const w = { ...base, traffic: 'intermittent' as const };
    const { traffic, assumptions } = trafficFor(w, answers('20/s', { requestBytes: null, responseBytes: null }));
    expect(traffic).toEqual({ averageRps: 20, peakRps: 100, requestBytes: 10_000, responseBytes: 10_000 });
    expect(assumptions.join('\n')).toMatch(/peak 100\/s: 5 x the average for intermittent traffic/);
    expect(assumptions.join('\n')).toMatch(/average request 10 KB: the largest payload/);
  });

  it('a given peak is used (never below the average)', () => {
    expect(trafficFor(base, answers('20/s', { peak: parseRate('30/s') })).traffic.peakRps).toBe(30);
    expect(trafficFor(base, answers('20/s', { peak: parseRate('10/s') })).traffic.peakRps).toBe(20);
  });
});

describe('chooseByCost', () => {
  it('5M/day at 0.8 s: Serverless beats Real-Time by $492.37, and stops fitting above 9.71M a day', () => {
    const ctx = context(base, answers('5M/day'), m5xl);
    const priced = priceAll(ctx);
    expect(priced.find((p) => p.option === 'serverless')).toMatchObject({ variant: 'on-demand', fits: true, cost: { monthlyUsd: 2478.65 } });
    expect(priced.find((p) => p.option === 'real-time')).toMatchObject({ fits: true, instanceType: 'ml.m5.xlarge', cost: { monthlyUsd: 2971.02 } });
    const c = chooseByCost(ctx, priced);
    expect(c.best!.option).toBe('serverless');
    expect(c.next!.option).toBe('real-time');
    expect(c.reasons.map((r) => r.id)).toEqual(['cost.cheapest', 'cost.no-longer-fits']);
    expect(c.reasons[1]!.data).toMatchObject({ option: 'serverless', crossings: 1 });
    expect(c.reasons[0]!.text).toBe('cheapest option that fits: about $2,478.65 a month, $492.37 (17%) less than Real-Time Inference at $2,971.02');
    // MaxConcurrency 200 blocks under 1% up to 179.7 requests in flight (Erlang B): a peak of 179.7 / 0.8 s = 224.7/s,
    // an average of half that, 112.3/s, is 9.71M a day.
    expect(c.reasons[1]!.text).toMatch(
      /^above about 9\.71M requests a day, Serverless Inference no longer fits \(at the peak .*even Serverless's MaxConcurrency limit of 200 throttles 1(\.\d+)?% of requests, more than the 1% the policy allows \(Erlang B\)\); Real-Time Inference does$/,
    );
    // JSON's regions: Serverless below the crossing, Real-Time above it, up to 1000 times the volume.
    expect(c.regions.map((r) => r.option)).toEqual(['serverless', 'real-time']);
    expect(c.regions[0]!.fromPerDay).toBeCloseTo(5000, 6);
    expect(c.regions[0]!.toPerDay / 1e6).toBeCloseTo(9.706, 2);
    expect(c.regions[1]!.toPerDay).toBeCloseTo(5e9, 0);
  });

  it('1M/day at 0.2 s with a 3 GB model: Real-Time is cheaper above about 181k requests a day', () => {
    const w = { ...base, processingSeconds: 0.2, modelSizeBytes: 3e9 };
    const ctx = context(w, answers('1M/day'), m5l);
    const c = chooseByCost(ctx);
    // Real-Time: 2 x ml.m5.large x 730 h x $0.115 + 2 x 30 GB x $0.14; Serverless 4096 MB: 30.4M x 0.2 s x $0.00008
    expect(c.best).toMatchObject({ option: 'real-time', cost: { monthlyUsd: 176.3 + 9.06 } });
    expect(c.next).toMatchObject({ option: 'serverless', cost: { monthlyUsd: 486.67 + 9.06 } });
    // One instance ($88.15) equals Serverless at 88.15 / 486.67 x 1M = 181k a day.
    expect(c.reasons.map((r) => r.id)).toEqual(['cost.cheapest', 'cost.break-even']);
    expect(c.reasons[1]!.text).toBe('break-even: Serverless Inference is the cheapest below about 181k requests a day, Real-Time Inference above it');
  });

  it('an answer time below the cold-start tolerance makes Serverless with Provisioned Concurrency the candidate', () => {
    const w = { ...base, latencySeconds: 2, processingSeconds: 0.5, modelSizeBytes: 1.5e9 };
    const ctx = context(w, answers('2/s'), m5xl);
    const s = priceAll(ctx).find((p) => p.option === 'serverless')!;
    // Provisioned Concurrency covers the peak: 4/s x 0.5 s = 2 in flight spill 0.34% to a cold start with 7 units (1.2% with 6).
    expect(s).toMatchObject({ variant: 'provisioned-concurrency', fits: true, capacity: { memoryMB: 2048, provisionedConcurrency: 7 } });
    // 7 x 26.28 always on + 61.23 inference + data
    expect(s.cost!.breakdown.slice(0, 2).map((l) => l.usd)).toEqual([183.96, 61.23]);
  });

  it('asynchronous competes only when callers can wait for a queued result', () => {
    const timed = chooseByCost(context({ ...base, processingSeconds: 30 }, answers('1k/day'), m5xl));
    expect([timed.best!.option, timed.next!.option]).toEqual(['serverless', 'real-time']);
    expect(timed.candidates).not.toContain('async');
    // Callers wait for queued results: Async competes. Serverless ($18.25 + data) beats it: 1k jobs a day
    // (one every 86 s) never leave the queue empty for the 15 min scale-in delay, so Async is up all month.
    const queued = chooseByCost(context({ ...base, latencySeconds: null, processingSeconds: 30 }, answers('1k/day'), m5xl));
    expect(queued.candidates).toContain('async');
    expect(queued.best!.option).toBe('serverless');
    const async = priceAll(context({ ...base, latencySeconds: null, processingSeconds: 30 }, answers('1k/day'), m5xl)).find((p) => p.option === 'async')!;
    expect(async.cost!.breakdown[0]!.usd).toBe(167.9); // 730 h x $0.23
  });

  it('unknown prices leave the choice to the flowchart, and say why', () => {
    const c = chooseByCost(context(base, answers('5M/day'), m5xl, emptyPrices('ap-northeast-1', 'none')));
    expect(c.best).toBeNull();
    expect(c.note).toMatch(/^costs are unknown for .*so the flowchart decides$/);
  });

  it('batch: only Batch Transform competes; a deadline sets the instance count', () => {
    const w: Workload = { ...base, batch: true, latencySeconds: null, traffic: null, processingSeconds: 0.5 };
    const c = chooseByCost(context(w, answers('1M/day', { deadlineSeconds: 3600 }), m5xl));
    expect(c.best).toMatchObject({ option: 'batch-transform', capacity: { instanceCount: 38 } });
    // The per-request options also fit a batch job (the engine says so): "the only option that fits" would contradict Other options.
    expect(c.reasons.map((r) => r.id)).toEqual(['cost.only-compared-fit']);
    expect(c.reasons[0]!.text).toMatch(
      /^the only option compared that fits: about \$[\d,]+\.\d\d a month for [\d.,]+[kMB]? records an? (second|minute|hour|day|month) \(Real-Time Inference, Serverless Inference and Asynchronous Inference also fit, but an offline job is compared only with the options that run offline\)$/,
    );
    expect(c.headline).toBe('the only option compared that fits');
  });
});
