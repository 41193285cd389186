// audit --quotas (issue 24, item 4): recommended plans against the account's SageMaker Service
// Quotas. moto does not emulate Service Quotas, so its answers are recorded (test/audit/quotas/)
// and served by a loopback server speaking the AWS JSON protocol; the built CLI is pointed at it
// with AWS_ENDPOINT_URL_SERVICE_QUOTAS, as a user would point it at an endpoint. These run
// everywhere; the one against moto_server (SageMaker) says SKIPPED where moto is missing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit';
import type { AuditClients, Commands } from '../../src/cli/audit/read';
import { QUOTA_NAMES } from '../../src/rules/facts/quotas';
import { AUDIT_QUOTA_ACTIONS, auditPolicy } from '../../src/rules/audit/policy';
import { checkQuotas, endpointUse, type QuotaTable } from '../../src/rules/audit/quotas';
import type { DeployedEndpoint, DeployedVariant } from '../../src/rules/audit/types';
import { BIN, ROOT, cli, expectOneLineError, expectSchema, type CliResult } from '../cli/helpers';
import { sarifValidator } from '../sarif';
import { motoEnv, motoMissing, populate, startMoto, type Moto } from './moto';
import { QUOTA_DIR, endpointHandlers, failingFirst, isError, quotaHandlers, recorded, startRecordedAws, type Handler, type RecordedAws } from './recorded-aws';

type Json = any;
const CREDS = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' };
const G4DN = QUOTA_NAMES.endpoint.name('ml.g4dn.xlarge');
const SERVERLESS = QUOTA_NAMES.serverless.name;
const TRANSFORM = QUOTA_NAMES.transform.name('ml.m5.large');

