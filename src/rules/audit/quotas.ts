// `audit --quotas`: whether a recommended plan fits the account's SageMaker Service Quotas in the
// Region, given what the other InService endpoints may already use. Pure: the reader
// (src/cli/audit/read.ts) fills a QuotaTable from ListServiceQuotas (and, for quotas the account's
// list leaves out, ListAWSDefaultServiceQuotas); tests fill it from recorded responses.

import { QUOTA_NAMES, QUOTA_SERVICE_CODE, type QuotaNeed } from '../facts/quotas';
import { auditFinding, type AuditFinding } from './rules';
import type { DeployedEndpoint } from './types';

/** One quota as Service Quotas lists it (the fields audit uses). */
export interface ListedQuota {
  code: string;
  name: string;
  value: number;
}

/** A failed Service Quotas call. */
export interface QuotaProblem {
  operation: 'ListServiceQuotas' | 'ListAWSDefaultServiceQuotas';
  code: string;
  message: string;
}

/**
 * What audit read of Service Quotas: the account's applied values (null when the call failed), the
 * AWS defaults (null when not needed or failed), and the failures. ListServiceQuotas leaves out a
 * quota whose applied value is not available; then the default is the value in effect.
 */
export interface QuotaTable {
  applied: ListedQuota[] | null;
  defaults: ListedQuota[] | null;
  problems: QuotaProblem[];
}

export type QuotaStatus = 'ok' | 'exceeds' | 'unknown';

/** One quota a plan needs, checked: what JSON output shows (`quotas` of an endpoint, or of a --answers check). */
export interface QuotaCheck {
  name: string;
  /** The quota code: from the listing, else the plan's; null when neither has it. */
  code: string | null;
  unit: QuotaNeed['unit'];
  /** What the plan needs, at its largest (autoscaling maximum; Serverless MaxConcurrency). */
  needed: number;
  /** What the other InService endpoints may use of it now (see endpointUse). */
  inUseElsewhere: number;
  /** The endpoints counted in inUseElsewhere. */
  usedBy: string[];
  /** The value in effect; null when unknown. */
  applied: number | null;
  /** Where applied comes from: the account's ListServiceQuotas, or the AWS default (the account's list left it out). */
  appliedFrom: 'account' | 'default' | null;
  status: QuotaStatus;
}

/** A quota's use by one endpoint. */
export interface QuotaUseOf {
  name: string;
  value: number;
}

/**
 * What one InService endpoint may use of each quota: an instance variant the larger of its current
 * count and the maximum it may scale to (its Application Auto Scaling target, or ManagedInstanceScaling
 * for inference components), since any scale-out draws on the same Regional quota; a Serverless
 * variant its MaxConcurrency, which is what the Serverless quota counts. Endpoints not InService
 * (Creating, Updating, Failed) hold no instances audit can count and are left out.
 */
export function endpointUse(e: DeployedEndpoint): QuotaUseOf[] {
  if (e.deleted || (e.status !== null && e.status !== 'InService')) return [];
  const by = new Map<string, number>();
  const add = (name: string, n: number) => by.set(name, (by.get(name) ?? 0) + n);
  for (const v of e.variants) {
    if (v.serverless) add(QUOTA_NAMES.serverless.name, v.serverless.maxConcurrency);
    else if (v.instanceType) {
      const now = v.currentInstanceCount ?? v.initialInstanceCount ?? 0;
      const mis = v.managedInstanceScaling?.status === 'ENABLED' ? (v.managedInstanceScaling.maxInstanceCount ?? 0) : 0;
      add(QUOTA_NAMES.endpoint.name(v.instanceType), Math.max(now, v.autoscaling?.maxCapacity ?? 0, mis));
    }
  }
  return [...by].map(([name, value]) => ({ name, value }));
}

/** The uses of every endpoint read, by endpoint name: what each check subtracts its own endpoint from. */
export type UsageByEndpoint = Map<string, QuotaUseOf[]>;

function find(list: ListedQuota[] | null, need: QuotaNeed): ListedQuota | undefined {
  if (!list) return undefined;
  // Where the plan gives a code, it decides (names can be reworded); otherwise the exact name.
  return (need.code ? list.find((q) => q.code === need.code) : undefined) ?? list.find((q) => q.name === need.name);
}

/** Whether the quota is in the account's list, or else the defaults: the lookup that decides whether the defaults must be read. */
export const inAccountList = (t: QuotaTable, need: QuotaNeed) => find(t.applied, need) !== undefined;

/** The checks of a plan's needs against the table, counting every endpoint's use except `self`'s (the endpoint the plan would replace). */
export function checkQuotas(needs: readonly QuotaNeed[], usage: UsageByEndpoint, table: QuotaTable, self: string | null): QuotaCheck[] {
  return needs.map((need) => {
    let inUse = 0;
    const usedBy: string[] = [];
    for (const [endpoint, uses] of usage) {
      if (endpoint === self) continue;
      const u = uses.find((x) => x.name === need.name);
      if (u && u.value > 0) {
        inUse += u.value;
        usedBy.push(endpoint);
      }
    }
    const account = find(table.applied, need);
    const fallback = account ? undefined : find(table.defaults, need);
    const q = account ?? fallback;
    const applied = q ? q.value : null;
    return {
      name: need.name,
      code: q?.code ?? need.code,
      unit: need.unit,
      needed: need.value,
      inUseElsewhere: inUse,
      usedBy: usedBy.sort(),
      applied,
      appliedFrom: account ? 'account' : fallback ? 'default' : null,
      status: applied === null ? 'unknown' : need.value + inUse > applied ? 'exceeds' : 'ok',
    };
  });
}

/** The IAM action a denied Service Quotas call needs. */
export const quotaAction = (p: QuotaProblem) => `servicequotas:${p.operation}`;

/** The findings of one plan's checks: DA8007 for each quota exceeded, DA8008 for each unknown. */
export function quotaFindings(checks: readonly QuotaCheck[], table: QuotaTable, region: string): AuditFinding[] {
  const out: AuditFinding[] = [];
  const problem = table.applied === null ? table.problems.find((p) => p.operation === 'ListServiceQuotas') : table.problems.find((p) => p.operation === 'ListAWSDefaultServiceQuotas');
  for (const c of checks) {
    if (c.status === 'exceeds') {
      const desired = c.needed + c.inUseElsewhere;
      const code = c.code ?? 'CODE';
      out.push(
        auditFinding('DA8007', 'exceeds', {
          quota: c.name,
          code: c.code ?? '(no code listed)',
          applied: c.applied!,
          from: c.appliedFrom === 'default' ? 'AWS default' : 'applied',
          needed: c.needed,
          inUse: c.inUseElsewhere,
          command: `aws service-quotas request-service-quota-increase --service-code ${QUOTA_SERVICE_CODE} --quota-code ${code} --desired-value ${desired} --region ${region}`,
        }),
      );
    } else if (c.status === 'unknown') {
      const data = { quota: c.name, needed: c.needed, region };
      if (problem && /AccessDenied|NotAuthorized|Unauthorized/i.test(problem.code)) out.push(auditFinding('DA8008', 'denied', { ...data, operation: problem.operation, action: quotaAction(problem) }));
      else if (problem) out.push(auditFinding('DA8008', 'readFailed', { ...data, operation: problem.operation, code: problem.code, message: problem.message }));
      else out.push(auditFinding('DA8008', 'notListed', data));
    }
  }
  return out;
}
