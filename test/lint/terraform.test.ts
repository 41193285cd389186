// lint on Terraform: the same rules, through the mapping of Terraform attributes to API shapes,
// with findings at the attribute's line:column. Unit tests run the linter on text; the CLI tests
// spawn the built bin on files.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTerraformModule } from '../../src/rules/lint/terraform/run';
import { cli } from '../cli/helpers';

/** Lints files of one module given as name -> text; returns "file line:col ruleId/messageId" lines. */
async function lint(files: Record<string, string>, severities = {}): Promise<string[]> {
  const out = await lintTerraformModule(
    Object.entries(files).map(([path, text]) => ({ path, buf: Buffer.from(text), report: true })),
    { severities },
  );
  return out.flatMap((r) => r.findings.map((f) => `${r.path} ${f.line}:${f.column} ${f.ruleId}/${f.messageId}`));
}

const SERVERLESS = (memory: string, extra = '') => `resource "aws_sagemaker_endpoint_configuration" "ec" {
  production_variants {
    variant_name = "AllTraffic"
    model_name   = "my-model"
    serverless_config {
      memory_size_in_mb = ${memory}
      max_concurrency   = 5
    }
  }
${extra}}
`;

describe('Terraform attributes map onto the API shapes the rules read', () => {
  it('production_variants.serverless_config.memory_size_in_mb is MemorySizeInMB (DA1001), at the attribute', async () => {
    expect(await lint({ 'main.tf': SERVERLESS('3000') })).toEqual(['main.tf 6:7 DA1001/notMemorySize']);
    expect(await lint({ 'main.tf': SERVERLESS('3072') })).toEqual([]);
  });

  it('kms_key_arn is KmsKeyId (DA1004 on a Serverless config, DA1008 with an NVMe type)', async () => {
    expect(await lint({ 'main.tf': SERVERLESS('2048', '  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/k"\n') })).toEqual(['main.tf 10:3 DA1004/kmsKey']);
  });

  it('container blocks are Containers, and a model serving a Serverless variant in another file is found (DA1005)', async () => {
    const model = `resource "aws_sagemaker_model" "m" {
  execution_role_arn = "arn:aws:iam::123456789012:role/r"
  container {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1"
  }
  container {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/b:1"
  }
}
`;
    const ec = SERVERLESS('2048').replace('"my-model"', 'aws_sagemaker_model.m.name');
    expect(await lint({ 'main.tf': ec, 'model.tf': model })).toContain('model.tf 3:3 DA1005/severalContainers');
  });

  it('.tf.json files are read too, with positions', async () => {
    const json = JSON.stringify(
      { resource: { aws_sagemaker_endpoint_configuration: { ec: { production_variants: [{ variant_name: 'AllTraffic', model_name: 'm', serverless_config: { memory_size_in_mb: 100, max_concurrency: 5 } }] } } } },
      null,
      2,
    );
    const [f] = await lint({ 'main.tf.json': json });
    expect(f).toMatch(/^main\.tf\.json \d+:\d+ DA1001\/notMemorySize$/);
    const line = Number(f!.split(' ')[1]!.split(':')[0]);
    expect(json.split('\n')[line - 1]).toContain('"memory_size_in_mb": 100');
  });

  it('awscc resources (attributes as objects) are read with the same rules', async () => {
    const tf = `resource "awscc_sagemaker_endpoint_config" "ec" {
  production_variants = [{
    variant_name = "AllTraffic"
    model_name   = "m"
    serverless_config = {
      memory_size_in_mb = 1000
      max_concurrency   = 5
    }
  }]
}
`;
    expect(await lint({ 'main.tf': tf })).toEqual(['main.tf 6:7 DA1001/notMemorySize']);
  });

  it('autoscaling an async endpoint on invocations is DA1015, following resource_id to the endpoint config', async () => {
    const tf = `resource "aws_sagemaker_endpoint_configuration" "ec" {
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "m"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://bucket/out/"
    }
  }
}
resource "aws_sagemaker_endpoint" "e" {
  endpoint_config_name = aws_sagemaker_endpoint_configuration.ec.name
}
resource "aws_appautoscaling_target" "t" {
  min_capacity       = 0
  max_capacity       = 4
  resource_id        = "endpoint/\${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  service_namespace  = "sagemaker"
}
resource "aws_appautoscaling_policy" "p" {
  name               = "scale"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.t.resource_id
  scalable_dimension = aws_appautoscaling_target.t.scalable_dimension
  service_namespace  = aws_appautoscaling_target.t.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 100
    predefined_metric_specification {
      predefined_metric_type = "SageMakerVariantInvocationsPerInstance"
    }
  }
}
`;
    expect(await lint({ 'main.tf': tf })).toContain('main.tf 33:7 DA1015/invocationsMetric');
  });
});

