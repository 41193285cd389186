// Rules on inference components: AWS::SageMaker::InferenceComponent resources and
// `aws sagemaker create-inference-component` inputs, and the endpoint configs meant to host them
// (../shared/facts/inference-components.md). Each catches something that fails at deploy time
// and that cfn-lint and the AWS CLI's parameter validation let through.

import { instance, type InstanceType } from '../facts/instances';
import { limit, limitEntry, limitPattern } from '../facts/limits';
import { AT_LEAST_MESSAGES, RANGE_MESSAGES, absent, atLeast, given, isObj, num, plain, range, str, variants } from './helpers';
import type { Path, RawFinding, Rule, RuleContext, Subject } from './types';

const S2Z = 'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html';
const COPY_DIMENSION = 'sagemaker:inference-component:DesiredCopyCount';
const WAKE_METRIC = 'NoCapacityInvocationFailures';

type Obj = Record<string, unknown>;
type Variant = { v: Obj; path: Path };

/** The logical id that a !GetAtt X.Attr or !Ref X points to. */
function refId(v: unknown): string | null {
  if (isObj(v) && Array.isArray(v['Fn::GetAtt'])) return String(v['Fn::GetAtt'][0]);
  if (isObj(v) && typeof v['Fn::GetAtt'] === 'string') return v['Fn::GetAtt'].split('.')[0]!;
  if (isObj(v) && typeof v.Ref === 'string') return v.Ref;
  return null;
}

/** The CloudFormation resource of a type that a value names: by reference, or by its name property. */
function resourceOf(ctx: RuleContext, value: unknown, type: string, nameProp: string): { id: string; props: Obj } | null {
  const id = refId(value);
  const r = id ? ctx.resources[id] : undefined;
  if (isObj(r) && r.Type === type && plain(r.Properties)) return { id: id!, props: r.Properties };
  const name = str(ctx, value);
  if (name === null) return null;
  for (const [rid, x] of Object.entries(ctx.resources)) {
    if (isObj(x) && x.Type === type && plain(x.Properties) && str(ctx, x.Properties[nameProp]) === name) return { id: rid, props: x.Properties };
  }
  return null;
}

/** One Specification of an inference component (the singular one, or each of Specifications). */
interface Spec {
  spec: Obj;
  path: Path;
}

function specs(ic: Subject): Spec[] {
  if (plain(ic.props.Specification)) return [{ spec: ic.props.Specification, path: [...ic.base, 'Specification'] }];
  const list = ic.props.Specifications;
  return Array.isArray(list) ? list.flatMap((s, i) => (plain(s) ? [{ spec: s, path: [...ic.base, 'Specifications', i] }] : [])) : [];
}

/** An inference component with the endpoint config and variant that host it, where the document holds them. */
interface Hosting {
  ic: Subject;
  ec: Subject | null;
  variant: Variant | null;
}

function hosting(ctx: RuleContext, ic: Subject): Hosting {
  let ec: Subject | null = null;
  const ep = resourceOf(ctx, ic.props.EndpointName, 'AWS::SageMaker::Endpoint', 'EndpointName');
  if (ep) {
    const cfg = resourceOf(ctx, ep.props.EndpointConfigName, 'AWS::SageMaker::EndpointConfig', 'EndpointConfigName');
    if (cfg) ec = ctx.endpointConfigs.find((s) => s.name === cfg.id) ?? null;
  }
  let variant: Variant | null = null;
  if (ec) {
    const vs = variants(ec);
    const name = str(ctx, ic.props.VariantName);
    variant = (name !== null ? vs.find(({ v }) => str(ctx, v.VariantName) === name) : vs.length === 1 ? vs[0] : undefined) ?? null;
  }
  return { ic, ec, variant };
}

const hostings = (ctx: RuleContext) => ctx.inferenceComponents.map((ic) => hosting(ctx, ic));

/** Why an endpoint config is meant for inference components, or null when it is not. */
function icPurpose(ctx: RuleContext, ec: Subject, hosted: Hosting[]): string | null {
  const h = hosted.find((x) => x.ec === ec);
  if (h) return `it hosts inference component ${str(ctx, h.ic.props.InferenceComponentName) ?? h.ic.name}`;
  const vs = variants(ec);
  if (vs.some(({ v }) => plain(v.ManagedInstanceScaling))) return 'it has ManagedInstanceScaling, which only inference-component endpoints take';
  if (vs.length > 0 && vs.every(({ v }) => v.ModelName === undefined && v.ServerlessConfig === undefined && given(ctx, v.InstanceType))) return 'its variants name no model, so models are deployed to it as inference components';
  return null;
}

/** What one copy reserves. */
interface Need {
  memoryMB: number | null;
  cpus: number | null;
  accelerators: number | null;
}

function needOf(ctx: RuleContext, spec: Obj): Need | null {
  const c = spec.ComputeResourceRequirements;
  if (!plain(c)) return null;
  return { memoryMB: num(ctx, c.MinMemoryRequiredInMb), cpus: num(ctx, c.NumberOfCpuCoresRequired), accelerators: num(ctx, c.NumberOfAcceleratorDevicesRequired) };
}

