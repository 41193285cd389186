// audit's report: the JSON shape (schemaVersion 1), the text table sorted by savings, and SARIF.

import { plural } from '../../rules/text';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { version } from '../../../package.json';
import type { Current, CurrentPlan } from '../../rules/audit/current-cost';
import type { Measurement } from '../../rules/audit/measure';
import { AUDIT_RULES, type AuditFinding } from '../../rules/audit/rules';
import type { Window } from '../../rules/audit/types';
import { OPTION_NAMES } from '../../rules/advise/engine';
import type { Architecture } from '../../rules/plan/types';
import type { OptionId } from '../../rules/facts/limits';
import { formatUsd } from '../../rules/units';
import { REPO, ruleDocUrl, sourceUrl } from '../links';
import type { AdvisedPlan } from './advise';
import type { QuotaCheck, QuotaProblem, QuotaTable } from '../../rules/audit/quotas';

export const AUDIT_SCHEMA_VERSION = 1;

export interface EndpointReport {
  endpointName: string;
  endpointArn: string | null;
  status: string | null;
  current: { option: OptionId; architecture: Architecture; monthlyUsd: number | null; plan: CurrentPlan; breakdown: Current['breakdown']; assumptions: string[]; unpriced: string[] } | null;
  measured: Omit<Measurement, 'workload' | 'cost'> | null;
  recommendation: { option: OptionId; architecture: Architecture; monthlyUsd: number | null; plan: AdvisedPlan; summary: string; reasons: string[]; assumptions: string[] } | null;
  /** Current minus recommended monthly cost; null when either is unknown. */
  savingsUsd: number | null;
  findings: AuditFinding[];
  /** Files written for the recommended configuration (--output). */
  written: string[];
  /** --quotas: the Service Quotas the recommended plan needs, checked (empty when there is no recommendation). */
  quotas?: QuotaCheck[];
}

/** --quotas: what was read of Service Quotas (counts of quotas listed; null when not read) and the calls that failed. */
export interface QuotaSource {
  serviceCode: 'sagemaker';
  applied: number | null;
  defaults: number | null;
  problems: QuotaProblem[];
}

export const quotaSource = (t: QuotaTable): QuotaSource => ({ serviceCode: 'sagemaker', applied: t.applied?.length ?? null, defaults: t.defaults?.length ?? null, problems: t.problems });

/** `audit --quotas --answers FILE`: the plan recommend makes for the answers, checked against the account's quotas before it is deployed. */
export interface QuotaCheckReport {
  schemaVersion: number;
  check: 'quotas';
  region: string;
  answers: string;
  /** InService endpoints whose use was counted, and those that could not be read (their use is not counted). */
  endpointsRead: number;
  endpointsUnread: string[];
  recommendation: { option: OptionId; architecture: Architecture; summary: string; plan: AdvisedPlan };
  serviceQuotas: QuotaSource;
  quotas: QuotaCheck[];
  findings: AuditFinding[];
}

export interface AuditReport {
  schemaVersion: number;
  region: string;
  window: Window;
  prices: { region: string; asOf: string | null; source: string };
  endpoints: EndpointReport[];
  totals: { currentUsd: number; recommendedUsd: number; savingsUsd: number; endpoints: number; unknown: number };
  /** --quotas only. */
  serviceQuotas?: QuotaSource;
}

/** Endpoints by savings, largest first; unknown savings last, then by name. */
export function bySavings(a: EndpointReport, b: EndpointReport): number {
  const x = a.savingsUsd ?? -Infinity;
  const y = b.savingsUsd ?? -Infinity;
  return x !== y ? y - x : a.endpointName < b.endpointName ? -1 : 1;
}

const SHORT: Record<OptionId, string> = { 'real-time': 'Real-Time', serverless: 'Serverless', async: 'Async', 'batch-transform': 'Batch' };
const money = (n: number | null | undefined) => (n === null || n === undefined ? 'unknown' : formatUsd(n));

