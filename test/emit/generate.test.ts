import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { lintText } from '../../src/rules/lint/run';
import type { Recommendation } from '../../src/rules/advise/engine';
import { assess } from '../../src/rules/advise/engine';
import { instance } from '../../src/rules/facts/instances';
import { limit, limitPattern } from '../../src/rules/facts/limits';
import type { Deployment } from '../../src/rules/plan/deployment';
import { configFor as generate } from './generate-for';
import { TARGETS, targetsFor } from '../../src/emit/targets';
import { makePlan } from '../../src/rules/advise/plan-option';
import type { Workload } from '../../src/rules/workload';
import { cli, ROOT } from '../cli/helpers';
import { awsValidate, operationOf, which } from './tools';

// Tests that spawn the CLI or cfn-lint once per golden file: bounded by the work, not the default
// timeout, which a loaded CI machine can pass.
const SLOW_MS = 120_000;

const GOLDEN = join(ROOT, 'fixtures/generate');
const CASES = readdirSync(GOLDEN).sort();
const targetsOf = (c: string) => readdirSync(join(GOLDEN, c)).filter((f) => (TARGETS as string[]).includes(f));
const PAIRS = CASES.flatMap((c) => targetsOf(c).map((t) => [c, t] as const));
const ALL_FILES = PAIRS.flatMap(([c, t]) => readdirSync(join(GOLDEN, c, t)).map((f) => ({ path: join(GOLDEN, c, t, f), target: t, file: f, case: c })));
// The configuration files; the aws-cli target's deploy.sh is checked on its own below.
const FILES = ALL_FILES.filter((f) => f.file !== 'deploy.sh');

describe('golden configurations', () => {
  it(
    'cover every option and architecture on both targets',
    () => {
      const seen = new Set<string>();
      for (const [c, t] of PAIRS) {
        const j = JSON.parse(cli(['recommend', '--answers', join(GOLDEN, c, 'answers.yaml'), '--target', t, '--format', 'json']).stdout);
        seen.add(`${j.recommendation.option}/${j.recommendation.architecture}/${j.config.target}`);
      }
      for (const want of ['real-time/single-model', 'real-time/multi-model', 'real-time/multi-container', 'real-time/serial-pipeline', 'real-time/inference-components', 'serverless/single-model', 'async/single-model']) {
        for (const t of targetsFor(false)) expect(seen).toContain(`${want}/${t}`);
      }
      for (const want of ['batch-transform/single-model', 'batch-transform/serial-pipeline']) for (const t of targetsFor(true)) expect(seen).toContain(`${want}/${t}`);
    },
    SLOW_MS,
  );

  it.each(PAIRS)('%s (%s) is generated exactly as the golden files', (c, t) => {
    const out = join(mkdtempSync(join(tmpdir(), 'da-gold-')), 'out');
    const r = cli(['recommend', '--answers', join(GOLDEN, c, 'answers.yaml'), '--target', t, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const want = readdirSync(join(GOLDEN, c, t)).sort();
    expect(readdirSync(out).sort()).toEqual(want);
    for (const f of want) expect(readFileSync(join(out, f), 'utf8'), `${c}/${t}/${f}`).toBe(readFileSync(join(GOLDEN, c, t, f), 'utf8'));
  });
});

/** Every SageMaker value in a generated document, held against the limits table. */
function checkValues(doc: Record<string, unknown>, where: string): void {
  const walk = (v: unknown, key: string, parent: Record<string, unknown> | null) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key, parent));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) walk(x, k, o);
      return;
    }
    const n = v as number;
    switch (key) {
      case 'MemorySizeInMB':
        expect(n % limit('serverless.memory-step'), where).toBe(0);
        expect(n).toBeGreaterThanOrEqual(limit('serverless.memory-min'));
        expect(n).toBeLessThanOrEqual(limit('serverless.memory-max'));
        break;
      case 'MaxConcurrency':
        expect(n).toBeLessThanOrEqual(limit('serverless.max-concurrency'));
        break;
      case 'ProvisionedConcurrency':
        expect(n).toBeLessThanOrEqual(parent!.MaxConcurrency as number);
        break;
      case 'MaxPayloadInMB':
        expect(n).toBeLessThanOrEqual(limit('batch-transform.payload'));
        expect(n * (parent!.MaxConcurrentTransforms as number)).toBeLessThanOrEqual(limit('batch-transform.concurrency-times-payload'));
        break;
      case 'InvocationsTimeoutInSeconds':
        expect(n).toBeLessThanOrEqual(limit('batch-transform.invocation-timeout'));
        break;
      case 'InvocationsMaxRetries':
        expect(n).toBeLessThanOrEqual(limit('batch-transform.max-retries'));
        break;
      case 'MaxConcurrentInvocationsPerInstance':
        expect(n).toBeLessThanOrEqual(limit('async.max-concurrent-invocations'));
        break;
      case 'ModelName':
      case 'EndpointConfigName':
      case 'TransformJobName':
      case 'VariantName':
      case 'ContainerHostname':
        if (typeof v === 'string') expect(v, where).toMatch(limitPattern('model.name-pattern'));
        break;
      case 'InstanceType':
        expect(instance(v as string), where).toBeDefined();
        break;
    }
  };
  walk(doc, '', null);
}