const MIB_PER_GIB = 1024;

/** Copies of one component that fit on one instance, by each resource it reserves. */
function copiesPerInstance(n: Need, i: InstanceType): number {
  const by = (need: number | null, have: number) => (need && need > 0 ? Math.floor(have / need + 1e-9) : Infinity);
  // Accelerators are counted on NVIDIA types only: what NumberOfAcceleratorDevicesRequired counts on Neuron types (inf2) is not checked.
  const accelerators = i.accelerator === 'neuron' ? Infinity : by(n.accelerators, i.gpus);
  return Math.min(by(n.memoryMB, i.memoryGiB * MIB_PER_GIB), by(n.cpus, i.vcpu), accelerators);
}

/** The most instances a variant can run: MaxInstanceCount under managed scaling, else InitialInstanceCount. */
function maxInstances(ctx: RuleContext, v: Obj): { n: number; why: string } | null {
  const mis = plain(v.ManagedInstanceScaling) ? v.ManagedInstanceScaling : null;
  const max = mis && str(ctx, mis.Status) !== 'DISABLED' ? num(ctx, mis.MaxInstanceCount) : null;
  const initial = num(ctx, v.InitialInstanceCount);
  if (max !== null && max >= (initial ?? 0)) return { n: max, why: 'MaxInstanceCount' };
  return initial !== null ? { n: initial, why: 'InitialInstanceCount' } : null;
}

/** The instance type a specification runs on: its own InstanceType, or the hosting variant's. */
function typeOf(ctx: RuleContext, spec: Obj, h: Hosting): string | null {
  return str(ctx, spec.InstanceType) ?? (h.variant ? str(ctx, h.variant.v.InstanceType) : null);
}

// ---- examples ----------------------------------------------------------------------------------

const ROLE = 'arn:aws:iam::123456789012:role/SageMaker';

/** A CloudFormation stack with one endpoint and one inference component, for the examples. */
function stack(o: { config?: string; variant?: string; type?: string; spec?: string; copies?: number; more?: string } = {}): string {
  return `Resources:
  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
${o.config ?? `      ExecutionRoleArn: ${ROLE}\n`}      ProductionVariants:
        - VariantName: AllTraffic
          InstanceType: ${o.type ?? 'ml.g5.12xlarge'}
          InitialInstanceCount: 1
${o.variant ?? '          ManagedInstanceScaling:\n            Status: ENABLED\n            MinInstanceCount: 1\n            MaxInstanceCount: 2\n'}  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
      EndpointName: llm-endpoint
      EndpointConfigName: !GetAtt Config.EndpointConfigName
  Llama:
    Type: AWS::SageMaker::InferenceComponent
    Properties:
      InferenceComponentName: llama-8b
      EndpointName: !GetAtt Endpoint.EndpointName
      VariantName: AllTraffic
      Specification:
        ModelName: llama-8b
        ComputeResourceRequirements:
${o.spec ?? '          NumberOfAcceleratorDevicesRequired: 1\n          NumberOfCpuCoresRequired: 2\n          MinMemoryRequiredInMb: 16384\n'}      RuntimeConfig:
        CopyCount: ${o.copies ?? 1}
${o.more ?? ''}`;
}

const IC_INPUT = (spec: string, top = '') => `InferenceComponentName: llama-8b\nEndpointName: llm-endpoint\nVariantName: AllTraffic\n${top}Specification:\n${spec}RuntimeConfig:\n  CopyCount: 1\n`;
const IC_SPEC = '  ModelName: llama-8b\n  ComputeResourceRequirements:\n    NumberOfAcceleratorDevicesRequired: 1\n    MinMemoryRequiredInMb: 16384\n';

const IC_CONFIG = (variant: string, top = `ExecutionRoleArn: ${ROLE}\n`) => `EndpointConfigName: llm-config\n${top}ProductionVariants:\n  - VariantName: AllTraffic\n    InstanceType: ml.g5.12xlarge\n    InitialInstanceCount: 1\n${variant}`;
const MIS = (min: number | string, max: number | string, status = 'ENABLED') => `    ManagedInstanceScaling:\n      Status: ${status}\n      MinInstanceCount: ${min}\n      MaxInstanceCount: ${max}\n`;

const WAKE = (target: string, alarm: string) => `  CopyTarget:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    DependsOn: Llama
    Properties:
      ServiceNamespace: sagemaker
      ResourceId: inference-component/llama-8b
      ScalableDimension: sagemaker:inference-component:DesiredCopyCount
      MinCapacity: 0
      MaxCapacity: 2
${target}${alarm}`;
const STEP_POLICY = `  WakePolicy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: wake-from-zero
      PolicyType: StepScaling
      ScalingTargetId: !Ref CopyTarget
      StepScalingPolicyConfiguration:
        AdjustmentType: ChangeInCapacity
        MetricAggregationType: Maximum
        StepAdjustments:
          - MetricIntervalLowerBound: 0
            ScalingAdjustment: 1
`;
const ALARM = (op = 'GreaterThanOrEqualToThreshold', statistic = 'Maximum') => `  WakeAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/SageMaker
      MetricName: NoCapacityInvocationFailures
      Dimensions:
        - Name: InferenceComponentName
          Value: llama-8b
      Statistic: ${statistic}
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: ${op}
      AlarmActions:
        - !GetAtt WakePolicy.Arn
`;
/** The variant's managed scaling down to 0 instances, indented for the stack's variant. */
const ZERO = MIS(0, 2)
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n');

