// The CloudFormation schema rules (DA9001-DA9005) and the generated facts they read.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ANSWERS_SCHEMA } from '../../src/cli/lint';
import { CFN_RESOURCE_TYPES, CFN_SCHEMA_SOURCE, cfnResource } from '../../src/rules/facts/cfn';
import { suggest } from '../../src/rules/lint/cfn-schema';
import { lintText } from '../../src/rules/lint/run';
import { SECURITY_OFF } from '../security-off';
import { cli } from '../cli/helpers';

const lint = (text: string, severities: Record<string, 'off' | 'error' | 'warning'> = SECURITY_OFF) => lintText('t.yaml', Buffer.from(text), { severities, answers: ANSWERS_SCHEMA }).findings;
const short = (text: string, severities?: Record<string, 'off' | 'error' | 'warning'>) => lint(text, severities).map((f) => [f.ruleId, f.messageId, f.line, f.column]);

const ROLE = 'arn:aws:iam::123456789012:role/SageMaker';
/** A model, an endpoint config and an endpoint; each part replaceable. */
const T = (o: { params?: string; model?: string; variant?: string; config?: string; endpoint?: string; more?: string; top?: string } = {}) => `${o.top ?? ''}${o.params ?? ''}Resources:
  Model:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: ${ROLE}
${o.model ?? '      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n'}  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
${o.config ?? ''}      ProductionVariants:
        - VariantName: AllTraffic
${o.variant ?? '          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n'}  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
${o.endpoint ?? '      EndpointConfigName: !GetAtt Config.EndpointConfigName\n'}${o.more ?? ''}`;

describe('the generated CloudFormation facts', () => {
  it('are current: regenerating from the pinned package gives the same text', () => {
    const fresh = execFileSync(process.execPath, ['scripts/gen-cfn.mjs', '--print'], { encoding: 'utf8' });
    expect(fresh === readFileSync('src/rules/facts/cfn.generated.ts', 'utf8'), 'src/rules/facts/cfn.generated.ts is stale: run npm run gen:cfn').toBe(true);
  });

  it('record the pinned source, which package.json pins exactly and the README names', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.devDependencies[CFN_SCHEMA_SOURCE.package]).toBe(CFN_SCHEMA_SOURCE.version);
    expect(readFileSync('README.md', 'utf8').includes(`${CFN_SCHEMA_SOURCE.package}@${CFN_SCHEMA_SOURCE.version}`), 'the README names the pinned schema source').toBe(true);
  });

  it('hold the resources deploy-advisor writes, with what CloudFormation requires and returns', () => {
    expect([...CFN_RESOURCE_TYPES]).toEqual([
      'AWS::SageMaker::Model',
      'AWS::SageMaker::EndpointConfig',
      'AWS::SageMaker::Endpoint',
      'AWS::SageMaker::InferenceComponent',
      'AWS::ApplicationAutoScaling::ScalableTarget',
      'AWS::ApplicationAutoScaling::ScalingPolicy',
      'AWS::CloudWatch::Alarm',
    ]);
    const ec = cfnResource('AWS::SageMaker::EndpointConfig')!;
    expect(ec.required).toEqual(['ProductionVariants']);
    expect(ec.properties.ProductionVariants).toEqual({ list: 'ProductionVariant' });
    expect(ec.types.ProductionVariant!.required).toEqual(['VariantName']);
    expect(ec.types.ServerlessConfig!.properties.MemorySizeInMB).toBe('integer');
    expect(cfnResource('AWS::SageMaker::Model')!.attributes).toEqual(['ModelArn', 'ModelName']);
    expect(cfnResource('AWS::ApplicationAutoScaling::ScalableTarget')!.required).toEqual(['MaxCapacity', 'MinCapacity', 'ResourceId', 'ScalableDimension', 'ServiceNamespace']);
    expect(cfnResource('AWS::SageMaker::InferenceComponent')!.attributes).toContain('RuntimeConfig.CurrentCopyCount');
    expect(cfnResource('AWS::S3::Bucket')).toBeNull();
  });

  it('are built only for the resources a linted file holds, and not at all for an AWS CLI input', async () => {
    vi.resetModules();
    const facts = await import('../../src/rules/facts/cfn');
    const run = await import('../../src/rules/lint/run');
    run.lintText('c.yaml', Buffer.from(readFileSync('fixtures/lint/DA1001/valid.yaml')));
    expect(facts.builtCfnResources()).toEqual([]);
    run.lintText('t.yaml', Buffer.from(`Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: ${ROLE}\n      PrimaryContainer:\n        Image: a/b:1\n`));
    expect(facts.builtCfnResources()).toEqual(['AWS::SageMaker::Model']);
  });
});

