// Autoscaling as data: the scalable targets and policies a plan deploys. Every number comes from
// the plan's counts or the limits table; the emitters write these as they are.

import { limit } from '../facts/limits';
import type { IcPlan, ScalingPlan, StepFromZero, TargetTracking } from './types';

const cooldowns = () => ({ scaleInCooldown: limit('policy.scale-in-cooldown'), scaleOutCooldown: limit('policy.scale-out-cooldown') });

/** A step policy that adds one instance or copy when the alarm's metric reaches 1. */
function fromZero(alarm: Omit<StepFromZero['alarm'], 'statistic' | 'evaluationPeriods' | 'datapointsToAlarm' | 'threshold'>): StepFromZero {
  return { cooldown: limit('policy.scale-out-cooldown'), adjustment: 1, alarm: { ...alarm, statistic: 'Maximum', evaluationPeriods: 1, datapointsToAlarm: 1, threshold: 1 } };
}

/** Real-Time: target tracking on invocations per instance. */
export function realTimeScaling(min: number, max: number, targetInvocationsPerInstance: number): ScalingPlan {
  const targetTracking: TargetTracking = { metric: { predefined: 'SageMakerVariantInvocationsPerInstance' }, targetValue: targetInvocationsPerInstance, ...cooldowns() };
  return { dimension: 'sagemaker:variant:DesiredInstanceCount', component: null, policyName: 'invocations', min, max, targetTracking, stepFromZero: null, scheduled: [] };
}

/** Asynchronous: target tracking on the backlog per instance, and a step out of zero on HasBacklogWithoutCapacity. */
export function asyncScaling(min: number, max: number): ScalingPlan {
  const targetTracking: TargetTracking = {
    metric: { custom: { metricName: 'ApproximateBacklogSizePerInstance', namespace: 'AWS/SageMaker', statistic: 'Average' } },
    targetValue: limit('policy.async-backlog-per-instance'),
    ...cooldowns(),
  };
  const step =
    min === 0
      ? fromZero({
          description: 'Requests are queued while the endpoint has no instances: scale up from zero',
          metricName: 'HasBacklogWithoutCapacity',
          namespace: 'AWS/SageMaker',
          dimension: 'EndpointName',
          period: limit('policy.wake-alarm-period'),
        })
      : null;
  return { dimension: 'sagemaker:variant:DesiredInstanceCount', component: null, policyName: 'backlog', min, max, targetTracking, stepFromZero: step, scheduled: [] };
}

/**
 * Inference components: each component's copies track concurrent requests per copy (the target the
 * copies were sized at: targetConcurrentRequestsPerCopy); from zero, a step on NoCapacityInvocationFailures.
 */
export function icScaling(ic: IcPlan, targetConcurrentRequestsPerCopy: number): ScalingPlan[] {
  return ic.models.map((m) => ({
    dimension: 'sagemaker:inference-component:DesiredCopyCount',
    component: m.index,
    policyName: 'copies',
    min: m.minCopies,
    max: m.maxCopies,
    targetTracking: { metric: { predefined: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution' }, targetValue: targetConcurrentRequestsPerCopy, ...cooldowns() },
    stepFromZero: ic.scaleToZero
      ? fromZero({
          description: 'A request found no copy of the inference component: scale out from zero',
          metricName: 'NoCapacityInvocationFailures',
          namespace: 'AWS/SageMaker',
          dimension: 'InferenceComponentName',
          period: limit('policy.wake-alarm-period'),
        })
      : null,
    scheduled: [],
  }));
}