/** Runs the built CLI without blocking this process (the recorded servers run in it). */
function run(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'audit', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...CREDS, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const answers = (f: string) => join('test/audit/quotas', f);

describe('what counts against a quota, and the check (hand-computed)', () => {
  const variant = (v: Partial<DeployedVariant>): DeployedVariant => ({
    variantName: 'AllTraffic',
    instanceType: 'ml.g4dn.xlarge',
    currentInstanceCount: 1,
    initialInstanceCount: 1,
    serverless: null,
    managedInstanceScaling: null,
    autoscaling: null,
    ...v,
  });
  const ep = (name: string, variants: DeployedVariant[], status = 'InService'): DeployedEndpoint => ({
    endpointName: name,
    endpointArn: null,
    endpointConfigName: `${name}-config`,
    status,
    async: false,
    variants,
    inferenceComponents: [],
    deleted: false,
    configMissing: false,
    problems: [],
  });

  it('an instance variant counts the larger of its current count and the maximum it may scale to; Serverless its MaxConcurrency', () => {
    expect(endpointUse(ep('a', [variant({ currentInstanceCount: 1, autoscaling: { minCapacity: 1, maxCapacity: 3, policies: [] } })]))).toEqual([{ name: G4DN, value: 3 }]);
    expect(endpointUse(ep('b', [variant({ currentInstanceCount: 5, autoscaling: { minCapacity: 1, maxCapacity: 3, policies: [] } })]))).toEqual([{ name: G4DN, value: 5 }]);
    expect(endpointUse(ep('c', [variant({ currentInstanceCount: null, initialInstanceCount: 2 })]))).toEqual([{ name: G4DN, value: 2 }]);
    expect(endpointUse(ep('d', [variant({ managedInstanceScaling: { status: 'ENABLED', minInstanceCount: 1, maxInstanceCount: 4 } })]))).toEqual([{ name: G4DN, value: 4 }]);
    expect(endpointUse(ep('e', [variant({ instanceType: null, currentInstanceCount: null, serverless: { memoryMB: 2048, maxConcurrency: 7, provisionedConcurrency: null } })]))).toEqual([{ name: SERVERLESS, value: 7 }]);
    // Two variants of the same type add up.
    expect(endpointUse(ep('f', [variant({ variantName: 'A', currentInstanceCount: 2 }), variant({ variantName: 'B', currentInstanceCount: 1 })]))).toEqual([{ name: G4DN, value: 3 }]);
    expect(endpointUse(ep('g', [variant({})], 'Updating'))).toEqual([]);
  });

  const table: QuotaTable = {
    applied: [
      { code: 'L-0F1E2D3C', name: G4DN, value: 4 },
      { code: 'L-96300102', name: 'Serverless concurrency, renamed', value: 10 },
    ],
    defaults: [{ code: 'L-9D0E1F2A', name: TRANSFORM, value: 10 }],
    problems: [],
  };
  const need = (name: string, value: number, code: string | null = null) => ({ serviceCode: 'sagemaker' as const, name, code, value, unit: 'instances' as const, source: '', note: null });
  const usage = new Map([
    ['self', [{ name: G4DN, value: 3 }]],
    ['other', [{ name: G4DN, value: 2 }]],
    ['sls', [{ name: SERVERLESS, value: 3 }]],
  ]);

  it('needed plus the use of the other endpoints against the applied value; the endpoint the plan replaces is not counted', () => {
    expect(checkQuotas([need(G4DN, 2)], usage, table, 'self')[0]).toEqual({
      name: G4DN,
      code: 'L-0F1E2D3C',
      unit: 'instances',
      needed: 2,
      inUseElsewhere: 2,
      usedBy: ['other'],
      applied: 4,
      appliedFrom: 'account',
      status: 'ok',
    });
    expect(checkQuotas([need(G4DN, 3)], usage, table, 'self')[0]).toMatchObject({ inUseElsewhere: 2, status: 'exceeds' });
    // Before a deployment (no endpoint replaced), every endpoint counts: 1 + 3 + 2 > 4.
    expect(checkQuotas([need(G4DN, 1)], usage, table, null)[0]).toMatchObject({ inUseElsewhere: 5, usedBy: ['other', 'self'], status: 'exceeds' });
  });

  it('the plan code decides where it is given; otherwise the exact name; then the AWS defaults; else unknown, never 0', () => {
    expect(checkQuotas([need(SERVERLESS, 5, 'L-96300102')], usage, table, null)[0]).toMatchObject({ applied: 10, inUseElsewhere: 3, status: 'ok' });
    expect(checkQuotas([need(TRANSFORM, 11)], usage, table, null)[0]).toMatchObject({ code: 'L-9D0E1F2A', applied: 10, appliedFrom: 'default', status: 'exceeds' });
    expect(checkQuotas([need(G4DN.toUpperCase(), 1)], usage, table, null)[0]).toMatchObject({ code: null, applied: null, appliedFrom: null, status: 'unknown' });
    expect(checkQuotas([need(G4DN, 1)], usage, { applied: null, defaults: null, problems: [] }, null)[0]).toMatchObject({ applied: null, status: 'unknown' });
  });
});

describe('audit --quotas --answers FILE: the plan recommend makes, before it is deployed (recorded Service Quotas, the built CLI)', { timeout: 60_000 }, () => {
  let aws: RecordedAws;
  let quotas: RecordedAws;
  const servers: RecordedAws[] = [];
  /** SageMaker and Auto Scaling at AWS_ENDPOINT_URL, Service Quotas on a server of its own at AWS_ENDPOINT_URL_SERVICE_QUOTAS. */
  const start = async (over: Record<string, Handler> = {}) => {
    quotas = await startRecordedAws(quotaHandlers(over));
    servers.push(quotas);
    return { AWS_ENDPOINT_URL: aws.url, AWS_ENDPOINT_URL_SERVICE_QUOTAS: quotas.url };
  };
  const ops = (s: RecordedAws) => s.calls.map((c) => c.operation);

  beforeAll(async () => {
    aws = await startRecordedAws(endpointHandlers());
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => aws.close());

  it('a quota exceeded: the table, DA8007 with the quota, its code, the values and the increase command; exit 1; every page read', async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('gpu-async.json')], env);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('deploy-advisor audit --quotas: the plan for test/audit/quotas/gpu-async.json against the Service Quotas of us-east-1 (2 InService endpoints counted)');
    expect(lines[1]).toBe('Plan: Asynchronous Inference (0-4 x ml.g4dn.xlarge)');
    expect(lines).toContain('  QUOTA                              CODE        NEEDED  IN USE ELSEWHERE  APPLIED  STATUS');
    expect(lines).toContain('  ml.g4dn.xlarge for endpoint usage  L-0F1E2D3C       4                 2        4  exceeds');
    expect(lines).toContain(
      '  error    DA8007  exceeds: the plan needs 4 of "ml.g4dn.xlarge for endpoint usage" (L-0F1E2D3C) and other endpoints may use 2, but the applied quota is 4: aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code L-0F1E2D3C --desired-value 6 --region us-east-1',
    );
    expect(r.stderr).toBe('');
    // Both pages, 100 a page, for SageMaker's service code; every quota found, so no defaults.
    expect(quotas.calls.map((c) => c.input)).toEqual([
      { ServiceCode: 'sagemaker', MaxResults: 100 },
      { ServiceCode: 'sagemaker', MaxResults: 100, NextToken: recorded('list-service-quotas.1.json').NextToken },
    ]);
    expect(ops(quotas)).not.toContain('ListAWSDefaultServiceQuotas');
  });

  it("the README's example is this run's output", async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('gpu-async.json')], env);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /\$ deploy-advisor audit --quotas --answers video-analysis\.json\n([\s\S]*?)```/.exec(readme)![1];
    expect(shown).toBe(r.stdout.replace('test/audit/quotas/gpu-async.json', 'video-analysis.json'));
  });

  it('JSON: the quotas checked, the counts read, the finding; valid against the published schema', async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('gpu-async.json'), '--format', 'json'], env);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expectSchema('audit', j);
    expect(j).toMatchObject({ schemaVersion: 1, check: 'quotas', region: 'us-east-1', answers: 'test/audit/quotas/gpu-async.json', endpointsRead: 2, endpointsUnread: [] });
    expect(j.recommendation).toMatchObject({ option: 'async', plan: { instanceType: 'ml.g4dn.xlarge', maxInstances: 4 } });
    expect(j.serviceQuotas).toEqual({ serviceCode: 'sagemaker', applied: 7, defaults: null, problems: [] });
    expect(j.quotas).toEqual([{ name: G4DN, code: 'L-0F1E2D3C', unit: 'instances', needed: 4, inUseElsewhere: 2, usedBy: ['gpu-live'], applied: 4, appliedFrom: 'account', status: 'exceeds' }]);
    expect(j.findings.map((f: Json) => `${f.ruleId}/${f.messageId}/${f.severity}`)).toEqual(['DA8007/exceeds/error']);
  });

  it('SARIF: the finding, located in the answers file, valid SARIF 2.1.0', async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('gpu-async.json'), '--format', 'sarif'], env);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    expect(s.runs[0].tool.driver.rules.map((x: Json) => x.id)).toEqual(['DA8007']);
    expect(s.runs[0].results[0]).toMatchObject({ ruleId: 'DA8007', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'test/audit/quotas/gpu-async.json' } } }] });
  });

  it('a quota that fits, found on the second page, with the use of the Serverless endpoint counted: exit 0', async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('serverless.yaml'), '--format', 'json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.quotas).toEqual([{ name: SERVERLESS, code: 'L-96300102', unit: 'concurrency', needed: 5, inUseElsewhere: 3, usedBy: ['sls-live'], applied: 10, appliedFrom: 'account', status: 'ok' }]);
    expect(j.findings).toEqual([]);
    const t = await run(['--quotas', '--answers', answers('serverless.yaml')], env);
    expect(t.stdout).toMatch(/^ {2}Maximum total concurrency that can be allocated across all serverless endpoints {2}L-96300102 {7}5 {17}3 {7}10 {2}ok$/m);
    expect(t.stdout).toMatch(/\nEvery quota the plan needs fits\.\n$/);
  });

  it("a quota the account's list leaves out: the AWS default stands in, and says so", async () => {
    const env = await start();
    const r = await run(['--quotas', '--answers', answers('batch.yaml'), '--format', 'json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.quotas).toEqual([{ name: TRANSFORM, code: 'L-9D0E1F2A', unit: 'instances', needed: 1, inUseElsewhere: 0, usedBy: [], applied: 10, appliedFrom: 'default', status: 'ok' }]);
    expect(j.serviceQuotas).toMatchObject({ applied: 7, defaults: 2 });
    expect(ops(quotas).filter((o) => o === 'ListAWSDefaultServiceQuotas')).toHaveLength(1);
    // Only what the policy printed with --quotas allows.
    expect(ops(quotas).every((o) => (AUDIT_QUOTA_ACTIONS.servicequotas as readonly string[]).includes(o))).toBe(true);
    expect((await run(['--quotas', '--answers', answers('batch.yaml')], env)).stdout).toMatch(/ml\.m5\.large for transform job usage {2}L-9D0E1F2A {7}1 {17}0 {2}10 \(default\) {2}ok/);
  });

  it('a quota in neither list: unknown (never 0, never a pass): DA8008, a warning; exit 0, or 1 with --fail-on warning', async () => {
    const env = await start({ ListAWSDefaultServiceQuotas: () => ({ Quotas: [] }) });
    const r = await run(['--quotas', '--answers', answers('batch.yaml'), '--format', 'json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.quotas[0]).toMatchObject({ name: TRANSFORM, code: null, applied: null, appliedFrom: null, status: 'unknown' });
    expect(j.findings).toEqual([
      {
        ruleId: 'DA8008',
        messageId: 'notListed',
        severity: 'warning',
        message: `"${TRANSFORM}" is neither in the account's Service Quotas nor among the defaults in us-east-1: the plan needs 1; check it in the Service Quotas console`,
      },
    ]);
    const t = await run(['--quotas', '--answers', answers('batch.yaml'), '--fail-on', 'warning'], env);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/^ {2}ml\.m5\.large for transform job usage {2}- +1 +0 {2}unknown {2}unknown$/m);
    expect(t.stdout).toContain('Plan: Batch Transform (ml.m5.large)');
  });

  it('access denied: the audit goes on, the quotas are unknown, one line names the permission; the defaults are not read in its place', async () => {
    const env = await start({ ListServiceQuotas: () => ({ code: 'AccessDeniedException', status: 400, message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: servicequotas:ListServiceQuotas' }) });
    const r = await run(['--quotas', '--answers', answers('gpu-async.json'), '--format', 'json'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('deploy-advisor: Service Quotas ListServiceQuotas was denied: the quotas it would give are unknown; allow servicequotas:ListServiceQuotas (deploy-advisor audit --print-policy --quotas prints the policy)\n');
    const j = JSON.parse(r.stdout);
    expect(j.serviceQuotas).toMatchObject({ applied: null, defaults: null, problems: [{ operation: 'ListServiceQuotas', code: 'AccessDeniedException' }] });
    expect(j.quotas[0]).toMatchObject({ name: G4DN, applied: null, status: 'unknown', inUseElsewhere: 2 });
    expect(j.findings[0]).toMatchObject({ ruleId: 'DA8008', messageId: 'denied', message: `"${G4DN}" could not be checked: ListServiceQuotas was denied (allow servicequotas:ListServiceQuotas); the plan needs 4` });
    expect(ops(quotas)).toEqual(['ListServiceQuotas']);
  });

  it('throttling is retried', async () => {
    const p1 = recorded('list-service-quotas.1.json');
    const env = await start({ ListServiceQuotas: failingFirst(1, { code: 'TooManyRequestsException', status: 400, message: 'Rate exceeded' }, (i) => (i.NextToken ? recorded('list-service-quotas.2.json') : p1)) });
    const r = await run(['--quotas', '--answers', answers('gpu-async.json'), '--format', 'json'], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).quotas[0]).toMatchObject({ applied: 4, status: 'exceeds' });
    expect(ops(quotas)).toEqual(['ListServiceQuotas', 'ListServiceQuotas', 'ListServiceQuotas']);
  });

  it.each([
    [['--answers', answers('batch.yaml')], /^deploy-advisor: error: --answers FILE checks the plan recommend makes for FILE against the account's Service Quotas: give --quotas too$/m],
    [['--quotas', '--answers', answers('batch.yaml'), '--endpoint', 'gpu-live'], /--endpoint is for auditing deployed endpoints; --answers checks a plan before it is deployed/],
    [['--quotas', '--answers', answers('batch.yaml'), '--days', '3'], /--days is for auditing deployed endpoints/],
    [['--quotas', '--answers', 'test/audit/quotas/none.yaml'], /none\.yaml/],
  ])('audit %j: one line, exit 2', (args, message) => {
    const r = cli(['audit', ...args], { env: { ...CREDS, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expectOneLineError(r.stderr);
  });

  it('--print-policy adds the Service Quotas List calls with --quotas, and only then', () => {
    const plain = JSON.parse(cli(['audit', '--print-policy']).stdout);
    expect(JSON.stringify(plain)).not.toMatch(/servicequotas/);
    const r = cli(['audit', '--print-policy', '--quotas']);
    expect(r.stdout).toBe(auditPolicy(true));
    expect(JSON.parse(r.stdout).Statement[1]).toEqual({ Sid: 'DeployAdvisorAuditQuotas', Effect: 'Allow', Action: ['servicequotas:ListServiceQuotas', 'servicequotas:ListAWSDefaultServiceQuotas'], Resource: '*' });
  });

  it('the recorded fixtures are the shapes the API returns (names, codes and values where audit reads them)', () => {
    for (const f of ['list-service-quotas.1.json', 'list-service-quotas.2.json', 'list-aws-default-service-quotas.json']) {
      for (const q of recorded(f).Quotas) {
        expect(q).toMatchObject({ ServiceCode: 'sagemaker', QuotaCode: expect.stringMatching(/^L-[0-9A-F]{8}$/), QuotaName: expect.any(String), Value: expect.any(Number) });
      }
    }
    expect(QUOTA_DIR).toMatch(/test\/audit\/quotas$/);
  });
});

// ---- audit --quotas of deployed endpoints, in-process with recorded clients -------------------

const cmd = (name: string) =>
  ({
    [name]: class {
      constructor(public input: any) {}
    },
  })[name] as new (input: any) => object;
const COMMANDS: Commands = Object.fromEntries(
  [
    'ListEndpoints',
    'DescribeEndpoint',
    'DescribeEndpointConfig',
    'ListInferenceComponents',
    'DescribeInferenceComponent',
    'DescribeScalableTargets',
    'DescribeScalingPolicies',
    'GetMetricData',
    'ListServiceQuotas',
    'ListAWSDefaultServiceQuotas',
  ].map((n) => [n, cmd(`${n}Command`)]),
) as unknown as Commands;

/**
 * Two endpoints with the same traffic (1 request a second, every hour, 0.4 s each): `busy` on one
 * ml.m5.xlarge, and `neighbour`, Serverless with MaxConcurrency 4. The advisor recommends Serverless
 * (MaxConcurrency 5) for both, so each plan shares the Regional Serverless concurrency quota with
 * the other endpoint.
 */
function fleet(quotaOver: Record<string, Handler> = {}) {
  const calls: string[] = [];
  const e = {
    busy: { type: 'ml.m5.xlarge', count: 1, serverless: null as null | { MemorySizeInMB: number; MaxConcurrency: number } },
    neighbour: { type: null, count: null, serverless: { MemorySizeInMB: 2048, MaxConcurrency: 4 } },
  };
  const names = Object.keys(e) as (keyof typeof e)[];
  const sq = quotaHandlers(quotaOver);
  const send = async (c: Json) => {
    const name = c.constructor.name.replace(/Command$/, '');
    const input = c.input;
    calls.push(name);
    const x = (n: string) => e[n as keyof typeof e];
    switch (name) {
      case 'ListEndpoints':
        return { Endpoints: names.map((EndpointName) => ({ EndpointName })) };
      case 'DescribeEndpoint':
        return {
          EndpointName: input.EndpointName,
          EndpointArn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${input.EndpointName}`,
          EndpointConfigName: input.EndpointName,
          EndpointStatus: 'InService',
          ProductionVariants: [{ VariantName: 'AllTraffic', ...(x(input.EndpointName).serverless ? { CurrentServerlessConfig: x(input.EndpointName).serverless } : { CurrentInstanceCount: x(input.EndpointName).count }) }],
        };
      case 'DescribeEndpointConfig': {
        const v = x(input.EndpointConfigName);
        return {
          EndpointConfigName: input.EndpointConfigName,
          ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', ...(v.serverless ? { ServerlessConfig: v.serverless } : { InstanceType: v.type, InitialInstanceCount: 1 }) }],
        };
      }
      case 'DescribeScalableTargets':
        return { ScalableTargets: [] };
      case 'DescribeScalingPolicies':
        return { ScalingPolicies: [] };
      case 'GetMetricData': {
        const hours = 24 * 14;
        const results = input.MetricDataQueries.map((q: Json) => {
          const metric = q.MetricStat.Metric.MetricName;
          const stat = q.MetricStat.Stat;
          const v = metric === 'Invocations' ? (stat === 'Sum' ? 3600 : 120) : metric === 'ModelLatency' ? (stat === 'Maximum' ? 2_000_000 : 400_000) : null;
          if (v === null) return { Id: q.Id, Timestamps: [], Values: [] };
          return { Id: q.Id, Timestamps: Array.from({ length: hours }, (_, h) => new Date(Date.parse('2026-11-22T12:00:00Z') + h * 3_600_000)), Values: Array(hours).fill(v) };
        });
        return { MetricDataResults: results };
      }
      case 'ListServiceQuotas':
      case 'ListAWSDefaultServiceQuotas': {
        const out = sq[name]!(input);
        if (isError(out)) throw Object.assign(new Error(out.message), { name: out.code });
        return out;
      }
    }
    throw new Error(`unexpected command ${name}`);
  };
  const s = { send };
  const clients: AuditClients = { sagemaker: s, autoscaling: s, cloudwatch: s, percentiles: s, servicequotas: s, region: 'us-east-1', commands: COMMANDS };
  return { clients, calls };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, stdinIsTTY: false, env: { HOME: '/nonexistent' }, cwd: ROOT, readStdin: async () => Buffer.alloc(0) } };
}
const NOW = new Date('2026-12-06T12:00:00Z');

describe('audit --quotas of deployed endpoints (recorded responses)', () => {
  const plan = async (over: Record<string, Handler> = {}, flags: Parameters<typeof runAudit>[0] = {}) => {
    const f = fleet(over);
    const t = io();
    const code = await runAudit({ format: 'json', quotas: true, failOn: 'none', ...flags }, t.io, { clients: f.clients, now: NOW });
    return { code, f, t, j: flags.format && flags.format !== 'json' ? null : JSON.parse(t.out.join('')) };
  };

  it("each endpoint's recommended plan, checked with the other endpoints' use (never its own); the report validates against its schema", async () => {
    const { code, j } = await plan();
    expect(code).toBe(0);
    expectSchema('audit', j);
    expect(j.serviceQuotas).toEqual({ serviceCode: 'sagemaker', applied: 7, defaults: null, problems: [] });
    const busy = j.endpoints.find((e: Json) => e.endpointName === 'busy');
    expect(busy.recommendation.plan.serverless).toMatchObject({ maxConcurrency: 5 });
    // busy's plan: 5, beside neighbour's MaxConcurrency 4, within 10.
    expect(busy.quotas).toEqual([{ name: SERVERLESS, code: 'L-96300102', unit: 'concurrency', needed: 5, inUseElsewhere: 4, usedBy: ['neighbour'], applied: 10, appliedFrom: 'account', status: 'ok' }]);
    // neighbour's plan replaces its own 4; busy runs instances, which this quota does not count.
    expect(j.endpoints.find((e: Json) => e.endpointName === 'neighbour').quotas).toEqual([expect.objectContaining({ name: SERVERLESS, needed: 5, inUseElsewhere: 0, usedBy: [], status: 'ok' })]);
    // Without --quotas, none of it.
    const u = io();
    await runAudit({ format: 'json', failOn: 'none' }, u.io, { clients: fleet().clients, now: NOW });
    const plain = JSON.parse(u.out.join(''));
    expect(plain.serviceQuotas).toBeUndefined();
    expect(plain.endpoints[0].quotas).toBeUndefined();
  });

  /** The account's Serverless concurrency at 8: busy's 5 plus neighbour's 4 do not fit. */
  const eight = (input: Json) => {
    const page = recorded(input.NextToken ? 'list-service-quotas.2.json' : 'list-service-quotas.1.json');
    return { ...page, Quotas: page.Quotas.map((q: Json) => (q.QuotaCode === 'L-96300102' ? { ...q, Value: 8 } : q)) };
  };

  it('a quota too small once the other endpoint is counted: DA8007 in the findings, the text table and SARIF; exit 1', async () => {
    const { j } = await plan({ ListServiceQuotas: eight });
    const busy = j.endpoints.find((e: Json) => e.endpointName === 'busy');
    expect(busy.quotas[0]).toMatchObject({ needed: 5, inUseElsewhere: 4, applied: 8, status: 'exceeds' });
    expect(busy.findings.filter((f: Json) => f.ruleId === 'DA8007').map((f: Json) => f.message)).toEqual([
      `the plan needs 5 of "${SERVERLESS}" (L-96300102) and other endpoints may use 4, but the applied quota is 8: aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code L-96300102 --desired-value 9 --region us-east-1`,
    ]);
    expect(j.endpoints.find((e: Json) => e.endpointName === 'neighbour').quotas[0]).toMatchObject({ needed: 5, inUseElsewhere: 0, status: 'ok' });

    const text = await plan({ ListServiceQuotas: eight }, { format: 'text', failOn: 'error' });
    expect(text.code).toBe(1);
    const out = text.t.out.join('');
    expect(out).toContain('Service quotas (in use elsewhere: the other InService endpoints, each at its autoscaling maximum or current count, whichever is larger):');
    expect(out).toMatch(new RegExp(`^ {2}busy +${SERVERLESS} {2}L-96300102 +5 +4 +8 {2}exceeds$`, 'm'));
    expect(out).toMatch(new RegExp(`^ {2}neighbour +${SERVERLESS} {2}L-96300102 +5 +0 +8 {2}ok$`, 'm'));
    expect(out).toMatch(/^ {4}error {4}DA8007 {2}exceeds: the plan needs 5 of /m);

    const s = await plan({ ListServiceQuotas: eight }, { format: 'sarif' });
    const sarif = JSON.parse(s.t.out.join(''));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results.find((r: Json) => r.ruleId === 'DA8007')).toMatchObject({ level: 'error', locations: [{ logicalLocations: [{ name: 'busy' }] }] });
  });

  it('--endpoint: the endpoints not audited are still read, for their use of the quotas (without their metrics)', async () => {
    const { f, j } = await plan({}, { endpoint: ['busy'] });
    expect(j.endpoints.map((e: Json) => e.endpointName)).toEqual(['busy']);
    expect(f.calls.filter((c) => c === 'DescribeEndpoint')).toHaveLength(2);
    expect(f.calls.filter((c) => c === 'ListEndpoints')).toHaveLength(1);
    expect(j.endpoints[0].quotas[0]).toMatchObject({ inUseElsewhere: 4, usedBy: ['neighbour'] });
  });

  it('access denied: the audit goes on, each quota unknown (DA8008), one hint line; exit 0', async () => {
    const { code, t, j } = await plan({ ListServiceQuotas: () => ({ code: 'AccessDeniedException', status: 400, message: 'not authorized' }) }, { failOn: 'error' });
    expect(code).toBe(0);
    expect(t.err.join('')).toContain('deploy-advisor: Service Quotas ListServiceQuotas was denied: the quotas it would give are unknown; allow servicequotas:ListServiceQuotas');
    for (const e of j.endpoints) {
      expect(e.quotas).toEqual([expect.objectContaining({ status: 'unknown', applied: null })]);
      expect(e.findings.filter((f: Json) => f.ruleId === 'DA8008').map((f: Json) => f.messageId)).toEqual(['denied']);
    }
  });
});

// ---- against moto_server (SageMaker) with the recorded Service Quotas ------------------------

const missing = motoMissing();
if (missing) console.warn(`SKIPPED: audit --quotas against moto_server (${missing})`);

describe.skipIf(missing !== null)('audit --quotas against moto_server, Service Quotas recorded', { timeout: 120_000 }, () => {
  let moto: Moto;
  let sq: RecordedAws;
  beforeAll(async () => {
    [moto, sq] = await Promise.all([startMoto(), startRecordedAws(quotaHandlers())]);
    populate(moto, 3, 0, true);
  }, 120_000);
  afterAll(async () => {
    moto?.stop();
    await sq?.close();
  });

  it('every recommended plan is checked; exceeds exactly where needed plus the use elsewhere is over the applied value, and DA8007 there', async () => {
    const r = await run(['--days', '3', '--quotas', '--format', 'json', '--fail-on', 'none'], { ...motoEnv(moto.url), AWS_ENDPOINT_URL_SERVICE_QUOTAS: sq.url });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expectSchema('audit', j);
    expect(j.serviceQuotas.applied).toBe(7);
    expect(sq.calls.filter((c) => c.operation === 'ListServiceQuotas')).toHaveLength(2);
    for (const e of j.endpoints) {
      expect(e.quotas.length > 0).toBe(e.recommendation !== null);
      for (const q of e.quotas) {
        expect(q.usedBy).not.toContain(e.endpointName);
        expect(q.status).toBe(q.applied === null ? 'unknown' : q.needed + q.inUseElsewhere > q.applied ? 'exceeds' : 'ok');
      }
      expect(e.findings.filter((f: Json) => f.ruleId === 'DA8007')).toHaveLength(e.quotas.filter((q: Json) => q.status === 'exceeds').length);
      expect(e.findings.filter((f: Json) => f.ruleId === 'DA8008')).toHaveLength(e.quotas.filter((q: Json) => q.status === 'unknown').length);
    }
    // idle-rt runs 1 x ml.m5.large: every other endpoint's plan that needs ml.m5.large counts it.
    const m5 = QUOTA_NAMES.endpoint.name('ml.m5.large');
    for (const e of j.endpoints.filter((x: Json) => x.endpointName !== 'idle-rt')) for (const q of e.quotas.filter((x: Json) => x.name === m5)) expect(q.usedBy).toContain('idle-rt');
  });
});
