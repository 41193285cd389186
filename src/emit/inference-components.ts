// The inference-components architecture: several models on one Real-Time endpoint, each with its
// own reservation of CPU cores, accelerators and memory, its own copy count and autoscaling, and
// (for intermittent traffic) scale to zero. Planning here; both targets write from the plan.

import { flagRef } from '../rules/flag-ref';
import type { Recommendation } from '../rules/engine';
import { instance, type InstanceType } from '../rules/instances';
import { limit, type limitEntry } from '../rules/limits';
import { formatBytes, formatDuration } from '../rules/units';
import type { Workload } from '../rules/workload';
import { isolation } from './common';
import type { Deployment } from './deployment';
import { candidates, largest } from '../rules/instance-choice';
import { getAtt, ref, sub, type YamlValue } from './yaml';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** One model as an inference component. */
export interface IcModel {
  /** 1-based position; names and logical ids derive from it. */
  index: number;
  sizeBytes: number | null;
  memoryMB: number;
  cpus: number;
  /** null for a CPU model. */
  accelerators: number | null;
  /** CopyCount at creation. */
  copies: number;
  /** Autoscaling bounds of DesiredCopyCount. */
  minCopies: number;
  maxCopies: number;
}

export interface IcPlan {
  models: IcModel[];
  instanceType: string;
  initialInstances: number;
  minInstances: number;
  maxInstances: number;
  scaleToZero: boolean;
  routing: 'LEAST_OUTSTANDING_REQUESTS';
}

/** The suffix of component i's name, after the endpoint name. */
export const icSuffix = (i: number) => `-ic${i}`;
/** Room left in an endpoint name for the longest component suffix. */
export const icNameMax = (models: number) => limit('model.name-length') - icSuffix(models).length;

/** Quarter cores (the API's minimum step), rounded down, at least the minimum. */
function cores(x: number): number {
  const step = limit('inference-components.cpu-cores-min');
  return Math.max(step, Math.floor(x / step) * step);
}

interface Need {
  memoryMB: number;
  accelerators: number | null;
  cpus: number;
}

/** What one copy of a model reserves on a given instance type, or null if it does not fit. */
function needOn(sizeBytes: number | null, gpu: boolean, i: InstanceType): Need | null {
  const bytes = sizeBytes === null ? null : Math.ceil(sizeBytes * limit('policy.memory-headroom'));
  const memoryMB = bytes === null ? limit('policy.ic-memory-unknown') : Math.max(limit('inference-components.memory-min'), Math.ceil(bytes / MIB));
  if (memoryMB > i.memoryGiB * 1024) return null;
  if (gpu) {
    if (i.gpus === 0) return null;
    const accelerators = bytes === null ? limit('inference-components.accelerators-min') : Math.max(limit('inference-components.accelerators-min'), Math.ceil(bytes / (i.gpuMemoryGiB * GIB)));
    if (accelerators > i.gpus) return null;
    return { memoryMB, accelerators, cpus: cores((i.vcpu / i.gpus) * accelerators * limit('policy.ic-cpu-share')) };
  }
  return { memoryMB, accelerators: null, cpus: cores(i.vcpu * (memoryMB / (i.memoryGiB * 1024)) * limit('policy.ic-cpu-share')) };
}

/** Instances needed for one copy of each model: first fit, largest first, by every resource. */
function binsFor(needs: Need[], i: InstanceType): number {
  const bins: Array<{ mem: number; gpus: number; cpus: number }> = [];
  for (const n of [...needs].sort((a, b) => (b.accelerators ?? 0) - (a.accelerators ?? 0) || b.memoryMB - a.memoryMB)) {
    const fits = (b: (typeof bins)[number]) => b.mem >= n.memoryMB && b.gpus >= (n.accelerators ?? 0) && b.cpus >= n.cpus;
    let bin = bins.find(fits);
    if (!bin) {
      bin = { mem: i.memoryGiB * 1024, gpus: i.gpus, cpus: i.vcpu };
      bins.push(bin);
    }
    bin.mem -= n.memoryMB;
    bin.gpus -= n.accelerators ?? 0;
    bin.cpus -= n.cpus;
  }
  return bins.length;
}

/** Copies of one model that fit on one instance. */
function perInstance(n: Need, i: InstanceType): number {
  return Math.min(Math.floor((i.memoryGiB * 1024) / n.memoryMB), n.accelerators ? Math.floor(i.gpus / n.accelerators) : Infinity, Math.floor(i.vcpu / n.cpus));
}

