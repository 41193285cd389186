// Multi-model residency (issue 19). Headroom x1.2 (policy.memory-headroom); reloads at
// 100 MB/s (policy.model-load-throughput). Worked by hand beside each figure.
import { describe, expect, it } from 'vitest';
import { residency, residentBytes } from '../../../src/rules/advise/residency';
import { limit } from '../../../src/rules/facts/limits';

const GIB = 1024 ** 3;
const M5_LARGE = { memoryGiB: 8, gpus: 0, gpuMemoryGiB: 0 };
const base = { instances: 1, gpu: false, answerSeconds: 1, processingSeconds: 0.2 } as const;

it('the policy these figures assume', () => {
  expect([limit('policy.memory-headroom'), limit('policy.model-load-throughput')]).toEqual([1.2, 100e6]);
});

describe('resident models, counted without rounding errors', () => {
  it('four 2 GiB models in 9.6 GiB (4 x 2 x 1.2): four resident, not three', () => {
    // Rounding each need up to whole bytes gives 4 x 2,576,980,378 = 10,307,921,512 > 9.6 GiB = 10,307,921,510.4: three.
    const r = residency({ ...base, modelBytes: [2 * GIB, 2 * GIB, 2 * GIB, 2 * GIB], instance: { memoryGiB: 9.6, gpus: 0, gpuMemoryGiB: 0 } });
    expect(r).toMatchObject({ perInstance: 4, fleet: 4, hotFit: true, missShare: 0 });
    expect(4 * Math.round(2 * GIB * 1.2)).toBeGreaterThan(9.6 * GIB);
  });

  it('four 2 GB models in exactly 9.6 GB written as GiB (8.9407 GiB): four; one byte more each: three', () => {
    const gib = 9.6e9 / GIB;
    expect(residency({ ...base, modelBytes: [2e9, 2e9, 2e9, 2e9], instance: { memoryGiB: gib, gpus: 0, gpuMemoryGiB: 0 } }).perInstance).toBe(4);
    expect(residency({ ...base, modelBytes: [2e9 + 1, 2e9 + 1, 2e9 + 1, 2e9 + 1], instance: { memoryGiB: gib, gpus: 0, gpuMemoryGiB: 0 } }).perInstance).toBe(3);
    expect(residentBytes(gib)).toBe(8e9);
  });

  it('3,000 models of 50 MB on one ml.m5.large: 143 resident, 95.2% of requests reload, 21 instances hold them all', () => {
    // 8 GiB / 1.2 = 7,158,278,826 bytes / 50 MB = 143.2 -> 143; (3000 - 143) / 3000 = 0.95233; ceil(3000 / 143) = 21.
    // A reload: 50 MB / 100 MB/s = 0.5 s; + 0.2 s processing = 0.7 s within a 1 s answer.
    const r = residency({ ...base, modelBytes: Array(3000).fill(50e6), instance: M5_LARGE });
    expect(r).toMatchObject({ hot: 3000, perInstance: 143, fleet: 143, hotFit: false, instancesForHot: 21, largestFits: true, reloadSeconds: 0.5, reloadWithinAnswer: true });
    expect(r.missShare).toBeCloseTo(2857 / 3000, 12);
  });

  it('--hot-models: 100 of the 3,000 in regular use fit one instance', () => {
    const r = residency({ ...base, modelBytes: Array(3000).fill(50e6), hotModels: 100, instance: M5_LARGE });
    expect(r).toMatchObject({ hot: 100, perInstance: 100, fleet: 100, hotFit: true, missShare: 0, instancesForHot: 1 });
  });

  it('across the fleet: ten 3 GB models on two 16 GiB instances keep 8 loaded (4 each); 3 instances hold all', () => {
    // 16 GiB / 1.2 = 14,316,557,653 bytes: 4 x 3 GB = 12 GB fits, 5 x 3 GB = 15 GB does not.
    const r = residency({ ...base, modelBytes: Array(10).fill(3e9), instances: 2, instance: { memoryGiB: 16, gpus: 0, gpuMemoryGiB: 0 } });
    expect(r).toMatchObject({ perInstance: 4, fleet: 8, hotFit: false, missShare: 0.2, instancesForHot: 3 });
  });

  it('mixed sizes: the hot ones are the largest; smallest first counts the most resident', () => {
    // 8 GiB holds 7,158,278,826 bytes: 1 + 2 + 2 GB = 5 GB; adding 5 GB makes 10 GB: 3 per instance; two instances hold all four.
    const sizes = [5e9, 2e9, 2e9, 1e9];
    expect(residency({ ...base, modelBytes: sizes, instance: M5_LARGE })).toMatchObject({ perInstance: 3, fleet: 3, hotFit: false, instancesForHot: 2, missShare: 0.25 });
    expect(residency({ ...base, modelBytes: sizes, instances: 2, instance: M5_LARGE })).toMatchObject({ fleet: 4, hotFit: true });
    // One hot model: the largest, 5 GB, loads in 50 s: a 1 s answer cannot wait for it.
    expect(residency({ ...base, modelBytes: sizes, hotModels: 1, instance: M5_LARGE })).toMatchObject({ hot: 1, hotFit: true, reloadSeconds: 50, reloadWithinAnswer: false });
  });
});

describe('GPU multi-model endpoints: the same check on GPU memory', () => {
  const G5_XLARGE = { memoryGiB: 16, gpus: 1, gpuMemoryGiB: 23_028 / 1024 };

  it('five 15 GB models on one 22.5 GiB GPU: one resident, not five; five instances hold them', () => {
    // 22.49 GiB / 1.2 = 20.12 GB: one 15 GB model (two are 30 GB). Reload 15 GB / 100 MB/s = 150 s.
    const r = residency({ ...base, gpu: true, modelBytes: Array(5).fill(15e9), instance: G5_XLARGE, answerSeconds: 2 });
    expect(r).toMatchObject({ perInstance: 1, fleet: 1, hotFit: false, instancesForHot: 5, missShare: 0.8, reloadSeconds: 150, reloadWithinAnswer: false });
  });

  it('a model larger than one GPU does not fit at all; no answer time means no reload verdict', () => {
    const r = residency({ ...base, gpu: true, modelBytes: [30e9], instance: G5_XLARGE, answerSeconds: null });
    expect(r).toMatchObject({ largestFits: false, perInstance: 0, hotFit: false, instancesForHot: null, missShare: 1, reloadWithinAnswer: null });
  });
});
