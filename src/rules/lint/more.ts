// Types and enums of the fields the rules read, and failure modes from competitors.md (F3, F5).

import { containers, intrinsic, isObj, plain, str, variantModels } from './helpers';
import type { Path, RawFinding, Rule, RuleContext } from './types';

const API = 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/';

const INTEGERS = ['MemorySizeInMB', 'MaxConcurrency', 'ProvisionedConcurrency', 'InitialInstanceCount', 'VolumeSizeInGB', 'ModelDataDownloadTimeoutInSeconds', 'ContainerStartupHealthCheckTimeoutInSeconds', 'MaxConcurrentInvocationsPerInstance', 'InitialSamplingPercentage', 'MaxPayloadInMB', 'MaxConcurrentTransforms', 'InvocationsTimeoutInSeconds', 'InvocationsMaxRetries', 'InstanceCount'];
const ENUMS: Record<string, readonly string[]> = {
  Mode: ['SingleModel', 'MultiModel', 'Direct', 'Serial'],
  SplitType: ['None', 'Line', 'RecordIO', 'TFRecord'],
  BatchStrategy: ['MultiRecord', 'SingleRecord'],
  AssembleWith: ['None', 'Line'],
  CompressionType: ['None', 'Gzip'],
  S3DataType: ['S3Prefix', 'ManifestFile', 'S3Object', 'Converse'],
  CaptureMode: ['Input', 'Output', 'InputAndOutput'],
};

export const fieldTypes: Rule = {
  id: 'DA1014',
  name: 'field-types',
  severity: 'error',
  title: 'Numeric fields hold whole numbers; enumerated fields one of their values',
  source: `${API}API_ProductionVariant.html`,
  description: `Counts, sizes and timeouts (${INTEGERS.join(', ')}) are whole numbers. Mode, SplitType, BatchStrategy, AssembleWith, CompressionType, S3DataType and CaptureMode take one of their listed values, spelt exactly.`,
  examples: {
    invalid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2GB\n      MaxConcurrency: 5\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    ServerlessConfig:\n      MemorySizeInMB: 2048\n      MaxConcurrency: 5\n',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    const walk = (v: unknown, path: Path, key: string | null, depth: number) => {
      if (depth > 12) return;
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], key, depth + 1));
      if (isObj(v)) {
        if (intrinsic(v) && ctx.resolve(v) !== v) {
          const r = ctx.resolve(v);
          if (typeof r !== 'symbol' && key !== null) walk(r, path, key, depth + 1);
          return;
        }
        for (const [k, x] of Object.entries(v)) if (k !== 'Tags' && k !== 'Environment') walk(x, [...path, k], k, depth + 1);
        return;
      }
      if (key === null || v === null || v === undefined) return;
      if (INTEGERS.includes(key)) {
        const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n)) out.push({ path, message: `${key} is ${JSON.stringify(v)}; it must be a whole number${typeof v === 'string' && /[a-z]/i.test(v) ? ' (no units)' : ''}` });
      } else if (ENUMS[key] && typeof v === 'string' && !ENUMS[key]!.includes(v)) {
        const close = ENUMS[key]!.find((e) => e.toLowerCase() === v.toLowerCase());
        out.push({ path, message: `${key} "${v}" is not one of ${ENUMS[key]!.join(', ')}${close ? `; did you mean ${close}?` : ''}` });
      }
    };
    for (const s of [...ctx.endpointConfigs, ...ctx.models, ...ctx.transformJobs]) walk(s.props, s.base, null, 0);
    return out;
  },
};

/** The endpoint config an autoscaling ResourceId points to, following !Sub and the Endpoint resource. */
function asyncEndpointOf(ctx: RuleContext, resourceId: unknown): string | null {
  let text: string | null = null;
  if (isObj(resourceId) && typeof resourceId['Fn::Sub'] === 'string') text = resourceId['Fn::Sub'];
  else if (isObj(resourceId) && Array.isArray(resourceId['Fn::Sub']) && typeof resourceId['Fn::Sub'][0] === 'string') text = resourceId['Fn::Sub'][0];
  if (!text) return null;
  const m = /endpoint\/\$\{(\w+)(?:\.EndpointName)?\}\//.exec(text);
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
  description: 'An asynchronous endpoint is scaled on ApproximateBacklogSizePerInstance; SageMakerVariantInvocationsPerInstance does not reflect queued requests, so the endpoint never scales with its queue. To scale up from zero, add a step policy on HasBacklogWithoutCapacity.',
  examples: {
    invalid: 'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: my-model\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n      MinCapacity: 0\n      MaxCapacity: 4\n      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n      ServiceNamespace: sagemaker\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: scale\n      PolicyType: TargetTrackingScaling\n      ScalingTargetId: !Ref Target\n      TargetTrackingScalingPolicyConfiguration:\n        TargetValue: 100\n        PredefinedMetricSpecification:\n          PredefinedMetricType: SageMakerVariantInvocationsPerInstance\n',
    valid: 'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: my-model\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n      AsyncInferenceConfig:\n        OutputConfig:\n          S3OutputPath: s3://bucket/out/\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config.EndpointConfigName\n  Target:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n      MinCapacity: 0\n      MaxCapacity: 4\n      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n      ServiceNamespace: sagemaker\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n      PolicyName: scale\n      PolicyType: TargetTrackingScaling\n      ScalingTargetId: !Ref Target\n      TargetTrackingScalingPolicyConfiguration:\n        TargetValue: 5\n        CustomizedMetricSpecification:\n          MetricName: ApproximateBacklogSizePerInstance\n          Namespace: AWS/SageMaker\n          Statistic: Average\n          Dimensions:\n            - Name: EndpointName\n              Value: !GetAtt Endpoint.EndpointName\n',
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
      if (cfg) out.push({ path: ['Resources', id, 'Properties', 'TargetTrackingScalingPolicyConfiguration', 'PredefinedMetricSpecification', 'PredefinedMetricType'], message: `${id} scales the async endpoint of ${cfg} on SageMakerVariantInvocationsPerInstance, which does not follow its queue; track ApproximateBacklogSizePerInstance instead (and add a HasBacklogWithoutCapacity step policy to scale from zero)` });
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
    invalid: 'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Environment:\n          SAGEMAKER_MODEL_SERVER_WORKERS: "4"\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 4096\n            MaxConcurrency: 5\n',
    valid: 'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMaker\n      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1\n        Environment:\n          SAGEMAKER_MODEL_SERVER_WORKERS: "1"\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          ServerlessConfig:\n            MemorySizeInMB: 4096\n            MaxConcurrency: 5\n',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { m } of variantModels(ctx, (_ec, v) => plain(v.ServerlessConfig))) {
      for (const { c, path } of containers(m)) {
        if (!isObj(c.Environment)) continue;
        for (const k of WORKERS) {
          const n = Number(str(ctx, c.Environment[k]));
          if (Number.isFinite(n) && n > 1) out.push({ path: [...path, 'Environment', k], message: `${k} is ${n} on a Serverless endpoint: each worker loads its own copy of the model into limited memory; use 1` });
        }
      }
    }
    return out;
  },
};

export const MORE_RULES = [fieldTypes, asyncScalingMetric, serverlessWorkers];
