// audit on recorded responses, for what moto does not emulate (inference components, percentile
// statistics, GetMetricData pages), and the pure parts: current cost, traffic shape, rule docs,
// the IAM policy, and the command's usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit';
import type { AuditClients, Commands } from '../../src/cli/audit/read';
import { currentCost } from '../../src/rules/audit/current-cost';
import { measure, trafficFromShape } from '../../src/rules/audit/measure';
import { auditPolicy } from '../../src/rules/audit/policy';
import { AUDIT_RULES, auditFindings, auditRulePage } from '../../src/rules/audit/rules';
import type { DeployedEndpoint } from '../../src/rules/audit/types';
import { monthHours } from '../../src/rules/advise/cost';
import { limit } from '../../src/rules/facts/limits';
import { BUILTIN_PRICES, emptyPrices, instancePrice } from '../../src/rules/facts/prices';
import { ROOT, cli, expectOneLineError } from '../cli/helpers';

type Json = any;
const NOW = new Date('2026-12-06T12:00:00Z');

// Each recorded command is a class whose name the fake dispatches on, as the SDK's are.
const cmd = (name: string) =>
  ({
    [name]: class {
      constructor(public input: any) {}
    },
  })[name] as new (input: any) => object;
const COMMANDS: Commands = {
  ListEndpoints: cmd('ListEndpointsCommand'),
  DescribeEndpoint: cmd('DescribeEndpointCommand'),
  DescribeEndpointConfig: cmd('DescribeEndpointConfigCommand'),
  ListInferenceComponents: cmd('ListInferenceComponentsCommand'),
  DescribeInferenceComponent: cmd('DescribeInferenceComponentCommand'),
  DescribeScalableTargets: cmd('DescribeScalableTargetsCommand'),
  DescribeScalingPolicies: cmd('DescribeScalingPoliciesCommand'),
  GetMetricData: cmd('GetMetricDataCommand'),
};

/** Hourly values for a query, or null for no data: (namespace, metric, stat, dimensions). */
type Values = (ns: string, metric: string, stat: string, dims: Record<string, string>) => number | null;

interface Recorded {
  endpoints: Record<string, { describe: Json; config: Json; components?: Json[] }>;
  values: Values;
  /** Percentile queries answer with this error (as moto's 500), or data when undefined. */
  percentileError?: Error;
  calls: { name: string; input: Json }[];
}

function fakeClients(r: Recorded, hours = 24 * 14): AuditClients {
  const send = async (c: Json) => {
    const name = c.constructor.name.replace(/Command$/, '');
    const input = c.input;
    r.calls.push({ name, input });
    switch (name) {
      case 'ListEndpoints': {
        const all = Object.keys(r.endpoints);
        const start = input.NextToken ? Number(input.NextToken) : 0;
        const page = all.slice(start, start + input.MaxResults);
        return { Endpoints: page.map((EndpointName) => ({ EndpointName })), NextToken: start + input.MaxResults < all.length ? String(start + input.MaxResults) : undefined };
      }
      case 'DescribeEndpoint':
        return r.endpoints[input.EndpointName]!.describe;
      case 'DescribeEndpointConfig':
        return Object.values(r.endpoints).find((e) => e.describe.EndpointConfigName === input.EndpointConfigName)!.config;
      case 'ListInferenceComponents':
        return { InferenceComponents: (r.endpoints[input.EndpointNameEquals]!.components ?? []).map((x) => ({ InferenceComponentName: x.InferenceComponentName })) };
      case 'DescribeInferenceComponent':
        return Object.values(r.endpoints)
          .flatMap((e) => e.components ?? [])
          .find((x) => x.InferenceComponentName === input.InferenceComponentName);
      case 'DescribeScalableTargets':
        return { ScalableTargets: [] };
      case 'DescribeScalingPolicies':
        return { ScalingPolicies: [] };
      case 'GetMetricData': {
        const qs: Json[] = input.MetricDataQueries;
        if (qs.some((q) => q.MetricStat.Stat === 'p90') && r.percentileError) throw r.percentileError;
        // Two pages: the first half of the hours, then the rest (as CloudWatch pages long answers).
        const half = Math.floor(hours / 2);
        const [from, to] = input.NextToken ? [half, hours] : [0, half];
        const results = qs.map((q) => {
          const dims = Object.fromEntries(q.MetricStat.Metric.Dimensions.map((d: Json) => [d.Name, d.Value]));
          const ts: Date[] = [];
          const vs: number[] = [];
          for (let h = from; h < to; h++) {
            const v = r.values(q.MetricStat.Metric.Namespace, q.MetricStat.Metric.MetricName, q.MetricStat.Stat, dims);
            if (v === null) continue;
            ts.push(new Date(Date.parse('2026-11-22T12:00:00Z') + h * 3_600_000));
            vs.push(v);
          }
          return { Id: q.Id, Timestamps: ts, Values: vs };
        });
        return { MetricDataResults: results, NextToken: input.NextToken ? undefined : 'page-2' };
      }
    }
    throw new Error(`unexpected command ${name}`);
  };
  const s = { send };
  return { sagemaker: s, autoscaling: s, cloudwatch: s, percentiles: s, region: 'us-east-1', commands: COMMANDS };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, stdinIsTTY: false, env: { HOME: '/nonexistent' }, cwd: ROOT, readStdin: async () => Buffer.alloc(0) } };
}

