// The instance catalog of issue 19 (item 8): every current family the API accepts, specs from a
// sourced table, prices sourced or unknown, Neuron devices kept apart from NVIDIA GPUs.
import { describe, expect, it } from 'vitest';
import { HOSTING_INSTANCE_TYPES, TRANSFORM_INSTANCE_TYPES } from '../../src/rules/facts/api';
import { assess } from '../../src/rules/advise/engine';
import { chooseInstance } from '../../src/rules/advise/instance-choice';
import { acceptedFor, familyOf, instance, INSTANCES, NOT_IN_CATALOG, noInstanceHolds, runsCudaContainers, SPEC_SOURCES } from '../../src/rules/facts/instances';
import { BUILTIN_PRICES, instancePrice, UNPRICED } from '../../src/rules/facts/prices';
import type { Workload } from '../../src/rules/workload';

const GB = 1e9;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const gpuWorkload: Workload = { batch: false, payloadBytes: 1e6, processingSeconds: 1, latencySeconds: 30, traffic: 'sustained', modelSizeBytes: null, gpu: true, models: 1, frameworks: 1, pipeline: 1, contentType: null, streaming: false };
const choose = (over: Partial<Workload>, given: string | null = null) => {
  const w = { ...gpuWorkload, ...over };
  // A model too large to start has no recommendation (issue 24): the chooser is asked for Real-Time.
  return chooseInstance(w, assess(w).recommendation ?? { option: 'real-time', architecture: 'single-model' }, BUILTIN_PRICES, given);
};

