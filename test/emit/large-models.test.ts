// Large models start on the first try (issue 24), end to end: the recommend command writes the
// start-up timeouts, the ML storage volume and the quotas the plan needs into every target, the
// files pass cfn-lint, the AWS CLI's validation and our own lint, and a model that cannot start
// (or that no instance holds) exits 1 with the reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../src/emit/index';
import { TARGETS } from '../../src/emit/targets';
import { assess } from '../../src/rules/advise/engine';
import { acceptedFor, INSTANCES } from '../../src/rules/facts/instances';
import { parseCfnYaml } from '../../src/rules/lint/cfn-yaml';
import { lintText } from '../../src/rules/lint/run';
import { loadHcl, type HclReader } from '../../src/rules/lint/terraform/hcl';
import { buildModule } from '../../src/rules/lint/terraform/module';
import { lintTerraformModule } from '../../src/rules/lint/terraform/run';
import { makePlan } from '../../src/rules/advise/plan-option';
import type { Workload } from '../../src/rules/workload';
import { cli } from '../cli/helpers';
import { awsValidate, operationOf, which } from './tools';

const SLOW_MS = 120_000;
type Obj = Record<string, any>;

// The command: a 60 GB model on GPUs, streamed, sustained traffic.
const LLM = ['recommend', '--no-batch', '--payload', '20KB', '--processing-time', '30s', '--streaming', '--latency', '1m', '--traffic', 'sustained', '--gpu', '--model-size', '60GB'];
const FULL = ['--name', 'llm', '--image', '123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1', '--model-data', 's3://b/llm/model.tar.gz', '--role-arn', 'arn:aws:iam::123456789012:role/r'];
// A 40 GB CPU model: the chooser takes an ml.r5 type, which stores the model on an EBS volume.
const CPU40 = ['recommend', '--no-batch', '--payload', '100KB', '--processing-time', '2s', '--latency', '10s', '--traffic', 'sustained', '--model-size', '40GB'];

/** Runs recommend with -o into a fresh folder; returns the exit code and the files written. */
function write(args: string[], target: string): { code: number | null; stderr: string; dir: string; files: Record<string, string> } {
  const dir = join(mkdtempSync(join(tmpdir(), 'da-large-')), 'out');
  const r = cli([...args, '--target', target, '-o', dir]);
  // The configuration files (the aws-cli target's deploy.sh, a script that runs them, is tested with it).
  const files =
    r.code === 0
      ? Object.fromEntries(
          readdirSync(dir)
            .filter((f) => /\.(yaml|tf)$/.test(f))
            .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
        )
      : {};
  return { code: r.code, stderr: r.stderr, dir, files };
}

let hcl: HclReader;
beforeAll(async () => {
  hcl = await loadHcl();
});

/** The production variant a target's files write (Terraform: read back as lint reads it, in API shape). */
function variantOf(files: Record<string, string>, target: string): Obj {
  if (target === 'terraform') {
    const R = Object.values(buildModule(Object.values(files).map((text, i) => hcl(text, i))).template.Resources) as Obj[];
    return R.find((r) => r.Type === 'AWS::SageMaker::EndpointConfig')!.Properties.ProductionVariants[0];
  }
  if (target === 'cloudformation') return (parseCfnYaml(files['template.yaml']!).toJS() as Obj).Resources.EndpointConfig.Properties.ProductionVariants[0];
  return (parse(files['create-endpoint-config.yaml']!) as Obj).ProductionVariants[0];
}