export function planInferenceComponents(rec: Recommendation, w: Workload, d: Deployment, choices: string[], warnings: string[]): IcPlan {
  const sizes: Array<number | null> = w.modelSizes?.length === w.models ? w.modelSizes : Array.from({ length: Math.max(1, w.models) }, () => w.modelSizeBytes);
  // The engine says; with --requests the cost model may keep a copy warm instead.
  const scaleToZero = rec.scaleToZero ?? (w.traffic === 'intermittent' || w.traffic === 'unpredictable');
  const list = candidates(w, rec);
  const fitting = (i: InstanceType) => {
    const needs = sizes.map((s) => needOn(s, w.gpu, i));
    return needs.every((n): n is Need => n !== null) ? needs : null;
  };

  let chosen: InstanceType | undefined;
  let needs: Need[] | null = null;
  if (d.instanceType) {
    chosen = instance(d.instanceType);
    choices.push(`instance ${d.instanceType}: given with ${flagRef('instanceType')}`);
    if (!chosen) warnings.push(`${d.instanceType} is not in deploy-advisor's instance catalog: the components' resource requirements assume ${list[0]!.type}; check them against the type`);
  } else {
    // The first candidate (cheapest GPU, or smallest CPU type) that holds one copy of every model at once; else one copy of each.
    chosen = list.find((i) => fitting(i) && binsFor(fitting(i)!, i) === 1) ?? list.find((i) => fitting(i) !== null);
  }
  const sizing = chosen ?? list[0]!;
  needs = fitting(sizing);
  if (!needs) {
    warnings.push(`one copy of a model does not fit on ${sizing.type}${sizing === largest(list) ? ', the largest candidate in the catalog' : ''}: choose a larger type with ${flagRef('instanceType')}, or shard the model`);
    needs = sizes.map(() => ({ memoryMB: Math.min(sizing.memoryGiB * 1024, limit('policy.ic-memory-unknown')), accelerators: w.gpu ? Math.max(1, sizing.gpus) : null, cpus: cores(sizing.vcpu * limit('policy.ic-cpu-share')) }));
  }
  const type = d.instanceType ?? sizing.type;
  const initialInstances = binsFor(needs, sizing);
  const maxInstances = Math.max(initialInstances, limit('policy.max-instances'));
  const models: IcModel[] = sizes.map((sizeBytes, k) => {
    const n = needs![k]!;
    return {
      index: k + 1,
      sizeBytes,
      ...n,
      copies: 1,
      minCopies: scaleToZero ? limit('inference-components.copy-count-min') : 1,
      maxCopies: Math.max(1, Math.min(perInstance(n, sizing) * maxInstances, limit('policy.max-instances'))),
    };
  });

  const m = models[0]!;
  const what = w.modelSizeBytes === null ? 'model size not given' : `a ${formatBytes(w.modelSizeBytes)} model needs about ${formatBytes(Math.ceil(w.modelSizeBytes * limit('policy.memory-headroom')))} with headroom`;
  if (!d.instanceType) choices.push(`instance ${type}: the ${w.gpu ? 'cheapest GPU' : 'smallest'} type in the catalog that holds ${models.length === 1 ? 'one copy of the model' : initialInstances === 1 ? `one copy of each of the ${models.length} models at once` : 'one copy of a model'} (${what}; ${sizing.type} has ${sizing.memoryGiB} GiB, ${sizing.vcpu} vCPUs${sizing.gpus ? `, ${sizing.gpus} x ${Number(sizing.gpuMemoryGiB.toFixed(1))} GiB usable GPU memory` : ''})`);
  choices.push(
    `each copy reserves ${m.memoryMB} MB of memory${m.accelerators ? `, ${m.accelerators} accelerator${m.accelerators === 1 ? '' : 's'}` : ''} and ${m.cpus} CPU cores (ComputeResourceRequirements)${w.modelSizeBytes === null ? `; give ${flagRef('modelSize')} to size the memory` : ''}`,
    `${initialInstances} instance${initialInstances === 1 ? '' : 's'} at first, up to ${maxInstances} (ManagedInstanceScaling adds instances when copies need room); each component scales between ${models[0]!.minCopies} and ${models[0]!.maxCopies} copies on concurrent requests per copy (target ${limit('policy.copies-per-request-concurrency')})`,
    'RoutingStrategy LEAST_OUTSTANDING_REQUESTS: requests go to the copy with the fewest in flight, which suits uneven request times',
    `invoke with InferenceComponentName (the X-Amzn-SageMaker-Inference-Component header) naming the component, not just the endpoint`,
  );
  if (scaleToZero) {
    choices.push(
      `scale to zero: traffic is ${w.traffic}, so each component may scale to 0 copies and the endpoint to 0 instances (MinInstanceCount 0); after about ${formatDuration(limit('inference-components.scale-in-to-zero'))} idle nothing is billed`,
      `cold start: the first request at zero fails (HTTP 400, not queued) and a NoCapacityInvocationFailures alarm adds a copy; requests fail for several minutes (about ${formatDuration(limit('inference-components.scale-out-from-zero'))} as AWS measured for an 8B model) until it is in service, so callers must retry`,
    );
  }
  if (!w.gpu && ['m5', 'm5d', 'c5', 'c5d', 'p2'].includes(type.split('.')[1] ?? '')) {
    warnings.push(`${type}: one unattributed source claims this family does not support inference components (not in AWS's docs); if CreateInferenceComponent fails, try ml.m6i or ml.r5`);
  }
  return { models, instanceType: type, initialInstances, minInstances: scaleToZero ? limit('inference-components.min-instances') : initialInstances, maxInstances, scaleToZero, routing: 'LEAST_OUTSTANDING_REQUESTS' };
}