describe('issue 22: a misspelt model and a literal ${...} in a parameter default', () => {
  const text = readFileSync('fixtures/cfn-schema/misspelt-model.yaml', 'utf8');

  it('reports each defect at its key or value, under its rule, and not DA6002', () => {
    expect(short(text)).toEqual([
      ['DA9005', 'literalInDefault', 8, 14],
      ['DA9001', 'unknownProperty', 17, 7],
      ['DA9001', 'unknownProperty', 25, 11],
      ['DA9004', 'unknownAttribute', 25, 26],
    ]);
    const f = lint(text);
    expect(f[1]!.message).toBe('unknown property "model" in AWS::SageMaker::Model Model; CloudFormation rejects it; did you mean ModelName?');
    expect(f[2]!.message).toBe('unknown property "Model" in ProductionVariant; CloudFormation rejects it; did you mean ModelName?');
    expect(f[3]!.message).toBe('!GetAtt Model.model: AWS::SageMaker::Model has no attribute model (it has ModelArn, ModelName); did you mean ModelName?');
    expect(f[0]!.message).toMatch(/^the Default of parameter ModelPackageArn holds \$\{AWS::Region\}, which CloudFormation does not substitute; it reaches ModelPackageName of Model through !Ref/);
  });

  it('with DA9001 turned off, DA6002 speaks again (the unknown key no longer shown)', () => {
    expect(short(text, { ...SECURITY_OFF, DA9001: 'off' }).map((x) => x[0])).toContain('DA6002');
  });

  it("in an AWS CLI input too: a misspelt ModelName is DA1014's unknown key, not DA6002", () => {
    const input = 'EndpointConfigName: churn\nProductionVariants:\n  - VariantName: AllTraffic\n    Model: churn-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n';
    expect(short(input)).toEqual([['DA1014', 'unknownKey', 4, 12]]);
    expect(short(input.replace('    Model:', '    ModelName:'))).toEqual([]);
  });

  it('the fixed template has none of these findings', () => {
    expect(lint(readFileSync('fixtures/cfn-schema/fixed-model.yaml', 'utf8'))).toEqual([]);
  });

  it('the CLI says so with exit 1', () => {
    const r = cli(['lint', '--format', 'json', 'fixtures/cfn-schema/misspelt-model.yaml']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings.map((x: { ruleId: string }) => x.ruleId)).toEqual(expect.arrayContaining(['DA9001', 'DA9004', 'DA9005']));
  });
});

describe('DA9001: unknown properties', () => {
  it('suggests the name meant: near misses, case, and a prefix', () => {
    expect(suggest('Model', ['ModelName', 'ModelDataDownloadTimeoutInSeconds', 'VariantName'])).toBe('ModelName');
    expect(suggest('model', ['ModelArn', 'ModelName'])).toBe('ModelName');
    expect(suggest('Variantname', ['VariantName'])).toBe('VariantName');
    expect(suggest('InstanceTyp', ['InstanceType', 'InitialInstanceCount'])).toBe('InstanceType');
    expect(suggest('Initial', ['InitialInstanceCount', 'InitialVariantWeight'])).toBe('InitialInstanceCount or InitialVariantWeight');
    expect(suggest('Name', ['EndpointArn', 'EndpointName'])).toBe('EndpointName');
    expect(suggest('Zzz', ['ModelName'])).toBeNull();
  });

  it('checks nested types at every depth, and keys of the resource itself', () => {
    const t = T({ model: '      PrimaryContainer:\n        Image: a/b:1\n        ImageConfig:\n          RepositoryAccessMode: Platform\n          RepositoryAuth: {}\n', more: '    DependOn: Model\n' });
    expect(short(t)).toEqual([
      ['DA9001', 'unknownProperty', 10, 11],
      ['DA9001', 'unknownResourceKey', 23, 5],
    ]);
    expect(lint(t)[1]!.message).toMatch(/unknown key "DependOn" in resource Endpoint; .*; did you mean DependsOn\?$/);
  });

  it('a misspelt key silences the rules that read intent from its absence (DA2004 no image, DA2001 no container, DA1011)', () => {
    expect(short(T({ model: '      PrimaryContainer:\n        image: a/b:1\n' }))).toEqual([['DA9001', 'unknownProperty', 7, 9]]);
    expect(short(T({ model: '      Container:\n        Image: a/b:1\n' }))).toEqual([['DA9001', 'unknownProperty', 6, 7]]);
    expect(short(T({ variant: '          ModelName: !GetAtt Model.ModelName\n          Instancetype: ml.m5.large\n          InitialInstanceCount: 1\n' }))).toEqual([['DA9001', 'unknownProperty', 14, 11]]);
    // An async endpoint config whose variant misspells ModelName is not "meant for inference components" (DA6003).
    const asyncConfig = T({
      config: '      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://b/out/\n',
      variant: '          Modelname: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n',
    });
    expect(short(asyncConfig)).toEqual([['DA9001', 'unknownProperty', 17, 11]]);
    expect(short(asyncConfig, { ...SECURITY_OFF, DA9001: 'off' }).map((x) => x[0])).toContain('DA6003');
    // Without the misspelling, they speak.
    expect(short(T({ model: '      PrimaryContainer:\n        Environment: {}\n' }))).toEqual([['DA2004', 'noImage', 6, 7]]);
  });
});

