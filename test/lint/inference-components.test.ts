import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/lint/run';
import { SECURITY_OFF } from '../security-off';

const run = (text: string) => lintText('t.yaml', Buffer.from(text), { severities: SECURITY_OFF });
const lint = (text: string) => run(text).findings;
const ids = (text: string) => lint(text).map((f) => f.ruleId);

const ROLE = 'arn:aws:iam::123456789012:role/SageMaker';

/** A stack: one endpoint config (one variant), one endpoint, and the given components and extras. */
function stack(o: { variant?: string; type?: string; role?: boolean; components: string; extra?: string; params?: string }): string {
  return `${o.params ?? ''}Resources:
  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
${o.role === false ? '' : `      ExecutionRoleArn: ${ROLE}\n`}      ProductionVariants:
        - VariantName: AllTraffic
          InstanceType: ${o.type ?? 'ml.g5.12xlarge'}
          InitialInstanceCount: 1
${o.variant ?? ''}  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
      EndpointName: llm-endpoint
      EndpointConfigName: !GetAtt Config.EndpointConfigName
${o.components}${o.extra ?? ''}`;
}

function component(id: string, o: { endpoint?: string; gpus?: number; cpus?: number; memory?: number; copies?: number; spec?: string } = {}): string {
  const req = [
    o.gpus !== undefined ? `          NumberOfAcceleratorDevicesRequired: ${o.gpus}\n` : '',
    o.cpus !== undefined ? `          NumberOfCpuCoresRequired: ${o.cpus}\n` : '',
    `          MinMemoryRequiredInMb: ${o.memory ?? 4096}\n`,
  ].join('');
  return `  ${id}:
    Type: AWS::SageMaker::InferenceComponent
    Properties:
      InferenceComponentName: ${id.toLowerCase()}
      EndpointName: ${o.endpoint ?? '!GetAtt Endpoint.EndpointName'}
      VariantName: AllTraffic
      Specification:
${o.spec ?? `        ModelName: ${id.toLowerCase()}\n        ComputeResourceRequirements:\n${req}`}      RuntimeConfig:
        CopyCount: ${o.copies ?? 1}
`;
}

const MIS = (min: number, max: number) => `          ManagedInstanceScaling:\n            Status: ENABLED\n            MinInstanceCount: ${min}\n            MaxInstanceCount: ${max}\n`;

describe('inference-component files are recognised', () => {
  it('a create-inference-component input is its own kind, linted', () => {
    const r = run('InferenceComponentName: a\nEndpointName: e\nSpecification:\n  ModelName: m\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 64\nRuntimeConfig:\n  CopyCount: 1\n');
    expect(r.kinds).toEqual(['aws-cli:create-inference-component']);
    expect(r.findings).toMatchObject([{ ruleId: 'DA6005', messageId: 'belowMinAtLeast', line: 6, column: 28, endLine: 6, endColumn: 30 }]);
  });

  it('a template with only inference components is CloudFormation', () => {
    expect(run(`Resources:\n${component('A', { gpus: 1 })}`).kinds).toEqual(['cloudformation']);
  });
});

describe('endpoint configs meant for inference components', () => {
  it('DA6001: a ModelName in the variant of an endpoint that hosts a component, found through !GetAtt', () => {
    const t = stack({ variant: '          ModelName: llama\n', components: component('Llama', { gpus: 1 }) });
    expect(lint(t)).toMatchObject([{ ruleId: 'DA6001', messageId: 'modelInVariant', line: 10, column: 22, message: expect.stringMatching(/it hosts inference component llama;/) }]);
  });

  it('DA6001: the component names its endpoint by a parameter whose default matches the endpoint name', () => {
    const t = stack({ params: 'Parameters:\n  Ep:\n    Type: String\n    Default: llm-endpoint\n', variant: '          ModelName: llama\n', components: component('Llama', { gpus: 1, endpoint: '!Ref Ep' }) });
    expect(ids(t)).toEqual(['DA6001']);
  });

  it('DA6002: no ExecutionRoleArn on a config whose variants name no model', () => {
    expect(lint(stack({ role: false, components: '' }))).toMatchObject([{ ruleId: 'DA6002', messageId: 'noRole' }]);
    expect(lint(stack({ components: '' }))).toEqual([]);
  });

  it('DA6003: a Serverless variant cannot host components', () => {
    const t = `EndpointConfigName: c\nExecutionRoleArn: ${ROLE}\nProductionVariants:\n  - VariantName: AllTraffic\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n    ManagedInstanceScaling:\n      Status: ENABLED\n      MinInstanceCount: 0\n      MaxInstanceCount: 1\n`;
    // ServerlessConfig's value is a mapping: the finding points at its key (line 5).
    expect(lint(t)).toMatchObject([{ ruleId: 'DA6003', messageId: 'serverlessVariant', line: 5 }]);
  });

  it('DA6003: a component whose model is a multi-model container', () => {
    const model = `  Mme:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: ${ROLE}\n      PrimaryContainer:\n        Image: a/b:1\n        Mode: MultiModel\n`;
    const t = stack({ components: component('Llama', { gpus: 1, spec: '        ModelName: !GetAtt Mme.ModelName\n        ComputeResourceRequirements:\n          MinMemoryRequiredInMb: 1024\n' }), extra: model });
    expect(lint(t)).toMatchObject([{ ruleId: 'DA6003', messageId: 'multiModel', message: expect.stringMatching(/^model Mme /) }]);
  });

  it('DA6004: counts below their minimums', () => {
    const t = `EndpointConfigName: c\nExecutionRoleArn: ${ROLE}\nProductionVariants:\n  - VariantName: AllTraffic\n    InstanceType: ml.g5.xlarge\n    InitialInstanceCount: 1\n    ManagedInstanceScaling:\n      Status: ENABLED\n      MinInstanceCount: -1\n      MaxInstanceCount: 0\n`;
    expect(lint(t).map((f) => [f.ruleId, f.messageId, f.line])).toEqual([
      ['DA6004', 'belowMinAtLeast', 9],
      ['DA6004', 'belowMinAtLeast', 10],
    ]);
  });

  it("a plain real-time config is none of these rules' business", () => {
    expect(lint('EndpointConfigName: c\nProductionVariants:\n  - VariantName: v\n    ModelName: m\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n')).toEqual([]);
  });
});