// ---- CloudFormation ----------------------------------------------------------------------------

type Obj = { [k: string]: YamlValue };

export interface CfnTools {
  param: (name: string, p: Obj, example?: string) => YamlValue;
  pattern: (id: Parameters<typeof limitEntry>[0]) => string;
  role: YamlValue;
  endpointName: YamlValue;
  /** The KmsKeyId value (a condition on an optional parameter), or null where a key is not allowed. */
  kms: YamlValue | null;
  /** EnableNetworkIsolation on the models. */
  networkIsolation: boolean;
  /** Entries that go first in each model resource (a suppression comment when isolation is off). */
  modelWaiver: Obj;
}

const COPY_METRIC = 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution';
const COPY_DIMENSION = 'sagemaker:inference-component:DesiredCopyCount';

/** Component i's name: the endpoint name and a suffix (a name is needed: CloudFormation returns none). */
function icName(d: Deployment, i: number): { value: YamlValue; sub: string } {
  if (d.name) return { value: d.name + icSuffix(i), sub: d.name + icSuffix(i) };
  return { value: sub(`\${EndpointName}${icSuffix(i)}`), sub: `\${EndpointName}${icSuffix(i)}` };
}

export function icResources(ic: IcPlan, d: Deployment, t: CfnTools): { resources: Obj; outputs: Obj } {
  const one = ic.models.length === 1;
  const id = (base: string, m: IcModel) => `${base}${one ? '' : m.index}`;
  const resources: Obj = {};
  const outputs: Obj = {};
  // Each model's values in order (one image may serve all); a parameter for each one not given.
  const image = (m: IcModel) => d.images?.[d.images.length === 1 ? 0 : m.index - 1] ?? t.param(one ? 'ImageUri' : `Model${m.index}ImageUri`, { Type: 'String', Description: `Inference container image${one ? '' : ` of model ${m.index}`} (registry/repository:tag)`, AllowedPattern: t.pattern('model.image-pattern') }, `123456789012.dkr.ecr.us-east-1.amazonaws.com/${one ? 'my-model' : `model-${m.index}`}:1`);
  const data = (m: IcModel) => d.modelData?.[m.index - 1] ?? t.param(one ? 'ModelDataUrl' : `Model${m.index}DataUrl`, { Type: 'String', Description: `S3 URI of ${one ? '' : `model ${m.index}'s `}model.tar.gz`, AllowedPattern: t.pattern('model.model-data-url-pattern') }, `s3://my-bucket/${one ? '' : `model-${m.index}/`}model.tar.gz`);
  for (const m of ic.models) {
    resources[id('Model', m)] = { ...t.modelWaiver, Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: t.role, ...isolation(t.networkIsolation), PrimaryContainer: { Image: image(m), ModelDataUrl: data(m) } } };
  }

  const maxInstances = t.param('MaxInstanceCount', { Type: 'Number', Default: ic.maxInstances, MinValue: ic.initialInstances, Description: 'Most instances managed instance scaling may run for the components\' copies' });
  const config: Obj = {
    ExecutionRoleArn: t.role,
    ProductionVariants: [icVariant(ic, maxInstances)],
  };
  if (t.kms !== null) config.KmsKeyId = t.kms;
  resources.EndpointConfig = { Type: 'AWS::SageMaker::EndpointConfig', Properties: config };
  resources.Endpoint = { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: t.endpointName, EndpointConfigName: getAtt('EndpointConfig', 'EndpointConfigName') } };

  const cooldowns = { ScaleInCooldown: limit('policy.scale-in-cooldown'), ScaleOutCooldown: limit('policy.scale-out-cooldown') };
  for (const m of ic.models) {
    const name = icName(d, m.index);
    const component = id('Component', m);
    resources[component] = {
      Type: 'AWS::SageMaker::InferenceComponent',
      Properties: {
        InferenceComponentName: name.value,
        EndpointName: getAtt('Endpoint', 'EndpointName'),
        VariantName: 'AllTraffic',
        Specification: { ModelName: getAtt(id('Model', m), 'ModelName'), ComputeResourceRequirements: requirements(m) },
        RuntimeConfig: { CopyCount: m.copies },
      },
    };
    const target = `${component}ScalableTarget`;
    resources[target] = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      // The target names the component; CloudFormation must create the component first.
      DependsOn: component,
      Properties: {
        ServiceNamespace: 'sagemaker',
        ResourceId: d.name ? `inference-component/${name.sub}` : sub(`inference-component/${name.sub}`),
        ScalableDimension: COPY_DIMENSION,
        MinCapacity: m.minCopies,
        MaxCapacity: m.maxCopies,
      },
    };
    resources[`${component}ScalingPolicy`] = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: sub(`\${AWS::StackName}-copies${one ? '' : `-${m.index}`}`),
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(target),
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: limit('policy.copies-per-request-concurrency'),
          PredefinedMetricSpecification: { PredefinedMetricType: COPY_METRIC },
          ...cooldowns,
        },
      },
    };
    if (ic.scaleToZero) {
      const wake = `${component}WakePolicy`;
      resources[wake] = {
        Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
        Properties: {
          PolicyName: sub(`\${AWS::StackName}-from-zero${one ? '' : `-${m.index}`}`),
          PolicyType: 'StepScaling',
          ScalingTargetId: ref(target),
          StepScalingPolicyConfiguration: {
            AdjustmentType: 'ChangeInCapacity',
            Cooldown: limit('policy.scale-out-cooldown'),
            MetricAggregationType: 'Maximum',
            StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
          },
        },
      };
      resources[`${component}WakeAlarm`] = {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          AlarmDescription: 'A request found no copy of the inference component: scale out from zero',
          Namespace: 'AWS/SageMaker',
          MetricName: 'NoCapacityInvocationFailures',
          Dimensions: [{ Name: 'InferenceComponentName', Value: name.value }],
          Statistic: 'Maximum',
          Period: limit('policy.wake-alarm-period'),
          EvaluationPeriods: 1,
          DatapointsToAlarm: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'missing',
          AlarmActions: [getAtt(wake, 'Arn')],
        },
      };
    }
    outputs[`${component}Name`] = { Description: `Inference component to name when invoking${one ? '' : ` model ${m.index}`} (InferenceComponentName)`, Value: name.value };
  }
  return { resources, outputs };
}