describe('DA9002: required properties', () => {
  const TARGET = (props: string) => `  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n${props}`;
  it('at the mapping that lacks one, and a resource with no Properties at all', () => {
    expect(short(T({ more: TARGET('    Properties:\n      ServiceNamespace: sagemaker\n      ResourceId: endpoint/e/variant/v\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n      MinCapacity: 1\n') }))).toEqual([
      ['DA9002', 'missingProperty', 22, 5],
    ]);
    const [f] = lint(T({ more: TARGET('') }));
    expect(f).toMatchObject({
      ruleId: 'DA9002',
      messageId: 'noProperties',
      line: 20,
      column: 3,
      message: 'resource Target has no Properties, but AWS::ApplicationAutoScaling::ScalableTarget requires MaxCapacity, MinCapacity, ResourceId, ScalableDimension, ServiceNamespace',
    });
  });

  it('in nested types, once when DA1014 says the same (the API model requires it too)', () => {
    const serverless = T({ variant: '          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 2048\n' });
    expect(short(serverless)).toEqual([['DA1014', 'missingMember', 14, 11]]);
    expect(short(serverless, { ...SECURITY_OFF, DA1014: 'off' })).toEqual([['DA9002', 'missingProperty', 14, 11]]);
    // A variant without its VariantName: the API model requires it too, so DA1014 says it, once.
    const unnamed = short(T({ variant: '          - ModelName: x\n' }).replace('        - VariantName: AllTraffic\n', ''));
    expect(unnamed).toContainEqual(['DA1014', 'missingMember', 12, 13]);
    expect(unnamed.filter((x) => x[0] === 'DA9002')).toEqual([]);
  });
});

describe('DA9003: types', () => {
  it('lists, mappings, whole numbers, booleans, null', () => {
    const t = T({
      endpoint: '      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      Tags:\n        team: ml\n      RetainAllVariantProperties: maybe\n      DeploymentConfig: blue-green\n      ExcludeRetainedVariantProperties:\n',
    });
    expect(short(t)).toEqual([
      ['DA9003', 'wrongType', 20, 7],
      ['DA9003', 'wrongType', 22, 35],
      ['DA9003', 'wrongType', 23, 25],
      ['DA9003', 'nullValue', 24, 7],
    ]);
    const m = lint(t).map((f) => f.message);
    expect(m[0]).toBe('Tags is a mapping; CloudFormation needs a list, each a tag (Key and Value)');
    expect(m[1]).toBe('RetainAllVariantProperties is "maybe"; CloudFormation needs true or false');
    expect(m[2]).toBe('DeploymentConfig is "blue-green"; CloudFormation needs a DeploymentConfig mapping');
  });

  it('takes what CloudFormation converts: "2" for a whole number, 2 for a string, "true" for a boolean', () => {
    expect(
      lint(
        T({
          variant: '          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: "2"\n          VariantName2: x\n'.replace('          VariantName2: x\n', ''),
          endpoint: '      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      EndpointName: 123\n      RetainAllVariantProperties: "true"\n',
        }),
      ),
    ).toEqual([]);
  });

  it('intrinsics are values of unknown type, never type errors', () => {
    for (const v of ['!Ref Count', '!GetAtt Model.ModelName', '!Sub "${Count}"', '!Join ["", ["1"]]', '!Select [0, ["1"]]', '!FindInMap [M, a, b]', '!ImportValue count', '{"Fn::Select": [0, [1]]}']) {
      const t = T({ params: 'Parameters:\n  Count:\n    Type: Number\n', variant: `          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: ${v}\n` });
      expect(
        lint(t).filter((f) => f.ruleId.startsWith('DA9')),
        v,
      ).toEqual([]);
    }
  });

  it('checks both branches of Fn::If, at the branch (short and long form), and AWS::NoValue is no value', () => {
    const t = T({
      top: 'Conditions:\n  Big: !Equals [a, b]\n',
      variant: '          ModelName: !GetAtt Model.ModelName\n          InstanceType: ml.m5.large\n          InitialInstanceCount: !If [Big, 2, two]\n          VolumeSizeInGB: {"Fn::If": [Big, lots, !Ref "AWS::NoValue"]}\n',
    });
    expect(short(t)).toEqual([
      ['DA9003', 'wrongType', 17, 46],
      ['DA9003', 'wrongType', 18, 44],
    ]);
    const props = T({ top: 'Conditions:\n  Big: !Equals [a, b]\n', endpoint: '      Fn::If:\n        - Big\n        - EndpointConfigName: !GetAtt Config.EndpointConfigName\n        - EndpointConfigNam: x\n' }).replace(
      '    Properties:\n      Fn::If',
      '    Properties:\n      Fn::If',
    );
    expect(short(props).map((x) => x.slice(0, 2))).toEqual([
      ['DA9001', 'unknownProperty'],
      ['DA9002', 'missingProperty'],
    ]);
  });
});