// ---- rules -------------------------------------------------------------------------------------

export const icVariantModelName: Rule = {
  id: 'DA6001',
  name: 'ic-variant-model-name',
  severity: 'error',
  title: 'The variant of an endpoint config for inference components names no model',
  source: limitEntry('inference-components.variant-model-name').source,
  description:
    'An endpoint that hosts inference components gets its models from the components, not from the production variant. With a ModelName in the variant, CreateInferenceComponent fails ("Inference Components are not supported in this Endpoint"), and ManagedInstanceScaling is rejected ("ManagedInstanceScaling is only supported for inference component endpoints"). Neither cfn-lint nor the AWS CLI catches it.',
  examples: {
    invalid: IC_CONFIG(`    ModelName: llama-8b\n${MIS(1, 2)}`),
    valid: IC_CONFIG(MIS(1, 2)),
  },
  messages: {
    modelInVariant: 'variant {{variant}} names a model, but {{why}}; remove ModelName and deploy the model as an inference component (Specification.ModelName)',
  },
  check(ctx) {
    const hosted = hostings(ctx);
    return ctx.endpointConfigs.flatMap((ec) => {
      const why = icPurpose(ctx, ec, hosted);
      if (!why) return [];
      return variants(ec).flatMap(({ v, path }) => (given(ctx, v.ModelName) ? [{ path: [...path, 'ModelName'], messageId: 'modelInVariant', data: { variant: str(ctx, v.VariantName) ?? '(unnamed)', why } }] : []));
    });
  },
};

export const icExecutionRole: Rule = {
  id: 'DA6002',
  name: 'ic-execution-role',
  severity: 'error',
  title: 'An endpoint config for inference components has an ExecutionRoleArn',
  source: limitEntry('inference-components.execution-role').source,
  description:
    "Its variants name no model, so there is no model role: SageMaker uses the endpoint config's ExecutionRoleArn to pull images and model data for the components (the SageMaker Python SDK always sets it for them). ExecutionRoleArn cannot be changed later: the endpoint config must be replaced.",
  examples: {
    invalid: IC_CONFIG(MIS(1, 2), ''),
    valid: IC_CONFIG(MIS(1, 2)),
  },
  inferredFromAbsence: ['noRole'],
  messages: {
    noRole: 'no ExecutionRoleArn, but {{why}}; add the IAM role SageMaker assumes for the components (ExecutionRoleArn: arn:aws:iam::<account>:role/<role>)',
  },
  check(ctx) {
    const hosted = hostings(ctx);
    return ctx.endpointConfigs.flatMap((ec) => {
      const why = icPurpose(ctx, ec, hosted);
      if (!why || !absent(ctx, ec.props.ExecutionRoleArn)) return [];
      if (variants(ec).some(({ v }) => given(ctx, v.ModelName))) return []; // DA6001 says what to fix first
      return [{ path: [...ec.base, 'ProductionVariants'], messageId: 'noRole', data: { why } }];
    });
  },
};

export const icUnsupportedConfig: Rule = {
  id: 'DA6003',
  name: 'ic-unsupported-config',
  severity: 'error',
  title: 'Inference components need instance-based, real-time variants',
  source: limitEntry('inference-components.async').source,
  description: `An inference component reserves CPU cores, accelerators and memory on instances, so a Serverless variant cannot host one; InvokeEndpointAsync cannot address a component, and ManagedInstanceScaling with AsyncInferenceConfig is rejected. A component\'s model must be a single-container, single-model one (${limitEntry('inference-components.multi-model').note})`,
  examples: {
    invalid: `EndpointConfigName: llm-config\nExecutionRoleArn: ${ROLE}\nProductionVariants:\n  - VariantName: AllTraffic\n    InstanceType: ml.g5.12xlarge\n    InitialInstanceCount: 1\n${MIS(1, 2)}AsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: s3://bucket/out/\n`,
    valid: IC_CONFIG(MIS(1, 2)),
  },
  inferredFromAbsence: ['asyncConfig'],
  messages: {
    asyncConfig: 'AsyncInferenceConfig, but {{why}}: InvokeEndpointAsync cannot address an inference component; use a separate asynchronous endpoint with a model in its variant',
    serverlessVariant: 'a Serverless variant cannot host inference components (they reserve CPU, accelerators and memory on instances); give the variant InstanceType and InitialInstanceCount instead',
    multiModel: 'model {{model}} is a multi-model container; an inference component runs one model (use one component per model)',
    severalContainers: 'model {{model}} has {{count}} containers; an inference component runs one container (use one component per container)',
  },
  check(ctx) {
    const hosted = hostings(ctx);
    const out: RawFinding[] = [];
    for (const ec of ctx.endpointConfigs) {
      const why = icPurpose(ctx, ec, hosted);
      if (!why) continue;
      if (given(ctx, ec.props.AsyncInferenceConfig)) out.push({ path: [...ec.base, 'AsyncInferenceConfig'], messageId: 'asyncConfig', data: { why } });
      for (const { v, path } of variants(ec)) {
        if (plain(v.ServerlessConfig)) out.push({ path: [...path, 'ServerlessConfig'], messageId: 'serverlessVariant' });
      }
    }
    for (const ic of ctx.inferenceComponents) {
      for (const { spec, path } of specs(ic)) {
        const m = isObj(spec.ModelName) || typeof spec.ModelName === 'string' ? ctx.models.find((x) => x.name === refId(spec.ModelName) || (typeof spec.ModelName === 'string' && str(ctx, x.props.ModelName) === spec.ModelName)) : undefined;
        if (!m) continue;
        const primary = plain(m.props.PrimaryContainer) ? m.props.PrimaryContainer : null;
        if (primary && str(ctx, primary.Mode) === 'MultiModel') out.push({ path: [...path, 'ModelName'], messageId: 'multiModel', data: { model: m.name } });
        if (Array.isArray(m.props.Containers) && m.props.Containers.length > 1) out.push({ path: [...path, 'ModelName'], messageId: 'severalContainers', data: { model: m.name, count: m.props.Containers.length } });
      }
    }
    return out;
  },
};

