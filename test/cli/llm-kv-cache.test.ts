// A model that streams on a GPU (an LLM): the plan states the GPU memory its weights leave for the
// KV cache of the requests a copy serves at once. Hand-computed: ml.g6e.12xlarge has 4 x 45 GiB
// usable GPU memory; a 140 GB model (130.4 GiB) sharded over the 4 leaves 49.6 GiB for 32 requests
// (policy.concurrency-per-copy-llm), 1.55 GiB each.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';

const LLM = ['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '30s', '--latency', '1m', '--traffic', 'sustained', '--gpu', '--format', 'json'];
const choices = (args: string[]): string[] => {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).recommendation.plan.choices;
};

describe('the KV cache of an LLM', () => {
  it('140 GB on ml.g6e.12xlarge: 49.6 GiB left for 32 requests, 1.5 GiB each, in the plan and the file header', () => {
    const r = cli([...LLM, '--streaming', '--model-size', '140GB']);
    const out = JSON.parse(r.stdout);
    expect(out.recommendation.plan.instanceType).toBe('ml.g6e.12xlarge');
    const line = 'KV cache: one copy has 180 GiB of GPU memory; after the 140 GB of weights, about 49.6 GiB is left for the KV cache and activations of its 32 concurrent requests, about 1.5 GiB each';
    expect(out.recommendation.plan.choices.join('\n')).toContain(line);
    expect(out.config.files[0].content).toContain(line);
  });

  it('follows --concurrency-per-copy: 8 requests get 6.2 GiB each', () => {
    expect(choices([...LLM, '--streaming', '--model-size', '140GB', '--concurrency-per-copy', '8']).join('\n')).toContain('of its 8 concurrent requests, about 6.2 GiB each');
  });

  it('not for a model that does not stream', () => {
    expect(choices([...LLM, '--model-size', '16GB']).join('\n')).not.toContain('KV cache');
  });
});