function describeCurrent(e: EndpointReport): string {
  const c = e.current;
  if (!c) return '-';
  const v = c.plan.variants.map((x) => (x.serverless ? `${x.serverless.memoryMB} MB` : `${x.instanceCount ?? '?'} x ${x.instanceType ?? '?'}`)).join(' + ');
  return `${SHORT[c.option]}${v ? ` ${v}` : ''}`;
}

function describeRec(e: EndpointReport): string {
  const r = e.recommendation;
  if (!r) return '-';
  const p = r.plan;
  const min = p.minInstances ?? p.initialInstanceCount;
  const count = min === null ? '?' : p.maxInstances === null || p.maxInstances === min ? String(min) : `${min}-${p.maxInstances}`;
  const what = p.serverless ? `${p.serverless.memoryMB} MB` : p.instanceType ? `${count} x ${p.instanceType}` : '';
  return `${SHORT[r.option]}${what ? ` ${what}` : ''}${p.scaleToZero ? ' (to zero)' : ''}`;
}

export function renderAuditText(r: AuditReport, bold: (s: string) => string = (s) => s): string {
  const rows = [...r.endpoints].sort(bySavings);
  const head = ['ENDPOINT', 'NOW', '$/MONTH', 'RECOMMENDED', '$/MONTH', 'SAVES', 'FINDINGS'];
  const body = rows.map((e) => [
    e.endpointName,
    describeCurrent(e),
    money(e.current?.monthlyUsd),
    describeRec(e),
    money(e.recommendation?.monthlyUsd),
    e.savingsUsd === null ? 'unknown' : formatUsd(e.savingsUsd),
    e.findings.map((f) => f.ruleId).join(' ') || '-',
  ]);
  const t = r.totals;
  const total = ['TOTAL', '', formatUsd(t.currentUsd), '', formatUsd(t.recommendedUsd), formatUsd(t.savingsUsd), ''];
  const all = [head, ...body, total];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const right = new Set([2, 4, 5]);
  const line = (row: string[]) =>
    row
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [
    `deploy-advisor audit: ${plural(r.endpoints.length, 'endpoint')} in ${r.region}, ${r.window.days} days of metrics (${r.window.start} to ${r.window.end}); prices: ${r.prices.source}${r.prices.asOf ? ` (${r.prices.asOf})` : ''}`,
    '',
    bold(line(head)),
    ...body.map(line),
    bold(line(total)),
  ];
  if (t.unknown) out.push(`(${plural(t.unknown, 'endpoint')} with an unknown cost left out of the total)`);
  const withFindings = rows.filter((e) => e.findings.length);
  if (withFindings.length) {
    out.push('', 'Findings:');
    for (const e of withFindings) {
      out.push(`  ${e.endpointName}`);
      for (const f of e.findings) out.push(`    ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.messageId}: ${f.message}`);
      for (const w of e.written) out.push(`    wrote ${w}`);
    }
  }
  if (r.serviceQuotas) out.push('', ...quotaTable(rows.flatMap((e) => (e.quotas ?? []).map((q) => ({ endpoint: e.endpointName, q })))));
  const measured = rows.find((e) => e.measured)?.measured;
  if (measured) {
    out.push(
      '',
      `Not measured (CloudWatch does not have them; assumed for every endpoint): ${measured.unmeasured
        .filter((u) => ['payload', 'latency', 'requestSize', 'streaming'].includes(u.key))
        .map((u) => `${u.key} ${u.assumed}`)
        .join(', ')}.`,
    );
    out.push("Each endpoint's measured answers, their metrics, and the recommendation's reasons: --format json.");
  }
  return out.join('\n') + '\n';
}

