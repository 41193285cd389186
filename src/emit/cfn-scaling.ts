// A plan's autoscaling as CloudFormation resources: the scalable target, its target-tracking
// policy, and the step policy and alarm that scale out from zero. Serialises the plan's data.

import type { ScalingPlan, TargetTracking } from '../rules/plan/types';
import { getAtt, ref, sub, type YamlValue } from './yaml';

type Obj = { [k: string]: YamlValue };

export interface CfnScalingNames {
  target: string;
  policy: string;
  wakePolicy: string;
  wakeAlarm: string;
  /** PolicyName suffix after the stack name: "-invocations", "-copies-2". */
  policySuffix: string;
  wakeSuffix: string;
}

/** TargetTrackingScalingPolicyConfiguration, with the custom metric's dimension given. */
export function trackingConfig(t: TargetTracking, dimension: Obj | null): Obj {
  const metric: Obj =
    'predefined' in t.metric
      ? { PredefinedMetricSpecification: { PredefinedMetricType: t.metric.predefined } }
      : { CustomizedMetricSpecification: { MetricName: t.metric.custom.metricName, Namespace: t.metric.custom.namespace, Dimensions: dimension ? [dimension] : [], Statistic: t.metric.custom.statistic } };
  return { TargetValue: t.targetValue, ...metric, ScaleInCooldown: t.scaleInCooldown, ScaleOutCooldown: t.scaleOutCooldown };
}

export function cfnScaling(s: ScalingPlan, n: CfnScalingNames, o: { resourceId: YamlValue; maxCapacity: YamlValue; dependsOn?: string; dimension: { Name: string; Value: YamlValue } }): Obj {
  const resources: Obj = {};
  resources[n.target] = {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    ...(o.dependsOn ? { DependsOn: o.dependsOn } : {}),
    Properties: {
      MinCapacity: s.min,
      MaxCapacity: o.maxCapacity,
      ResourceId: o.resourceId,
      ScalableDimension: s.dimension,
      ServiceNamespace: 'sagemaker',
      // The scheduled actions follow the MaxCapacity the deployer chooses (a parameter), as the target does.
      ...(s.scheduled.length
        ? {
            ScheduledActions: s.scheduled.map((a) => ({
              ScheduledActionName: a.ScheduledActionName,
              Schedule: a.Schedule,
              Timezone: a.Timezone,
              ScalableTargetAction: { MinCapacity: a.ScalableTargetAction.MinCapacity, MaxCapacity: a.ScalableTargetAction.MaxCapacity === s.max ? o.maxCapacity : a.ScalableTargetAction.MaxCapacity },
            })),
          }
        : {}),
    },
  };
  resources[n.policy] = {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: sub(`\${AWS::StackName}${n.policySuffix}`),
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref(n.target),
      TargetTrackingScalingPolicyConfiguration: trackingConfig(s.targetTracking, o.dimension),
    },
  };
  const z = s.stepFromZero;
  if (z) {
    resources[n.wakePolicy] = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: sub(`\${AWS::StackName}${n.wakeSuffix}`),
        PolicyType: 'StepScaling',
        ScalingTargetId: ref(n.target),
        StepScalingPolicyConfiguration: {
          AdjustmentType: 'ChangeInCapacity',
          Cooldown: z.cooldown,
          MetricAggregationType: 'Maximum',
          StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: z.adjustment }],
        },
      },
    };
    resources[n.wakeAlarm] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: z.alarm.description,
        Namespace: z.alarm.namespace,
        MetricName: z.alarm.metricName,
        Dimensions: [o.dimension],
        Statistic: z.alarm.statistic,
        Period: z.alarm.period,
        EvaluationPeriods: z.alarm.evaluationPeriods,
        DatapointsToAlarm: z.alarm.datapointsToAlarm,
        Threshold: z.alarm.threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'missing',
        AlarmActions: [getAtt(n.wakePolicy, 'Arn')],
      },
    };
  }
  return resources;
}
