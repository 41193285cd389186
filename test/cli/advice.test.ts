// Issue 11: the verdict, its reasons and the generated files never contradict each other.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './helpers';

const rec = (...args: string[]) => cli(['recommend', '--no-batch', ...args]);
const json = (...args: string[]) => {
  const r = rec(...args, '--format', 'json');
  return { ...r, j: JSON.parse(r.stdout) };
};

describe('recommend: a fallback when the preferred option is out (item 1)', () => {
  const args = ['--payload', '2MB', '--processing-time', '1s', '--latency', 'none', '--traffic', 'sustained', '--models', '3'];

  it('async cannot take 3 models: Real-Time multi-model, exit 0, never "nothing fits" above "fits"', () => {
    const r = rec(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/No SageMaker hosting option fits/);
    expect(r.stdout).toMatch(/Recommendation: Real-Time Inference \(multi-model endpoint\)/);
    expect(r.stdout).toMatch(/Asynchronous Inference would come first, but it is ruled out/);
  });

  it('JSON: a recommendation exactly when some option fits', () => {
    const { code, j } = json(...args);
    expect(code).toBe(0);
    expect(j.recommendation).toMatchObject({ option: 'real-time', architecture: 'multi-model' });
    expect(j.options.find((o: { option: string }) => o.option === 'async').fits).toBe(false);
  });

  it('lint weighs async + multi-model as recommend does: an error (DA1017), with the same source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-advice-'));
    const file = join(dir, 'template.yaml');
    writeFileSync(
      file,
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Mode: MultiModel\n        ModelDataUrl: s3://bucket/models/\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n',
    );
    const r = cli(['lint', '--format', 'json', file]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0].findings.filter((x: { ruleId: string }) => x.ruleId === 'DA1017');
    expect(f).toMatchObject([{ severity: 'error', line: 8, source: expect.stringMatching(/API_runtime_InvokeEndpointAsync/) }]);
    const { j } = json(...args);
    const check = j.options.find((o: { option: string }) => o.option === 'async').checks.find((c: { limit: string }) => c.limit === 'async.multi-model');
    expect(check.source).toBe(f[0].source);
  });

  it('lint: a Direct-mode multi-container model behind an async endpoint is DA1017 too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-advice-'));
    const file = join(dir, 'template.yaml');
    const c = (n: number) => `        - ContainerHostname: c${n}\n          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:${n}\n`;
    writeFileSync(
      file,
      `Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      Containers:\n${c(1)}${c(2)}      InferenceExecutionConfig:\n        Mode: Direct\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n`,
    );
    const r = cli(['lint', '--format', 'json', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings.filter((x: { ruleId: string }) => x.ruleId === 'DA1017')).toMatchObject([{ severity: 'error', line: 12 }]);
  });
});

describe('recommend: async and short answer times (item 2)', () => {
  it('2 KB, 10 ms, answers within 100 ms: Async is not shown as fitting', () => {
    const r = rec('--payload', '2KB', '--processing-time', '10ms', '--latency', '100ms', '--traffic', 'sustained');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/✓ Asynchronous Inference: fits/);
    expect(r.stdout).toMatch(/✗ Asynchronous Inference: ruled out: processing time 10 ms plus about 5 s of queue, S3 and notification overhead is longer than the 100 ms/);
  });
});

describe('recommend: never an architecture the option cannot invoke (item 3)', () => {
  it('3 frameworks, 50 MB, 5 min, callers can wait: no async multi-container endpoint; exit 1 with what works instead', () => {
    const r = rec('--latency', 'none', '--traffic', 'sustained', '--models', '3', '--frameworks', '3', '--payload', '50MB', '--processing-time', '5m');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Mode: Direct|template\.yaml/);
    expect(r.stdout).toMatch(/one Asynchronous endpoint per framework \(3\)/);
    expect(r.stdout).toMatch(/serial inference pipeline \(--pipeline 3\)/);
  });
});

describe('recommend: hints only where they are possible (item 7)', () => {
  it('--gpu given: "make the model faster" does not suggest a GPU', () => {
    const r = rec('--payload', '1MB', '--processing-time', '5s', '--latency', '1s', '--traffic', 'sustained', '--gpu');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/make the model faster \(a larger or newer GPU instance/);
    expect(r.stdout).not.toMatch(/\(GPU, larger instance/);
  });

  it('20 min processing: no "parts below 6 MiB can go to Real-Time"', () => {
    const r = rec('--payload', '5GB', '--processing-time', '20m', '--latency', 'none', '--traffic', 'sustained');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/send the parts to an Asynchronous endpoint/);
    expect(r.stdout).not.toMatch(/can go to Real-Time/);
  });

  it("async ruled out too: Real-Time's payload line does not point to Async", () => {
    const r = rec('--payload', '10MB', '--processing-time', '10ms', '--latency', '100ms', '--traffic', 'sustained');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Asynchronous Inference (takes|for) larger payloads/);
  });
});

describe('recommend: units and parsing (item 8)', () => {
  const base = ['--payload', '2MB', '--processing-time', '1s', '--latency', '30s', '--traffic', 'sustained'];
  it.each([
    ['--processing-time', '1h1h', /--processing-time.*"1h1h" gives h twice/],
    ['--latency', '30s1m', /--latency.*"30s1m" gives m after s/],
    ['--payload', '1.5B', /--payload.*"1.5B" is 1.5 bytes, not a whole number of bytes/],
  ])('%s %s is a one-line error, exit 2', (flag, value, message) => {
    const args = [...base];
    args[args.indexOf(flag) + 1] = value;
    const r = rec(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expectOneLineError(r.stderr);
  });
});

describe('recommend: MaxPayloadInMB in one unit (item 8)', () => {
  it('the reasons, the checks and the generated files all say 100 MiB, never 100 MB', () => {
    const r = cli(['recommend', '--batch', '--payload', '20MB', '--processing-time', '1s', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MaxPayloadInMB \(at most 100 MiB\)/);
    expect(r.stdout).toMatch(/within the 100 MiB limit/);
    expect(r.stdout).not.toMatch(/\b100 MB\b/);
  });
});
