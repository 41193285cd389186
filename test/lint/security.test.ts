import { describe, expect, it } from 'vitest';
import { toSarif } from '../../src/cli/report-sarif';
import { lintText } from '../../src/rules/lint/run';
import { RULES } from '../../src/rules/lint/index';
import { sarifValidator } from '../sarif';

const lint = (text: string, severities = {}) => lintText('t.yaml', Buffer.from(text), { severities }).findings;
/** The security findings (or one rule's), as [rule, message id, line]. */
const only = (text: string, prefix = 'DA7') =>
  lint(text)
    .filter((f) => f.ruleId.startsWith(prefix))
    .map((f) => [f.ruleId, f.messageId, f.line]);

const EC = (variants: string[], top = '') => `EndpointConfigName: my-config\n${top}ProductionVariants:\n${variants.map((v, i) => `  - VariantName: v${i}\n    ModelName: my-model\n${v}`).join('')}`;
const INSTANCE = (t: string) => `    InstanceType: ${t}\n    InitialInstanceCount: 1\n`;
const SERVERLESS = '    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n';

describe('DA7001 endpoint volume KMS key: only where the API accepts a key', () => {
  it('warns on an EBS type without a key, at the endpoint config, naming the type', () => {
    const [f, ...rest] = lint(EC([INSTANCE('ml.m5.xlarge')]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'DA7001', messageId: 'noKey', severity: 'warning', line: 1, column: 21, endLine: 1, endColumn: 30 });
    expect(f!.message).toBe('endpoint config my-config has no KmsKeyId; on ml.m5.xlarge the model is stored on an EBS volume that a key of yours can encrypt: add KmsKeyId (a key ARN or alias)');
  });

  it.each([
    ['a local-NVMe type (the key is an API error there)', EC([INSTANCE('ml.g5.xlarge')])],
    ['a d family', EC([INSTANCE('ml.m5d.large')])],
    ['one EBS and one NVMe variant', EC([INSTANCE('ml.m5.large'), INSTANCE('ml.g5.xlarge')])],
    ['Serverless', EC([SERVERLESS])],
    ['a key given', EC([INSTANCE('ml.m5.xlarge')], 'KmsKeyId: alias/mine\n')],
    ['an unknown type', EC([INSTANCE('ml.zz9.large')])],
  ])('is silent for %s', (_n, text) => expect(only(text, 'DA7001')).toEqual([]));

  it("a key left to a condition counts as set; in a template the finding is on the resource's Type line", () => {
    const cfn = (key: string) =>
      `Parameters:\n  Key:\n    Type: String\n    Default: ""\nConditions:\n  HasKey: !Not [!Equals [!Ref Key, ""]]\nResources:\n  C:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n${key}      ProductionVariants:\n        - VariantName: v\n          ModelName: m\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n`;
    expect(only(cfn('      KmsKeyId: !If [HasKey, !Ref Key, !Ref "AWS::NoValue"]\n'), 'DA7001')).toEqual([]);
    expect(only(cfn(''), 'DA7001')).toEqual([['DA7001', 'noKey', 9]]);
  });

  it('DA1008 and DA7001 never both speak about one endpoint config', () => {
    const nvme = { 'ml.m5.large': false, 'ml.c5.xlarge': false, 'ml.g5.xlarge': true, 'ml.p4d.24xlarge': true, 'ml.g4dn.xlarge': true, 'ml.g6.xlarge': true };
    for (const [t, local] of Object.entries(nvme)) {
      for (const key of ['', 'KmsKeyId: alias/k\n']) {
        const ids = lint(EC([INSTANCE(t)], key)).map((f) => f.ruleId);
        // Remove the key on NVMe types (error), add it on EBS types (warning); otherwise nothing to say.
        expect(ids.includes('DA1008'), `${t} ${key}`).toBe(local && key !== '');
        expect(ids.includes('DA7001'), `${t} ${key}`).toBe(!local && key === '');
      }
    }
  });

  it('checks an endpoint config that hosts inference components (no model on the variant) the same way', () => {
    const ic = (type: string) =>
      `EndpointConfigName: ic-config\nExecutionRoleArn: arn:aws:iam::123456789012:role/r\nProductionVariants:\n  - VariantName: AllTraffic\n    InstanceType: ${type}\n    InitialInstanceCount: 1\n    ManagedInstanceScaling:\n      Status: ENABLED\n      MinInstanceCount: 1\n      MaxInstanceCount: 4\n    RoutingConfig:\n      RoutingStrategy: LEAST_OUTSTANDING_REQUESTS\n`;
    expect(only(ic('ml.m5.xlarge'))).toEqual([['DA7001', 'noKey', 1]]);
    expect(only(ic('ml.g5.xlarge'))).toEqual([]);
  });
});

const MODEL = (props: string, env = '', data = '        ModelDataUrl: s3://b/model.tar.gz\n') =>
  `      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n${props}      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n${data}${env}`;
const STACK = (model: string, variant: string, top = '') =>
  `Resources:\n  M:\n    Type: AWS::SageMaker::Model\n    Properties:\n${model}  C:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n${top}      KmsKeyId: alias/k\n      ProductionVariants:\n        - VariantName: v\n          ModelName: !GetAtt M.ModelName\n${variant}`;