describe('generated values stay inside the limits table', () => {
  it.each(FILES.filter((f) => f.target !== 'terraform').map((f) => [`${f.case}/${f.target}/${f.file}`, f] as const))('%s', (_n, f) => {
    const doc = parseCfnYaml(readFileSync(f.path, 'utf8'));
    expect(doc.errors).toEqual([]);
    const js = doc.toJS() as Record<string, unknown>;
    checkValues(js, f.path);
    const containers = JSON.stringify(js).match(/"ContainerHostname"/g)?.length ?? 0;
    expect(containers).toBeLessThanOrEqual(limit('model.containers'));
    if (f.target === 'cloudformation') {
      // No KmsKeyId on the endpoint config of local-NVMe instance types; a key parameter on EBS types.
      // (The async OutputConfig's key encrypts S3 objects: it is allowed, and given, on every type.)
      const ec = (js.Resources as Record<string, { Properties: Record<string, unknown> }>).EndpointConfig!.Properties;
      const type = /"InstanceType":"([^"]+)"/.exec(JSON.stringify(ec))?.[1];
      if (type && instance(type)!.nvme) expect(ec.KmsKeyId).toBeUndefined();
      if (type && !instance(type)!.nvme) expect(JSON.stringify(ec.KmsKeyId)).toMatch(/^\{"Fn::If"/);
      const oc = (ec.AsyncInferenceConfig as { OutputConfig?: Record<string, unknown> } | undefined)?.OutputConfig;
      if (oc) expect(JSON.stringify(oc.KmsKeyId)).toMatch(/^\{"Fn::If"/);
    }
  });
});

