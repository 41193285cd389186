// --model-sizes (issue 14): one size per model, for inference components.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('inference components that scale to zero, with --requests (issue 14: compared with the warm cost)', () => {
  const S2Z = ['recommend', '--no-batch', '--gpu', '--payload', '1MB', '--processing-time', '2s', '--latency', '10m', '--traffic', 'intermittent', '--model-size', '14GB', '--format', 'json'];
  const at = (args: string[]) => JSON.parse(cli(args, { env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'da-s2z-')) } }).stdout);

  it('a few requests a day: scales to zero, priced as such everywhere, with the cold start stated', () => {
    const j = at([...S2Z, '--requests', '20/day']);
    expect(j.recommendation).toMatchObject({ architecture: 'inference-components', scaleToZero: true });
    const rt = j.options.find((o: { option: string }) => o.option === 'real-time');
    expect(j.recommendation.cost).toEqual(rt.cost);
    expect(j.recommendation.reasons[0]).toMatch(
      new RegExp(
        `^cost: scaled to zero, about \\$${rt.cost.monthlyUsd.toLocaleString('en-US', { minimumFractionDigits: 2 }).replace('.', '\\.')} a month \\(up about 33% of the month at 20 requests a day\\), \\$[\\d,.]+ \\(\\d+%\\) less than keeping it warm at \\$[\\d,.]+$`,
      ),
    );
    expect(j.recommendation.reasons[1]).toMatch(new RegExp(`about \\$${rt.cost.monthlyUsd.toLocaleString('en-US', { minimumFractionDigits: 2 }).replace('.', '\\.')} a month`));
    expect(j.recommendation.reasons.join('\n')).toMatch(/^cold start: /m);
    // The warm cost the engine stated is replaced by the scaled-to-zero cost (by id).
    expect(j.recommendation.reasonIds[0]).toBe('ic.scaled-to-zero-cost');
    expect(j.recommendation.reasonIds).toContain('ic.cold-start');
    expect(j.recommendation.reasonIds).not.toContain('ic.warm-cost');
    const t = j.config.files[0].content as string;
    expect(t).toMatch(/MinInstanceCount: 0/);
    expect(t).toMatch(new RegExp(`^# Estimated cost: \\$${rt.cost.monthlyUsd.toLocaleString('en-US', { minimumFractionDigits: 2 }).replace('.', '\\.')} a month`, 'm'));
  });

  it('thousands of requests a day: scaling to zero saves too little, so a plain Real-Time endpoint stays warm', () => {
    const j = at([...S2Z, '--requests', '2k/day']);
    expect(j.recommendation).toMatchObject({ option: 'real-time', architecture: 'single-model' });
    expect(j.recommendation.reasons[0]).toMatch(
      /^cost: scaling to zero would save only \$0\.00 \(0%\) of the \$[\d,.]+ a month that keeping it warm costs \(up about 100% of the month at 2k requests a day\), under the 20% worth a cold start/,
    );
    expect(j.recommendation.reasons.join('\n')).not.toMatch(/scales to zero instances|^cold start/m);
    expect(j.recommendation.reasonIds[0]).toBe('ic.stays-warm');
    for (const id of ['ic.scale-to-zero', 'ic.cold-start', 'ic.warm-cost', 'ic.invoke']) expect(j.recommendation.reasonIds).not.toContain(id);
    const t = j.config.files[0].content as string;
    expect(t).not.toMatch(/InferenceComponent|MinInstanceCount: 0/);
  });

  it('several GPU models at that volume keep inference components, with a copy warm', () => {
    const j = at([...S2Z.filter((a) => a !== '--model-size' && a !== '14GB'), '--model-sizes', '14GB,2GB', '--requests', '2k/day']);
    expect(j.recommendation).toMatchObject({ architecture: 'inference-components', scaleToZero: false });
    expect(j.recommendation.summary).toMatch(/^Real-Time Inference \(inference components\): 2 GPU models with resources of their own, with /);
    expect(j.recommendation.summary).not.toMatch(/scaling to zero/);
    expect(j.recommendation.reasonIds[0]).toBe('ic.stays-warm');
    expect(j.recommendation.reasonIds).toContain('ic.invoke');
    for (const id of ['ic.scale-to-zero', 'ic.cold-start', 'ic.warm-cost']) expect(j.recommendation.reasonIds).not.toContain(id);
    const t = j.config.files[0].content as string;
    expect(t).toMatch(/InferenceComponent/);
    expect(t).not.toMatch(/MinInstanceCount: 0/);
  });

  it('without --requests the flowchart decides, stating the warm cost from the price table', () => {
    const j = at(S2Z);
    expect(j.recommendation).toMatchObject({ architecture: 'inference-components', scaleToZero: true });
    expect(j.recommendation.reasons.join('\n')).toMatch(/^cost: keeping one \S+ warm costs about \$[\d,]+\.\d\d a month/m);
    expect(j.recommendation.reasonIds).toContain('ic.warm-cost');
  });
});
