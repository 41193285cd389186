// `deploy-advisor audit`: reads the Region's endpoints and their metrics (read-only), runs the
// advisor on the measured traffic, and reports what each endpoint costs now, what it would cost
// as recommended, and findings (DA8001-DA8006); with --quotas, whether each recommended plan fits
// the account's Service Quotas (DA8007, DA8008), or, with --answers, whether recommend's plan does. A bundle of its own (dist/cmd/audit.cjs): the AWS
// SDK loads only when audit runs.

import { plural } from '../rules/text';
import { currentCost } from '../rules/audit/current-cost';
import { measure } from '../rules/audit/measure';
import { auditPolicy } from '../rules/audit/policy';
import { auditFindings } from '../rules/audit/rules';
import type { DeployedEndpoint } from '../rules/audit/types';
import type { Target } from '../emit/targets';
import { limit } from '../rules/facts/limits';
import { checkQuotas, endpointUse, inAccountList, quotaAction, quotaFindings, type QuotaTable, type UsageByEndpoint } from '../rules/audit/quotas';
import type { AuditFinding } from '../rules/audit/rules';
import type { QuotaNeed } from '../rules/facts/quotas';
import { BUILTIN_PRICES } from '../rules/facts/prices';
import { adviseMeasured, adviseWith } from './audit/advise';
import { awsConfigProblem, connectionProblem } from './audit/errors';
import { describeEndpoint, isCredentialsError, listEndpoints, makeClients, problemOf, readMetrics, readQuotas, windowFor, type AuditClients } from './audit/read';
import { AUDIT_SCHEMA_VERSION, auditSarif, quotaCheckSarif, quotaSource, renderAuditText, renderQuotaCheckText, type AuditReport, type EndpointReport, type QuotaCheckReport, type QuotaSource } from './audit/report';
import { normalize } from './answers';
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
  target?: Target;
  force?: boolean;
  prices?: string;
  printPolicy?: boolean;
  /** Check the recommended plans against the account's Service Quotas. */
  quotas?: boolean;
  /** With --quotas: check the plan recommend makes for this answers file, instead of auditing endpoints. */
  answers?: string;
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
    io.stdout.write(auditPolicy(Boolean(flags.quotas)));
    return EXIT.ok;
  }
  if (flags.answers !== undefined) {
    if (!flags.quotas) throw new UsageError("--answers FILE checks the plan recommend makes for FILE against the account's Service Quotas: give --quotas too");
    const clash = (['endpoint', 'days', 'output', 'target'] as const).find((k) => flags[k] !== undefined);
    if (clash) throw new UsageError(`--${clash} is for auditing deployed endpoints; --answers checks a plan before it is deployed: give one or the other`);
    return runQuotaCheck(flags, io, deps);
  }
  const days = parseDays(flags.days);
  if (flags.target && !flags.output) throw new UsageError('--target chooses the files --output DIR writes; give --output DIR too');
  const format = flags.format ?? 'text';
  const failOn = flags.failOn ?? 'error';
  if (flags.endpoint) for (const n of flags.endpoint) if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/.test(n)) throw new UsageError(`--endpoint ${n}: not an endpoint name (letters, digits and hyphens, up to 63)`);

  const clients = await clientsFor(flags.region, io, deps, Boolean(flags.quotas));
  const { table, hint } = loadPrices({ region: clients.region, prices: flags.prices }, io);
  if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
  const window = windowFor(days, deps.now ?? new Date());

  const names = flags.endpoint?.length ? [...new Set(flags.endpoint)] : await listAll(clients, io.env);
  if (!flags.endpoint?.length) io.stderr.write(`deploy-advisor: ${plural(names.length, 'InService endpoint')} in ${clients.region}; reading ${days} days of metrics\n`);

  const reports: EndpointReport[] = [];
  // --quotas: what each endpoint read may use of each quota, and what each recommended plan needs.
  const usage: UsageByEndpoint = new Map();
  const needs = new Map<string, QuotaNeed[]>();
  for (let i = 0; i < names.length; i += GROUP) {
    const endpoints = await describeAll(clients, names.slice(i, i + GROUP));
    const metrics = await readMetrics(clients, endpoints, window);
    endpoints.forEach((e, k) => {
      if (flags.quotas) usage.set(e.endpointName, endpointUse(e));
      const { report, quotas } = evaluate(e, metrics[k]!, window, flags, table);
      if (quotas) needs.set(e.endpointName, quotas);
      reports.push(report);
    });
  }
  let serviceQuotas: QuotaSource | undefined;
  if (flags.quotas) {
    // A quota is per account and Region: endpoints left out by --endpoint use it too.
    if (flags.endpoint?.length) {
      let all: string[] = [];
      try {
        all = await listEndpoints(clients);
      } catch (e) {
        if (isCredentialsError(e)) throw e;
        io.stderr.write(`deploy-advisor: the other endpoints could not be listed (${problemOf('sagemaker', 'ListEndpoints', e).code}): their use of the quotas is not counted\n`);
      }
      const rest = all.filter((n) => !usage.has(n));
      for (let i = 0; i < rest.length; i += GROUP) for (const e of await describeAll(clients, rest.slice(i, i + GROUP))) usage.set(e.endpointName, endpointUse(e));
    }
    const all = [...needs.values()].flat();
    const t = await readQuotas(clients, (x) => all.some((n) => !inAccountList(x, n)));
    quotaHint(t, io);
    for (const r of reports) {
      r.quotas = checkQuotas(needs.get(r.endpointName) ?? [], usage, t, r.endpointName);
      r.findings.push(...quotaFindings(r.quotas, t, clients.region));
    }
    serviceQuotas = quotaSource(t);
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
    ...(serviceQuotas ? { serviceQuotas } : {}),
  };

  if (format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') io.stdout.write(JSON.stringify(auditSarif(report), null, 2) + '\n');
  else {
    const bold = colorWanted(io, flags.color, io.stdout) ? (s: string) => `\u001b[1m${s}\u001b[22m` : (s: string) => s;
    io.stdout.write(renderAuditText(report, bold));
  }
  return exitFor(
    reports.flatMap((r) => r.findings),
    failOn,
  );
}

