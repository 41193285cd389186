// Types and enums of the fields the rules read, and failure modes from competitors.md (F3, F5).

import { API_MODEL_SOURCES, closestMember, operationInput, shape } from '../facts/api';
import { containers, intrinsic, isObj, plain, str, variantModels } from './helpers';
import type { Path, RawFinding, Rule, RuleContext } from './types';

const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';

const SUBJECT_SHAPES = {
  endpointConfigs: operationInput('create-endpoint-config'),
  models: operationInput('create-model'),
  transformJobs: operationInput('create-transform-job'),
} as const;
/** Required members other rules already report, as Shape.Member (DA1009, DA1006). */
const REPORTED_ELSEWHERE = new Set(['CreateEndpointConfigInput.ProductionVariants', 'AsyncInferenceConfig.OutputConfig']);
/** Enumerations another rule checks with a better message (DA1010: instance types by use). */
const ENUMS_ELSEWHERE = new Set(['ProductionVariantInstanceType', 'TransformInstanceType']);
/** A placeholder the generator writes for a value not given, such as <ACCOUNT> or <BUCKET>. */
const PLACEHOLDER = /<[A-Z][A-Z0-9_-]*>/;
const NUMBER_TYPES = new Set(['integer', 'long', 'float', 'double']);
const MAX_DEPTH = 24;