describe('DA9004: !GetAtt and references', () => {
  it('an attribute the resource lacks: short and long form, in !Sub, in Outputs', () => {
    const t = T({
      endpoint: '      EndpointConfigName: {"Fn::GetAtt": [Config, Name]}\n',
      more: 'Outputs:\n  Url:\n    Value: !Sub https://runtime.sagemaker.${AWS::Region}.amazonaws.com/endpoints/${Endpoint.Name}/invocations\n  Arn:\n    Value: !GetAtt Endpoint.EndpointArn\n',
    });
    expect(short(t)).toEqual([
      ['DA9004', 'unknownAttribute', 19, 7],
      ['DA9004', 'unknownAttribute', 22, 17],
    ]);
    expect(lint(t)[1]!.message).toBe('!Sub Endpoint.Name: AWS::SageMaker::Endpoint has no attribute Name (it has EndpointArn, EndpointName); did you mean EndpointName?');
  });

  it('a resource or parameter that does not exist, in a SageMaker resource (not in a SAM template)', () => {
    const t = T({ endpoint: '      EndpointConfigName: !GetAtt Confg.EndpointConfigName\n      EndpointName: !Ref Nme\n' });
    expect(short(t)).toEqual([
      ['DA9004', 'noSuchResource', 19, 35],
      ['DA9004', 'noSuchResource', 20, 26],
    ]);
    expect(lint(t)[0]!.message).toBe('!GetAtt names Confg, which is no resource of this template; CloudFormation rejects it as an unresolved dependency; did you mean Config?');
    expect(lint(`Transform: AWS::Serverless-2016-10-31\n${t}`)).toEqual([]);
  });

  it('pseudo parameters, parameters and !Sub variables are defined', () => {
    const t = T({
      params: 'Parameters:\n  Name:\n    Type: String\n',
      endpoint: '      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      EndpointName: !Sub ["${Name}-${AWS::Region}-${Suffix}", {Suffix: !Ref "AWS::StackName"}]\n',
    });
    expect(lint(t)).toEqual([]);
  });
});

describe('DA9005: ${...} outside Fn::Sub', () => {
  it('in a property, inside other functions too, at the value', () => {
    const t = T({
      endpoint: '      EndpointConfigName: !GetAtt Config.EndpointConfigName\n      EndpointName: churn-${AWS::StackName}\n      Tags:\n        - Key: stack\n          Value: !Join ["-", [a, "${Config.EndpointConfigName}"]]\n',
    });
    expect(short(t)).toEqual([
      ['DA9005', 'literalInProperty', 20, 21],
      ['DA9005', 'literalInProperty', 23, 34],
    ]);
    expect(lint(t)[0]!.message).toBe('EndpointName holds ${AWS::StackName} outside Fn::Sub, so CloudFormation passes it on as text; write the value with !Sub');
  });

  it('in a parameter default that reaches a property through !Ref or a !Sub variable; not when nothing uses it', () => {
    const params = 'Parameters:\n  Pkg:\n    Type: String\n    Default: arn:aws:sagemaker:${AWS::Region}:123456789012:model-package/p/1\n';
    expect(short(T({ params, model: '      Containers:\n        - ModelPackageName: !Ref Pkg\n' }))).toEqual([['DA9005', 'literalInDefault', 4, 14]]);
    expect(short(T({ params, model: '      Containers:\n        - ModelPackageName: !Sub "${Pkg}"\n' }))).toEqual([['DA9005', 'literalInDefault', 4, 14]]);
    expect(lint(T({ params }))).toEqual([]);
  });

  it('leaves ${...} that names nothing of the template (a shell variable) and the ${!Literal} escape', () => {
    const t = T({ model: '      PrimaryContainer:\n        Image: a/b:1\n        Environment:\n          MODEL_DIR: ${HOME}/model\n          TEMPLATE: ${!AWS::Region}\n' });
    expect(lint(t)).toEqual([]);
  });
});
