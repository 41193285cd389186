import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWERS_SCHEMA } from '../../src/cli/lint';
import { lintText } from '../../src/rules/lint/run';
import { rulePage, terraformExamples } from '../../src/rules/lint/docs';
import { artifactRulePage } from '../../src/rules/artifact/docs';
import { lintTerraformModule } from '../../src/rules/lint/terraform/run';
import { ARTIFACT_RULES } from '../../src/rules/artifact/checks';
import { RULES } from '../../src/rules/lint/index';
import { SECURITY_OFF } from '../security-off';
import { formatMessage, placeholders } from '../../src/rules/lint/types';

const lint = (text: string, severities = {}) => lintText('t.yaml', Buffer.from(text), { severities, answers: ANSWERS_SCHEMA }).findings;

describe('every rule', () => {
  it('has a unique id that never changes shape, a source and a title', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^DA\d{4}$/);
      expect(r.name).toMatch(/^[a-z0-9-]+$/);
      expect(r.source).toMatch(/^(https:\/\/|README\.md#)/);
      expect(r.title.length).toBeGreaterThan(10);
    }
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has its doc page and fixtures, current with the rule', (id, r) => {
    const page = `docs/rules/${id}.md`;
    expect(existsSync(page), `${page} is missing: run node scripts/gen-rule-docs.mjs`).toBe(true);
    expect(readFileSync(page, 'utf8'), `${page} is stale: run node scripts/gen-rule-docs.mjs`).toBe(rulePage(r));
    expect(readFileSync(`fixtures/lint/${id}/invalid.yaml`, 'utf8')).toBe(r.examples.invalid);
    expect(readFileSync(`fixtures/lint/${id}/valid.yaml`, 'utf8')).toBe(r.examples.valid);
    const tf = terraformExamples(r);
    expect(existsSync(`fixtures/lint/${id}/invalid.tf`)).toBe(tf !== null);
    if (tf) {
      expect(readFileSync(`fixtures/lint/${id}/invalid.tf`, 'utf8')).toBe(tf.invalid);
      expect(readFileSync(`fixtures/lint/${id}/valid.tf`, 'utf8')).toBe(tf.valid);
    }
  });

  it('every rule about endpoints and models has a Terraform form (not the file, answers-file, transform-job and CloudFormation-schema rules)', () => {
    const without = RULES.filter((r) => !terraformExamples(r)).map((r) => r.id);
    expect(without).toEqual(['DA0001', 'DA0002', 'DA1010', 'DA3001', 'DA3002', 'DA3003', 'DA3004', 'DA4001', 'DA9001', 'DA9002', 'DA9003', 'DA9004', 'DA9005']);
  });

  it.each(RULES.filter((r) => terraformExamples(r)).map((r) => [r.id, r] as const))('%s in Terraform: the failing example fails it at a line of the file, the passing one passes', async (id, r) => {
    const tf = terraformExamples(r)!;
    const run = async (text: string) => (await lintTerraformModule([{ path: 'main.tf', buf: Buffer.from(text), report: true }]))[0]!.findings;
    const bad = (await run(tf.invalid)).filter((f) => f.ruleId === id);
    expect(bad.length).toBeGreaterThan(0);
    for (const f of bad) expect(f.line).toBeLessThanOrEqual(tf.invalid.split('\n').length);
    const security = new Set(RULES.filter((x) => x.security).map((x) => x.id));
    expect((await run(tf.valid)).filter((f) => r.security || !security.has(f.ruleId))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: the failing example fails it, the passing example passes every rule', (id, r) => {
    const bad = lint(r.examples.invalid);
    expect(bad.filter((f) => f.ruleId === id).length, JSON.stringify(bad)).toBeGreaterThan(0);
    for (const f of bad.filter((x) => x.ruleId === id)) {
      expect(f.severity).toBe(r.severity);
      expect(Object.keys(r.messages)).toContain(f.messageId);
      expect(f.message).not.toMatch(/\{\{|undefined|null|NaN/);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.endLine * 1e6 + f.endColumn).toBeGreaterThanOrEqual(f.line * 1e6 + f.column);
    }
    // Security rules are orthogonal to the others: another rule's passing example need not carry a KMS key or isolation.
    const security = new Set(RULES.filter((x) => x.security).map((x) => x.id));
    expect(lint(r.examples.valid).filter((f) => r.security || !security.has(f.ruleId))).toEqual([]);
  });
});

describe('message ids', () => {
  it('every declared message id is reported somewhere in src/ (no dead or misspelt ids)', () => {
    const src = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? src(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
    // Declarations are unquoted keys (id: 'template'); a use is the id as a string literal.
    const text = src('src').join('\n');
    for (const r of [...RULES, ...ARTIFACT_RULES]) {
      for (const id of Object.keys(r.messages)) expect(text.includes(`'${id}'`), `${r.id}/${id} is never reported`).toBe(true);
    }
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s declares its messages as camelCase ids with {{named}} placeholders', (_id, r) => {
    expect(Object.keys(r.messages).length).toBeGreaterThan(0);
    for (const [id, template] of Object.entries(r.messages)) {
      expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(template.replace(/\{\{\s*\w+\s*\}\}/g, '')).not.toMatch(/\{\{|\}\}|\$\{/);
    }
  });

  it('fills placeholders, and a rule that reports an undeclared id or leaves a placeholder empty fails loudly', () => {
    const r = { id: 'DA9999', messages: { tooBig: '{{field}} {{value}} is above {{max}}' } };
    expect(formatMessage(r, { messageId: 'tooBig', data: { field: 'X', value: 3, max: 2 } })).toBe('X 3 is above 2');
    expect(placeholders(r.messages.tooBig)).toEqual(['field', 'value', 'max']);
    expect(() => formatMessage(r, { messageId: 'tooSmall' })).toThrow(/DA9999 reported message id "tooSmall"/);
    expect(() => formatMessage(r, { messageId: 'tooBig', data: { field: 'X' } })).toThrow(/no value for \{\{value\}\}/);
  });
});

const EC = (variant: string, top = '') => `EndpointConfigName: my-config\n${top}ProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n${variant}`;

describe('findings point at the offending value', () => {
  it('a value written over several lines spans them, without the line break after it', () => {
    const text = 'EndpointConfigName: >-\n  my_config\n  part\n\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n';
    expect(lint(text, SECURITY_OFF)).toMatchObject([{ ruleId: 'DA1012', messageId: 'invalidName', line: 1, column: 21, endLine: 3, endColumn: 7 }]);
  });

  it('memory size: line and column of the number, message names value, limit and fix', () => {
    const [f] = lint(EC('    ServerlessConfig:\n      MemorySizeInMB: 2500\n      MaxConcurrency: 5\n'));
    expect(f).toMatchObject({ ruleId: 'DA1001', messageId: 'notMemorySize', line: 6, column: 23, endLine: 6, endColumn: 27, severity: 'error' });
    expect(f!.message).toBe('MemorySizeInMB 2500 is not a Serverless memory size; use 1024-6144 in 1024 MB steps (e.g. 3072)');
  });

  it.each([
    ['ProvisionedConcurrency above MaxConcurrency', '    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 4\n      ProvisionedConcurrency: 5\n', 'DA1003', 'aboveMaxConcurrency', 8],
    ['MaxConcurrency 0', '    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 0\n', 'DA1002', 'belowMin', 7],
    ['MaxConcurrency 201', '    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 201\n', 'DA1002', 'aboveMax', 7],
    // A mistyped value is DA1014's one finding; DA1002's range check does not repeat it.
    ['MaxConcurrency 2.5', '    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 2.5\n', 'DA1014', 'notWholeNumber', 7],
    ['memory 7168', '    ServerlessConfig:\n      MemorySizeInMB: 7168\n      MaxConcurrency: 5\n', 'DA1001', 'notMemorySize', 6],
    ['memory 512', '    ServerlessConfig:\n      MemorySizeInMB: 512\n      MaxConcurrency: 5\n', 'DA1001', 'notMemorySize', 6],
  ])('%s', (_n, variant, id, messageId, line) => {
    expect(lint(EC(variant))).toMatchObject([{ ruleId: id, messageId, line }]);
  });

  it.each([
    ['memory 1024', '    ServerlessConfig:\n      MemorySizeInMB: 1024\n      MaxConcurrency: 1\n'],
    ['memory 6144 and concurrency 200', '    ServerlessConfig:\n      MemorySizeInMB: 6144\n      MaxConcurrency: 200\n      ProvisionedConcurrency: 200\n'],
  ])('boundary values pass: %s', (_n, variant) => expect(lint(EC(variant))).toEqual([]));

  it('KMS key on a d-family type is an error; on m5 it is fine; a type outside ProductionVariantInstanceType is an error', () => {
    const v = (t: string) => `    InstanceType: ${t}\n    InitialInstanceCount: 1\n`;
    expect(lint(EC(v('ml.m5d.xlarge'), 'KmsKeyId: alias/k\n'))).toMatchObject([{ ruleId: 'DA1008', messageId: 'kmsKeyOnNvme', line: 2, column: 11, endLine: 2, endColumn: 18 }]);
    expect(lint(EC(v('ml.p4d.24xlarge'), 'KmsKeyId: alias/k\n'))).toMatchObject([{ ruleId: 'DA1008', messageId: 'kmsKeyOnNvme' }]);
    expect(lint(EC(v('ml.m5.xlarge'), 'KmsKeyId: alias/k\n'))).toEqual([]);
    expect(lint(EC(v('ml.zz9.xlarge'), 'KmsKeyId: alias/k\n'))).toMatchObject([{ ruleId: 'DA1010', messageId: 'notInApiModel', severity: 'error' }]);
  });

  it('batch: product of concurrency and payload, and the default payload of 6', () => {
    const job = (top: string) =>
      `TransformJobName: j\nModelName: m\n${top}TransformInput:\n  DataSource:\n    S3DataSource:\n      S3DataType: S3Prefix\n      S3Uri: s3://b/in/\nTransformOutput:\n  S3OutputPath: s3://b/out/\nTransformResources:\n  InstanceType: ml.m5.large\n  InstanceCount: 1\n`;
    expect(lint(job('MaxConcurrentTransforms: 10\nMaxPayloadInMB: 10\n'))).toEqual([]);
    expect(lint(job('MaxConcurrentTransforms: 11\nMaxPayloadInMB: 10\n'))).toMatchObject([{ ruleId: 'DA3002', messageId: 'productTooLarge', line: 3, column: 26 }]);
    expect(lint(job('MaxConcurrentTransforms: 17\n'))).toMatchObject([{ ruleId: 'DA3002', messageId: 'productTooLarge', message: expect.stringMatching(/x MaxPayloadInMB 6 = 102 MB/) }]);
    expect(lint(job('MaxPayloadInMB: 101\n'))).toMatchObject([{ ruleId: 'DA3001', messageId: 'aboveMax' }]);
    expect(lint(job('MaxPayloadInMB: 0\n'))).toEqual([]);
  });
});

const CFN = (props: string, params = '') => `AWSTemplateFormatVersion: "2010-09-09"\n${params}Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n${props}`;

describe('CloudFormation values', () => {
  it('resolves a !Ref to a parameter default, and says so', () => {
    const t = CFN(
      '      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: m\n          ServerlessConfig:\n            MemorySizeInMB: !Ref Memory\n            MaxConcurrency: 5\n',
      'Parameters:\n  Memory:\n    Type: Number\n    Default: 3000\n',
    );
    const [f] = lint(t);
    expect(f).toMatchObject({ ruleId: 'DA1001', line: 14, column: 34, endLine: 14, endColumn: 40 }); // Memory, the parameter named by !Ref
    expect(f!.message).toMatch(/\(the default of parameter Memory\)$/);
  });

  it('does not guess a !Ref without a default, a !GetAtt or a condition', () => {
    const sc = (m: string) =>
      CFN(`      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: m\n          ServerlessConfig:\n            MemorySizeInMB: ${m}\n            MaxConcurrency: 5\n`, 'Parameters:\n  Memory:\n    Type: Number\n');
    expect(lint(sc('!Ref Memory'))).toEqual([]);
    // Other is not a resource of the template: that is DA9004's finding, and the only one.
    expect(lint(sc('!GetAtt Other.Size'))).toMatchObject([{ ruleId: 'DA9004', messageId: 'noSuchResource' }]);
    expect(lint(sc('!If [Big, 6144, 3000]'))).toEqual([]);
  });

  it('a conditional ServerlessConfig does not make the variant serverless', () => {
    const t = CFN(
      '      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: m\n          InstanceType: !If [Prod, ml.m5.large, !Ref "AWS::NoValue"]\n          InitialInstanceCount: 1\n          ServerlessConfig: !If [Prod, !Ref "AWS::NoValue", {MemorySizeInMB: 2048, MaxConcurrency: 5}]\n      DataCaptureConfig: !If [Prod, {InitialSamplingPercentage: 10, DestinationS3Uri: "s3://b/capture/", CaptureOptions: [{CaptureMode: Input}]}, !Ref "AWS::NoValue"]\n',
    );
    expect(lint(t)).toEqual([]);
  });

  it('follows ModelName to the model resource', () => {
    const t = `Resources:\n  M:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n      EnableNetworkIsolation: true\n      PrimaryContainer:\n        Image: a/b:1\n  C:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: v\n          ModelName: !GetAtt M.ModelName\n          ServerlessConfig: {MemorySizeInMB: 2048, MaxConcurrency: 5}\n`;
    expect(lint(t)).toMatchObject([{ ruleId: 'DA1005', messageId: 'networkIsolation', line: 6, column: 31, message: expect.stringMatching(/model M enables/) }]);
  });

  it('skips YAML that holds no SageMaker resources', () => {
    expect(lintText('w.yaml', Buffer.from('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n')).kinds).toEqual([]);
    expect(lintText('k.yaml', Buffer.from('apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n')).findings).toEqual([]);
    expect(lintText('s3.yaml', Buffer.from('Resources:\n  B:\n    Type: AWS::S3::Bucket\n')).kinds).toEqual([]);
  });
});

describe('suppressions and severities', () => {
  const bad = EC('    ServerlessConfig:\n      MemorySizeInMB: 2500  # deploy-advisor-ignore DA1001 -- our account has a custom limit\n      MaxConcurrency: 5\n');
  it('an inline comment with a reason suppresses the finding', () => expect(lint(bad)).toEqual([]));
  it('works with Windows line endings', () => {
    expect(lint(bad.replace(/\n/g, '\r\n'))).toEqual([]);
  });
  it('one on the line before works too', () => {
    expect(lint(EC('    ServerlessConfig:\n      # deploy-advisor-ignore DA1001 -- tested\n      MemorySizeInMB: 2500\n      MaxConcurrency: 5\n'))).toEqual([]);
  });
  it('without a reason it suppresses nothing and says so', () => {
    const f = lint(bad.replace(' -- our account has a custom limit', ''));
    expect(f.map((x) => x.ruleId).sort()).toEqual(['DA0002', 'DA1001']);
    // The finding spans the comment itself.
    expect(f.find((x) => x.ruleId === 'DA0002')).toMatchObject({ messageId: 'noReason', line: 6, column: 29, endLine: 6, endColumn: 59 });
  });
  it('a config turns a rule off or changes its severity', () => {
    const text = EC('    ServerlessConfig:\n      MemorySizeInMB: 2500\n      MaxConcurrency: 5\n');
    expect(lint(text, { DA1001: 'off' })).toEqual([]);
    expect(lint(text, { DA1001: 'warning' })).toMatchObject([{ ruleId: 'DA1001', severity: 'warning' }]);
  });
});

describe('answers files (DA4001)', () => {
  const A = 'batch: false\npayload: 2MB\nprocessingTime: 800ms\nlatency: 30s\ntraffic: intermittent\n';
  it('a bad value is placed at the value, from the document, with the key in the message', () => {
    expect(lint(A.replace('payload: 2MB', 'payload: 2 megs'))).toMatchObject([{ ruleId: 'DA4001', messageId: 'badValue', line: 2, column: 10, endLine: 2, endColumn: 16, message: expect.stringMatching(/^payload: /) }]);
    expect(lint(A.replace('traffic: intermittent', 'traffic:   "sometimes"'))).toMatchObject([{ ruleId: 'DA4001', messageId: 'badValue', line: 5, column: 12, endColumn: 23 }]);
  });
  it('an unknown key has its own id; missing answers are not a finding (flags may give them)', () => {
    expect(lint(A + 'colour: blue\n')).toMatchObject([{ ruleId: 'DA4001', messageId: 'unknownKey', line: 6, column: 9, endLine: 6, endColumn: 13 }]);
    expect(lint('batch: false\npayload: 2MB\nmodels: 2\n')).toEqual([]);
  });
});

describe('artifact rules', () => {
  it.each(ARTIFACT_RULES.map((r) => [r.id, r] as const))('%s declares camelCase message ids', (_id, r) => {
    for (const id of Object.keys(r.messages)) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it.each(ARTIFACT_RULES.map((r) => [r.id, r] as const))('%s has its doc page, current with the rule', (id, r) => {
    expect(readFileSync(`docs/rules/${id}.md`, 'utf8'), `run node scripts/gen-rule-docs.mjs`).toBe(artifactRulePage(r));
    expect(r.id).toMatch(/^DA5\d{3}$/);
  });
});