describe('DA6005: specifications', () => {
  const input = (body: string) => `InferenceComponentName: a\nEndpointName: e\n${body}`;
  it.each([
    ['both Specification and Specifications', 'Specification:\n  ModelName: m\nSpecifications:\n  - ModelName: m\n', 'bothSpecifications'],
    ['no model', 'Specification:\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 1024\n', 'noModel'],
    [
      'an adapter with its own resources',
      'Specification:\n  BaseInferenceComponentName: base\n  Container:\n    ArtifactUrl: s3://b/adapter.tar.gz\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 1024\n',
      'adapterWithResources',
    ],
    ['max memory below min', 'Specification:\n  ModelName: m\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 2048\n    MaxMemoryRequiredInMb: 1024\n', 'maxMemoryBelowMin'],
    ['accelerators below 1', 'Specification:\n  ModelName: m\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 1024\n    NumberOfAcceleratorDevicesRequired: 0.5\n', 'tooFewAccelerators'],
    ['a negative copy count', 'Specification:\n  ModelName: m\nRuntimeConfig:\n  CopyCount: -1\n', 'belowMinAtLeast'],
    ['a startup timeout too long', 'Specification:\n  ModelName: m\n  StartupParameters:\n    ContainerStartupHealthCheckTimeoutInSeconds: 7200\n', 'aboveMax'],
  ])('%s', (_n, body, messageId) => {
    expect(lint(input(body))).toMatchObject([{ ruleId: 'DA6005', messageId }]);
  });

  it('an adapter needs no resources and passes; CopyCount 0 and a quarter core are allowed', () => {
    expect(lint(input('Specification:\n  BaseInferenceComponentName: base\n  Container:\n    ArtifactUrl: s3://b/adapter.tar.gz\n'))).toEqual([]);
    expect(lint(input('Specification:\n  ModelName: m\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 128\n    NumberOfCpuCoresRequired: 0.25\nRuntimeConfig:\n  CopyCount: 0\n'))).toEqual([]);
  });

  it('more than 16 environment variables in CloudFormation', () => {
    const env = Array.from({ length: 17 }, (_, i) => `            VAR_${i}: x\n`).join('');
    const t = stack({ components: component('Llama', { spec: `        Container:\n          Image: a/b:1\n          Environment:\n${env}        ComputeResourceRequirements:\n          MinMemoryRequiredInMb: 1024\n` }) });
    expect(lint(t)).toMatchObject([{ ruleId: 'DA6005', messageId: 'tooManyEnv', message: expect.stringMatching(/^17 .* at most 16$/) }]);
  });
});

