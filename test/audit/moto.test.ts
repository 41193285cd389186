// `deploy-advisor audit` against a real emulator: moto_server, started here on a free loopback
// port, with endpoints and back-dated CloudWatch metrics made by moto_fixture.py (boto3). The CLI
// is the built bundle, pointed at moto with AWS_ENDPOINT_URL as a user would point it at AWS.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, type CliResult } from '../cli/helpers';
import { sarifValidator } from '../sarif';
import { AUDIT_ACTIONS } from '../../src/rules/audit/policy';
import { makeClients, type Sender } from '../../src/cli/audit/read';
import { runAudit } from '../../src/cli/audit';
import { faultProxy, motoEnv, motoMissing, populate, startMoto, type Moto } from './moto';

const missing = motoMissing();
if (missing) console.warn(`SKIPPED: audit against moto_server (${missing})`);

/** Days of back-dated metrics: moto's GetMetricData scans every data point per query, so the tests keep the window short. */
const DAYS = 3;

/** Runs the built CLI asynchronously (moto is slow enough that a synchronous spawn would block the proxy). */
function run(args: string[], env: Record<string, string>, cwd = ROOT): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'audit', ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

type Json = any;
const byName = (r: Json, name: string) => r.endpoints.find((e: Json) => e.endpointName === name);
const ids = (e: Json) => e.findings.map((f: Json) => `${f.ruleId}/${f.messageId}`);