export const managedInstanceScaling: Rule = {
  id: 'DA6004',
  name: 'managed-instance-scaling',
  severity: 'error',
  title: 'ManagedInstanceScaling and RoutingConfig values the API accepts',
  source: limitEntry('inference-components.min-instances').source,
  description: `ManagedInstanceScaling.Status is ENABLED or DISABLED; MinInstanceCount is a whole number of at least ${limit('inference-components.min-instances')} (0 lets the endpoint scale to zero); MaxInstanceCount at least ${limit('inference-components.max-instances-min')} and no less than MinInstanceCount. RoutingConfig.RoutingStrategy is LEAST_OUTSTANDING_REQUESTS, RANDOM or PREFIX_AWARE. cfn-lint checks none of these enums.`,
  examples: {
    invalid: IC_CONFIG(`${MIS(3, 2, 'ON')}    RoutingConfig:\n      RoutingStrategy: LEAST_OUTSTANDING\n`),
    valid: IC_CONFIG(`${MIS(1, 2)}    RoutingConfig:\n      RoutingStrategy: LEAST_OUTSTANDING_REQUESTS\n`),
  },
  messages: {
    ...AT_LEAST_MESSAGES,
    badStatus: 'Status "{{status}}" is not ENABLED or DISABLED',
    minAboveMax: 'MinInstanceCount {{min}} is more than MaxInstanceCount {{max}}; lower it or raise MaxInstanceCount',
    badRoutingStrategy: 'RoutingStrategy "{{strategy}}" is not one of LEAST_OUTSTANDING_REQUESTS, RANDOM, PREFIX_AWARE',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const ec of ctx.endpointConfigs) {
      for (const { v, path } of variants(ec)) {
        const mis = v.ManagedInstanceScaling;
        if (plain(mis)) {
          const p = [...path, 'ManagedInstanceScaling'];
          const status = str(ctx, mis.Status);
          if (status !== null && !limitPattern('inference-components.managed-scaling-status').test(status)) out.push({ path: [...p, 'Status'], messageId: 'badStatus', data: { status } });
          const min = atLeast(ctx, mis.MinInstanceCount, [...p, 'MinInstanceCount'], 'MinInstanceCount', limit('inference-components.min-instances'));
          const max = atLeast(ctx, mis.MaxInstanceCount, [...p, 'MaxInstanceCount'], 'MaxInstanceCount', limit('inference-components.max-instances-min'));
          out.push(...min, ...max);
          const lo = num(ctx, mis.MinInstanceCount);
          const hi = num(ctx, mis.MaxInstanceCount);
          if (!min.length && !max.length && lo !== null && hi !== null && lo > hi) out.push({ path: [...p, 'MinInstanceCount'], messageId: 'minAboveMax', data: { min: lo, max: hi } });
        }
        const rc = v.RoutingConfig;
        const strategy = plain(rc) ? str(ctx, rc.RoutingStrategy) : null;
        if (strategy !== null && !limitPattern('inference-components.routing-strategy').test(strategy)) {
          out.push({ path: [...path, 'RoutingConfig', 'RoutingStrategy'], messageId: 'badRoutingStrategy', data: { strategy } });
        }
      }
    }
    return out;
  },
};

