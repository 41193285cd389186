// The capacity plan: what one hosting option deploys, target-neutral. The advisor prices it, the
// reasons quote it, and every emitter (CloudFormation, AWS CLI inputs) serialises it, deciding
// nothing and holding no number of its own. Pure data.

import type { InstanceType } from '../facts/instances';
import type { OptionId } from '../facts/limits';
import type { QuotaNeed } from '../facts/quotas';

/** How the models are laid out on an option: the flowchart picks one (src/rules/advise/engine.ts). */
export const ARCHITECTURES = ['single-model', 'multi-model', 'multi-container', 'serial-pipeline', 'inference-components'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** A scheduled action as PutScheduledAction and CloudFormation's ScheduledActions write it (field names alike). */
export interface ScheduledAction {
  ScheduledActionName: string;
  Schedule: string;
  Timezone: string;
  ScalableTargetAction: { MinCapacity: number; MaxCapacity: number };
}

/** Target tracking on a metric, as Application Auto Scaling takes it. */
export interface TargetTracking {
  /** A predefined metric type, or a custom metric with the endpoint (or component) as its dimension. */
  metric: { predefined: string } | { custom: { metricName: string; namespace: string; statistic: 'Average' | 'Maximum' | 'Sum' } };
  targetValue: number;
  scaleInCooldown: number;
  scaleOutCooldown: number;
}

/** A step policy that adds capacity from zero, and the CloudWatch alarm that triggers it. */
export interface StepFromZero {
  cooldown: number;
  adjustment: number;
  alarm: {
    description: string;
    metricName: string;
    namespace: string;
    /** The alarm's dimension: the endpoint, or the inference component. */
    dimension: 'EndpointName' | 'InferenceComponentName';
    statistic: 'Maximum';
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    threshold: number;
  };
}

/** One scalable target with its policies. */
export interface ScalingPlan {
  dimension: 'sagemaker:variant:DesiredInstanceCount' | 'sagemaker:inference-component:DesiredCopyCount';
  /** The inference component (1-based index) whose copies scale; null: the endpoint variant's instances. */
  component: number | null;
  /** A short name for the policies: invocations, backlog, copies. */
  policyName: string;
  min: number;
  max: number;
  targetTracking: TargetTracking;
  stepFromZero: StepFromZero | null;
  /** Scheduled actions (--active-hours): the capacity in and out of the active hours. */
  scheduled: ScheduledAction[];
}

/** Transform job settings. */
export interface BatchPlan {
  /** Values of TransformInput.SplitType, CreateTransformJob BatchStrategy and TransformOutput.AssembleWith (api.generated.ts). */
  splitType: string;
  batchStrategy: string | null;
  assembleWith: string;
  contentType: string | null;
  maxPayloadInMB: number;
  maxConcurrentTransforms: number;
  invocationsTimeoutInSeconds: number;
  invocationsMaxRetries: number;
  instanceCount: number;
}

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
  /** The component's StartupParameters; null: the platform window holds its estimated start-up. */
  startupTimeouts: StartupTimeouts | null;
}

export interface IcPlan {
  models: IcModel[];
  initialInstances: number;
  minInstances: number;
  maxInstances: number;
  scaleToZero: boolean;
  routing: 'LEAST_OUTSTANDING_REQUESTS';
}

/** ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds, as written. */
export interface StartupTimeouts {
  modelDataDownloadTimeoutInSeconds: number;
  containerStartupHealthCheckTimeoutInSeconds: number;
}

/** How long an instance (or Serverless) takes from start to a first successful /ping, and the timeouts that cover it. */
export interface StartupPlan {
  /** Bytes one start downloads and loads (every container's model; inference components: the largest component's); null when not known or none (a multi-model endpoint loads models on invocation). */
  modelBytes: number | null;
  /** Estimated seconds to download, load and answer /ping (see src/rules/advise/startup.ts); null when modelBytes is. */
  estimateSeconds: number | null;
  /** Set on the production variant; null when the platform window holds the estimate, and for Serverless, transform jobs and inference components (whose own are on each IcModel). */
  timeouts: StartupTimeouts | null;
}

export interface Plan {
  option: OptionId;
  architecture: Architecture;
  /** Serverless only: on demand, or with Provisioned Concurrency. */
  variant: 'on-demand' | 'provisioned-concurrency' | null;
  /** null for Serverless. */
  instanceType: string | null;
  /** Catalog entry, when the type is known. */
  instance: InstanceType | null;
  /** Requests one instance serves at once (transform: MaxConcurrentTransforms); null for Serverless. */
  workers: number | null;
  /** Whether the type stores the model on local NVMe (no ML storage volume); null when not known. */
  nvme: boolean | null;
  /** Instances of an endpoint variant: at creation, and autoscaling's bounds. null for Serverless, transform jobs and inference components. */
  instances: { initial: number; min: number; max: number } | null;
  /** Containers in the model: 1, or one per framework or pipeline step. */
  containers: number;
  /** Whether a KmsKeyId may be set on the endpoint config (not for local-NVMe types or serverless). */
  kmsAllowed: boolean;
  /** Whether the models get EnableNetworkIsolation. */
  networkIsolation: boolean;
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  async: { maxConcurrentInvocationsPerInstance: number; scaleToZero: boolean } | null;
  batch: BatchPlan | null;
  ic: IcPlan | null;
  /** Application Auto Scaling: one target per variant or component, with its policies. */
  scaling: ScalingPlan[];
  /** Start-up: the estimate, and the timeouts the variant sets. */
  startup: StartupPlan;
  /** VolumeSizeInGB on the production variant; null when not set (local NVMe storage, the default volume holds the models, or not known). */
  volumeGB: number | null;
  /** The Service Quotas the plan needs (instances of its type, Serverless concurrency), as Service Quotas names them. */
  quotas: QuotaNeed[];
  /** Whether the counts were sized for a request volume (--requests), or are the defaults. */
  sized: boolean;
  /** Why each choice was made, for the file comments. */
  choices: string[];
  /** Things the user should check (unknown instance type, values not given...). */
  warnings: string[];
}