function exitFor(findings: AuditFinding[], failOn: 'error' | 'warning' | 'none'): number {
  const rank = { warning: 1, error: 2 } as const;
  const threshold = failOn === 'none' ? Infinity : rank[failOn];
  return findings.some((f) => rank[f.severity] >= threshold) ? EXIT.findings : EXIT.ok;
}

async function clientsFor(region: string | undefined, io: Io, deps: AuditDeps, quotas: boolean): Promise<AuditClients> {
  // Mistakes in the AWS configuration, named before the SDK reports them in its own words.
  const configProblem = deps.clients ? null : awsConfigProblem(io.env);
  if (configProblem) throw new UsageError(configProblem);
  try {
    return deps.clients ?? (await makeClients(region, io.env, { quotas }));
  } catch (e) {
    if ((e as Error).name === 'UsageError') throw new UsageError((e as Error).message);
    throw e;
  }
}

/** Every InService endpoint; a refusal stops the run with one line. */
async function listAll(clients: AuditClients, env: Io['env']): Promise<string[]> {
  try {
    return await listEndpoints(clients);
  } catch (e) {
    const p = problemOf('sagemaker', 'ListEndpoints', e);
    const why = isCredentialsError(e) ? 'no usable AWS credentials (environment, profile, SSO or instance role)' : (connectionProblem(e, env) ?? `${p.code}: ${p.message}`);
    throw new UsageError(`cannot list the endpoints in ${clients.region}: ${why}${/AccessDenied/.test(p.code) ? ' (deploy-advisor audit --print-policy prints the IAM policy audit needs; or name endpoints with --endpoint)' : ''}`);
  }
}

async function describeAll(clients: AuditClients, names: string[]): Promise<DeployedEndpoint[]> {
  try {
    return await inBatches(names, CONCURRENCY, (n) => describeEndpoint(clients, n));
  } catch (e) {
    if (isCredentialsError(e))
      throw new UsageError((e as Error).name === 'CredentialsProviderError' ? 'no usable AWS credentials (environment, profile, SSO or instance role)' : `AWS credentials stopped working: ${(e as Error).message.split('\n')[0]}`);
    throw e;
  }
}

