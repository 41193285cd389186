// A plan's autoscaling as AWS CLI commands: register-scalable-target, put-scaling-policy, and (from
// zero) a step policy with the alarm that triggers it. Serialises the plan's data.

import type { ScalingPlan } from '../rules/plan/types';
import { trackingConfig } from './cfn-scaling';

/** The commands for one scalable target; `name` prefixes the policy and alarm names. */
export function cliScaling(s: ScalingPlan, o: { resourceId: string; name: string; dimension: { Name: string; Value: string } }): string[] {
  const target = `--service-namespace sagemaker --resource-id ${o.resourceId} --scalable-dimension ${s.dimension}`;
  const tracking = JSON.stringify(trackingConfig(s.targetTracking, o.dimension));
  const lines = [
    `  aws application-autoscaling register-scalable-target ${target} --min-capacity ${s.min} --max-capacity ${s.max}`,
    `  aws application-autoscaling put-scaling-policy ${target} --policy-name ${o.name}-${s.policyName} --policy-type TargetTrackingScaling \\`,
    `      --target-tracking-scaling-policy-configuration '${tracking}'`,
  ];
  if (s.scheduled.length) lines.push('Scheduled actions (the active hours):');
  for (const a of s.scheduled) {
    lines.push(
      `  aws application-autoscaling put-scheduled-action ${target} --scheduled-action-name ${o.name}-${a.ScheduledActionName} \\`,
      `      --schedule '${a.Schedule}' --timezone ${a.Timezone} --scalable-target-action MinCapacity=${a.ScalableTargetAction.MinCapacity},MaxCapacity=${a.ScalableTargetAction.MaxCapacity}`,
    );
  }
  const z = s.stepFromZero;
  if (z) {
    const step = JSON.stringify({ AdjustmentType: 'ChangeInCapacity', MetricAggregationType: 'Maximum', Cooldown: z.cooldown, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: z.adjustment }] });
    const a = z.alarm;
    lines.push(
      'Scale out from zero (target tracking cannot): a step policy, and an alarm that triggers it:',
      `  arn=$(AWS_DEFAULT_OUTPUT=text aws application-autoscaling put-scaling-policy ${target} --policy-name ${o.name}-from-zero --policy-type StepScaling \\`,
      `      --step-scaling-policy-configuration '${step}' --query PolicyARN)`,
      `  aws cloudwatch put-metric-alarm --alarm-name ${o.name}-from-zero --namespace ${a.namespace} --metric-name ${a.metricName} \\`,
      `      --dimensions Name=${o.dimension.Name},Value=${o.dimension.Value} --statistic ${a.statistic} --period ${a.period} --evaluation-periods ${a.evaluationPeriods} \\`,
      `      --datapoints-to-alarm ${a.datapointsToAlarm} --threshold ${a.threshold} --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data missing --alarm-actions "$arn"`,
    );
  }
  return lines;
}