const arn = (n: string) => `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${n}`;

describe('inference components and percentiles (recorded responses; moto has neither)', () => {
  const recorded = (): Recorded => ({
    calls: [],
    endpoints: {
      'ic-ep': {
        describe: { EndpointName: 'ic-ep', EndpointArn: arn('ic-ep'), EndpointConfigName: 'ic-config', EndpointStatus: 'InService', ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 2 }] },
        config: {
          EndpointConfigName: 'ic-config',
          ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.g5.2xlarge', InitialInstanceCount: 1, ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 } }],
        },
        components: [
          { InferenceComponentName: 'ic-a', VariantName: 'AllTraffic', Specification: { ComputeResourceRequirements: { MinMemoryRequiredInMb: 8192, NumberOfAcceleratorDevicesRequired: 1 } }, RuntimeConfig: { CurrentCopyCount: 1 } },
          { InferenceComponentName: 'ic-b', VariantName: 'AllTraffic', Specification: { ComputeResourceRequirements: { MinMemoryRequiredInMb: 4096, NumberOfAcceleratorDevicesRequired: 1 } }, RuntimeConfig: { CurrentCopyCount: 1 } },
        ],
      },
      'rt-p90': {
        describe: { EndpointName: 'rt-p90', EndpointArn: arn('rt-p90'), EndpointConfigName: 'rt-config', EndpointStatus: 'InService', ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 1 }] },
        config: { EndpointConfigName: 'rt-config', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1 }] },
      },
    },
    values: (_ns, metric, stat, dims) => {
      if (dims.InferenceComponentName) {
        if (metric === 'Invocations') return stat === 'Sum' ? 360 : 12;
        if (metric === 'ModelLatency') return 300_000;
        return null;
      }
      if (dims.EndpointName === 'rt-p90') {
        if (metric === 'Invocations') return stat === 'Sum' ? 3600 : 120;
        if (metric === 'ModelLatency') return stat === 'p90' ? 800_000 : stat === 'Average' ? 400_000 : 2_000_000;
      }
      return null;
    },
  });

  it('reads the components, measures their traffic, and prices the endpoint as inference components', async () => {
    const r = recorded();
    const t = io();
    await runAudit({ format: 'json', failOn: 'none' }, t.io, { clients: fakeClients(r), now: NOW });
    const rep = JSON.parse(t.out.join(''));
    const ic = rep.endpoints.find((e: Json) => e.endpointName === 'ic-ep');
    expect(ic.current.architecture).toBe('inference-components');
    expect(ic.current.plan.inferenceComponents).toEqual([
      { name: 'ic-a', copies: 1 },
      { name: 'ic-b', copies: 1 },
    ]);
    expect(ic.current.plan.variants[0]).toMatchObject({ instanceType: 'ml.g5.2xlarge', instanceCount: 2 });
    const req = ic.measured.answers.find((a: Json) => a.key === 'requests');
    expect(req.source).toMatch(/Invocations by InferenceComponentName/);
    // Two components, 360 an hour each, every hour of 14 days (read over two GetMetricData pages).
    expect(ic.measured.invocations).toBe(2 * 360 * 24 * 14);
    expect(ic.measured.answers.find((a: Json) => a.key === 'gpu')).toMatchObject({ value: true });
    expect(r.calls.filter((c) => c.name === 'DescribeInferenceComponent')).toHaveLength(2);
    // The components' own autoscaling targets are asked for too.
    expect(r.calls.find((c) => c.name === 'DescribeScalableTargets' && c.input.ResourceIds[0] === 'inference-component/ic-a')?.input.ScalableDimension).toBe('sagemaker:inference-component:DesiredCopyCount');
    expect(ic.findings.filter((f: Json) => f.messageId === 'missingComponent').map((f: Json) => f.message)).toEqual([
      'inference component ic-a has no autoscaling: 1 copies run around the clock',
      'inference component ic-b has no autoscaling: 1 copies run around the clock',
    ]);
  });

  it('an endpoint whose variants name a model is not asked for components', async () => {
    const r = recorded();
    await runAudit({ format: 'json', endpoint: ['rt-p90'] }, io().io, { clients: fakeClients(r), now: NOW });
    expect(r.calls.some((c) => c.name === 'ListInferenceComponents')).toBe(false);
  });

  it('uses ModelLatency p90 where the service gives it, and the hourly average where it does not', async () => {
    const t = io();
    await runAudit({ format: 'json', endpoint: ['rt-p90'] }, t.io, { clients: fakeClients(recorded()), now: NOW });
    const pt = JSON.parse(t.out.join('')).endpoints[0].measured.answers.find((a: Json) => a.key === 'processingTime');
    expect(pt).toMatchObject({ value: 0.8, source: expect.stringMatching(/ModelLatency \(p90\)/) });

    const r = recorded();
    r.percentileError = Object.assign(new Error('Internal error'), { name: 'InternalFailure' });
    const u = io();
    await runAudit({ format: 'json', endpoint: ['rt-p90'] }, u.io, { clients: fakeClients(r), now: NOW });
    const fb = JSON.parse(u.out.join('')).endpoints[0].measured.answers.find((a: Json) => a.key === 'processingTime');
    expect(fb).toMatchObject({ value: 0.4, source: expect.stringMatching(/ModelLatency \(Average\).*p90 was not available/) });
  });

  it('batches metric queries: no GetMetricData call holds more than the 500 the API takes, and each ListEndpoints page at most 100', async () => {
    const r = recorded();
    const base = r.endpoints['rt-p90']!;
    for (let i = 0; i < 240; i++) {
      const n = `many-${i}`;
      r.endpoints[n] = { describe: { ...base.describe, EndpointName: n, EndpointArn: arn(n), EndpointConfigName: `${n}-config` }, config: { ...base.config, EndpointConfigName: `${n}-config` } };
    }
    const t = io();
    await runAudit({ format: 'json', failOn: 'none' }, t.io, { clients: fakeClients(r, 48), now: NOW });
    expect(JSON.parse(t.out.join('')).endpoints).toHaveLength(242);
    const sizes = r.calls.filter((c) => c.name === 'GetMetricData').map((c) => c.input.MetricDataQueries.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(limit('audit.get-metric-data-queries'));
    expect(r.calls.filter((c) => c.name === 'ListEndpoints').map((c) => c.input.MaxResults)).toEqual([100, 100, 100]);
  });

  it('1,000 endpoints: finished in bounded time, with a bounded number of calls, keeping only the reports', async () => {
    const r = recorded();
    const base = r.endpoints['rt-p90']!;
    for (let i = 0; i < 998; i++) {
      const n = `many-${i}`;
      r.endpoints[n] = { describe: { ...base.describe, EndpointName: n, EndpointArn: arn(n), EndpointConfigName: `${n}-config` }, config: { ...base.config, EndpointConfigName: `${n}-config` } };
    }
    const t = io();
    const started = Date.now();
    await runAudit({ format: 'json', failOn: 'none' }, t.io, { clients: fakeClients(r, 24), now: NOW });
    expect(JSON.parse(t.out.join('')).endpoints).toHaveLength(1000);
    // 50 groups of 20, each one metrics call and one percentiles call, two pages each.
    expect(r.calls.filter((c) => c.name === 'GetMetricData').length).toBe(50 * 2 * 2);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('--fail-on: the exit code follows the most severe finding against the threshold', async () => {
    // rt-p90 is busy, with one instance and no autoscaling: warnings only.
    const code = (failOn: 'error' | 'warning' | 'none') => runAudit({ format: 'json', endpoint: ['rt-p90'], failOn }, io().io, { clients: fakeClients(recorded()), now: NOW });
    expect(await code('error')).toBe(0);
    expect(await code('warning')).toBe(1);
    expect(await code('none')).toBe(0);
  });

  it('no credentials: one line naming the problem, exit 2 (a usage error)', async () => {
    const r = recorded();
    const c = fakeClients(r);
    c.sagemaker = {
      send: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      },
    };
    await expect(runAudit({ format: 'json' }, io().io, { clients: c, now: NOW })).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/^cannot list the endpoints in us-east-1: no usable AWS credentials/) });
  });
});