const RT = '          InstanceType: ml.m5.xlarge\n          InitialInstanceCount: 1\n';
const SL = '          ServerlessConfig:\n            MemorySizeInMB: 2048\n            MaxConcurrency: 5\n';
const ASYNC = '      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://b/out/\n          KmsKeyId: alias/k\n';

describe('DA7002 network isolation, weighed with DA1013 and DA1005', () => {
  it('a real-time model without isolation: at the resource, saying what isolation breaks', () => {
    const f = lint(STACK(MODEL(''), RT)).filter((x) => x.ruleId === 'DA7002');
    expect(f).toMatchObject([{ messageId: 'missing', line: 3, column: 11, severity: 'warning' }]);
    expect(f[0]!.message).toMatch(/^model M does not enable network isolation; add EnableNetworkIsolation: true unless its container must reach the network \(downloads at start-up/);
  });

  it('isolation turned off is reported at the property; on, nothing; a parameter default counts', () => {
    expect(only(STACK(MODEL('      EnableNetworkIsolation: false\n'), RT))).toEqual([['DA7002', 'disabled', 6]]);
    expect(lint(STACK(MODEL('      EnableNetworkIsolation: false\n'), RT))[0]!.message).toMatch(/turns network isolation off/);
    expect(only(STACK(MODEL('      EnableNetworkIsolation: true\n'), RT))).toEqual([]);
    const withParam = (dflt: string) => `Parameters:\n  Iso:\n    Type: String\n${dflt}${STACK(MODEL('      EnableNetworkIsolation: !Ref Iso\n'), RT)}`;
    expect(only(withParam('    Default: "true"\n'))).toEqual([]);
    expect(only(withParam('    Default: "false"\n'))).toEqual([['DA7002', 'disabled', 10]]);
    expect(only(withParam(''))).toEqual([]); // no default: not guessed
  });

  it('a container that downloads at start-up is told what to move to S3 first', () => {
    const hub = MODEL('', '        Environment:\n          HF_MODEL_ID: meta-llama/Llama-3.1-8B\n', '');
    expect(only(STACK(hub, RT))).toEqual([['DA7002', 'downloadsAtStartup', 9]]);
    expect(lint(STACK(hub, RT))[0]!.message).toMatch(
      /downloads the weights of meta-llama\/Llama-3.1-8B from the Hugging Face Hub at start-up, which isolation would block: put the weights in S3 \(ModelDataUrl\), then add EnableNetworkIsolation: true/,
    );
    // With model data from S3, HF_MODEL_ID names the local copy: the plain advice.
    expect(lint(STACK(MODEL('', '        Environment:\n          HF_MODEL_ID: /opt/ml/model\n'), RT))[0]!.message).toMatch(/does not enable network isolation/);
    const code = MODEL('', '        Environment:\n          SAGEMAKER_SUBMIT_DIRECTORY: s3://b/code/sourcedir.tar.gz\n');
    expect(lint(STACK(code, RT))[0]).toMatchObject({ ruleId: 'DA7002', messageId: 'downloadsAtStartup', line: 10 });
    expect(lint(STACK(code, RT))[0]!.message).toMatch(/downloads its inference code from s3:\/\/b\/code\/sourcedir.tar.gz at start-up.*pack the code into model.tar.gz/);
  });

  it('a model that an inference component deploys runs on Real-Time instances: it is checked', () => {
    const t = (iso: string) =>
      `Resources:\n  M:\n    Type: AWS::SageMaker::Model\n    Properties:\n${MODEL(iso)}  C:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      KmsKeyId: alias/k\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n      ProductionVariants:\n        - VariantName: AllTraffic\n          InstanceType: ml.m5.xlarge\n          InitialInstanceCount: 1\n  E:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt C.EndpointConfigName\n  IC:\n    Type: AWS::SageMaker::InferenceComponent\n    Properties:\n      EndpointName: !GetAtt E.EndpointName\n      VariantName: AllTraffic\n      Specification:\n        ModelName: !GetAtt M.ModelName\n        ComputeResourceRequirements:\n          NumberOfCpuCoresRequired: 1\n          MinMemoryRequiredInMb: 1024\n      RuntimeConfig:\n        CopyCount: 1\n`;
    expect(only(t(''))).toEqual([['DA7002', 'missing', 3]]);
    expect(only(t('      EnableNetworkIsolation: true\n'))).toEqual([]);
  });

  it('an AWS CLI model input alone is checked (the file does not show what serves it)', () => {
    const cli = 'ModelName: m\nExecutionRoleArn: arn:aws:iam::123456789012:role/r\nPrimaryContainer:\n  Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n';
    expect(only(cli)).toEqual([['DA7002', 'missing', 1]]);
    expect(only(`# deploy-advisor-ignore DA7002 -- serves an async endpoint\n${cli}`)).toEqual([]);
  });

  // Every combination of hosting and isolation: one model never gets "turn it on" and "turn it off".
  const hosting = { 'real-time': [RT, ''], serverless: [SL, ''], async: [RT, ASYNC] } as const;
  const isolation = { absent: '', on: '      EnableNetworkIsolation: true\n', off: '      EnableNetworkIsolation: false\n' };
  for (const [h, [variant, top]] of Object.entries(hosting)) {
    for (const [i, prop] of Object.entries(isolation)) {
      it(`${h}, isolation ${i}: never opposite advice`, () => {
        const f = lint(STACK(MODEL(prop), variant, top));
        const turnOn = f.some((x) => x.ruleId === 'DA7002');
        const turnOff = f.some((x) => (x.ruleId === 'DA1013' || x.ruleId === 'DA1005') && x.messageId === 'networkIsolation');
        expect(turnOn && turnOff).toBe(false);
        expect(turnOn).toBe(h === 'real-time' && i !== 'on');
        expect(turnOff).toBe(h !== 'real-time' && i === 'on');
      });
    }
  }
});

describe('DA7003 and DA7004: keys for what SageMaker writes to S3 (allowed on every instance type)', () => {
  const CAPTURE = (extra = '') => `DataCaptureConfig:\n  InitialSamplingPercentage: 10\n  DestinationS3Uri: s3://b/capture/\n${extra}  CaptureOptions:\n    - CaptureMode: Input\n`;
  it('data capture without a key, on an NVMe type too; not when capture is off', () => {
    const [f] = lint(EC([INSTANCE('ml.g5.xlarge')], CAPTURE()));
    expect(f).toMatchObject({ ruleId: 'DA7003', messageId: 'noKey', line: 2, column: 1 });
    expect(f!.message).toBe('DataCaptureConfig has no KmsKeyId, so captured requests and responses in s3://b/capture/ are encrypted with the default S3 key; add KmsKeyId (a key ARN or alias)');
    expect(only(EC([INSTANCE('ml.g5.xlarge')], CAPTURE('  KmsKeyId: alias/k\n')))).toEqual([]);
    expect(only(EC([INSTANCE('ml.g5.xlarge')], CAPTURE('  EnableCapture: false\n')))).toEqual([]);
  });

  it('Serverless with data capture gets the error (DA1004), not a key warning', () => {
    const ids = lint(EC([SERVERLESS], CAPTURE())).map((f) => f.ruleId);
    expect(ids).toContain('DA1004');
    expect(ids).not.toContain('DA7003');
  });

  it('async output without a key: at OutputConfig', () => {
    const a = (key: string) => EC([INSTANCE('ml.g5.xlarge')], `AsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: s3://b/out/\n${key}`);
    expect(only(a(''))).toEqual([['DA7004', 'noKey', 3]]);
    expect(lint(a(''))[0]!.message).toMatch(/^AsyncInferenceConfig.OutputConfig has no KmsKeyId, so results in s3:\/\/b\/out\/ are encrypted with the default S3 key/);
    expect(only(a('    KmsKeyId: alias/k\n'))).toEqual([]);
  });

  it('each can be turned off or made an error in the config', () => {
    expect(lint(EC([INSTANCE('ml.m5.xlarge')]), { DA7001: 'off' })).toEqual([]);
    expect(lint(EC([INSTANCE('ml.m5.xlarge')]), { DA7001: 'error' })).toMatchObject([{ ruleId: 'DA7001', severity: 'error' }]);
  });
});

describe('SARIF ranks security rules for code scanning', () => {
  it('security rules carry the security tag, a CWE tag and security-severity; others carry none', () => {
    const text = EC([INSTANCE('ml.m5.xlarge')], 'DataCaptureConfig:\n  InitialSamplingPercentage: 200\n  DestinationS3Uri: s3://b/c/\n  CaptureOptions:\n    - CaptureMode: Input\n');
    const sarif = toSarif([{ path: 't.yaml', kinds: [], findings: lint(text) }]);
    expect(sarifValidator()(sarif)).toBe(true);
    const rules = Object.fromEntries(sarif.runs[0]!.tool.driver.rules!.map((r) => [r.id, r]));
    expect(Object.keys(rules).sort()).toEqual(['DA1011', 'DA7001', 'DA7003']);
    expect(rules.DA7001!.properties).toMatchObject({ tags: ['security', 'external/cwe/cwe-311'], 'security-severity': '4.0' });
    expect(rules.DA7003!.properties).toMatchObject({ tags: ['security', 'external/cwe/cwe-311'], 'security-severity': '5.0' });
    expect(rules.DA1011!.properties).toEqual({ source: expect.any(String) });
  });

  it('every security rule is a warning with a CWE and a severity GitHub accepts; only DA7xxx are security rules', () => {
    for (const r of RULES) {
      expect(!!r.security, r.id).toBe(r.id.startsWith('DA7'));
      if (!r.security) continue;
      expect(r.severity).toBe('warning');
      expect(r.security.cwe.length).toBeGreaterThan(0);
      for (const c of r.security.cwe) expect(c).toMatch(/^CWE-\d+$/);
      expect(r.security.severity).toBeGreaterThan(0);
      expect(r.security.severity).toBeLessThanOrEqual(10);
    }
  });
});
