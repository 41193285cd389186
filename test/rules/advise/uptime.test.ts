// The scale-to-zero up-time model (issue 19): hand-worked values and a seeded Monte-Carlo run.
import { describe, expect, it } from 'vitest';
import { canScaleToZero, uptime } from '../../../src/rules/advise/uptime';

const MONTH = 730 * 3600;

/** mulberry32: a small seeded PRNG, so the simulation is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Simulates the policy the model describes: a request at zero wakes the endpoint, which is billed
 * from the wake; from the end of start-up R it scales in G = D + p after the last request at or
 * after R (requests during start-up are served at R).
 */
function simulate(rate: number, d: number, s: number, p: number, horizon: number, seed: number) {
  const r = rng(seed);
  let t = 0;
  let upUntil = -Infinity; // scale-in time of the current up period
  let ready = -Infinity;
  let up = 0;
  let wakes = 0;
  let wokeAt = 0;
  for (;;) {
    t += -Math.log(1 - r()) / rate;
    if (t > horizon) break;
    if (t >= upUntil) {
      if (wakes > 0) up += upUntil - wokeAt;
      wakes++;
      wokeAt = t;
      ready = t + s;
      upUntil = ready + d + p;
    } else if (t >= ready) upUntil = t + d + p;
  }
  up += Math.min(upUntil, horizon) - wokeAt;
  return { upFraction: up / horizon, wakesPerHorizon: wakes };
}

describe('up-time of a scale-to-zero endpoint', () => {
  it('50 jobs a day, 15 min scale-in delay, no start-up: up 40.6% of the month, 903 wakes', () => {
    // λ = 50/86400 = 5.787e-4/s; λD = 0.5208; e^0.5208 = 1.6837.
    // up = (e^λD - 1)/λ = 0.6837 x 1728 s = 1181.0 s; cycle = e^λD/λ = 1.6837 x 1728 = 2909.3 s.
    // 1181.0 / 2909.3 = 0.4060; 2,628,000 s / 2909.3 s = 903.4 wakes.
    const u = uptime({ perSecond: 50 / 86_400, scaleInDelaySeconds: 900, startupSeconds: 0, monthSeconds: MONTH });
    expect(u.upFraction).toBeCloseTo(0.40597, 4);
    expect(u.wakesPerMonth).toBeCloseTo(903.41, 1);
    expect(u.meanUpSeconds).toBeCloseTo(1180.97, 1);
    expect(u.upSeconds).toBeCloseTo(0.40597 * MONTH, -2);
  });

  it('the same with a billed 10 min start-up per wake: about half the month (50.8%), not the busy hours', () => {
    // up = 600 + 1181.0 = 1781.0 s; cycle = 600 + 2909.3 = 3509.3 s; 1781.0 / 3509.3 = 0.5075; 2,628,000 / 3509.3 = 748.9 wakes.
    const u = uptime({ perSecond: 50 / 86_400, scaleInDelaySeconds: 900, startupSeconds: 600, monthSeconds: MONTH });
    expect(u.upFraction).toBeCloseTo(0.50755, 4);
    expect(u.wakesPerMonth).toBeCloseTo(748.94, 1);
    // Busy hours alone (50 jobs x 30 s) would be 1500 s / 86400 s = 1.7% of the day.
    expect(u.upFraction).toBeGreaterThan((20 * (50 * 30)) / 86_400);
  });

  it('processing time lengthens the gap that scales in: D + p', () => {
    const a = uptime({ perSecond: 1 / 3600, scaleInDelaySeconds: 540, processingSeconds: 60, startupSeconds: 300, monthSeconds: MONTH });
    // λG = 600/3600 = 1/6; up = 300 + (e^{1/6} - 1) x 3600 = 300 + 652.90 = 952.90 s; cycle = 300 + 4252.90 = 4552.90; 0.20929.
    expect(a.upFraction).toBeCloseTo(0.20929, 4);
    expect(a.wakesPerMonth).toBeCloseTo(577.21, 1);
  });

  it('no requests: never up; a rate that never leaves a gap: always up', () => {
    expect(uptime({ perSecond: 0, scaleInDelaySeconds: 900, startupSeconds: 600, monthSeconds: MONTH })).toEqual({ upFraction: 0, upSeconds: 0, wakesPerMonth: 0, meanUpSeconds: 0 });
    expect(uptime({ perSecond: 10, scaleInDelaySeconds: 900, startupSeconds: 600, monthSeconds: MONTH })).toMatchObject({ upFraction: 1, wakesPerMonth: 0 });
    expect(() => uptime({ perSecond: -1, scaleInDelaySeconds: 900, startupSeconds: 0, monthSeconds: MONTH })).toThrow(RangeError);
  });

  it.each([
    [50 / 86_400, 900, 600, 0],
    [1 / 3600, 540, 300, 60],
    [20 / 3600, 300, 120, 5],
  ])('agrees with a seeded Monte-Carlo run within 2%% (rate %f/s, D %d s, S %d s, p %d s)', (rate, d, s, p) => {
    const horizon = 4000 * 86_400;
    const sim = simulate(rate, d, s, p, horizon, 19);
    const model = uptime({ perSecond: rate, scaleInDelaySeconds: d, startupSeconds: s, processingSeconds: p, monthSeconds: horizon });
    expect(Math.abs(sim.upFraction - model.upFraction)).toBeLessThan(0.02);
    expect(Math.abs(sim.wakesPerHorizon / model.wakesPerMonth - 1)).toBeLessThan(0.02);
  });
});

describe('scale to zero only when the answer time absorbs the scale-out', () => {
  it('1 s answers cannot wait minutes for a copy; queued results and 30 min answers can', () => {
    expect(canScaleToZero(1, 600)).toEqual({ ok: false, reason: 'answer-time-too-short' });
    expect(canScaleToZero(1800, 600)).toEqual({ ok: true, reason: 'absorbs-scale-out' });
    expect(canScaleToZero(null, 600)).toEqual({ ok: true, reason: 'no-answer-time' });
  });
});