function requirements(m: IcModel): Obj {
  const r: Obj = {};
  if (m.accelerators !== null) r.NumberOfAcceleratorDevicesRequired = m.accelerators;
  r.NumberOfCpuCoresRequired = m.cpus;
  r.MinMemoryRequiredInMb = m.memoryMB;
  return r;
}

/** The variant of an endpoint that hosts inference components: instances and scaling, no model. */
function icVariant(ic: IcPlan, maxInstances: YamlValue): Obj {
  return {
    VariantName: 'AllTraffic',
    InstanceType: ic.instanceType,
    InitialInstanceCount: ic.initialInstances,
    ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: ic.minInstances, MaxInstanceCount: maxInstances },
    RoutingConfig: { RoutingStrategy: ic.routing },
  };
}

// ---- AWS CLI inputs ----------------------------------------------------------------------------

export interface IcCliOp {
  operation: 'create-model' | 'create-endpoint-config' | 'create-endpoint' | 'create-inference-component';
  file: string;
  body: Obj;
  notes: string[];
}

/**
 * Inputs for create-model (one per model), create-endpoint-config, create-endpoint and
 * create-inference-component (one per model). Autoscaling is not an input file: the component's
 * file says how to set it up with aws application-autoscaling and aws cloudwatch.
 */
export function icCliOps(ic: IcPlan, o: { name: string; role: string; networkIsolation: boolean; image: (m: IcModel) => string; modelData: (m: IcModel) => string }): IcCliOp[] {
  const one = ic.models.length === 1;
  const file = (op: string, m: IcModel) => `${op}${one ? '' : `-${m.index}`}.yaml`;
  const modelName = (m: IcModel) => (one ? o.name : `${o.name}-m${m.index}`);
  const config = `${o.name}-config`;
  const ops: IcCliOp[] = ic.models.map((m) => ({
    operation: 'create-model',
    file: file('create-model', m),
    body: { ModelName: modelName(m), ExecutionRoleArn: o.role, ...isolation(o.networkIsolation), PrimaryContainer: { Image: o.image(m), ModelDataUrl: o.modelData(m) } },
    notes: [],
  }));
  ops.push({
    operation: 'create-endpoint-config',
    file: 'create-endpoint-config.yaml',
    body: { EndpointConfigName: config, ExecutionRoleArn: o.role, ProductionVariants: [icVariant(ic, ic.maxInstances)] },
    notes: [
      'The variant names no model: the models are deployed to the endpoint as inference components, after it is InService.',
      'ExecutionRoleArn, ManagedInstanceScaling, RoutingConfig and create-inference-component need an AWS CLI released after late 2023.',
    ],
  });
  ops.push({ operation: 'create-endpoint', file: 'create-endpoint.yaml', body: { EndpointName: o.name, EndpointConfigName: config }, notes: [] });
  for (const m of ic.models) {
    const name = o.name + icSuffix(m.index);
    const target = `--service-namespace sagemaker --resource-id inference-component/${name} --scalable-dimension ${COPY_DIMENSION}`;
    const notes = [
      'Autoscaling of the copies, once the component is InService:',
      `  aws application-autoscaling register-scalable-target ${target} --min-capacity ${m.minCopies} --max-capacity ${m.maxCopies}`,
      `  aws application-autoscaling put-scaling-policy ${target} --policy-name ${name}-copies --policy-type TargetTrackingScaling \\`,
      `      --target-tracking-scaling-policy-configuration '{"TargetValue":${limit('policy.copies-per-request-concurrency')},"PredefinedMetricSpecification":{"PredefinedMetricType":"${COPY_METRIC}"},"ScaleInCooldown":${limit('policy.scale-in-cooldown')},"ScaleOutCooldown":${limit('policy.scale-out-cooldown')}}'`,
    ];
    if (ic.scaleToZero) {
      notes.push(
        'Scale out from zero (target tracking cannot): a step policy, and an alarm on the first failed request that triggers it:',
        `  aws application-autoscaling put-scaling-policy ${target} --policy-name ${name}-from-zero --policy-type StepScaling \\`,
        `      --step-scaling-policy-configuration '{"AdjustmentType":"ChangeInCapacity","MetricAggregationType":"Maximum","Cooldown":${limit('policy.scale-out-cooldown')},"StepAdjustments":[{"MetricIntervalLowerBound":0,"ScalingAdjustment":1}]}'`,
        `  aws cloudwatch put-metric-alarm --alarm-name ${name}-from-zero --namespace AWS/SageMaker --metric-name NoCapacityInvocationFailures \\`,
        `      --dimensions Name=InferenceComponentName,Value=${name} --statistic Maximum --period ${limit('policy.wake-alarm-period')} --evaluation-periods 1 \\`,
        '      --datapoints-to-alarm 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <ARN printed by the step policy>',
      );
    }
    ops.push({
      operation: 'create-inference-component',
      file: file('create-inference-component', m),
      body: {
        InferenceComponentName: name,
        EndpointName: o.name,
        VariantName: 'AllTraffic',
        Specification: { ModelName: modelName(m), ComputeResourceRequirements: requirements(m) },
        RuntimeConfig: { CopyCount: m.copies },
      },
      notes,
    });
  }
  return ops;
}
