import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peakFactor, type InstanceSpec, type TrafficInput } from '../../src/rules/advise/cost';
import { asyncEstimate, asyncScalesToZero } from '../../src/rules/advise/options/async';
import { batchEstimate } from '../../src/rules/advise/options/batch-transform';
import { icEstimate } from '../../src/rules/advise/options/inference-components';
import { realTimeEstimate } from '../../src/rules/advise/options/real-time';
import { serverlessEstimate } from '../../src/rules/advise/options/serverless';
import { BUILTIN_PRICES, emptyPrices } from '../../src/rules/facts/prices';

const MONTH_S = 730 * 3600;
const GIB = 1024 ** 3;
const m5xl: InstanceSpec = { type: 'ml.m5.xlarge', workers: 4, nvme: false };
const g5xl: InstanceSpec = { type: 'ml.g5.xlarge', workers: 1, nvme: true };
const perDay = (n: number) => n / 86400;
const traffic = (averageRps: number, peakRps = averageRps * 2, requestBytes = 10_000, responseBytes = 10_000): TrafficInput => ({ averageRps, peakRps, requestBytes, responseBytes });
const item = (c: { breakdown: { item: string; usd: number }[] } | null, re: RegExp) => c!.breakdown.find((l) => re.test(l.item))?.usd;

/** Data charges at $0.016/GB in and out, for requests a month of 10,000 bytes each way. */
const dataUsd = (requests: number) => Math.round(((requests * 10_000) / GIB) * 0.016 * 100) / 100;

describe('Real-Time with inference components, scaled to zero', () => {
  it('bills the instances only the share of the month they are up: each wake bills 5 min of start-up and stays up 25 min after the last request', () => {
    // 20 requests a day (rate 2.315e-4/s), 2 s each: G = 1,500 + 2 s; up = S + (e^(rate G) - 1)/rate = 300 + 1,796 s,
    // cycle = S + e^(rate G)/rate = 300 + 6,116 s: up 32.7% of 730 h on one ml.g5.xlarge ($1.408/h, local NVMe).
    const input = { instance: g5xl, initialInstances: 1, maxInstances: 1, copies: 1, maxCopies: 1, scaleToZero: true, traffic: traffic(perDay(20)), processingSeconds: 2, modelSizeBytes: null };
    const zero = icEstimate(input, BUILTIN_PRICES);
    const rate = perDay(20);
    const up = (300 + Math.expm1(rate * 1502) / rate) / (300 + Math.exp(rate * 1502) / rate);
    expect(up).toBeCloseTo(0.3267, 3);
    expect(zero.upFraction).toBeCloseTo(up, 10);
    const warm = icEstimate({ ...input, scaleToZero: false }, BUILTIN_PRICES);
    const warmHours = item(warm.cost, /instance-hours/)!;
    expect(item(zero.cost, /instance-hours/)).toBeCloseTo(warmHours * up, 1);
    expect(zero.capacity).toMatchObject({ minInstances: 0, maxInstances: 1 });
    expect(zero.cost!.assumptions[0]).toMatch(/^scales to zero: up 33% of the month: each request that finds it at zero wakes it \(5 min billed start-up\), and it stays up until 25 min pass without a request/);
    // Busy traffic never idles 25 minutes: the saving vanishes.
    const busy = { ...input, traffic: traffic(perDay(100_000)) };
    expect(icEstimate(busy, BUILTIN_PRICES).cost!.monthlyUsd).toBeCloseTo(icEstimate({ ...busy, scaleToZero: false }, BUILTIN_PRICES).cost!.monthlyUsd, 1);
  });
});

