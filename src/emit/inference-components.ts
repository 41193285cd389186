// The inference-components architecture as CloudFormation resources and AWS CLI inputs: one
// model per component, an endpoint config whose variant names no model, the components, and each
// component's autoscaling. Serialises the plan (src/rules/advise/options/inference-components.ts plans it).

import type { limitEntry } from '../rules/facts/limits';
import { icSuffix, type Deployment } from '../rules/plan/deployment';
import type { IcModel, IcPlan, Plan, ScalingPlan } from '../rules/plan/types';
import { cfnScaling } from './cfn-scaling';
import { cliScaling } from './cli-scaling';
import { isolation, startupFields, volumeField } from './common';
import { getAtt, sub, type YamlValue } from './yaml';

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

/** The scaling of component m. */
const scalingOf = (scaling: ScalingPlan[], m: IcModel) => scaling.find((s) => s.component === m.index)!;

/** Component i's name: the endpoint name and a suffix (a name is needed: CloudFormation returns none). */
function icName(d: Deployment, i: number): { value: YamlValue; sub: string } {
  if (d.name) return { value: d.name + icSuffix(i), sub: d.name + icSuffix(i) };
  return { value: sub(`\${EndpointName}${icSuffix(i)}`), sub: `\${EndpointName}${icSuffix(i)}` };
}

export function icResources(plan: Plan, d: Deployment, t: CfnTools): { resources: Obj; outputs: Obj } {
  const ic = plan.ic!;
  const scaling = plan.scaling;
  const one = ic.models.length === 1;
  const id = (base: string, m: IcModel) => `${base}${one ? '' : m.index}`;
  const resources: Obj = {};
  const outputs: Obj = {};
  // Each model's values in order (one image may serve all); a parameter for each one not given.
  const image = (m: IcModel) =>
    d.images?.[d.images.length === 1 ? 0 : m.index - 1] ??
    t.param(
      one ? 'ImageUri' : `Model${m.index}ImageUri`,
      { Type: 'String', Description: `Inference container image${one ? '' : ` of model ${m.index}`} (registry/repository:tag)`, AllowedPattern: t.pattern('model.image-pattern') },
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/${one ? 'my-model' : `model-${m.index}`}:1`,
    );
  const data = (m: IcModel) =>
    d.modelData?.[m.index - 1] ??
    t.param(
      one ? 'ModelDataUrl' : `Model${m.index}DataUrl`,
      { Type: 'String', Description: `S3 URI of ${one ? '' : `model ${m.index}'s `}model.tar.gz`, AllowedPattern: t.pattern('model.model-data-url-pattern') },
      `s3://my-bucket/${one ? '' : `model-${m.index}/`}model.tar.gz`,
    );
  for (const m of ic.models) {
    resources[id('Model', m)] = { ...t.modelWaiver, Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: t.role, ...isolation(t.networkIsolation), PrimaryContainer: { Image: image(m), ModelDataUrl: data(m) } } };
  }

  const maxInstances = t.param('MaxInstanceCount', { Type: 'Number', Default: ic.maxInstances, MinValue: ic.initialInstances, Description: "Most instances managed instance scaling may run for the components' copies" });
  const config: Obj = {
    ExecutionRoleArn: t.role,
    ProductionVariants: [icVariant(plan, maxInstances)],
  };
  if (t.kms !== null) config.KmsKeyId = t.kms;
  resources.EndpointConfig = { Type: 'AWS::SageMaker::EndpointConfig', Properties: config };
  resources.Endpoint = { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: t.endpointName, EndpointConfigName: getAtt('EndpointConfig', 'EndpointConfigName') } };

  for (const m of ic.models) {
    const name = icName(d, m.index);
    const component = id('Component', m);
    resources[component] = {
      Type: 'AWS::SageMaker::InferenceComponent',
      Properties: {
        InferenceComponentName: name.value,
        EndpointName: getAtt('Endpoint', 'EndpointName'),
        VariantName: 'AllTraffic',
        Specification: { ModelName: getAtt(id('Model', m), 'ModelName'), ComputeResourceRequirements: requirements(m), ...startupParameters(m) },
        RuntimeConfig: { CopyCount: m.copies },
      },
    };
    const s = scalingOf(scaling, m);
    Object.assign(
      resources,
      cfnScaling(
        s,
        {
          target: `${component}ScalableTarget`,
          policy: `${component}ScalingPolicy`,
          wakePolicy: `${component}WakePolicy`,
          wakeAlarm: `${component}WakeAlarm`,
          policySuffix: `-copies${one ? '' : `-${m.index}`}`,
          wakeSuffix: `-from-zero${one ? '' : `-${m.index}`}`,
        },
        {
          resourceId: d.name ? `inference-component/${name.sub}` : sub(`inference-component/${name.sub}`),
          maxCapacity: s.max,
          // The target names the component; CloudFormation must create the component first.
          dependsOn: component,
          dimension: { Name: 'InferenceComponentName', Value: name.value },
        },
      ),
    );
    outputs[`${component}Name`] = { Description: `Inference component to name when invoking${one ? '' : ` model ${m.index}`} (InferenceComponentName)`, Value: name.value };
  }
  return { resources, outputs };
}

/** The component's StartupParameters, when its start-up needs longer timeouts. */
const startupParameters = (m: IcModel): Obj => (m.startupTimeouts ? { StartupParameters: startupFields(m.startupTimeouts) } : {});

function requirements(m: IcModel): Obj {
  const r: Obj = {};
  if (m.accelerators !== null) r.NumberOfAcceleratorDevicesRequired = m.accelerators;
  r.NumberOfCpuCoresRequired = m.cpus;
  r.MinMemoryRequiredInMb = m.memoryMB;
  return r;
}

/** The variant of an endpoint that hosts inference components: instances, storage and scaling, no model. */
function icVariant(plan: Plan, maxInstances: YamlValue): Obj {
  const ic: IcPlan = plan.ic!;
  return {
    VariantName: 'AllTraffic',
    InstanceType: plan.instanceType!,
    InitialInstanceCount: ic.initialInstances,
    ...volumeField(plan),
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
export function icCliOps(plan: Plan, o: { name: string; role: string; networkIsolation: boolean; image: (m: IcModel) => string; modelData: (m: IcModel) => string }): IcCliOp[] {
  const ic = plan.ic!;
  const scaling = plan.scaling;
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
    body: { EndpointConfigName: config, ExecutionRoleArn: o.role, ProductionVariants: [icVariant(plan, ic.maxInstances)] },
    notes: [
      'The variant names no model: the models are deployed to the endpoint as inference components, after it is InService.',
      'ExecutionRoleArn, ManagedInstanceScaling, RoutingConfig and create-inference-component need an AWS CLI released after late 2023.',
    ],
  });
  ops.push({ operation: 'create-endpoint', file: 'create-endpoint.yaml', body: { EndpointName: o.name, EndpointConfigName: config }, notes: [] });
  for (const m of ic.models) {
    const name = o.name + icSuffix(m.index);
    const notes = ['Autoscaling of the copies, once the component is InService:', ...cliScaling(scalingOf(scaling, m), { resourceId: `inference-component/${name}`, name, dimension: { Name: 'InferenceComponentName', Value: name } })];
    ops.push({
      operation: 'create-inference-component',
      file: file('create-inference-component', m),
      body: {
        InferenceComponentName: name,
        EndpointName: o.name,
        VariantName: 'AllTraffic',
        Specification: { ModelName: modelName(m), ComputeResourceRequirements: requirements(m), ...startupParameters(m) },
        RuntimeConfig: { CopyCount: m.copies },
      },
      notes,
    });
  }
  return ops;
}
