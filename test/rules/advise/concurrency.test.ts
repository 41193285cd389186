// Concurrency per copy (issue 19): copies from GPU memory (fitOn), slots, throughput and targets.
import { describe, expect, it } from 'vitest';
import { copiesPerInstance, copyThroughput, instanceSlots, targetConcurrentRequestsPerCopy, targetInvocationsPerInstance } from '../../../src/rules/advise/concurrency';
import { instance } from '../../../src/rules/facts/instances';
import { limit } from '../../../src/rules/facts/limits';

const type = (t: string) => instance(t)!;

it('the LLM default is the LMI default batch (32), and the policy says where it comes from', () => {
  expect(limit('policy.concurrency-per-copy-llm')).toBe(32);
  expect(limit('policy.target-utilisation')).toBe(0.7);
});

describe('copies per instance from GPU memory (sharded models)', () => {
  it('a 140 GB model on ml.g6.48xlarge (8 x L4, 22.49 GiB each): one copy over 8 GPUs', () => {
    // 140 GB x 1.2 = 168 GB; 4 GPUs hold 4 x 23,034 MiB = 96.6 GB (too little), 8 hold 193.2 GB.
    expect(copiesPerInstance(type('ml.g6.48xlarge'), 140e9)).toEqual({ holds: true, gpusPerCopy: 8, copies: 1 });
  });

  it('a 16 GB model on ml.g6.12xlarge (4 x L4): a copy per GPU; 30 GB: a copy per 2 GPUs', () => {
    // 16 GB x 1.2 = 19.2 GB <= 24.15 GB; 30 GB x 1.2 = 36 GB <= 2 x 24.15 GB.
    expect(copiesPerInstance(type('ml.g6.12xlarge'), 16e9)).toEqual({ holds: true, gpusPerCopy: 1, copies: 4 });
    expect(copiesPerInstance(type('ml.g6.12xlarge'), 30e9)).toEqual({ holds: true, gpusPerCopy: 2, copies: 2 });
    expect(copiesPerInstance(type('ml.g6.12xlarge'), 120e9).holds).toBe(false);
  });
});

describe('slots of an instance and its throughput', () => {
  it('the 70B chat model: 1 copy x 32 = 32 at once; 32 / 90 s = 0.356/s; target 14 invocations a minute', () => {
    const s = instanceSlots({ instance: type('ml.g6.48xlarge'), modelBytes: 140e9, gpu: true, streaming: true, processingSeconds: 90 });
    expect(s).toMatchObject({ copies: 1, gpusPerCopy: 8, concurrencyPerCopy: 32, source: 'llm-policy', slots: 32 });
    expect(s.perSecond).toBeCloseTo(32 / 90, 12);
    // 60 x 32 / 90 = 21.33 a minute; x 0.7 = 14.93 -> 14 (the old target said 1 of "an estimated 0").
    expect(targetInvocationsPerInstance(s, 90)).toBe(14);
  });

  it('--concurrency-per-copy replaces the default; 4 copies x 64 = 256 slots', () => {
    const s = instanceSlots({ instance: type('ml.g6.12xlarge'), modelBytes: 16e9, gpu: true, streaming: true, processingSeconds: 10, concurrencyPerCopy: 64 });
    expect(s).toMatchObject({ copies: 4, concurrencyPerCopy: 64, source: 'given', slots: 256 });
    expect(s.perSecond).toBeCloseTo(25.6, 12);
    // Inference components: ConcurrentRequestsPerCopy 64 x 0.7 = 44.8 -> 44.
    expect(targetConcurrentRequestsPerCopy(64)).toBe(44);
    expect(targetConcurrentRequestsPerCopy(1)).toBe(1);
  });

  it('a GPU model that does not stream: one request per copy', () => {
    expect(instanceSlots({ instance: type('ml.g6.12xlarge'), modelBytes: 16e9, gpu: true, streaming: false, processingSeconds: 1 })).toMatchObject({ copies: 4, concurrencyPerCopy: 1, source: 'one-per-copy', slots: 4 });
  });

  it('CPU: a worker per vCPU, as many as memory holds', () => {
    // ml.m5.large: 2 vCPUs, 8 GiB. A 1 GB model (1.2 GB each): min(2, 7) = 2 workers. A 4 GB model (4.8 GB): 1 worker.
    expect(instanceSlots({ instance: type('ml.m5.large'), modelBytes: 1e9, gpu: false, streaming: false, processingSeconds: 0.5 })).toMatchObject({ copies: 1, concurrencyPerCopy: 2, source: 'cpu-workers', slots: 2, perSecond: 4 });
    expect(instanceSlots({ instance: type('ml.m5.large'), modelBytes: 4e9, gpu: false, streaming: false, processingSeconds: 0.5 })).toMatchObject({ slots: 1 });
    expect(instanceSlots({ instance: type('ml.m5.large'), modelBytes: null, gpu: false, streaming: false, processingSeconds: 0.5, concurrencyPerCopy: 8 })).toMatchObject({ slots: 8, source: 'given' });
    expect(instanceSlots({ instance: type('ml.m5.large'), modelBytes: 20e9, gpu: false, streaming: false, processingSeconds: 0.5 })).toMatchObject({ copies: 0, slots: 0, perSecond: 0 });
  });

  it('copyThroughput = concurrency / time', () => {
    expect(copyThroughput({ processingSeconds: 90, concurrencyPerCopy: 32 })).toBeCloseTo(0.35556, 5);
    expect(() => copyThroughput({ processingSeconds: 0, concurrencyPerCopy: 1 })).toThrow(RangeError);
  });
});