describe('recommend writes the start-up timeouts, the volume and the quotas (issue 24)', () => {
  it.each(TARGETS)('a 60 GB GPU model (%s): both timeouts at 1.5 x 20 min, no volume on NVMe, the quota in every header', (target) => {
    const r = write([...LLM, ...FULL], target);
    expect(r.code, r.stderr).toBe(0);
    const v = variantOf(r.files, target);
    // 60 GB x 20 s per GB = 1200 s estimated; x 1.5 = 1800 s, a whole number of minutes.
    expect(v.ModelDataDownloadTimeoutInSeconds).toBe(1800);
    expect(v.ContainerStartupHealthCheckTimeoutInSeconds).toBe(1800);
    expect(v.InstanceType).toBe('ml.g6.12xlarge');
    expect(v.VolumeSizeInGB).toBeUndefined(); // g6: local NVMe storage
    for (const [name, text] of Object.entries(r.files)) {
      if (name === 'variables.tf' || name === 'outputs.tf') continue; // Terraform: the header is in main.tf
      expect(text).toMatch(/# {3}- ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds 1800: the 60 GB model takes an estimated 20 min to download, load and answer \/ping/);
      expect(text).toMatch(/# Quotas this plan needs \(Service Quotas, per Region; check with aws service-quotas list-service-quotas --service-code sagemaker\):\n# {3}- ml\.g6\.12xlarge for endpoint usage: 4; new accounts often have 0/);
    }
  });

  it.each(TARGETS)('a 40 GB model on an EBS type (%s): VolumeSizeInGB twice the model, and the timeouts', (target) => {
    const r = write(CPU40, target);
    expect(r.code, r.stderr).toBe(0);
    const v = variantOf(r.files, target);
    expect(v.InstanceType).toMatch(/^ml\.(m5|r5)\./);
    expect(v.VolumeSizeInGB).toBe(80); // 40 GB x 2 (archive and extracted files)
    expect(v.ModelDataDownloadTimeoutInSeconds).toBe(1200); // 800 s x 1.5
    expect(Object.values(r.files).join('\n')).toMatch(/VolumeSizeInGB 80: ml\.\w+\.\w+ has no local NVMe storage, so the 40 GB model must fit its ML storage volume/);
  });

  it('the priced ML storage is the volume deployed', () => {
    const j = JSON.parse(cli([...CPU40, '--requests', '100k/day', '--format', 'json']).stdout);
    expect(j.recommendation.plan.volumeGB).toBe(80);
    expect(j.recommendation.cost.breakdown.map((l: Obj) => l.item).join('\n')).toMatch(/^ML storage: 80 GB x \d+ instance-months/m);
  });

  it('a small model sets neither timeouts nor a volume', () => {
    const r = write(['recommend', '--no-batch', '--payload', '100KB', '--processing-time', '200ms', '--latency', '2s', '--traffic', 'sustained', '--model-size', '2GB'], 'aws-cli');
    expect(r.code, r.stderr).toBe(0);
    const v = variantOf(r.files, 'aws-cli');
    expect(Object.keys(v)).not.toContain('VolumeSizeInGB');
    expect(Object.keys(v)).not.toContain('ModelDataDownloadTimeoutInSeconds');
    expect(Object.keys(v)).not.toContain('ContainerStartupHealthCheckTimeoutInSeconds');
  });

  it('JSON carries plan.quotas, and text shows them', () => {
    const j = JSON.parse(cli([...LLM, '--format', 'json']).stdout);
    expect(j.recommendation.plan.quotas).toEqual([
      { serviceCode: 'sagemaker', name: 'ml.g6.12xlarge for endpoint usage', code: null, value: 4, unit: 'instances', source: expect.stringMatching(/^https:\/\//), note: expect.stringMatching(/new accounts often have 0/) },
    ]);
    expect(j.recommendation.plan.startup).toEqual({ modelBytes: 60e9, estimateSeconds: 1200, timeouts: { modelDataDownloadTimeoutInSeconds: 1800, containerStartupHealthCheckTimeoutInSeconds: 1800 } });
    const text = cli(LLM).stdout;
    expect(text).toMatch(/\nQuotas this plan needs:\n {2}- ml\.g6\.12xlarge for endpoint usage: 4; new accounts often have 0/);
    // Batch: the transform job's quota; Serverless: the Region's concurrency.
    const batch = JSON.parse(cli(['recommend', '--batch', '--payload', '1MB', '--processing-time', '1s', '--format', 'json']).stdout);
    expect(batch.recommendation.plan.quotas.map((q: Obj) => `${q.name}: ${q.value}`)).toEqual(['ml.m5.large for transform job usage: 1']);
    const sl = JSON.parse(cli(['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'intermittent', '--format', 'json']).stdout);
    expect(sl.recommendation.option).toBe('serverless');
    expect(sl.recommendation.plan.quotas.map((q: Obj) => q.name)).toEqual(['Maximum total concurrency that can be allocated across all serverless endpoints']);
  });
});

describe('models that cannot start are refused (exit 1, with the reason)', () => {
  it('a 7 TB model: no instance holds it, and it could not start within the longest timeout', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'da-large-')), 'out');
    const r = cli([...LLM.slice(0, -1), '7TB', '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/No SageMaker hosting option fits this workload/);
    expect(r.stdout).toMatch(/Real-Time Inference: no GPU instance type in the catalog holds the model: a 7 TB model needs about 8\.4 TB of GPU memory/);
    expect(r.stderr).toMatch(/nothing written/);
    const j = JSON.parse(cli([...LLM.slice(0, -1), '7TB', '--format', 'json']).stdout);
    expect(j.recommendation).toBeNull();
    expect(j.config).toBeNull();
    const rt = j.options.find((o: Obj) => o.option === 'real-time');
    expect(rt.fits).toBe(false);
    expect(rt.checks.filter((c: Obj) => !c.pass).map((c: Obj) => c.limit)).toEqual(['workload.capacity', 'model.startup-timeout-max']);
  });

  it('a 200 GB model: held (sharded), but its estimated start-up of 4000 s is over 3600 s', () => {
    const r = cli([...LLM.slice(0, -1), '200GB', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const rt = j.options.find((o: Obj) => o.option === 'real-time');
    expect(rt.checks.filter((c: Obj) => !c.pass)).toEqual([expect.objectContaining({ limit: 'model.startup-timeout-max', value: 4000, limitValue: 3600 })]);
    expect(j.advice.join('\n')).toMatch(/a 200 GB model takes an estimated 1\.11 h to download, load and answer \/ping .* more than the 1 h maximum/);
  });

  it('a 140 GB model still starts: the timeouts are capped at 3600 s, with a warning to measure it', () => {
    const j = JSON.parse(cli([...LLM.slice(0, -1), '140GB', '--format', 'json', '--target', 'aws-cli']).stdout);
    expect(j.recommendation.plan.startup.timeouts).toEqual({ modelDataDownloadTimeoutInSeconds: 3600, containerStartupHealthCheckTimeoutInSeconds: 3600 });
    expect(j.config.warnings.join('\n')).toMatch(/would need more than the 1 h maximum timeout: measure it/);
  });

  it('Serverless: the start-up is checked, and an image over 10 GB rules it out', () => {
    const args = ['recommend', '--no-batch', '--payload', '1MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'intermittent', '--model-size', '5GB', '--format', 'json'];
    const ok = JSON.parse(cli(args).stdout);
    expect(ok.recommendation.option).toBe('serverless');
    const sl = ok.options.find((o: Obj) => o.option === 'serverless');
    expect(sl.checks.find((c: Obj) => c.limit === 'serverless.startup')).toMatchObject({ pass: true, value: 100, limitValue: 180 });
    const big = JSON.parse(cli([...args, '--image-size', '12GB']).stdout);
    expect(big.recommendation.option).not.toBe('serverless');
    const ruled = big.options.find((o: Obj) => o.option === 'serverless');
    expect(ruled.fits).toBe(false);
    expect(ruled.checks.filter((c: Obj) => !c.pass).map((c: Obj) => c.message)).toEqual(['container image 12 GB exceeds the 10 GiB Serverless allows']);
  });
});

const base: Workload = { batch: false, payloadBytes: 1e6, processingSeconds: 1, latencySeconds: 30, traffic: 'sustained', streaming: false, modelSizeBytes: null, gpu: false, models: 1, frameworks: 1, pipeline: 1, contentType: null };

describe('VolumeSizeInGB: only on EBS types', () => {
  const hosting = INSTANCES.filter((i) => acceptedFor(i.type, 'hosting'));
  it.each(hosting.map((i) => [i.type, i.nvme] as const))('%s (NVMe: %s), 50 GB model', (type, nvme) => {
    const w = { ...base, modelSizeBytes: 50e9 };
    const rec = assess(w).recommendation!;
    const plan = makePlan(rec, w, { instanceType: type });
    expect(plan.volumeGB).toBe(nvme ? null : 100);
    for (const target of TARGETS) {
      const text = generate({ recommendation: rec, plan, cost: null }, { instanceType: type }, target)
        .files.map((f) => f.content)
        .join('\n');
      expect((target === 'terraform' ? /^\s*volume_size_in_gb\s+= 100$/m : /^\s*VolumeSizeInGB: 100$/m).test(text), target).toBe(!nvme);
    }
  });
});

// The generated files of large models, held to the outside oracles and to our own lint.
const CASES: Array<[string, string[]]> = [
  ['60 GB GPU (timeouts)', [...LLM, ...FULL]],
  ['40 GB CPU on EBS (volume and timeouts)', [...CPU40, ...FULL]],
  [
    'inference components, 30 GB GPU models (StartupParameters)',
    [
      'recommend',
      '--no-batch',
      '--payload',
      '20KB',
      '--processing-time',
      '2s',
      '--latency',
      '30s',
      '--traffic',
      'sustained',
      '--gpu',
      '--models',
      '3',
      '--frameworks',
      '3',
      '--model-size',
      '30GB',
      '--name',
      'llm',
      '--role-arn',
      'arn:aws:iam::123456789012:role/r',
    ],
  ],
  [
    'multi-model on EBS (volume for every model)',
    [
      'recommend',
      '--no-batch',
      '--payload',
      '100KB',
      '--processing-time',
      '200ms',
      '--latency',
      '2s',
      '--traffic',
      'sustained',
      '--models',
      '50',
      '--model-size',
      '1GB',
      ...FULL.slice(0, 4),
      '--model-data',
      's3://b/models/',
      ...FULL.slice(6),
    ],
  ],
];
const written = Object.fromEntries(CASES.flatMap(([name, args]) => TARGETS.map((t) => [`${name} ${t}`, write(args, t)] as const)));

describe('large-model files pass our lint', () => {
  it.each(Object.keys(written))('%s', async (key) => {
    const r = written[key]!;
    expect(r.code, r.stderr).toBe(0);
    if (key.endsWith('terraform')) {
      const results = await lintTerraformModule(Object.entries(r.files).map(([path, text]) => ({ path, buf: Buffer.from(text), report: true })));
      expect(results.flatMap((x) => x.findings).filter((x) => x.messageId !== 'placeholder')).toEqual([]);
      return;
    }
    // (Several components' images and model data stay <PLACEHOLDERS>: one --image cannot fill them.)
    for (const [name, text] of Object.entries(r.files))
      expect(
        lintText(name, Buffer.from(text)).findings.filter((x) => x.messageId !== 'placeholder'),
        `${key} ${name}`,
      ).toEqual([]);
  });

  it('the cases write what they are named for', () => {
    const all = (k: string) => Object.values(written[k]!.files).join('\n');
    expect(all('inference components, 30 GB GPU models (StartupParameters) cloudformation')).toMatch(/StartupParameters:\n\s+ModelDataDownloadTimeoutInSeconds: 900\n\s+ContainerStartupHealthCheckTimeoutInSeconds: 900/);
    expect(all('inference components, 30 GB GPU models (StartupParameters) aws-cli')).toMatch(/StartupParameters:\n\s+ModelDataDownloadTimeoutInSeconds: 900/);
    expect(all('multi-model on EBS (volume for every model) aws-cli')).toMatch(/^\s*VolumeSizeInGB: 100$/m); // 50 x 1 GB x 2
    expect(all('inference components, 30 GB GPU models (StartupParameters) terraform')).toMatch(/startup_parameters = \{\n\s+model_data_download_timeout_in_seconds\s+= 900\n\s+container_startup_health_check_timeout_in_seconds = 900/);
    expect(all('60 GB GPU (timeouts) terraform')).toMatch(/model_data_download_timeout_in_seconds\s+= 1800\n\s+container_startup_health_check_timeout_in_seconds = 1800/);
  });
});

const CFN_LINT = which('cfn-lint', () => true);
if (!CFN_LINT) console.warn('SKIPPED: cfn-lint is not installed, so the large-model templates are not checked by it');
describe.skipIf(!CFN_LINT)(`cfn-lint on the large-model templates${CFN_LINT ? '' : ' (SKIPPED: cfn-lint not installed)'}`, () => {
  it(
    'every template passes',
    () => {
      const paths = Object.entries(written)
        .filter(([k]) => k.endsWith('cloudformation'))
        .map(([k, r]) => {
          const p = join(mkdtempSync(join(tmpdir(), 'da-cfn-')), `${k.replace(/\W+/g, '-')}.yaml`);
          writeFileSync(p, r.files['template.yaml']!);
          return p;
        });
      const r = spawnSync(CFN_LINT!, paths, { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    SLOW_MS,
  );
});

const AWS_V1 = which('aws', (v) => v.startsWith('aws-cli/1.'));
if (!AWS_V1) console.warn('SKIPPED: no AWS CLI v1 on PATH, so the large-model inputs are not validated against the current API model');
describe.skipIf(!AWS_V1)(`AWS CLI (current API model) on the large-model inputs${AWS_V1 ? '' : ' (SKIPPED: no AWS CLI v1 on PATH)'}`, () => {
  const inputs = Object.entries(written)
    .filter(([k]) => k.endsWith('aws-cli'))
    .flatMap(([k, r]) => Object.entries(r.files).map(([f, text]) => [`${k} ${f}`, f, text] as const));
  it.each(inputs)(
    '%s passes parameter validation',
    (_n, file, text) => {
      const json = join(mkdtempSync(join(tmpdir(), 'da-aws-')), 'in.json');
      writeFileSync(json, JSON.stringify(parseCfnYaml(text).toJS()));
      expect(awsValidate(AWS_V1!, operationOf(file), '--cli-input-json', json)).toBe('ok');
    },
    SLOW_MS,
  );

  it('rejects a timeout under the API minimum (the check can fail)', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'da-aws-')), 'in.json');
    writeFileSync(json, JSON.stringify({ EndpointConfigName: 'x', ProductionVariants: [{ VariantName: 'a', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1, ModelDataDownloadTimeoutInSeconds: 30 }] }));
    expect(awsValidate(AWS_V1!, 'create-endpoint-config', '--cli-input-json', json)).toMatch(/ModelDataDownloadTimeoutInSeconds/);
  });
});