describe('values known only to Terraform make no finding', () => {
  it('var.x with a literal default is resolved, and the message says it is the default', async () => {
    const out = await lintTerraformModule([{ path: 'main.tf', buf: Buffer.from(SERVERLESS('var.memory') + 'variable "memory" {\n  default = 3000\n}\n'), report: true }]);
    expect(out[0]!.findings.map((f) => [f.ruleId, f.line, f.message.endsWith('(the default of variable memory)')])).toEqual([['DA1001', 6, true]]);
  });

  it('local.x is resolved; a variable without a default, or with null, is unknown', async () => {
    expect(await lint({ 'main.tf': SERVERLESS('local.memory') + 'locals {\n  memory = 3000\n}\n' })).toEqual(['main.tf 6:7 DA1001/notMemorySize']);
    expect(await lint({ 'main.tf': SERVERLESS('var.memory') + 'variable "memory" {\n  type = number\n}\n' })).toEqual([]);
    expect(await lint({ 'main.tf': SERVERLESS('var.memory') + 'variable "memory" {\n  default = null\n}\n' })).toEqual([]);
    // A key that may be null (var.kms has no default) is not a key that is surely set.
    expect(await lint({ 'main.tf': SERVERLESS('2048', '  kms_key_arn = var.kms\n') + 'variable "kms" {}\n' })).toEqual([]);
  });

  it('functions, conditionals and dynamic blocks are unknown, and a missing block behind dynamic is not reported', async () => {
    expect(await lint({ 'main.tf': SERVERLESS('max(1000, var.m)') })).toEqual([]);
    expect(await lint({ 'main.tf': SERVERLESS('var.big ? 3000 : 2048') })).toEqual([]);
    const dyn = `resource "aws_sagemaker_endpoint_configuration" "ec" {
  dynamic "production_variants" {
    for_each = var.variants
    content {
      variant_name = production_variants.value.name
    }
  }
}
`;
    expect(await lint({ 'main.tf': dyn })).toEqual([]);
  });
});

describe('suppressions and syntax errors', () => {
  it('a # or // directive with a reason suppresses; without one it is DA0002', async () => {
    const ok = SERVERLESS('3000 # deploy-advisor-ignore DA1001 -- tested with this size');
    expect(await lint({ 'main.tf': ok })).toEqual([]);
    const slashes = SERVERLESS('3000 // deploy-advisor-ignore DA1001 -- tested');
    expect(await lint({ 'main.tf': slashes })).toEqual([]);
    expect(await lint({ 'main.tf': SERVERLESS('3000 # deploy-advisor-ignore DA1001') })).toEqual(['main.tf 6:7 DA1001/notMemorySize', 'main.tf 6:32 DA0002/noReason']);
  });

  it('a syntax error is DA0001 at its place; the other blocks are still linted', async () => {
    const broken = 'resource "aws_sagemaker_model" "m" {\n  name = [1,\n}\n\n' + SERVERLESS('3000');
    const out = await lint({ 'main.tf': broken });
    expect(out).toContain('main.tf 10:7 DA1001/notMemorySize');
    expect(out.some((l) => /^main\.tf 2:\d+ DA0001\/invalidTerraform$/.test(l))).toBe(true);
  });

  it('severity overrides apply as for YAML', async () => {
    expect(await lint({ 'main.tf': SERVERLESS('3000') }, { DA1001: 'off' })).toEqual([]);
  });
});