export const icSpecification: Rule = {
  id: 'DA6005',
  name: 'ic-specification',
  severity: 'error',
  title: "An inference component's Specification and copy count within the API's rules",
  source: `${limitEntry('inference-components.memory-min').source}`,
  description: `Exactly one of Specification and Specifications (at most ${limit('inference-components.specifications-max')}). A specification names its model (ModelName, Container, or BaseInferenceComponentName for an adapter). ComputeResourceRequirements needs MinMemoryRequiredInMb (the API requires it; CloudFormation does not check), memory of at least ${limit('inference-components.memory-min')} MB with MaxMemoryRequiredInMb no less than the minimum, at least ${limit('inference-components.cpu-cores-min')} CPU cores and ${limit('inference-components.accelerators-min')} accelerator when given. An adapter component takes no ComputeResourceRequirements and only the singular Specification. CopyCount is a whole number of at least ${limit('inference-components.copy-count-min')}; startup timeouts are ${limit('model.startup-timeout-min')}-${limit('model.startup-timeout-max')} s; CloudFormation takes at most ${limit('inference-components.environment-entries-cfn')} environment variables.`,
  examples: {
    invalid: IC_INPUT('  ModelName: llama-8b\n  ComputeResourceRequirements:\n    NumberOfAcceleratorDevicesRequired: 1\n    NumberOfCpuCoresRequired: 0.1\n'),
    valid: IC_INPUT(IC_SPEC),
  },
  messages: {
    ...RANGE_MESSAGES,
    ...AT_LEAST_MESSAGES,
    bothSpecifications: 'both Specification and Specifications; use one of them',
    noSpecification: 'no Specification; add one with the model (ModelName or Container) and its ComputeResourceRequirements',
    tooManySpecifications: '{{count}} specifications; at most {{max}} (one per instance type)',
    noModel: 'the specification names no model; add ModelName, or a Container with Image and ArtifactUrl',
    adapterWithResources: "an adapter component (BaseInferenceComponentName) uses its base component's resources; remove ComputeResourceRequirements",
    adapterInSpecifications: 'adapter components take only the singular Specification; use Specification',
    noMinMemory: 'MinMemoryRequiredInMb is missing; CreateInferenceComponent requires it (at least {{min}} MB; cfn-lint does not check)',
    maxMemoryBelowMin: 'MaxMemoryRequiredInMb {{max}} is less than MinMemoryRequiredInMb {{min}}',
    tooFewCpuCores: 'NumberOfCpuCoresRequired {{value}} is below the minimum of {{min}}; use {{min}} or more (fractions of a core are allowed)',
    tooFewAccelerators: 'NumberOfAcceleratorDevicesRequired {{value}} is below the minimum of {{min}}; use {{min}} or more, or leave it out for a CPU-only model',
    tooManyEnv: '{{count}} environment variables; AWS::SageMaker::InferenceComponent takes at most {{max}}',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const ic of ctx.inferenceComponents) {
      const one = ic.props.Specification !== undefined;
      const many = ic.props.Specifications !== undefined;
      if (one && many) out.push({ path: [...ic.base, 'Specifications'], messageId: 'bothSpecifications' });
      if (!one && !many) out.push({ path: ic.base, messageId: 'noSpecification' });
      const list = ic.props.Specifications;
      if (Array.isArray(list) && list.length > limit('inference-components.specifications-max'))
        out.push({ path: [...ic.base, 'Specifications'], messageId: 'tooManySpecifications', data: { count: list.length, max: limit('inference-components.specifications-max') } });
      for (const { spec, path } of specs(ic)) {
        const adapter = given(ctx, spec.BaseInferenceComponentName);
        if (!adapter && absent(ctx, spec.ModelName) && !plain(spec.Container)) out.push({ path, messageId: 'noModel' });
        const c = spec.ComputeResourceRequirements;
        if (adapter && c !== undefined) out.push({ path: [...path, 'ComputeResourceRequirements'], messageId: 'adapterWithResources' });
        if (adapter && many) out.push({ path: [...path, 'BaseInferenceComponentName'], messageId: 'adapterInSpecifications' });
        if (plain(c)) {
          const cp = [...path, 'ComputeResourceRequirements'];
          const memMin = limit('inference-components.memory-min');
          if (c.MinMemoryRequiredInMb === undefined) out.push({ path: cp, messageId: 'noMinMemory', data: { min: memMin } });
          out.push(...atLeast(ctx, c.MinMemoryRequiredInMb, [...cp, 'MinMemoryRequiredInMb'], 'MinMemoryRequiredInMb', memMin));
          out.push(...atLeast(ctx, c.MaxMemoryRequiredInMb, [...cp, 'MaxMemoryRequiredInMb'], 'MaxMemoryRequiredInMb', memMin));
          const lo = num(ctx, c.MinMemoryRequiredInMb);
          const hi = num(ctx, c.MaxMemoryRequiredInMb);
          if (lo !== null && hi !== null && hi < lo) out.push({ path: [...cp, 'MaxMemoryRequiredInMb'], messageId: 'maxMemoryBelowMin', data: { max: hi, min: lo } });
          const floor = (key: string, min: number, messageId: string) => {
            const n = num(ctx, c[key]);
            if (n !== null && n < min) out.push({ path: [...cp, key], messageId, data: { value: n, min } });
          };
          floor('NumberOfCpuCoresRequired', limit('inference-components.cpu-cores-min'), 'tooFewCpuCores');
          floor('NumberOfAcceleratorDevicesRequired', limit('inference-components.accelerators-min'), 'tooFewAccelerators');
        }
        const sp = spec.StartupParameters;
        if (plain(sp)) {
          for (const k of ['ModelDataDownloadTimeoutInSeconds', 'ContainerStartupHealthCheckTimeoutInSeconds'])
            out.push(...range(ctx, sp[k], [...path, 'StartupParameters', k], k, limit('model.startup-timeout-min'), limit('model.startup-timeout-max')));
        }
        const env = plain(spec.Container) ? spec.Container.Environment : undefined;
        const envMax = limit('inference-components.environment-entries-cfn');
        if (ctx.kind === 'cloudformation' && plain(env) && Object.keys(env).length > envMax) out.push({ path: [...path, 'Container', 'Environment'], messageId: 'tooManyEnv', data: { count: Object.keys(env).length, max: envMax } });
      }
      if (plain(ic.props.RuntimeConfig)) {
        out.push(...atLeast(ctx, ic.props.RuntimeConfig.CopyCount, [...ic.base, 'RuntimeConfig', 'CopyCount'], 'CopyCount', limit('inference-components.copy-count-min')));
      }
    }
    return out;
  },
};

