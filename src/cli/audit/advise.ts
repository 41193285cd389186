// The one place `audit` calls the advisor core: advise() (src/rules/advise/decide.ts), the same
// assessment, choice by cost, sizing and plan as `recommend`, run on a measured workload, and the
// same emitters for --output. When the core moves, only this file changes.

import { generate, type Config, type Target } from '../../emit/index';
import type { Deployment } from '../../rules/plan/deployment';
import { advise } from '../../rules/advise/decide';
import type { CostAnswers } from '../../rules/advise/cost-choice';
import type { Architecture } from '../../rules/plan/types';
import type { OptionId } from '../../rules/facts/limits';
import type { PriceTable } from '../../rules/facts/prices';
import type { Workload } from '../../rules/workload';
import type { QuotaNeed } from '../../rules/facts/quotas';
import { nameFlagsIn } from '../inputs';
import { FLAG_REF } from '../../rules/flag-ref';

/**
 * The core's texts name answers as {{flag:key}} for recommend's flags; audit measured them instead:
 * "(give --peak ...)" hints are dropped, and any other reference names the answer.
 */
export function auditText(text: string): string {
  return text.replace(/\s*\((?:give|set) \{\{flag:[^)]*\)/g, '').replace(FLAG_REF, (_m, key: string) => `the ${key} answer`);
}

/** The recommended configuration, as audit reports it. */
export interface AdvisedPlan {
  instanceType: string | null;
  initialInstanceCount: number | null;
  minInstances: number | null;
  maxInstances: number | null;
  serverless: { memoryMB: number; maxConcurrency: number; provisionedConcurrency: number | null } | null;
  scaleToZero: boolean;
}

export interface Advice {
  option: OptionId;
  architecture: Architecture;
  /** null when a price is unknown. */
  monthlyUsd: number | null;
  plan: AdvisedPlan;
  summary: string;
  reasons: string[];
  /** What the estimate assumed (peaks, sizes, the month). */
  assumptions: string[];
  /** The Service Quotas the plan needs (plan.quotas), for --quotas. */
  quotas: QuotaNeed[];
  /** Writes the configuration files for a target (for --output). */
  config(target: Target): Config;
}

/** Runs the advisor on a measured workload with the run's price table; null when no option fits. */
export function adviseMeasured(workload: Workload, cost: CostAnswers, prices: PriceTable, endpointName: string): Advice | null {
  return adviseWith(workload, { name: endpointName }, cost, prices);
}

/** Runs the advisor on a workload and deployment as `recommend` does (audit --quotas --answers); null when no option fits. */
export function adviseWith(workload: Workload, d: Deployment, cost: CostAnswers | null, prices: PriceTable): Advice | null {
  const a = advise({ workload, deployment: d, prices, answers: cost });
  const rec = a.recommendation;
  const plan = a.plan;
  if (!rec || !plan) return null;
  return {
    option: rec.option,
    architecture: rec.architecture,
    monthlyUsd: a.cost?.monthlyUsd ?? null,
    plan: {
      instanceType: plan.instanceType,
      initialInstanceCount: plan.instances?.initial ?? null,
      minInstances: plan.instances?.min ?? null,
      maxInstances: plan.instances?.max ?? null,
      serverless: plan.serverless,
      scaleToZero: Boolean(rec.scaleToZero) || Boolean(plan.async?.scaleToZero),
    },
    summary: auditText(rec.summary),
    reasons: rec.reasons.map((r) => auditText(r.text)),
    assumptions: [...(a.cost?.assumptions ?? []), ...a.assumptions].map(auditText),
    quotas: plan.quotas,
    // The files' comments name recommend's flags: the way to change a value and generate again.
    config: (target) => nameFlagsIn(generate({ recommendation: rec, plan, cost: a.cost }, d, target)),
  };
}