describe('the cost of the deployed configuration', () => {
  const ep = (variant: Partial<DeployedEndpoint['variants'][number]>, async = false): DeployedEndpoint => ({
    endpointName: 'e',
    endpointArn: null,
    endpointConfigName: 'c',
    status: 'InService',
    async,
    inferenceComponents: [],
    deleted: false,
    configMissing: false,
    problems: [],
    variants: [{ variantName: 'AllTraffic', instanceType: 'ml.m5.large', currentInstanceCount: 2, initialInstanceCount: 1, serverless: null, managedInstanceScaling: null, autoscaling: null, ...variant }],
  });

  it("instances all month at the hosting price, plus their storage volumes, from the run's price table", () => {
    const c = currentCost(ep({}), null, BUILTIN_PRICES);
    const hourly = instancePrice(BUILTIN_PRICES, 'hosting', 'ml.m5.large')!.usd;
    const volume = Math.ceil(limit('policy.endpoint-volume') / 1024 ** 3);
    expect(c.breakdown[0]!.usd).toBeCloseTo(2 * monthHours() * hourly, 2);
    expect(c.monthlyUsd).toBeCloseTo(2 * monthHours() * hourly + 2 * volume * BUILTIN_PRICES.storagePerGBMonth!.usd, 1);
    expect(c.assumptions.join('\n')).toMatch(/data-processing charges are not counted/);
  });

  it('async endpoints at the Asynchronous Inference price; an unknown price makes the cost unknown, never 0', () => {
    const c = currentCost(ep({}, true), null, BUILTIN_PRICES);
    expect(c.option).toBe('async');
    expect(c.breakdown[0]!.usd).toBeCloseTo(2 * monthHours() * instancePrice(BUILTIN_PRICES, 'async', 'ml.m5.large')!.usd, 2);
    const none = currentCost(ep({}), null, emptyPrices('eu-west-1', 'none'));
    expect(none.monthlyUsd).toBeNull();
    expect(none.unpriced[0]).toMatch(/ml\.m5\.large Hosting/);
  });

  it('Serverless at the measured traffic; without a measured volume its cost is unknown', () => {
    const s = ep({ instanceType: null, currentInstanceCount: null, serverless: { memoryMB: 2048, maxConcurrency: 5, provisionedConcurrency: null } });
    const traffic = { averageRps: 1, processingSeconds: 0.2, requestBytes: 1000, responseBytes: 1000 };
    const c = currentCost(s, traffic, BUILTIN_PRICES);
    expect(c.option).toBe('serverless');
    expect(c.breakdown[0]!.usd).toBeCloseTo(limit('policy.month') * 0.2 * BUILTIN_PRICES.serverless[2048]!.usd, 2);
    expect(currentCost(s, null, BUILTIN_PRICES).monthlyUsd).toBeNull();
  });
});

