// Reads deployed endpoints from AWS, read-only: SageMaker List/Describe, Application Auto Scaling
// Describe, CloudWatch GetMetricData. Each endpoint's failures (access denied, throttled past the
// SDK's adaptive retries, deleted mid-run, config gone) are recorded on that endpoint and the rest
// goes on. The AWS SDK is loaded here only, when audit runs (scripts/build.mjs bundles it with
// the audit command alone).

import type { DeployedEndpoint, DeployedVariant, EndpointMetrics, ReadProblem, Series, Stat, Window } from '../../rules/audit/types';
import { metricQueries, type MetricQuery } from '../../rules/audit/metrics';
import { limit } from '../../rules/facts/limits';
import type { ListedQuota, QuotaProblem, QuotaTable } from '../../rules/audit/quotas';

/** What the reader needs of an SDK client: send a command. Tests wrap it to see every command sent. */
export interface Sender {
  send(command: object): Promise<any>;
}

export interface AuditClients {
  sagemaker: Sender;
  autoscaling: Sender;
  cloudwatch: Sender;
  /** CloudWatch without retries, for percentiles: some services answer them with an error, and audit falls back at once. */
  percentiles: Sender;
  /** Service Quotas, for --quotas only (its SDK client loads only then). */
  servicequotas?: Sender;
  region: string;
  /** The SDK command classes (loaded with the SDK). */
  commands: Commands;
}

type Ctor = new (input: any) => object;
export interface Commands {
  ListEndpoints: Ctor;
  DescribeEndpoint: Ctor;
  DescribeEndpointConfig: Ctor;
  ListInferenceComponents: Ctor;
  DescribeInferenceComponent: Ctor;
  DescribeScalableTargets: Ctor;
  DescribeScalingPolicies: Ctor;
  GetMetricData: Ctor;
  ListServiceQuotas?: Ctor;
  ListAWSDefaultServiceQuotas?: Ctor;
}

