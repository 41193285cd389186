// `deploy-advisor audit`: reads the Region's endpoints and their metrics (read-only), runs the
// advisor on the measured traffic, and reports what each endpoint costs now, what it would cost
// as recommended, and findings (DA8001-DA8006). A bundle of its own (dist/cmd/audit.cjs): the AWS
// SDK loads only when audit runs.

import { plural } from '../rules/text';
import { currentCost } from '../rules/audit/current-cost';
import { measure } from '../rules/audit/measure';
import { auditPolicy } from '../rules/audit/policy';
import { auditFindings } from '../rules/audit/rules';
import type { DeployedEndpoint } from '../rules/audit/types';
import { limit } from '../rules/facts/limits';
import { adviseMeasured } from './audit/advise';
import { describeEndpoint, isCredentialsError, listEndpoints, makeClients, problemOf, readMetrics, windowFor, type AuditClients } from './audit/read';
import { auditSarif, renderAuditText, type AuditReport, type EndpointReport } from './audit/report';
import { EXIT, UsageError, colorWanted, type Io } from './io';
import { loadPrices } from './prices';
import { writeFiles } from './write-files';

export interface AuditFlags {
  region?: string;
  endpoint?: string[];
  days?: string;
  format?: 'text' | 'json' | 'sarif';
  failOn?: 'error' | 'warning' | 'none';
  output?: string;
  target?: 'cloudformation' | 'aws-cli';
  force?: boolean;
  prices?: string;
  printPolicy?: boolean;
  color?: boolean;
}

/** What tests replace: the clients and the clock. */
export interface AuditDeps {
  clients?: AuditClients;
  now?: Date;
}

/** Endpoints described at once, and endpoints per metrics round (bounds memory for thousands). */
const CONCURRENCY = 4;
const GROUP = 20;

function parseDays(text: string | undefined): number {
  if (text === undefined) return limit('policy.audit-days');
  const max = limit('audit.metric-retention-hourly');
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`--days ${text}: give a whole number of days from 1 to ${max} (CloudWatch keeps hourly data points ${max} days)`);
  return Number(text);
}

async function inBatches<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!);
      }
    }),
  );
  return out;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export async function runAudit(flags: AuditFlags, io: Io, deps: AuditDeps = {}): Promise<number> {
  if (flags.printPolicy) {
    io.stdout.write(auditPolicy());
    return EXIT.ok;
  }
  const days = parseDays(flags.days);
  if (flags.target && !flags.output) throw new UsageError('--target chooses the files --output DIR writes; give --output DIR too');
  const format = flags.format ?? 'text';
  const failOn = flags.failOn ?? 'error';
  if (flags.endpoint) for (const n of flags.endpoint) if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/.test(n)) throw new UsageError(`--endpoint ${n}: not an endpoint name (letters, digits and hyphens, up to 63)`);

  let clients: AuditClients;
  try {
    clients = deps.clients ?? (await makeClients(flags.region, io.env));
  } catch (e) {
    if ((e as Error).name === 'UsageError') throw new UsageError((e as Error).message);
    throw e;
  }
  const { table, hint } = loadPrices({ region: clients.region, prices: flags.prices }, io);
  if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
  const window = windowFor(days, deps.now ?? new Date());

  let names: string[];
  try {
    names = flags.endpoint?.length ? [...new Set(flags.endpoint)] : await listEndpoints(clients);
  } catch (e) {
    const p = problemOf('sagemaker', 'ListEndpoints', e);
    const why = isCredentialsError(e) ? 'no usable AWS credentials (environment, profile, SSO or instance role)' : `${p.code}: ${p.message}`;
    throw new UsageError(`cannot list the endpoints in ${clients.region}: ${why}${/AccessDenied/.test(p.code) ? ' (deploy-advisor audit --print-policy prints the IAM policy audit needs; or name endpoints with --endpoint)' : ''}`);
  }
  if (!flags.endpoint?.length) io.stderr.write(`deploy-advisor: ${plural(names.length, 'InService endpoint')} in ${clients.region}; reading ${days} days of metrics\n`);

  const reports: EndpointReport[] = [];
  for (let i = 0; i < names.length; i += GROUP) {
    let endpoints: DeployedEndpoint[];
    try {
      endpoints = await inBatches(names.slice(i, i + GROUP), CONCURRENCY, (n) => describeEndpoint(clients, n));
    } catch (e) {
      if (isCredentialsError(e)) throw new UsageError(`AWS credentials stopped working: ${(e as Error).message.split('\n')[0]}`);
      throw e;
    }
    const metrics = await readMetrics(clients, endpoints, window);
    endpoints.forEach((e, k) => reports.push(evaluate(e, metrics[k]!, window, flags, table)));
  }

  const known = reports.filter((r) => r.savingsUsd !== null);
  const report: AuditReport = {
    schemaVersion: 1,
    region: clients.region,
    window,
    prices: { region: table.region, asOf: table.asOf || null, source: table.source },
    endpoints: reports,
    totals: {
      currentUsd: cents(known.reduce((a, r) => a + (r.current?.monthlyUsd ?? 0), 0)),
      recommendedUsd: cents(known.reduce((a, r) => a + (r.recommendation?.monthlyUsd ?? 0), 0)),
      savingsUsd: cents(known.reduce((a, r) => a + Math.max(0, r.savingsUsd ?? 0), 0)),
      endpoints: reports.length,
      unknown: reports.length - known.length,
    },
  };

  if (format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') io.stdout.write(JSON.stringify(auditSarif(report), null, 2) + '\n');
  else {
    const bold = colorWanted(io, flags.color, io.stdout) ? (s: string) => `\u001b[1m${s}\u001b[22m` : (s: string) => s;
    io.stdout.write(renderAuditText(report, bold));
  }
  const rank = { warning: 1, error: 2 } as const;
  const threshold = failOn === 'none' ? Infinity : rank[failOn];
  return reports.some((r) => r.findings.some((f) => rank[f.severity] >= threshold)) ? EXIT.findings : EXIT.ok;
}