describe('Real-Time', () => {
  // 5M requests a day = 57.87/s; peak x2 = 115.74/s; 0.8 s each on 4 workers at 70%.
  const e = realTimeEstimate({ instance: m5xl, processingSeconds: 0.8, traffic: traffic(perDay(5e6)), modelSizeBytes: null }, BUILTIN_PRICES);

  it('sizes the fleet: ceil(rate x time / (workers x 70%)) for the average and the peak', () => {
    // ceil(57.87 x 0.8 / 2.8) = ceil(16.53) = 17; ceil(115.74 x 0.8 / 2.8) = ceil(33.07) = 34
    expect(e.capacity).toEqual({ initialInstanceCount: 17, minInstances: 17, maxInstances: 34, targetInvocationsPerInstance: 210 });
  });

  it('prices instance-hours, storage and data', () => {
    expect(item(e.cost, /instance-hours/)).toBe(2854.3); // 17 x 730 h x $0.23
    expect(item(e.cost, /ML storage/)).toBe(71.4); // 30 GB x 17 x $0.14
    const requests = perDay(5e6) * MONTH_S; // 152,083,333
    expect(item(e.cost, /data in/)).toBe(dataUsd(requests)); // 1,416 GB x $0.016 = $22.66
    expect(item(e.cost, /data in/)).toBe(22.66);
    expect(e.cost!.monthlyUsd).toBe(2854.3 + 71.4 + 22.66 + 22.66);
    expect(e.cost!.assumptions.join('\n')).toMatch(/730 hours/);
  });

  it('keeps at least one instance for a trickle, and a GPU type with NVMe has no storage line', () => {
    const small = realTimeEstimate({ instance: g5xl, processingSeconds: 0.1, traffic: traffic(perDay(100)), modelSizeBytes: null }, BUILTIN_PRICES);
    expect(small.capacity!.minInstances).toBe(1);
    expect(item(small.cost, /instance-hours/)).toBe(1027.84); // 730 x $1.408
    expect(item(small.cost, /ML storage/)).toBeUndefined();
  });

  it('a model larger than the default volume gets a larger volume', () => {
    const big = realTimeEstimate({ instance: { ...m5xl, type: 'ml.m5.4xlarge', workers: 16 }, processingSeconds: 1, traffic: traffic(1), modelSizeBytes: 40 * GIB }, BUILTIN_PRICES);
    expect(item(big.cost, /ML storage/)).toBe(5.6); // 40 GB x 1 x $0.14
  });

  it('an unpriced type gives an unknown cost, never 0', () => {
    const u = realTimeEstimate({ instance: { type: 'ml.m5d.xlarge', workers: 4, nvme: true }, processingSeconds: 1, traffic: traffic(1), modelSizeBytes: null }, BUILTIN_PRICES);
    expect(u.cost).toBeNull();
    expect(u.unpriced).toEqual(['ml.m5d.xlarge Hosting ($/h)']);
    expect(u.capacity).not.toBeNull();
  });

  it('a Region without prices gives unknown costs', () => {
    const u = realTimeEstimate({ instance: m5xl, processingSeconds: 1, traffic: traffic(1), modelSizeBytes: null }, emptyPrices('ap-northeast-1', 'none'));
    expect(u.cost).toBeNull();
    expect(u.unpriced.length).toBeGreaterThan(1);
  });
});