describe('the catalog covers the current families the API accepts', () => {
  const apiTypes = [...new Set([...HOSTING_INSTANCE_TYPES, ...TRANSFORM_INSTANCE_TYPES])];

  it.each(['inf2', 'g6e', 'g7e', 'p4de', 'p5', 'p5e', 'p5en', 'm7i', 'c7i', 'r7i'])('every %s type of the API model is in the catalog', (f) => {
    const want = apiTypes.filter((t) => familyOf(t) === f).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(
      INSTANCES.filter((i) => familyOf(i.type) === f)
        .map((i) => i.type)
        .sort(),
    ).toEqual(want);
  });

  it('g7 is in the API model but left out, with the reason', () => {
    expect(apiTypes.some((t) => familyOf(t) === 'g7')).toBe(true);
    expect(INSTANCES.some((i) => familyOf(i.type) === 'g7')).toBe(false);
    expect(NOT_IN_CATALOG.g7).toMatch(/no sourced specs/);
  });

  it('every catalog type is accepted by the API model for its uses (hosting, and transform where the API lists it)', () => {
    for (const i of INSTANCES) {
      expect(acceptedFor(i.type, 'hosting') || acceptedFor(i.type, 'transform'), i.type).toBe(true);
      expect(acceptedFor(i.type, 'transform')).toBe(TRANSFORM_INSTANCE_TYPES.has(i.type));
    }
    // inf2 and g6e run transform jobs as well; p5 and g7e host only.
    expect(acceptedFor('ml.inf2.xlarge', 'transform')).toBe(true);
    expect(acceptedFor('ml.g6e.xlarge', 'transform')).toBe(true);
    expect(acceptedFor('ml.p5.48xlarge', 'transform')).toBe(false);
  });

  it('every family has a spec source (URL and ISO date), and specs are whole and consistent', () => {
    for (const i of INSTANCES) {
      const s = SPEC_SOURCES[familyOf(i.type)];
      expect(s, i.type).toBeDefined();
      expect(s!.url).toMatch(/^https:\/\//);
      expect(s!.checked).toMatch(ISO);
      expect(i.vcpu).toBeGreaterThan(0);
      expect(i.memoryGiB).toBeGreaterThan(0);
      expect(i.accelerators === 0).toBe(i.accelerator === 'none');
      if (i.accelerator === 'nvidia') expect([i.gpus, i.gpuMemoryGiB]).toEqual([i.accelerators, i.acceleratorMemoryGiB]);
    }
  });

  it('hand-checked specs of the new families', () => {
    expect(instance('ml.p4de.24xlarge')).toMatchObject({ vcpu: 96, memoryGiB: 1152, gpus: 8, gpuMemoryGiB: 80, nvme: true, accelerator: 'nvidia' });
    expect(instance('ml.p5.4xlarge')).toMatchObject({ vcpu: 16, memoryGiB: 256, gpus: 1, nvme: true });
    expect(instance('ml.p5e.48xlarge')!.gpus * instance('ml.p5e.48xlarge')!.gpuMemoryGiB).toBeCloseTo((8 * 143771) / 1024, 6);
    expect(instance('ml.g7e.12xlarge')).toMatchObject({ vcpu: 48, memoryGiB: 512, gpus: 2 });
    expect(instance('ml.c7i.48xlarge')).toMatchObject({ vcpu: 192, memoryGiB: 384, gpus: 0, nvme: false, accelerator: 'none' });
    expect(instance('ml.r7i.large')).toMatchObject({ vcpu: 2, memoryGiB: 16 });
    expect(instance('ml.m7i.24xlarge')).toMatchObject({ vcpu: 96, memoryGiB: 384 });
  });
});

describe('inf2 has Neuron devices, not NVIDIA GPUs', () => {
  it('is modelled as Neuron: no GPUs, 1-12 Inferentia2 chips of 32 GiB, EBS storage', () => {
    expect(instance('ml.inf2.xlarge')).toMatchObject({ gpus: 0, gpuMemoryGiB: 0, accelerator: 'neuron', accelerators: 1, acceleratorMemoryGiB: 32, nvme: false });
    expect(instance('ml.inf2.48xlarge')).toMatchObject({ accelerators: 12, vcpu: 192, memoryGiB: 768 });
    expect(runsCudaContainers('ml.inf2.xlarge')).toBe(false);
    expect(runsCudaContainers('ml.g5.xlarge')).toBe(true);
    expect(runsCudaContainers('ml.m5.large')).toBe(false);
    expect(runsCudaContainers('ml.unknown.xlarge')).toBeNull();
  });

  it('a GPU container is never put on inf2: not chosen, and a given inf2 type is a no-gpu problem', () => {
    for (const size of [null, 1 * GB, 20 * GB, 60 * GB]) expect(choose({ modelSizeBytes: size }).type).not.toMatch(/inf2/);
    expect(choose({ modelSizeBytes: 5 * GB }, 'ml.inf2.xlarge').problems).toEqual([{ id: 'no-gpu' }]);
  });
});

describe('prices: sourced, or unknown (never 0)', () => {
  it('every built-in price has a source and an ISO date, and is above 0', () => {
    for (const use of ['hosting', 'async', 'batch'] as const) {
      for (const [t, p] of Object.entries(BUILTIN_PRICES[use])) {
        expect(p.usd, t).toBeGreaterThan(0);
        expect(p.source.length, t).toBeGreaterThan(10);
        expect(p.asOf, t).toMatch(ISO);
      }
    }
  });

  it('every catalog type is priced or listed as unknown with a reason', () => {
    for (const i of INSTANCES) {
      const p = instancePrice(BUILTIN_PRICES, 'hosting', i.type);
      if (p) expect(UNPRICED[i.type], i.type).toBeUndefined();
      else expect(UNPRICED[i.type], i.type).toMatch(/price/);
    }
  });

  it('prices every g6e size and inf2 from the stored sources (pricing facts, JB 2026-04-21)', () => {
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.g6e.xlarge')).toMatchObject({ usd: 2.6054, asOf: '2026-04-21' });
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.g6e.48xlarge')!.usd).toBe(37.664);
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.inf2.xlarge')!.usd).toBe(0.99);
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.p5e.48xlarge')).toBeNull();
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.c7i.large')).toBeNull();
  });
});

describe('instance choice with the new catalog', () => {
  it('a 25 GB model gets ml.g6e.xlarge ($2.6054/h), cheaper than ml.g6e.2xlarge ($2.8026/h)', () => {
    const c = choose({ modelSizeBytes: 25 * GB });
    expect(c.type).toBe('ml.g6e.xlarge');
    expect(c.how).toBe('cheapest-that-holds');
    expect(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.g6e.xlarge')!.usd).toBeLessThan(instancePrice(BUILTIN_PRICES, 'hosting', 'ml.g6e.2xlarge')!.usd);
  });

  it('a 7 TB model: no instance holds it, and the chooser says so (largest-none-holds)', () => {
    const c = choose({ modelSizeBytes: 7000 * GB });
    expect(c.how).toBe('largest-none-holds');
    expect(c.fit!.holds).toBe(false);
    expect(noInstanceHolds(c.needBytes, true, 'hosting')).toBe(true);
    expect(noInstanceHolds(7000 * GB * 1.2, false, 'transform')).toBe(true);
    // The engine rules every instance option out with the same finding.
    const a = assess({ ...gpuWorkload, modelSizeBytes: 7000 * GB });
    expect(a.recommendation).toBeNull();
    for (const o of a.options.filter((x) => x.option !== 'serverless'))
      expect(
        o.checks.find((c) => !c.pass && /no GPU instance type in the catalog holds the model/.test(c.message)),
        o.option,
      ).toBeDefined();
  });

  it('a 140 GB model is held (sharded over GPUs), and a 700 GB one only by the H200 types', () => {
    expect(noInstanceHolds(140 * GB * 1.2, true, 'hosting')).toBe(false);
    expect(choose({ modelSizeBytes: 140 * GB }).how).toBe('cheapest-that-holds');
    const big = choose({ modelSizeBytes: 700 * GB });
    expect(big.how).toBe('cheapest-that-holds');
    expect(big.type).toMatch(/^ml\.p5en?\.48xlarge$|^ml\.p5e\.48xlarge$/);
    // Held, but it cannot start within the longest start-up timeout (an estimated 700 x 20 s).
    const rt = assess({ ...gpuWorkload, modelSizeBytes: 700 * GB }).options.find((o) => o.option === 'real-time')!;
    expect(rt.fits).toBe(false);
    expect(rt.checks.find((c) => c.limit === 'model.startup-timeout-max')).toMatchObject({ pass: false, value: 14000, limitValue: 3600 });
  });
});