const CFN_LINT = which('cfn-lint', () => true);
if (!CFN_LINT) console.warn('SKIPPED: cfn-lint is not installed, so generated templates are not checked by it');
describe.skipIf(!CFN_LINT)(`cfn-lint on every generated template${CFN_LINT ? '' : ' (SKIPPED: cfn-lint not installed)'}`, () => {
  it(
    'every template passes (one run over all of them)',
    () => {
      const templates = FILES.filter((f) => f.target === 'cloudformation').map((f) => f.path);
      expect(templates.length).toBeGreaterThanOrEqual(9);
      const r = spawnSync(CFN_LINT!, templates, { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'templates with network isolation turned off (a suppression comment in the model resource) pass too',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'da-cfn-'));
      const ic: Recommendation = { option: 'real-time', architecture: 'inference-components', summary: 'Real-Time Inference with inference components.', reasons: [{ id: 'ic.gpu-sizes', text: 'several models' }] };
      const w = { ...base, models: 2, modelSizeBytes: 2e9 };
      const paths = [
        [assess(base).recommendation!, base],
        [ic, w],
      ].map(([rec, wl], i) => {
        const text = generate(rec as Recommendation, wl as Workload, { networkIsolation: false }, 'cloudformation').files[0]!.content;
        expect(text).toMatch(/deploy-advisor-ignore DA7002/);
        writeFileSync(join(dir, `t${i}.yaml`), text);
        return join(dir, `t${i}.yaml`);
      });
      const r = spawnSync(CFN_LINT!, paths, { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'catches a broken template (the check can fail)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'da-cfn-'));
      const text = readFileSync(join(GOLDEN, 'real-time-single/cloudformation/template.yaml'), 'utf8').replace('InstanceType: ml.m5.large', 'InstanceType: 42');
      writeFileSync(join(dir, 't.yaml'), text.replace('ProductionVariants:', 'ProductionVariant:'));
      expect(spawnSync(CFN_LINT!, [join(dir, 't.yaml')], { encoding: 'utf8' }).status).not.toBe(0);
    },
    SLOW_MS,
  );
});

const CLI_FILES = FILES.filter((f) => f.target === 'aws-cli').map((f) => [`${f.case}/${f.file}`, f] as const);
// Fields the service added after late 2022, which Debian's AWS CLI 2.9 does not know.
const NEWER_THAN_CLI_2_9 = ['ProvisionedConcurrency', 'S3FailurePath'];

const AWS_V2 = which('aws', (v) => v.startsWith('aws-cli/2.'));
if (!AWS_V2) console.warn('SKIPPED: AWS CLI v2 is not installed (apt-get install awscli), so --cli-input-yaml validation does not run');
// Inference-component inputs (late 2023 API) are unknown to CLI 2.9 altogether; the current-model validation below checks them.
const CLI_V2_FILES = CLI_FILES.filter(([, f]) => !/^\s*(ManagedInstanceScaling|InferenceComponentName):/m.test(readFileSync(f.path, 'utf8')));

describe.skipIf(!AWS_V2)(`AWS CLI v2 --cli-input-yaml on every generated input${AWS_V2 ? '' : ' (SKIPPED: AWS CLI v2 not installed; apt-get install awscli)'}`, () => {
  it.each(CLI_V2_FILES)('%s passes parameter validation', (_n, f) => {
    const text = readFileSync(f.path, 'utf8');
    const newer = NEWER_THAN_CLI_2_9.filter((k) => new RegExp(`^\\s*${k}:`, 'm').test(text));
    let path = f.path;
    if (newer.length) {
      // Those fields are checked by the current-model validation below; here, everything else.
      const first = awsValidate(AWS_V2!, operationOf(f.file), '--cli-input-yaml', f.path);
      if (first !== 'ok') expect(first).toMatch(new RegExp(`Unknown parameter in [\\w.\\[\\]]+: "(${newer.join('|')})"`));
      path = join(mkdtempSync(join(tmpdir(), 'da-aws-')), f.file);
      writeFileSync(
        path,
        text
          .split('\n')
          .filter((l) => !newer.some((k) => new RegExp(`^\\s*${k}:`).test(l)))
          .join('\n'),
      );
    }
    expect(awsValidate(AWS_V2!, operationOf(f.file), '--cli-input-yaml', path)).toBe('ok');
  });
});

const AWS_V1 = which('aws', (v) => v.startsWith('aws-cli/1.'));
if (!AWS_V1) console.warn('SKIPPED: no AWS CLI v1 on PATH, so validation against the current API model does not run');
describe.skipIf(!AWS_V1)(`AWS CLI with a current API model (v1, JSON input) on every generated input${AWS_V1 ? '' : ' (SKIPPED: no AWS CLI v1 on PATH)'}`, () => {
  it.each(CLI_FILES)('%s passes parameter validation', (_n, f) => {
    const json = join(mkdtempSync(join(tmpdir(), 'da-aws-')), 'in.json');
    writeFileSync(json, JSON.stringify(parseCfnYaml(readFileSync(f.path, 'utf8')).toJS()));
    expect(awsValidate(AWS_V1!, operationOf(f.file), '--cli-input-json', json)).toBe('ok');
  });

  it('rejects a misspelt field (the check can fail)', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'da-aws-')), 'in.json');
    writeFileSync(json, JSON.stringify({ EndpointConfigName: 'x', ProductionVariants: [{ VariantName: 'a', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurency: 5 } }] }));
    expect(awsValidate(AWS_V1!, 'create-endpoint-config', '--cli-input-json', json)).toMatch(/Unknown parameter/);
  });
});

const base: Workload = { batch: false, payloadBytes: 1e6, processingSeconds: 1, latencySeconds: 30, traffic: 'sustained', streaming: false, modelSizeBytes: null, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null };
const planFor = (over: Partial<Workload>, d = {}) => {
  const w = { ...base, ...over };
  return makePlan(assess(w).recommendation!, w, d);
};

