// Queueing headroom (issue 19). Expected values were worked independently with the closed forms
// B(c, a) = (a^c / c!) / sum_{k<=c} a^k / k! and C(c, a) = (a^c/c! * c/(c-a)) / (sum_{k<c} a^k/k! + a^c/c! * c/(c-a))
// in a short Python script (factorials, not the recurrence the code uses).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, instancesAtPeak, meanWaitSeconds, provisionedConcurrency, serverlessMaxConcurrency, serversFor, shareOver, spill } from '../../../src/rules/advise/queueing';
import { limit } from '../../../src/rules/facts/limits';

describe('Erlang B and C', () => {
  it('Erlang B at a = 1.16 (shared/facts/sizing.md): 0.537, 0.2375, 0.0841, 0.0238, 0.00549', () => {
    expect(erlangB(0, 1.16)).toBe(1);
    expect(erlangB(1, 1.16)).toBeCloseTo(0.537037, 6); // 1.16 / 2.16
    expect(erlangB(2, 1.16)).toBeCloseTo(0.2375035, 6);
    expect(erlangB(3, 1.16)).toBeCloseTo(0.0841104, 6);
    expect(erlangB(4, 1.16)).toBeCloseTo(0.0238112, 6);
    expect(erlangB(5, 1.16)).toBeCloseTo(0.0054939, 6);
  });

  it('Erlang C(3, 2) = 4/9: (8/6 x 3) / (1 + 2 + 4) = 4 / 9', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    // At or above saturation every request waits.
    expect(erlangC(2, 2)).toBe(1);
    expect(erlangC(2, 3)).toBe(1);
    // Mean wait C S / (c - a) = (4/9) x 0.5 s / 1 = 0.222 s.
    expect(meanWaitSeconds(3, 2, 0.5)).toBeCloseTo(2 / 9, 12);
    expect(meanWaitSeconds(2, 2, 0.5)).toBe(Infinity);
  });

  it('stays finite and accurate at loads where factorials overflow (a = 5000, c = 5200)', () => {
    const b = erlangB(5200, 5000);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1e-3);
    // The normal approximation of square-root staffing: 5000 + 2.33 sqrt(5000) ~ 5165 slots keep Erlang B near 1%.
    const need = serversFor(5000, 0.01, 'loss')!;
    expect(need).toBeGreaterThan(5000);
    expect(need).toBeLessThan(5000 + 3 * Math.sqrt(5000));
  });
});

/** The recurrence from 0, as serversFor ran it before it started near the load: the oracle for the faster start. */
function serversForFromZero(load: number, target: number, model: 'loss' | 'wait', max = Infinity): number | null {
  if (load === 0) return 0;
  const stop = Math.min(max, Math.ceil(load + 40 * Math.sqrt(load) + 100));
  let b = 1;
  for (let n = 1; n <= stop; n++) {
    b = (load * b) / (n + load * b);
    const share = model === 'loss' ? b : load >= n ? 1 : b / (1 - (load / n) * (1 - b));
    if (share <= target) return n;
  }
  return null;
}

describe('large loads: the same answers as the recurrence from 0, in O(sqrt(a))', () => {
  it('serversFor and erlangB agree with the recurrence from 0 from a = 0.001 to a = 1e6', () => {
    for (const load of [0.001, 0.5, 1, 1.16, 2, 3.7, 10, 33.3, 100, 999.5, 5000, 12345.6, 100000, 1e6])
      for (const target of [0.001, 0.01, 0.05, 0.3, 0.9])
        for (const model of ['loss', 'wait'] as const) for (const max of [Infinity, Math.floor(load) + 2]) expect(serversFor(load, target, model, max), `${load} ${target} ${model} ${max}`).toBe(serversForFromZero(load, target, model, max));
    for (const [n, a] of [
      [5200, 5000],
      [4000, 5000],
      [1, 1e6],
      [1_000_000, 1e6],
      [1_003_000, 1e6],
      [50, 3.2],
    ] as const) {
      let b = 1;
      for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
      expect(erlangB(n, a) / b, `${n} ${a}`).toBeCloseTo(1, 9);
    }
  });

  it('a load of 1e8 Erlangs sizes in well under a second (it took minutes: recommend --requests 100000/s hung)', () => {
    const t0 = Date.now();
    const need = serversFor(1e8, limit('policy.queueing-target'), 'wait')!;
    const sized = instancesAtPeak({ peakPerSecond: 1e8, processingSeconds: 1, slotsPerInstance: 4 });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(need).toBeGreaterThan(1e8);
    expect(need).toBeLessThan(1e8 + 3 * 1e4);
    expect(sized.instances).toBe(Math.ceil(need / 4));
  });
});

