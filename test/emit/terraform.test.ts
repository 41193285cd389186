// --target terraform: main.tf, variables.tf and outputs.tf, written from the same resources as the
// CloudFormation target, formatted as terraform fmt leaves them, and clean under our own lint.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/rules/advise/engine';
import type { Deployment } from '../../src/rules/plan/deployment';
import { assess } from '../../src/rules/advise/engine';
import { genFor } from './generate-for';
import { PROVIDERS } from '../../src/emit/terraform';
import { cloudFormationDocument } from '../../src/emit/cloudformation';
import { makePlan } from '../../src/rules/advise/plan-option';
import { lintTerraformModule } from '../../src/rules/lint/terraform/run';
import { loadHcl } from '../../src/rules/lint/terraform/hcl';
import { buildModule } from '../../src/rules/lint/terraform/module';
import type { Workload } from '../../src/rules/workload';
import { cli, ROOT } from '../cli/helpers';

const base: Workload = { batch: false, payloadBytes: 1e6, processingSeconds: 1, latencySeconds: 30, traffic: 'sustained', streaming: false, modelSizeBytes: null, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null };
const FULL = { name: 'm', images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1'], modelData: ['s3://b/m/model.tar.gz'], roleArn: 'arn:aws:iam::123456789012:role/r', s3Output: 's3://b/out/' };
const IC: Recommendation = { option: 'real-time', architecture: 'inference-components', summary: 'Real-Time Inference with inference components.', reasons: [{ id: 'ic.gpu-sizes', text: 'several models' }] };
const CASES: Array<[string, Partial<Workload>, Recommendation | null, Deployment]> = [
  ['real-time on EBS', {}, null, {}],
  ['real-time on NVMe', { gpu: true }, null, {}],
  ['multi-model', { models: 20, modelSizeBytes: 1e8 }, null, { modelData: ['s3://b/models/'] }],
  ['multi-container', { frameworks: 3 }, null, {}],
  ['serial pipeline', { pipeline: 2 }, null, {}],
  ['serverless with provisioned concurrency', { traffic: 'intermittent' }, null, {}],
  ['async on NVMe', { latencySeconds: null, processingSeconds: 600, gpu: true }, null, {}],
  ['async on EBS', { latencySeconds: null, processingSeconds: 600 }, null, { instanceType: 'ml.m5.xlarge' }],
  ['inference components', { models: 2, modelSizeBytes: 2e9 }, IC, {}],
  ['inference components scaling to zero', { gpu: true, models: 1, modelSizeBytes: 16e9, traffic: 'intermittent' }, IC, {}],
];

const files = (rec: Recommendation, w: Workload, d: Record<string, unknown>) => genFor(rec, w, d, 'terraform');
const lintAll = async (fs: Array<{ name: string; content: string }>) =>
  (await lintTerraformModule(fs.map((f) => ({ path: f.name, buf: Buffer.from(f.content), report: true })))).flatMap((r) => r.findings.map((x) => `${r.path}:${x.line} ${x.ruleId} ${x.message}`));

describe('--target terraform', () => {
  it.each(CASES)('%s: main.tf, variables.tf and outputs.tf that our own lint finds clean, isolated or not, values given or not', async (_name, over, given, extra) => {
    const w = { ...base, ...over };
    const rec = given ?? assess(w).recommendation!;
    for (const d of [{}, { ...FULL, ...extra }]) {
      for (const networkIsolation of [true, false]) {
        const c = files(rec, w, { ...d, networkIsolation });
        expect(c.target).toBe('terraform');
        expect(c.files.map((f) => f.name)).toEqual(['main.tf', 'variables.tf', 'outputs.tf']);
        expect(await lintAll(c.files)).toEqual([]);
      }
    }
  });

  it("is the CloudFormation target's resources: every resource there has its Terraform block here", () => {
    for (const [, over, given, extra] of CASES) {
      const w = { ...base, ...over };
      const rec = given ?? assess(w).recommendation!;
      const plan = makePlan(rec, w, { ...FULL, ...extra });
      const cfn = cloudFormationDocument({ recommendation: rec, plan, cost: null }, { ...FULL, ...extra }).doc.Resources as Record<string, { Type: string }>;
      const main = files(rec, w, { ...FULL, ...extra }).files[0]!.content;
      const blocks = [...main.matchAll(/^resource "(\w+)" "(\w+)"/gm)].map((m) => m[1]);
      const want = Object.values(cfn).map(
        (r) =>
          ({
            'AWS::SageMaker::Model': 'aws_sagemaker_model',
            'AWS::SageMaker::EndpointConfig': 'aws_sagemaker_endpoint_configuration',
            'AWS::SageMaker::Endpoint': 'aws_sagemaker_endpoint',
            'AWS::SageMaker::InferenceComponent': 'awscc_sagemaker_inference_component',
            'AWS::ApplicationAutoScaling::ScalableTarget': 'aws_appautoscaling_target',
            'AWS::ApplicationAutoScaling::ScalingPolicy': 'aws_appautoscaling_policy',
            'AWS::CloudWatch::Alarm': 'aws_cloudwatch_metric_alarm',
          })[r.Type],
      );
      expect(blocks).toEqual(want);
    }
  });

  it("reads back, through lint's own mapping, as the plan: the values the rules check are the plan's", async () => {
    const hcl = await loadHcl();
    const w = { ...base, traffic: 'intermittent' as const };
    const rec = assess(w).recommendation!;
    const plan = makePlan(rec, w, FULL);
    expect(plan.serverless?.provisionedConcurrency).toBeGreaterThan(0);
    const main = files(rec, w, FULL).files[0]!.content;
    const doc = buildModule([hcl(main, 0)]);
    const ec = doc.template.Resources['aws_sagemaker_endpoint_configuration.endpoint_config']!.Properties as { ProductionVariants: Array<{ ServerlessConfig: Record<string, number> }> };
    expect(ec.ProductionVariants[0]!.ServerlessConfig).toEqual({ MemorySizeInMB: plan.serverless!.memoryMB, MaxConcurrency: plan.serverless!.maxConcurrency, ProvisionedConcurrency: plan.serverless!.provisionedConcurrency });
  });

  it('values not given are variables with validation blocks; optional ones default to null', () => {
    const rec = assess(base).recommendation!;
    const vars = files(rec, base, {}).files[1]!.content;
    expect(vars).toMatch(/variable "image_uri" \{\n {2}description = "[^"]+"\n {2}type {8}= string\n\n {2}validation \{\n {4}condition {5}= can\(regex\("/);
    expect(vars).toMatch(/variable "kms_key_id" \{\n {2}description = "KMS key[^"]*\(null: [^"]*"\n {2}type {8}= string\n {2}default {5}= null\n\}/);
    expect(vars).toMatch(/variable "endpoint_name" [\s\S]*length\(var\.endpoint_name\) <= 63/);
    // Given values are written in place: no variable for them.
    const given = files(rec, base, FULL).files[1]!.content;
    expect(given).not.toMatch(/variable "(image_uri|endpoint_name|execution_role_arn|model_data_url)"/);
    expect(files(rec, base, FULL).files[0]!.content).toContain('image          = "123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1"');
  });

  it('pins the providers; awscc only where inference components need it', () => {
    const rt = files(assess(base).recommendation!, base, {}).files[0]!.content;
    expect(rt).toContain(`aws = {\n      source  = "${PROVIDERS.aws.source}"\n      version = "${PROVIDERS.aws.version}"\n    }`);
    expect(rt).not.toContain('awscc');
    const ic = files(IC, { ...base, models: 2, modelSizeBytes: 2e9 }, {}).files[0]!.content;
    expect(ic).toContain(`awscc = {\n      source  = "${PROVIDERS.awscc.source}"\n      version = "${PROVIDERS.awscc.version}"`);
    expect(ic).toMatch(/resource "awscc_sagemaker_inference_component" "component1"/);
    // The endpoint config of inference components names no model and carries the role (aws >= 6.21.0).
    expect(ic).toMatch(/resource "aws_sagemaker_endpoint_configuration" "endpoint_config" \{\n {2}execution_role_arn = var\.execution_role_arn\n/);
  });

  it('autoscaling: the target, the policies and the scale-from-zero alarm where the plan has them', () => {
    const async = files(assess({ ...base, latencySeconds: null, processingSeconds: 600 }).recommendation!, { ...base, latencySeconds: null, processingSeconds: 600 }, {}).files[0]!.content;
    for (const r of ['aws_appautoscaling_target" "scalable_target', 'aws_appautoscaling_policy" "backlog_scaling_policy', 'aws_appautoscaling_policy" "scale_from_zero_policy', 'aws_cloudwatch_metric_alarm" "backlog_without_capacity_alarm'])
      expect(async).toContain(`resource "${r}"`);
    expect(async).toContain('resource_id        = "endpoint/${aws_sagemaker_endpoint.endpoint.name}/variant/AllTraffic"');
    expect(async).toContain('alarm_actions       = [aws_appautoscaling_policy.scale_from_zero_policy.arn]');
    const serverless = files(assess({ ...base, traffic: 'intermittent' }).recommendation!, { ...base, traffic: 'intermittent' }, {}).files[0]!.content;
    expect(serverless).not.toContain('aws_appautoscaling');
  });

  it('batch asks for terraform but gets AWS CLI inputs, and says why', () => {
    const w = { ...base, batch: true, latencySeconds: null, traffic: null };
    const c = files(assess(w).recommendation!, w, {});
    expect(c.target).toBe('aws-cli');
    expect(c.files.map((f) => f.name)).toEqual(['create-model.yaml', 'create-transform-job.yaml', 'deploy.sh']);
    expect(c.warnings).toContain('Terraform has no transform-job resource (neither the aws nor the awscc provider), so the configuration is AWS CLI input files');
  });
});

describe('formatted as terraform fmt leaves it', () => {
  const GOLDEN = join(ROOT, 'fixtures/generate');
  const TF = readdirSync(GOLDEN).flatMap((c) => {
    try {
      return readdirSync(join(GOLDEN, c, 'terraform')).map((f) => join(GOLDEN, c, 'terraform', f));
    } catch {
      return [];
    }
  });

  it('covers the golden files of every non-batch case', () => {
    expect(TF.length).toBe(3 * 11);
  });

  it.each(TF.map((f) => [f.replace(`${GOLDEN}/`, ''), f] as const))('%s: two-space indents, aligned =, no syntax error', async (_n, f) => {
    const text = readFileSync(f, 'utf8');
    const lines = text.split('\n');
    let depth = 0;
    for (const [i, l] of lines.entries()) {
      if (l.startsWith('#') || l === '') continue;
      const closes = /^\s*[}\]]/.test(l) ? 1 : 0;
      expect(l.length - l.trimStart().length, `${f}:${i + 1}`).toBe((depth - closes) * 2);
      depth += (l.match(/[{[]\s*$/) ? 1 : 0) - (/^\s*[}\]],?$/.test(l) ? 1 : 0);
      expect(l, `${f}:${i + 1}`).not.toMatch(/\s$/);
    }
    // Consecutive one-line attributes at one indent have their = in one column.
    let run: Array<{ col: number; indent: number }> = [];
    const check = () => {
      if (run.length > 1) expect(new Set(run.map((r) => r.col)).size, f).toBe(1);
      run = [];
    };
    for (const l of lines) {
      const m = /^(\s*)[\w"-]+(\s*)= (?!.*[{[]$)/.exec(l);
      if (!m) {
        check();
        continue;
      }
      if (run.length && run[0]!.indent !== m[1]!.length) check();
      run.push({ col: l.indexOf('='), indent: m[1]!.length });
    }
    check();
    const hcl = await loadHcl();
    expect(hcl(text, 0).error).toBeNull();
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('the CLI writes them with -o', () => {
    const r = cli(['recommend', '--answers', 'fixtures/generate/serverless/answers.yaml', '--target', 'terraform', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.config.target).toBe('terraform');
    expect(j.config.files.map((f: { name: string; kind: string }) => `${f.name}:${f.kind}`)).toEqual(['main.tf:terraform', 'variables.tf:terraform', 'outputs.tf:terraform']);
  });
});