describe('deploy-advisor lint on .tf files (the built CLI)', () => {
  it('text output names each file and line; exit 1 on errors', () => {
    const r = cli(['lint', 'fixtures/terraform']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/terraform/module/main.tf\n  14:7   error    MemorySizeInMB 3000 is not a Serverless memory size');
    expect(r.stdout).toMatch(/\(the default of variable memory\) {2}DA1001/);
    expect(r.stdout).toContain('fixtures/terraform/module/models.tf\n  4:3  error    model aws_sagemaker_model.isolated enables network isolation');
    expect(r.stdout).toContain('fixtures/terraform/endpoint.tf.json\n  10:36  error');
    expect(r.stderr).toBe('');
  });

  it('JSON: kinds terraform, findings with rule ids and positions', () => {
    const j = JSON.parse(cli(['lint', '--format', 'json', 'fixtures/terraform/module']).stdout);
    const main = j.files.find((f: { path: string }) => f.path.endsWith('main.tf'));
    expect(main.kinds).toEqual(['terraform']);
    expect(main.findings.map((f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`)).toEqual(['DA1001 14:7', 'DA1008 22:3', 'DA0002 22:33']);
    expect(j.files.find((f: { path: string }) => f.path.endsWith('variables.tf')).kinds).toEqual([]);
  });

  it('SARIF: a region at the attribute', () => {
    const s = JSON.parse(cli(['lint', '--format', 'sarif', 'fixtures/terraform/endpoint.tf.json']).stdout);
    const r = s.runs[0].results[0];
    expect(r.ruleId).toBe('DA1001');
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/terraform/endpoint.tf.json');
    expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: 10, startColumn: 36 });
  });

  it('one changed file (as pre-commit passes it) is linted with its module: references to sibling files resolve', () => {
    const r = cli(['lint', 'fixtures/terraform/module/main.tf']);
    expect(r.stdout).toContain('14:7   error    MemorySizeInMB 3000');
    // models.tf was not given: its finding is not reported, though its model was read.
    expect(r.stdout).not.toContain('models.tf');
  });

  it('a clean module exits 0 with no output; a folder of other files is unaffected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-tf-'));
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'main.tf'), SERVERLESS('3072'));
    writeFileSync(join(dir, 'm', 'notes.yaml'), 'a: 1\n');
    const r = cli(['lint', dir]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('a .tf file that is not Terraform is DA0001, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-tf-'));
    writeFileSync(join(dir, 'bad.tf'), 'resource "aws_sagemaker_model" {{{\n');
    writeFileSync(join(dir, 'bin.tf'), Buffer.from([0, 1, 2]));
    const j = JSON.parse(cli(['lint', '--format', 'json', dir]).stdout);
    expect(j.files.map((f: { findings: Array<{ ruleId: string; messageId: string }> }) => f.findings.map((x) => `${x.ruleId}/${x.messageId}`))).toEqual([['DA0001/invalidTerraform'], ['DA0001/binary']]);
  });
});

describe('lint never crashes on Terraform', () => {
  it('on mutated .tf files: truncated, with bytes flipped, lines dropped or doubled', async () => {
    const seeds = ['fixtures/terraform/module/main.tf', 'fixtures/lint/DA6008/valid.tf', 'fixtures/lint/DA1015/invalid.tf', 'test/corpus/terraform/philschmid__terraform-aws-sagemaker-huggingface/main.tf'].map((f) =>
      readFileSync(f, 'utf8'),
    );
    let seed = 42;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 400; i++) {
      const text = seeds[i % seeds.length]!;
      const lines = text.split('\n');
      const k = rnd(lines.length);
      const mutated = [
        () => text.slice(0, rnd(text.length)),
        () => {
          const b = Buffer.from(text);
          b[rnd(b.length)] = rnd(256);
          return b.toString('latin1');
        },
        () => [...lines.slice(0, k), ...lines.slice(k + 1)].join('\n'),
        () => [...lines.slice(0, k), lines[k], ...lines.slice(k)].join('\n'),
        () => text.replace(/[{}\[\]"]/, ''),
      ][i % 5]!();
      const out = await lintTerraformModule([{ path: 'm.tf', buf: Buffer.from(mutated), report: true }]);
      for (const f of out[0]!.findings) expect(f.line).toBeGreaterThanOrEqual(1);
    }
  });
});
