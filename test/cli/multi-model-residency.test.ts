// Multi-model endpoints whose callers cannot wait for a reload (issue 19's "many models"): with
// --hot-models, the plan keeps the models in regular use loaded, and its cost, files and quotas
// say the same count. Hand-computed: ml.m5.large has 8 GiB; a 2 GB model needs 2e9 x 1.2 bytes
// (policy.memory-headroom), so 3 fit (7.16e9 bytes); 40 hot models need ceil(40 / 3) = 14
// instances. A reload takes 2 GB / 100 MB/s (policy.model-load-throughput) = 20 s.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';

const MME = ['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '200ms', '--traffic', 'sustained', '--models', '200', '--model-size', '2GB'];
const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('multi-model residency sizing', () => {
  it('a reload longer than the answer time: the minimum keeps the 40 hot models loaded (14 x ml.m5.large), in the plan, the files and the quotas', () => {
    const r = json([...MME, '--latency', '5s', '--hot-models', '40']);
    const plan = r.recommendation.plan;
    expect(plan.instanceType).toBe('ml.m5.large');
    expect(plan.instances).toEqual({ initial: 14, min: 14, max: 14 });
    expect(plan.quotas.map((q: { name: string; value: number }) => [q.name, q.value])).toEqual([['ml.m5.large for endpoint usage', 14]]);
    const template = r.config.files[0].content as string;
    expect(template).toMatch(/InitialInstanceCount: 14\n/);
    expect(template).toMatch(/MinCapacity: 14\n/);
    expect(template).toContain("InitialInstanceCount and minimum 14: at least 14 instances keep the 40 models in regular use loaded (3 per instance's memory): a reload from S3 takes 20 s, more than the 5 s answer time");
    expect(template).not.toContain('find their model unloaded');
    // The volume holds the models in regular use: 40 x 2 GB x 2 (policy.volume-headroom) = 160 GB.
    expect(plan.volumeGB).toBe(160);
  });

  it('priced: the cost is for the 14 instances the plan deploys, and says why more than the rate needs', () => {
    const r = json([...MME, '--latency', '5s', '--hot-models', '40', '--requests', '2M/day']);
    const { plan, cost } = r.recommendation;
    expect(plan.instances.min).toBe(14);
    expect(cost.breakdown[0].item).toMatch(/^14 x ml\.m5\.large all month/);
    expect(cost.assumptions).toContain("14 instances rather than the 4 the rate needs: at least 14 instances keep the 40 models in regular use loaded (3 per instance's memory): a reload from S3 takes 20 s, more than the 5 s answer time");
    expect(r.config.files[0].content).toMatch(/InitialInstanceCount: 14\n/);
  });

  it('a reload within the answer time: no floor, one instance, and the reloads are stated', () => {
    const r = json([...MME, '--latency', '1m', '--hot-models', '40']);
    expect(r.recommendation.plan.instances.min).toBe(1);
    expect(r.config.warnings.join('\n')).toContain('wait 20 s to load the largest from S3, within the 1 min answer time');
  });

  it('without --hot-models: warned, not multiplied; the volume is the largest the API allows, and unused models are deleted from it', () => {
    const r = json([...MME, '--latency', '5s']);
    const plan = r.recommendation.plan;
    expect(plan.instances.min).toBe(1);
    expect(r.config.warnings.join('\n')).toContain('67 instances would keep them all loaded (give --hot-models if fewer are in regular use)');
    expect(plan.volumeGB).toBe(512);
    expect(r.config.files[0].content).toContain(
      'VolumeSizeInGB 512, the most the API allows: ml.m5.large has no local NVMe storage, and every model the endpoint may load (200 x 2 GB) need about 800 GB with headroom; SageMaker deletes unused models from the volume when it is full',
    );
    expect(r.config.warnings.join('\n')).not.toMatch(/ML storage/);
  });
});
