// --model-sizes (issue 14): one size per model, for inference components.
import { describe, expect, it } from 'vitest';
import { answerProblems } from '../../src/cli/inputs';
import { cli } from './helpers';

const GPU = ['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '2s', '--latency', '10s', '--traffic', 'sustained', '--gpu', '--format', 'json'];
const json = (args: string[]) => JSON.parse(cli(args).stdout);

describe('--model-sizes', () => {
  it('the text Workload line names every model size, not only the largest', () => {
    const t = cli([...GPU.slice(0, -2), '--model-sizes', '30GB,8GB']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^Workload: sustained traffic, 1 MB payloads, 2 s processing, answers within 10 s, 2 models \(30 GB \+ 8 GB\), GPU$/m);
    const one = cli([...GPU.slice(0, -2), '--model-size', '30GB']);
    expect(one.stdout).toMatch(/^Workload: .*, 30 GB model, GPU$/m);
  });

  it('GPU models of different sizes get inference components, each sized on its own', () => {
    const j = json([...GPU, '--model-sizes', '14GB,2GB']);
    expect(j.recommendation).toMatchObject({ option: 'real-time', architecture: 'inference-components' });
    expect(j.recommendation.reasons.join('\n')).toMatch(/2 GPU models of different sizes \(2 GB to 14 GB\)/);
    const t = j.config.files[0].content as string;
    const mem = [...t.matchAll(/MinMemoryRequiredInMb: (\d+)/g)].map((m) => Number(m[1]));
    expect(mem).toHaveLength(2);
    expect(mem[0]).toBeGreaterThan(mem[1]!);
  });

  it('the same sizes on GPU stay on a multi-model endpoint; the count of models follows the list', () => {
    const j = json([...GPU, '--model-sizes', '2GB,2GB,2GB']);
    expect(j.recommendation.architecture).toBe('multi-model');
  });

  it('CPU models far apart in size get components; close ones share a multi-model endpoint', () => {
    const cpu = GPU.filter((a) => a !== '--gpu');
    expect(json([...cpu, '--model-sizes', '8GB,1GB']).recommendation.architecture).toBe('inference-components');
    expect(json([...cpu, '--model-sizes', '3GB,1GB']).recommendation.architecture).toBe('multi-model');
  });

  it('sizes must have units, and match --models', () => {
    expect(answerProblems({ modelSizes: '2GB,3' })[0]).toMatchObject({ key: 'modelSizes' });
    expect(answerProblems({ models: 3, modelSizes: '2GB,3GB' })[0]).toMatchObject({ key: 'modelSizes', message: '2 sizes for 3 models (--models); give one size per model' });
    const r = cli([...GPU, '--models', '3', '--model-sizes', '2GB,3GB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--model-sizes: 2 sizes for 3 models/);
  });

  it('an answers file may give them as a list', () => {
    expect(answerProblems({ modelSizes: ['30GB', '8GB'] })).toEqual([]);
  });
});