// moto is slow on a busy machine: each test runs the CLI against it at least once.
describe.skipIf(missing !== null)('audit against moto_server', { timeout: 60_000 }, () => {
  let moto: Moto;
  let bulk: Moto;
  let report: Json;
  let first: CliResult;
  const SCENARIOS = ['idle-rt', 'sparse-rt', 'busy-rt', 'oversized-rt', 'serverless-heavy', 'async-backlog'];

  beforeAll(async () => {
    [moto, bulk] = await Promise.all([startMoto(), startMoto()]);
    populate(moto, DAYS, 0, true);
    populate(bulk, DAYS, 105, false);
    first = await run(['--days', String(DAYS), '--format', 'json'], motoEnv(moto.url));
    report = JSON.parse(first.stdout);
  }, 120_000);
  afterAll(() => {
    moto?.stop();
    bulk?.stop();
  });

  it('reports every InService endpoint with the window, the prices and exit 1 for the idle one (an error)', () => {
    expect(first.code).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(report.region).toBe('us-east-1');
    expect(report.window.days).toBe(DAYS);
    expect(report.prices.region).toBe('us-east-1');
    expect(report.endpoints.map((e: Json) => e.endpointName).sort()).toEqual([...SCENARIOS].sort());
    expect(first.stderr).not.toMatch(/NodeVersionSupportWarning/);
  });

  it('idle Real-Time: DA8001 with its cost now; the advisor recommends an option that costs less', () => {
    const e = byName(report, 'idle-rt');
    expect(ids(e)).toContain('DA8001/idle');
    expect(e.findings.find((f: Json) => f.ruleId === 'DA8001').severity).toBe('error');
    expect(e.current).toMatchObject({ option: 'real-time', architecture: 'single-model' });
    expect(e.current.plan.variants[0]).toMatchObject({ instanceType: 'ml.m5.large', instanceCount: 1, autoscaling: null });
    expect(e.current.monthlyUsd).toBeGreaterThan(50);
    expect(e.measured.invocations).toBeNull();
    expect(e.savingsUsd).toBeGreaterThan(0);
  });

  it('sparse Real-Time: not idle, intermittent from the hourly shape, Serverless is cheaper (DA8003)', () => {
    const e = byName(report, 'sparse-rt');
    expect(ids(e)).not.toContain('DA8001/idle');
    expect(e.measured.invocations).toBe(90);
    expect(e.measured.activeHours).toBe(3);
    expect(e.measured.traffic).toBe('intermittent');
    expect(e.measured.answers.find((a: Json) => a.key === 'traffic').source).toMatch(/hours with requests: 3 of 72/);
    expect(e.recommendation.option).toBe('serverless');
    expect(ids(e)).toContain('DA8003/toServerless');
    expect(ids(e)).toContain('DA8004/missing');
  });

  it('busy Real-Time: sustained, processing time from ModelLatency, autoscaling read from Application Auto Scaling', () => {
    const e = byName(report, 'busy-rt');
    expect(ids(e).filter((x: string) => x.startsWith('DA8001') || x.startsWith('DA8004'))).toEqual([]);
    expect(e.measured.traffic).toBe('sustained');
    expect(e.measured.averageRps).toBeCloseTo(10, 5);
    expect(e.measured.peakRps).toBe(15);
    const pt = e.measured.answers.find((a: Json) => a.key === 'processingTime');
    expect(pt).toMatchObject({ value: 0.05, text: '50 ms' });
    // moto answers percentiles with an error: the hourly average stands in, and the report says so.
    expect(pt.source).toMatch(/ModelLatency \(Average\).*p90 was not available/);
    expect(e.measured.utilisation.cpu).toBeCloseTo(250 / 400, 5);
    expect(e.current.plan.variants[0].autoscaling).toEqual({ minCapacity: 1, maxCapacity: 4, policies: ['busy-rt-target (TargetTrackingScaling)'] });
  });

  it('oversized Real-Time: DA8002 names the instance count the peak needs; model size from MemoryUtilization x memory', () => {
    const e = byName(report, 'oversized-rt');
    const f = e.findings.find((x: Json) => x.messageId === 'tooManyInstances');
    expect(f.message).toMatch(/^3 x ml\.m5\.4xlarge run, but the peak of 1\.5\/s needs 1 /);
    const size = e.measured.answers.find((a: Json) => a.key === 'modelSize');
    expect(size.value).toBeCloseTo(0.06 * 64 * 1024 ** 3, -3);
    expect(size.source).toMatch(/MemoryUtilization \(Maximum\) x 64 GiB of ml\.m5\.4xlarge/);
    expect(e.savingsUsd).toBeGreaterThan(1000);
  });

  it('Serverless under steady heavy load: throttling and MaxConcurrency reported (DA8005); Real-Time costs less (DA8003)', () => {
    const e = byName(report, 'serverless-heavy');
    expect(ids(e)).toEqual(expect.arrayContaining(['DA8005/clientErrors', 'DA8005/atMaxConcurrency']));
    expect(e.current).toMatchObject({ option: 'serverless' });
    expect(e.current.plan.variants[0].serverless).toMatchObject({ memoryMB: 4096, maxConcurrency: 20 });
    expect(e.measured.traffic).toBe('sustained');
    // 40/s all day of 500 ms at 4096 MB: per-second billing costs more than instances kept busy.
    expect(e.recommendation.option).toBe('real-time');
    expect(ids(e)).toContain('DA8003/toRealTime');
    expect(e.recommendation.monthlyUsd).toBeLessThan(e.current.monthlyUsd);
    expect(e.measured.unmeasured.find((u: Json) => u.key === 'modelSize').assumed).toMatch(/configured 4096 MB/);
  });

  it('async with a backlog but no Invocations: not idle; the volume is reported as not measured, costs stay unknown', () => {
    const e = byName(report, 'async-backlog');
    expect(e.current.option).toBe('async');
    expect(ids(e).some((x: string) => x.startsWith('DA8001'))).toBe(false);
    expect(e.measured.backlogMax).toBe(40);
    expect(e.measured.activeHours).toBeGreaterThan(0);
    expect(e.measured.unmeasured.find((u: Json) => u.key === 'requests').why).toMatch(/backlog of up to 40/);
    expect(e.recommendation).toBeNull();
    expect(e.savingsUsd).toBeNull();
  });

  it('every measured answer names its metric, and what CloudWatch cannot give is listed', () => {
    for (const e of report.endpoints) {
      for (const a of e.measured.answers) expect(a.source.length).toBeGreaterThan(5);
      expect(e.measured.unmeasured.map((u: Json) => u.key)).toEqual(expect.arrayContaining(['payload', 'latency', 'requestSize', 'streaming']));
    }
  });

  it('text: a table sorted by savings with a total, then the findings; --fail-on none exits 0', async () => {
    const r = await run(['--days', String(DAYS), '--fail-on', 'none'], motoEnv(moto.url));
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    const head = rows.findIndex((l) => l.startsWith('ENDPOINT'));
    const total = rows.findIndex((l) => l.startsWith('TOTAL'));
    const names = rows.slice(head + 1, total).map((l) => l.split(/\s+/)[0]!);
    const savings = names.map((n) => byName(report, n).savingsUsd ?? -Infinity);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(names.at(-1)).toBe('async-backlog');
    expect(rows[total]).toMatch(/^TOTAL\s+\$[\d,]+\.\d\d\s+\$[\d,.]+\s+\$[\d,.]+$/);
    expect(r.stdout).toMatch(/^ {4}error {4}DA8001 {2}idle: no requests in 3 days/m);
  });

  it('SARIF validates against the 2.1.0 schema, one result per finding, located at the endpoint', async () => {
    const r = await run(['--days', String(DAYS), '--format', 'sarif', '--endpoint', 'idle-rt', 'oversized-rt'], motoEnv(moto.url));
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results.length).toBe(byName(report, 'idle-rt').findings.length + byName(report, 'oversized-rt').findings.length);
    expect(results[0].locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^arn:aws:sagemaker:us-east-1:\d+:endpoint\//);
    expect(log.runs[0].tool.driver.rules.map((x: Json) => x.id)).toContain('DA8001');
  });

  it('--output DIR writes the recommended configuration of each endpoint to change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-out-'));
    try {
      const r = await run(['--days', String(DAYS), '--endpoint', 'oversized-rt', 'busy-rt', '-o', dir, '--target', 'aws-cli', '--fail-on', 'none'], motoEnv(moto.url));
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'oversized-rt')).sort()).toEqual(['create-endpoint-config.yaml', 'create-endpoint.yaml', 'create-model.yaml', 'deploy.sh']);
      expect(readFileSync(join(dir, 'oversized-rt', 'create-endpoint.yaml'), 'utf8')).toMatch(/EndpointName: oversized-rt/);
      expect(r.stdout).toContain(`wrote ${join(dir, 'oversized-rt')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--output DIR --target terraform writes Terraform for each endpoint to change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-tf-'));
    try {
      const r = await run(['--days', String(DAYS), '--endpoint', 'oversized-rt', '-o', dir, '--target', 'terraform', '--fail-on', 'none'], motoEnv(moto.url));
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'oversized-rt'))).toEqual(expect.arrayContaining(['main.tf', 'variables.tf', 'outputs.tf']));
      expect(readFileSync(join(dir, 'oversized-rt', 'main.tf'), 'utf8')).toMatch(/resource "aws_sagemaker_endpoint_configuration"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('more than 100 endpoints: every ListEndpoints page is read', async () => {
    const r = await run(['--days', String(DAYS), '--format', 'json', '--fail-on', 'none'], motoEnv(bulk.url));
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.endpoints).toHaveLength(105);
    expect(new Set(rep.endpoints.map((e: Json) => e.endpointName)).size).toBe(105);
    expect(r.stderr).toMatch(/105 InService endpoints in us-east-1/);
  }, 120_000);

  it("access denied to one service, and to one endpoint's config: reported on those endpoints, the rest goes on", async () => {
    const proxy = await faultProxy(moto.url, [
      { operation: 'DescribeScalableTargets', code: 'AccessDeniedException', status: 400 },
      { operation: 'DescribeEndpointConfig', code: 'AccessDeniedException', status: 400, when: 'sparse-rt' },
      { operation: 'DescribeScalingPolicies', code: 'AccessDeniedException', status: 400 },
    ]);
    try {
      const r = await run(['--days', String(DAYS), '--format', 'json', '--endpoint', 'sparse-rt', 'idle-rt'], motoEnv(proxy.url));
      const rep = JSON.parse(r.stdout);
      const sparse = byName(rep, 'sparse-rt');
      const idle = byName(rep, 'idle-rt');
      expect(ids(sparse)).toEqual(expect.arrayContaining(['DA8006/accessDenied', 'DA8006/configMissing']));
      expect(sparse.findings.find((f: Json) => f.message.startsWith('DescribeEndpointConfig'))).toBeTruthy();
      expect(ids(idle)).toEqual(expect.arrayContaining(['DA8006/accessDenied', 'DA8001/idle']));
      expect(ids(idle)).not.toContain('DA8004/missing');
      expect(r.code).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("access denied to the scaling policies only: the target's minimum and maximum are still reported", async () => {
    const proxy = await faultProxy(moto.url, [{ operation: 'DescribeScalingPolicies', code: 'AccessDeniedException', status: 400 }]);
    try {
      const r = await run(['--days', String(DAYS), '--format', 'json', '--endpoint', 'busy-rt', '--fail-on', 'none'], motoEnv(proxy.url));
      const e = byName(JSON.parse(r.stdout), 'busy-rt');
      expect(e.current.plan.variants[0].autoscaling).toEqual({ minCapacity: 1, maxCapacity: 4, policies: [] });
      expect(e.findings.find((f: Json) => f.messageId === 'accessDenied').message).toMatch(/^DescribeScalingPolicies \(application-autoscaling\) was denied/);
    } finally {
      await proxy.close();
    }
  });

  it('throttling: retried with backoff and read; throttled past the retries is reported for that endpoint only', async () => {
    const proxy = await faultProxy(moto.url, [
      { operation: 'ListEndpoints', code: 'ThrottlingException', status: 400, times: 2 },
      { operation: 'DescribeEndpoint', code: 'ThrottlingException', status: 400, times: 2 },
      { operation: 'DescribeScalableTargets', code: 'ThrottlingException', status: 400, when: 'busy-rt' },
    ]);
    try {
      const r = await run(['--days', String(DAYS), '--format', 'json', '--fail-on', 'none'], motoEnv(proxy.url));
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.stdout);
      expect(rep.endpoints).toHaveLength(SCENARIOS.length);
      expect(proxy.seen.filter((op) => op === 'ListEndpoints').length).toBe(3);
      expect(ids(byName(rep, 'busy-rt'))).toContain('DA8006/throttled');
      expect(ids(byName(rep, 'oversized-rt')).some((x: string) => x.startsWith('DA8006'))).toBe(false);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('a named endpoint that does not exist is reported as deleted, not a crash', async () => {
    const r = await run(['--days', String(DAYS), '--format', 'json', '--endpoint', 'no-such-endpoint', 'idle-rt'], motoEnv(moto.url));
    const rep = JSON.parse(r.stdout);
    expect(ids(byName(rep, 'no-such-endpoint'))).toEqual(['DA8006/deleted']);
    expect(byName(rep, 'idle-rt').current.monthlyUsd).toBeGreaterThan(0);
  });

  it('only Describe, List and Get calls, and exactly those in the IAM policy', async () => {
    const env = motoEnv(moto.url);
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const clients = await makeClients(undefined, process.env);
      const sent: string[] = [];
      const wrap = (s: Sender): Sender => ({ send: (cmd) => (sent.push(cmd.constructor.name.replace(/Command$/, '')), s.send(cmd)) });
      const c = { ...clients, sagemaker: wrap(clients.sagemaker), autoscaling: wrap(clients.autoscaling), cloudwatch: wrap(clients.cloudwatch), percentiles: wrap(clients.percentiles) };
      const out: string[] = [];
      const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true }, stdinIsTTY: false, env, cwd: ROOT, readStdin: async () => Buffer.alloc(0) };
      await runAudit({ days: String(DAYS), format: 'json' }, io, { clients: c });
      const used = [...new Set(sent)].sort();
      expect(used.every((op) => /^(Describe|List|Get)/.test(op))).toBe(true);
      const allowed = Object.values(AUDIT_ACTIONS).flat() as string[];
      for (const op of used) expect(allowed).toContain(op);
      expect(used).toEqual(expect.arrayContaining(['ListEndpoints', 'DescribeEndpoint', 'DescribeEndpointConfig', 'DescribeScalableTargets', 'DescribeScalingPolicies', 'GetMetricData']));
      expect(JSON.parse(out.join('')).endpoints).toHaveLength(SCENARIOS.length);
    } finally {
      for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