describe('idle: only what keeps capacity is idle waste', () => {
  const window = { start: '2026-11-22T00:00:00.000Z', end: '2026-12-06T00:00:00.000Z', days: 14, periodSeconds: 3600 };
  const none = { series: [], fallbacks: [] };
  const endpoint = (variant: Partial<DeployedEndpoint['variants'][number]>, async = false): DeployedEndpoint => ({
    endpointName: 'e',
    endpointArn: null,
    endpointConfigName: 'c',
    status: 'InService',
    async,
    inferenceComponents: [],
    deleted: false,
    configMissing: false,
    problems: [],
    variants: [{ variantName: 'AllTraffic', instanceType: null, currentInstanceCount: null, initialInstanceCount: null, serverless: null, managedInstanceScaling: null, autoscaling: null, ...variant }],
  });
  const idleIds = (e: DeployedEndpoint) => {
    const m = measure(e, none, window);
    const traffic = { averageRps: 0, processingSeconds: 1, requestBytes: 1000, responseBytes: 1000 };
    return auditFindings(e, m, currentCost(e, traffic, BUILTIN_PRICES), null, 14)
      .filter((f) => f.ruleId === 'DA8001')
      .map((f) => f.messageId);
  };

  it.each([
    ['an instance kept up', endpoint({ instanceType: 'ml.m5.large', currentInstanceCount: 1 }), ['idle']],
    ['Serverless on demand', endpoint({ serverless: { memoryMB: 2048, maxConcurrency: 5, provisionedConcurrency: null } }), []],
    ['Serverless with Provisioned Concurrency', endpoint({ serverless: { memoryMB: 2048, maxConcurrency: 5, provisionedConcurrency: 1 } }), ['idle']],
    ['async with an instance up', endpoint({ instanceType: 'ml.m5.large', currentInstanceCount: 1 }, true), ['idleAsync']],
    ['async scaled to zero', endpoint({ instanceType: 'ml.m5.large', currentInstanceCount: 0, autoscaling: { minCapacity: 0, maxCapacity: 2, policies: [] } }, true), []],
  ] as const)('%s', (_what, e, expected) => expect(idleIds(e)).toEqual(expected));
});