describe('DA6006 and DA6007: copies and instances', () => {
  it('accelerators on a CPU instance, and more memory than the instance has', () => {
    const t = stack({ type: 'ml.m5.xlarge', components: component('Llama', { gpus: 1, memory: 32768 }) });
    expect(lint(t).map((f) => [f.ruleId, f.messageId])).toEqual([
      ['DA6006', 'noAccelerators'],
      ['DA6006', 'tooLittleMemory'],
    ]);
    expect(lint(t)[1]!.message).toMatch(/^MinMemoryRequiredInMb 32768, but ml\.m5\.xlarge has 16384 MB/);
  });

  it('an instance type outside the catalog is not guessed at', () => {
    expect(ids(stack({ type: 'ml.g7.2xlarge', components: component('Llama', { gpus: 4 }) }))).toEqual([]);
  });

  it('Neuron devices (inf2) are not counted as GPUs: only memory and cores are checked there', () => {
    expect(ids(stack({ type: 'ml.inf2.xlarge', components: component('Llama', { gpus: 4 }) }))).toEqual([]);
  });

  it("the API input's own InstanceType is checked too", () => {
    const t = 'InferenceComponentName: a\nEndpointName: e\nSpecification:\n  ModelName: m\n  InstanceType: ml.g5.xlarge\n  ComputeResourceRequirements:\n    MinMemoryRequiredInMb: 1024\n    NumberOfAcceleratorDevicesRequired: 4\n';
    expect(ids(t)).toEqual(['DA6006']);
  });

  it('copies: InitialInstanceCount bounds them without managed scaling, MaxInstanceCount with it', () => {
    // ml.g5.12xlarge: 4 GPUs, so 4 one-GPU copies per instance.
    expect(lint(stack({ components: component('Llama', { gpus: 1, copies: 5 }) }))).toMatchObject([{ ruleId: 'DA6007', messageId: 'tooManyCopies', message: expect.stringMatching(/at most 1 instance \(InitialInstanceCount\): at most 4/) }]);
    expect(lint(stack({ variant: MIS(1, 2), components: component('Llama', { gpus: 1, copies: 5 }) }))).toEqual([]);
  });

  it('several components on one variant: their copies together', () => {
    const t = (small: number) => stack({ components: component('Small', { gpus: 1, copies: small }) + component('Large', { gpus: 2, copies: 1 }) });
    expect(lint(t(3))).toMatchObject([{ ruleId: 'DA6007', messageId: 'tooManyTogether', message: expect.stringMatching(/^the copies of small, large need 5 accelerators together, but at most 1 x ml\.g5\.12xlarge have 4;/) }]);
    expect(lint(t(2))).toEqual([]); // 4 GPUs needed, 4 there
  });
});

describe('DA6008 and DA6009: scaling out from zero', () => {
  const target = `  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n      ServiceNamespace: sagemaker\n      ResourceId: inference-component/llama\n      ScalableDimension: sagemaker:inference-component:DesiredCopyCount\n      MinCapacity: 0\n      MaxCapacity: 2\n`;
  const policy = (id: string, type: string) =>
    `  ${id}:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: ${id}\n      PolicyType: ${type}\n      ScalingTargetId: !Ref Target\n      StepScalingPolicyConfiguration:\n        AdjustmentType: ChangeInCapacity\n        StepAdjustments:\n          - MetricIntervalLowerBound: 0\n            ScalingAdjustment: 1\n`;
  const alarm = (action: string, o = 'GreaterThanOrEqualToThreshold', dims = '      Dimensions:\n        - Name: InferenceComponentName\n          Value: llama\n') =>
    `  Wake:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/SageMaker\n      MetricName: NoCapacityInvocationFailures\n${dims}      Statistic: Maximum\n      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 1\n      ComparisonOperator: ${o}\n      AlarmActions:\n        - ${action}\n`;
  const base = (extra: string, copies = 1) => stack({ variant: MIS(0, 2), components: component('Llama', { gpus: 1, copies }), extra });

  it('a copy target at 0 with the wake path passes', () => {
    expect(lint(base(target + policy('Step', 'StepScaling') + alarm('!GetAtt Step.Arn')))).toEqual([]);
  });

  it('the alarm must trigger a step policy on the target; a policy alone is not enough', () => {
    expect(lint(base(target + policy('Step', 'StepScaling') + policy('Other', 'StepScaling') + alarm('!GetAtt Other.Arn')))).toEqual([]);
    expect(lint(base(target + policy('Step', 'TargetTrackingScaling') + alarm('!GetAtt Step.Arn')))).toMatchObject([{ ruleId: 'DA6008' }]);
    const noAlarm = base(target + policy('Step', 'StepScaling'));
    expect(lint(noAlarm)).toMatchObject([{ ruleId: 'DA6008', messageId: 'noWakePolicy', message: expect.stringMatching(/^Target /) }]);
  });

  it('MinInstanceCount 0 and a component parked at CopyCount 0, with no wake path at all', () => {
    expect(lint(base('', 0))).toMatchObject([{ ruleId: 'DA6008', messageId: 'noWakeAtZeroInstances' }]);
    expect(lint(base('', 1))).toEqual([]);
  });

  it('DA6009: an alarm that needs two failures, or no component dimension', () => {
    const t = base(target + policy('Step', 'StepScaling') + alarm('!GetAtt Step.Arn', 'GreaterThanThreshold', '      Dimensions:\n        - Name: EndpointName\n          Value: llm-endpoint\n'));
    expect(lint(t).map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([
      ['DA6009', 'noComponentDimension', 'warning'],
      ['DA6009', 'firesLate', 'warning'],
    ]);
  });
});