describe('serversFor: the least slots under the target', () => {
  it('a = 1.16 at 1%: 5 slots (B(4) = 2.4% > 1%, B(5) = 0.55%)', () => {
    expect(serversFor(1.16, 0.01, 'loss')).toBe(5);
    expect(serversFor(1.16, 0.01, 'loss', 4)).toBeNull();
    expect(serversFor(0, 0.01, 'loss')).toBe(0);
  });

  it('wait model needs at least ceil(a) + 1 when a is whole: C(3, 2) = 0.44; a = 2 at 1% needs 6', () => {
    // Python: C(5, 2) = 0.0597, C(6, 2) = 0.0180, C(7, 2) = 0.0048 -> 7.
    expect(erlangC(6, 2)).toBeGreaterThan(0.01);
    expect(serversFor(2, 0.01, 'wait')).toBe(7);
  });

  it('rejects a target outside (0, 1) and a negative load', () => {
    expect(() => serversFor(1, 0, 'loss')).toThrow(RangeError);
    expect(() => serversFor(1, 1, 'loss')).toThrow(RangeError);
    expect(() => serversFor(-1, 0.01, 'loss')).toThrow(RangeError);
  });

  it('property: for random loads and targets the count meets the target and one fewer does not', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 2000, noNaN: true }), fc.double({ min: 0.0005, max: 0.5, noNaN: true }), fc.constantFrom('loss' as const, 'wait' as const), (load, target, model) => {
        const n = serversFor(load, target, model)!;
        expect(n).not.toBeNull();
        expect(shareOver(n, load, model)).toBeLessThanOrEqual(target);
        expect(shareOver(n - 1, load, model)).toBeGreaterThan(target);
      }),
      { numRuns: 300 },
    );
  });
});