/** For each component: its specifications' needs and the instance type that must hold them. */
function sized(ctx: RuleContext): Array<{ h: Hosting; spec: Spec; need: Need; type: string; inst: InstanceType }> {
  return hostings(ctx).flatMap((h) =>
    specs(h.ic).flatMap((s) => {
      const need = needOf(ctx, s.spec);
      const type = typeOf(ctx, s.spec, h);
      const inst = type ? instance(type) : undefined;
      return need && type && inst ? [{ h, spec: s, need, type, inst }] : [];
    }),
  );
}

export const icFitsInstance: Rule = {
  id: 'DA6006',
  name: 'ic-fits-instance',
  severity: 'error',
  title: 'One copy of an inference component fits on an instance of its variant',
  source: limitEntry('inference-components.accelerators-min').source,
  description:
    'Each copy reserves its CPU cores, accelerators and minimum memory on one instance. A copy that needs more than the variant\'s instance type has never starts: the component stays in Creating and fails ("not enough hardware resources"). Checked against deploy-advisor\'s instance catalog (vCPUs, memory, NVIDIA GPUs; accelerators are not checked on Neuron types such as inf2); types outside it are not checked. SageMaker also keeps some of each instance for itself, so leave headroom.',
  examples: {
    invalid: stack({ type: 'ml.g5.xlarge', spec: '          NumberOfAcceleratorDevicesRequired: 2\n          NumberOfCpuCoresRequired: 2\n          MinMemoryRequiredInMb: 8192\n' }),
    valid: stack({ type: 'ml.g5.12xlarge', spec: '          NumberOfAcceleratorDevicesRequired: 2\n          NumberOfCpuCoresRequired: 2\n          MinMemoryRequiredInMb: 8192\n' }),
  },
  messages: {
    noAccelerators: 'NumberOfAcceleratorDevicesRequired {{need}}, but {{type}} has no accelerators; choose a larger instance type for the variant, or lower the requirement',
    tooFewAccelerators: 'NumberOfAcceleratorDevicesRequired {{need}}, but {{type}} has only {{have}} {{unit}}; choose a larger instance type for the variant, or lower the requirement',
    tooFewCpus: 'NumberOfCpuCoresRequired {{need}}, but {{type}} has {{have}} vCPUs; choose a larger instance type for the variant, or lower the requirement',
    tooLittleMemory: 'MinMemoryRequiredInMb {{need}}, but {{type}} has {{have}} MB of memory; choose a larger instance type for the variant, or lower the requirement',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { spec, need, type, inst } of sized(ctx)) {
      const cp = [...spec.path, 'ComputeResourceRequirements'];
      // Neuron types (inf2): what NumberOfAcceleratorDevicesRequired counts there is not checked.
      if (need.accelerators !== null && inst.accelerator !== 'neuron' && need.accelerators > inst.gpus) {
        const data = { need: need.accelerators, type, have: inst.gpus, unit: inst.gpus === 1 ? 'accelerator' : 'accelerators' };
        out.push({ path: [...cp, 'NumberOfAcceleratorDevicesRequired'], messageId: inst.gpus ? 'tooFewAccelerators' : 'noAccelerators', data });
      }
      if (need.cpus !== null && need.cpus > inst.vcpu) out.push({ path: [...cp, 'NumberOfCpuCoresRequired'], messageId: 'tooFewCpus', data: { need: need.cpus, type, have: inst.vcpu } });
      if (need.memoryMB !== null && need.memoryMB > inst.memoryGiB * MIB_PER_GIB) out.push({ path: [...cp, 'MinMemoryRequiredInMb'], messageId: 'tooLittleMemory', data: { need: need.memoryMB, type, have: inst.memoryGiB * MIB_PER_GIB } });
    }
    return out;
  },
};

