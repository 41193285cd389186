// Issue 24's lint checks: VolumeSizeInGB on NVMe types (DA1018, new), start-up timeouts outside
// 60-3600 (DA1011 for variants, DA6005 for inference components: already there), and
// ManagedInstanceScaling on a variant that names a model (DA6001: already there).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/lint/run';
import { SECURITY_OFF } from '../security-off';

const lint = (text: string, name = 't.yaml') => lintText(name, Buffer.from(text), { severities: SECURITY_OFF }).findings;
const EC = (type: string, extra: string) => `EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ${type}\n    InitialInstanceCount: 1\n${extra}`;

describe('DA1018: VolumeSizeInGB on an NVMe-backed type', () => {
  it.each(['ml.g5.12xlarge', 'ml.g6e.xlarge', 'ml.p4d.24xlarge', 'ml.p5.48xlarge', 'ml.m5d.large'])('%s: flagged at the value, with the fix', (type) => {
    const f = lint(EC(type, '    VolumeSizeInGB: 200\n'));
    expect(f).toMatchObject([{ ruleId: 'DA1018', messageId: 'volumeOnNvme', severity: 'error', line: 7, column: 21 }]);
    expect(f[0]!.message).toBe(`VolumeSizeInGB is set, but ${type} has local NVMe storage and CreateEndpointConfig rejects a volume size for it; remove VolumeSizeInGB (the model is stored on the instance storage)`);
  });

  it.each(['ml.m5.4xlarge', 'ml.inf2.xlarge', 'ml.p3.2xlarge', 'ml.c7i.large'])('%s (EBS): not flagged', (type) => {
    expect(lint(EC(type, '    VolumeSizeInGB: 200\n'))).toEqual([]);
  });

  it('a family whose storage is not known (ml.g7) is not flagged; a serverless variant neither', () => {
    expect(lint(EC('ml.g7.2xlarge', '    VolumeSizeInGB: 200\n')).map((f) => f.ruleId)).not.toContain('DA1018');
  });

  it('in a CloudFormation template too', () => {
    const cfn =
      'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: my-model\n          InstanceType: ml.g6.12xlarge\n          InitialInstanceCount: 1\n          VolumeSizeInGB: 100\n';
    expect(lint(cfn)).toMatchObject([{ ruleId: 'DA1018', line: 10 }]);
  });
});

describe('start-up timeouts outside 60-3600 s: existing rules', () => {
  it.each([
    ['ModelDataDownloadTimeoutInSeconds', 30, 'belowMin'],
    ['ModelDataDownloadTimeoutInSeconds', 3601, 'aboveMax'],
    ['ContainerStartupHealthCheckTimeoutInSeconds', 59, 'belowMin'],
    ['ContainerStartupHealthCheckTimeoutInSeconds', 7200, 'aboveMax'],
  ] as const)('variant %s %d: DA1011 %s', (key, value, messageId) => {
    expect(lint(EC('ml.m5.large', `    ${key}: ${value}\n`))).toMatchObject([{ ruleId: 'DA1011', messageId, line: 7 }]);
  });

  it('3600 and 60 pass', () => {
    expect(lint(EC('ml.m5.large', '    ModelDataDownloadTimeoutInSeconds: 3600\n    ContainerStartupHealthCheckTimeoutInSeconds: 60\n'))).toEqual([]);
  });
});

describe('ManagedInstanceScaling on a variant that names a model: DA6001 (existing)', () => {
  it('is flagged at ModelName', () => {
    const text =
      'EndpointConfigName: my-config\nExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: llama-8b\n    InstanceType: ml.g5.12xlarge\n    InitialInstanceCount: 1\n    ManagedInstanceScaling:\n      Status: ENABLED\n      MinInstanceCount: 1\n      MaxInstanceCount: 2\n';
    expect(lint(text)).toMatchObject([{ ruleId: 'DA6001', messageId: 'modelInVariant', line: 5 }]);
  });
});