describe('Serverless', () => {
  it('bills requests x duration x the per-second price of the memory, plus data', () => {
    const e = serverlessEstimate({ memoryMB: 1024, processingSeconds: 0.8, traffic: traffic(perDay(5e6)), provisioned: false }, BUILTIN_PRICES);
    const requests = perDay(5e6) * MONTH_S;
    // 152,083,333 x 0.8 s x $0.00002 = $2,433.33
    expect(item(e.cost, /^compute/)).toBe(2433.33);
    expect(e.cost!.monthlyUsd).toBe(Math.round((2433.33 + 2 * dataUsd(requests)) * 100) / 100);
    // peak 115.74/s x 0.8 s = 92.6 requests in flight: Erlang B gives 1.008% blocked at 109, 0.842% at 110
    expect(e.capacity).toEqual({ memoryMB: 1024, maxConcurrency: 110, provisionedConcurrency: null });
  });

  it('bills per millisecond, rounded up', () => {
    const e = serverlessEstimate({ memoryMB: 2048, processingSeconds: 0.0004, traffic: traffic(1000, 1000), provisioned: false }, BUILTIN_PRICES);
    expect(item(e.cost, /^compute/)).toBe(105.12); // 2,628,000,000 requests x 0.001 s (not 0.0004 s) x $0.00004
  });

  it('fits while the MaxConcurrency limit of 200 throttles under 1% at the peak (a load up to about 179.7), not above', () => {
    const at = serverlessEstimate({ memoryMB: 1024, processingSeconds: 1, traffic: traffic(90, 179.7), provisioned: false }, BUILTIN_PRICES);
    expect(at.fits).toBe(true);
    expect(at.capacity!.maxConcurrency).toBe(200);
    const above = serverlessEstimate({ memoryMB: 1024, processingSeconds: 1, traffic: traffic(90, 179.8), provisioned: false }, BUILTIN_PRICES);
    expect(above.fits).toBe(false);
    expect(above.cost).toBeNull();
    expect(above.reason).toMatch(/even Serverless's MaxConcurrency limit of 200 throttles 1(\.\d+)?% of requests, more than the 1% the policy allows/);
  });

  it('MaxConcurrency is never below the default for the traffic pattern (it costs nothing until used)', () => {
    const e = serverlessEstimate({ memoryMB: 1024, processingSeconds: 0.8, traffic: traffic(perDay(100_000), perDay(500_000)), provisioned: false, floor: 10 }, BUILTIN_PRICES);
    // peak 5.79/s x 0.8 s = 4.6 in flight: 11 keep blocking under 1% (Erlang B 0.51%; 10 gives 1.2%)
    expect(e.capacity!.maxConcurrency).toBe(11);
    expect(serverlessEstimate({ memoryMB: 1024, processingSeconds: 0.2, traffic: traffic(perDay(1000)), provisioned: false, floor: 10 }, BUILTIN_PRICES).capacity!.maxConcurrency).toBe(10);
  });

  it('with Provisioned Concurrency: sized to cover the peak, its always-on charge shown', () => {
    // peak 4/s x 0.5 s = 2 in flight: 7 spill under 1% of requests to a cold start (Erlang B 0.34%; 6 gives 1.2%).
    const e = serverlessEstimate({ memoryMB: 2048, processingSeconds: 0.5, traffic: traffic(2), provisioned: true }, BUILTIN_PRICES);
    expect(e.capacity).toEqual({ memoryMB: 2048, maxConcurrency: 7, provisionedConcurrency: 7 });
    expect(item(e.cost, /Provisioned Concurrency 7 x 730 h/)).toBe(183.96); // 7 x 2,628,000 s x $0.00001
    expect(item(e.cost, /under Provisioned Concurrency/)).toBe(61.23); // 2,628,000 s x $0.0000233
    expect(item(e.cost, /above it/)).toBeUndefined();
  });

  it('Provisioned Concurrency is at least 1 for a trickle, and covers the peak under load', () => {
    const trickle = serverlessEstimate({ memoryMB: 1024, processingSeconds: 0.2, traffic: traffic(perDay(1000)), provisioned: true }, BUILTIN_PRICES);
    expect(trickle.capacity!.provisionedConcurrency).toBe(1);
    const busy = serverlessEstimate({ memoryMB: 1024, processingSeconds: 0.5, traffic: traffic(5), provisioned: true }, BUILTIN_PRICES);
    expect(busy.capacity!.provisionedConcurrency).toBe(11); // peak 10/s x 0.5 s = 5 in flight: Erlang B 0.83% at 11, 1.8% at 10
    // derived (grade D) PC prices for sizes other than 2 GB are named under the assumptions
    expect(busy.cost!.assumptions.join('\n')).toMatch(/derived/);
  });
});

describe('Asynchronous', () => {
  // 1,000 requests a day of 60 s on 4 workers at 70%.
  const input = { instance: m5xl, processingSeconds: 60, traffic: traffic(perDay(1000)), modelSizeBytes: null };
  const busyHours = (perDay(1000) * MONTH_S * 60) / 4 / 0.7 / 3600; // 181.05 h

  it('scales to zero when callers wait for queued results: pays the up-time, each job keeping it up for the scale-in delay', () => {
    // 1,000 jobs a day (one every 86 s) never leave the queue empty 15 min: up all month, not the 181 busy hours.
    const e = asyncEstimate({ ...input, latencySeconds: null }, BUILTIN_PRICES);
    expect(e.capacity).toEqual({ initialInstanceCount: 1, minInstances: 0, maxInstances: 1, backlogPerInstance: 5 });
    expect(busyHours).toBeCloseTo(181.05, 1);
    expect(item(e.cost, /instance-hours/)).toBe(167.9); // 730 h x $0.23
    // 50 jobs a day: G = 15 min + 60 s, S = 10 min; up = S + (e^(rate G) - 1)/rate over a cycle S + e^(rate G)/rate = 52.2% of the month.
    const rate = perDay(50);
    const up = (600 + Math.expm1(rate * 960) / rate) / (600 + Math.exp(rate * 960) / rate);
    expect(up).toBeCloseTo(0.5216, 4);
    const few = asyncEstimate({ ...input, traffic: traffic(rate), latencySeconds: null }, BUILTIN_PRICES);
    expect(item(few.cost, /instance-hours/)).toBe(Math.round(up * 730 * 0.23 * 100) / 100); // $87.57, not the $4.52 of 9 busy hours
    expect(few.cost!.breakdown[0]!.item).toMatch(/^1 instance up 52% of the month: /);
  });

  it('keeps one instance up when callers cannot wait for a scale-out from zero (boundary: 10 min)', () => {
    expect(asyncScalesToZero(10 * 60)).toBe(false);
    expect(asyncScalesToZero(10 * 60 + 1)).toBe(true);
    const e = asyncEstimate({ ...input, latencySeconds: 5 * 60 }, BUILTIN_PRICES);
    expect(e.capacity!.minInstances).toBe(1);
    expect(item(e.cost, /instance-hours/)).toBe(167.9); // 730 h x $0.23
    expect(e.cost!.assumptions.join('\n')).toMatch(/keeps 1 instance running/);
    expect(e.cost!.breakdown[0]!.item).toMatch(/^1 instance kept up all month: /);
    // Busier than one instance all month: the line counts busy hours, and says so.
    const busy = asyncEstimate({ ...input, latencySeconds: 5 * 60, traffic: { ...input.traffic, averageRps: input.traffic.averageRps * 100, peakRps: input.traffic.peakRps * 100 } }, BUILTIN_PRICES);
    expect(busy.cost!.breakdown[0]!.item).toMatch(/^busy instances \(at least 1 up\): /);
  });
});

describe('Batch Transform', () => {
  // 1M records a day, 0.5 s each, 4 workers per ml.m5.xlarge, 5 min start-up per job.
  const input = { instance: m5xl, processingSeconds: 0.5, recordsPerSecond: perDay(1e6), periodSeconds: 86400 };
  const runs = MONTH_S / 86400; // 30.4167

  it('without a deadline, finishes each run within the run interval', () => {
    const e = batchEstimate({ ...input, deadlineSeconds: null }, BUILTIN_PRICES);
    // ceil(500,000 worker-s / (4 x (86,400 - 300) s)) = ceil(1.45) = 2; run = 500,000 / 8 + 300 = 62,800 s
    expect(e.capacity).toEqual({ instanceCount: 2, runsPerMonth: runs, recordsPerRun: 1e6, runSeconds: 62_800 });
    expect(e.cost!.monthlyUsd).toBe(Math.round(((runs * 2 * 62_800) / 3600) * 0.23 * 100) / 100);
    expect(e.cost!.monthlyUsd).toBe(244.08);
  });

  it('a deadline sets InstanceCount', () => {
    const e = batchEstimate({ ...input, deadlineSeconds: 3600 }, BUILTIN_PRICES);
    // ceil(500,000 / (4 x 3,300)) = ceil(37.88) = 38
    expect(e.capacity!.instanceCount).toBe(38);
    expect(e.capacity!.runSeconds).toBeLessThanOrEqual(3600);
    expect(e.cost!.monthlyUsd).toBe(Math.round(((runs * 38 * (500_000 / 152 + 300)) / 3600) * 0.23 * 100) / 100);
  });

  it('the deadline boundary: 100 instances fit, 101 do not', () => {
    // 500,000 / (4 x (d - 300)) = 100 at d = 1,550 s
    expect(batchEstimate({ ...input, deadlineSeconds: 1550 }, BUILTIN_PRICES).capacity!.instanceCount).toBe(100);
    const over = batchEstimate({ ...input, deadlineSeconds: 1549 }, BUILTIN_PRICES);
    expect(over.fits).toBe(false);
    expect(over.reason).toMatch(/needs 101 instances .* at most 100/);
  });

  it('a deadline no longer than the start-up does not fit', () => {
    const e = batchEstimate({ ...input, deadlineSeconds: 300 }, BUILTIN_PRICES);
    expect(e.fits).toBe(false);
    expect(e.reason).toMatch(/not longer than a job's start-up/);
  });

  it('a volume per second is gathered into hourly runs', () => {
    const e = batchEstimate({ ...input, recordsPerSecond: 2, periodSeconds: 1, deadlineSeconds: null }, BUILTIN_PRICES);
    expect(e.capacity!.runsPerMonth).toBe(730);
    expect(e.capacity!.recordsPerRun).toBe(7200);
  });
});

describe('peak factors (policy)', () => {
  it('depend on the traffic pattern', () => {
    expect(peakFactor('sustained')).toBe(2);
    expect(peakFactor('intermittent')).toBe(5);
    expect(peakFactor('unpredictable')).toBe(10);
  });
});

describe('property: more volume never lowers a monthly estimate', () => {
  const rate = fc.double({ min: 1e-4, max: 50, noNaN: true });
  const pair = fc.tuple(rate, rate).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
  const proc = fc.double({ min: 0.001, max: 50, noNaN: true });
  const factor = fc.double({ min: 1, max: 10, noNaN: true });

  it('Real-Time, Serverless (with and without PC) and Async', () => {
    fc.assert(
      fc.property(pair, proc, factor, fc.boolean(), fc.constantFrom(null, 5, 3600), ([lo, hi], p, f, pc, latency) => {
        const est = (r: number) => [
          realTimeEstimate({ instance: m5xl, processingSeconds: p, traffic: traffic(r, r * f), modelSizeBytes: null }, BUILTIN_PRICES).cost,
          serverlessEstimate({ memoryMB: 3072, processingSeconds: p, traffic: traffic(r, r * f), provisioned: pc }, BUILTIN_PRICES).cost,
          asyncEstimate({ instance: m5xl, processingSeconds: p, traffic: traffic(r, r * f), latencySeconds: latency, modelSizeBytes: null }, BUILTIN_PRICES).cost,
        ];
        const a = est(lo);
        const b = est(hi);
        for (const [i, ca] of a.entries()) {
          const cb = b[i];
          if (ca && cb) expect(cb.monthlyUsd).toBeGreaterThanOrEqual(ca.monthlyUsd);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Batch Transform, with and without a deadline', () => {
    fc.assert(
      fc.property(pair, fc.double({ min: 0.001, max: 5, noNaN: true }), fc.constantFrom(null, 1800, 4 * 3600), fc.constantFrom(3600, 86400, MONTH_S), ([lo, hi], p, deadline, period) => {
        const est = (r: number) => batchEstimate({ instance: m5xl, processingSeconds: p, recordsPerSecond: r, periodSeconds: period, deadlineSeconds: deadline }, BUILTIN_PRICES).cost;
        const a = est(lo);
        const b = est(hi);
        if (a && b) expect(b.monthlyUsd).toBeGreaterThanOrEqual(a.monthlyUsd);
      }),
      { numRuns: 300 },
    );
  });
});