function evaluate(e: DeployedEndpoint, metrics: Parameters<typeof measure>[1], window: ReturnType<typeof windowFor>, flags: AuditFlags, table: ReturnType<typeof loadPrices>['table']): EndpointReport {
  const base = { endpointName: e.endpointName, endpointArn: e.endpointArn, status: e.status, written: [] as string[] };
  if (e.deleted || !e.variants.length) {
    return { ...base, current: null, measured: null, recommendation: null, savingsUsd: null, findings: auditFindings(e, null, null, null, window.days) };
  }
  const m = measure(e, metrics, window);
  const traffic =
    m.cost && m.workload ? { averageRps: m.cost.requests.perSecond, processingSeconds: m.workload.processingSeconds, requestBytes: m.cost.requestBytes ?? limit('policy.response-size'), responseBytes: limit('policy.response-size') } : null;
  const current = currentCost(e, traffic, table);
  const metricsRead = !e.problems.some((p) => p.service === 'cloudwatch');
  const advice = m.workload && m.cost && metricsRead ? adviseMeasured(m.workload, m.cost, table, e.endpointName) : null;
  const findings = auditFindings(e, m, current, advice ? { option: advice.option, monthlyUsd: advice.monthlyUsd, instanceType: advice.plan.instanceType, scaleToZero: advice.plan.scaleToZero } : null, window.days);
  const savingsUsd = current.monthlyUsd !== null && advice?.monthlyUsd != null ? cents(current.monthlyUsd - advice.monthlyUsd) : null;
  const { workload: _w, cost: _c, ...measured } = m;
  const report: EndpointReport = {
    ...base,
    current: { option: current.option, architecture: current.architecture, monthlyUsd: current.monthlyUsd, plan: current.plan, breakdown: current.breakdown, assumptions: current.assumptions, unpriced: current.unpriced },
    measured,
    recommendation: advice ? { option: advice.option, architecture: advice.architecture, monthlyUsd: advice.monthlyUsd, plan: advice.plan, summary: advice.summary, reasons: advice.reasons, assumptions: advice.assumptions } : null,
    savingsUsd,
    findings,
  };
  // --output: the recommended configuration of each endpoint a finding says to change.
  if (flags.output && advice && findings.some((f) => f.ruleId === 'DA8002' || f.ruleId === 'DA8003')) {
    report.written = writeConfig(flags, advice.config(flags.target ?? 'cloudformation').files, e.endpointName);
  }
  return report;
}

function writeConfig(flags: AuditFlags, files: { name: string; content: string }[], endpoint: string): string[] {
  return writeFiles(`${flags.output}/${endpoint}`, files, Boolean(flags.force));
}