/** One line on stderr when Service Quotas could not be read: the quotas are unknown, and what to allow. */
function quotaHint(t: QuotaTable, io: Io): void {
  for (const p of t.problems) {
    const denied = /AccessDenied|NotAuthorized|Unauthorized/i.test(p.code);
    io.stderr.write(
      `deploy-advisor: Service Quotas ${p.operation} ${denied ? 'was denied' : `failed (${p.code}: ${p.message})`}: the quotas it would give are unknown${denied ? `; allow ${quotaAction(p)} (deploy-advisor audit --print-policy --quotas prints the policy)` : ''}\n`,
    );
  }
}

/**
 * `audit --quotas --answers FILE`: the plan `recommend` makes for the answers, checked against the
 * account's quotas and what every InService endpoint of the Region may use of them, before it is
 * deployed. No metrics are read.
 */
async function runQuotaCheck(flags: AuditFlags, io: Io, deps: AuditDeps): Promise<number> {
  const { readAnswersFile } = await import('./answers-file');
  const { answers: raw, origins } = await readAnswersFile(flags.answers!);
  const n = normalize(raw, origins);
  const clients = await clientsFor(flags.region ?? n.region ?? undefined, io, deps, true);
  // The plan recommend makes for the same answers: the same price table (the answers' region or --prices, as recommend picks it).
  let prices = BUILTIN_PRICES;
  if (n.cost || flags.prices !== undefined || n.region !== null) {
    const { table, hint } = loadPrices({ region: n.region ?? undefined, prices: flags.prices }, io);
    if (hint) io.stderr.write(`deploy-advisor: ${hint}\n`);
    prices = table;
  }
  const advice = adviseWith(n.workload, n.deployment, n.cost, prices);
  if (!advice) {
    io.stderr.write(`deploy-advisor: no option fits these answers, so there is no plan to check (deploy-advisor recommend --answers ${flags.answers} says why)\n`);
    return EXIT.findings;
  }
  const names = await listAll(clients, io.env);
  const usage: UsageByEndpoint = new Map();
  const unread: string[] = [];
  for (let i = 0; i < names.length; i += GROUP) {
    for (const e of await describeAll(clients, names.slice(i, i + GROUP))) {
      // An endpoint whose instance counts could not be read would be counted as 0: say so instead.
      if (e.problems.some((p) => p.service === 'sagemaker') || e.configMissing) unread.push(e.endpointName);
      usage.set(e.endpointName, endpointUse(e));
    }
  }
  const t = await readQuotas(clients, (x) => advice.quotas.some((q) => !inAccountList(x, q)));
  quotaHint(t, io);
  const quotas = checkQuotas(advice.quotas, usage, t, null);
  const report: QuotaCheckReport = {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    check: 'quotas',
    region: clients.region,
    answers: flags.answers!,
    endpointsRead: names.length - unread.length,
    endpointsUnread: unread,
    recommendation: { option: advice.option, architecture: advice.architecture, summary: advice.summary, plan: advice.plan },
    serviceQuotas: quotaSource(t),
    quotas,
    findings: quotaFindings(quotas, t, clients.region),
  };
  const format = flags.format ?? 'text';
  if (format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') io.stdout.write(JSON.stringify(quotaCheckSarif(report), null, 2) + '\n');
  else io.stdout.write(renderQuotaCheckText(report));
  return exitFor(report.findings, flags.failOn ?? 'error');
}

function evaluate(e: DeployedEndpoint, metrics: Parameters<typeof measure>[1], window: ReturnType<typeof windowFor>, flags: AuditFlags, table: ReturnType<typeof loadPrices>['table']): { report: EndpointReport; quotas: QuotaNeed[] | null } {
  const base = { endpointName: e.endpointName, endpointArn: e.endpointArn, status: e.status, written: [] as string[] };
  if (e.deleted || !e.variants.length) {
    return { report: { ...base, current: null, measured: null, recommendation: null, savingsUsd: null, findings: auditFindings(e, null, null, null, window.days) }, quotas: null };
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
  return { report, quotas: advice?.quotas ?? null };
}

function writeConfig(flags: AuditFlags, files: { name: string; content: string }[], endpoint: string): string[] {
  return writeFiles(`${flags.output}/${endpoint}`, files, Boolean(flags.force));
}