describe('concurrencies the plan sets', () => {
  it('Serverless at 100k/day intermittent (x5 peak), 0.2 s: load 1.157, MaxConcurrency 5 not 2', () => {
    // Peak 100000 x 5 / 86400 = 5.787/s; x 0.2 s = 1.157 Erlangs. ceil(1.157) = 2 throttles B(2) = 23.7%.
    const peakPerSecond = (100_000 * 5) / 86_400;
    const s = serverlessMaxConcurrency({ peakPerSecond, processingSeconds: 0.2 });
    expect(s.load).toBeCloseTo(1.1574, 4);
    expect(s.count).toBe(5);
    expect(s.share).toBeLessThanOrEqual(0.01);
    expect(s.capped).toBe(false);
    expect(spill(2, { peakPerSecond, processingSeconds: 0.2 }, 'loss').share).toBeCloseTo(0.2369, 3);
  });

  it('Serverless MaxConcurrency stops at the API limit and says it is capped, with what spills', () => {
    const max = limit('serverless.max-concurrency');
    const s = serverlessMaxConcurrency({ peakPerSecond: 300, processingSeconds: 1 }); // 300 Erlangs > 200 slots
    expect(s.count).toBe(max);
    expect(s.capped).toBe(true);
    // B(200, 300) ~ 1 - 200/300 = 1/3 for a heavily overloaded loss system (Python: 0.3396).
    expect(s.share).toBeCloseTo(0.3396, 3);
    // A trickle still gets one slot.
    expect(serverlessMaxConcurrency({ peakPerSecond: 0.0001, processingSeconds: 0.1 }).count).toBe(1);
  });

  it('Provisioned Concurrency at 1M/day, 0.3 s, sustained (x2), 2 s answers: covers the peak with 14, not 4 or 7', () => {
    // Average 11.57/s, peak 23.15/s; peak load 6.944. Python: B(13) = 1.37%, B(14) = 0.674%.
    const pc = provisionedConcurrency({ peakPerSecond: (2 * 1e6) / 86_400, averagePerSecond: 1e6 / 86_400, processingSeconds: 0.3, coldStartAbsorbed: false });
    expect(pc.covers).toBe('peak');
    expect(pc.load).toBeCloseTo(6.944, 3);
    expect(pc.count).toBe(14);
    expect(pc.peakSpillShare).toBeCloseTo(0.006744, 5);
  });

  it('Provisioned Concurrency when cold starts are absorbed: the average under the target, and the peak spill to price', () => {
    // Average load 3.472: Python B(8, 3.472) = 1.64%, B(9, 3.472) = 0.63% -> 9; at the peak load 6.944, B(9) = 11.9% spills.
    const pc = provisionedConcurrency({ peakPerSecond: (2 * 1e6) / 86_400, averagePerSecond: 1e6 / 86_400, processingSeconds: 0.3, coldStartAbsorbed: true });
    expect(pc.covers).toBe('average');
    expect(pc.count).toBe(9);
    expect(pc.peakSpillShare).toBeCloseTo(0.11934, 4);
  });

  it('Provisioned Concurrency never exceeds MaxConcurrency', () => {
    const pc = provisionedConcurrency({ peakPerSecond: 23.15, averagePerSecond: 11.57, processingSeconds: 0.3, coldStartAbsorbed: false, maxConcurrency: 10 });
    expect(pc.count).toBe(10);
    expect(pc.capped).toBe(true);
  });

  it('LLM: 50k/day sustained, 90 s, 32 requests per copy, one copy per instance: 5 instances, not 75', () => {
    // Peak 2 x 50000 / 86400 = 1.157/s; load 104.17. Python: C(128, 104.17) = 1.49% > 1% -> 5 instances (160 slots).
    const s = instancesAtPeak({ peakPerSecond: (2 * 50_000) / 86_400, processingSeconds: 90, slotsPerInstance: 32 });
    expect(s.load).toBeCloseTo(104.17, 2);
    expect(s.instances).toBe(5);
    expect(s.count).toBe(160);
    expect(s.share).toBeLessThanOrEqual(0.01);
    expect(erlangC(128, s.load)).toBeCloseTo(0.0149, 3);
  });

  it('instances honour min and max; capped when max cannot meet the target', () => {
    expect(instancesAtPeak({ peakPerSecond: 0.01, processingSeconds: 1, slotsPerInstance: 4, min: 2 }).instances).toBe(2);
    const c = instancesAtPeak({ peakPerSecond: 100, processingSeconds: 1, slotsPerInstance: 4, max: 10 });
    expect(c).toMatchObject({ instances: 10, capped: true, share: 1 });
    expect(c.meanWaitSeconds).toBe(Infinity);
  });
});

describe('property: no concurrency the plan sets throttles or queues more than the target at the stated peak', () => {
  it('Serverless MaxConcurrency, Provisioned Concurrency and instances: share <= target unless an API limit caps the count, and then the count is the limit', () => {
    const target = limit('policy.queueing-target');
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 500, noNaN: true }), // peak requests/s
        fc.double({ min: 0.01, max: 120, noNaN: true }), // processing seconds
        fc.integer({ min: 1, max: 64 }), // slots per instance
        fc.boolean(),
        (peakPerSecond, processingSeconds, slotsPerInstance, coldStartAbsorbed) => {
          const t = { peakPerSecond, processingSeconds };
          const mc = serverlessMaxConcurrency(t);
          if (mc.capped) expect(mc.count).toBe(limit('serverless.max-concurrency'));
          else expect(mc.share).toBeLessThanOrEqual(target);
          const pc = provisionedConcurrency({ ...t, averagePerSecond: peakPerSecond / 2, coldStartAbsorbed, maxConcurrency: mc.count });
          expect(pc.count).toBeLessThanOrEqual(mc.count);
          if (!coldStartAbsorbed && !pc.capped) expect(pc.peakSpillShare).toBeLessThanOrEqual(target);
          const inst = instancesAtPeak({ ...t, slotsPerInstance, max: 10_000 });
          if (!inst.capped) {
            expect(inst.share).toBeLessThanOrEqual(target);
            if (inst.instances > 1) expect(erlangC((inst.instances - 1) * slotsPerInstance, inst.load)).toBeGreaterThan(target);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
