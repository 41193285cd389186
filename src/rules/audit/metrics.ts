// The CloudWatch queries audit makes for an endpoint, as data: which metric, in which namespace,
// by which dimensions, with which statistic. The reader batches them into GetMetricData calls
// (audit.get-metric-data-queries each); the measurements read the answers back by the same keys.
import type { DeployedEndpoint, Series, Stat } from './types';

export const NS_INVOCATIONS = 'AWS/SageMaker';
export const NS_ENDPOINT = '/aws/sagemaker/Endpoints';
export const NS_COMPONENTS = '/aws/sagemaker/InferenceComponents';

export interface MetricQuery {
  namespace: string;
  metric: string;
  stat: Stat;
  dimensions: { Name: string; Value: string }[];
  scope: Series['scope'];
}

/** Per variant, in AWS/SageMaker by EndpointName and VariantName. */
const VARIANT_METRICS: [string, Stat[]][] = [
  ['Invocations', ['Sum', 'Maximum']],
  ['ModelLatency', ['Average', 'Maximum', 'p90']],
  ['OverheadLatency', ['Average']],
  ['Invocation4XXErrors', ['Sum']],
  ['Invocation5XXErrors', ['Sum']],
  ['ModelSetupTime', ['Average', 'Maximum']],
  ['ServerlessConcurrentExecutionsUtilization', ['Maximum']],
];
/** Per instance-based variant, in /aws/sagemaker/Endpoints (percent; CPU and GPU are 100 x the vCPUs or GPUs). */
const UTILISATION_METRICS = ['CPUUtilization', 'MemoryUtilization', 'GPUUtilization', 'GPUMemoryUtilization'];
/** Async endpoints, in AWS/SageMaker by EndpointName only. */
const ASYNC_METRICS: [string, Stat[]][] = [
  ['ApproximateBacklogSize', ['Average', 'Maximum']],
  ['HasBacklogWithoutCapacity', ['Maximum']],
  ['InvocationsProcessed', ['Sum']],
];
/** Per inference component: AWS/SageMaker by InferenceComponentName, and its utilisation namespace. */
const COMPONENT_METRICS: [string, string, Stat[]][] = [
  [NS_INVOCATIONS, 'Invocations', ['Sum', 'Maximum']],
  [NS_INVOCATIONS, 'ModelLatency', ['Average', 'Maximum']],
  [NS_COMPONENTS, 'CPUUtilizationNormalized', ['Maximum']],
  [NS_COMPONENTS, 'GPUUtilizationNormalized', ['Maximum']],
  [NS_COMPONENTS, 'GPUMemoryUtilizationNormalized', ['Maximum']],
];

export function metricQueries(e: DeployedEndpoint): MetricQuery[] {
  const q: MetricQuery[] = [];
  const ep = { Name: 'EndpointName', Value: e.endpointName };
  for (const v of e.variants) {
    const dims = [ep, { Name: 'VariantName', Value: v.variantName }];
    const scope = { variantName: v.variantName };
    for (const [metric, stats] of VARIANT_METRICS) {
      if (v.serverless === null && (metric === 'ModelSetupTime' || metric === 'ServerlessConcurrentExecutionsUtilization')) continue;
      for (const stat of stats) q.push({ namespace: NS_INVOCATIONS, metric, stat, dimensions: dims, scope });
    }
    if (v.serverless === null) for (const metric of UTILISATION_METRICS) for (const stat of ['Average', 'Maximum'] as const) q.push({ namespace: NS_ENDPOINT, metric, stat, dimensions: dims, scope });
  }
  if (e.async) for (const [metric, stats] of ASYNC_METRICS) for (const stat of stats) q.push({ namespace: NS_INVOCATIONS, metric, stat, dimensions: [ep], scope: {} });
  for (const c of e.inferenceComponents) {
    const dims = [{ Name: 'InferenceComponentName', Value: c.name }];
    for (const [namespace, metric, stats] of COMPONENT_METRICS) for (const stat of stats) q.push({ namespace, metric, stat, dimensions: dims, scope: { inferenceComponentName: c.name } });
  }
  return q;
}

/** The series of a metric and statistic for a scope (a variant, the endpoint, a component); absent when CloudWatch had none. */
export function seriesOf(all: readonly Series[], metric: string, stat: Stat, scope: Series['scope'] = {}): Series | undefined {
  return all.find((s) => s.metric === metric && s.stat === stat && s.scope.variantName === scope.variantName && s.scope.inferenceComponentName === scope.inferenceComponentName);
}
