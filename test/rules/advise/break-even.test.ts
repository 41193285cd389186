// Break-even as regions (issue 19): step cost curves that cross several times.
import { describe, expect, it } from 'vitest';
import { breakEvenRegions, ceilBoundaries, crossingsWithin, regionsPerDay, stepBoundaries, type CostAt } from '../../../src/rules/advise/break-even';

describe('the 1.5 GB / 800 ms example of the issue', () => {
  // Test inputs (not the price table): Real-Time on ml.m5.large, 2 vCPUs at 70%: instances = ceil(perDay / 86400 x 0.8 / 1.4),
  // $0.115 x 730 h + 30 GB x $0.14 = $88.15 each. Serverless 2048 MB: perDay x 365/12 x 0.8 s x $0.00004 = perDay x $0.00097333.
  // Data charges are the same for both and cancel.
  //   Serverless = one instance: 88.15 / 0.00097333 = 90,565 a day.
  //   One instance ends at 1.4 x 86400 / 0.8 = 151,200 a day (Serverless $147.17 < two instances $176.30).
  //   Serverless = two instances: 176.30 / 0.00097333 = 181,130 a day; from then on Real-Time (at 302,400: $294.34 vs 3 x $88.15 = $264.45).
  const BASE = 100_000;
  const perInstanceAtOne = (BASE / 86_400) * (0.8 / 1.4);
  const costAt: CostAt<'serverless' | 'real-time'> = (o, m) => {
    const perDay = BASE * m;
    return o === 'serverless' ? perDay * (365 / 12) * 0.8 * 0.00004 : Math.max(1, Math.ceil((perDay / 86_400) * (0.8 / 1.4))) * 88.15;
  };

  it('Serverless below 90.6k, Real-Time 90.6k-151.2k, Serverless 151.2k-181.1k, Real-Time above', () => {
    const regions = breakEvenRegions(['serverless', 'real-time'], costAt, ceilBoundaries(perInstanceAtOne));
    expect(regions.map((r) => r.option)).toEqual(['serverless', 'real-time', 'serverless', 'real-time']);
    const perDay = regionsPerDay(regions, BASE);
    expect(perDay[0]!.fromPerDay).toBeCloseTo(100, 6);
    expect(perDay[0]!.toPerDay).toBeCloseTo(90_565.07, 1);
    expect(perDay[1]!.toPerDay).toBeCloseTo(151_200, 1);
    expect(perDay[2]!.toPerDay).toBeCloseTo(181_130.14, 1);
    expect(perDay[3]!.toPerDay).toBeCloseTo(100_000_000, 0);
    // Every region joins the next.
    for (let i = 1; i < regions.length; i++) expect(regions[i]!.fromMultiplier).toBe(regions[i - 1]!.toMultiplier);
  });

  it('the same with the boundaries derived from the capacity function by bisection', () => {
    const capacity = (m: number) => Math.max(1, Math.ceil(((BASE * m) / 86_400) * (0.8 / 1.4)));
    const b = stepBoundaries(capacity);
    // ceil(k m) steps at m = j / k: 1/k = 1.512, 2/k = 3.024, ... up to 1000 (661 steps).
    expect(b.length).toBe(ceilBoundaries(perInstanceAtOne).length);
    expect(b[0]).toBeCloseTo(1.512, 9);
    expect(b[1]).toBeCloseTo(3.024, 9);
    const regions = breakEvenRegions(['serverless', 'real-time'], costAt, b);
    expect(regions.map((r) => +(r.toMultiplier * BASE).toFixed(0))).toEqual([90_565, 151_200, 181_130, 100_000_000]);
  });

  it('the text names every crossing within 10 times the volume', () => {
    const regions = breakEvenRegions(['serverless', 'real-time'], costAt, ceilBoundaries(perInstanceAtOne));
    expect(crossingsWithin(regions).map((c) => [+(c.atMultiplier * BASE).toFixed(0), c.from, c.to])).toEqual([
      [90_565, 'serverless', 'real-time'],
      [151_200, 'real-time', 'serverless'],
      [181_130, 'serverless', 'real-time'],
    ]);
    // Within 1.7 times, the last crossing (1.81x) is left out.
    expect(crossingsWithin(regions, 1.7)).toHaveLength(2);
  });
});

describe('more crossings, options that stop fitting, and ties', () => {
  // A: $10 per unit of volume (linear). B: $25 per block of 2 units (step). C: $70 flat, fits only up to 8 units.
  // On block k, (2k-2, 2k], B = 25k while A = 10m <= 20k: B never wins.
  // C = 70 beats A where 10m > 70 (m > 7), and B there (on (6, 8] B = 100): C from 7 to 8. Above 8 C does not fit: A again.
  const costAt: CostAt<'a' | 'b' | 'c'> = (o, m) => (o === 'a' ? 10 * m : o === 'b' ? 25 * Math.ceil(m / 2) : m <= 8 ? 70 : null);

  it('A, then C between 7 and 8, then A again once C stops fitting', () => {
    const regions = breakEvenRegions(['a', 'b', 'c'], costAt, [...ceilBoundaries(0.5), 8], { from: 0.1, to: 20 });
    expect(regions.map((r) => [r.option, +r.fromMultiplier.toFixed(9), +r.toMultiplier.toFixed(9)])).toEqual([
      ['a', 0.1, 7],
      ['c', 7, 8],
      ['a', 8, 20],
    ]);
  });

  it('a step function that undercuts a line inside each step: B = 12 per block of 2 vs A = 8 per unit', () => {
    // On (2k-2, 2k]: B = 12k, A = 8m: A < B where m < 1.5k. k=1: (0, 1.5) A, (1.5, 2] B; k=2: (2, 3) A, (3, 4] B; k=3: (4, 4.5) A, (4.5, 6] B.
    const steps: CostAt<'a' | 'b'> = (o, m) => (o === 'a' ? 8 * m : 12 * Math.ceil(m / 2));
    const regions = breakEvenRegions(['a', 'b'], steps, ceilBoundaries(0.5, { from: 0.5, to: 6 }), { from: 0.5, to: 6 });
    expect(regions.map((r) => [r.option, +r.toMultiplier.toFixed(9)])).toEqual([
      ['a', 1.5],
      ['b', 2],
      ['a', 3],
      ['b', 4],
      ['a', 4.5],
      ['b', 6],
    ]);
  });

  it('nothing fits: a null region; equal costs go to the earlier option', () => {
    const none: CostAt<'x'> = (_, m) => (m < 2 ? 1 : Infinity);
    expect(breakEvenRegions(['x'], none, [2], { from: 1, to: 4 }).map((r) => [r.option, r.fromMultiplier, r.toMultiplier])).toEqual([
      ['x', 1, 2],
      [null, 2, 4],
    ]);
    const tie: CostAt<'p' | 'q'> = () => 5;
    expect(breakEvenRegions(['p', 'q'], tie, []).map((r) => r.option)).toEqual(['p']);
  });

  it('stepBoundaries: a capacity that stops fitting marks a boundary; a flat one has none', () => {
    const pc = (m: number) => (m > 50 ? null : Math.ceil(4 * m)); // PC units ceil(4m), no fit above 50x
    const b = stepBoundaries(pc, { from: 1, to: 100 });
    expect(b.length).toBe(196 + 1); // steps at 1.25 .. 50 (4m from 4 to 200), then the stop at 50
    expect(b[0]).toBeCloseTo(1, 9); // ceil(4 x 1) = 4 becomes 5 just after 1
    expect(b.at(-1)).toBeCloseTo(50, 9);
    expect(stepBoundaries(() => 3)).toEqual([]);
  });
});