/** The quotas checked, as a table: one row per quota (and endpoint, in an audit). */
export function quotaTable(rows: { endpoint?: string; q: QuotaCheck }[]): string[] {
  if (!rows.length) return ['Service quotas: no recommended plan to check.'];
  const withEndpoint = rows.some((r) => r.endpoint !== undefined);
  const head = [...(withEndpoint ? ['ENDPOINT'] : []), 'QUOTA', 'CODE', 'NEEDED', 'IN USE ELSEWHERE', 'APPLIED', 'STATUS'];
  const body = rows.map(({ endpoint, q }) => [
    ...(withEndpoint ? [endpoint ?? ''] : []),
    q.name,
    q.code ?? '-',
    String(q.needed),
    String(q.inUseElsewhere),
    q.applied === null ? 'unknown' : `${q.applied}${q.appliedFrom === 'default' ? ' (default)' : ''}`,
    q.status,
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  const right = new Set([head.length - 4, head.length - 3, head.length - 2]);
  const line = (row: string[]) =>
    '  ' +
    row
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return ['Service quotas (in use elsewhere: the other InService endpoints, each at its autoscaling maximum or current count, whichever is larger):', line(head), ...body.map(line)];
}

/** `audit --quotas --answers FILE` as text. */
export function renderQuotaCheckText(r: QuotaCheckReport): string {
  const p = r.recommendation.plan;
  const min = p.minInstances ?? p.initialInstanceCount;
  const count = min === null ? '' : p.maxInstances === null || p.maxInstances === min ? `${min} x ` : `${min}-${p.maxInstances} x `;
  const what = p.serverless ? `${p.serverless.memoryMB} MB, MaxConcurrency ${p.serverless.maxConcurrency}` : p.instanceType ? `${count}${p.instanceType}` : '';
  const out = [
    `deploy-advisor audit --quotas: the plan for ${r.answers} against the Service Quotas of ${r.region} (${plural(r.endpointsRead, 'InService endpoint')} counted)`,
    `Plan: ${OPTION_NAMES[r.recommendation.option]}${what ? ` (${what})` : ''}`,
    '',
    ...quotaTable(r.quotas.map((q) => ({ q }))),
  ];
  if (r.endpointsUnread.length) out.push(`(not counted, could not be read: ${r.endpointsUnread.join(', ')})`);
  if (r.findings.length) out.push('', 'Findings:', ...r.findings.map((f) => `  ${f.severity.padEnd(7)}  ${f.ruleId}  ${f.messageId}: ${f.message}`));
  else if (r.quotas.length) out.push('', 'Every quota the plan needs fits.');
  return out.join('\n') + '\n';
}

/** `audit --quotas --answers FILE` as SARIF: each finding located in the answers file. */
export function quotaCheckSarif(r: QuotaCheckReport): Log {
  const used = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'deploy-advisor', version, informationUri: REPO, rules: used.map(descriptor) } },
        results: r.findings.map((f): Result => ({
          ruleId: f.ruleId,
          ruleIndex: used.indexOf(f.ruleId),
          level: f.severity,
          message: { text: f.message },
          properties: { messageId: f.messageId, region: r.region },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.answers } } }],
        })),
      },
    ],
  };
}

function descriptor(id: string): ReportingDescriptor {
  const r = AUDIT_RULES.find((x) => x.id === id)!;
  return { id: r.id, name: r.name, shortDescription: { text: r.title }, fullDescription: { text: r.description }, helpUri: ruleDocUrl(r.id), defaultConfiguration: { level: r.severity }, properties: { source: sourceUrl(r.source) } };
}

/** Findings as SARIF 2.1.0: each result's location is the endpoint, a logical location named by its ARN. */
export function auditSarif(r: AuditReport): Log {
  const used = [...new Set(r.endpoints.flatMap((e) => e.findings.map((f) => f.ruleId)))].sort();
  const results: Result[] = r.endpoints.flatMap((e) =>
    e.findings.map((f): Result => ({
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: f.severity,
      message: { text: `${e.endpointName}: ${f.message}` },
      properties: { messageId: f.messageId, endpointName: e.endpointName, ...(e.savingsUsd !== null ? { savingsUsd: e.savingsUsd } : {}) },
      locations: [{ logicalLocations: [{ name: e.endpointName, fullyQualifiedName: e.endpointArn ?? `sagemaker/${r.region}/endpoint/${e.endpointName}`, kind: 'resource' }] }],
    })),
  );
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'deploy-advisor', version, informationUri: REPO, rules: used.map(descriptor) } }, results }],
  };
}

export { OPTION_NAMES };
