// Capacity sized by the cost model goes into the generated files, with the estimate in the header.
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { generate } from '../../src/emit/index';
import { advise } from '../../src/rules/advise/decide';
import type { CostAnswers } from '../../src/rules/advise/cost-choice';
import { BUILTIN_PRICES } from '../../src/rules/facts/prices';
import { parseRate } from '../../src/rules/rate';
import type { Workload } from '../../src/rules/workload';

const base: Workload = { batch: false, payloadBytes: 10_000, processingSeconds: 0.8, latencySeconds: 30, traffic: 'sustained', modelSizeBytes: null, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null, streaming: false };
const answers = (requests: string, more: Partial<CostAnswers> = {}): CostAnswers => ({ requests: parseRate(requests), peak: null, requestBytes: 10_000, responseBytes: 10_000, deadlineSeconds: null, ...more });

function sized(w: Workload, a: CostAnswers, target: 'cloudformation' | 'aws-cli' = 'cloudformation') {
  const advice = advise({ workload: w, deployment: {}, prices: BUILTIN_PRICES, answers: a });
  const best = advice.priced!.find((p) => p.plan === advice.plan)!;
  return { best, config: generate({ recommendation: advice.recommendation!, plan: advice.plan!, cost: advice.cost }, {}, target) };
}

describe('sized configurations', () => {
  it('Real-Time: InitialInstanceCount, MinCapacity and the MaxInstanceCount default come from the traffic', () => {
    // 3 GB model on ml.m5.large (2 vCPUs), 0.2 s, 1M/day: ceil(11.57 x 0.2 / 1.4) = 2; at the peak (x2),
    // 23.15/s x 0.2 s = 4.63 in flight need 11 workers for under 1% to wait (Erlang C 0.88%; 10 gives 2.3%): 6 instances
    const { best, config } = sized({ ...base, processingSeconds: 0.2, modelSizeBytes: 3e9 }, answers('1M/day'));
    expect(best).toMatchObject({ option: 'real-time', instanceType: 'ml.m5.large', capacity: { initialInstanceCount: 2, minInstances: 2, maxInstances: 6 } });
    const text = config.files[0]!.content;
    const t = parseCfnYaml(text).toJSON();
    expect(t.Resources.EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount).toBe(2);
    expect(t.Resources.ScalableTarget.Properties.MinCapacity).toBe(2);
    expect(t.Parameters.MaxInstanceCount.Default).toBe(6);
    expect(t.Resources.InvocationsScalingPolicy.Properties.TargetTrackingScalingPolicyConfiguration.TargetValue).toBe(420); // 60/0.2 x 2 x 70%
    expect(text).toMatch(/^# Estimated cost: \$185\.36 a month \(Real-Time Inference\):$/m);
    expect(text).toMatch(/^# {3}- 2 x ml\.m5\.large all month: 1,460 instance-hours of ml\.m5\.large at \$0\.115\/h: \$167\.90$/m);
    expect(text).toMatch(/^# Assumed:$/m);
  });

  it('Serverless: MaxConcurrency keeps throttling at the peak under 1%; no Provisioned Concurrency when callers can wait out a cold start', () => {
    // peak 115.74/s x 0.8 s = 92.6 in flight: Erlang B 0.84% at 110 (1.008% at 109)
    const { best, config } = sized(base, answers('5M/day'));
    expect(best.option).toBe('serverless');
    const t = parseCfnYaml(config.files[0]!.content).toJSON();
    expect(t.Resources.EndpointConfig.Properties.ProductionVariants[0].ServerlessConfig).toEqual({ MemorySizeInMB: 1024, MaxConcurrency: 110 });
  });

  it('Batch Transform: a deadline sets TransformResources.InstanceCount', () => {
    const w: Workload = { ...base, batch: true, latencySeconds: null, traffic: null, processingSeconds: 0.5, contentType: 'text/csv' };
    const { best, config } = sized(w, answers('1M/day', { deadlineSeconds: 3600 }), 'aws-cli');
    expect(best.option).toBe('batch-transform');
    const job = config.files.find((f) => f.name === 'create-transform-job.yaml')!.content;
    expect(job).toMatch(/InstanceCount: \d+/);
    const count = Number(/InstanceCount: (\d+)/.exec(job)![1]);
    expect(count).toBe((best.capacity as { instanceCount: number }).instanceCount);
    expect(count).toBeGreaterThan(1);
  });
});