export const icCopiesFit: Rule = {
  id: 'DA6007',
  name: 'ic-copies-fit',
  severity: 'error',
  title: 'The copies of inference components fit on the instances the variant may run',
  source: limitEntry('inference-components.copy-count-min').source,
  description:
    'Every copy reserves its resources on some instance. The variant runs at most MaxInstanceCount instances under ManagedInstanceScaling (InitialInstanceCount without it); copies beyond what those hold stay pending and the component does not reach InService. Checked per component and, for several components on one variant, per resource in total.',
  examples: {
    invalid: stack({ copies: 9 }),
    valid: stack({ copies: 8 }),
  },
  messages: {
    tooManyCopies: 'CopyCount {{copies}}, but {{type}} holds {{per}} {{copyUnit}} and the variant runs at most {{instances}} {{instanceUnit}} ({{limitedBy}}): at most {{fit}}; lower CopyCount or raise {{limitedBy}}',
    tooManyTogether: 'the copies of {{components}} need {{need}} {{unit}} together, but at most {{instances}} x {{type}} have {{have}}; lower CopyCount or raise {{limitedBy}}',
  },
  check(ctx) {
    const out: RawFinding[] = [];
    // Keyed by the variant's own mapping: hosting() wraps it anew for each component.
    const byVariant = new Map<Obj, Array<{ copies: number; need: Need; path: Path; name: string }>>();
    for (const { h, need, type, inst } of sized(ctx)) {
      const copies = plain(h.ic.props.RuntimeConfig) ? num(ctx, h.ic.props.RuntimeConfig.CopyCount) : null;
      const v = h.variant;
      const room = v ? maxInstances(ctx, v.v) : null;
      if (copies === null || !v || !room) continue;
      const path = [...h.ic.base, 'RuntimeConfig', 'CopyCount'];
      const per = copiesPerInstance(need, inst);
      if (per >= 1 && copies > per * room.n) {
        out.push({ path, messageId: 'tooManyCopies', data: { copies, type, per, copyUnit: per === 1 ? 'copy' : 'copies', instances: room.n, instanceUnit: room.n === 1 ? 'instance' : 'instances', limitedBy: room.why, fit: per * room.n } });
        continue;
      }
      const list = byVariant.get(v.v) ?? [];
      list.push({ copies, need, path, name: str(ctx, h.ic.props.InferenceComponentName) ?? h.ic.name });
      byVariant.set(v.v, list);
    }
    // Several components on one variant: their copies together, per resource.
    for (const [v, list] of byVariant) {
      if (list.length < 2) continue;
      const type = str(ctx, v.InstanceType);
      const inst = type ? instance(type) : undefined;
      const room = maxInstances(ctx, v);
      if (!inst || !room) continue;
      const total = (k: keyof Need) => list.reduce((s, x) => s + x.copies * (x.need[k] ?? 0), 0);
      const have: Array<[keyof Need, number, string]> = [
        ['accelerators', inst.accelerator === 'neuron' ? Infinity : inst.gpus, 'accelerators'],
        ['cpus', inst.vcpu, 'vCPUs'],
        ['memoryMB', inst.memoryGiB * MIB_PER_GIB, 'MB of memory'],
      ];
      for (const [k, each, unit] of have) {
        const need = total(k);
        if (need > each * room.n) {
          out.push({ path: list[list.length - 1]!.path, messageId: 'tooManyTogether', data: { components: list.map((x) => x.name).join(', '), need, unit, instances: room.n, type: type!, have: each * room.n, limitedBy: room.why } });
          break;
        }
      }
    }
    return out;
  },
};

/** Logical ids of the step scaling policies that a NoCapacityInvocationFailures alarm triggers. */
function wakePolicies(ctx: RuleContext): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(ctx.resources)) {
    if (!isObj(r) || r.Type !== 'AWS::CloudWatch::Alarm' || !plain(r.Properties) || str(ctx, r.Properties.MetricName) !== WAKE_METRIC) continue;
    const actions = r.Properties.AlarmActions;
    if (Array.isArray(actions))
      for (const a of actions) {
        const id = refId(a);
        if (id) ids.add(id);
      }
  }
  return ids;
}