describe('generator choices', () => {
  it('picks the smallest instance that holds the model with headroom', () => {
    expect(planFor({ modelSizeBytes: 6e9 }).instanceType).toBe('ml.m5.large'); // 7.2 GB <= 8 GiB
    expect(planFor({ modelSizeBytes: 8e9 }).instanceType).toBe('ml.r5.large'); // 9.6 GB: 16 GiB, 2 vCPU
    expect(planFor({ modelSizeBytes: 150e9 }).instanceType).toBe('ml.m5.12xlarge'); // 180 GB <= 192 GiB
  });

  it('picks GPU types for --gpu, single-GPU ones for multi-model', () => {
    expect(planFor({ gpu: true, modelSizeBytes: 30e9 }).instanceType).toBe('ml.g6e.2xlarge'); // 36 GB fits one L40S (45 GiB usable): $2.80/h, less than sharding over 4 T4s (ml.g4dn.12xlarge, $4.89/h)
    const mme = planFor({ gpu: true, models: 20, modelSizeBytes: 18e9 });
    expect(mme.architecture).toBe('multi-model');
    expect(instance(mme.instanceType!)!.gpus).toBe(1);
  });

  it('warns when no instance holds the model, and the engine rules the option out (issue 24)', () => {
    const w = { ...base, modelSizeBytes: 5e12 };
    expect(assess(w).recommendation).toBeNull();
    const p = makePlan({ option: 'real-time', architecture: 'single-model' }, w, {});
    expect(p.warnings.join('\n')).toMatch(/no instance in the catalog holds the model/);
  });

  it('keeps KmsKeyId off local-NVMe instances and serverless', () => {
    expect(planFor({ gpu: true }).kmsAllowed).toBe(false); // g4dn: NVMe
    expect(planFor({}, { instanceType: 'ml.m5d.large' }).kmsAllowed).toBe(false);
    expect(planFor({}).kmsAllowed).toBe(true); // m5: EBS
    expect(planFor({ traffic: 'intermittent' }).kmsAllowed).toBe(false);
  });

  it('isolates the model from the network unless it is serverless, async, or turned off', () => {
    expect(planFor({}).networkIsolation).toBe(true);
    expect(planFor({ gpu: true }).networkIsolation).toBe(true);
    expect(planFor({ batch: true, latencySeconds: null, traffic: null }).networkIsolation).toBe(true);
    const off = planFor({}, { networkIsolation: false });
    expect(off.networkIsolation).toBe(false);
    expect(off.choices.join('\n')).toMatch(/no network isolation: turned off on request/);
    const serverless = planFor({ traffic: 'intermittent' });
    expect(serverless.option).toBe('serverless');
    expect(serverless.networkIsolation).toBe(false);
    expect(serverless.choices.join('\n')).toMatch(/no network isolation: Serverless Inference does not support it/);
    const async = planFor({ latencySeconds: null, processingSeconds: 600 });
    expect(async.option).toBe('async');
    expect(async.networkIsolation).toBe(false); // DA1013: async needs connectivity
    expect(async.choices.join('\n')).toMatch(/no network isolation: async endpoints need models with network connectivity/);
  });

  it('writes EnableNetworkIsolation into both targets, and leaves it out, with the reason, when turned off', () => {
    const rec = assess(base).recommendation!;
    for (const target of TARGETS) {
      const on = generate(rec, base, {}, target)
        .files.map((f) => f.content)
        .join('\n');
      const off = generate(rec, base, { networkIsolation: false }, target)
        .files.map((f) => f.content)
        .join('\n');
      const key = target === 'terraform' ? /^ {2}enable_network_isolation = true$/m : /^ {0,6}EnableNetworkIsolation: true$/m;
      expect(on).toMatch(key);
      expect(on).not.toMatch(/deploy-advisor-ignore DA7002/);
      expect(off).not.toMatch(/EnableNetworkIsolation|enable_network_isolation/);
      expect(off).toMatch(/# deploy-advisor-ignore DA7002 -- turned off on request/);
    }
  });

  it('one KmsKeyId parameter keys the async results on any instance type, and the volume only on EBS types', () => {
    const w = { ...base, latencySeconds: null, processingSeconds: 600 };
    const rec = assess(w).recommendation!;
    for (const [type, volume] of [
      ['ml.g5.xlarge', false],
      ['ml.m5.xlarge', true],
    ] as const) {
      const t = parseCfnYaml(generate(rec, w, { instanceType: type }, 'cloudformation').files[0]!.content).toJS() as {
        Parameters: Record<string, { Description: string }>;
        Resources: { EndpointConfig: { Properties: Record<string, any> } };
      };
      const ec = t.Resources.EndpointConfig.Properties;
      expect(ec.AsyncInferenceConfig.OutputConfig.KmsKeyId).toEqual({ 'Fn::If': ['HasKmsKeyId', { Ref: 'KmsKeyId' }, { Ref: 'AWS::NoValue' }] });
      expect(ec.KmsKeyId !== undefined, type).toBe(volume);
      expect(t.Parameters.KmsKeyId!.Description).toBe(
        volume ? 'KMS key for the ML storage volume and the async results in S3 (empty: a transient key for the volume, the default S3 key for results)' : 'KMS key for the async results in S3 (empty: the default S3 key for results)',
      );
    }
  });

  // Every option and architecture, on both targets, with isolation on and off: our own lint finds
  // nothing, security rules included (what an AWS CLI input leaves out on purpose carries its reason).
  const FULL: Deployment = { name: 'm', images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1'], modelData: ['s3://b/m/model.tar.gz'], roleArn: 'arn:aws:iam::123456789012:role/r', s3Output: 's3://b/out/', s3Input: 's3://b/in/' };
  const IC: Recommendation = { option: 'real-time', architecture: 'inference-components', summary: 'Real-Time Inference with inference components.', reasons: [{ id: 'ic.gpu-sizes', text: 'several models' }] };
  const LINT_CASES: Array<[string, Partial<Workload>, Recommendation | null, Deployment]> = [
    ['real-time on EBS', {}, null, {}],
    ['real-time on NVMe', { gpu: true }, null, {}],
    ['multi-model', { models: 20, modelSizeBytes: 1e8 }, null, { modelData: ['s3://b/models/'] }],
    ['serverless', { traffic: 'intermittent' }, null, {}],
    ['async on NVMe', { latencySeconds: null, processingSeconds: 600, gpu: true }, null, {}],
    ['async on EBS', { latencySeconds: null, processingSeconds: 600 }, null, { instanceType: 'ml.m5.xlarge' }],
    ['batch', { batch: true, latencySeconds: null, traffic: null }, null, {}],
    ['inference components on EBS', { models: 2, modelSizeBytes: 2e9 }, IC, {}],
    ['inference components on NVMe', { gpu: true, models: 1, modelSizeBytes: 16e9 }, IC, {}],
  ];
  it.each(LINT_CASES)('%s: the generated files pass lint, isolated or not', (name, over, given, extra) => {
    const w = { ...base, ...over };
    const rec = given ?? assess(w).recommendation!;
    const d = { ...FULL, ...extra };
    if (/EBS|NVMe/.test(name)) expect(makePlan(rec, w, d).kmsAllowed).toBe(name.includes('EBS'));
    // (Terraform files are linted as a module by test/emit/terraform.test.ts.)
    for (const target of TARGETS.filter((t) => t !== 'terraform')) {
      for (const networkIsolation of [true, false]) {
        for (const f of generate(rec, w, { ...d, networkIsolation }, target).files) {
          // (Several components' model data are <PLACEHOLDERS> in AWS CLI inputs: one --model-data cannot fill them.)
          const findings = lintText(f.name, Buffer.from(f.content)).findings.filter((x) => !/still holds a <PLACEHOLDER>/.test(x.message));
          expect(findings, `${target} ${networkIsolation} ${f.name}`).toEqual([]);
        }
      }
    }
  });

  it('the suppressions in the generated files are what keeps them clean: without them, the security rules speak', () => {
    const w = { ...base, latencySeconds: null, processingSeconds: 600 };
    const files = generate(assess(w).recommendation!, w, { ...FULL, instanceType: 'ml.m5.xlarge' }, 'aws-cli').files;
    const ids = files.flatMap((f) => lintText(f.name, Buffer.from(f.content.replace(/^.*deploy-advisor-ignore.*$/gm, '#'))).findings.map((x) => x.ruleId));
    expect(ids.sort()).toEqual(['DA7001', 'DA7002', 'DA7004']);
  });

  it('an unknown instance type is a warning, not a failure', () => {
    const p = planFor({}, { instanceType: 'ml.m9z.large' });
    expect(p.instanceType).toBe('ml.m9z.large');
    expect(p.warnings.join('\n')).toMatch(/not in deploy-advisor's instance catalog/);
  });

  it.each([1e3, 1e6, 7e6, 33e6, 50e6, 99e6, 100 * 1024 * 1024])('batch payload of %d bytes keeps MaxConcurrentTransforms x MaxPayloadInMB within 100', (bytes) => {
    const b = planFor({ batch: true, latencySeconds: null, traffic: null, payloadBytes: bytes, contentType: 'text/csv' }).batch!;
    expect(b.maxPayloadInMB).toBeLessThanOrEqual(limit('batch-transform.payload'));
    expect(b.maxPayloadInMB * b.maxConcurrentTransforms).toBeLessThanOrEqual(limit('batch-transform.concurrency-times-payload'));
    expect(b.maxPayloadInMB * 1024 * 1024).toBeGreaterThanOrEqual(bytes);
  });

  it('chooses batch splitting from the content type', () => {
    const split = (contentType: string | null) => planFor({ batch: true, latencySeconds: null, traffic: null, contentType }).batch!;
    expect(split('text/csv')).toMatchObject({ splitType: 'Line', batchStrategy: 'MultiRecord', assembleWith: 'Line' });
    expect(split('application/jsonlines')).toMatchObject({ splitType: 'Line' });
    expect(split('application/x-recordio-protobuf')).toMatchObject({ splitType: 'RecordIO', assembleWith: 'None' });
    expect(split('image/jpeg')).toMatchObject({ splitType: 'None', batchStrategy: null });
    expect(split(null)).toMatchObject({ splitType: 'None' });
  });

  it('batch asks for cloudformation but gets AWS CLI inputs, and says so', () => {
    const w = { ...base, batch: true, latencySeconds: null, traffic: null };
    const c = generate(assess(w).recommendation!, w, {}, 'cloudformation');
    expect(c.target).toBe('aws-cli');
    expect(c.files.map((f) => f.kind)).toEqual(['aws-cli:create-model', 'aws-cli:create-transform-job']);
    expect(c.warnings.join('\n')).toMatch(/CloudFormation has no transform-job resource/);
  });

  it('serverless gets provisioned concurrency only when a cold start could outlast the answer time', () => {
    expect(planFor({ traffic: 'intermittent', latencySeconds: 30 }).serverless!.provisionedConcurrency).toBe(1);
    expect(planFor({ traffic: 'intermittent', latencySeconds: limit('serverless.startup') }).serverless!.provisionedConcurrency).toBeNull();
  });
});

describe('recommend writes configuration', () => {
  const ARGS = ['recommend', '--no-batch', '--payload', '2MB', '--processing-time', '800ms', '--latency', '30s', '--traffic', 'intermittent'];

  it('JSON carries the config files with their kinds', () => {
    const j = JSON.parse(cli([...ARGS, '--format', 'json', '--target', 'aws-cli']).stdout);
    expect(j.config.target).toBe('aws-cli');
    expect(j.config.files.map((f: { name: string; kind: string }) => [f.name, f.kind])).toEqual([
      ['create-model.yaml', 'aws-cli:create-model'],
      ['create-endpoint-config.yaml', 'aws-cli:create-endpoint-config'],
      ['create-endpoint.yaml', 'aws-cli:create-endpoint'],
      ['deploy.sh', 'aws-cli:deploy-script'],
    ]);
    expect(j.config.files[1].content).toMatch(/^# Generated by deploy-advisor: Serverless Inference/);
    expect(j.config.files[1].content).toMatch(/#\s+aws sagemaker create-endpoint-config --cli-input-yaml file:\/\/create-endpoint-config\.yaml/);
    expect(j.config.warnings.join('\n')).toMatch(/<PLACEHOLDERS> for values not given: --image, --model-data, --role-arn/);
  });

  it('text shows the YAML', () => {
    const r = cli(ARGS);
    expect(r.stdout).toMatch(/Configuration \(cloudformation\):/);
    expect(r.stdout).toMatch(/==> template\.yaml <==\n# Generated by deploy-advisor/);
    expect(r.stdout).toMatch(/Type: AWS::SageMaker::EndpointConfig/);
  });

  it('no config when nothing fits, and -o writes nothing', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-out-')), 'out');
    const r = cli(['recommend', '--no-batch', '--payload', '4GB', '--processing-time', '1s', '--latency', 'none', '--traffic', 'sustained', '--format', 'json', '-o', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).config).toBeNull();
    expect(existsSync(dir)).toBe(false);
    expect(r.stderr).toMatch(/nothing written/);
  });

  it('-o writes the files and prints their paths', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-out-')), 'deploy');
    const r = cli([...ARGS, '--target', 'aws-cli', '-o', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['create-endpoint-config.yaml', 'create-endpoint.yaml', 'create-model.yaml', 'deploy.sh']);
    expect(r.stdout).toMatch(new RegExp(`Wrote ${join(dir, 'create-model.yaml').replace(/[/.]/g, '\\$&')}`));
  });

  it('never overwrites without --force, and writes nothing at all then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-out-'));
    writeFileSync(join(dir, 'create-endpoint.yaml'), 'mine\n');
    const r = cli([...ARGS, '--target', 'aws-cli', '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/create-endpoint\.yaml already exists; nothing was written \(use --force to overwrite\)/);
    expect(readdirSync(dir)).toEqual(['create-endpoint.yaml']);
    expect(readFileSync(join(dir, 'create-endpoint.yaml'), 'utf8')).toBe('mine\n');

    const f = cli([...ARGS, '--target', 'aws-cli', '-o', dir, '--force']);
    expect(f.code).toBe(0);
    expect(readFileSync(join(dir, 'create-endpoint.yaml'), 'utf8')).toMatch(/EndpointName: my-model/);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('-o onto a file is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-out-'));
    writeFileSync(join(dir, 'file'), '');
    const r = cli([...ARGS, '-o', join(dir, 'file')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a file, not a folder/);
  });

  it.each([
    [['--name', '-bad-'], /--name: "-bad-" is not a valid SageMaker name/],
    [['--name', 'a'.repeat(60)], /--name: "a{60}" is 60 characters; at most 53/],
    [['--image', 'my image:1'], /--image: "my image:1" is not an image URI/],
    [['--image', 'justaname'], /--image: "justaname" is not an image URI/],
    [['--role-arn', 'arn:aws:iam::12:role/x'], /--role-arn: .* is not an IAM role ARN/],
    [['--model-data', 'bucket/model.tar.gz'], /--model-data: "bucket\/model.tar.gz" is not an S3 URI/],
    [['--model-data', 's3://b/model.zip'], /SageMaker expects a model\.tar\.gz archive/],
    [['--s3-output', 'ftp://x/'], /--s3-output: "ftp:\/\/x\/" is not an S3 URI/],
    [['--instance-type', 'm5.large'], /--instance-type: "m5.large" is not an instance type; use e.g. ml.m5.xlarge/],
    [['--target', 'pulumi'], /--target: unknown target "pulumi"; use one of cloudformation, aws-cli, terraform/],
  ])('rejects %j before any YAML is written', (extra, message) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-out-')), 'out');
    const r = cli([...ARGS, ...extra, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('multi-model model data must be an S3 prefix', () => {
    const r = cli(['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '50ms', '--latency', '1s', '--traffic', 'sustained', '--models', '10', '--model-data', 's3://b/models/m.tar.gz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a multi-model endpoint loads models from an S3 prefix; end it with \//);
  });

  it('deployment keys in an answers file name their line when bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-'));
    writeFileSync(join(dir, 'a.yaml'), 'batch: true\nimages: "bad image"\n');
    const r = cli(['recommend', '--answers', join(dir, 'a.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:2:9: images: "bad image" is not an image URI/);
  });

  it('the serverless option ignores --instance-type with a warning', () => {
    const j = JSON.parse(cli([...ARGS, '--instance-type', 'ml.m5.large', '--format', 'json']).stdout);
    expect(j.config.warnings.join('\n')).toMatch(/--instance-type ml.m5.large is ignored/);
  });
});
