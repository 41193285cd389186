import { describe, expect, it } from 'vitest';
import { chooseByCost, priceAll, trafficFor, type CostAnswers, type CostContext } from '../../src/rules/cost-choice';
import type { InstanceSpec } from '../../src/rules/cost';
import { assess } from '../../src/rules/engine';
import { BUILTIN_PRICES, emptyPrices } from '../../src/rules/prices';
import { parseRate } from '../../src/rules/rate';
import type { Workload } from '../../src/rules/workload';

const base: Workload = {
  batch: false, payloadBytes: 10_000, processingSeconds: 0.8, latencySeconds: 30, traffic: 'sustained', streaming: false, modelSizeBytes: null,
  gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null,
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
  it('5M/day at 0.8 s: Serverless beats Real-Time by $492.37, and stops fitting above 10.8M a day', () => {
    const ctx = context(base, answers('5M/day'), m5xl);
    const priced = priceAll(ctx);
    expect(priced.find((p) => p.option === 'serverless')).toMatchObject({ variant: 'on-demand', fits: true, cost: { monthlyUsd: 2478.65 } });
    expect(priced.find((p) => p.option === 'real-time')).toMatchObject({ fits: true, instanceType: 'ml.m5.xlarge', cost: { monthlyUsd: 2971.02 } });
    const c = chooseByCost(ctx, priced);
    expect(c.best!.option).toBe('serverless');
    expect(c.next!.option).toBe('real-time');
    expect(c.reasons.map((r) => r.id)).toEqual(['cost.cheapest', 'cost.no-longer-fits']);
    expect(c.reasons[1]!.data).toMatchObject({ option: 'serverless', next: 'real-time', bestWins: 'below' });
    expect(c.reasons[0]!.text).toBe('cheapest option that fits: about $2,478.65 a month, $492.37 (17%) less than Real-Time Inference at $2,971.02');
    // peak 115.7/s x 2.16 x 0.8 s passes 200 concurrent requests at about 10.8M a day
    expect(c.reasons[1]!.text).toMatch(/^above about 10\.8M requests a day, Serverless Inference no longer fits \(peak concurrency \d+ .* above Serverless's MaxConcurrency limit of 200\); Real-Time Inference does$/);
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
    expect(c.reasons[1]!.text).toBe('break-even: Real-Time Inference is cheaper above about 181k requests a day; Serverless Inference below it');
  });

  it('an answer time below the cold-start tolerance makes Serverless with Provisioned Concurrency the candidate', () => {
    const w = { ...base, latencySeconds: 2, processingSeconds: 0.5, modelSizeBytes: 1.5e9 };
    const ctx = context(w, answers('2/s'), m5xl);
    const s = priceAll(ctx).find((p) => p.option === 'serverless')!;
    expect(s).toMatchObject({ variant: 'provisioned-concurrency', fits: true, capacity: { memoryMB: 2048, provisionedConcurrency: 1 } });
    // 26.28 always on + 61.23 inference + data
    expect(s.cost!.breakdown.slice(0, 2).map((l) => l.usd)).toEqual([26.28, 61.23]);
  });

  it('asynchronous competes only when callers can wait for a queued result', () => {
    const timed = chooseByCost(context({ ...base, processingSeconds: 30 }, answers('1k/day'), m5xl));
    expect([timed.best!.option, timed.next!.option]).toEqual(['serverless', 'real-time']);
    // Callers wait for queued results: Serverless ($18.25 + data) beats Async (90.5 busy hours x $0.23 + storage).
    const queued = chooseByCost(context({ ...base, latencySeconds: null, processingSeconds: 30 }, answers('1k/day'), m5xl));
    expect([queued.best!.option, queued.next!.option]).toEqual(['serverless', 'async']);
    expect(queued.next!.cost!.breakdown[0]!.usd).toBe(20.82);
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
    expect(c.reasons[0]!.text).toMatch(/^the only option compared that fits: about \$[\d,]+\.\d\d a month for [\d.,]+[kMB]? records an? (second|minute|hour|day|month) \(Real-Time Inference, Serverless Inference and Asynchronous Inference also fit, but an offline job is compared only with the options that run offline\)$/);
    expect(c.headline).toBe('the only option compared that fits');
  });
});
