import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { lintText } from '../../src/rules/lint/run';
import type { Config } from '../../src/emit/index';
import type { Deployment } from '../../src/rules/plan/deployment';
import { configFor as generate } from './generate-for';
import { makePlan } from '../../src/rules/advise/plan-option';
import type { Recommendation } from '../../src/rules/advise/engine';
import { instance } from '../../src/rules/facts/instances';
import { limit } from '../../src/rules/facts/limits';
import type { Workload } from '../../src/rules/workload';
import { awsValidate, operationOf, which } from './tools';

// The recommendation is made here, so that these cases test the generator alone (the engine's choice is tested in test/rules).
const REC: Recommendation = { option: 'real-time', architecture: 'inference-components', summary: 'Real-Time Inference with inference components.', reasons: [{ id: 'ic.gpu-sizes', text: 'several models with their own resources' }] };
const base: Workload = { batch: false, payloadBytes: 1e5, processingSeconds: 2, latencySeconds: 30, traffic: 'sustained', modelSizeBytes: null, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null, streaming: false };
const DEPLOY: Deployment = { name: 'llm', images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1'], modelData: ['s3://bucket/llm/model.tar.gz'], roleArn: 'arn:aws:iam::123456789012:role/SageMaker' };
const DEPLOY2: Deployment = { ...DEPLOY, modelData: ['s3://bucket/llm/model.tar.gz', 's3://bucket/small/model.tar.gz'] };

const CASES: Array<[string, Partial<Workload>, Deployment]> = [
  ['three 16 GB GPU models, intermittent (scale to zero)', { gpu: true, models: 3, modelSizeBytes: 16e9, traffic: 'intermittent' }, {}],
  ['one 40 GB GPU model, sustained', { gpu: true, modelSizeBytes: 40e9 }, DEPLOY],
  ['two 2 GB CPU models, sustained, all values given', { models: 2, modelSizeBytes: 2e9 }, DEPLOY2],
];

const gen = (over: Partial<Workload>, d: Deployment, target: 'cloudformation' | 'aws-cli'): Config => generate(REC, { ...base, ...over }, d, target);
const js = (text: string) => parseCfnYaml(text).toJS() as Record<string, any>;

describe('the inference-components plan', () => {
  it('a model larger than one GPU gets several accelerators on one instance', () => {
    const p = makePlan(REC, { ...base, gpu: true, modelSizeBytes: 40e9 }, {});
    const ic = p.ic!;
    const i = instance(p.instanceType!)!;
    expect(ic.models[0]!.accelerators).toBe(Math.ceil((40e9 * limit('policy.memory-headroom')) / (i.gpuMemoryGiB * 1024 ** 3)));
    expect(ic.models[0]!.accelerators).toBeLessThanOrEqual(i.gpus);
    expect(ic.scaleToZero).toBe(false);
    expect(ic.minInstances).toBe(ic.initialInstances);
  });

  it('models that do not fit one instance together start on several', () => {
    const ic = makePlan(REC, { ...base, gpu: true, models: 6, modelSizeBytes: 40e9 }, { instanceType: 'ml.g5.12xlarge' }).ic!;
    expect(ic.models.map((m) => m.accelerators)).toEqual([2, 2, 2, 2, 2, 2]); // 48 GB each: 2 x 24 GiB
    expect(ic.initialInstances).toBe(3); // 4 GPUs per instance
    expect(ic.maxInstances).toBeGreaterThanOrEqual(3);
  });

  it('intermittent traffic scales to zero, and the cold start is stated', () => {
    const p = makePlan(REC, { ...base, gpu: true, traffic: 'intermittent' }, {});
    expect(p.ic).toMatchObject({ scaleToZero: true, minInstances: 0, models: [{ minCopies: 0, copies: 1 }] });
    expect(p.choices.join('\n')).toMatch(/cold start: the first request at zero fails \(HTTP 400, not queued\).*about 5 min/);
  });

  it('an unknown model size reserves the policy default, and says so', () => {
    const p = makePlan(REC, base, {});
    expect(p.ic!.models[0]!.memoryMB).toBe(limit('policy.ic-memory-unknown'));
    expect(p.choices.join('\n')).toMatch(/give \{\{flag:modelSize\}\} to size the memory/);
  });

  it('a model no instance holds is a warning, not a crash', () => {
    const p = makePlan(REC, { ...base, gpu: true, modelSizeBytes: 5e12 }, {});
    expect(p.warnings.join('\n')).toMatch(/one copy of a model does not fit/);
  });
});

describe.each(CASES)('%s', (_name, over, d) => {
  const cfn = gen(over, d, 'cloudformation');
  const cli = gen(over, d, 'aws-cli');
  const t = js(cfn.files[0]!.content);
  const res = t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
  const of = (type: string) => Object.entries(res).filter(([, r]) => r.Type === type);
  const w = { ...base, ...over };

  it('one model and one inference component per model; an endpoint config for components', () => {
    expect(of('AWS::SageMaker::Model')).toHaveLength(w.models);
    const ics = of('AWS::SageMaker::InferenceComponent');
    expect(ics).toHaveLength(w.models);
    const [, config] = of('AWS::SageMaker::EndpointConfig')[0]!;
    const variant = config.Properties.ProductionVariants[0];
    expect(variant.ModelName).toBeUndefined();
    expect(config.Properties.ExecutionRoleArn).toBeDefined();
    expect(variant.ManagedInstanceScaling.Status).toBe('ENABLED');
    expect(variant.RoutingConfig.RoutingStrategy).toBe('LEAST_OUTSTANDING_REQUESTS');
    for (const [, ic] of ics) {
      expect(ic.Properties.Specification.ModelName['Fn::GetAtt'][1]).toBe('ModelName');
      expect(ic.Properties.Specification.ComputeResourceRequirements.MinMemoryRequiredInMb).toBeGreaterThanOrEqual(limit('inference-components.memory-min'));
      expect(ic.Properties.RuntimeConfig.CopyCount).toBe(1);
    }
  });

  it('autoscaling on DesiredCopyCount per component, and the wake path exactly when scaling to zero', () => {
    const targets = of('AWS::ApplicationAutoScaling::ScalableTarget');
    expect(targets).toHaveLength(w.models);
    const zero = w.traffic !== 'sustained';
    for (const [, tg] of targets) {
      expect(tg.Properties.ScalableDimension).toBe('sagemaker:inference-component:DesiredCopyCount');
      expect(tg.Properties.MinCapacity).toBe(zero ? 0 : 1);
    }
    expect(of('AWS::CloudWatch::Alarm')).toHaveLength(zero ? w.models : 0);
    expect(of('AWS::ApplicationAutoScaling::ScalingPolicy').filter(([, p]) => p.Properties.PolicyType === 'StepScaling')).toHaveLength(zero ? w.models : 0);
    expect(res.EndpointConfig!.Properties.ProductionVariants[0].ManagedInstanceScaling.MinInstanceCount).toBe(zero ? 0 : 1);
  });

  it('deploy-advisor lint finds nothing in what it generated (only placeholders left to fill)', () => {
    for (const f of [...cfn.files, ...cli.files]) {
      const r = lintText(f.name, Buffer.from(f.content));
      expect(r.kinds.length, f.name).toBe(1);
      expect(
        r.findings.filter((x) => x.ruleId !== 'DA2004' && !(x.ruleId === 'DA1014' && x.messageId === 'placeholder')),
        `${f.name}: ${JSON.stringify(r.findings)}`,
      ).toEqual([]);
    }
  });

  it('AWS CLI inputs: models, config, endpoint, then one create-inference-component per model', () => {
    const names = cli.files.map((f) => f.name);
    const n = w.models;
    const each = (op: string) => (n === 1 ? [`${op}.yaml`] : Array.from({ length: n }, (_, i) => `${op}-${i + 1}.yaml`));
    expect(names).toEqual([...each('create-model'), 'create-endpoint-config.yaml', 'create-endpoint.yaml', ...each('create-inference-component')]);
    const ic = js(cli.files[cli.files.length - 1]!.content);
    expect(ic).toMatchObject({ EndpointName: d.name ?? 'my-model', VariantName: 'AllTraffic', RuntimeConfig: { CopyCount: 1 } });
    expect(cli.files[cli.files.length - 1]!.content).toMatch(/# {3}aws application-autoscaling register-scalable-target .*--scalable-dimension sagemaker:inference-component:DesiredCopyCount/);
  });
});

const CFN_LINT = which('cfn-lint', () => true);
if (!CFN_LINT) console.warn('SKIPPED: cfn-lint is not installed, so inference-component templates are not checked by it');
describe.skipIf(!CFN_LINT)(`cfn-lint on inference-component templates${CFN_LINT ? '' : ' (SKIPPED: cfn-lint not installed)'}`, () => {
  it('every case passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-ic-'));
    const files = CASES.map(([, over, d], k) => {
      const p = join(dir, `t${k}.yaml`);
      writeFileSync(p, gen(over, d, 'cloudformation').files[0]!.content);
      return p;
    });
    const r = spawnSync(CFN_LINT!, ['--regions', 'us-east-1', '--', ...files], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});

const AWS_V1 = which('aws', (v) => v.startsWith('aws-cli/1.'));
if (!AWS_V1) console.warn('SKIPPED: no AWS CLI v1 on PATH, so inference-component inputs are not validated against the current API model');
describe.skipIf(!AWS_V1)(`AWS CLI (current API model) on inference-component inputs${AWS_V1 ? '' : ' (SKIPPED: no AWS CLI v1 on PATH)'}`, () => {
  const files = CASES.flatMap(([name, over, d]) => gen(over, d, 'aws-cli').files.map((f) => [`${name}: ${f.name}`, f] as const));
  it.each(files)(
    '%s passes parameter validation',
    (_n, f) => {
      const json = join(mkdtempSync(join(tmpdir(), 'da-ic-')), 'in.json');
      writeFileSync(json, JSON.stringify(js(f.content)));
      expect(awsValidate(AWS_V1!, operationOf(f.name), '--cli-input-json', json)).toBe('ok');
    },
    60_000,
  );
});