describe('traffic pattern from the hourly shape', () => {
  it.each([
    [1, 'sustained'],
    [limit('policy.audit-active-hours-sustained'), 'sustained'],
    [0.7, 'unpredictable'],
    [limit('policy.audit-active-hours-intermittent'), 'unpredictable'],
    [0.1, 'intermittent'],
  ] as const)('%s of the hours active: %s', (share, traffic) => expect(trafficFromShape(share)).toBe(traffic));
});

describe('rules, docs, policy and usage', () => {
  it('each audit rule has its generated page in docs/rules, and ids in a range of their own', () => {
    for (const r of AUDIT_RULES) {
      expect(r.id).toMatch(/^DA80\d\d$/);
      expect(readFileSync(join(ROOT, `docs/rules/${r.id}.md`), 'utf8'), 'run node scripts/gen-rule-docs.mjs').toBe(auditRulePage(r));
    }
  });

  it('--print-policy prints the policy the README shows, with only Describe, List and Get actions', () => {
    const r = cli(['audit', '--print-policy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(auditPolicy());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('```json\n' + auditPolicy() + '```');
    for (const a of JSON.parse(r.stdout).Statement[0].Action) expect(a).toMatch(/^[a-z-]+:(Describe|List|Get)[A-Za-z]+$/);
  });

  it.each([
    [['--days', '0'], /^deploy-advisor: error: --days 0: give a whole number of days from 1 to 455/],
    [['--days', 'two'], /--days two/],
    [['--target', 'aws-cli'], /--target chooses the files --output DIR writes/],
    [['--format', 'xml'], /argument 'xml' is invalid/],
    [['--endpoint', 'bad_name!'], /--endpoint bad_name!: not an endpoint name/],
  ])('audit %j: one line, exit 2', (args, message) => {
    const r = cli(['audit', ...args], { env: { AWS_REGION: 'us-east-1', HOME: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expectOneLineError(r.stderr);
  });

  it('no Region configured: one line, exit 2', () => {
    const r = cli(['audit'], { env: { HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("deploy-advisor: error: no AWS Region: give --region, or set AWS_REGION or a profile's region\n");
  });

  it('the AWS SDK is in the audit bundle only: the program and the other commands do not carry it', () => {
    for (const f of ['dist/cli.cjs', 'dist/program.cjs', 'dist/cmd/lint.cjs', 'dist/cmd/prices.cjs']) expect(readFileSync(join(ROOT, f), 'latin1')).not.toMatch(/SageMakerClient|GetMetricDataCommand/);
    expect(readFileSync(join(ROOT, 'dist/cmd/audit.cjs'), 'latin1')).toMatch(/GetMetricData/);
  });
});