export const fieldTypes: Rule = {
  id: 'DA1014',
  name: 'field-types',
  severity: 'error',
  title: 'Fields match the SageMaker API model: types, enumerated values, required and known members, no placeholders',
  source: `${API}API_ProductionVariant.html`,
  description: `Each field is checked against its shape in the SageMaker API model (${API_MODEL_SOURCES.structures}, enumerations from ${API_MODEL_SOURCES.enums}; see README), by where it sits: ContainerDefinition.Mode (SingleModel, MultiModel) is not InferenceExecutionConfig.Mode (Serial, Direct). Counts, sizes and timeouts are whole numbers; enumerated fields take one of their values, spelt exactly; required members are present. In AWS CLI inputs, where the CLI validates parameters itself, numbers must not be quoted ("2048"), strings must be strings, and unknown keys are errors. Values still holding a placeholder such as <ACCOUNT> are reported.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2GB\n      MaxConcurrency: 5\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n',
  },
  messages: {
    notMapping: '{{field}} must be a mapping ({{shape}})',
    missingMember: '{{field}} has no {{member}}, which {{shape}} requires; add it',
    unknownKey: 'unknown key "{{key}}" in {{where}}; the AWS CLI rejects it{{suggestion}}',
    notList: '{{field}} must be a list',
    quotedNumber: '{{field}} is the string {{value}}; the AWS CLI needs a number: write {{number}} without quotes',
    notWholeNumber: '{{field}} is {{value}}; it must be a whole number{{units}}',
    notNumber: '{{field}} is {{value}}; it must be a number{{units}}',
    notBoolean: '{{field}} is {{value}}; it must be true or false',
    notString: '{{field}} is {{value}}; the AWS CLI needs a string here: quote it',
    notInEnum: '{{field}} "{{value}}" is not one of {{allowed}}{{suggestion}}',
    placeholder: '{{field}} "{{value}}" still holds a <PLACEHOLDER> ({{placeholder}}); fill in the real value',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    // AWS CLI inputs are validated by the CLI as they are; CloudFormation converts "2048" to 2048 and has its own keys.
    const cli = ctx.kind.startsWith('aws-cli:');
    const shown = (v: unknown) => JSON.stringify(v) ?? String(v);
    const walk = (raw: unknown, shapeName: string, path: Path, label: string, depth: number, top: boolean) => {
      const s = shape(shapeName);
      if (!s || depth > MAX_DEPTH || raw === undefined || raw === null) return;
      const v = intrinsic(raw) ? ctx.resolve(raw) : raw;
      if (typeof v === 'symbol' || intrinsic(v)) return;
      if (s.type === 'structure') {
        if (!plain(v)) {
          if (cli) out.push({ path, messageId: 'notMapping', data: { field: label, shape: shapeName } });
          return;
        }
        const members = s.members ?? {};
        for (const req of s.required ?? []) {
          if (v[req] !== undefined || REPORTED_ELSEWHERE.has(`${shapeName}.${req}`) || (top && !cli)) continue;
          out.push({ path, messageId: 'missingMember', data: { field: label, member: req, shape: shapeName } });
        }
        for (const [k, x] of Object.entries(v)) {
          const m = members[k];
          if (m) walk(x, m, [...path, k], k, depth + 1, false);
          else if (cli) {
            const close = closestMember(k, Object.keys(members));
            out.push({ path: [...path, k], messageId: 'unknownKey', data: { key: k, where: top ? `the ${ctx.kind.replace('aws-cli:', '')} input` : label, suggestion: close ? `: did you mean ${close}?` : '' } });
          }
        }
      } else if (s.type === 'list') {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, s.member!, [...path, i], label, depth + 1, false));
        else if (cli) out.push({ path, messageId: 'notList', data: { field: label } });
      } else if (s.type === 'map') {
        if (plain(v)) for (const [k, x] of Object.entries(v)) walk(x, s.value!, [...path, k], `${label}.${k}`, depth + 1, false);
      } else if (NUMBER_TYPES.has(s.type)) {
        const whole = s.type === 'integer' || s.type === 'long';
        const n = !cli && typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
        if (typeof n !== 'number' || (whole && !Number.isInteger(n))) {
          const quoted = typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v);
          if (quoted) out.push({ path, messageId: 'quotedNumber', data: { field: label, value: shown(v), number: v.trim() } });
          else out.push({ path, messageId: whole ? 'notWholeNumber' : 'notNumber', data: { field: label, value: shown(v), units: typeof v === 'string' && /[a-z]/i.test(v) ? ' (no units)' : '' } });
        }
      } else if (s.type === 'boolean') {
        if (cli && typeof v !== 'boolean') out.push({ path, messageId: 'notBoolean', data: { field: label, value: shown(v) } });
      } else if (s.type === 'string') {
        if (typeof v !== 'string') {
          if (cli) out.push({ path, messageId: 'notString', data: { field: label, value: shown(v) } });
          return;
        }
        if (s.enum && !s.enum.includes(v) && !ENUMS_ELSEWHERE.has(shapeName)) {
          const close = s.enum.find((e) => e.toLowerCase() === v.toLowerCase());
          const allowed = s.enum.length > 12 ? `the values of ${shapeName}` : s.enum.join(', ');
          out.push({ path, messageId: 'notInEnum', data: { field: label, value: v, allowed, suggestion: close ? `; did you mean ${close}?` : '' } });
        }
        const ph = PLACEHOLDER.exec(v);
        if (ph && label !== 'ExecutionRoleArn') out.push({ path, messageId: 'placeholder', data: { field: label, value: v, placeholder: ph[0] } });
      }
    };
    for (const [key, shapeName] of Object.entries(SUBJECT_SHAPES)) {
      for (const subject of ctx[key as keyof typeof SUBJECT_SHAPES]) walk(subject.props, shapeName, subject.base, subject.name, 0, true);
    }
    return out;
  },
};

/** The endpoint config an autoscaling ResourceId points to, following !Sub and the Endpoint resource. */
function asyncEndpointOf(ctx: RuleContext, resourceId: unknown): string | null {
  let text: string | null = null;
  if (isObj(resourceId) && typeof resourceId['Fn::Sub'] === 'string') text = resourceId['Fn::Sub'];
  else if (isObj(resourceId) && Array.isArray(resourceId['Fn::Sub']) && typeof resourceId['Fn::Sub'][0] === 'string') text = resourceId['Fn::Sub'][0];
  if (!text) return null;
  // A logical id, or a Terraform address (aws_sagemaker_endpoint.e, as terraform/module.ts writes it).
  const m = /endpoint\/\$\{([\w.-]+?)(?:\.EndpointName)?\}\//.exec(text);
  const ep = m ? ctx.resources[m[1]!] : undefined;
  if (!isObj(ep) || ep.Type !== 'AWS::SageMaker::Endpoint' || !plain(ep.Properties)) return null;
  const ref = ep.Properties.EndpointConfigName;
  const id = isObj(ref) && Array.isArray(ref['Fn::GetAtt']) ? String(ref['Fn::GetAtt'][0]) : isObj(ref) && typeof ref.Ref === 'string' ? ref.Ref : null;
  const cfg = id ? ctx.resources[id] : undefined;
  return isObj(cfg) && plain(cfg.Properties) && cfg.Properties.AsyncInferenceConfig !== undefined ? id : null;
}

export const asyncScalingMetric: Rule = {
  id: 'DA1015',
  name: 'async-scaling-metric',
  severity: 'warning',
  title: 'Autoscale async endpoints on their backlog, not on invocations per instance',
  source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html',
  description:
    'An asynchronous endpoint is scaled on ApproximateBacklogSizePerInstance; SageMakerVariantInvocationsPerInstance does not reflect queued requests, so the endpoint never scales with its queue. To scale up from zero, add a step policy on HasBacklogWithoutCapacity.',
  examples: {
    invalid:
      'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: my-model\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n      MinCapacity: 0\n      MaxCapacity: 4\n      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n      ServiceNamespace: sagemaker\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: scale\n      PolicyType: TargetTrackingScaling\n      ScalingTargetId: !Ref Target\n      TargetTrackingScalingPolicyConfiguration:\n        TargetValue: 100\n        PredefinedMetricSpecification:\n          PredefinedMetricType: SageMakerVariantInvocationsPerInstance\n',
    valid:
      'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: my-model\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n      MinCapacity: 0\n      MaxCapacity: 4\n      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n      ServiceNamespace: sagemaker\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: scale\n      PolicyType: TargetTrackingScaling\n      ScalingTargetId: !Ref Target\n      TargetTrackingScalingPolicyConfiguration:\n        TargetValue: 5\n        CustomizedMetricSpecification:\n          MetricName: ApproximateBacklogSizePerInstance\n          Namespace: AWS/SageMaker\n          Statistic: Average\n          Dimensions:\n            - Name: EndpointName\n              Value: !GetAtt Endpoint.EndpointName\n',
  },
  messages: {
    invocationsMetric:
      '{{policy}} scales the async endpoint of {{config}} on SageMakerVariantInvocationsPerInstance, which does not follow its queue; track ApproximateBacklogSizePerInstance instead (and add a HasBacklogWithoutCapacity step policy to scale from zero)',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const [id, r] of Object.entries(ctx.resources)) {
      if (!isObj(r) || r.Type !== 'AWS::ApplicationAutoScaling::ScalingPolicy' || !plain(r.Properties)) continue;
      const tt = r.Properties.TargetTrackingScalingPolicyConfiguration;
      const pm = plain(tt) && plain(tt.PredefinedMetricSpecification) ? tt.PredefinedMetricSpecification : null;
      if (!pm || pm.PredefinedMetricType !== 'SageMakerVariantInvocationsPerInstance') continue;
      const target = r.Properties.ScalingTargetId;
      const tid = isObj(target) && typeof target.Ref === 'string' ? target.Ref : null;
      const t = tid ? ctx.resources[tid] : undefined;
      if (!isObj(t) || !plain(t.Properties)) continue;
      const cfg = asyncEndpointOf(ctx, t.Properties.ResourceId);
      if (cfg) out.push({ path: ['Resources', id, 'Properties', 'TargetTrackingScalingPolicyConfiguration', 'PredefinedMetricSpecification', 'PredefinedMetricType'], messageId: 'invocationsMetric', data: { policy: id, config: cfg } });
    }
    return out;
  },
};

const WORKERS = ['SAGEMAKER_MODEL_SERVER_WORKERS', 'MMS_DEFAULT_WORKERS_PER_MODEL', 'TS_DEFAULT_WORKERS_PER_MODEL'];

export const serverlessWorkers: Rule = {
  id: 'DA1016',
  name: 'serverless-workers',
  severity: 'warning',
  title: 'One model-server worker on Serverless',
  source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html',
  description: `Each model-server worker loads its own copy of the model, and serverless memory is small (at most 6 GB): the docs recommend one worker and one model copy per container. Checked: ${WORKERS.join(', ')}.`,
  examples: {
    invalid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Environment:\n          SAGEMAKER_MODEL_SERVER_WORKERS: "4"\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 4096\n            MaxConcurrency: 5\n',
    valid:
      'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Environment:\n          SAGEMAKER_MODEL_SERVER_WORKERS: "1"\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 4096\n            MaxConcurrency: 5\n',
  },
  messages: { tooManyWorkers: '{{variable}} is {{workers}} on a Serverless endpoint: each worker loads its own copy of the model into limited memory; use 1' },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m } of variantModels(ctx, (_ec, v) => plain(v.ServerlessConfig))) {
      for (const { c, path } of containers(m)) {
        if (!isObj(c.Environment)) continue;
        for (const k of WORKERS) {
          const n = Number(str(ctx, c.Environment[k]));
          if (Number.isFinite(n) && n > 1) out.push({ path: [...path, 'Environment', k], messageId: 'tooManyWorkers', data: { variable: k, workers: n } });
        }
      }
    }
    return out;
  },
};

export const MORE_RULES = [fieldTypes, asyncScalingMetric, serverlessWorkers];