export const icScaleToZeroWake: Rule = {
  id: 'DA6008',
  name: 'ic-scale-to-zero-wake',
  severity: 'error',
  title: 'Scale to zero needs a way to scale out from zero',
  source: S2Z,
  description: `Target tracking divides by the number of copies, so it cannot scale out from zero. Once an inference component (and with ManagedInstanceScaling MinInstanceCount 0, its endpoint) is at zero, every request fails until something adds a copy: a StepScaling policy on the component's DesiredCopyCount target, triggered by a CloudWatch alarm on ${WAKE_METRIC} (dimension InferenceComponentName). Provisioning then takes minutes (AWS measured about ${limit('inference-components.scale-out-from-zero') / 60} min for an 8B model), and requests fail meanwhile. Checked in CloudFormation templates and Terraform modules; with the AWS CLI, autoscaling is set up separately.`,
  examples: {
    invalid: stack({ variant: ZERO, more: WAKE('', '') }),
    valid: stack({ variant: ZERO, more: WAKE(STEP_POLICY, ALARM()) }),
  },
  messages: {
    noWakePolicy: `{{target}} lets the component scale to 0 copies, but no step scaling policy on it is triggered by a ${WAKE_METRIC} alarm, so nothing scales it out again; add both (see ${S2Z})`,
    noWakeAtZeroInstances: `MinInstanceCount 0 and a component at CopyCount 0, but no ${WAKE_METRIC} alarm and step policy to scale out again: requests fail until CopyCount is raised by hand`,
  },
  check(ctx) {
    if (ctx.kind !== 'cloudformation' && ctx.kind !== 'terraform') return [];
    const wake = wakePolicies(ctx);
    const out: RawFinding[] = [];
    const stepPolicyOn = (target: string) =>
      Object.entries(ctx.resources).some(
        ([id, r]) => isObj(r) && r.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy' && plain(r.Properties) && str(ctx, r.Properties.PolicyType) === 'StepScaling' && refId(r.Properties.ScalingTargetId) === target && wake.has(id),
      );
    let zeroTargets = 0;
    for (const [id, r] of Object.entries(ctx.resources)) {
      if (!isObj(r) || r.Type !== 'AWS::ApplicationAutoScaling::ScalableTarget' || !plain(r.Properties)) continue;
      if (str(ctx, r.Properties.ScalableDimension) !== COPY_DIMENSION || num(ctx, r.Properties.MinCapacity) !== 0) continue;
      zeroTargets++;
      if (!stepPolicyOn(id)) {
        out.push({ path: ['Resources', id, 'Properties', 'MinCapacity'], messageId: 'noWakePolicy', data: { target: id } });
      }
    }
    // MinInstanceCount 0 with components in the template but no way for any copy count to reach 0 and come back.
    if (zeroTargets === 0) {
      const hosted = hostings(ctx);
      for (const ec of ctx.endpointConfigs) {
        if (!hosted.some((h) => h.ec === ec)) continue;
        for (const { v, path } of variants(ec)) {
          const mis = v.ManagedInstanceScaling;
          if (plain(mis) && num(ctx, mis.MinInstanceCount) === 0 && hosted.some((h) => h.ec === ec && plain(h.ic.props.RuntimeConfig) && num(ctx, h.ic.props.RuntimeConfig.CopyCount) === 0) && wake.size === 0) {
            out.push({ path: [...path, 'ManagedInstanceScaling', 'MinInstanceCount'], messageId: 'noWakeAtZeroInstances' });
          }
        }
      }
    }
    return out;
  },
};

export const icWakeAlarm: Rule = {
  id: 'DA6009',
  name: 'ic-wake-alarm',
  severity: 'warning',
  title: `A ${WAKE_METRIC} alarm fires on the first failed request, per component`,
  source: S2Z,
  description: `The docs\' example alarm (Statistic Sum, GreaterThanThreshold, Threshold 1) fires only after two failed requests in one period, so a single caller never wakes the endpoint; use GreaterThanOrEqualToThreshold with Threshold 1 (as AWS\'s scale-to-zero blog does). The alarm needs the InferenceComponentName dimension: SageMaker emits the metric per component.`,
  examples: {
    invalid: stack({ variant: ZERO, more: WAKE(STEP_POLICY, ALARM('GreaterThanThreshold', 'Sum')) }),
    valid: stack({ variant: ZERO, more: WAKE(STEP_POLICY, ALARM()) }),
  },
  messages: {
    firesLate: '{{alarm}} fires only after more than {{threshold}} failed {{requests}} in a period, so one caller does not wake the endpoint; use GreaterThanOrEqualToThreshold with Threshold 1',
    noComponentDimension: `{{alarm}} has no InferenceComponentName dimension; ${WAKE_METRIC} is emitted per inference component`,
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const [id, r] of Object.entries(ctx.resources)) {
      if (!isObj(r) || r.Type !== 'AWS::CloudWatch::Alarm' || !plain(r.Properties) || str(ctx, r.Properties.MetricName) !== WAKE_METRIC) continue;
      const p = r.Properties;
      const base = ['Resources', id, 'Properties'];
      const op = str(ctx, p.ComparisonOperator);
      const threshold = num(ctx, p.Threshold);
      if (op === 'GreaterThanThreshold' && threshold !== null && threshold >= 1)
        out.push({ path: [...base, 'ComparisonOperator'], messageId: 'firesLate', data: { alarm: id, threshold, requests: threshold === 1 ? 'request' : 'requests' } });
      const dims = p.Dimensions;
      if (Array.isArray(dims) && !dims.some((d) => isObj(d) && str(ctx, d.Name) === 'InferenceComponentName')) out.push({ path: [...base, 'Dimensions'], messageId: 'noComponentDimension', data: { alarm: id } });
    }
    return out;
  },
};

export const INFERENCE_COMPONENT_RULES = [icVariantModelName, icExecutionRole, icUnsupportedConfig, managedInstanceScaling, icSpecification, icFitsInstance, icCopiesFit, icScaleToZeroWake, icWakeAlarm];