/** Turns the SDK's own warning about Node 20 off for this process: it is not the report's business (README: Node 20). */
function quietNodeWarning(env: Record<string, string | undefined>): void {
  if (env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/**
 * The clients, with the standard credential chain and configuration (environment, profile, SSO,
 * instance role; AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, as every AWS SDK reads them) and
 * the adaptive retry mode. Throws an Error with a one-line message when no Region is configured.
 */
export async function makeClients(region: string | undefined, env: Record<string, string | undefined>, opts: { quotas?: boolean } = {}): Promise<AuditClients> {
  quietNodeWarning(env);
  const [sm, aas, cw] = await Promise.all([import('@aws-sdk/client-sagemaker'), import('@aws-sdk/client-application-auto-scaling'), import('@aws-sdk/client-cloudwatch')]);
  const common = { ...(region ? { region } : {}), retryMode: 'adaptive' as const, maxAttempts: 5 };
  const sagemaker = new sm.SageMakerClient(common);
  let resolved: string;
  try {
    resolved = await sagemaker.config.region();
  } catch {
    resolved = '';
  }
  if (!resolved) throw Object.assign(new Error("no AWS Region: give --region, or set AWS_REGION or a profile's region"), { name: 'UsageError' });
  const withRegion = { ...common, region: resolved };
  // Service Quotas (AWS_ENDPOINT_URL_SERVICE_QUOTAS, as the SDK reads it): only for --quotas.
  const sq = opts.quotas ? await import('@aws-sdk/client-service-quotas') : null;
  return {
    ...(sq ? { servicequotas: new sq.ServiceQuotasClient(withRegion) } : {}),
    sagemaker,
    autoscaling: new aas.ApplicationAutoScalingClient(withRegion),
    cloudwatch: new cw.CloudWatchClient(withRegion),
    percentiles: new cw.CloudWatchClient({ ...withRegion, retryMode: 'standard', maxAttempts: 1 }),
    region: resolved,
    commands: {
      ListEndpoints: sm.ListEndpointsCommand,
      DescribeEndpoint: sm.DescribeEndpointCommand,
      DescribeEndpointConfig: sm.DescribeEndpointConfigCommand,
      ListInferenceComponents: sm.ListInferenceComponentsCommand,
      DescribeInferenceComponent: sm.DescribeInferenceComponentCommand,
      DescribeScalableTargets: aas.DescribeScalableTargetsCommand,
      DescribeScalingPolicies: aas.DescribeScalingPoliciesCommand,
      GetMetricData: cw.GetMetricDataCommand,
      ...(sq ? { ListServiceQuotas: sq.ListServiceQuotasCommand, ListAWSDefaultServiceQuotas: sq.ListAWSDefaultServiceQuotasCommand } : {}),
    },
  };
}

/** A problem's message is one line, cut here (AWS messages are a sentence or two). */
const MESSAGE_CHARS = 256;
const HOUR_MS = 60 * 60 * 1000;

/** An SDK error as a problem: its name and one line of message. */
export function problemOf(service: ReadProblem['service'], operation: string, e: unknown): ReadProblem {
  const err = e as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = err.name && err.name !== 'Error' ? err.name : (err.Code ?? `HTTP ${err.$metadata?.httpStatusCode ?? '?'}`);
  return {
    service,
    operation,
    code,
    message: String(err.message ?? e)
      .split('\n')[0]!
      .slice(0, MESSAGE_CHARS),
  };
}

/** Credentials missing or unusable: nothing can be read at all, so the run stops with one line. */
export function isCredentialsError(e: unknown): boolean {
  const name = (e as { name?: string }).name ?? '';
  return name === 'CredentialsProviderError' || name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'ExpiredTokenException';
}

/** Every InService endpoint of the Region, all pages. */
export async function listEndpoints(c: AuditClients): Promise<string[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const r = await c.sagemaker.send(new c.commands.ListEndpoints({ StatusEquals: 'InService', MaxResults: limit('audit.list-endpoints-page'), NextToken }));
    for (const e of r.Endpoints ?? []) if (e.EndpointName) names.push(e.EndpointName);
    NextToken = r.NextToken || undefined;
  } while (NextToken);
  return names;
}

const notFound = (e: unknown) => /ValidationException|ResourceNotFound/.test((e as { name?: string }).name ?? '') && /could not find|not found|does not exist/i.test((e as Error).message ?? '');

async function autoscalingOf(c: AuditClients, resourceIds: string[], dimension: string, problems: ReadProblem[]): Promise<Map<string, DeployedVariant['autoscaling']>> {
  const out = new Map<string, DeployedVariant['autoscaling']>();
  if (!resourceIds.length) return out;
  let targets: any[];
  try {
    targets = (await c.autoscaling.send(new c.commands.DescribeScalableTargets({ ServiceNamespace: 'sagemaker', ResourceIds: resourceIds, ScalableDimension: dimension }))).ScalableTargets ?? [];
  } catch (e) {
    if (isCredentialsError(e)) throw e;
    problems.push(problemOf('application-autoscaling', 'DescribeScalableTargets', e));
    return out;
  }
  for (const target of targets) {
    // The target's minimum and maximum stand even when its policies cannot be read.
    let policies: string[] = [];
    try {
      const p = await c.autoscaling.send(new c.commands.DescribeScalingPolicies({ ServiceNamespace: 'sagemaker', ResourceId: target.ResourceId, ScalableDimension: dimension }));
      policies = (p.ScalingPolicies ?? []).map((x: { PolicyName?: string; PolicyType?: string }) => `${x.PolicyName} (${x.PolicyType})`);
    } catch (e) {
      if (isCredentialsError(e)) throw e;
      problems.push(problemOf('application-autoscaling', 'DescribeScalingPolicies', e));
    }
    out.set(target.ResourceId, { minCapacity: target.MinCapacity ?? 0, maxCapacity: target.MaxCapacity ?? 0, policies });
  }
  return out;
}

/** One endpoint: its config, components and autoscaling. Never throws for the endpoint's own failures. */
export async function describeEndpoint(c: AuditClients, name: string): Promise<DeployedEndpoint> {
  const e: DeployedEndpoint = { endpointName: name, endpointArn: null, endpointConfigName: null, status: null, async: false, variants: [], inferenceComponents: [], deleted: false, configMissing: false, problems: [] };
  let ep: any;
  try {
    ep = await c.sagemaker.send(new c.commands.DescribeEndpoint({ EndpointName: name }));
  } catch (err) {
    if (isCredentialsError(err)) throw err;
    if (notFound(err)) e.deleted = true;
    else e.problems.push(problemOf('sagemaker', 'DescribeEndpoint', err));
    return e;
  }
  e.endpointArn = ep.EndpointArn ?? null;
  e.endpointConfigName = ep.EndpointConfigName ?? null;
  e.status = ep.EndpointStatus ?? null;
  const live = new Map<string, any>((ep.ProductionVariants ?? []).map((v: any) => [v.VariantName, v]));
  let cfg: any = null;
  try {
    cfg = await c.sagemaker.send(new c.commands.DescribeEndpointConfig({ EndpointConfigName: e.endpointConfigName }));
  } catch (err) {
    if (isCredentialsError(err)) throw err;
    e.configMissing = true;
    if (!notFound(err)) e.problems.push(problemOf('sagemaker', 'DescribeEndpointConfig', err));
  }
  e.async = Boolean(cfg?.AsyncInferenceConfig);
  const variants: any[] = cfg?.ProductionVariants ?? [...live.values()].map((v) => ({ VariantName: v.VariantName, ServerlessConfig: v.CurrentServerlessConfig }));
  for (const v of variants) {
    const now = live.get(v.VariantName) ?? {};
    const sc = now.CurrentServerlessConfig ?? v.ServerlessConfig;
    const mis = v.ManagedInstanceScaling;
    e.variants.push({
      variantName: v.VariantName,
      instanceType: sc ? null : (v.InstanceType ?? null),
      currentInstanceCount: sc ? null : (now.CurrentInstanceCount ?? null),
      initialInstanceCount: v.InitialInstanceCount ?? null,
      serverless: sc ? { memoryMB: sc.MemorySizeInMB, maxConcurrency: sc.MaxConcurrency, provisionedConcurrency: sc.ProvisionedConcurrency ?? null } : null,
      managedInstanceScaling: mis ? { status: mis.Status ?? 'DISABLED', minInstanceCount: mis.MinInstanceCount ?? null, maxInstanceCount: mis.MaxInstanceCount ?? null } : null,
      autoscaling: null,
    });
  }
  // Inference components: only endpoints whose variants name no model host them.
  if (cfg && variants.some((v) => !v.ModelName && !v.ServerlessConfig)) {
    try {
      let NextToken: string | undefined;
      do {
        const r = await c.sagemaker.send(new c.commands.ListInferenceComponents({ EndpointNameEquals: name, NextToken }));
        for (const s of r.InferenceComponents ?? []) {
          const d = await c.sagemaker.send(new c.commands.DescribeInferenceComponent({ InferenceComponentName: s.InferenceComponentName }));
          const req = d.Specification?.ComputeResourceRequirements ?? {};
          e.inferenceComponents.push({
            name: s.InferenceComponentName,
            variantName: d.VariantName ?? s.VariantName ?? null,
            copies: d.RuntimeConfig?.CurrentCopyCount ?? d.RuntimeConfig?.DesiredCopyCount ?? null,
            memoryMB: req.MinMemoryRequiredInMb ?? null,
            accelerators: req.NumberOfAcceleratorDevicesRequired ?? null,
            autoscaling: null,
          });
        }
        NextToken = r.NextToken || undefined;
      } while (NextToken);
    } catch (err) {
      e.problems.push(problemOf('sagemaker', 'ListInferenceComponents', err));
    }
  }
  const instanceVariants = e.variants.filter((v) => !v.serverless);
  const scaling = await autoscalingOf(
    c,
    instanceVariants.map((v) => `endpoint/${name}/variant/${v.variantName}`),
    'sagemaker:variant:DesiredInstanceCount',
    e.problems,
  );
  for (const v of instanceVariants) v.autoscaling = scaling.get(`endpoint/${name}/variant/${v.variantName}`) ?? null;
  if (e.inferenceComponents.length) {
    const ic = await autoscalingOf(
      c,
      e.inferenceComponents.map((x) => `inference-component/${x.name}`),
      'sagemaker:inference-component:DesiredCopyCount',
      e.problems,
    );
    for (const x of e.inferenceComponents) x.autoscaling = ic.get(`inference-component/${x.name}`) ?? null;
  }
  return e;
}

/** The window: the last `days` whole hours up to now. */
export function windowFor(days: number, now: Date): Window {
  const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const start = new Date(end.getTime() - days * 24 * HOUR_MS);
  return { start: start.toISOString(), end: end.toISOString(), days, periodSeconds: HOUR_MS / 1000 };
}

interface Pending {
  endpoint: number;
  query: MetricQuery;
}

async function getMetricData(sender: Sender, c: AuditClients, batch: Pending[], window: Window, out: Map<number, Series>, offset: number): Promise<void> {
  let NextToken: string | undefined;
  do {
    const r = await sender.send(
      new c.commands.GetMetricData({
        StartTime: new Date(window.start),
        EndTime: new Date(window.end),
        ScanBy: 'TimestampAscending',
        NextToken,
        MetricDataQueries: batch.map((p, i) => ({
          Id: `q${offset + i}`,
          ReturnData: true,
          MetricStat: { Metric: { Namespace: p.query.namespace, MetricName: p.query.metric, Dimensions: p.query.dimensions }, Period: window.periodSeconds, Stat: p.query.stat },
        })),
      }),
    );
    for (const res of r.MetricDataResults ?? []) {
      const index = Number(String(res.Id).slice(1));
      const p = batch[index - offset];
      if (!p) continue;
      const s = out.get(index) ?? { namespace: p.query.namespace, metric: p.query.metric, stat: p.query.stat, scope: p.query.scope, timestamps: [], values: [] };
      const ts: Date[] = res.Timestamps ?? [];
      ts.forEach((t, k) => {
        s.timestamps.push(new Date(t).toISOString());
        s.values.push(Number(res.Values?.[k] ?? 0));
      });
      out.set(index, s);
    }
    NextToken = r.NextToken || undefined;
  } while (NextToken);
}

/**
 * The metrics of several endpoints, batched: at most audit.get-metric-data-queries queries per
 * GetMetricData call, all pages. Percentiles go in calls of their own; when the service refuses
 * them, the averages stand in and the fallback is recorded. A failed call is recorded as a problem
 * on every endpoint in it.
 */
export async function readMetrics(c: AuditClients, endpoints: DeployedEndpoint[], window: Window): Promise<EndpointMetrics[]> {
  const result: EndpointMetrics[] = endpoints.map(() => ({ series: [], fallbacks: [] }));
  const all: Pending[] = endpoints.flatMap((e, endpoint) => (e.deleted ? [] : metricQueries(e).map((query) => ({ endpoint, query }))));
  const max = limit('audit.get-metric-data-queries');
  for (const percentile of [false, true]) {
    const pending = all.filter((p) => (p.query.stat === 'p90') === percentile);
    for (let i = 0; i < pending.length; i += max) {
      const batch = pending.slice(i, i + max);
      const got = new Map<number, Series>();
      try {
        await getMetricData(percentile ? c.percentiles : c.cloudwatch, c, batch, window, got, 0);
      } catch (err) {
        if (isCredentialsError(err)) throw err;
        const hit = new Set(batch.map((p) => p.endpoint));
        for (const k of hit) {
          if (percentile) result[k]!.fallbacks.push(`ModelLatency p90: ${problemOf('cloudwatch', 'GetMetricData', err).code}; the hourly averages are used`);
          else endpoints[k]!.problems.push(problemOf('cloudwatch', 'GetMetricData', err));
        }
        continue;
      }
      for (const [index, s] of got) if (s.values.length) result[batch[index]!.endpoint]!.series.push(s);
    }
  }
  return result;
}

export type { Stat };

async function listQuotas(c: AuditClients, operation: QuotaProblem['operation']): Promise<ListedQuota[]> {
  const Command = c.commands[operation]!;
  const out: ListedQuota[] = [];
  let NextToken: string | undefined;
  do {
    const r = await c.servicequotas!.send(new Command({ ServiceCode: 'sagemaker', MaxResults: limit('audit.list-service-quotas-page'), NextToken }));
    for (const q of r.Quotas ?? []) if (q.QuotaCode && q.QuotaName && typeof q.Value === 'number') out.push({ code: q.QuotaCode, name: q.QuotaName, value: q.Value });
    NextToken = r.NextToken || undefined;
  } while (NextToken);
  return out;
}

/**
 * SageMaker's quotas in the Region, all pages: the account's applied values, and, only when
 * `needDefaults` says one the plans need is not among them, the AWS defaults (the value in effect
 * for a quota whose applied value ListServiceQuotas does not give). The defaults are never read in
 * place of an account list that could not be read: an increase would be missed. A refused or
 * failed call (credentials included: SageMaker took them) is recorded, not thrown, and the quotas
 * are then unknown; throttling is retried by the SDK.
 */
export async function readQuotas(c: AuditClients, needDefaults: (t: QuotaTable) => boolean): Promise<QuotaTable> {
  const t: QuotaTable = { applied: null, defaults: null, problems: [] };
  const attempt = async (operation: QuotaProblem['operation']) => {
    try {
      return await listQuotas(c, operation);
    } catch (err) {
      const p = problemOf('sagemaker', operation, err);
      t.problems.push({ operation, code: p.code, message: p.message });
      return null;
    }
  };
  t.applied = await attempt('ListServiceQuotas');
  if (t.applied && needDefaults(t)) t.defaults = await attempt('ListAWSDefaultServiceQuotas');
  return t;
}
