import { describe, expect, it } from 'vitest';
import { makePlan } from '../../src/rules/advise/plan-option';
import { assess } from '../../src/rules/advise/engine';
import { candidates, chooseInstance, fitOn } from '../../src/rules/advise/instance-choice';
import { BUILTIN_PRICES, instancePrice } from '../../src/rules/facts/prices';
import { CATALOG_SOURCES, instance } from '../../src/rules/facts/instances';
import type { Workload } from '../../src/rules/workload';

const GB = 1e9;
const base: Workload = { batch: false, payloadBytes: 1e6, processingSeconds: 1, latencySeconds: 30, traffic: 'sustained', modelSizeBytes: null, gpu: true, models: 1, frameworks: 1, pipeline: 1, contentType: null, streaming: false };
const plan = (over: Partial<Workload>, d = {}) => {
  const w = { ...base, ...over };
  return makePlan(assess(w).recommendation!, w, d);
};

describe('GPU memory is usable memory', () => {
  it('a T4 exposes 15 GiB, with its source in the catalog', () => {
    expect(instance('ml.g4dn.xlarge')!.gpuMemoryGiB).toBe(15);
    expect(instance('ml.g5.xlarge')!.gpuMemoryGiB).toBeLessThan(24);
    expect(CATALOG_SOURCES.join(' ')).toMatch(/modal-client\/pull\/2797/);
  });

  it('a 14 GB model with 20% headroom does not fit ml.g4dn.xlarge', () => {
    const g4dn = instance('ml.g4dn.xlarge')!;
    expect(fitOn(g4dn, 14 * GB * 1.2, true).holds).toBe(false);
    const p = plan({ modelSizeBytes: 14 * GB });
    expect(p.instanceType).not.toBe('ml.g4dn.xlarge');
    expect(p.instance!.gpus * p.instance!.gpuMemoryGiB * 1024 ** 3).toBeGreaterThanOrEqual(14 * GB * 1.2);
    // Given anyway: a warning, in one unit.
    const given = plan({ modelSizeBytes: 14 * GB }, { instanceType: 'ml.g4dn.xlarge' });
    expect(given.warnings.join('\n')).toMatch(/ml\.g4dn\.xlarge may be too small: a 14 GB model needs about 15\.6 GiB of GPU memory; ml\.g4dn\.xlarge has 16 GiB, 1 x 15 GiB usable GPU memory/);
  });
});

describe('models larger than one GPU', () => {
  it('a 140 GB model on ml.g5.48xlarge is one copy sharded over 8 GPUs, not 8 workers', () => {
    const w = { ...base, modelSizeBytes: 140 * GB };
    const c = chooseInstance(w, assess(w).recommendation!, BUILTIN_PRICES, 'ml.g5.48xlarge');
    expect(c.fit).toMatchObject({ holds: true, gpusPerCopy: 8, copies: 1 });
    const p = plan({ modelSizeBytes: 140 * GB }, { instanceType: 'ml.g5.48xlarge' });
    expect(p.warnings.join('\n')).toMatch(/must be sharded across 8 GPUs \(tensor parallel\).*LMI.*TGI.*runs 1 copy/);
    expect(p.choices.join('\n')).toMatch(/x 1 worker\)/);
    expect(p.choices.join('\n')).not.toMatch(/x 8 workers/);
  });

  it('counts the copies that fit: a 30 GB model on ml.g5.12xlarge (4 x 22.5 GiB) is 2 copies of 2 GPUs', () => {
    const w = { ...base, modelSizeBytes: 30 * GB };
    expect(chooseInstance(w, assess(w).recommendation!, BUILTIN_PRICES, 'ml.g5.12xlarge').fit).toMatchObject({ holds: true, gpusPerCopy: 2, copies: 2 });
  });

  it('a model that fits one GPU runs one copy per GPU and says nothing of sharding', () => {
    const p = plan({ modelSizeBytes: 2 * GB }, { instanceType: 'ml.g5.12xlarge' });
    expect(p.warnings.join('\n')).not.toMatch(/sharded/);
    expect(p.choices.join('\n')).toMatch(/x 4 workers\)/);
  });

  it('with no type given, the generator picks a type and says when it must shard', () => {
    const p = plan({ modelSizeBytes: 100 * GB });
    expect(p.instance!.gpus).toBeGreaterThan(1);
    expect(p.warnings.join('\n')).toMatch(/must be sharded across \d GPUs/);
  });

  it('GPU: picks the cheapest type that holds the model, not the one with the least GPU memory', () => {
    // A 14 GB model needs 16.8 GB with headroom: a 16 GB V100 (ml.p3.2xlarge, $3.825/h) holds it,
    // and so does a 24 GB L4 (ml.g6.xlarge, $1.1267/h).
    const w = { ...base, modelSizeBytes: 14 * GB };
    const c = chooseInstance(w, assess(w).recommendation!, BUILTIN_PRICES);
    expect(c).toMatchObject({ type: 'ml.g6.xlarge', how: 'cheapest-that-holds' });
    expect(chooseInstance(w, assess(w).recommendation!, BUILTIN_PRICES, 'ml.p3.2xlarge').fit!.holds).toBe(true);
    // An unpriced type is not assumed cheap: priced holders come first.
    const list = candidates(w, assess(w).recommendation!, BUILTIN_PRICES);
    const firstUnpriced = list.findIndex((i) => instancePrice(BUILTIN_PRICES, 'hosting', i.type) === null);
    expect(list.slice(firstUnpriced).every((i) => instancePrice(BUILTIN_PRICES, 'hosting', i.type) === null)).toBe(true);
  });

  it('CPU: still the smallest type that holds the model', () => {
    const w = { ...base, gpu: false, modelSizeBytes: 500e6 };
    expect(chooseInstance(w, assess(w).recommendation!, BUILTIN_PRICES)).toMatchObject({ type: 'ml.m5.large', how: 'smallest-that-holds' });
  });
});
